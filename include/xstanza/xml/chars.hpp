// xstanza detail: the scanner's characters (scan.hpp): XML whitespace, the fast skips over
// bytes that need no closer look, UTF-8 validation (RFC 3629 §4, RFC 6120 §11.6) and the
// XML Char rules (XML 1.0 §2.2): free functions over bytes, and the checks over the
// scanner's state (scan_state.hpp), which report an error.
#ifndef XSTANZA_XML_CHARS_HPP
#define XSTANZA_XML_CHARS_HPP

#include <cstddef>
#include <cstdint>

#include "scan_state.hpp"
#include "text.hpp"
#include "../model/detail/utf8.hpp"

namespace xstanza::detail {

namespace scan_impl {

// XML 1.0 §2.3 S ::= (#x20 | #x9 | #xD | #xA)+
constexpr bool is_space(byte c) noexcept {
    return c <= ' ' && ((std::uint64_t{1} << c) & 0x100002600u) != 0;  // bits 32, 9, 10, 13
}

inline const byte* skip_space(const byte* p, const byte* end) noexcept {
    while (p != end && is_space(*p)) ++p;
    return p;
}

// True when [p, end) is a proper prefix of a valid UTF-8 sequence: the input was
// cut inside a character rather than holding a bad one (RFC 3629 §4).
inline bool utf8_cut_short(const byte* p, const byte* end) noexcept {
    const byte c = *p;
    std::ptrdiff_t need = 0;
    byte lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return false;
    }
    const std::ptrdiff_t avail = end - p;
    if (avail >= need) return false;
    for (std::ptrdiff_t i = 1; i < avail; ++i) {
        if (i == 1 ? (p[i] < lo || p[i] > hi) : (p[i] & 0xC0) != 0x80) return false;
    }
    return true;
}

using detail::skip_plain;

// Skips the bytes of an attribute value quoted with `quote` that need no attention:
// printable ASCII other than the quote, '<' and '&'.
inline const byte* skip_value(const byte* p, const byte* end, byte quote) noexcept {
    return detail::skip_plain_with(p, end, quote, '<', '&', [end, quote](const byte* q) {
        while (q != end && *q >= 0x20 && *q < 0x80 && *q != quote && *q != '<' && *q != '&') ++q;
        return q;
    });
}

// Skips valid multi-byte UTF-8 characters that are XML Chars (RFC 3629 §4, XML 1.0
// §2.2). Stops at an ASCII byte, at end, or at a sequence that needs a closer look.
inline const byte* skip_utf8(const byte* p, const byte* end) noexcept {
    while (p != end) {
        const byte c = *p;
        const std::ptrdiff_t avail = end - p;
        if (c < 0xC2) break;  // ASCII, continuation byte, overlong lead
        if (c < 0xE0) {       // U+0080..U+07FF: all Chars
            if (avail < 2 || (p[1] & 0xC0) != 0x80) break;
            p += 2;
        } else if (c < 0xF0) {  // U+0800..U+FFFF minus surrogates, U+FFFE, U+FFFF
            if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) break;
            if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE))
                break;
            p += 3;
        } else if (c < 0xF5) {  // U+10000..U+10FFFF: all Chars
            if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) break;
            if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) break;
            p += 4;
        } else {
            break;
        }
    }
    return p;
}

// The scanner's character checks: each accepts a valid XML Char or records the error.
std::nullptr_t utf8_error(scan_state& s, const byte* p) noexcept;
int char_size(scan_state& s, const byte* p) noexcept;
const byte* other_chars(scan_state& s, const byte* p) noexcept;
int code_point(scan_state& s, const byte* p, char32_t& cp) noexcept;

// RFC 3629 §4, RFC 6120 §11.6: p starts no valid UTF-8 sequence. A sequence cut
// by the end of the input inside the root is a truncation, not bad UTF-8.
inline std::nullptr_t utf8_error(scan_state& s, const byte* p) noexcept {
    if (s.inside_root_ && scan_impl::utf8_cut_short(p, s.end_)) return s.eof();
    const byte c = *p;
    const char* what = "missing continuation byte";
    if (c >= 0x80 && c <= 0xBF) {
        what = "stray continuation byte";
    } else if (c == 0xC0 || c == 0xC1) {
        what = "overlong encoding";
    } else if (c >= 0xF5) {
        what = "byte 0xF5..0xFF never occurs in UTF-8";
    } else if (s.end_ - p >= 2 && (p[1] & 0xC0) == 0x80) {
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xF0 && p[1] < 0x90)) what = "overlong encoding";
        if (c == 0xED && p[1] > 0x9F) what = "encoded surrogate (U+D800..U+DFFF)";
        if (c == 0xF4 && p[1] > 0x8F) what = "code point above U+10FFFF";
        if (scan_impl::utf8_cut_short(p, s.end_)) what = "sequence cut by the end of the input";
    } else if (s.end_ - p < 2) {
        what = "sequence cut by the end of the input";
    }
    return s.fail(errc::invalid_utf8, p, "invalid UTF-8: ", what);
}

// Length of the valid XML Char at p (p < end_), or 0 with the error set.
inline int char_size(scan_state& s, const byte* p) noexcept {
    const byte c = *p;
    if (c >= 0x20 && c < 0x80) return 1;
    if (c < 0x20) {
        if (scan_impl::is_space(c)) return 1;
        // XML 1.0 §2.2: NUL is never a Char
        if (c == 0) {
            s.fail(errc::nul_byte, p, "NUL byte in the input");
            return 0;
        }
        // XML 1.0 §2.2: no C0 controls but TAB, LF and CR
        s.fail(errc::invalid_char, p, "control character ", scan_impl::char_text(c), " is not allowed in XML");
        return 0;
    }
    char32_t cp;
    return code_point(s, p, cp);
}

// Past the control or non-ASCII character(s) at p (p < end_), or nullptr with the error set.
inline const byte* other_chars(scan_state& s, const byte* p) noexcept {
    const byte* q = scan_impl::skip_utf8(p, s.end_);
    if (q != p) return q;
    const int n = char_size(s, p);
    return n ? p + n : nullptr;
}

// Decodes the non-ASCII character at p, which must be valid UTF-8 and an XML Char: its
// length, or 0 with the error set. Out of line: non-ASCII takes skip_utf8's fast path first,
// and inlined here it crowds the ASCII loops.
XSTANZA_SCAN_OUTLINE inline int code_point(scan_state& s, const byte* p, char32_t& cp) noexcept {
    const int n = decode_utf8(p, s.end_, cp);
    if (n == 0) {
        utf8_error(s, p);
        return 0;
    }
    // XML 1.0 §2.2 Char (no surrogates, U+FFFE, U+FFFF)
    if (!is_xml_char(cp)) {
        s.fail(errc::invalid_char, p, "character ", scan_impl::char_text(cp), " is not allowed in XML");
        return 0;
    }
    return n;
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_CHARS_HPP
