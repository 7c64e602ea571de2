// xstanza: a read-only view of a parsed XML element, what every codec reads (the built-in
// ones and payload_parser<P>, the extension point). It lives as long as the parse it came
// from. Its interface names no RapidXML type, so the engine behind it may change.
#ifndef XSTANZA_XML_ELEMENT_HPP
#define XSTANZA_XML_ELEMENT_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "dom.hpp"

// The view's accessors are the codecs' inner loop: inlined, they cost what reading the tree
// directly costs.
#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_VIEW_INLINE [[gnu::always_inline]] inline
#else
#define XSTANZA_VIEW_INLINE inline
#endif

namespace xstanza {

class element;

namespace detail {
struct element_access;

// A forward iterator over child elements, or attributes, yielding views.
template <class Node, class View>
class view_iterator {
public:
    View operator*() const noexcept { return View(n_, c_); }
    view_iterator& operator++() noexcept {
        n_ = next(n_);
        return *this;
    }
    bool operator!=(const view_iterator& o) const noexcept { return n_ != o.n_; }
    bool operator==(const view_iterator& o) const noexcept { return n_ == o.n_; }

private:
    friend class xstanza::element;  // the only one that starts an iteration
    view_iterator(Node* n, const doc_context* c) noexcept : n_(n), c_(c) {}
    // The next sibling element, or null; an element's attributes lie side by side.
    static xnode* next(xnode* n) noexcept { return n->next_sibling; }
    static xattr* next(xattr* a) noexcept { return a + 1; }
    Node* n_;
    const doc_context* c_;
};
}  // namespace detail

/// One attribute of an element: its qualified name as written and its decoded value.
class attribute {
public:
    /// No attribute (a null handle): only operator bool may be called on it.
    attribute() noexcept : a_(nullptr), c_(nullptr) {}
    /// True when this is an attribute, not the null handle.
    explicit operator bool() const noexcept { return a_ != nullptr; }
    /// The qualified name as written ("xml:lang").
    std::string_view qname() const noexcept { return detail::name_of(a_); }
    /// The value, references decoded and white space normalised (XML 1.0 §3.3.3); see
    /// element::text() for where decoded bytes live.
    XSTANZA_VIEW_INLINE std::string_view value() const noexcept {
        return c_->in_place ? detail::attr_value(a_) : detail::attr_copy(a_, *c_->texts);
    }
    /// Byte offset of the value in the input.
    std::size_t offset() const noexcept { return std::size_t(a_->value_ - c_->base); }

    /// Forward range over an element's attributes.
    using iterator = detail::view_iterator<detail::xattr, attribute>;

private:
    friend class element;
    friend struct detail::element_access;
    friend class detail::view_iterator<detail::xattr, attribute>;
    attribute(detail::xattr* a, const detail::doc_context* c) noexcept : a_(a), c_(c) {}
    detail::xattr* a_;
    const detail::doc_context* c_;
};

/// A parsed element: name, namespace, attributes and text are views into the input buffer,
/// or, when they need decoding, into the input (decoded in place) or the Parser's storage.
class element {
public:
    /// No element (a null handle): only operator bool may be called on it.
    element() noexcept : node_(nullptr), context_(nullptr) {}
    /// True when this is an element, not the null handle.
    explicit operator bool() const noexcept { return node_ != nullptr; }
    /// Local name (without prefix).
    std::string_view name() const noexcept { return detail::local_name(node_); }
    /// Qualified name as written ("stream:error").
    std::string_view qname() const noexcept { return detail::name_of(node_); }
    /// Namespace URI, resolved through the declarations in scope ("" for none).
    std::string_view ns() const noexcept { return detail::resolve_ns(node_); }
    /// True when the element's name is `local` in namespace `ns_` (both compared exactly).
    bool is(std::string_view local, std::string_view ns_) const noexcept {
        return detail::same(name(), local) && detail::same(ns(), ns_);
    }
    /// True when the name carries no prefix (it is in the default namespace, or none).
    bool unprefixed() const noexcept { return node_->local == 0; }
    /// Byte offset of the element's '<' in the input.
    std::size_t offset() const noexcept { return std::size_t(node_->name_ - 1 - context_->base); }

    /// The attribute with this qualified name ("xml:lang"), if present.
    std::optional<xstanza::attribute> find(std::string_view qname) const noexcept {
        if (detail::xattr* a = detail::find_attr(node_, qname)) return xstanza::attribute(a, context_);
        return std::nullopt;
    }
    /// The decoded value of the attribute with this qualified name, if present.
    std::optional<std::string_view> attribute(std::string_view qname) const noexcept {
        if (auto a = find(qname)) return a->value();
        return std::nullopt;
    }
    /// Byte offset of an attribute's value, or of the element when it is absent.
    std::size_t attribute_offset(std::string_view qname) const noexcept {
        if (auto a = find(qname)) return a->offset();
        return offset();
    }
    /// The attributes, in document order.
    struct attribute_range {
        ///@{
        /// The first attribute (b) and past the last (e).
        xstanza::attribute::iterator b, e;
        ///@}
        /// The first attribute.
        xstanza::attribute::iterator begin() const noexcept { return b; }
        /// Past the last attribute.
        xstanza::attribute::iterator end() const noexcept { return e; }
    };
    /// The attributes, in document order.
    attribute_range attributes() const noexcept {
        return {{node_->attrs, context_}, {node_->attrs + node_->attr_count, context_}};
    }

    /// The element's own character data, decoded, CDATA sections joined; empty when the
    /// element has child elements (mixed content is not modelled).
    /// Where decoded bytes live: a typed parse decodes in place, in the input (the documented
    /// contract of parse_in_situ; parse() works on the Parser's copy). A view of an opaque
    /// payload (Parser::view, Parser::cast) decodes out of place, into the Parser's storage,
    /// so the payload's bytes stay as they came (serialize re-emits them verbatim); empty when
    /// out of memory, which out_of_memory() then tells (and a payload_parser's result is then
    /// replaced by errc::out_of_memory).
    XSTANZA_VIEW_INLINE std::string_view text() const noexcept {
        if (has_children()) return {};
        return context_->in_place ? detail::text_of(node_) : detail::text_copy(node_, *context_->texts);
    }
    /// True when a text() or attribute() of this parse returned empty because the decoded
    /// copy could not be allocated.
    bool out_of_memory() const noexcept { return context_->texts->failed(); }
    /// True when the element has child elements.
    bool has_children() const noexcept { return detail::has_element_child(node_); }

    /// Forward range over the child elements.
    using iterator = detail::view_iterator<detail::xnode, element>;
    /// The first child element.
    iterator begin() const noexcept { return iterator(node_->first_child, context_); }
    /// Past the last child element.
    iterator end() const noexcept { return iterator(nullptr, context_); }

private:
    friend struct detail::element_access;
    friend class detail::view_iterator<detail::xnode, element>;
    element(detail::xnode* node, const detail::doc_context* context) noexcept : node_(node), context_(context) {}

    detail::xnode* node_;
    const detail::doc_context* context_;
};

namespace detail {
/// The engine's side of the view: making one from a node, and the node and context behind
/// one (for the engine and the built-in codecs, which share its decoding state).
struct element_access {
    static element make(xnode* n, const doc_context* c) noexcept { return element(n, c); }
    static xnode* node(const element& e) noexcept { return e.node_; }
    static const doc_context& context(const element& e) noexcept { return *e.context_; }
    static xattr* node(const attribute& a) noexcept { return a.a_; }
    static const doc_context* context(const attribute& a) noexcept { return a.c_; }
};
}  // namespace detail

}  // namespace xstanza

#undef XSTANZA_VIEW_INLINE

#endif  // XSTANZA_XML_ELEMENT_HPP
