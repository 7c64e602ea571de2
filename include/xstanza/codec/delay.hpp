// xstanza: Delayed Delivery (XEP-0203), read next to its write, through the extension point
// (payload_traits in model/delay.hpp). A <delay/> rides on messages and presence, not in an
// IQ: its payload_traits say so (in_message, in_presence), and the stanza codecs that carry
// it call payload_parser<Delay> and payload_serializer<Delay> as the IQ engine calls any
// payload's.
#ifndef XSTANZA_CODEC_DELAY_HPP
#define XSTANZA_CODEC_DELAY_HPP

#include <optional>
#include <string_view>

#include "../model/delay.hpp"
#include "../model/error.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "payload_common.hpp"

namespace xstanza {
namespace detail {

// XEP-0203 §2: 'stamp' is REQUIRED; "The format MUST adhere to the dateTime format specified
// in XEP-0082 and MUST be expressed in UTC" ('Z', or an offset of 00:00). The problem, or null.
inline const char* delay_stamp_problem(std::string_view stamp) noexcept {
    if (stamp.empty()) return "a <delay/> without 'stamp' (XEP-0203 §2: REQUIRED)";
    const datetime_check c = check_datetime(stamp);
    if (c.problem) return c.problem;
    if (!c.utc) return "the stamp is not in UTC (XEP-0203 §2: it MUST be expressed in UTC)";
    return nullptr;
}

// ---- reading ----

/// XEP-0203 §2: <delay xmlns='urn:xmpp:delay'/>.
inline result<Delay> read_delay(const element& e) noexcept {
    Delay out;
    attribute stamp;
    for (attribute a : e.attributes()) {
        const std::string_view n = a.qname();
        if (is(n, "stamp")) {
            stamp = a;
        } else if (is(n, "from")) {
            std::optional<Jid> from;
            if (codec_error err = read_payload_jid(a, "delay 'from'", from, "XEP-0203 §2: a Jabber ID")) return err;
            out.from = from;
        }
    }
    if (!stamp) return codec_error(errc::invalid_payload, e.offset(), delay_stamp_problem({}));
    out.stamp = stamp.value();
    if (const char* problem = delay_stamp_problem(out.stamp))
        return codec_error::make(errc::invalid_payload, stamp.offset(), "stamp='", out.stamp, "': ", problem);
    // XEP-0203 §8: the element's content is character data (xs:simpleContent).
    if (e.has_children())
        return codec_error(errc::invalid_payload, e.offset(), "a <delay/> holds character data only (XEP-0203 §2, §8)");
    out.reason = e.text();
    return out;
}

// ---- writing ----

inline void write_delay(xml_writer& w, const Delay& d) noexcept {
    if (const char* problem = delay_stamp_problem(d.stamp)) return w.fail(errc::invalid_data, "stamp='", d.stamp, "': ", problem);
    writer_access::open(w, "delay", delay_ns);
    if (d.from) write_jid(w, "from", *d.from);
    w.attribute("stamp", d.stamp);
    w.text(d.reason);
    w.close();
}

}  // namespace detail

/// XEP-0203: the delay element of a message or a presence.
template <>
struct payload_parser<Delay> {
    /// Reads the element into a Delay, checking its rules; an error names the first one broken.
    static result<Delay> parse(const element& e) noexcept { return detail::read_delay(e); }
};
/// How a Delay is written as its element.
template <>
struct payload_serializer<Delay> {
    /// Writes the Delay as its element; data that cannot be written marks the writer failed.
    static void write(const Delay& d, xml_writer& w) noexcept { detail::write_delay(w, d); }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_DELAY_HPP
