// xstanza: answering a request the parser refused. RFC 6120 §8.2.3 requires an answer to
// every get and set, and §8.3.1 says what the error looks like: the request's id, the
// addresses swapped, a condition saying what was wrong. No XML.
#ifndef XSTANZA_STANZA_REPLY_HPP
#define XSTANZA_STANZA_REPLY_HPP

#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/stanza_error.hpp"

namespace xstanza {

/// The stanza error condition that answers a request refused with `code`, where the RFCs
/// name one; bad-request otherwise (RFC 6120 §8.3.3.1: "does not conform to the schema or
/// cannot be processed", e.g. an unknown IQ type or an element violating its syntax).
constexpr Condition reply_condition(errc code) noexcept {
    switch (code) {
    case errc::invalid_jid: return Condition::jid_malformed;              // RFC 6120 §8.3.3.8
    case errc::empty_group: return Condition::not_acceptable;             // RFC 6121 §2.3.3
    case errc::type_mismatch:                                             // RFC 6120 §8.4: a request
    case errc::payload_mismatch: return Condition::service_unavailable;   // this entity does not handle
    case errc::unsupported: return Condition::feature_not_implemented;    // RFC 6120 §8.3.3.3
    case errc::out_of_memory: return Condition::resource_constraint;      // RFC 6120 §8.3.3.18
    default: return Condition::bad_request;                               // RFC 6120 §8.3.3.1
    }
}

/// The error IQ answering the get or set that `e` refused (see parse_error::request()), or
/// nothing when `e` is not to be answered (a result, an error, XML that is not well-formed).
/// The reply has the request's id, goes back to its 'from' (omitted when that is no valid
/// JID: the server then routes it to the stream's peer) from its 'to', carries
/// reply_condition(e.code()) with its usual type, and e.message() as <text xml:lang='en'/>.
/// It holds views into `e` and the parsed input: serialize it before either goes away.
inline std::optional<Iq<Error>> error_reply(const parse_error& e) noexcept {
    const rejected_request* r = e.request();
    if (!r) return std::nullopt;
    StanzaError error(reply_condition(e.code()));
    error.text = e.message();
    error.text_lang = "en";
    Iq<Error> reply(r->id, error);
    if (result<Jid> to = Jid::parse(r->from)) reply.to = *to;  // RFC 6120 §8.3.1: back to the sender
    if (result<Jid> from = Jid::parse(r->to)) reply.from = *from;
    return reply;
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_REPLY_HPP
