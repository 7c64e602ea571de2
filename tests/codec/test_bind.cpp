// Resource Binding (RFC 6120 §7) through the extension point: the RFC's examples as
// known-good vectors (typed parse, canonical output, round trip), and each rule of
// codec/bind.hpp refused on reading and on writing.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"

using namespace xstanza;
using namespace test_helpers;

static_assert(is_payload_v<Bind> && is_reply_v<Bind, Bind> && !is_reply_v<Bind, void>);

namespace {

std::string bind_iq(std::string_view type, std::string_view children) {
    return "<iq type='" + std::string(type) + "' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>" +
           std::string(children) + "</bind></iq>";
}

template <class T>
void expect_write_error(const T& iq, std::string_view part) {
    std::string out;
    codec_error e = serialize(iq, out);
    BOOST_TEST_CONTEXT(e.message()) {
        BOOST_TEST(to_string(e.code()) == to_string(errc::invalid_data));
        BOOST_TEST(e.message().find(part) != std::string_view::npos);
        BOOST_TEST(out.empty());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bind)

// RFC 6120 §7.6.1: the server generates the resource.
BOOST_AUTO_TEST_CASE(server_generated_rfc_example) {
    Parser p;
    auto set = p.parse<Iq<Set, Bind>>("<iq id='tn281v37' type='set'>\n <bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>\n</iq>");
    BOOST_REQUIRE_MESSAGE(set, set.error().message());
    BOOST_TEST(!set->payload.resource.has_value());
    BOOST_TEST(!set->payload.jid.has_value());
    std::string xml;
    BOOST_TEST(!serialize(*set, xml));
    BOOST_TEST(xml == "<iq type='set' id='tn281v37'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");

    // The RFC's text breaks the line inside <jid/>: white space around the JID is layout.
    auto r = p.parse<Iq<Result, Bind>>(
        "<iq id='tn281v37' type='result'>\n  <bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>\n    <jid>\n"
        "      juliet@im.example.com/4db06f06-1ea4-11dc-aca3-000bcd821bfb\n    </jid>\n  </bind>\n</iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_REQUIRE(r->payload.jid.has_value());
    BOOST_TEST(r->payload.jid->to_string() == "juliet@im.example.com/4db06f06-1ea4-11dc-aca3-000bcd821bfb");
    xml.clear();
    BOOST_TEST(!serialize(*r, xml));
    BOOST_TEST(xml == "<iq type='result' id='tn281v37'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                      "<jid>juliet@im.example.com/4db06f06-1ea4-11dc-aca3-000bcd821bfb</jid></bind></iq>");
    Parser again;  // p's next parse would end r's views
    auto back = again.parse<Iq<Result, Bind>>(xml);
    BOOST_REQUIRE(back);
    BOOST_TEST((*back == *r));
}

// RFC 6120 §7.7.1: the client submits the resource; the answer, built with make_result.
BOOST_AUTO_TEST_CASE(client_submitted_rfc_example) {
    Parser p;
    auto set = p.parse<Iq<Set, Bind>>(
        "<iq id='wy2xa82b4' type='set'>\n  <bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>\n"
        "    <resource>balcony</resource>\n  </bind>\n</iq>");
    BOOST_REQUIRE_MESSAGE(set, set.error().message());
    BOOST_TEST(*set->payload.resource == "balcony");
    const Jid bound = *Jid::from_parts("juliet", "im.example.com", *set->payload.resource);
    auto answer = make_result(*set, Bind{std::nullopt, bound});
    std::string xml;
    BOOST_TEST(!serialize(answer, xml));
    BOOST_TEST(xml == "<iq type='result' id='wy2xa82b4'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                      "<jid>juliet@im.example.com/balcony</jid></bind></iq>");
    Parser again;  // p's next parse would end the request's views, which the answer shares
    auto back = again.parse<Iq<Result, Bind>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((back->payload == answer.payload));

    Iq<Set, Bind> request("wy2xa82b4", Bind{std::string_view("balcony"), std::nullopt});
    xml.clear();
    BOOST_TEST(!serialize(request, xml));
    BOOST_TEST(xml == "<iq type='set' id='wy2xa82b4'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                      "<resource>balcony</resource></bind></iq>");
    // A domain-only full JID (a component's, say) is written without '@'.
    auto domain_only = make_result(*set, Bind{std::nullopt, *Jid::parse("example.com/r")});
    xml.clear();
    BOOST_TEST(!serialize(domain_only, xml));
    BOOST_TEST(xml.find("<jid>example.com/r</jid>") != std::string::npos, xml);
}

// RFC 6120 §7.7.2.2: an error may echo the request.
BOOST_AUTO_TEST_CASE(error_echo) {
    Parser p;
    auto e = p.parse<Iq<Error, Bind>>(
        "<iq id='wy2xa82b4' type='error'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>balcony</resource></bind>"
        "<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE_MESSAGE(e, e.error().message());
    BOOST_TEST(*e->payload->resource == "balcony");
}

// RFC 6120 §7.6.1, §7.7.1: the result carries the bound full JID, the set no <jid/>.
BOOST_AUTO_TEST_CASE(placement_of_children) {
    expect_error<Iq<Result, Bind>>(bind_iq("result", ""), errc::invalid_payload, at("<bind"),
                                   "a bind result carries the bound <jid/> (RFC 6120 §7.6.1, §7.7.1)");
    expect_error<Iq<Result, Bind>>(bind_iq("result", "<jid>juliet@im.example.com</jid>"), errc::invalid_payload, at("<jid"),
                                   "a full JID");
    expect_error<Iq<Result, Bind>>(bind_iq("result", "<resource>r</resource><jid>a@b/r</jid>"), errc::invalid_payload,
                                   at("<jid"), "not <resource/>");
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<jid>a@b/c</jid>"), errc::invalid_payload, at("<jid"),
                                "a bind request carries no <jid/>");
    expect_error<Iq<Result, Bind>>(bind_iq("result", "<jid>@b/c</jid>"), errc::invalid_payload, at("<jid"),
                                   "not a JID (RFC 6120 §7.6.1)");
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<resource>a</resource><resource>b</resource>"), errc::invalid_payload,
                                at("<resource>b"), "a second <resource/>");
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<session/>"), errc::invalid_payload, at("<session"), "unexpected <session/>");
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<resource><b>x</b></resource>"), errc::invalid_payload, at("<resource"),
                                "character data only");
    // Another namespace: an extension, skipped.
    BOOST_TEST((Parser().parse<Iq<Set, Bind>>(bind_iq("set", "<x xmlns='urn:example'/>")).has_value()));
    // A get never carries <bind/> (tests/compile_fail/bind_in_get.cpp); at run time, a type mismatch.
    expect_error<Iq<Set, Bind>>(bind_iq("get", ""), errc::type_mismatch, 0);

    // Writing.
    const Jid full = *Jid::parse("a@b/c");
    expect_write_error(Iq<Result, Bind>("b", Bind{}), "a bind result carries the bound <jid/>");
    expect_write_error(Iq<Result, Bind>("b", Bind{std::nullopt, full.bare()}), "a full JID");
    expect_write_error(Iq<Set, Bind>("b", Bind{std::nullopt, full}), "a bind request carries no <jid/>");
}

// RFC 6120 §7.7.1: the resource is a resourcepart (RFC 7622 §3.4).
BOOST_AUTO_TEST_CASE(resource_is_a_resourcepart) {
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<resource/>"), errc::invalid_payload, at("<resource"),
                                "an empty <resource/> (RFC 6120 §7.7.1");
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<resource>a&#127;b</resource>"), errc::invalid_payload, at("<resource"),
                                "not a valid resourcepart (RFC 6120 §7.7.1)");
    const std::string long_resource(1024, 'r');
    expect_error<Iq<Set, Bind>>(bind_iq("set", "<resource>" + long_resource + "</resource>"), errc::invalid_payload,
                                at("<resource"), "1023 bytes");
    BOOST_TEST((Parser().parse<Iq<Set, Bind>>(bind_iq("set", "<resource>" + long_resource.substr(1) + "</resource>")).has_value()));
    // Spaces and non-ASCII are resourcepart characters.
    Parser keeper;  // the result's views live as long as their Parser
    auto ok = keeper.parse<Iq<Set, Bind>>(bind_iq("set", "<resource>Juliet's \xE2\x99\xA5 phone</resource>"));
    BOOST_REQUIRE_MESSAGE(ok, ok.error().message());
    BOOST_TEST(*ok->payload.resource == "Juliet's \xE2\x99\xA5 phone");

    expect_write_error(Iq<Set, Bind>("b", Bind{std::string_view(), std::nullopt}), "an empty <resource/>");
    expect_write_error(Iq<Set, Bind>("b", Bind{std::string_view("a\x7f"), std::nullopt}), "not a valid resourcepart");
}

BOOST_AUTO_TEST_SUITE_END()
