// xstanza: answering a request the parser refused. RFC 6120 §8.2.3 requires an answer to
// every get and set, and §8.3.1 says what the error looks like: the request's id, the
// addresses swapped, a condition saying what was wrong. No XML.
#ifndef XSTANZA_STANZA_REPLY_HPP
#define XSTANZA_STANZA_REPLY_HPP

#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/any_stanza.hpp"
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
    if (!r || r->kind != StanzaKind::iq) return std::nullopt;
    StanzaError error(reply_condition(e.code()));
    error.text = e.message();
    error.text_lang = "en";
    Iq<Error> reply(r->id, error);
    if (result<Jid> to = Jid::parse(r->from)) reply.to = *to;  // RFC 6120 §8.3.1: back to the sender
    if (result<Jid> from = Jid::parse(r->to)) reply.from = *from;
    return reply;
}

namespace detail {
template <class S>
S refused_reply(const rejected_request& r, const StanzaError& error) noexcept {
    S s;
    s.id = r.id;
    s.error = error;
    if (result<Jid> to = Jid::parse(r.from)) s.to = *to;  // RFC 6120 §8.3.1: back to the sender
    if (result<Jid> from = Jid::parse(r.to)) s.from = *from;
    return s;
}
}  // namespace detail

/// The error stanza answering whatever stanza `e` refused: an error IQ for a get or set (as
/// error_reply), an error message for a message, an error presence for a presence (RFC 6120
/// §8.3.1: same id, the addresses swapped; RFC 6121 §4.7.1: an unknown presence type is
/// answered bad-request); nothing when `e` is not to be answered (a stanza of type error, a
/// result, XML that is not well-formed). The same views as error_reply's.
inline std::optional<AnyStanza> stanza_error_reply(const parse_error& e) noexcept {
    const rejected_request* r = e.request();
    if (!r) return std::nullopt;
    StanzaError error(reply_condition(e.code()));
    error.text = e.message();
    error.text_lang = "en";
    switch (r->kind) {
    case StanzaKind::message: {
        AnyMessage m = detail::refused_reply<AnyMessage>(*r, error);
        m.type = MessageType::error;
        return AnyStanza(m);
    }
    case StanzaKind::presence: {
        AnyPresence p = detail::refused_reply<AnyPresence>(*r, error);
        p.type = PresenceType::error;
        return AnyStanza(p);
    }
    case StanzaKind::iq: default: {
        std::optional<Iq<Error>> iq = error_reply(e);
        if (!iq) return std::nullopt;
        AnyIq any;
        any.type = IqType::error;
        any.id = iq->id;
        any.from = iq->from;
        any.to = iq->to;
        any.error = iq->error;
        return AnyStanza(any);
    }
    }
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_REPLY_HPP
