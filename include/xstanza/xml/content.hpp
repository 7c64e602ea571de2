// xstanza detail: the scanner's content (scan.hpp): character data and attribute values
// past their fast skips (XML 1.0 §2.4, §3.1), entity and character references (XML 1.0
// §4.1), CDATA sections (XML 1.0 §2.7), and the markup XMPP forbids: comments, processing
// instructions and DOCTYPE (RFC 6120 §11.1).
#ifndef XSTANZA_XML_CONTENT_HPP
#define XSTANZA_XML_CONTENT_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

#include "names.hpp"

namespace xstanza::detail {

namespace scan_impl {

struct value_end {
    const byte* quote;  // the closing quote, or nullptr with the error set
    bool plain;         // the value holds no reference, tab, LF or CR
};

// The scanner's content: what lies between tags, and inside attribute values.
value_end attribute_value(scan_state& s, const byte* p, byte quote) noexcept;
const byte* text_rest(scan_state& s, const byte* p) noexcept;
const byte* reference(scan_state& s, const byte* amp) noexcept;
const byte* char_reference(scan_state& s, const byte* amp) noexcept;
const byte* markup_declaration(scan_state& s, const byte* lt, bool in_root) noexcept;
const byte* cdata(scan_state& s, const byte* lt) noexcept;
const byte* processing_instruction(scan_state& s, const byte* lt) noexcept;

// XML 1.0 §2.3 AttValue content: no raw '<', references as in text. p is at a byte that
// skip_value() stopped at, or at end. Finds the closing quote.
inline value_end attribute_value(scan_state& s, const byte* p, byte quote) noexcept {
    bool plain = true;
    for (;;) {
        if (p == s.end_) return {s.eof(), false};
        const byte c = *p;
        if (c == quote) return {p, plain};
        // XML 1.0 §3.1 WFC No < in Attribute Values
        if (c == '<') return {s.fail(errc::malformed, p, "'<' is not allowed in an attribute value (use &lt;)"), false};
        if (c == '&') {
            plain = false;
            p = reference(s, p);
        } else {
            if (c < 0x80) plain = false;  // tab, LF or CR: normalised to a space (XML 1.0 §3.3.3)
            p = other_chars(s, p);
        }
        if (!p) return {nullptr, false};
        p = scan_impl::skip_value(p, s.end_, quote);
    }
}

// XML 1.0 §2.4 CharData and references: the rest of the text after the first byte that is
// not plain (or at end), up to the next '<', which is returned.
inline const byte* text_rest(scan_state& s, const byte* p) noexcept {
    for (;;) {
        if (p == s.end_) return s.eof();
        const byte c = *p;
        if (c == '<') return p;
        if (c == '&') {
            s.text_plain_ = false;
            p = reference(s, p);
            if (!p) return nullptr;
        } else if (c == ']') {
            // XML 1.0 §2.4: ']]>' must not appear in character data
            if (s.end_ - p >= 3 && p[1] == ']' && p[2] == '>')
                return s.fail(errc::malformed, p, "']]>' is not allowed in text (use ]]&gt;)");
            ++p;
        } else {
            if (c == '\r') s.text_plain_ = false;  // line ends are normalised (XML 1.0 §2.11)
            p = other_chars(s, p);
            if (!p) return nullptr;
        }
        p = scan_impl::skip_plain<'<', '&', ']'>(p, s.end_);
    }
}

// XML 1.0 §4.1 Reference ::= EntityRef | CharRef. Returns one past its ';'.
inline const byte* reference(scan_state& s, const byte* amp) noexcept {
    const byte* p = amp + 1;
    // The five predefined entities, written as they nearly always are (fast path).
    if (s.end_ - p >= 5) {
        if (p[0] == 'a' && p[1] == 'm' && p[2] == 'p' && p[3] == ';') return p + 4;
        if ((p[0] == 'l' || p[0] == 'g') && p[1] == 't' && p[2] == ';') return p + 3;
        if (std::memcmp(p, "apos;", 5) == 0 || std::memcmp(p, "quot;", 5) == 0) return p + 5;
    }
    if (p == s.end_) return s.eof();
    if (*p == '#') return char_reference(s, amp);
    const byte* const name = p;
    p = entity_name(s, p);
    if (!p) return nullptr;
    if (p == s.end_) return s.eof();
    // XML 1.0 §4.1 EntityRef ::= '&' Name ';' (a bare '&' is not allowed, XML 1.0 §2.4)
    if (p == name) return s.fail(errc::invalid_reference, amp, "'&' must start a reference such as &amp;");
    if (*p != ';') return s.fail(errc::invalid_reference, amp, "reference '&", clip(view(name, p)), "' is not terminated by ';'");
    const std::string_view entity = view(name, p);
    if (is(entity, "lt") || is(entity, "gt") || is(entity, "amp") || is(entity, "quot") || is(entity, "apos")) return p + 1;
    // RFC 6120 §11.1 and XML 1.0 §4.1 WFC Entity Declared: with no DTD only the five predefined entities exist
    return s.fail(errc::undefined_entity, amp, "undefined entity '&", clip(entity), ";'");
}

// XML 1.0 §4.1 CharRef ::= '&#' [0-9]+ ';' | '&#x' [0-9a-fA-F]+ ';', WFC Legal Character.
inline const byte* char_reference(scan_state& s, const byte* amp) noexcept {
    const byte* p = amp + 2;
    if (p == s.end_) return s.eof();
    const bool hex = *p == 'x';
    if (hex && ++p == s.end_) return s.eof();
    const unsigned base = hex ? 16 : 10;
    const byte* const digits = p;
    char32_t value = 0;
    for (; p != s.end_; ++p) {
        const byte c = *p;
        unsigned d = unsigned(c - '0');
        if (d > 9) d = hex && unsigned((c | 0x20) - 'a') < 6 ? unsigned((c | 0x20) - 'a') + 10 : base;
        if (d >= base) break;
        // saturates above U+10FFFF: long digit strings cannot overflow
        if (value <= 0x10FFFF) value = value * base + d;
    }
    if (p == s.end_) return s.eof();
    if (p == digits) {
        if (*p == 'X') return s.fail(errc::invalid_reference, amp, "hexadecimal character references start with '&#x', not '&#X'");
        return s.fail(errc::invalid_reference, amp, "character reference without digits");
    }
    if (*p != ';') return s.fail(errc::invalid_reference, amp, "character reference not terminated by ';'");
    ++p;
    // XML 1.0 §4.1 WFC Legal Character (so no &#0;, surrogates, U+FFFE, > U+10FFFF)
    if (!is_xml_char(value))
        return s.fail(errc::invalid_reference, amp, "character reference ", clip(view(amp, p)), " is not an XML character");
    return p;
}

// At "<!" (lt + 1 < end_): a CDATA section is the only such markup XMPP allows.
inline const byte* markup_declaration(scan_state& s, const byte* lt, bool in_root) noexcept {
    int m = s.starts_with(lt, "<![CDATA[");
    if (m > 0) {
        if (in_root) return cdata(s, lt);
        // XML 1.0 §2.1: CDATA is content, never outside the root
        return s.fail(errc::malformed, lt, "CDATA section outside the root element");
    }
    if (m < 0) return s.eof();
    m = s.starts_with(lt, "<!--");
    // RFC 6120 §11.1: no comments
    if (m > 0) return s.fail(errc::forbidden_comment, lt, "comments are not allowed in XMPP (RFC 6120 §11.1)");
    if (m < 0) return s.eof();
    m = s.starts_with(lt, "<!DOCTYPE");
    // RFC 6120 §11.1: no DTD, hence no entity declarations (billion laughs, external entities)
    if (m > 0) return s.fail(errc::forbidden_dtd, lt, "DOCTYPE declarations are not allowed in XMPP (RFC 6120 §11.1)");
    if (m < 0) return s.eof();
    // XML 1.0 §2.7: '<!' opens a comment, CDATA section or DOCTYPE, nothing else
    return s.fail(errc::malformed, lt, "expected '<![CDATA[' after '<!'");
}

// RFC 6120 §11.1: no processing instructions; the XML declaration belongs to the
// stream header, never to a stanza.
inline const byte* processing_instruction(scan_state& s, const byte* lt) noexcept {
    if (s.starts_with(lt, "<?xml") > 0 && s.end_ - lt > 5 && scan_impl::is_space(lt[5]))
        return s.fail(errc::forbidden_pi, lt, "an XML declaration is not allowed in a stanza (RFC 6120 §11.1)");
    return s.fail(errc::forbidden_pi, lt, "processing instructions are not allowed in XMPP (RFC 6120 §11.1)");
}

// XML 1.0 §2.7 CDSect ::= '<![CDATA[' (Char* - (Char* ']]>' Char*)) ']]>'
inline const byte* cdata(scan_state& s, const byte* lt) noexcept {
    s.has_cdata_ = true;
    s.text_plain_ = false;
    if (s.depth_ == 1 && s.root_text_ == npos) s.root_text_ = s.offset(lt);
    const byte* p = lt + 9;
    for (;;) {
        p = scan_impl::skip_plain<']', ']', ']'>(p, s.end_);
        if (p == s.end_) return s.eof();
        if (*p == ']') {
            if (s.end_ - p >= 3 && p[1] == ']' && p[2] == '>') return p + 3;
            ++p;
            continue;
        }
        p = other_chars(s, p);
        if (!p) return nullptr;
    }
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_CONTENT_HPP
