// xstanza detail: the scanner's attributes (scan.hpp): the attributes of the start tag being
// read, each read as Name Eq AttValue (XML 1.0 §3.1) into storage reused from tag to tag,
// and their uniqueness (XML 1.0 §3.1 WFC Unique Att Spec). Their namespaces are
// namespaces.hpp's.
#ifndef XSTANZA_XML_ATTRIBUTES_HPP
#define XSTANZA_XML_ATTRIBUTES_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

#include "content.hpp"

namespace xstanza::detail {

namespace scan_impl {

// Where a start tag's attributes go while it is read: attributes_.storage, from first.
struct attribute_slots {
    attribute* first;    // the tag's first attribute
    attribute* next;     // the next free slot
    attribute* limit;    // the end of the storage
    bool prefixed;       // an attribute name has a prefix
    std::size_t xmlns;   // index of an unprefixed xmlns attribute, or npos
};
// What reading an attribute needs of the start tag it is in.
struct attribute_context {
    const byte* end;              // end_, kept in a register by the element loop
    std::size_t max_attributes;   // limits_->max_attributes
    std::string_view element;     // the tag's name, for messages
};

// The scanner's attributes of the tag being read (attribute and attribute_list are
// scan_state.hpp's).
const byte* attribute_at(scan_state& s, const byte* an, bool spaced, const attribute_context& c,
                         attribute_slots& slots) noexcept;
const byte* equals(scan_state& s, const byte* p, std::string_view attr, const byte* end) noexcept;
attribute* more_attributes(scan_state& s, const byte* where) noexcept;
bool unique_attributes(scan_state& s) noexcept;

// XML 1.0 §3.1 Attribute ::= Name Eq AttValue, at an (after whitespace when spaced), into
// the slot slots.next. Returns one past its closing quote.
XSTANZA_SCAN_HOT inline const byte* attribute_at(scan_state& s, const byte* an, bool spaced, const attribute_context& c,
                                                 attribute_slots& slots) noexcept {
    const byte* const end = c.end;
    const byte* acolon;
    const byte* p = qname(s, an, acolon);
    if (!p) return nullptr;
    if (p == an) return no_name(s, p, "expected an attribute name, '>' or '/>' in <", clip(c.element), ">");
    const std::string_view attr = view(an, p);
    // XML 1.0 §3.1: whitespace before each attribute
    if (!spaced) return s.fail(errc::malformed, an, "expected whitespace before attribute '", clip(attr), "'");
    // parse_limits::max_attributes (bounds the quadratic uniqueness checks)
    if (std::size_t(slots.next - slots.first) >= c.max_attributes)
        return s.fail(errc::attribute_limit, an, "more than ", scan_impl::decimal_text(c.max_attributes),
                      " attributes on <", clip(c.element), ">");
    p = equals(s, p, attr, end);
    if (!p) return nullptr;
    const byte quote = *p;
    const byte* const value = ++p;
    bool plain = true;
    p = scan_impl::skip_value(p, end, quote);
    if (p == end || *p != quote) {
        const value_end v = attribute_value(s, p, quote);
        if (!v.quote) return nullptr;
        p = v.quote;
        plain = v.plain;
    }
    if (slots.next == slots.limit) {
        const std::size_t n = std::size_t(slots.next - slots.first);
        slots.first = more_attributes(s, an);
        if (!slots.first) return nullptr;
        slots.next = slots.first + n;
        slots.limit = slots.first + s.attributes_.storage.size();
    }
    attribute* const a = slots.next;
    a->name = attr;
    a->colon = acolon ? std::size_t(acolon - an) : npos;
    a->value = view(value, p);
    a->uri = {};  // storage is reused: every field is set here
    a->plain = plain;
    if (acolon) slots.prefixed = true;
    else if (is(attr, "xmlns")) slots.xmlns = std::size_t(a - slots.first);
    ++slots.next;
    return p + 1;  // past the closing quote
}

// XML 1.0 §3.1 Eq ::= S? '=' S?, mostly written as a bare '=', after the name of attribute
// attr (p <= end). Returns the opening quote of its value, '"' or "'" (XML 1.0 §2.3 AttValue).
XSTANZA_SCAN_HOT inline const byte* equals(scan_state& s, const byte* p, std::string_view attr,
                                           const byte* end) noexcept {
    using scan_impl::is_space;
    if (p == end) return s.eof();
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
    if (*p != '"' && *p != '\'') {
        if (!char_size(s, p)) return nullptr;
        return s.fail(errc::malformed, p, "expected a quoted value for attribute '", clip(attr), "'");
    }
    return p;
}

// Grows the attribute storage, which is full; returns its new start, or nullptr
// (errc::out_of_memory at `where`).
inline attribute* more_attributes(scan_state& s, const byte* where) noexcept {
    const std::size_t n = s.attributes_.storage.size();
    try {
        s.attributes_.storage.resize(n < 8 ? 8 : 2 * n);
    } catch (...) {
        return s.fail(errc::out_of_memory, where, "out of memory");
    }
    return s.attributes_.storage.data();
}

// XML 1.0 §3.1 WFC Unique Att Spec: no attribute name twice in a tag (quadratic,
// bounded by parse_limits::max_attributes).
inline bool unique_attributes(scan_state& s) noexcept {
    const std::size_t n = s.attributes_.size();
    for (std::size_t i = 1; i < n; ++i) {
        const std::string_view a = s.attributes_[i].name;
        for (std::size_t j = 0; j < i; ++j) {
            const std::string_view b = s.attributes_[j].name;
            // Names are never empty. Names of one size mostly differ in their first byte
            // (id/to, type/from): tested inline, that spares a memcmp call.
            if (a.size() == b.size() && a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0) {
                s.fail(errc::duplicate_attribute, at(s.attributes_[i].name), "duplicate attribute '", clip(s.attributes_[i].name), "'");
                return false;
            }
        }
    }
    return true;
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_ATTRIBUTES_HPP
