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

/// The answer to a refused request (reply.hpp): when the error names a request, its reply
/// serializes and parses back as an error IQ with the request's id and the condition
/// reply_condition() gives; otherwise there is no reply.
inline std::string check_reply(const parse_error& e) {
    std::optional<Iq<Error>> reply = error_reply(e);
    if (!e.request()) return reply ? "a reply to an error that names no request" : "";
    if (!reply) return "no reply to a refused request";
    std::string xml;
    if (parse_error w = serialize(*reply, xml)) return "the error reply does not serialize: " + std::string(w.message());
    Parser p;
    result<Iq<Error>> back = p.parse<Iq<Error>>(xml);
    if (!back) return "the error reply does not parse: " + std::string(back.error().message()) + " in " + printable(xml);
    if (back->id != e.request()->id || back->error.condition != reply_condition(e.code()))
        return "the error reply lost its id or condition: " + printable(xml);
    return {};
}

/// The two rule sets on one input: whatever a sender's rules accept, a receiver's accept as
/// the same stanza (they only accept more: RFC 6120 §8.3.2, RFC 6121 §2.1.2.5), and what a
/// receiver refuses, a sender refuses too (maybe earlier, for a rule only senders have).
inline std::string check_rules(std::string_view input) {
    Parser sender(parse_limits{}, rules::sender(role::server)), receiver(parse_limits{}, rules::receiver(role::client));
    result<AnyIq> s = sender.parse<AnyIq>(input);
    result<AnyIq> r = receiver.parse<AnyIq>(input);
    if (s && (!r || !(*r == *s))) return "the receiver's rules refuse or change what the sender's accept";
    if (!r && s) return "the sender's rules accept what the receiver's refuse";
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
