// xstanza detail: the RapidXML glue. Only detail/ includes RapidXML.
#ifndef XSTANZA_DETAIL_DOM_HPP
#define XSTANZA_DETAIL_DOM_HPP

#include <cstddef>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidxml/rapidxml.hpp>

#include "utf8.hpp"

namespace xstanza::detail {

using xml_node = rapidxml::xml_node<char>;
using xml_attr = rapidxml::xml_attribute<char>;
using xml_doc = rapidxml::xml_document<char>;

// The scanner has already proved the input well-formed, so RapidXML runs in its cheapest
// modes: no terminators written (the buffer stays intact for opaque payloads, whose bytes
// are re-emitted verbatim), no entity translation (values are decoded lazily, in place,
// only where xstanza reads them), and no data nodes (text is read from the raw bytes).
inline constexpr int rapidxml_flags =
    rapidxml::parse_no_string_terminators | rapidxml::parse_no_entity_translation | rapidxml::parse_no_data_nodes;

/// What element views of one parse share: the input's start (for offsets) and the texts
/// already decoded (decoding in place happens once per element).
struct doc_context {
    const char* base = nullptr;
    std::vector<std::pair<const xml_node*, std::string_view>>* texts = nullptr;
};

inline constexpr std::string_view xml_ns = "http://www.w3.org/XML/1998/namespace";

inline std::string_view name_of(const xml_node* n) noexcept { return {n->name(), n->name_size()}; }
inline std::string_view name_of(const xml_attr* a) noexcept { return {a->name(), a->name_size()}; }

inline std::string_view local_of(std::string_view qname) noexcept {
    std::size_t colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}
inline std::string_view prefix_of(std::string_view qname) noexcept {
    std::size_t colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

/// The attribute with this exact qualified name, or null.
inline xml_attr* find_attr(const xml_node* n, std::string_view qname) noexcept {
    for (xml_attr* a = n->first_attribute(); a; a = a->next_attribute())
        if (name_of(a) == qname) return a;
    return nullptr;
}

/// The namespace URI of an element (Namespaces in XML 1.0 §6.1, §6.2): its prefix's
/// nearest declaration, or the nearest default declaration for an unprefixed name; ""
/// when there is none. The scanner has already rejected undeclared prefixes.
inline std::string_view resolve_ns(const xml_node* n) noexcept {
    std::string_view prefix = prefix_of(name_of(n));
    if (prefix == "xml") return xml_ns;
    for (const xml_node* e = n; e && e->type() == rapidxml::node_element; e = e->parent()) {
        for (const xml_attr* a = e->first_attribute(); a; a = a->next_attribute()) {
            std::string_view an = name_of(a);
            if (an.size() < 5 || an.compare(0, 5, "xmlns") != 0) continue;
            if (prefix.empty() ? an.size() == 5
                               : (an.size() == 6 + prefix.size() && an[5] == ':' && an.substr(6) == prefix))
                return {a->value(), a->value_size()};
        }
    }
    return {};
}

inline char* decode_reference(char* src, char* end, char*& dst) noexcept {
    // src points at '&'; the scanner guarantees a well-formed reference to an XML Char.
    char* semi = static_cast<char*>(std::memchr(src, ';', std::size_t(end - src)));
    std::string_view ref(src + 1, std::size_t(semi - src - 1));
    if (ref[0] == '#') {
        char32_t cp = 0;
        if (ref.size() > 1 && ref[1] == 'x') {
            for (char c : ref.substr(2))
                cp = cp * 16 + char32_t(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        } else {
            for (char c : ref.substr(1)) cp = cp * 10 + char32_t(c - '0');
        }
        dst += encode_utf8(cp, dst);
    } else {
        *dst++ = ref == "lt" ? '<' : ref == "gt" ? '>' : ref == "amp" ? '&' : ref == "quot" ? '"' : '\'';
    }
    return semi + 1;
}

/// Decodes references and normalises line ends in place (XML 1.0 §2.11, §4.6); for an
/// attribute value also maps literal tab, CR and LF to space (§3.3.3). Returns the new size.
inline std::size_t decode_in_place(char* p, std::size_t n, bool attribute) noexcept {
    char* end = p + n;
    char* src = p;
    while (src < end && *src != '&' && *src != '\r' && !(attribute && (*src == '\n' || *src == '\t'))) ++src;
    if (src == end) return n;
    char* dst = src;
    while (src < end) {
        char c = *src;
        if (c == '&') {
            src = decode_reference(src, end, dst);
        } else if (c == '\r') {
            *dst++ = attribute ? ' ' : '\n';
            src += (src + 1 < end && src[1] == '\n') ? 2 : 1;
        } else if (attribute && (c == '\n' || c == '\t')) {
            *dst++ = ' ';
            ++src;
        } else {
            *dst++ = c;
            ++src;
        }
    }
    return std::size_t(dst - p);
}

/// The quote character delimiting an attribute's value: after the name, S? '=' S? (XML 1.0 §3.1).
inline char attr_quote(const xml_attr* a) noexcept {
    const char* p = a->name() + a->name_size();
    while (*p != '\'' && *p != '"') ++p;  // only spaces and '=' stand between name and quote
    return *p;
}

/// An attribute's decoded value. Idempotent: a decoded value shrank, so the byte after
/// it is a leftover raw byte, which is never the delimiting quote.
inline std::string_view attr_value(xml_attr* a) noexcept {
    char* v = a->value();
    std::size_t n = a->value_size();
    if (n == 0) return {};
    if (v[n] == attr_quote(a)) {  // still raw: ends at its closing quote
        std::size_t m = decode_in_place(v, n, true);
        if (m != n) a->value(v, m);
    }
    return {a->value(), a->value_size()};
}

/// True when the element has an element child.
inline bool has_element_child(const xml_node* n) noexcept {
    for (const xml_node* c = n->first_node(); c; c = c->next_sibling())
        if (c->type() == rapidxml::node_element) return true;
    return false;
}

/// Where an element's content starts: one past the '>' of its start tag, or null for an
/// empty-element tag ("<x/>"). Works after attribute values were decoded in place: a
/// decoded value never contains its raw delimiter past its new end.
inline char* content_start(const xml_node* n) noexcept {
    char* p = n->name() + n->name_size();
    if (const xml_attr* last = n->last_attribute()) {
        char quote = attr_quote(last);
        p = last->value() + last->value_size();
        while (*p != quote) ++p;
        ++p;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
    return *p == '/' ? nullptr : p + 1;
}

/// The character data of an element without element children, read from the raw bytes
/// (RapidXML drops whitespace-only runs and splits text at CDATA sections): references
/// decoded, line ends normalised, CDATA sections joined, all in place. NOT idempotent:
/// call once per element (element::text() caches for repeated calls).
inline std::string_view text_of(const xml_node* n) noexcept {
    char* p = content_start(n);
    if (!p) return {};
    char* out = p;
    char* dst = p;
    for (;;) {
        if (*p == '<') {
            if (p[1] != '!') break;  // the end tag: there are no child elements
            // "<![CDATA[" ... "]]>": copied as is (XML 1.0 §2.7)
            char* c = p + 9;
            char* e = c;
            while (!(e[0] == ']' && e[1] == ']' && e[2] == '>')) ++e;
            std::memmove(dst, c, std::size_t(e - c));
            dst += e - c;
            p = e + 3;
            continue;
        }
        char* run = p;
        while (*p != '<') ++p;
        std::size_t m = decode_in_place(run, std::size_t(p - run), false);
        std::memmove(dst, run, m);
        dst += m;
    }
    return {out, std::size_t(dst - out)};
}

}  // namespace xstanza::detail

#endif  // XSTANZA_DETAIL_DOM_HPP
