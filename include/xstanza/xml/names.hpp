// xstanza detail: the scanner's names (scan.hpp): the XML 1.0 §2.3 Name rules (the ASCII
// table and the ranges beyond it), and the reading of entity names and QNames (Namespaces
// in XML 1.0 §4), which reports a missing or badly ended name.
#ifndef XSTANZA_XML_NAMES_HPP
#define XSTANZA_XML_NAMES_HPP

#include <string_view>

#include "chars.hpp"

namespace xstanza::detail {

namespace scan_impl {

enum : byte { name_start_bit = 1, name_char_bit = 2 };

struct ascii_name_table {
    byte bits[256];  // zero for every byte >= 0x80: those are decoded
};

// XML 1.0 §2.3 NameStartChar / NameChar, ASCII part. ':' is left out: callers
// handle it (a QName separator, a plain name character in entity names).
constexpr ascii_name_table make_ascii_name_table() noexcept {
    ascii_name_table t{};
    for (int c = 'a'; c <= 'z'; ++c) t.bits[c] = name_start_bit | name_char_bit;
    for (int c = 'A'; c <= 'Z'; ++c) t.bits[c] = name_start_bit | name_char_bit;
    t.bits[int('_')] = name_start_bit | name_char_bit;
    for (int c = '0'; c <= '9'; ++c) t.bits[c] = name_char_bit;
    t.bits[int('-')] = name_char_bit;
    t.bits[int('.')] = name_char_bit;
    return t;
}

inline constexpr ascii_name_table ascii_names = make_ascii_name_table();

// XML 1.0 (5th edition) §2.3 NameStartChar, for code points >= 0x80.
constexpr bool is_name_start(char32_t c) noexcept {
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

// XML 1.0 (5th edition) §2.3 NameChar, for code points >= 0x80.
constexpr bool is_name_char(char32_t c) noexcept {
    return is_name_start(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

struct name_end {
    const byte* end;    // one past the name, or nullptr with the error set
    const byte* colon;  // its ':', or nullptr
};

// The scanner's names: each read ends at the first character that cannot continue the
// name, or records the error.
bool starts_name_char(scan_state& s, const byte* p) noexcept;
const byte* qname(scan_state& s, const byte* p, const byte*& colon) noexcept;
name_end qname_general(scan_state& s, const byte* p, const byte* q) noexcept;
const byte* entity_name(scan_state& s, const byte* p) noexcept;
template <class... Parts>
const byte* no_name(scan_state& s, const byte* p, const Parts&... expected) noexcept;
const byte* bad_name_end(scan_state& s, const byte* p, std::string_view name, bool element) noexcept;

// True when the (valid) character at p is a NameChar, ':' included.
inline bool starts_name_char(scan_state& s, const byte* p) noexcept {
    if (*p < 0x80) return *p == ':' || (scan_impl::ascii_names.bits[*p] & scan_impl::name_char_bit) != 0;
    char32_t cp;
    return decode_utf8(p, s.end_, cp) != 0 && scan_impl::is_name_char(cp);
}

// XML 1.0 §2.3 Name (':' allowed anywhere), for entity references. Returns one
// past the name (p itself when none starts there), or nullptr on bad bytes.
inline const byte* entity_name(scan_state& s, const byte* p) noexcept {
    const byte* const first = p;
    while (p != s.end_) {
        const byte c = *p;
        const byte bit = p == first ? scan_impl::name_start_bit : scan_impl::name_char_bit;
        if (c < 0x80) {
            if (c != ':' && !(scan_impl::ascii_names.bits[c] & bit)) break;
            ++p;
            continue;
        }
        char32_t cp;
        const int n = code_point(s, p, cp);
        if (n == 0) return nullptr;
        if (!(p == first ? scan_impl::is_name_start(cp) : scan_impl::is_name_char(cp))) break;
        p += n;
    }
    return p;
}

// Namespaces in XML 1.0 §4: QName ::= (NCName ':')? NCName, NCName being an
// XML 1.0 §2.3 Name without ':'. Returns one past the name (p itself when no name
// starts there; the caller reports that), or nullptr with the error set. colon is
// the ':' or nullptr. Stops at the first character that cannot continue the name.
XSTANZA_SCAN_HOT inline const byte* qname(scan_state& s, const byte* p, const byte*& colon) noexcept {
    // fast path: an unprefixed ASCII name
    const byte* q = p;
    if (p != s.end_ && (scan_impl::ascii_names.bits[*p] & scan_impl::name_start_bit)) {
        q = p + 1;
        while (q != s.end_ && (scan_impl::ascii_names.bits[*q] & scan_impl::name_char_bit)) ++q;
        if (q == s.end_ || (*q != ':' && *q < 0x80)) {
            colon = nullptr;
            return q;
        }
    }
    const name_end r = qname_general(s, p, q);
    colon = r.colon;
    return r.end;
}

// qname() for prefixed and non-ASCII names, and for the errors: the name's end and its
// ':', returned together (in registers) so that the callers' locals stay in registers too.
// `q` is where qname()'s ASCII run from p stopped (at ':' or a non-ASCII byte), or p when
// no ASCII name starts at p.
inline name_end qname_general(scan_state& s, const byte* p, const byte* q) noexcept {
    // The usual prefixed name, an ASCII prefix (already read) and an ASCII local part
    // (xml:lang, xmlns:stream): one tight loop. Anything else, and every error, takes the
    // general loop below.
    const auto& bits = scan_impl::ascii_names.bits;
    if (q != p && *q == ':' && q + 1 != s.end_ && (bits[q[1]] & scan_impl::name_start_bit)) {
        const byte* r = q + 2;
        while (r != s.end_ && (bits[*r] & scan_impl::name_char_bit)) ++r;
        if (r == s.end_ || (*r != ':' && *r < 0x80)) return {r, q};
    }
    const byte* const first = p;
    const byte* part = p;  // start of the current NCName
    const byte* colon = nullptr;
    while (p != s.end_) {
        if (p != part) {  // fast path: ASCII name characters
            while (scan_impl::ascii_names.bits[*p] & scan_impl::name_char_bit) {
                if (++p == s.end_) return {p, colon};
            }
        }
        const byte c = *p;
        const byte bit = p == part ? scan_impl::name_start_bit : scan_impl::name_char_bit;
        if (c < 0x80) {
            if (scan_impl::ascii_names.bits[c] & bit) {
                ++p;
                continue;
            }
            if (c != ':') break;
            // Namespaces in XML 1.0 §4: at most one ':'
            if (colon) return {s.fail(errc::invalid_name, p, "more than one ':' in name '", clip(view(first, p)), "'"), nullptr};
            // Namespaces in XML 1.0 §4: a non-empty prefix before ':'
            if (p == first) return {s.fail(errc::invalid_name, p, "empty namespace prefix before ':'"), nullptr};
            colon = p;
            part = ++p;
            continue;
        }
        char32_t cp;
        const int n = code_point(s, p, cp);
        if (n == 0) return {nullptr, nullptr};
        if (!(p == part ? scan_impl::is_name_start(cp) : scan_impl::is_name_char(cp))) break;
        p += n;
    }
    // Namespaces in XML 1.0 §4: a local part after ':' (input that ends here is the caller's eof)
    if (colon && p == part && p != s.end_) {
        if (!char_size(s, p)) return {nullptr, nullptr};
        return {s.fail(errc::invalid_name, p, "expected a local name after '", clip(view(first, p)), "'"), nullptr};
    }
    return {p, colon};
}

// No name starts at p where one is required.
template <class... Parts>
inline const byte* no_name(scan_state& s, const byte* p, const Parts&... expected) noexcept {
    if (p == s.end_) return s.eof();
    if (!char_size(s, p)) return nullptr;
    // XML 1.0 §2.3: digits, '-', '.', U+00B7 and combining marks cannot start a name
    if (starts_name_char(s, p)) {
        char32_t cp = *p;
        if (*p >= 0x80) decode_utf8(p, s.end_, cp);
        return s.fail(errc::invalid_name, p, "a name cannot start with ", scan_impl::char_text(cp));
    }
    return s.fail(errc::malformed, p, expected...);
}

// The character after a name (p < end_) is no valid delimiter.
inline const byte* bad_name_end(scan_state& s, const byte* p, std::string_view name, bool element) noexcept {
    if (!char_size(s, p)) return nullptr;
    const byte c = *p;
    if (c == '<' || c == '>' || c == '/' || c == '=' || c == '"' || c == '\'') {
        if (element) return s.fail(errc::malformed, p, "expected whitespace, '>' or '/>' after <", clip(name));
        return s.fail(errc::malformed, p, "expected '=' after attribute name '", clip(name), "'");
    }
    char32_t cp = c;
    if (c >= 0x80) decode_utf8(p, s.end_, cp);
    // XML 1.0 §2.3 NameChar
    return s.fail(errc::invalid_name, p, "character ", scan_impl::char_text(cp), " is not allowed in name '", clip(name), "'");
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_NAMES_HPP
