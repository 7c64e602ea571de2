// xstanza: what the three stanza kinds share (RFC 6120 §8): the Error type tag, the kind
// enumeration, and the addressing of an answer. Plain data, no XML.
#ifndef XSTANZA_MODEL_STANZA_COMMON_HPP
#define XSTANZA_MODEL_STANZA_COMMON_HPP

#include <string_view>
#include <type_traits>

#include "detail/views.hpp"

namespace xstanza {

/// The error type tag, shared by Iq<Error>, Message<Error> and Presence<Error> (RFC 6120 §8.3).
struct Error { static constexpr std::string_view name = "error"; /**< the 'type' value */ };

/// The three stanza kinds (RFC 6120 §8).
enum class StanzaKind : unsigned char { iq, message, presence };

/// "iq", "message" or "presence".
constexpr std::string_view to_string(StanzaKind k) noexcept {
    switch (k) {
    case StanzaKind::iq: return "iq";
    case StanzaKind::message: return "message";
    case StanzaKind::presence: return "presence";
    }
    return "";
}

namespace detail {

/// RFC 6120 §8.3.1, §10.3: an answer goes back to the requester: its 'to' is the request's
/// 'from', its 'from' the request's 'to'.
template <class To, class From>
void address_reply(To& reply, const From& request) noexcept {
    reply.to = request.from;
    reply.from = request.to;
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_MODEL_STANZA_COMMON_HPP
