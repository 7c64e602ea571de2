// xstanza detail: the validating scanner, which also indexes the elements.
//
// RapidXML's parser is fast but does not validate: it checks no UTF-8, no
// duplicate attributes, no closing tag names and no namespaces, accepts '<' in
// attribute values and several roots, skips comments, PIs and DOCTYPEs, and
// recurses once per nesting level. The scanner makes one linear, non-recursive
// pass over the whole input and accepts exactly one well-formed,
// namespace-well-formed element of the XML subset XMPP allows (RFC 6120 §11.1).
// In the same pass it indexes the elements and attributes in two flat arrays
// (element_index, dom.hpp: no linked nodes, no memory pool), with what it learnt on the
// way: each element's namespace, where its text is and whether any value or text needs
// decoding.
//
// Known limit: namespace names are compared as raw bytes, with their references undecoded
// (namespaces.hpp says more).
//
// This file holds the document, the element loop and the scanner class. The rest are free
// functions over the scanner's state (scan_state.hpp, which lists them), one header per
// concern: characters and UTF-8 (chars.hpp), names (names.hpp), text, references and other
// markup (content.hpp), attributes (attributes.hpp), namespaces (namespaces.hpp) and the
// element index (builder.hpp).
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

// What the element loop keeps in registers. Its parts take it by reference and are
// inlined into it, so that it stays a set of locals.
struct element_loop {
    const byte* end;             // end_
    std::size_t max_depth;       // limits_->max_depth
    std::size_t max_attributes;  // limits_->max_attributes
    std::size_t depth;           // open elements, == depth_
    open_element* top;           // the innermost open element, or nullptr
};
// The start tag being read.
struct start_tag {
    const byte* lt;               // its '<'
    const byte* name;             // its name: one past its '<'
    std::string_view element;     // the same name, as a view
    const byte* colon;            // the name's ':', or nullptr
    attribute_slots attributes;   // its attributes
    bool empty;                   // an empty-element tag
};

// The document, and the element loop with its parts.
parse_error run(scan_state& s, const char* data, std::size_t size, const parse_limits& limits,
                element_index* index) noexcept;
const byte* document(scan_state& s) noexcept;
const byte* prolog(scan_state& s, const byte* p) noexcept;
const byte* epilog(scan_state& s, const byte* p) noexcept;
const byte* element_tree(scan_state& s, const byte* p) noexcept;
const byte* tag_name(scan_state& s, const byte* lt, const element_loop& l, start_tag& tag) noexcept;
const byte* tag_attributes(scan_state& s, const byte* p, const element_loop& l, start_tag& tag) noexcept;
const byte* end_tag(scan_state& s, const byte* close, element_loop& l) noexcept;
const byte* mismatched(scan_state& s, const byte* lt) noexcept;

}  // namespace scan_impl

/// Validates a whole stanza in one pass, indexing its elements on request. Reuse one
/// scanner: after its vectors have grown, scan() allocates nothing. The
/// accessors describe the last successful scan().
class scanner {
public:
    /// Validates data[0, size). The result's code() is errc::ok on success. Never
    /// reads data[size] or beyond and never throws.
    parse_error scan(const char* data, std::size_t size, const parse_limits& limits) noexcept {
        return scan_impl::run(state_, data, size, limits, nullptr);
    }
    /// scan(), and in the same pass indexes the elements and attributes in `index` (cleared
    /// here), pointing into data[0, size), which stays unmodified. Out of memory growing the
    /// index is errc::out_of_memory.
    parse_error scan(char* data, std::size_t size, const parse_limits& limits, element_index& index) noexcept {
        index.clear();
        return scan_impl::run(state_, data, size, limits, &index);
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
                       element_index* index) noexcept {
    choose_simd_path();  // XSTANZA_SIMD, at the first parse (model/detail/simd.hpp)
    s.index_ = index;
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
    // The element index keeps sizes and offsets in 32 bits (builder.hpp).
    if (index && size >= 0xFFFFFFFFu)
        return parse_error::make(errc::input_too_large, 0, "input of ", scan_impl::decimal_text(size),
                                 " bytes: elements are indexed in inputs under 4 GiB");
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
// compiler keeps in registers; rarer markup, the slow paths and every error are calls. Its
// parts (tag_name to end_tag below) are force-inlined into it.
inline const byte* element_tree(scan_state& s, const byte* p) noexcept {
    element_loop l{s.end_, s.limits_->max_depth, s.limits_->max_attributes, 0, nullptr};
    const byte* const end = l.end;
    for (;;) {
        start_tag tag;
        p = tag_name(s, p, l, tag);
        if (!p) return nullptr;
        p = tag_attributes(s, p, l, tag);
        if (!p) return nullptr;
        const std::size_t mark = s.bindings_.size();
        if (s.attributes_.count > 1 && !unique_attributes(s)) return nullptr;
        std::string_view default_ns = l.top ? l.top->default_ns : std::string_view{};
        std::string_view element_ns = default_ns;
        if (tag.colon || tag.attributes.prefixed) {
            std::string_view scope = default_ns, own = default_ns;  // namespaces() takes their addresses
            if (!namespaces(s, tag.name, tag.element, tag.colon, l.depth + 1, scope, own)) return nullptr;
            default_ns = scope;
            element_ns = own;
        } else if (tag.attributes.xmlns != npos) {
            // Only the default namespace is declared (Namespaces in XML 1.0 §6.2): namespaces()
            // without the prefix resolution.
            const attribute& xmlns = tag.attributes.first[tag.attributes.xmlns];
            if (!declare(s, xmlns, l.depth + 1)) return nullptr;
            default_ns = element_ns = xmlns.value;
        }
        xnode* node = nullptr;
        if (s.index_) {
            node = build(s, tag.name, tag.element.size(), tag.colon, element_ns, l.top);
            if (!node) return nullptr;
        }
        if (tag.empty) {
            if (s.bindings_.size() != mark) s.bindings_.resize(mark);
            if (l.depth == 0) return p;  // the root is an empty-element tag
            if (l.depth == 1) s.children_.back().end = s.offset(p);
        } else {
            if (l.depth == s.stack_.size() && !s.grow(s.stack_, tag.lt)) return nullptr;
            open_element* const top = l.top = s.stack_.data() + l.depth;
            s.depth_ = ++l.depth;
            top->name = tag.name;
            top->name_size = tag.element.size();
            top->bindings = mark;
            top->default_ns = default_ns;
            top->node = node;
            top->last_child = nullptr;
            top->content = p;
            s.text_plain_ = true;
        }
        // --- content up to the next start tag
        for (;;) {
            // XML 1.0 §2.4 CharData and references, up to a '<' with a byte after it
            if (l.depth == 1 && s.root_text_ == npos) {
                const byte* spaces = p;
                p = scan_impl::skip_space(p, end);
                // The root's text keeps these spaces: a CR among them is normalised (XML 1.0 §2.11).
                if (p != spaces && std::memchr(spaces, '\r', std::size_t(p - spaces))) s.text_plain_ = false;
                if (p != end && *p != '<') s.root_text_ = s.offset(p);
            }
            if (p != end && *p != '<') p = scan_impl::skip_plain<'<', '&', ']', true>(p, end);
            if (p == end || *p != '<') {
                p = text_rest(s, p);
                if (!p) return nullptr;
            }
            if (p + 1 == end) return s.eof();
            const byte c = p[1];
            if (c == '/') {
                p = end_tag(s, p, l);
                if (!p) return nullptr;
                if (l.depth == 0) return p;
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

// XML 1.0 §3.1 STag ::= '<' QName (S Attribute)* S? '>',
//              EmptyElemTag ::= '<' QName (S Attribute)* S? '/>'
// The start tag's name (lt at '<', lt + 1 < end), into tag. Returns one past the name.
XSTANZA_SCAN_HOT inline const byte* tag_name(scan_state& s, const byte* lt, const element_loop& l,
                                             start_tag& tag) noexcept {
    using scan_impl::is_space;
    // parse_limits::max_depth, checked before entering: the stack never exceeds it
    if (l.depth >= l.max_depth)
        return s.fail(errc::depth_limit, lt, "element nesting exceeds the depth limit of ",
                      scan_impl::decimal_text(l.max_depth));
    const byte* const name = lt + 1;
    tag.lt = lt;
    tag.name = name;
    const byte* p = qname(s, name, tag.colon);
    if (!p) return nullptr;
    if (p == name) return no_name(s, p, "expected an element name after '<'");
    if (p == l.end) return s.eof();
    tag.element = view(name, p);
    if (!is_space(*p) && *p != '>' && *p != '/') return bad_name_end(s, p, tag.element, true);
    if (l.depth == 1) {
        child_span* child = s.grow(s.children_, lt);
        if (!child) return nullptr;
        child->begin = s.offset(lt);
    }
    return p;
}

// The start tag's (S Attribute)* S? and its '>' or '/>', from p just past its name: the
// attributes into attributes_.storage (which only grows), the rest into tag. Returns one
// past the tag.
XSTANZA_SCAN_HOT inline const byte* tag_attributes(scan_state& s, const byte* p, const element_loop& l,
                                                   start_tag& tag) noexcept {
    using scan_impl::is_space;
    const byte* const end = l.end;
    attribute_slots& slots = tag.attributes;
    slots.first = s.attributes_.storage.data();
    slots.next = slots.first;
    slots.limit = slots.first + s.attributes_.storage.size();
    slots.prefixed = false;
    slots.xmlns = npos;
    const attribute_context c{end, l.max_attributes, tag.element};
    for (;;) {
        const bool spaced = is_space(*p);
        if (spaced) {
            p = scan_impl::skip_space(p + 1, end);
            if (p == end) return s.eof();
        }
        if (*p == '>') {
            ++p;
            tag.empty = false;
            break;
        }
        if (*p == '/') {
            // XML 1.0 §3.1 EmptyElemTag: '/' directly followed by '>'
            if (p + 1 == end) return s.eof();
            if (p[1] != '>') {
                if (!char_size(s, p + 1)) return nullptr;
                return s.fail(errc::malformed, p + 1, "expected '>' after '/' in <", clip(tag.element), ">");
            }
            p += 2;
            tag.empty = true;
            break;
        }
        p = attribute_at(s, p, spaced, c, slots);
        if (!p) return nullptr;
        if (p == end) return s.eof();
    }
    s.attributes_.count = std::size_t(slots.next - slots.first);
    return p;
}

// XML 1.0 §3 WFC Element Type Match: ETag ::= '</' QName S? '>' names the open element.
// close is at its '<' (close + 1 < end). Leaves the element; returns one past the tag.
XSTANZA_SCAN_HOT inline const byte* end_tag(scan_state& s, const byte* close, element_loop& l) noexcept {
    const byte* const end = l.end;
    open_element* const top = l.top;
    const byte* p = close + 2;
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
    finish(s, *top, close);
    // Namespaces in XML 1.0 §6.1: declarations scope to their element
    if (s.bindings_.size() != top->bindings) s.bindings_.resize(top->bindings);
    s.depth_ = --l.depth;
    if (l.depth == 0) return p;
    l.top = top - 1;
    if (l.depth == 1) s.children_.back().end = s.offset(p);
    return p;
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
