// xstanza detail: strict UTF-8 decoding and XML character classes.
#ifndef XSTANZA_MODEL_DETAIL_UTF8_HPP
#define XSTANZA_MODEL_DETAIL_UTF8_HPP

#include <cstddef>
#include <string_view>

#include "../error.hpp"

namespace xstanza::detail {

/// Decodes one UTF-8 sequence at p (p < end) per RFC 3629 §4: no overlongs, no
/// surrogates, nothing above U+10FFFF. Returns its length (1-4), or 0 when invalid
/// or truncated at end. Never reads at or past end.
inline int decode_utf8(const unsigned char* p, const unsigned char* end, char32_t& cp) noexcept {
    unsigned char c = p[0];
    if (c < 0x80) { cp = c; return 1; }
    std::ptrdiff_t avail = end - p;
    if (c >= 0xC2 && c <= 0xDF) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
        cp = (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
        if (c == 0xED && p[1] > 0x9F) return 0;  // surrogates U+D800..U+DFFF
        cp = (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
        if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
        cp = (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
             (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return 4;
    }
    return 0;  // continuation byte, 0xC0/0xC1 (overlong) or 0xF5..0xFF
}

/// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
constexpr bool is_xml_char(char32_t c) noexcept {
    return c >= 0x20 ? (c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                     : (c == 0x9 || c == 0xA || c == 0xD);
}

/// Encodes a valid code point as UTF-8 into out (4 bytes room); returns the length.
inline int encode_utf8(char32_t c, char* out) noexcept {
    if (c < 0x80) { out[0] = char(c); return 1; }
    if (c < 0x800) { out[0] = char(0xC0 | (c >> 6)); out[1] = char(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = char(0xE0 | (c >> 12)); out[1] = char(0x80 | ((c >> 6) & 0x3F));
        out[2] = char(0x80 | (c & 0x3F)); return 3;
    }
    out[0] = char(0xF0 | (c >> 18)); out[1] = char(0x80 | ((c >> 12) & 0x3F));
    out[2] = char(0x80 | ((c >> 6) & 0x3F)); out[3] = char(0x80 | (c & 0x3F)); return 4;
}

/// Where a string stops being writable as XML character data.
struct text_check {
    errc code = errc::ok;      ///< ok, nul_byte, invalid_utf8 or invalid_char
    std::size_t offset = 0;    ///< byte offset of the offending sequence
};

/// Checks that s is valid UTF-8 made of XML Chars only (what the serializer may write).
inline text_check check_xml_text(std::string_view s) noexcept {
    auto* p = reinterpret_cast<const unsigned char*>(s.data());
    auto* end = p + s.size();
    auto* begin = p;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x20 && c < 0x80) { ++p; continue; }
        if (c < 0x20) {
            if (c == 0x9 || c == 0xA || c == 0xD) { ++p; continue; }
            return {c == 0 ? errc::nul_byte : errc::invalid_char, std::size_t(p - begin)};
        }
        char32_t cp;
        int n = decode_utf8(p, end, cp);
        if (n == 0) return {errc::invalid_utf8, std::size_t(p - begin)};
        if (!is_xml_char(cp)) return {errc::invalid_char, std::size_t(p - begin)};
        p += n;
    }
    return {};
}

}  // namespace xstanza::detail

#endif  // XSTANZA_MODEL_DETAIL_UTF8_HPP
