// An independent well-formedness oracle for xstanza's validating scanner: expat, namespace
// aware (XML_ParserCreateNS), on the same bytes. Used by tests/fuzz/fuzz_expat.cpp and the
// mutation suite (tests/properties/test_mutation.cpp). Needs expat (link EXPAT::EXPAT).
//
// The invariants (compare_with_expat):
//  - expat rejects  => the scanner rejects;
//  - the scanner accepts => expat accepts, and both report the same elements (namespace
//    name + local name, in document order and nesting), the same attributes (namespace
//    name + local name, decoded values, in order), the same namespace declarations per
//    element (prefix, decoded namespace name; expat reports them apart from the attributes,
//    xstanza keeps them as xmlns / xmlns:p attributes), and the same character data per
//    element (decoded, line ends normalised, CDATA sections joined; the text directly
//    inside the element, not its children's);
//  - the scanner without a tree (scanner::scan(data, size, limits)) and with one agree.
//
// The exceptions: where expat accepts and the scanner rejects, only for a rule XMPP adds on
// top of XML, or one of xstanza's limits, each checked narrowly (the construct that rule
// forbids must be where xstanza reports it, or the limit must really be exceeded):
//  - RFC 6120 §11.1: no comments (errc::forbidden_comment where expat saw a comment);
//  - RFC 6120 §11.1: no processing instructions, and no XML declaration inside a stanza
//    (errc::forbidden_pi where expat saw a PI or the XML declaration);
//  - RFC 6120 §11.1: no DTD, hence no entity declarations (errc::forbidden_dtd where
//    expat saw a DOCTYPE);
//  - RFC 6120 §11.6: UTF-8 without a byte order mark (errc::byte_order_mark at offset 0,
//    the input starting with EF BB BF). expat is told the input is UTF-8 (an encoding
//    declaration would be an XML declaration, refused above);
//  - RFC 6120 §13.12 (resource exhaustion), parse_limits: max_depth (errc::depth_limit only
//    when expat saw deeper nesting), max_attributes and max_namespaces (errc::attribute_limit
//    only when an element carries more attributes, declarations included, or more prefixed
//    declarations are in scope), max_input_bytes (errc::input_too_large only for a longer input).
// And two differences in what counts as XML, both ways, each checked narrowly too:
//  - scan.hpp's documented limit: namespace names are compared (and element::ns() returns
//    them) as written, references not decoded, tab, CR and LF not normalised to spaces (the
//    oracle compares element namespaces decoded). So xmlns:p='urn:&#x61;' and xmlns:q='urn:a' are two namespaces to xstanza (it
//    accepts p:x='' q:x='', expat does not: duplicate attribute), and a reserved namespace
//    name written with a reference is not recognised (xstanza accepts
//    xmlns='http://www.w3.org/XML/1998/&#x6E;amespace' and refuses
//    xmlns:xml='http://www.w3.org/XML/1998/&#x6E;amespace', expat the opposite);
//  - names: expat checks name characters against XML 1.0 4th edition (Appendix B) tables,
//    xstanza against the 5th edition's §2.3 (which allows far more, e.g. U+10000..U+EFFFF).
//    Excused where expat rejects at a non-ASCII character inside a name xstanza read.
#ifndef XSTANZA_TESTS_SUPPORT_EXPAT_ORACLE_HPP
#define XSTANZA_TESTS_SUPPORT_EXPAT_ORACLE_HPP

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <expat.h>

#include <xstanza/xml/dom.hpp>
#include <xstanza/xml/scan.hpp>
#include <xstanza/model/limits.hpp>

namespace expat_oracle {

using namespace xstanza;

/// One element as a parser reports it.
struct element_info {
    std::size_t depth = 0;  // the root is 1
    std::string name;       // "uri\x01local", or "local" in no namespace
    std::vector<std::pair<std::string, std::string>> attributes;  // expanded name, decoded value
    std::vector<std::pair<std::string, std::string>> declarations;  // prefix ("" for the default), namespace name
    std::string text;       // the character data directly inside it
    bool operator==(const element_info& o) const {
        return depth == o.depth && name == o.name && attributes == o.attributes && declarations == o.declarations &&
               text == o.text;
    }
};

constexpr char separator = '\x01';  // never in a namespace name: U+0001 is no XML Char

inline std::string expanded(std::string_view uri, std::string_view local) {
    if (uri.empty()) return std::string(local);
    std::string s(uri);
    s += separator;
    s += local;
    return s;
}

/// What expat saw.
struct expat_report {
    bool ok = false;
    XML_Error error = XML_ERROR_NONE;
    std::size_t error_offset = 0;
    std::vector<element_info> elements;
    std::vector<std::size_t> comments, pis, doctypes;  // offsets of their '<' (a DOCTYPE's: past its subset)
    bool xml_declaration = false;                      // always at offset 0
    std::size_t max_depth = 0;
    std::size_t max_attributes = 0;  // on one element, namespace declarations included
    std::size_t max_prefixes = 0;    // prefixed declarations in scope at once (the xml prefix aside)
};

namespace impl {

struct expat_state {
    XML_Parser parser = nullptr;
    expat_report* r = nullptr;
    std::vector<std::size_t> open;  // indexes into r->elements
    std::vector<std::size_t> prefixes_in_scope;  // per open element
    std::vector<std::pair<std::string, std::string>> pending;  // declarations for the next start tag
    std::size_t offset() const { return std::size_t(XML_GetCurrentByteIndex(parser)); }
};

inline void XMLCALL on_declaration(void* u, const XML_Char* prefix, const XML_Char* uri) {
    auto* s = static_cast<expat_state*>(u);
    s->pending.emplace_back(prefix ? prefix : "", uri ? uri : "");
}

inline void XMLCALL on_start(void* u, const XML_Char* name, const XML_Char** atts) {
    auto* s = static_cast<expat_state*>(u);
    element_info e;
    e.depth = s->open.size() + 1;
    e.name = name;
    std::size_t n = 0;
    for (; atts[n]; n += 2) e.attributes.emplace_back(atts[n], atts[n + 1]);
    std::size_t prefixes = s->prefixes_in_scope.empty() ? 0 : s->prefixes_in_scope.back();
    for (const auto& d : s->pending)
        if (!d.first.empty() && d.first != "xml") ++prefixes;
    e.declarations = std::move(s->pending);
    s->pending.clear();
    s->r->max_depth = std::max(s->r->max_depth, e.depth);
    s->r->max_attributes = std::max(s->r->max_attributes, n / 2 + e.declarations.size());
    s->r->max_prefixes = std::max(s->r->max_prefixes, prefixes);
    s->prefixes_in_scope.push_back(prefixes);
    s->open.push_back(s->r->elements.size());
    s->r->elements.push_back(std::move(e));
}

inline void XMLCALL on_end(void* u, const XML_Char*) {
    auto* s = static_cast<expat_state*>(u);
    s->open.pop_back();
    s->prefixes_in_scope.pop_back();
}

inline void XMLCALL on_text(void* u, const XML_Char* text, int len) {
    auto* s = static_cast<expat_state*>(u);
    if (!s->open.empty()) s->r->elements[s->open.back()].text.append(text, std::size_t(len));
}

inline void XMLCALL on_comment(void* u, const XML_Char*) {
    auto* s = static_cast<expat_state*>(u);
    s->r->comments.push_back(s->offset());
}

inline void XMLCALL on_pi(void* u, const XML_Char*, const XML_Char*) {
    auto* s = static_cast<expat_state*>(u);
    s->r->pis.push_back(s->offset());
}

inline void XMLCALL on_xml_declaration(void* u, const XML_Char*, const XML_Char*, int) {
    static_cast<expat_state*>(u)->r->xml_declaration = true;
}

inline void XMLCALL on_doctype(void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<expat_state*>(u);
    s->r->doctypes.push_back(s->offset());
}

struct parser_deleter {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace impl

/// Parses `input` with expat: namespace aware, the input declared UTF-8, no external entities.
inline expat_report run_expat(std::string_view input) {
    expat_report r;
    if (input.size() > std::size_t(INT_MAX)) return r;  // not what these tests feed
    std::unique_ptr<XML_ParserStruct, impl::parser_deleter> p(XML_ParserCreateNS("UTF-8", separator));
    if (!p) return r;
    impl::expat_state s;
    s.parser = p.get();
    s.r = &r;
    XML_SetUserData(p.get(), &s);
    XML_SetElementHandler(p.get(), impl::on_start, impl::on_end);
    XML_SetCharacterDataHandler(p.get(), impl::on_text);
    XML_SetStartNamespaceDeclHandler(p.get(), impl::on_declaration);
    XML_SetCommentHandler(p.get(), impl::on_comment);
    XML_SetProcessingInstructionHandler(p.get(), impl::on_pi);
    XML_SetXmlDeclHandler(p.get(), impl::on_xml_declaration);
    XML_SetStartDoctypeDeclHandler(p.get(), impl::on_doctype);
    if (XML_Parse(p.get(), input.data(), int(input.size()), 1) == XML_STATUS_OK) {
        r.ok = true;
    } else {
        r.error = XML_GetErrorCode(p.get());
        const XML_Index at = XML_GetErrorByteIndex(p.get());
        r.error_offset = at < 0 ? 0 : std::size_t(at);
    }
    return r;
}

/// What xstanza's scanner saw, and the tree walk's own findings.
struct xstanza_report {
    parse_error error;
    std::vector<element_info> elements;
    std::vector<std::pair<std::size_t, std::size_t>> non_ascii_names;  // [begin, end) of names with bytes >= 0x80
    bool decoded_duplicate = false;  // two attributes of one element whose namespace names differ only as written
    bool decoded_reserved = false;   // a declaration of a reserved namespace name written with a reference
    std::string walk_failure;        // the tree is inconsistent with the input
};

namespace impl {

inline std::string decoded_value(std::string_view raw) {
    std::string s(raw);
    s.resize(detail::decode_in_place(s.data(), s.size(), true));
    return s;
}

inline bool is_reserved(std::string_view uri) {
    return uri == detail::scanner::xml_uri || uri == detail::scanner::xmlns_uri;
}

struct walker {
    const char* base;
    std::size_t size;
    detail::text_arena arena;
    xstanza_report* r;

    bool inside(const char* p) const { return p >= base && p <= base + size; }
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    void note_name(const char* p, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i)
            if (static_cast<unsigned char>(p[i]) >= 0x80) {
                r->non_ascii_names.emplace_back(std::size_t(p - base), std::size_t(p - base) + n);
                return;
            }
    }

    // One past the end of element c, read from the tree's positions; nullptr if they do not fit.
    const char* element_end(const detail::xnode* c) {
        const char* end = base + size;
        if (inside(c->value_)) {  // a start tag, content and an end tag: value() ends at "</"
            const char* p = c->value_ + c->value_size_;
            if (end - p < 2 || p[0] != '<' || p[1] != '/') return nullptr;
            p += 2;
            if (std::size_t(end - p) < c->name_size_ || std::memcmp(p, c->name_, c->name_size_) != 0) return nullptr;
            p += c->name_size_;
            while (p != end && is_space(*p)) ++p;
            return p != end && *p == '>' ? p + 1 : nullptr;
        }
        const char* p = c->name_ + c->name_size_;  // an empty-element tag
        if (c->attr_count) {
            const detail::xattr* a = c->attrs + c->attr_count - 1;  // the last attribute
            p = a->value_ + a->value_size_ + 1;
        }
        while (p != end && is_space(*p)) ++p;
        return end - p >= 2 && p[0] == '/' && p[1] == '>' ? p + 2 : nullptr;
    }

    struct binding {
        std::string prefix, uri, raw;  // the namespace name decoded, and as written
    };
    // scope: the prefixed declarations in scope.
    void walk(const detail::xnode* n, std::size_t depth, std::vector<binding>& scope) {
        if (!r->walk_failure.empty()) return;
        const std::size_t mark = scope.size();
        element_info e;
        e.depth = depth;
        note_name(n->name_, n->name_size_);
        for (const detail::xattr* a = n->attrs; a != n->attrs + n->attr_count; ++a) {
            const std::string_view q(a->name_, a->name_size_);
            note_name(a->name_, a->name_size_);
            const std::string value = decoded_value({a->value_, a->value_size_});
            if (q == "xmlns" || q.substr(0, 6) == "xmlns:") {
                const std::string prefix(q == "xmlns" ? std::string_view() : q.substr(6));
                if (is_reserved(value) && value != std::string_view(a->value_, a->value_size_))
                    r->decoded_reserved = true;
                // xmlns:xml='http://www.w3.org/XML/1998/namespace' binds nothing new: expat does not report it.
                if (prefix == "xml") continue;
                e.declarations.emplace_back(prefix, value);
                if (!prefix.empty()) scope.push_back({prefix, value, std::string(a->value_, a->value_size_)});
            }
        }
        std::vector<std::string> raw_names;  // expanded with the namespace names as written
        for (const detail::xattr* a = n->attrs; a != n->attrs + n->attr_count; ++a) {
            const std::string_view q(a->name_, a->name_size_);
            if (q == "xmlns" || q.substr(0, 6) == "xmlns:") continue;
            std::string name, raw_name;
            const std::size_t colon = q.find(':');
            if (colon == std::string_view::npos) {
                name = raw_name = std::string(q);
            } else {
                const std::string_view prefix = q.substr(0, colon);
                std::string uri, raw;
                bool found = prefix == "xml";
                if (found) uri = raw = std::string(detail::xml_ns);
                for (std::size_t k = scope.size(); !found && k-- > 0;)
                    if (scope[k].prefix == prefix) {
                        uri = scope[k].uri;
                        raw = scope[k].raw;
                        found = true;
                    }
                if (!found) {
                    r->walk_failure = "xstanza accepted an attribute with an undeclared prefix: " + std::string(q);
                    return;
                }
                name = expanded(uri, q.substr(colon + 1));
                raw_name = expanded(raw, q.substr(colon + 1));
            }
            const std::string_view copied = detail::attr_copy(a, arena);
            // Equal once decoded, different as written: the known limit, not a plain duplicate.
            for (std::size_t k = 0; k < e.attributes.size(); ++k)
                if (e.attributes[k].first == name && raw_names[k] != raw_name) r->decoded_duplicate = true;
            raw_names.push_back(std::move(raw_name));
            e.attributes.emplace_back(std::move(name), std::string(copied));
        }
        const std::string_view ns = detail::resolve_ns(n);
        // scan.hpp's known limit: resolve_ns() (element::ns()) is the namespace name as written,
        // its references not decoded and its tabs and line ends not normalised: compared decoded.
        e.name = expanded(decoded_value(ns), detail::local_name(n));
        if (!n->first_child) {
            e.text = std::string(detail::text_copy(n, arena));  // what element::text() reads
        } else {
            // Mixed content: xstanza's API reads no text here; the tree's positions give it.
            const char* p = n->value_;
            const char* const content_end = n->value_ + n->value_size_;
            for (const detail::xnode* c = n->first_child;; c = c->next_sibling) {
                const char* const stop = c ? c->name_ - 1 : content_end;
                if (!inside(p) || stop < p || stop > content_end) {
                    r->walk_failure = "the tree's positions do not fit the input";
                    return;
                }
                std::string segment(p, stop);
                e.text += detail::decode_text(segment.data(), segment.size());
                if (!c) break;
                p = element_end(c);
                if (!p) {
                    r->walk_failure = "the tree's positions do not fit the input (an element's end)";
                    return;
                }
            }
        }
        r->elements.push_back(std::move(e));
        for (const detail::xnode* c = n->first_child; c; c = c->next_sibling) walk(c, depth + 1, scope);
        scope.resize(mark);
    }
};

}  // namespace impl

/// Scans `input` (an exact-size copy) with xstanza's scanner, without and with the tree.
inline xstanza_report run_xstanza(std::string_view input, const parse_limits& limits) {
    xstanza_report r;
    std::unique_ptr<char[]> copy(new char[input.size() ? input.size() : 1]);
    if (!input.empty()) std::memcpy(copy.get(), input.data(), input.size());
    detail::scanner scanner;
    const parse_error plain = scanner.scan(copy.get(), input.size(), limits);
    detail::element_index index;
    r.error = scanner.scan(copy.get(), input.size(), limits, index);
    if (plain.code() != r.error.code() || plain.offset() != r.error.offset()) {
        r.walk_failure = "the scanner with a tree and without one disagree: " + std::string(to_string(plain.code())) +
                         " vs " + std::string(to_string(r.error.code()));
        return r;
    }
    if (r.error) return r;
    if (std::memcmp(copy.get(), input.data(), input.size()) != 0) {
        r.walk_failure = "the scanner modified its input";
        return r;
    }
    impl::walker w{copy.get(), input.size(), {}, &r};
    std::vector<impl::walker::binding> scope;
    if (const detail::xnode* root = index.root) w.walk(root, 1, scope);
    else r.walk_failure = "an accepted input without a root element";
    return r;
}

namespace impl {

inline bool contains(const std::vector<std::size_t>& v, std::size_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

inline bool starts_with_bom(std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF"; }

// The known limit of scan.hpp, the other way round: the declaration at `at` (where xstanza
// reports invalid_namespace) names the xml or xmlns namespace with a reference, which
// expat decodes before it compares.
inline bool reserved_written_with_reference(std::string_view input, std::size_t at) {
    if (input.substr(at, 5) != "xmlns") return false;
    const std::size_t eq = input.find('=', at);
    if (eq == std::string_view::npos) return false;
    std::size_t q = eq + 1;
    while (q < input.size() && walker::is_space(input[q])) ++q;
    if (q >= input.size() || (input[q] != '"' && input[q] != '\'')) return false;
    const std::size_t close = input.find(input[q], q + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view raw = input.substr(q + 1, close - q - 1);
    return raw.find('&') != std::string_view::npos && is_reserved(decoded_value(raw));
}

inline std::string describe(const element_info& e) {
    std::string s = "<" + e.name;
    for (const auto& d : e.declarations) s += " xmlns" + (d.first.empty() ? "" : ":" + d.first) + "='" + d.second + "'";
    for (const auto& a : e.attributes) s += " " + a.first + "='" + a.second + "'";
    s += "> depth " + std::to_string(e.depth) + " text '" + e.text + "'";
    for (char& c : s)
        if (c == separator) c = '|';
    return s;
}

}  // namespace impl

/// The outcome of one comparison.
struct verdict {
    bool xstanza_ok = false;
    bool expat_ok = false;
    std::string failure;  // the broken invariant, or empty
};

/// Compares xstanza's scanner with expat on `input`, under `limits` (see the top of the file).
inline verdict compare_with_expat(std::string_view input, const parse_limits& limits) {
    verdict v;
    const expat_report e = run_expat(input);
    const xstanza_report x = run_xstanza(input, limits);
    v.expat_ok = e.ok;
    v.xstanza_ok = !x.error;
    if (!x.walk_failure.empty()) {
        v.failure = x.walk_failure;
        return v;
    }
    if (!e.ok && !x.error) {
        // scan.hpp's known limit: namespace names compared as written.
        if (e.error == XML_ERROR_DUPLICATE_ATTRIBUTE && x.decoded_duplicate) return v;
        if (e.error == XML_ERROR_RESERVED_NAMESPACE_URI && x.decoded_reserved) return v;
        // XML 1.0 4th edition (expat) and 5th edition (xstanza) name characters.
        for (const auto& n : x.non_ascii_names)
            if (e.error_offset >= n.first && e.error_offset < n.second) return v;
        v.failure = std::string("expat rejects (") + XML_ErrorString(e.error) + " at " +
                    std::to_string(e.error_offset) + ") what xstanza's scanner accepts";
        return v;
    }
    if (e.ok && x.error) {
        const errc code = x.error.code();
        const std::size_t at = x.error.offset();
        bool excused = false;
        switch (code) {
        case errc::forbidden_comment: excused = impl::contains(e.comments, at); break;  // RFC 6120 §11.1
        case errc::forbidden_pi:                                                        // RFC 6120 §11.1
            excused = impl::contains(e.pis, at) || (e.xml_declaration && at == 0);
            break;
        case errc::forbidden_dtd:  // RFC 6120 §11.1 (expat reports a DOCTYPE after its internal subset: no offset)
            excused = !e.doctypes.empty() && input.substr(at, 9) == "<!DOCTYPE";
            break;
        case errc::byte_order_mark: excused = at == 0 && impl::starts_with_bom(input); break;  // RFC 6120 §11.6
        case errc::depth_limit: excused = e.max_depth > limits.max_depth; break;  // RFC 6120 §13.12
        case errc::attribute_limit:                                                 // RFC 6120 §13.12
            excused = e.max_attributes > limits.max_attributes || e.max_prefixes > limits.max_namespaces;
            break;
        case errc::input_too_large: excused = input.size() > limits.max_input_bytes; break;  // RFC 6120 §13.12
        case errc::invalid_namespace: excused = impl::reserved_written_with_reference(input, at); break;  // scan.hpp
        default: break;
        }
        if (!excused)
            v.failure = "xstanza's scanner rejects (" + std::string(to_string(code)) + " at " + std::to_string(at) +
                        ": " + std::string(x.error.message()) + ") what expat accepts";
        return v;
    }
    if (!e.ok) return v;  // both reject
    if (e.elements.size() != x.elements.size()) {
        v.failure = "expat reports " + std::to_string(e.elements.size()) + " elements, xstanza " +
                    std::to_string(x.elements.size());
        return v;
    }
    for (std::size_t i = 0; i < e.elements.size(); ++i) {
        if (e.elements[i] == x.elements[i]) continue;
        v.failure = "element " + std::to_string(i) + " differs: expat " + impl::describe(e.elements[i]) + ", xstanza " +
                    impl::describe(x.elements[i]);
        return v;
    }
    return v;
}

}  // namespace expat_oracle

#endif  // XSTANZA_TESTS_SUPPORT_EXPAT_ORACLE_HPP
