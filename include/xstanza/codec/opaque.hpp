// xstanza: a payload kept opaque (OpaqueElement): any extension element the typed layer does
// not decode, read as its exact bytes and written back unchanged (RFC 6120 §8.4), each side
// next to the other.
#ifndef XSTANZA_CODEC_OPAQUE_HPP
#define XSTANZA_CODEC_OPAQUE_HPP

#include <cstddef>
#include <string_view>

#include "../model/any_payload.hpp"
#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_common.hpp"
#include "../xml/element.hpp"
#include "../xml/scan.hpp"
#include "../xml/start_tag.hpp"
#include "../xml/writer.hpp"

namespace xstanza {
namespace detail {

struct opaque_access {
    static void mark_parsed(OpaqueElement& e) noexcept { e.parsed_ = true; }
    static bool parsed(const OpaqueElement& e) noexcept { return e.parsed_; }
};

// ---- reading ----

/// The payload `p` of an IQ, or an extension element of a message or presence (`kind`), kept
/// as its bytes [begin, end) of `input`. `outer_prefix`: its subtree uses a prefix declared on
/// the stanza element, which its bytes alone would lose.
inline codec_error read_opaque(const element& p, const char* input, std::size_t begin, std::size_t end, bool outer_prefix,
                               OpaqueElement& out, StanzaKind kind = StanzaKind::iq) noexcept {
    const std::string_view ns = p.ns();
    const std::string_view what = kind == StanzaKind::iq ? "payload <" : "extension <";
    if (outer_prefix)
        return codec_error::make(errc::unsupported, begin, what, p.qname(), "> uses a namespace prefix declared on <",
                                 to_string(kind), ">; xstanza keeps ", kind == StanzaKind::iq ? "payloads" : "extensions",
                                 " as self-contained bytes");
    // Namespaces in XML 1.0 §6.2: without an xmlns of its own, an unprefixed payload is in the
    // default namespace declared on the stanza, which its bytes alone would lose (serialize writes none).
    if (!ns.empty() && p.unprefixed() && !p.find("xmlns"))
        return codec_error::make(errc::unsupported, begin, what, p.qname(),
                                 "> has no xmlns of its own: it would be in the stanza's namespace '", ns, "'");
    // RFC 6120 §8.4: an extension element has a namespace of its own.
    if (!is_extension_namespace(ns))
        return codec_error::make(errc::wrong_namespace, begin, what, p.qname(), "> in namespace '", ns,
                                 "'; an extension element has a namespace of its own (RFC 6120 §8.4)");
    out = OpaqueElement(p.name(), ns, std::string_view(input + begin, end - begin));
    opaque_access::mark_parsed(out);
    return {};
}

// ---- writing ----

// The local name and the namespace an element's own start tag gives it (its bytes having
// been checked well-formed): the xmlns or xmlns:prefix it declares, "" when it declares none.
inline void opaque_identity(std::string_view xml, std::string_view& local, std::string_view& ns) noexcept {
    std::string_view qname = read_start_tag(xml, [](const raw_attribute&) {});
    std::size_t colon = qname.find(':');
    std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
    local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    ns = {};
    read_start_tag(xml, [&](const raw_attribute& a) {
        if (prefix.empty() ? a.name == "xmlns" : a.name.size() == prefix.size() + 6 && a.name.substr(6) == prefix &&
                                                     a.name.substr(0, 6) == "xmlns:")
            ns = a.value;
    });
}

/// Writes an opaque payload's bytes inside a stanza in namespace `stanza_ns`.
inline void write_opaque(xml_writer& w, const OpaqueElement& e, std::string_view stanza_ns) noexcept {
    if (!opaque_access::parsed(e)) {
        // Built by the caller: prove it is one well-formed element before writing it.
        scanner s;
        codec_error err = s.scan(e.xml.data(), e.xml.size(), parse_limits{});
        if (err) return w.fail(errc::invalid_data, "opaque payload is not well-formed XML: ", err.message());
        if (s.root_begin() != 0 || s.root_end() != e.xml.size())
            return w.fail(errc::invalid_data, "opaque payload has bytes around its element");
        // Its bytes must say what its name and ns say: written inside the stanza, an element
        // without a namespace of its own would land in the stanza's.
        std::string_view local, ns;
        opaque_identity(e.xml, local, ns);
        if (local != e.name || ns != e.ns || ns.empty())
            return w.fail(errc::invalid_data, "opaque payload <", e.name, " xmlns='", e.ns, "'> holds the bytes of <",
                          local, " xmlns='", ns, "'>; the element must declare its own namespace");
    }
    // RFC 6120 §8.3.1: <error/> in the stanza's namespace is the error, never a payload.
    if (e.name == "error" && e.ns == stanza_ns)
        return w.fail(errc::invalid_data, "an <error/> in the stanza namespace is no payload (RFC 6120 §8.3.1)");
    // RFC 6120 §8.4: an extension element has a namespace of its own.
    if (!is_extension_namespace(e.ns))
        return w.fail(errc::invalid_data, "payload <", e.name, "> in namespace '", e.ns,
                      "'; an extension element has a namespace of its own (RFC 6120 §8.4)");
    w.raw(e.xml);
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_OPAQUE_HPP
