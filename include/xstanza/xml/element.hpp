// xstanza: a read-only view of a parsed XML element, handed to payload parsers
// (payload_parser<P>, the extension point). It lives as long as the parse it came from.
#ifndef XSTANZA_XML_ELEMENT_HPP
#define XSTANZA_XML_ELEMENT_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "dom.hpp"

namespace xstanza {

/// A parsed element: name, namespace, attributes and text are views into the input buffer,
/// or, when they need decoding, into the Parser's storage (the input is never modified).
class element {
public:
    element(detail::xml_node* node, const detail::doc_context* context) noexcept : node_(node), context_(context) {}

    /// Local name (without prefix).
    std::string_view name() const noexcept { return detail::local_name(node_); }
    /// Qualified name as written ("stream:error").
    std::string_view qname() const noexcept { return detail::name_of(node_); }
    /// Namespace URI, resolved through the declarations in scope ("" for none).
    std::string_view ns() const noexcept { return detail::resolve_ns(node_); }
    /// Byte offset of the element's '<' in the input.
    std::size_t offset() const noexcept { return std::size_t(node_->name() - 1 - context_->base); }
    /// The decoded value of the attribute with this qualified name ("xml:lang"), if present.
    /// Decoded out of place, as text() is.
    std::optional<std::string_view> attribute(std::string_view qname) const noexcept {
        if (detail::xml_attr* a = detail::find_attr(node_, qname)) return detail::attr_copy(a, *context_->texts);
        return std::nullopt;
    }
    /// Byte offset of an attribute's value, or of the element when it is absent.
    std::size_t attribute_offset(std::string_view qname) const noexcept {
        if (detail::xml_attr* a = detail::find_attr(node_, qname)) return std::size_t(a->value() - context_->base);
        return offset();
    }
    /// The element's own character data, decoded, CDATA sections joined; empty when the
    /// element has child elements (mixed content is not modelled).
    /// Decoded out of place: the input bytes stay as they were (an opaque payload's bytes are
    /// re-emitted verbatim); empty when out of memory, which out_of_memory() then tells (and a
    /// payload_parser's result is then replaced by errc::out_of_memory).
    std::string_view text() const noexcept {
        if (has_children()) return {};
        return detail::text_copy(node_, *context_->texts);
    }
    /// True when a text() or attribute() of this parse returned empty because the decoded
    /// copy could not be allocated.
    bool out_of_memory() const noexcept { return context_->texts->failed(); }
    /// True when the element has child elements.
    bool has_children() const noexcept { return detail::has_element_child(node_); }

    /// Forward range over the child elements.
    class iterator {
    public:
        iterator(detail::xml_node* n, const element* parent) noexcept : n_(n), parent_(parent) {}
        element operator*() const noexcept { return element(n_, parent_->context_); }
        iterator& operator++() noexcept { n_ = n_->next_sibling(); return *this; }
        bool operator!=(const iterator& o) const noexcept { return n_ != o.n_; }
        bool operator==(const iterator& o) const noexcept { return n_ == o.n_; }

    private:
        detail::xml_node* n_;
        const element* parent_;
    };
    iterator begin() const noexcept { return iterator(node_->first_node(), this); }
    iterator end() const noexcept { return iterator(nullptr, this); }

    /// The underlying node (for xstanza's own parsers).
    detail::xml_node* node() const noexcept { return node_; }

private:
    detail::xml_node* node_;
    const detail::doc_context* context_;
};

}  // namespace xstanza

#endif  // XSTANZA_XML_ELEMENT_HPP
