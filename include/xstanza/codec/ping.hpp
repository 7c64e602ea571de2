// xstanza extension: XMPP Ping (XEP-0199), the worked example of a user-defined payload.
// Three specialisations make a type a payload: payload_traits (identity and placement),
// payload_parser and payload_serializer, all declared in model/payload.hpp. After that,
// Iq<Get, ext::Ping> parses, serializes and checks its placement at compile time like the
// built-in roster payloads (codec/roster.hpp), which are written the same way.
#ifndef XSTANZA_CODEC_PING_HPP
#define XSTANZA_CODEC_PING_HPP

#include <string_view>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"

namespace xstanza {
namespace ext {

/// XEP-0199 §4: the ping namespace.
inline constexpr std::string_view ping_ns = "urn:xmpp:ping";

/// XEP-0199 §3, §4: <ping xmlns='urn:xmpp:ping'/>, the empty payload of a ping request. The
/// answer is an empty result, Iq<Result> (or an error, e.g. service-unavailable, §4.2).
struct Ping {
    friend constexpr bool operator==(const Ping&, const Ping&) noexcept { return true; }
    friend constexpr bool operator!=(const Ping&, const Ping&) noexcept { return false; }
};

}  // namespace ext

/// XEP-0199 §3: a ping is an IQ get; its answer carries no payload.
template <>
struct payload_traits<ext::Ping> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "ping";
    static constexpr std::string_view ns = ext::ping_ns;
    static constexpr bool in_get = true, in_set = false, in_result = false;
    ///@}
    using replies = std::tuple<void>;   ///< the pong is an empty result (XEP-0199 §4.1.2)
};

namespace detail {
template <>
struct reply_rule<ext::Ping> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<ext::Ping, R>,
                      "make_result(ping, reply): a ping is answered by the empty result: make_result(request) (XEP-0199 4.1)");
    }
};
}  // namespace detail

/// Parses <ping/>: xstanza has checked its name and namespace; it must be empty (XEP-0199 §3).
template <>
struct payload_parser<ext::Ping> {
    /// Reads the element into a ext::Ping, checking its rules; an error names the first one broken.
    static result<ext::Ping> parse(const element& e) noexcept {
        if (e.has_children())
            return parse_error(errc::invalid_payload, e.offset(), "<ping/> has no child elements (XEP-0199 §3)");
        for (char c : e.text())
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return parse_error(errc::invalid_payload, e.offset(), "<ping/> has no text (XEP-0199 §3)");
        return ext::Ping{};
    }
};

/// Writes <ping xmlns='urn:xmpp:ping'/>.
template <>
struct payload_serializer<ext::Ping> {
    /// Writes the ext::Ping as its element; data that cannot be written marks the writer failed.
    static void write(const ext::Ping&, xml_writer& w) noexcept {
        w.open("ping", ext::ping_ns);
        w.close();
    }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_PING_HPP
