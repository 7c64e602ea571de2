// The invariants every input must satisfy, shared by the fuzz targets (tests/fuzz/),
// the adversarial and mutation suites (tests/properties/) and the hostile executables
// (tests/hostile/):
//
//  - a rejected input gets a clean error: a code other than ok, an offset inside the
//    input (or at its end), a non-empty message that is valid UTF-8;
//  - an accepted input round-trips: serialize succeeds, parsing that output gives an
//    equal stanza, and serializing again gives the same bytes (the canonical form is a
//    fixed point); serialize_into, serialize_to, to_xml and make_owned agree with serialize.
//
// Each check returns an empty string when the invariants hold, else what broke, so that
// Boost.Test can report it and a fuzz target can abort with it.
#ifndef XSTANZA_TESTS_SUPPORT_STANZA_CHECK_HPP
#define XSTANZA_TESTS_SUPPORT_STANZA_CHECK_HPP

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "strings.hpp"
#include "test_extensions.hpp"

namespace stanza_check {

using namespace xstanza;
using test_helpers::printable;

/// The typed targets the parser offers, one per shape of IQ (RFC 6120 §8.2.3, RFC 6121 §2).
template <class... T>
struct type_list {};
using typed_targets = type_list<Iq<Get, RosterGet>, Iq<Set, RosterSet>, Iq<Result, RosterQuery>, Iq<Result>, Iq<Error>,
                                Iq<Get, AnyPayload>, Iq<Set, AnyPayload>, Iq<Result, AnyPayload>,
                                Iq<Error, AnyPayload>, Iq<Error, RosterGet>, Iq<Error, RosterSet>>;

/// Calls f(static_cast<T*>(nullptr)) for each typed target T, in order.
template <class F, class... T>
void for_each_type(type_list<T...>, F&& f) {
    (f(static_cast<T*>(nullptr)), ...);
}
template <class F>
void for_each_target(F&& f) {
    for_each_type(typed_targets{}, f);
}

/// The typed message and presence targets (RFC 6121 §5.2.2, §4.7.1): every type, and a few
/// with a typed extension (tests/support/test_extensions.hpp).
using message_targets = type_list<Message<Normal>, Message<Chat>, Message<Groupchat>, Message<Headline>, Message<Error>,
                                  Message<Chat, test_ext::Receipt>, Message<Error, test_ext::Receipt>>;
using presence_targets = type_list<Presence<Available>, Presence<Unavailable>, Presence<Subscribe>, Presence<Subscribed>,
                                   Presence<Unsubscribe>, Presence<Unsubscribed>, Presence<Probe>, Presence<Error>,
                                   Presence<Available, test_ext::Caps>, Presence<Subscribe, test_ext::Caps>>;

/// The number of typed extensions a message or presence holds.
template <class S>
std::size_t typed_extension_count(const S& s) {
    std::size_t n = 0;
    s.each_extension([&](const auto& o) { n += o.has_value(); });
    return n;
}
template <class Type, class... Exts>
constexpr std::size_t extension_types(const Message<Type, Exts...>*) { return sizeof...(Exts); }
template <class Type, class... Exts>
constexpr std::size_t extension_types(const Presence<Type, Exts...>*) { return sizeof...(Exts); }

/// A rejected input's error is clean: a real code, an offset within the input, a message.
inline std::string check_error(const parse_error& e, std::size_t input_size) {
    if (e.code() == errc::ok) return "an error with code ok";
    if (e.offset() > input_size)
        return "error offset " + std::to_string(e.offset()) + " past the input's " + std::to_string(input_size) +
               " bytes (" + std::string(to_string(e.code())) + ")";
    if (e.message().empty()) return "empty message for " + std::string(to_string(e.code()));
    if (detail::check_xml_text(e.message()).code != errc::ok)
        return "message is not valid UTF-8 text: " + printable(e.message());
    if (to_string(e.code()) == "unknown") return "code outside the enum";
    return {};
}

/// The role the round trip writes as: a server, whose sender rules allow everything a
/// parse under any rules keeps (a client receives a server's push with 'approved' and 'ask',
/// which its own roster set may not carry, RFC 6121 §2.1.2.1, §2.1.2.2).
constexpr role writer = role::server;

/// Serializes `v` four ways (serialize, to_xml, serialize_into, serialize_to) and checks
/// they agree; `out` gets the canonical bytes. Returns the failure, or "".
template <class T>
std::string serialize_all(const T& v, std::string& out) {
    out.clear();
    if (parse_error e = serialize(v, out, writer))
        return "a parsed stanza does not serialize: " + std::string(to_string(e.code())) + ": " +
               std::string(e.message());
    result<std::string> x = to_xml(v, writer);
    if (!x || *x != out) return "to_xml disagrees with serialize";
    std::vector<char> fixed(out.size() + 1, '#');
    serialize_result r = serialize_into(v, fixed.data(), out.size(), writer);
    if (!r || r.size != out.size() || std::string_view(fixed.data(), out.size()) != out || fixed[out.size()] != '#')
        return "serialize_into (exact size) disagrees with serialize";
    if (!out.empty()) {
        serialize_result small = serialize_into(v, fixed.data(), out.size() - 1, writer);
        if (small || small.error.code() != errc::buffer_too_small || small.size != out.size())
            return "serialize_into (one byte short) does not report buffer_too_small with the needed size";
        if (fixed[out.size()] != '#') return "serialize_into wrote past its capacity";
    }
    std::vector<char> it;
    result<std::back_insert_iterator<std::vector<char>>> s = serialize_to(v, std::back_inserter(it), writer);
    if (!s || std::string_view(it.data(), it.size()) != out) return "serialize_to disagrees with serialize";
    return {};
}

/// parse -> serialize -> parse is the identity, and serialize is a fixed point.
/// `first` came from some parser; `scratch` must be another one (its views are replaced).
/// With check_owned, also make_owned (which parses with default limits: a stanza parsed under
/// raised limits may exceed them); with all_serializers, every serializer, else serialize only.
template <class T>
std::string check_round_trip(const T& first, Parser& scratch, bool check_owned = true, bool all_serializers = true) {
    std::string s1;
    if (!all_serializers) {
        if (parse_error e = serialize(first, s1, writer))
            return "a parsed stanza does not serialize: " + std::string(e.message());
        result<T> second = scratch.parse<T>(s1);
        if (!second) return "the canonical form does not parse: " + std::string(second.error().message());
        if (!(*second == first)) return "parse(serialize(x)) != x";
        std::string s2;
        if (serialize(*second, s2, writer) || s2 != s1) return "serialize is not a fixed point";
        return {};
    }
    if (std::string f = serialize_all(first, s1); !f.empty()) return f;
    result<T> second = scratch.parse<T>(s1);
    if (!second)
        return "the canonical form does not parse: " + std::string(to_string(second.error().code())) + ": " +
               std::string(second.error().message()) + " in " + printable(s1);
    if (!(*second == first)) return "parse(serialize(x)) != x for " + printable(s1);
    std::string s2;
    if (std::string f = serialize_all(*second, s2); !f.empty()) return "second serialization: " + f;
    if (s2 != s1) return "serialize is not a fixed point: " + printable(s1) + " then " + printable(s2);
    if (!check_owned) return {};
    result<owned<T>> o = make_owned(first);
    if (!o) return "make_owned failed: " + std::string(o.error().message());
    if (!(o->get() == first) || o->xml() != s1) return "make_owned's copy differs";
    return {};
}

// Reads everything the element API offers on e and below (the extension point's view).
inline void read_all(const element& e, std::size_t& chars) {
    chars += e.name().size() + e.qname().size() + e.ns().size() + e.text().size();
    for (std::string_view a : {"xmlns", "id", "type", "var", "xml:lang", "a", "b"})
        if (std::optional<std::string_view> v = e.attribute(a)) chars += v->size() + e.attribute_offset(a);
    for (element c : e) read_all(c, chars);
}

/// Reading an opaque payload through Parser::view (what payload parsers do) must not change
/// what serialize writes: the payload's bytes are re-emitted verbatim, so a decoding in
/// place would turn escaped text into markup.
inline std::string check_views_keep_bytes(const Parser& parser, const AnyIq& any) {
    const OpaqueElement* o = any.payload.opaque();
    std::optional<element> view = o ? parser.view(*o) : std::nullopt;
    if (!view) return {};
    std::string before, after;
    if (serialize(any, before, writer)) return {};
    std::size_t chars = 0;
    read_all(*view, chars);
    read_all(*parser.view(*o), chars);  // twice: reading is idempotent
    if (serialize(any, after, writer) || after != before)
        return "reading the payload through element views changed its bytes: " + printable(before) + " became " +
               printable(after);
    return {};
}

/// The answer to a refused stanza (reply.hpp): when the error names a request, the IQ-only
/// error_reply answers a refused get or set and nothing else, and stanza_error_reply answers
/// every kind: its reply serializes and parses back as an error of the refused stanza's kind
/// with its id and the condition reply_condition() gives. Otherwise there is no reply.
inline std::string check_reply(const parse_error& e) {
    std::optional<Iq<Error>> reply = error_reply(e);
    std::optional<AnyStanza> any = stanza_error_reply(e);
    if (!e.request()) return reply || any ? "a reply to an error that names no request" : "";
    const rejected_request& q = *e.request();
    if (q.kind == StanzaKind::iq) {
        if (!reply) return "no reply to a refused request";
        std::string xml;
        if (parse_error w = serialize(*reply, xml))
            return "the error reply does not serialize: " + std::string(w.message());
        Parser p;
        result<Iq<Error>> back = p.parse<Iq<Error>>(xml);
        if (!back)
            return "the error reply does not parse: " + std::string(back.error().message()) + " in " + printable(xml);
        if (back->id != e.request()->id || back->error.condition != reply_condition(e.code()))
            return "the error reply lost its id or condition: " + printable(xml);
    } else if (reply) {
        return "error_reply answers a refused " + std::string(to_string(q.kind));
    }
    if (!any) return "no stanza_error_reply to a refused " + std::string(to_string(q.kind));
    if (any->kind() != q.kind) return "stanza_error_reply answers a " + std::string(to_string(q.kind)) + " with another kind";
    std::string xml;
    if (parse_error w = serialize(*any, xml))
        return "the stanza error reply does not serialize: " + std::string(w.message());
    Parser p;
    result<AnyStanza> back = p.parse<AnyStanza>(xml);
    if (!back)
        return "the stanza error reply does not parse: " + std::string(back.error().message()) + " in " + printable(xml);
    if (back->kind() != q.kind) return "the stanza error reply parses as another kind: " + printable(xml);
    const std::optional<StanzaError>* error = nullptr;
    std::string_view id;
    if (const AnyIq* i = back->iq()) {
        if (i->type != IqType::error) return "the stanza error reply is no error: " + printable(xml);
        error = &i->error;
        id = i->id;
    } else if (const AnyMessage* m = back->message()) {
        if (m->type != MessageType::error) return "the stanza error reply is no error: " + printable(xml);
        error = &m->error;
        id = m->id;
    } else if (const AnyPresence* r = back->presence()) {
        if (r->type != PresenceType::error) return "the stanza error reply is no error: " + printable(xml);
        error = &r->error;
        id = r->id;
    }
    if (!error || !*error || id != q.id || (*error)->condition != reply_condition(e.code()))
        return "the stanza error reply lost its id or condition: " + printable(xml);
    return {};
}

/// The two rule sets on one input: whatever a sender's rules accept, a receiver's accept as
/// the same stanza (they only accept more: RFC 6120 §8.3.2, RFC 6121 §2.1.2.5, §5.2.2 an
/// unknown message type is normal, §4.7.2 show and priority ignored off available presence),
/// and what a receiver refuses, a sender refuses too (maybe earlier, for a rule only senders
/// have). Every kind of stanza (AnyStanza).
inline std::string check_rules(std::string_view input) {
    Parser sender(parse_limits{}, rules::sender(role::server)), receiver(parse_limits{}, rules::receiver(role::client));
    result<AnyStanza> s = sender.parse<AnyStanza>(input);
    result<AnyStanza> r = receiver.parse<AnyStanza>(input);
    if (s && (!r || !(*r == *s))) return "the receiver's rules refuse or change what the sender's accept";
    if (!r && s) return "the sender's rules accept what the receiver's refuse";
    if (!s) {
        if (std::string f = check_reply(s.error()); !f.empty()) return "sender: " + f;
    }
    if (!r) return check_reply(r.error());
    return {};
}

/// Parses `input` as T (copying) and checks the invariants of the outcome.
/// `ok` tells whether it parsed.
template <class T>
std::string check_parse(Parser& parser, Parser& scratch, std::string_view input, bool* ok = nullptr) {
    result<T> r = parser.parse<T>(input);
    if (ok) *ok = bool(r);
    if (!r) {
        if (std::string f = check_error(r.error(), input.size()); !f.empty()) return f;
        return check_reply(r.error());
    }
    if constexpr (std::is_same_v<T, AnyIq>) {
        if (std::string f = check_views_keep_bytes(parser, *r); !f.empty()) return f;
    }
    if constexpr (std::is_same_v<T, AnyStanza>) {
        if (const AnyIq* iq = r->iq()) {
            if (std::string f = check_views_keep_bytes(parser, *iq); !f.empty()) return f;
        }
    }
    return check_round_trip(*r, scratch);
}

/// True when `failure` (AnyIq's error on `input`, which Iq<Error> accepts) lies in the payload
/// an error IQ echoes (RFC 6120 §8.3.1: "MAY include the original payload"): Iq<Error>
/// without a payload type ignores that payload, AnyIq parses it (a roster query's rules,
/// RFC 6121 §2.1; an extension's namespace, RFC 6120 §8.4). So: the IQ has exactly two
/// child elements, the <error/> and the echo; the error lies inside one of them (the
/// <error/> element parsed for Iq<Error>, so it is the echo); Iq<Error, AnyPayload>, which
/// parses the echo as AnyIq does, fails with the same code at the same offset.
inline bool echoed_payload_refused(Parser& scratch, std::string_view input, const parse_error& failure) {
    detail::scanner sc;
    if (sc.scan(input.data(), input.size(), scratch.limits())) return false;
    if (sc.children().size() != 2) return false;
    bool inside = false;
    for (const detail::child_span& c : sc.children())
        if (failure.offset() >= c.begin && failure.offset() < c.end) inside = true;
    if (!inside) return false;
    result<Iq<Error, AnyPayload>> echo = scratch.parse<Iq<Error, AnyPayload>>(input);
    return !echo && echo.error().code() == failure.code() && echo.error().offset() == failure.offset();
}

/// Every typed target against AnyIq on the same input, both ways, and every outcome clean:
///  - AnyIq accepts and Parser::cast<T> accepts => the typed parse accepts, with an equal IQ;
///  - the typed parse accepts => AnyIq accepts and Parser::cast<T> gives an equal IQ. The one
///    exception: Iq<Error> (no payload type) ignores the payload an error IQ echoes, so it
///    accepts an error IQ whose echo AnyIq refuses (echoed_payload_refused, checked narrowly).
/// `scratch` must be a third parser (the round trip and the exception parse there).
inline std::string check_typed(Parser& parser, Parser& any_parser, Parser& scratch, std::string_view input) {
    result<AnyIq> any = any_parser.parse<AnyIq>(input);
    if (!any) {
        if (std::string f = check_error(any.error(), input.size()); !f.empty()) return "AnyIq: " + f;
    }
    std::string failure;
    for_each_target([&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        if (!failure.empty()) return;
        result<T> r = parser.parse<T>(input);
        const std::string name = " (" + std::string(typeid(T).name()) + ")";
        if (!any) {
            if (!r) {
                failure = check_error(r.error(), input.size());
                return;
            }
            // Iq<Error> ignores an echoed payload; nothing else may accept what AnyIq refuses.
            if (!std::is_same_v<T, Iq<Error>> || !echoed_payload_refused(scratch, input, any.error())) {
                failure = "a typed parse succeeds where AnyIq fails with " + std::string(to_string(any.error().code())) + name;
                return;
            }
            failure = check_round_trip(*r, scratch);
            return;
        }
        result<T> c = any_parser.cast<T>(*any);
        if (!r) {
            if (c)
                failure = "the typed parse fails with " + std::string(to_string(r.error().code())) + ": " +
                          std::string(r.error().message()) + " where AnyIq and Parser::cast succeed" + name;
            else
                failure = check_error(r.error(), input.size());
            return;
        }
        if (!c) {
            failure = "Parser::cast fails where the typed parse succeeds: " + std::string(c.error().message()) + name;
            return;
        }
        if (!(*c == *r)) {
            failure = "Parser::cast differs from the typed parse" + name;
            return;
        }
        failure = check_round_trip(*r, scratch);
    });
    if (!failure.empty()) failure += " [input " + printable(input) + "]";
    return failure;
}

/// The stanza of kind T (AnyIq, AnyMessage, AnyPresence) an AnyStanza holds, or null.
template <class T>
const T* held(const AnyStanza& s) {
    if constexpr (std::is_same_v<T, AnyIq>) return s.iq();
    else if constexpr (std::is_same_v<T, AnyMessage>) return s.message();
    else return s.presence();
}

/// One kind parsed alone (AnyIq, AnyMessage, AnyPresence) against AnyStanza on the same
/// input: the stanza AnyStanza holds when it is of that kind, else a refusal (not_iq or
/// not_stanza for another kind; the same error as AnyStanza's for a refused stanza).
template <class T>
std::string check_kind_alone(Parser& parser, const result<AnyStanza>& any, StanzaKind kind, std::string_view input) {
    result<T> r = parser.parse<T>(input);
    const std::string name = " (" + std::string(to_string(kind)) + " alone)";
    const errc other_kind = kind == StanzaKind::iq ? errc::not_iq : errc::not_stanza;
    if (any) {
        const T* h = held<T>(*any);
        if (h) {
            if (!r) return "a kind parsed alone fails where AnyStanza succeeds: " + std::string(r.error().message()) + name;
            if (!(*r == *h)) return "a kind parsed alone differs from AnyStanza's" + name;
            if constexpr (std::is_same_v<T, AnyMessage>) {
                if (r->ignored_type != h->ignored_type) return "the ignored message type differs" + name;
            }
            return {};
        }
        if (r) return "a kind parsed alone succeeds on another kind" + name;
        if (r.error().code() != other_kind)
            return "another kind is refused with " + std::string(to_string(r.error().code())) + name;
        return check_reply(r.error());
    }
    if (r) return "a kind parsed alone succeeds where AnyStanza fails with " +
                  std::string(to_string(any.error().code())) + name;
    if (std::string f = check_error(r.error(), input.size()); !f.empty()) return f + name;
    if (r.error().code() != other_kind &&
        (r.error().code() != any.error().code() || r.error().offset() != any.error().offset()))
        return "a kind parsed alone fails with " + std::string(to_string(r.error().code())) + " at " +
               std::to_string(r.error().offset()) + ", AnyStanza with " + std::string(to_string(any.error().code())) +
               " at " + std::to_string(any.error().offset()) + name;
    return check_reply(r.error());
}

/// A typed message or presence target T against AnyStanza on the same input:
///  - AnyStanza holds that kind of that type => T accepts, an equal stanza to the runtime
///    one's typed<Type>() (with typed extensions Exts..., T may refuse one of them with its
///    own code, invalid_payload; when it accepts, each decoded extension left the opaque list);
///  - AnyStanza holds another type => type_mismatch; another kind => not_stanza;
///  - AnyStanza refuses => T refuses (with the same error, but for a typed extension's),
///    unless T has typed extensions and AnyStanza could not keep one as bytes (unsupported):
///    T decodes it through the element view and goes on;
///  - every outcome is clean, a refusal answerable (check_reply), a success round-trips.
template <class T>
std::string check_typed_stanza(Parser& parser, Parser& scratch, const result<AnyStanza>& any, std::string_view input) {
    using Type = typename T::type_tag;
    constexpr bool is_message = detail::is_message<T>::value;
    constexpr StanzaKind kind = is_message ? StanzaKind::message : StanzaKind::presence;
    constexpr std::size_t exts = extension_types(static_cast<const T*>(nullptr));
    result<T> r = parser.parse<T>(input);
    const std::string name = " (" + std::string(typeid(T).name()) + ")";
    if (!r) {
        if (std::string f = check_error(r.error(), input.size()); !f.empty()) return f + name;
        if (std::string f = check_reply(r.error()); !f.empty()) return f + name;
    }
    if (!any) {
        // A typed extension is decoded through the element view, not kept as bytes: it may
        // use a prefix declared on the stanza, which AnyStanza refuses as unsupported (an
        // opaque extension must be self-contained); T then goes on to its other checks.
        if (exts && any.error().code() == errc::unsupported) return r ? check_round_trip(*r, scratch) : std::string();
        if (r) return "a typed parse succeeds where AnyStanza fails with " + std::string(to_string(any.error().code())) + name;
        if (r.error().code() == errc::not_stanza) return {};
        if (exts && r.error().code() == errc::invalid_payload) return {};
        if (r.error().code() != any.error().code() || r.error().offset() != any.error().offset())
            return "a typed parse fails with " + std::string(to_string(r.error().code())) + " at " +
                   std::to_string(r.error().offset()) + ", AnyStanza with " + std::string(to_string(any.error().code())) +
                   " at " + std::to_string(any.error().offset()) + name;
        return {};
    }
    if (any->kind() != kind) {
        if (r || r.error().code() != errc::not_stanza) return "a typed parse does not refuse another kind with not_stanza" + name;
        return {};
    }
    bool same_type = false;
    if constexpr (is_message) same_type = any->message()->type == T::type;
    else same_type = any->presence()->type == T::type;
    if (!same_type) {
        if (r) return "a typed parse accepts another type" + name;
        if (r.error().code() != errc::type_mismatch && !(exts && r.error().code() == errc::invalid_payload))
            return "a typed parse refuses another type with " + std::string(to_string(r.error().code())) + name;
        return {};
    }
    if (!r) {
        if (exts && r.error().code() == errc::invalid_payload) return {};
        return "the typed parse fails with " + std::string(to_string(r.error().code())) + ": " +
               std::string(r.error().message()) + " where AnyStanza succeeds" + name;
    }
    if constexpr (exts == 0) {
        if constexpr (is_message) {
            if (!(*r == any->message()->template typed<Type>())) return "the typed parse differs from AnyMessage's" + name;
        } else {
            if (!(*r == any->presence()->template typed<Type>())) return "the typed parse differs from AnyPresence's" + name;
        }
    } else {
        const std::size_t opaque = is_message ? any->message()->extensions.size() : any->presence()->extensions.size();
        if (r->extensions.size() + typed_extension_count(*r) != opaque)
            return "the typed extensions decoded are not those that left the opaque list" + name;
    }
    return check_round_trip(*r, scratch);
}

/// Every message and presence target, and each kind alone, against AnyStanza on the same
/// input (check_kind_alone, check_typed_stanza). `scratch` must be a third parser.
inline std::string check_typed_stanzas(Parser& parser, Parser& any_parser, Parser& scratch, std::string_view input) {
    result<AnyStanza> any = any_parser.parse<AnyStanza>(input);
    std::string failure;
    if (!any) failure = check_error(any.error(), input.size());
    if (failure.empty()) failure = check_kind_alone<AnyIq>(parser, any, StanzaKind::iq, input);
    if (failure.empty()) failure = check_kind_alone<AnyMessage>(parser, any, StanzaKind::message, input);
    if (failure.empty()) failure = check_kind_alone<AnyPresence>(parser, any, StanzaKind::presence, input);
    auto each = [&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        if (failure.empty()) failure = check_typed_stanza<T>(parser, scratch, any, input);
    };
    for_each_type(message_targets{}, each);
    for_each_type(presence_targets{}, each);
    if (!failure.empty()) failure += " [input " + printable(input) + "]";
    return failure;
}

/// Jid::parse: a clean error, or a JID whose string form parses back to an equal JID and
/// which from_parts accepts.
inline std::string check_jid(std::string_view text) {
    result<Jid> j = Jid::parse(text);
    if (!j) {
        const parse_error& e = j.error();
        if (e.code() != errc::invalid_jid) return "Jid::parse error other than invalid_jid";
        return check_error(e, text.size());
    }
    if (j->empty()) return "a parsed JID is empty";
    std::string s = j->to_string();
    if (s.size() != j->size()) return "Jid::size disagrees with to_string";
    result<Jid> again = Jid::parse(s);
    if (!again || !(*again == *j)) return "Jid::parse(to_string()) differs for " + printable(text);
    if (again->to_string() != s) return "Jid::to_string is not a fixed point";
    result<Jid> parts = Jid::from_parts(j->local(), j->domain(), j->resource());
    if (!parts || !(*parts == *j)) return "Jid::from_parts rejects or changes a parsed JID";
    if (j->bare().to_string() != s.substr(0, s.find('/'))) return "Jid::bare is wrong";
    return {};
}

}  // namespace stanza_check

#endif  // XSTANZA_TESTS_SUPPORT_STANZA_CHECK_HPP
