// xstanza: Entity Capabilities (XEP-0115), read next to its write, through the extension
// point (payload_traits in model/caps.hpp). A <c/> rides on presence, not in an IQ: the
// presence codec calls payload_parser<Caps> and payload_serializer<Caps> as the IQ engine
// calls any payload's.
#ifndef XSTANZA_CODEC_CAPS_HPP
#define XSTANZA_CODEC_CAPS_HPP

#include <string_view>

#include "../model/caps.hpp"
#include "../model/error.hpp"
#include "../model/payload.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"

namespace xstanza {
namespace detail {

// XEP-0115 §12: 'hash' is an xs:NMTOKEN: one or more name characters (letters, digits, '.',
// '-', '_', ':'; non-ASCII is taken as name characters).
inline bool is_nmtoken(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '-' || c == '_' || c == ':';
        if (!ok) return false;
    }
    return true;
}

// XEP-0115 §4: 'hash', 'node' and 'ver' are REQUIRED. §13: without 'hash' the <c/> is in the
// legacy format, which a receiver accepts ("applications SHOULD appropriately handle the
// Legacy Format"; 'node' stays REQUIRED there) and a sender never writes. The problem, or null.
inline const char* caps_problem(const Caps& c, const rules& r) noexcept {
    if (c.node.empty()) return "a <c/> without 'node' (XEP-0115 §4, §13: REQUIRED)";
    if (c.ver.empty()) return "a <c/> without 'ver' (XEP-0115 §4: REQUIRED)";
    if (c.hash.empty() && r.strict())
        return "a <c/> without 'hash' (XEP-0115 §4: REQUIRED; the legacy format of §13 is accepted from others, never sent)";
    if (!c.hash.empty() && !is_nmtoken(c.hash)) return "'hash' is not an NMTOKEN (XEP-0115 §12)";
    return nullptr;
}

// ---- reading ----

/// XEP-0115 §4: <c xmlns='http://jabber.org/protocol/caps'/>, under the parse's rules.
inline codec_error read_caps(const element& e, const payload_context& ctx, Caps& out) noexcept {
    for (attribute a : e.attributes()) {
        const std::string_view n = a.qname();
        if (is(n, "hash")) {
            out.hash = a.value();
            // Present but empty is no NMTOKEN, not the legacy format.
            if (!is_nmtoken(out.hash)) return codec_error(errc::invalid_payload, a.offset(), "'hash' is not an NMTOKEN (XEP-0115 §12)");
        } else if (is(n, "node")) {
            out.node = a.value();
        } else if (is(n, "ver")) {
            out.ver = a.value();
        } else if (is(n, "ext")) {
            out.ext = a.value();
        }
    }
    if (const char* problem = caps_problem(out, ctx.rules())) return codec_error(errc::invalid_payload, e.offset(), problem);
    // XEP-0115 §12: the element is empty. Children of other namespaces are extensions, skipped.
    for (element c : e)
        if (same(c.ns(), caps_ns))
            return codec_error::make(errc::invalid_payload, c.offset(), "unexpected <", c.name(), "/>: a <c/> is empty (XEP-0115 §12)");
    if (!trim_space(e.text()).empty())
        return codec_error(errc::invalid_payload, e.offset(), "character data in a <c/>, which is empty (XEP-0115 §12)");
    return {};
}

// ---- writing ----

inline void write_caps(xml_writer& w, const Caps& c) noexcept {
    if (const char* problem = caps_problem(c, w.rules())) return w.fail(errc::invalid_data, problem);
    writer_access::open(w, "c", caps_ns);
    w.attribute("hash", c.hash);
    w.attribute("node", c.node);
    w.attribute("ver", c.ver);
    if (c.ext) w.attribute("ext", *c.ext);
    w.close();
}

}  // namespace detail

/// XEP-0115: the capabilities element of a presence.
template <>
struct payload_parser<Caps> {
    static codec_error parse(const element& e, payload_context& ctx, Caps& out) noexcept { return detail::read_caps(e, ctx, out); }
};
template <>
struct payload_serializer<Caps> {
    static void write(const Caps& c, xml_writer& w) noexcept { detail::write_caps(w, c); }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_CAPS_HPP
