// Extension payloads shipped with xstanza as worked examples of payload_traits +
// payload_parser + payload_serializer: XMPP Ping (XEP-0199) and Software Version (XEP-0092).
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <xstanza/codec/ping.hpp>
#include <xstanza/codec/version.hpp>
#include <xstanza/xstanza.hpp>

using namespace xstanza;
using ext::Ping;
using ext::SoftwareVersion;
using ext::VersionQuery;

static_assert(is_payload_v<Ping> && is_payload_v<VersionQuery> && is_payload_v<SoftwareVersion>);

namespace {

// Parsing `xml` as T fails with `code`.
template <class T>
void expect_code(Parser& p, std::string_view xml, errc code) {
    auto r = p.parse<T>(xml);
    BOOST_TEST((r.error().code() == code), xml);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ext)

// XEP-0199 Example 1 (server-to-client ping) and Example 2 (its pong).
BOOST_AUTO_TEST_CASE(ping_xep_examples) {
    Parser p;
    auto ping = p.parse<Iq<Get, Ping>>(
        "<iq from='capulet.lit' to='juliet@capulet.lit/balcony' id='s2c1' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
    BOOST_REQUIRE_MESSAGE(ping, ping.error().message());
    BOOST_TEST(ping->id == "s2c1");
    BOOST_TEST(ping->from->to_string() == "capulet.lit");
    std::string pong;
    BOOST_TEST(!serialize(make_result(*ping), pong));
    BOOST_TEST(pong == "<iq type='result' id='s2c1' from='juliet@capulet.lit/balcony' to='capulet.lit'/>");
    BOOST_TEST(p.parse<Iq<Result>>(pong).has_value());
}

BOOST_AUTO_TEST_CASE(ping_round_trip) {
    Iq<Get, Ping> ping("c2s1", Ping{});
    ping.to = *Jid::parse("capulet.lit");
    std::string xml;
    BOOST_TEST(!serialize(ping, xml));
    BOOST_TEST(xml == "<iq type='get' id='c2s1' to='capulet.lit'><ping xmlns='urn:xmpp:ping'/></iq>");
    Parser p;
    auto back = p.parse<Iq<Get, Ping>>(xml);
    BOOST_REQUIRE(back);
    BOOST_TEST((*back == ping));
    // Runtime-typed: opaque, then cast to the typed payload.
    auto any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE(any);
    BOOST_TEST(any->payload.is_opaque());
    BOOST_TEST(any->payload.ns() == "urn:xmpp:ping");
    auto typed = p.cast<Iq<Get, Ping>>(*any);
    BOOST_TEST(bool(typed), typed.error().message());
    // An owning copy works for extension payloads too.
    auto owned_ping = make_owned(ping);
    BOOST_REQUIRE(owned_ping);
    BOOST_TEST(owned_ping->xml() == xml);
}

BOOST_AUTO_TEST_CASE(ping_rules) {
    Parser p;
    // XEP-0199 §3: an empty element.
    expect_code<Iq<Get, Ping>>(p, "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'><x/></ping></iq>", errc::invalid_payload);
    expect_code<Iq<Get, Ping>>(p, "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'>hello</ping></iq>", errc::invalid_payload);
    BOOST_TEST((p.parse<Iq<Get, Ping>>("<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'>\n </ping></iq>").has_value()));
    // Wrong namespace: not a ping.
    expect_code<Iq<Get, Ping>>(p, "<iq type='get' id='1'><ping xmlns='urn:example'/></iq>", errc::payload_mismatch);
    // Placement is a compile-time rule (tests/compile_fail/ping_in_set.cpp); at run time a
    // ping in a set is a type mismatch for Iq<Get, Ping>.
    expect_code<Iq<Get, Ping>>(p, "<iq type='set' id='1'><ping xmlns='urn:xmpp:ping'/></iq>", errc::type_mismatch);
}

// XEP-0092 Examples 1 and 2.
BOOST_AUTO_TEST_CASE(version_xep_examples) {
    Parser p;
    auto q = p.parse<Iq<Get, VersionQuery>>(
        "<iq type='get' from='romeo@montague.net/orchard' to='juliet@capulet.com/balcony' id='version_1'>"
        "<query xmlns='jabber:iq:version'/></iq>");
    BOOST_REQUIRE_MESSAGE(q, q.error().message());
    std::string_view os = "Windows-XP 5.01.2600";
    auto answer = make_result(*q, SoftwareVersion{"Exodus", "0.7.0.4", os});
    std::string xml;
    BOOST_TEST(!serialize(answer, xml));
    BOOST_TEST(xml ==
               "<iq type='result' id='version_1' from='juliet@capulet.com/balcony' to='romeo@montague.net/orchard'>"
               "<query xmlns='jabber:iq:version'><name>Exodus</name><version>0.7.0.4</version><os>Windows-XP 5.01.2600</os>"
               "</query></iq>");
    auto r = p.parse<Iq<Result, SoftwareVersion>>(
        "<iq type='result' to='romeo@montague.net/orchard' from='juliet@capulet.com/balcony' id='version_1'>\n"
        "  <query xmlns='jabber:iq:version'>\n    <name>Exodus</name>\n    <version>0.7.0.4</version>\n"
        "    <os>Windows-XP 5.01.2600</os>\n  </query>\n</iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->payload.name == "Exodus");
    BOOST_TEST(r->payload.version == "0.7.0.4");
    BOOST_TEST(*r->payload.os == "Windows-XP 5.01.2600");
}

BOOST_AUTO_TEST_CASE(version_round_trip) {
    Parser p;
    for (const SoftwareVersion& v : {SoftwareVersion{"xstanza", "0.1.0", std::nullopt},
                                     SoftwareVersion{"a < b & 'c'", "1", std::string_view("Linux")},
                                     SoftwareVersion{"", "", std::nullopt}}) {
        Iq<Result, SoftwareVersion> iq("v1", v);
        std::string xml;
        BOOST_TEST(!serialize(iq, xml));
        auto back = p.parse<Iq<Result, SoftwareVersion>>(xml);
        BOOST_REQUIRE_MESSAGE(back, back.error().message());
        BOOST_TEST((back->payload == v), xml);
    }
    Iq<Get, VersionQuery> q("v2", VersionQuery{});
    std::string xml;
    BOOST_TEST(!serialize(q, xml));
    BOOST_TEST(xml == "<iq type='get' id='v2'><query xmlns='jabber:iq:version'/></iq>");
}

BOOST_AUTO_TEST_CASE(version_rules) {
    Parser p;
    struct bad {
        const char* query;
        const char* message_part;
    };
    const bad cases[] = {
        {"<query xmlns='jabber:iq:version'><version>1</version></query>", "without <name/>"},
        {"<query xmlns='jabber:iq:version'><name>x</name></query>", "without <version/>"},
        {"<query xmlns='jabber:iq:version'><name>x</name><version>1</version><version>2</version></query>",
         "a second <version/>"},
        {"<query xmlns='jabber:iq:version'><name>x</name><version>1</version><build>7</build></query>", "unexpected <build/>"},
        {"<query xmlns='jabber:iq:version'><name><b>x</b></name><version>1</version></query>", "holds text only"},
    };
    for (const bad& c : cases) {
        std::string xml = std::string("<iq type='result' id='1'>") + c.query + "</iq>";
        auto r = p.parse<Iq<Result, SoftwareVersion>>(xml);
        BOOST_TEST_CONTEXT(c.query) {
            BOOST_TEST((r.error().code() == errc::invalid_payload));
            BOOST_TEST(std::string(r.error().message()).find(c.message_part) != std::string::npos, r.error().message());
        }
    }
    // Elements of other namespaces are extensions: ignored.
    auto ext = p.parse<Iq<Result, SoftwareVersion>>(
        "<iq type='result' id='1'><query xmlns='jabber:iq:version'><name>x</name><version>1</version>"
        "<build xmlns='urn:example'>7</build></query></iq>");
    BOOST_REQUIRE_MESSAGE(ext, ext.error().message());
    BOOST_TEST(!ext->payload.os.has_value());
    // The request is an empty query.
    expect_code<Iq<Get, VersionQuery>>(p, "<iq type='get' id='1'><query xmlns='jabber:iq:version'><name/></query></iq>",
                                       errc::invalid_payload);
    // A roster query is not a version query.
    expect_code<Iq<Get, VersionQuery>>(p, "<iq type='get' id='1'><query xmlns='jabber:iq:roster'/></iq>",
                                       errc::payload_mismatch);
}

BOOST_AUTO_TEST_CASE(error_echoing_an_extension_payload) {
    // RFC 6120 §8.3.1: an error may echo the request's payload.
    Parser p;
    auto q = p.parse<Iq<Get, VersionQuery>>("<iq type='get' id='e1' from='a@b/c'><query xmlns='jabber:iq:version'/></iq>");
    BOOST_REQUIRE(q);
    auto e = make_error_echo(*q, StanzaError(Condition::feature_not_implemented));
    std::string xml;
    BOOST_TEST(!serialize(e, xml));
    BOOST_TEST(xml == "<iq type='error' id='e1' to='a@b/c'><query xmlns='jabber:iq:version'/><error type='cancel'>"
                      "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    auto back = p.parse<Iq<Error, VersionQuery>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST(back->payload.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
