// xstanza: Resource Binding (RFC 6120 §7), read next to its write, through the extension
// point (payload_traits in model/bind.hpp). Each rule is one function both sides call.
#ifndef XSTANZA_CODEC_BIND_HPP
#define XSTANZA_CODEC_BIND_HPP

#include <optional>
#include <string_view>

#include "../model/bind.hpp"
#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, each called by the reading and the writing side ----

// RFC 6120 §7.7.1: a client-submitted resource is a resourcepart (RFC 7622 §3.4: one or more
// characters of the OpaqueString profile, at most 1023 bytes; this library checks UTF-8, no
// control characters, the length). The problem, or no error; the offset is within `r`.
inline codec_error bind_resource_problem(std::string_view r) noexcept {
    if (r.empty())
        return codec_error(errc::invalid_payload, 0, "an empty <resource/> (RFC 6120 §7.7.1: a resourcepart, RFC 7622 §3.4)");
    result<Jid> j = Jid::from_parts({}, "example", r);  // the resourcepart's own checks
    if (!j)
        return codec_error::make(errc::invalid_payload, j.error().offset(), "<resource/> is not a valid resourcepart (RFC 6120 §7.7.1): ",
                                 j.error().message());
    return {};
}

// RFC 6120 §7.6.1, §7.7.1: a set carries an empty <bind/> or a <resource/>, never a <jid/>;
// the result carries the <jid/> the server bound, a full JID, and nothing else. An error may
// echo the request: the set's rule applies.
inline const char* bind_problem(IqType type, const Bind& b) noexcept {
    if (type == IqType::result) {
        if (!b.jid) return "a bind result carries the bound <jid/> (RFC 6120 §7.6.1, §7.7.1)";
        if (!b.jid->is_full()) return "the bound <jid/> is a full JID, with a resourcepart (RFC 6120 §7.6.1, §7.7.1)";
        if (b.resource) return "a bind result carries <jid/>, not <resource/> (RFC 6120 §7.6.1, §7.7.1)";
        return nullptr;
    }
    if (b.jid) return "a bind request carries no <jid/>: an empty <bind/> or a <resource/> (RFC 6120 §7.6, §7.7)";
    return nullptr;
}

// ---- reading ----

/// RFC 6120 §7: <bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/> in an IQ of ctx.iq_type().
inline codec_error read_bind(const element& e, const payload_context& ctx, Bind& out) noexcept {
    std::size_t resource_at = e.offset(), jid_at = e.offset();
    for (element c : e) {
        if (!same(c.ns(), bind_ns)) continue;  // other namespaces: extensions, skipped
        const std::string_view local = c.name();
        const bool resource = is(local, "resource");
        if (!resource && !is(local, "jid"))
            return codec_error::make(errc::invalid_payload, c.offset(), "unexpected <", local,
                                     "/> in <bind/>; only <resource/> and <jid/> are defined (RFC 6120 §7.6, §7.7)");
        if (resource ? bool(out.resource) : bool(out.jid))
            return codec_error::make(errc::invalid_payload, c.offset(), "a second <", local, "/> in <bind/> (RFC 6120 §7.7.1, §7.6.1)");
        if (c.has_children())
            return codec_error::make(errc::invalid_payload, c.offset(), "<", local, "/> holds character data only (RFC 6120 §7)");
        if (resource) {
            resource_at = c.offset();
            out.resource = c.text();
            if (codec_error err = bind_resource_problem(*out.resource)) {
                err.set_offset(c.offset());
                return err;
            }
        } else {
            jid_at = c.offset();
            // White space around the JID is layout (RFC 6120 §7.6.1's example breaks the line).
            result<Jid> j = Jid::parse(trim_space(c.text()));
            if (!j)
                return codec_error::make(errc::invalid_payload, c.offset(), "the bound <jid/> is not a JID (RFC 6120 §7.6.1): ",
                                         j.error().message());
            out.jid = *j;
        }
    }
    if (const char* problem = bind_problem(ctx.iq_type(), out))
        return codec_error(errc::invalid_payload, out.jid ? jid_at : out.resource ? resource_at : e.offset(), problem);
    return {};
}

// ---- writing ----

inline void write_bind(xml_writer& w, const Bind& b, IqType type) noexcept {
    if (const char* problem = bind_problem(type, b)) return w.fail(errc::invalid_data, problem);
    if (b.resource) {
        if (codec_error err = bind_resource_problem(*b.resource)) return w.fail(errc::invalid_data, err.message());
    }
    writer_access::open(w, "bind", bind_ns);
    if (b.resource) {
        writer_access::open(w, "resource", bind_ns);
        w.text(*b.resource);
        w.close();
    }
    if (b.jid) {
        writer_access::open(w, "jid", bind_ns);
        // The JID's parts as character data: no copy into a string.
        if (!b.jid->local().empty()) {
            w.text(b.jid->local());
            w.text("@");
        }
        w.text(b.jid->domain());
        w.text("/");
        w.text(b.jid->resource());
        w.close();
    }
    w.close();
}

}  // namespace detail

/// RFC 6120 §7: the resource binding request (set) or its answer (result).
template <>
struct payload_parser<Bind> {
    /// Reads the element into a Bind, checking its rules; an error names the first one broken.
    static codec_error parse(const element& e, payload_context& ctx, Bind& out) noexcept { return detail::read_bind(e, ctx, out); }
};
/// How a Bind is written as its element.
template <>
struct payload_serializer<Bind> {
    /// Writes the Bind as its element; data that cannot be written marks the writer failed.
    static void write(const Bind& b, xml_writer& w, const write_context& ctx) noexcept { detail::write_bind(w, b, ctx.iq_type); }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_BIND_HPP
