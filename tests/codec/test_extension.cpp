// The extension point (payload.hpp): a payload type defined outside xstanza, here XEP-0012
// Last Activity, made parseable and serializable with payload_traits + payload_parser +
// payload_serializer. (Placement flags as compile errors: tests/compile_fail/.)
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"
#include "../support/helpers.hpp"

namespace extension_test {

/// XEP-0012: <query xmlns='jabber:iq:last' seconds='903'>status</query>.
struct LastActivity {
    std::optional<unsigned long> seconds{};
    std::string_view status{};
    friend bool operator==(const LastActivity& a, const LastActivity& b) noexcept {
        return a.seconds == b.seconds && a.status == b.status;
    }
};

/// Deliberately broken serializers: one leaves its element open, one closes one too many.
struct Unclosed {
    friend bool operator==(const Unclosed&, const Unclosed&) noexcept { return true; }
};
struct Overclosed {
    friend bool operator==(const Overclosed&, const Overclosed&) noexcept { return true; }
};

}  // namespace extension_test

template <>
struct xstanza::payload_traits<extension_test::LastActivity> {
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = "jabber:iq:last";
    static constexpr bool in_get = true, in_set = false, in_result = true;  // XEP-0012 §3
};

template <>
struct xstanza::payload_parser<extension_test::LastActivity> {
    static xstanza::result<extension_test::LastActivity> parse(const xstanza::element& e) noexcept {
        extension_test::LastActivity a;
        if (std::optional<std::string_view> s = e.attribute("seconds")) {
            unsigned long v = 0;
            if (s->empty() || s->size() > 9)
                return xstanza::parse_error::make(xstanza::errc::invalid_payload, e.attribute_offset("seconds"),
                                                  "seconds='", *s, "' is not a number (XEP-0012 §3)");
            for (char c : *s) {
                if (c < '0' || c > '9')
                    return xstanza::parse_error::make(xstanza::errc::invalid_payload, e.attribute_offset("seconds"),
                                                      "seconds='", *s, "' is not a number (XEP-0012 §3)");
                v = v * 10 + unsigned(c - '0');
            }
            a.seconds = v;
        }
        if (e.begin() != e.end())
            return xstanza::parse_error::make(xstanza::errc::invalid_payload, (*e.begin()).offset(), "unexpected <",
                                              (*e.begin()).name(), "/> in <query xmlns='jabber:iq:last'/>");
        a.status = e.text();
        return a;
    }
};

template <>
struct xstanza::payload_serializer<extension_test::LastActivity> {
    static void write(const extension_test::LastActivity& a, xstanza::xml_writer& w) noexcept {
        w.open("query", "jabber:iq:last");
        if (a.seconds) {
            char digits[24];
            int n = std::snprintf(digits, sizeof digits, "%lu", *a.seconds);
            w.attribute("seconds", std::string_view(digits, std::size_t(n)));
        }
        w.text(a.status);
        w.close();
    }
};

template <>
struct xstanza::payload_traits<extension_test::Unclosed> {
    static constexpr std::string_view name = "unclosed";
    static constexpr std::string_view ns = "urn:example:unclosed";
    static constexpr bool in_get = true, in_set = true, in_result = true;
};
template <>
struct xstanza::payload_serializer<extension_test::Unclosed> {
    static void write(const extension_test::Unclosed&, xstanza::xml_writer& w) noexcept {
        w.open("unclosed", "urn:example:unclosed");
        w.open("inner", "urn:example:unclosed");
        w.close();  // closes <inner/>, forgets <unclosed>
    }
};
template <>
struct xstanza::payload_traits<extension_test::Overclosed> {
    static constexpr std::string_view name = "over";
    static constexpr std::string_view ns = "urn:example:over";
    static constexpr bool in_get = true, in_set = true, in_result = true;
};
template <>
struct xstanza::payload_serializer<extension_test::Overclosed> {
    static void write(const extension_test::Overclosed&, xstanza::xml_writer& w) noexcept {
        w.open("over", "urn:example:over");
        w.close();
        w.close();  // closes the <iq> itself
    }
};

using namespace xstanza;
using namespace test_helpers;
using extension_test::LastActivity;

namespace {

// XEP-0012 §4 (Example 1 and 2): a last activity query and its answer.
const char* const request = R"(<iq from='romeo@montague.net/orchard'
    id='last1'
    to='juliet@capulet.com'
    type='get'>
  <query xmlns='jabber:iq:last'/>
</iq>)";
const char* const answer = R"(<iq from='juliet@capulet.com'
    id='last1'
    to='romeo@montague.net/orchard'
    type='result'>
  <query xmlns='jabber:iq:last' seconds='903'>Heading Home &amp; Away</query>
</iq>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(extension)

BOOST_AUTO_TEST_CASE(traits_make_it_a_payload) {
    static_assert(is_payload_v<LastActivity>);
    static_assert(!is_payload_v<int>);
    static_assert(Iq<Get, LastActivity>::type == IqType::get);
    BOOST_TEST(payload_traits<LastActivity>::ns == "jabber:iq:last");
}

BOOST_AUTO_TEST_CASE(typed_parse) {
    Parser p;
    auto get = p.parse<Iq<Get, LastActivity>>(request);
    BOOST_REQUIRE_MESSAGE(get, get.error().message());
    BOOST_TEST(get->id == "last1");
    BOOST_TEST(get->to->to_string() == "juliet@capulet.com");
    BOOST_TEST(!get->payload.seconds.has_value());
    BOOST_TEST(get->payload.status.empty());

    Parser q;
    auto result = q.parse<Iq<Result, LastActivity>>(answer);
    BOOST_REQUIRE_MESSAGE(result, result.error().message());
    BOOST_TEST(*result->payload.seconds == 903u);
    BOOST_TEST(result->payload.status == "Heading Home & Away");
    BOOST_TEST(result->from->to_string() == "juliet@capulet.com");

    // Another payload where Last Activity is expected.
    std::string ping = "<iq type='get' id='x'><ping xmlns='urn:xmpp:ping'/></iq>";
    auto wrong = p.parse<Iq<Get, LastActivity>>(ping);
    BOOST_TEST(to_string(wrong.error().code()) == "payload_mismatch");
    BOOST_TEST(wrong.error().offset() == at(ping, "<ping"));
    BOOST_TEST(wrong.error().message() == "expected <query xmlns='jabber:iq:last'>, found <ping xmlns='urn:xmpp:ping'>");
    auto roster = p.parse<Iq<Get, LastActivity>>("<iq type='get' id='x'><query xmlns='jabber:iq:roster'/></iq>");
    BOOST_TEST(roster.error().message() == "expected <query xmlns='jabber:iq:last'>, found <query xmlns='jabber:iq:roster'>");
    BOOST_TEST(to_string(p.parse<Iq<Result, LastActivity>>(request).error().code()) == "type_mismatch");
    BOOST_TEST(to_string(p.parse<Iq<Result, LastActivity>>("<iq type='result' id='x'/>").error().code()) == "payload_mismatch");

    // An error IQ echoing the request (RFC 6120 §8.3.1).
    auto echo = p.parse<Iq<Error, LastActivity>>(
        "<iq type='error' id='last1'><query xmlns='jabber:iq:last'/><error type='auth'>"
        "<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE_MESSAGE(echo, echo.error().message());
    BOOST_TEST(echo->payload.has_value());
    BOOST_TEST((echo->error.condition == Condition::forbidden));
}

BOOST_AUTO_TEST_CASE(serialize_and_round_trip) {
    Parser p;
    auto get = p.parse<Iq<Get, LastActivity>>(request);
    BOOST_REQUIRE(get);
    BOOST_TEST(xml_of(*get) ==
               "<iq type='get' id='last1' from='romeo@montague.net/orchard' to='juliet@capulet.com'>"
               "<query xmlns='jabber:iq:last'/></iq>");
    auto reply = make_result(*get, LastActivity{903ul, "Heading Home & <Away>"});
    static_assert(std::is_same_v<decltype(reply), Iq<Result, LastActivity>>);
    std::string xml = xml_of(reply);
    BOOST_TEST(xml == "<iq type='result' id='last1' from='juliet@capulet.com' to='romeo@montague.net/orchard'>"
                      "<query xmlns='jabber:iq:last' seconds='903'>Heading Home &amp; &lt;Away&gt;</query></iq>");
    Parser q;
    auto back = q.parse<Iq<Result, LastActivity>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == reply));
    std::string again = xml_of(*back);
    BOOST_TEST(again == xml);

    // Canonical form of the XEP's answer.
    Parser r;
    auto parsed_answer = r.parse<Iq<Result, LastActivity>>(answer);
    BOOST_REQUIRE(parsed_answer);
    BOOST_TEST(xml_of(*parsed_answer) == "<iq type='result' id='last1' from='juliet@capulet.com' to='romeo@montague.net/orchard'>"
                                         "<query xmlns='jabber:iq:last' seconds='903'>Heading Home &amp; Away</query></iq>");
    // Echoed in an error.
    auto error = make_error_echo(*get, StanzaError(Condition::forbidden));
    BOOST_TEST(xml_of(error) == "<iq type='error' id='last1' from='juliet@capulet.com' to='romeo@montague.net/orchard'>"
                                "<query xmlns='jabber:iq:last'/><error type='auth'>"
                                "<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    // An owned copy of an extension stanza.
    auto owned_reply = make_owned(reply);
    BOOST_REQUIRE_MESSAGE(owned_reply, owned_reply.error().message());
    BOOST_TEST((**owned_reply == reply));

    // The writer's checks apply to extension data too.
    std::string out = "kept";
    parse_error bad = serialize(Iq<Result, LastActivity>("x", LastActivity{1ul, std::string_view("a\0b", 3)}), out);
    BOOST_TEST(to_string(bad.code()) == "invalid_data");
    BOOST_TEST(out == "kept");
}

// An AnyIq keeps Last Activity opaque; Parser::cast parses it with payload_parser.
BOOST_AUTO_TEST_CASE(any_iq_then_cast) {
    Parser p;
    auto any = p.parse<AnyIq>(answer);
    BOOST_REQUIRE(any);
    BOOST_REQUIRE(any->payload.is_opaque());
    BOOST_TEST(any->payload.name() == "query");
    BOOST_TEST(any->payload.ns() == "jabber:iq:last");
    const std::string canonical_any = xml_of(*any);
    BOOST_TEST(canonical_any == "<iq type='result' id='last1' from='juliet@capulet.com' to='romeo@montague.net/orchard'>"
                                "<query xmlns='jabber:iq:last' seconds='903'>Heading Home &amp; Away</query></iq>");

    auto typed = p.cast<Iq<Result, LastActivity>>(*any);
    BOOST_REQUIRE_MESSAGE(typed, typed.error().message());
    BOOST_TEST(*typed->payload.seconds == 903u);
    BOOST_TEST(typed->payload.status == "Heading Home & Away");
    BOOST_TEST(typed->to->to_string() == "romeo@montague.net/orchard");

    BOOST_TEST(to_string(p.cast<Iq<Get, LastActivity>>(*any).error().code()) == "type_mismatch");
    // A roster payload is no Last Activity.
    auto roster = p.parse<AnyIq>("<iq type='get' id='x'><query xmlns='jabber:iq:roster'/></iq>");
    BOOST_REQUIRE(roster);
    auto mismatch = p.cast<Iq<Get, LastActivity>>(*roster);
    BOOST_TEST(to_string(mismatch.error().code()) == "payload_mismatch");
    BOOST_TEST(mismatch.error().message() == "expected <query xmlns='jabber:iq:last'>, found <query>");
    // A built opaque payload has no parsed node to cast from.
    AnyIq built;
    built.type = IqType::get;
    built.id = "b";
    built.payload = OpaqueElement{"query", "jabber:iq:last", "<query xmlns='jabber:iq:last'/>"};
    BOOST_TEST(to_string(p.cast<Iq<Get, LastActivity>>(built).error().code()) == "payload_mismatch");
}

// element views must not decode into the input: the AnyIq's OpaqueElement::xml views those
// bytes and serialize writes them back unvalidated (once gave "Heading Home & AwayAway").
BOOST_AUTO_TEST_CASE(cast_leaves_the_any_iq_intact) {
    Parser p;
    auto any = p.parse<AnyIq>(answer);
    BOOST_REQUIRE(any);
    const std::string before = xml_of(*any);
    auto typed = p.cast<Iq<Result, LastActivity>>(*any);
    BOOST_REQUIRE(typed);
    BOOST_TEST(typed->payload.status == "Heading Home & Away");
    BOOST_TEST(xml_of(*any) == before);
    BOOST_TEST(any->payload.opaque()->xml == "<query xmlns='jabber:iq:last' seconds='903'>Heading Home &amp; Away</query>");
    // Escaped markup stays escaped (decoding in place would turn it into elements).
    auto markup = p.parse<AnyIq>("<iq type='result' id='m'><query xmlns='jabber:iq:last' seconds='&#49;'>"
                                 "&lt;x xmlns='urn:x'/&gt;</query></iq>");
    BOOST_REQUIRE(markup);
    auto cast_markup = p.cast<Iq<Result, LastActivity>>(*markup);
    BOOST_REQUIRE(cast_markup);
    BOOST_TEST(cast_markup->payload.status == "<x xmlns='urn:x'/>");
    BOOST_TEST(*cast_markup->payload.seconds == 1u);
    BOOST_TEST(xml_of(*markup) == "<iq type='result' id='m'><query xmlns='jabber:iq:last' seconds='&#49;'>"
                                  "&lt;x xmlns='urn:x'/&gt;</query></iq>");
}

// payload_parser's errors come back unchanged, with their offsets into the input.
BOOST_AUTO_TEST_CASE(parser_errors_propagate) {
    const std::string bad_number = "<iq type='result' id='x'><query xmlns='jabber:iq:last' seconds='9o3'/></iq>";
    const std::size_t number_at = at(bad_number, "9o3");
    Parser p;
    auto typed = p.parse<Iq<Result, LastActivity>>(bad_number);
    BOOST_TEST(to_string(typed.error().code()) == "invalid_payload");
    BOOST_TEST(typed.error().offset() == number_at);
    BOOST_TEST(typed.error().message() == "seconds='9o3' is not a number (XEP-0012 §3)");
    // The same through AnyIq (which does not look inside) and cast.
    auto any = p.parse<AnyIq>(bad_number);
    BOOST_REQUIRE(any);
    auto cast = p.cast<Iq<Result, LastActivity>>(*any);
    BOOST_TEST(to_string(cast.error().code()) == "invalid_payload");
    BOOST_TEST(cast.error().offset() == number_at);

    const std::string child = "<iq type='result' id='x'><query xmlns='jabber:iq:last' seconds='1'><x xmlns='urn:x'/></query></iq>";
    auto nested = p.parse<Iq<Result, LastActivity>>(child);
    BOOST_TEST(to_string(nested.error().code()) == "invalid_payload");
    BOOST_TEST(nested.error().offset() == at(child, "<x "));
    BOOST_TEST(nested.error().message() == "unexpected <x/> in <query xmlns='jabber:iq:last'/>");

    // Offsets are into the caller's input for in-situ parses too, references decoded.
    std::string in_situ = "<iq type='result' id='&#x78;'><query xmlns='jabber:iq:last' seconds='&#x31;a'/></iq>";
    const std::size_t ref_at = at(in_situ, "&#x31;a");
    auto r = p.parse_in_situ<Iq<Result, LastActivity>>(in_situ);
    BOOST_TEST(to_string(r.error().code()) == "invalid_payload");
    BOOST_TEST(r.error().offset() == ref_at);
    BOOST_TEST(r.error().message() == "seconds='1a' is not a number (XEP-0012 §3)");
}

// A payload_serializer that leaves an element open, or closes one too many, must not
// produce malformed XML.
BOOST_AUTO_TEST_CASE(unbalanced_serializer_refused) {
    std::string out = "kept";
    parse_error open = serialize(Iq<Set, extension_test::Unclosed>("u", extension_test::Unclosed{}), out);
    BOOST_TEST(to_string(open.code()) == "invalid_data");
    BOOST_TEST(open.message() == "payload_serializer<unclosed> left its elements unbalanced");
    BOOST_TEST(out == "kept");
    parse_error over = serialize(Iq<Error, extension_test::Overclosed>("o", StanzaError(Condition::conflict),
                                                                       extension_test::Overclosed{}), out);
    BOOST_TEST(to_string(over.code()) == "invalid_data");
    BOOST_TEST(over.message() == "payload_serializer<over> left its elements unbalanced");
    BOOST_TEST(out == "kept");
    char buffer[256];
    BOOST_TEST(to_string(serialize_into(Iq<Get, extension_test::Unclosed>("u", extension_test::Unclosed{}), buffer,
                                        sizeof buffer).error.code()) == "invalid_data");
}

BOOST_AUTO_TEST_SUITE_END()
