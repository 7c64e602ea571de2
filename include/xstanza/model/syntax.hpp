// xstanza: the value syntaxes the stanza rules refer to: language tags (xml:lang, RFC 6120
// §8.1.5) and URIs/IRIs (<gone/> and <redirect/>, RFC 6120 §8.3.3.5, §8.3.3.14). Plain
// functions on bytes, no XML.
#ifndef XSTANZA_MODEL_SYNTAX_HPP
#define XSTANZA_MODEL_SYNTAX_HPP

#include <array>
#include <cstddef>
#include <string_view>

namespace xstanza {

namespace detail {

constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool all_of(std::string_view s, bool (*f)(char) noexcept) noexcept {
    for (char c : s)
        if (!f(c)) return false;
    return true;
}

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

constexpr bool iequal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

// RFC 5646 §2.1 grandfathered: tags that predate the generative syntax.
inline constexpr std::array<std::string_view, 26> grandfathered_tags = {
    "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
    "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE", "art-lojban",
    "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
};

// Splits off the next '-'-separated subtag of `rest`; false at the end.
constexpr bool next_subtag(std::string_view& rest, std::string_view& subtag) noexcept {
    if (rest.empty()) return false;
    std::size_t dash = rest.find('-');
    subtag = rest.substr(0, dash);
    rest = dash == std::string_view::npos ? std::string_view{} : rest.substr(dash + 1);
    return true;
}

// RFC 5646 §2.1: privateuse = "x" 1*("-" (1*8alphanum)), `rest` following the "x".
constexpr bool private_use_rest(std::string_view rest) noexcept {
    std::string_view t;
    if (!next_subtag(rest, t)) return false;
    do {
        if (t.empty() || t.size() > 8 || !all_of(t, is_alnum)) return false;
    } while (next_subtag(rest, t));
    return true;
}

// RFC 5646 §2.1: langtag / privateuse (the grandfathered tags aside).
constexpr bool is_langtag_or_private(std::string_view tag) noexcept {
    // Every subtag has 1 to 8 characters: no empty one at either end or between two '-'.
    if (tag.empty() || tag.front() == '-' || tag.back() == '-' || tag.find("--") != std::string_view::npos)
        return false;
    std::string_view rest = tag, t;
    next_subtag(rest, t);
    if (iequal(t, "x")) return private_use_rest(rest);
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
    if (t.size() < 2 || t.size() > 8 || !all_of(t, is_alpha)) return false;
    const std::size_t language_size = t.size();
    bool more = next_subtag(rest, t);
    if (more && language_size <= 3) {
        // extlang = 3ALPHA *2("-" 3ALPHA), only after a 2- or 3-letter language
        for (int n = 0; more && n < 3 && t.size() == 3 && all_of(t, is_alpha); ++n) more = next_subtag(rest, t);
    }
    if (more && t.size() == 4 && all_of(t, is_alpha)) more = next_subtag(rest, t);  // script
    if (more && ((t.size() == 2 && all_of(t, is_alpha)) || (t.size() == 3 && all_of(t, is_digit))))
        more = next_subtag(rest, t);  // region
    // variant = 5*8alphanum / (DIGIT 3alphanum)
    while (more && all_of(t, is_alnum) &&
           ((t.size() >= 5 && t.size() <= 8) || (t.size() == 4 && is_digit(t[0]))))
        more = next_subtag(rest, t);
    // extension = singleton 1*("-" (2*8alphanum)), singleton = alphanum other than x
    while (more && t.size() == 1 && is_alnum(t[0]) && !iequal(t, "x")) {
        std::size_t n = 0;
        while ((more = next_subtag(rest, t)) && t.size() >= 2 && t.size() <= 8 && all_of(t, is_alnum)) ++n;
        if (n == 0) return false;
    }
    if (more && iequal(t, "x")) return private_use_rest(rest);
    return !more;
}

// RFC 5646 §2.1 grandfathered: checked last, they are rare.
constexpr bool is_grandfathered(std::string_view tag) noexcept {
    for (std::string_view g : grandfathered_tags)
        if (iequal(g, tag)) return true;
    return false;
}

}  // namespace detail

/// True when `tag` is a well-formed language tag (RFC 5646 §2.1, the syntax RFC 6120 §8.1.5
/// requires of xml:lang; such a tag is also an XML NMTOKEN). Checks the syntax only, not the
/// IANA registry: "en", "de-CH", "zh-Hant-TW", "sl-rozaj-biske", "x-klingon" pass;
/// "", "not a tag", "en_US", "toolongsubtag" fail.
constexpr bool is_language_tag(std::string_view tag) noexcept {
    return detail::is_langtag_or_private(tag) || detail::is_grandfathered(tag);
}

/// True when `s` is an absolute URI (RFC 3986 §3: scheme ":" ...) or IRI (RFC 3987 §2.2:
/// the same with non-ASCII characters, which the caller has already checked are UTF-8):
/// the syntax RFC 6120 §8.3.3.5 and §8.3.3.14 require of <gone/> and <redirect/> content.
/// ASCII characters a URI never holds (controls, space, " < > \ ^ ` { | }), a '%' not
/// followed by two hex digits and a second '#' are refused.
constexpr bool is_uri(std::string_view s) noexcept {
    using namespace detail;
    std::size_t colon = s.find(':');
    if (colon == 0 || colon == std::string_view::npos || !is_alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!is_alnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
    bool fragment = false;
    for (std::size_t i = colon + 1; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) continue;  // IRI ucschar / iprivate (UTF-8 validated by the XML layer)
        if (c <= 0x20 || c == 0x7F) return false;
        switch (c) {
        case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
            return false;
        case '#':
            if (fragment) return false;
            fragment = true;
            break;
        case '%': {
            auto hex = [](char h) { return is_digit(h) || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'); };
            if (i + 2 >= s.size() || !hex(s[i + 1]) || !hex(s[i + 2])) return false;
            i += 2;
            break;
        }
        default:
            break;
        }
    }
    return true;
}

}  // namespace xstanza

#endif  // XSTANZA_MODEL_SYNTAX_HPP
