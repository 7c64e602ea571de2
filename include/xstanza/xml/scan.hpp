// xstanza detail: the validating scanner, which also builds the element tree.
//
// RapidXML's parser is fast but does not validate: it checks no UTF-8, no
// duplicate attributes, no closing tag names and no namespaces, accepts '<' in
// attribute values and several roots, skips comments, PIs and DOCTYPEs, and
// recurses once per nesting level. The scanner makes one linear, non-recursive
// pass over the whole input and accepts exactly one well-formed,
// namespace-well-formed element of the XML subset XMPP allows (RFC 6120 §11.1).
// In the same pass it builds the tree in RapidXML's node types and memory pool
// (xnode/xattr, dom.hpp), with what it learnt on the way: each element's
// namespace, where its text is and whether any value or text needs decoding.
//
// This file holds the document, the element loop and the scanner class. The rest are free
// functions over the scanner's state (scan_state.hpp, which lists them), one header per
// concern: characters and UTF-8 (chars.hpp), names (names.hpp), text, references and other
// markup (content.hpp), attributes (attributes.hpp), namespaces (namespaces.hpp) and the
// tree's nodes (builder.hpp).
#ifndef XSTANZA_XML_SCAN_HPP
#define XSTANZA_XML_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "dom.hpp"
#include "text.hpp"
#include "scan_state.hpp"
#include "chars.hpp"
#include "names.hpp"
#include "content.hpp"
#include "attributes.hpp"
#include "namespaces.hpp"
#include "builder.hpp"

namespace xstanza::detail {

namespace scan_impl {

// The document and the element loop.
parse_error run(scan_state& s, const char* data, std::size_t size, const parse_limits& limits, xml_doc* dom) noexcept;
const byte* document(scan_state& s) noexcept;
const byte* prolog(scan_state& s, const byte* p) noexcept;
const byte* epilog(scan_state& s, const byte* p) noexcept;
const byte* element_tree(scan_state& s, const byte* p) noexcept;
const byte* mismatched(scan_state& s, const byte* lt) noexcept;

}  // namespace scan_impl

/// Validates a whole stanza in one pass, building its tree on request. Reuse one
/// scanner: after its vectors have grown, scan() allocates nothing. The
/// accessors describe the last successful scan().
class scanner {
public:
    /// Validates data[0, size). The result's code() is errc::ok on success. Never
    /// reads data[size] or beyond and never throws.
    parse_error scan(const char* data, std::size_t size, const parse_limits& limits) noexcept {
        return scan_impl::run(state_, data, size, limits, nullptr);
    }
    /// scan(), and in the same pass builds the element tree in `dom` (cleared by the caller):
    /// RapidXML nodes in RapidXML's memory pool, pointing into data[0, size), which stays
    /// unmodified. Out of memory in the pool is errc::out_of_memory.
    parse_error scan(char* data, std::size_t size, const parse_limits& limits, xml_doc& dom) noexcept {
        return scan_impl::run(state_, data, size, limits, &dom);
    }

    std::size_t root_begin() const noexcept { return state_.root_begin_; }  ///< offset of the root's '<'
    std::size_t root_end() const noexcept { return state_.root_end_; }      ///< one past the root's final '>'
    bool has_cdata() const noexcept { return state_.has_cdata_; }           ///< a CDATA section anywhere
    /// Offset of the first non-whitespace character data (a reference, or a CDATA
    /// section) directly inside the root element, or std::string_view::npos.
    std::size_t root_text() const noexcept { return state_.root_text_; }
    /// The root's element children, in document order.
    const std::vector<child_span>& children() const noexcept { return state_.children_; }

    static constexpr std::string_view xml_uri = scan_impl::xml_uri;
    static constexpr std::string_view xmlns_uri = scan_impl::xmlns_uri;

private:
    scan_impl::scan_state state_;
};

namespace scan_impl {

// ---------------------------------------------------------------------------
// Document structure

inline parse_error run(scan_state& s, const char* data, std::size_t size, const parse_limits& limits,
                       xml_doc* dom) noexcept {
    s.dom_ = dom;
    s.depth_ = 0;
    s.bindings_.clear();
    s.attributes_.clear();
    s.children_.clear();
    s.inside_root_ = false;
    s.has_cdata_ = false;
    s.root_begin_ = s.root_end_ = 0;
    s.root_text_ = npos;
    s.error_ = parse_error();
    // parse_limits::max_input_bytes (RFC 6120 §13.12), before reading anything
    if (size > limits.max_input_bytes) {
        return parse_error::make(errc::input_too_large, 0, "input of ", scan_impl::decimal_text(size),
                                 " bytes exceeds the limit of ", scan_impl::decimal_text(limits.max_input_bytes),
                                 " bytes");
    }
    s.begin_ = reinterpret_cast<const byte*>(data);
    s.end_ = s.begin_ + size;
    s.limits_ = &limits;
    if (!document(s)) return s.error_;
    return parse_error();
}

// XML 1.0 §2.1 document, restricted to S? element S? (RFC 6120 §11.1).
inline const byte* document(scan_state& s) noexcept {
    const byte* p = s.begin_;
    // RFC 6120 §11.6: a stanza is part of a UTF-8 stream, which carries no byte order mark
    if (s.end_ - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return s.fail(errc::byte_order_mark, p, "byte order mark at the start of the input");
    p = scan_impl::skip_space(p, s.end_);
    // XML 1.0 §2.1: a document has exactly one root element
    if (p == s.end_) return s.fail(errc::empty_input, p, "no element: the input is empty or only whitespace");
    p = prolog(s, p);
    if (!p) return nullptr;
    s.inside_root_ = true;
    s.root_begin_ = s.offset(p);
    p = element_tree(s, p);
    if (!p) return nullptr;
    s.inside_root_ = false;
    s.root_end_ = s.offset(p);
    return epilog(s, p);
}

// The first non-whitespace byte (p < end_) must open the root element.
inline const byte* prolog(scan_state& s, const byte* p) noexcept {
    if (*p != '<') {
        if (!char_size(s, p)) return nullptr;
        return s.fail(errc::malformed, p, "expected '<' to start the root element");
    }
    if (p + 1 == s.end_) return s.eof();
    if (p[1] == '?') return processing_instruction(s, p);
    if (p[1] == '!') return markup_declaration(s, p, false);
    return p;
}

// XML 1.0 §2.1: only whitespace may follow the root; a stanza is one element.
inline const byte* epilog(scan_state& s, const byte* p) noexcept {
    p = scan_impl::skip_space(p, s.end_);
    if (p == s.end_) return p;
    if (*p == '<' && s.end_ - p >= 2) {
        if (p[1] == '?') return processing_instruction(s, p);
        if (s.starts_with(p, "<!--") > 0 || s.starts_with(p, "<!DOCTYPE") > 0) return markup_declaration(s, p, false);
    }
    if (*p == '<') return s.fail(errc::trailing_content, p, "second root element after the root element");
    if (!char_size(s, p)) return nullptr;
    return s.fail(errc::trailing_content, p, "text after the root element");
}

// ---------------------------------------------------------------------------
// The element loop

// The root element and everything inside it: one loop over start tags, character data and
// end tags, with an explicit stack (no recursion). What the loop needs lives in locals the
// compiler keeps in registers; rarer markup, the slow paths and every error are calls.
inline const byte* element_tree(scan_state& s, const byte* p) noexcept {
    using scan_impl::is_space;
    const byte* const end = s.end_;
    const std::size_t max_depth = s.limits_->max_depth;
    const std::size_t max_attributes = s.limits_->max_attributes;
    std::size_t depth = 0;       // open elements, == depth_
    open_element* top = nullptr;  // the innermost open element
    for (;;) {
        // --- XML 1.0 §3.1 STag ::= '<' QName (S Attribute)* S? '>',
        //     EmptyElemTag ::= '<' QName (S Attribute)* S? '/>'  (p at '<', p + 1 < end)
        const byte* const lt = p;
        // parse_limits::max_depth, checked before entering: the stack never exceeds it
        if (depth >= max_depth)
            return s.fail(errc::depth_limit, lt, "element nesting exceeds the depth limit of ",
                          scan_impl::decimal_text(max_depth));
        const byte* const name = lt + 1;
        const byte* colon;
        p = qname(s, name, colon);
        if (!p) return nullptr;
        if (p == name) return no_name(s, p, "expected an element name after '<'");
        if (p == end) return s.eof();
        const std::string_view element = view(name, p);
        if (!is_space(*p) && *p != '>' && *p != '/') return bad_name_end(s, p, element, true);
        if (depth == 1) {
            child_span* child = s.grow(s.children_, lt);
            if (!child) return nullptr;
            child->begin = s.offset(lt);
        }
        // The attributes, into attributes_.storage (which only grows) from `first`.
        attribute* first = s.attributes_.storage.data();
        attribute* next = first;
        attribute* limit = first + s.attributes_.storage.size();
        bool prefixed = false;      // an attribute name has a prefix
        std::size_t xmlns = npos;   // index of an unprefixed xmlns attribute
        bool empty;
        for (;;) {
            const bool spaced = is_space(*p);
            if (spaced) {
                p = scan_impl::skip_space(p + 1, end);
                if (p == end) return s.eof();
            }
            if (*p == '>') {
                ++p;
                empty = false;
                break;
            }
            if (*p == '/') {
                // XML 1.0 §3.1 EmptyElemTag: '/' directly followed by '>'
                if (p + 1 == end) return s.eof();
                if (p[1] != '>') {
                    if (!char_size(s, p + 1)) return nullptr;
                    return s.fail(errc::malformed, p + 1, "expected '>' after '/' in <", clip(element), ">");
                }
                p += 2;
                empty = true;
                break;
            }
            // XML 1.0 §3.1 Attribute ::= Name Eq AttValue, Eq ::= S? '=' S?
            const byte* const an = p;
            const byte* acolon;
            p = qname(s, an, acolon);
            if (!p) return nullptr;
            if (p == an) return no_name(s, p, "expected an attribute name, '>' or '/>' in <", clip(element), ">");
            const std::string_view attr = view(an, p);
            // XML 1.0 §3.1: whitespace before each attribute
            if (!spaced) return s.fail(errc::malformed, an, "expected whitespace before attribute '", clip(attr), "'");
            // parse_limits::max_attributes (bounds the quadratic uniqueness checks)
            if (std::size_t(next - first) >= max_attributes)
                return s.fail(errc::attribute_limit, an, "more than ", scan_impl::decimal_text(max_attributes),
                              " attributes on <", clip(element), ">");
            if (p == end) return s.eof();
            // Eq, mostly written as a bare '='
            if (*p != '=') {
                if (!is_space(*p)) return bad_name_end(s, p, attr, false);
                p = scan_impl::skip_space(p, end);
                if (p == end) return s.eof();
                if (*p != '=') {
                    if (!char_size(s, p)) return nullptr;
                    return s.fail(errc::malformed, p, "expected '=' after attribute name '", clip(attr), "'");
                }
            }
            ++p;
            if (p == end) return s.eof();
            if (is_space(*p)) {
                p = scan_impl::skip_space(p, end);
                if (p == end) return s.eof();
            }
            // XML 1.0 §2.3 AttValue: quoted with '"' or "'"
            const byte quote = *p;
            if (quote != '"' && quote != '\'') {
                if (!char_size(s, p)) return nullptr;
                return s.fail(errc::malformed, p, "expected a quoted value for attribute '", clip(attr), "'");
            }
            const byte* const value = ++p;
            bool plain = true;
            p = scan_impl::skip_value(p, end, quote);
            if (p == end || *p != quote) {
                const value_end v = attribute_value(s, p, quote);
                if (!v.quote) return nullptr;
                p = v.quote;
                plain = v.plain;
            }
            if (next == limit) {
                const std::size_t n = std::size_t(next - first);
                first = more_attributes(s, an);
                if (!first) return nullptr;
                next = first + n;
                limit = first + s.attributes_.storage.size();
            }
            next->name = attr;
            next->colon = acolon ? std::size_t(acolon - an) : npos;
            next->value = view(value, p);
            next->uri = {};  // storage is reused: every field is set here
            next->plain = plain;
            if (acolon) prefixed = true;
            else if (is(attr, "xmlns")) xmlns = std::size_t(next - first);
            ++next;
            ++p;  // the closing quote
            if (p == end) return s.eof();
        }
        s.attributes_.count = std::size_t(next - first);
        const std::size_t mark = s.bindings_.size();
        if (s.attributes_.count > 1 && !unique_attributes(s)) return nullptr;
        std::string_view default_ns = top ? top->default_ns : std::string_view{};
        std::string_view element_ns = default_ns;
        if (colon || prefixed) {
            std::string_view scope = default_ns, own = default_ns;  // namespaces() takes their addresses
            if (!namespaces(s, name, element, colon, depth + 1, scope, own)) return nullptr;
            default_ns = scope;
            element_ns = own;
        } else if (xmlns != npos) {
            // Only the default namespace is declared (Namespaces in XML 1.0 §6.2): namespaces()
            // without the prefix resolution.
            if (!declare(s, first[xmlns], depth + 1)) return nullptr;
            default_ns = element_ns = first[xmlns].value;
        }
        xnode* node = nullptr;
        if (s.dom_) {
            node = build(s, name, element.size(), colon, element_ns, top ? static_cast<xml_node*>(top->node) : s.dom_);
            if (!node) return nullptr;
        }
        if (empty) {
            if (s.bindings_.size() != mark) s.bindings_.resize(mark);
            if (depth == 0) return p;  // the root is an empty-element tag
            if (depth == 1) s.children_.back().end = s.offset(p);
        } else {
            if (depth == s.stack_.size() && !s.grow(s.stack_, lt)) return nullptr;
            top = s.stack_.data() + depth;
            s.depth_ = ++depth;
            top->name = name;
            top->name_size = element.size();
            top->bindings = mark;
            top->default_ns = default_ns;
            top->node = node;
            top->content = p;
            s.text_plain_ = true;
        }
        // --- content up to the next start tag
        for (;;) {
            // XML 1.0 §2.4 CharData and references, up to a '<' with a byte after it
            if (depth == 1 && s.root_text_ == npos) {
                const byte* spaces = p;
                p = scan_impl::skip_space(p, end);
                // The root's text keeps these spaces: a CR among them is normalised (XML 1.0 §2.11).
                if (p != spaces && std::memchr(spaces, '\r', std::size_t(p - spaces))) s.text_plain_ = false;
                if (p != end && *p != '<') s.root_text_ = s.offset(p);
            }
            if (p != end && *p != '<') p = scan_impl::skip_plain<'<', '&', ']'>(p, end);
            if (p == end || *p != '<') {
                p = text_rest(s, p);
                if (!p) return nullptr;
            }
            if (p + 1 == end) return s.eof();
            const byte c = p[1];
            if (c == '/') {
                // XML 1.0 §3 WFC Element Type Match: ETag ::= '</' QName S? '>' names the open element.
                const byte* const close = p;
                p += 2;
                const std::size_t avail = std::size_t(end - p);
                const std::size_t n = top->name_size;
                if (n < 8 && avail >= 8) {
                    // One 8-byte comparison: the open name lies earlier in the input than p, so 8
                    // bytes from it are inside the input too.
                    std::uint64_t x, y;
                    std::memcpy(&x, p, 8);
                    std::memcpy(&y, top->name, 8);
                    if ((x ^ y) & ((std::uint64_t{1} << (8 * n)) - 1)) return mismatched(s, close);
                } else {
                    const std::size_t common = avail < n ? avail : n;
                    for (std::size_t i = 0; i < common; ++i) {
                        if (p[i] != top->name[i]) return mismatched(s, close);
                    }
                }
                if (avail <= n) return s.eof();
                p += n;
                if (*p != '>') {
                    if (starts_name_char(s, p)) return mismatched(s, close);  // the closing name is longer
                    p = scan_impl::skip_space(p, end);
                    if (p == end) return s.eof();
                    if (*p != '>') {
                        if (!char_size(s, p)) return nullptr;
                        return s.fail(errc::malformed, p, "expected '>' to end </", clip(view(top->name, top->name + n)), ">");
                    }
                }
                ++p;
                if (xnode* x = top->node) {
                    x->value(reinterpret_cast<char*>(const_cast<byte*>(top->content)), std::size_t(close - top->content));
                    x->plain_text = s.text_plain_ && !x->first_node();
                }
                // Namespaces in XML 1.0 §6.1: declarations scope to their element
                if (s.bindings_.size() != top->bindings) s.bindings_.resize(top->bindings);
                s.depth_ = --depth;
                if (depth == 0) return p;
                --top;
                if (depth == 1) s.children_.back().end = s.offset(p);
                continue;
            }
            if (c == '!') {
                p = markup_declaration(s, p, true);
                if (!p) return nullptr;
                continue;
            }
            if (c == '?') return processing_instruction(s, p);
            break;  // a start tag
        }
    }
}


// The closing tag at lt names another element than the open one.
inline const byte* mismatched(scan_state& s, const byte* lt) noexcept {
    const open_element& open = s.stack_[s.depth_ - 1];
    const byte* const name = lt + 2;
    const byte* colon;
    const byte* p = qname(s, name, colon);
    if (!p) return nullptr;
    if (p == name) return no_name(s, p, "expected an element name after '</'");
    // XML 1.0 §3 WFC Element Type Match
    return s.fail(errc::mismatched_tag, lt, "closing tag </", clip(view(name, p)), "> does not match <",
                  clip(view(open.name, open.name + open.name_size)), ">");
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#undef XSTANZA_SCAN_COLD
#undef XSTANZA_SCAN_HOT
#undef XSTANZA_SCAN_OUTLINE

#endif  // XSTANZA_XML_SCAN_HPP
