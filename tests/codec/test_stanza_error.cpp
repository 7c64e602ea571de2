// Stanza errors (RFC 6120 §8.3): the 22 conditions and 5 types both ways, <text/>, URIs,
// application-specific conditions, every <error/> rule, and legacy XEP-0086 codes.
#include <boost/test/unit_test.hpp>

#include <deque>
#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"
#include "../support/helpers.hpp"

using namespace xstanza;
using test_helpers::at;
using test_helpers::cond;
using test_helpers::expect_error;
using test_helpers::value_at;

namespace {

constexpr std::string_view stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";

// An error IQ around the given <error/> element.
std::string wrap(std::string_view error) { return "<iq type='error' id='e'>" + std::string(error) + "</iq>"; }

// The returned error's views point into its parser, so every parser is kept alive.
StanzaError parse_ok(std::string_view error_element) {
    static std::deque<Parser> parsers;
    Parser& p = parsers.emplace_back();
    std::string xml = wrap(error_element);
    auto r = p.parse<Iq<Error>>(xml);
    BOOST_REQUIRE_MESSAGE(r, xml << ": " << r.error().message());
    return r->error;
}

// The canonical XML of an error IQ carrying `e`, and the serializer's refusal to write one.
std::string xml_of(const StanzaError& e) { return test_helpers::xml_of(Iq<Error>("e", e)); }
void expect_refused(const StanzaError& e, std::string_view message_part) {
    test_helpers::expect_serialize_refused(Iq<Error>("e", e), message_part);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stanza_error)

// RFC 6120 §8.3.3 × §8.3.2: every condition with every type, written and read back.
BOOST_AUTO_TEST_CASE(all_conditions_all_types) {
    BOOST_TEST(condition_names.size() == 22u);
    BOOST_TEST(error_type_names.size() == 5u);
    Parser p;
    for (std::size_t c = 0; c < condition_names.size(); ++c) {
        for (std::size_t t = 0; t < error_type_names.size(); ++t) {
            StanzaError e{ErrorType(t), Condition(c)};
            Iq<Error> iq("e1", e);
            std::string xml;
            BOOST_REQUIRE(!serialize(iq, xml));
            BOOST_TEST_CONTEXT(xml) {
                BOOST_TEST(xml == "<iq type='error' id='e1'><error type='" + std::string(error_type_names[t]) + "'><" +
                                      std::string(condition_names[c]) + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                                      "</error></iq>");
                auto typed = p.parse<Iq<Error>>(xml);
                BOOST_REQUIRE(typed);
                BOOST_TEST((typed->error == e));
                BOOST_TEST((*typed == iq));
                auto any = p.parse<AnyIq>(xml);
                BOOST_REQUIRE(any);
                BOOST_REQUIRE(any->error.has_value());
                BOOST_TEST((any->error->condition == Condition(c)));
                BOOST_TEST((any->error->type == ErrorType(t)));
                BOOST_TEST(to_string(any->error->condition) == condition_names[c]);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(names_and_default_types) {
    for (std::size_t c = 0; c < condition_names.size(); ++c) {
        BOOST_TEST(to_string(Condition(c)) == condition_names[c]);
        auto back = condition_from_string(condition_names[c]);
        BOOST_REQUIRE(back.has_value());
        BOOST_TEST((*back == Condition(c)));
    }
    BOOST_TEST(to_string(Condition::bad_request) == "bad-request");
    BOOST_TEST(to_string(Condition::unexpected_request) == "unexpected-request");
    BOOST_TEST(!condition_from_string("Bad-Request").has_value());
    BOOST_TEST(!condition_from_string("text").has_value());
    BOOST_TEST(!condition_from_string("feature-not-implementer").has_value());
    BOOST_TEST(!condition_from_string("").has_value());
    BOOST_TEST(!condition_from_string("payment-required").has_value());  // RFC 3920's, dropped by RFC 6120

    BOOST_TEST(to_string(ErrorType::continue_) == "continue");
    BOOST_TEST((*error_type_from_string("continue") == ErrorType::continue_));
    BOOST_TEST((*error_type_from_string("wait") == ErrorType::wait));
    BOOST_TEST(!error_type_from_string("Cancel").has_value());

    // RFC 6120 §8.3.3: "the associated error type SHOULD be ..."
    struct expectation { Condition c; ErrorType t; };
    const expectation rfc[] = {
        {Condition::bad_request, ErrorType::modify},          {Condition::conflict, ErrorType::cancel},
        {Condition::feature_not_implemented, ErrorType::cancel}, {Condition::forbidden, ErrorType::auth},
        {Condition::gone, ErrorType::cancel},                 {Condition::internal_server_error, ErrorType::cancel},
        {Condition::item_not_found, ErrorType::cancel},       {Condition::jid_malformed, ErrorType::modify},
        {Condition::not_acceptable, ErrorType::modify},       {Condition::not_allowed, ErrorType::cancel},
        {Condition::not_authorized, ErrorType::auth},         {Condition::policy_violation, ErrorType::modify},
        {Condition::recipient_unavailable, ErrorType::wait},  {Condition::redirect, ErrorType::modify},
        {Condition::registration_required, ErrorType::auth},  {Condition::remote_server_not_found, ErrorType::cancel},
        {Condition::remote_server_timeout, ErrorType::wait},  {Condition::resource_constraint, ErrorType::wait},
        {Condition::service_unavailable, ErrorType::cancel},  {Condition::subscription_required, ErrorType::auth},
        {Condition::undefined_condition, ErrorType::cancel},  {Condition::unexpected_request, ErrorType::wait},
    };
    BOOST_TEST(sizeof rfc / sizeof *rfc == 22u);
    for (const expectation& x : rfc) {
        BOOST_TEST_CONTEXT(to_string(x.c)) {
            BOOST_TEST(to_string(default_type(x.c)) == to_string(x.t));
            BOOST_TEST((StanzaError(x.c).type == x.t));
        }
    }
}

// RFC 6120 §8.3.3.5, §8.3.3.14: <gone/> and <redirect/> may carry an XMPP URI.
BOOST_AUTO_TEST_CASE(gone_and_redirect_uri) {
    StanzaError gone = parse_ok("<error by='conference.example.org' type='cancel'><gone xmlns='" + std::string(stanzas) +
                                "'>xmpp:romeo@afterlife.example.net</gone></error>");
    BOOST_TEST((gone.condition == Condition::gone));
    BOOST_TEST(gone.uri == "xmpp:romeo@afterlife.example.net");
    BOOST_TEST(gone.by->to_string() == "conference.example.org");
    BOOST_TEST(xml_of(gone) == "<iq type='error' id='e'><error type='cancel' by='conference.example.org'>"
                               "<gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>xmpp:romeo@afterlife.example.net</gone>"
                               "</error></iq>");
    StanzaError redirect = parse_ok("<error type='modify'><redirect xmlns='" + std::string(stanzas) +
                                    "'>xmpp:characters@conference.example.org?join&amp;x=1</redirect></error>");
    BOOST_TEST(redirect.uri == "xmpp:characters@conference.example.org?join&x=1");
    BOOST_TEST(xml_of(redirect) == "<iq type='error' id='e'><error type='modify'><redirect xmlns='urn:ietf:params:xml:ns:"
                                   "xmpp-stanzas'>xmpp:characters@conference.example.org?join&amp;x=1</redirect></error></iq>");
    // Without a URI, both are empty elements.
    StanzaError bare = parse_ok("<error type='cancel'>" + cond("gone") + "</error>");
    BOOST_TEST(bare.uri.empty());

    // Any other condition carries no URI: refused both ways.
    StanzaError conflict(Condition::conflict);
    conflict.uri = "xmpp:x@y.z";
    expect_refused(conflict, "only <gone/> and <redirect/> carry a URI");
    std::string content = wrap("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>xmpp:x@y.z</conflict></error>");
    expect_error(content, errc::invalid_error, at("<conflict"), "condition <conflict/> must be empty");
    // Whitespace alone is not content.
    StanzaError spaced = parse_ok("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'> \n\t</conflict></error>");
    BOOST_TEST((spaced.condition == Condition::conflict));
    std::string child = wrap("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'><x xmlns='urn:x'/></conflict></error>");
    expect_error(child, errc::invalid_error, at("<conflict"), "has child elements");
}

// RFC 6120 §8.3.2: at most one <text/>, with an optional xml:lang.
BOOST_AUTO_TEST_CASE(text_element) {
    StanzaError e = parse_ok("<error type='modify'>" + cond("bad-request") + "<text xmlns='" + std::string(stanzas) +
                             "' xml:lang='en'>Some &lt;special&gt; text</text></error>");
    BOOST_REQUIRE(e.text.has_value());
    BOOST_TEST(*e.text == "Some <special> text");
    BOOST_TEST(e.text_lang == "en");
    BOOST_TEST(xml_of(e) == "<iq type='error' id='e'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:"
                            "xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>"
                            "Some &lt;special&gt; text</text></error></iq>");
    // Text before the condition, no language.
    StanzaError first = parse_ok("<error type='cancel'><text xmlns='" + std::string(stanzas) + "'>why</text>" +
                                 cond("conflict") + "</error>");
    BOOST_TEST(*first.text == "why");
    BOOST_TEST(first.text_lang.empty());
    // An empty <text/> is kept as an engaged, empty text.
    StanzaError empty = parse_ok("<error type='cancel'>" + cond("conflict") + "<text xmlns='" + std::string(stanzas) + "'/></error>");
    BOOST_REQUIRE(empty.text.has_value());
    BOOST_TEST(empty.text->empty());
    BOOST_TEST(xml_of(empty) == "<iq type='error' id='e'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:"
                                "xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

    std::string two = wrap("<error type='cancel'>" + cond("conflict") + "<text xmlns='" + std::string(stanzas) +
                           "' xml:lang='en'>a</text><text xmlns='" + std::string(stanzas) + "' xml:lang='de'>b</text></error>");
    expect_error(two, errc::invalid_error, at("<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='de'"),
                 "<error/> carries at most one <text/>");
    std::string nested = wrap("<error type='cancel'>" + cond("conflict") + "<text xmlns='" + std::string(stanzas) +
                              "'>a<b/></text></error>");
    expect_error(nested, errc::invalid_error, at("<text"), "<text/> holds character data only");
}

// RFC 6120 §8.3.2: one optional application-specific condition, in its own namespace.
BOOST_AUTO_TEST_CASE(application_condition) {
    StanzaError e = parse_ok("<error type='modify'>" + cond("bad-request") +
                             "<too-many-subscriptions xmlns='http://jabber.org/protocol/pubsub#errors'/></error>");
    BOOST_REQUIRE(e.app.has_value());
    BOOST_TEST(e.app->name == "too-many-subscriptions");
    BOOST_TEST(e.app->ns == "http://jabber.org/protocol/pubsub#errors");
    BOOST_TEST(xml_of(e) == "<iq type='error' id='e'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:"
                            "xmpp-stanzas'/><too-many-subscriptions xmlns='http://jabber.org/protocol/pubsub#errors'/>"
                            "</error></iq>");
    // A prefixed one resolves to its namespace; its attributes are not modelled.
    StanzaError prefixed = parse_ok("<error type='cancel'>" + cond("feature-not-implemented") +
                                    "<ps:unsupported xmlns:ps='http://jabber.org/protocol/pubsub#errors' feature='retract'/></error>");
    BOOST_TEST(prefixed.app->name == "unsupported");
    BOOST_TEST(prefixed.app->ns == "http://jabber.org/protocol/pubsub#errors");

    expect_error(wrap("<error type='cancel'>" + cond("conflict") + "<a xmlns='urn:a'/><b xmlns='urn:b'/></error>"),
                 errc::multiple_conditions, at("<b "), "second application-specific condition <b/>");

    // Not application-specific: an element in the stanza's own namespace or in none.
    std::string same_ns = "<iq xmlns='jabber:client' type='error' id='e'><error type='cancel'>" + cond("conflict") +
                          "<extra/></error></iq>";
    expect_error(same_ns, errc::condition_namespace, at("<extra"), "namespace 'jabber:client'");
    expect_error(wrap("<error type='cancel'>" + cond("conflict") + "<extra/></error>"), errc::condition_namespace, at("<extra"),
                 "<extra/>");
    // Nor one in the XML namespace (an xml: prefixed element): no default namespace
    // declaration could name it on the way back (fuzz_roundtrip found this one).
    expect_error(wrap("<error type='cancel'>" + cond("conflict") + "<xml:i/></error>"), errc::condition_namespace, at("<xml:i"),
                 "reserved XML namespace");

    // The serializer refuses what the parser refuses.
    struct refused {
        AppCondition app;
        const char* message;
    };
    const refused cases[] = {
        {{"conflict", stanzas}, "needs its own namespace"},
        {{"extra", ""}, "needs its own namespace"},
        {{"extra", "jabber:client"}, "needs its own namespace"},
        {{"i", "http://www.w3.org/XML/1998/namespace"}, "reserved namespace"},
        {{"i", "http://www.w3.org/2000/xmlns/"}, "reserved namespace"},
        {{"1st", "urn:x"}, "not an XML name"},
    };
    for (const refused& r : cases) {
        StanzaError e(Condition::conflict);
        e.app = r.app;
        expect_refused(e, r.message);
    }
}

// RFC 6120 §8.3.2: exactly one defined condition.
BOOST_AUTO_TEST_CASE(condition_count_and_namespace) {
    expect_error(wrap("<error type='cancel'>" + cond("conflict") + cond("not-allowed") + "</error>"), errc::multiple_conditions,
                 at("<not-allowed"), "second defined condition <not-allowed/>");
    expect_error(wrap("<error type='cancel'/>"), errc::missing_condition, at("<error"), "<error/> has no defined condition");
    expect_error(wrap("<error type='cancel'><text xmlns='" + std::string(stanzas) + "'>t</text></error>"),
                 errc::missing_condition, at("<error"), "no defined condition");

    std::string unknown = wrap("<error type='cancel'><item-not-fund xmlns='" + std::string(stanzas) + "'/></error>");
    // A sender's error (RFC 6120 §8.3.3); a receiver maps it (§8.3.2, tests/model/test_rules.cpp).
    expect_error(unknown, errc::unknown_condition, at("<item-not-fund"),
                 "unknown stanza error condition 'item-not-fund'", rules::sender());
    std::string payment = wrap("<error type='auth'>" + cond("payment-required") + "</error>");
    expect_error(payment, errc::unknown_condition, at("<payment-required"), "'payment-required'", rules::sender());
    BOOST_TEST(parse_ok("<error type='auth'>" + cond("payment-required") + "</error>").unknown_condition == "payment-required");

    expect_error(wrap("<error type='cancel'><feature-not-implemented xmlns='urn:left:params:xml:ns:xmpp-stanzas'/></error>"),
                 errc::condition_namespace, at("<feature-not-implemented"),
                 "error condition <feature-not-implemented/> in namespace 'urn:left:params:xml:ns:xmpp-stanzas', "
                 "expected 'urn:ietf:params:xml:ns:xmpp-stanzas'");
    expect_error(wrap("<error type='cancel'><item-not-found/></error>"), errc::condition_namespace, at("<item-not-found"),
                 "expected 'urn:ietf:params:xml:ns:xmpp-stanzas'");
}

// RFC 6120 §8.3.2: 'type' is required and one of five; 'by' is a JID.
BOOST_AUTO_TEST_CASE(type_and_by_attributes) {
    expect_error(wrap("<error>" + cond("conflict") + "</error>"), errc::invalid_error_type, at("<error"),
                 "<error/> has no 'type'");
    std::string unknown = wrap("<error type='fatal'>" + cond("conflict") + "</error>");
    expect_error(unknown, errc::invalid_error_type, value_at("<error type='"), "unknown error type 'fatal'");
    expect_error(wrap("<error type='Cancel'>" + cond("conflict") + "</error>"), errc::invalid_error_type,
                 value_at("<error type='"), "unknown error type 'Cancel'");

    StanzaError by = parse_ok("<error type='wait' by='juliet@example.com/balcony'>" + cond("resource-constraint") + "</error>");
    BOOST_REQUIRE(by.by.has_value());
    BOOST_TEST(by.by->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(xml_of(by) == "<iq type='error' id='e'><error type='wait' by='juliet@example.com/balcony'>"
                             "<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    expect_error(wrap("<error type='cancel' by='a@@b'>" + cond("conflict") + "</error>"), errc::invalid_jid,
                 value_at("by='", 2), "<error/> 'by'");
    expect_error(wrap("<error type='cancel' by=''>" + cond("conflict") + "</error>"), errc::invalid_jid, value_at("by='"),
                 "<error/> 'by'");
    StanzaError built(Condition::conflict);
    built.by = Jid{};
    expect_refused(built, "'by' is an empty JID");
}

// XEP-0086: a legacy numeric code stands in for a missing condition and type.
BOOST_AUTO_TEST_CASE(legacy_codes) {
    StanzaError e404 = parse_ok("<error code='404'/>");
    BOOST_TEST((e404.condition == Condition::item_not_found));
    BOOST_TEST((e404.type == ErrorType::cancel));
    BOOST_TEST(*e404.legacy_code == 404u);
    StanzaError e503 = parse_ok("<error code='503'/>");
    BOOST_TEST((e503.condition == Condition::service_unavailable));
    BOOST_TEST((e503.type == ErrorType::cancel));
    StanzaError e401 = parse_ok("<error code='401'/>");
    BOOST_TEST((e401.condition == Condition::not_authorized));
    BOOST_TEST((e401.type == ErrorType::auth));
    // What is present wins over the table.
    StanzaError typed = parse_ok("<error code='404' type='modify'/>");
    BOOST_TEST((typed.condition == Condition::item_not_found));
    BOOST_TEST((typed.type == ErrorType::modify));
    StanzaError conditioned = parse_ok("<error code='404' type='cancel'>" + cond("conflict") + "</error>");
    BOOST_TEST((conditioned.condition == Condition::conflict));
    BOOST_TEST(*conditioned.legacy_code == 404u);
    // The code is never written: the canonical form is the RFC 6120 one.
    BOOST_TEST(xml_of(e404) == "<iq type='error' id='e'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:"
                               "xmpp-stanzas'/></error></iq>");

    expect_error(wrap("<error code='abc'/>"), errc::invalid_error, value_at("code='"),
                 "legacy error code 'abc' is not a number");
    expect_error(wrap("<error code=''/>"), errc::invalid_error, value_at("code='"), "legacy error code '' is not a number");
    expect_error(wrap("<error code='-404'/>"), errc::invalid_error, value_at("code='"), "is not a number");
    // A number XEP-0086 does not list gives no condition.
    expect_error(wrap("<error code='499'/>"), errc::missing_condition, at("<error"), "no defined condition");
    expect_error(wrap("<error code='499' type='cancel'/>"), errc::missing_condition, at("<error"));
    // A listed code supplies the condition but a bad type is still an error.
    expect_error(wrap("<error code='404' type='later'/>"), errc::invalid_error_type, value_at("<error code='404' type='"),
                 "'later'");
}

// XEP-0086 §4 (spot checks of the table).
BOOST_AUTO_TEST_CASE(legacy_error_table) {
    struct row { unsigned code; Condition c; ErrorType t; };
    const row rows[] = {
        {302, Condition::redirect, ErrorType::modify},          {400, Condition::bad_request, ErrorType::modify},
        {401, Condition::not_authorized, ErrorType::auth},      {403, Condition::forbidden, ErrorType::auth},
        {404, Condition::item_not_found, ErrorType::cancel},    {405, Condition::not_allowed, ErrorType::cancel},
        {406, Condition::not_acceptable, ErrorType::modify},    {407, Condition::registration_required, ErrorType::auth},
        {408, Condition::remote_server_timeout, ErrorType::wait}, {409, Condition::conflict, ErrorType::cancel},
        {500, Condition::internal_server_error, ErrorType::wait}, {501, Condition::feature_not_implemented, ErrorType::cancel},
        {502, Condition::service_unavailable, ErrorType::wait}, {503, Condition::service_unavailable, ErrorType::cancel},
        {504, Condition::remote_server_timeout, ErrorType::wait}, {510, Condition::service_unavailable, ErrorType::cancel},
    };
    for (const row& r : rows) {
        BOOST_TEST_CONTEXT(r.code) {
            auto l = legacy_error(r.code);
            BOOST_REQUIRE(l.has_value());
            BOOST_TEST(to_string(l->condition) == to_string(r.c));
            BOOST_TEST(to_string(l->type) == to_string(r.t));
        }
    }
    for (unsigned none : {0u, 200u, 301u, 399u, 411u, 499u, 505u, 999u})
        BOOST_TEST(!legacy_error(none).has_value(), none);
}

BOOST_AUTO_TEST_CASE(equality_ignores_legacy_code) {
    StanzaError parsed = parse_ok("<error code='404' type='cancel'>" + cond("item-not-found") + "</error>");
    StanzaError built(ErrorType::cancel, Condition::item_not_found);
    BOOST_TEST(parsed.legacy_code.has_value());
    BOOST_TEST(!built.legacy_code.has_value());
    BOOST_TEST((parsed == built));
    built.legacy_code = 503;
    BOOST_TEST((parsed == built));
    // Every other field counts.
    StanzaError other = built;
    other.type = ErrorType::wait;
    BOOST_TEST((other != built));
    other = built;
    other.text = std::string_view("x");
    BOOST_TEST((other != built));
    other = built;
    other.text = std::string_view("");
    BOOST_TEST((other != built));  // an empty text is not no text
    other = built;
    other.text_lang = "en";
    BOOST_TEST((other != built));
    other = built;
    other.app = AppCondition{"a", "urn:a"};
    BOOST_TEST((other != built));
    other = built;
    other.by = *Jid::parse("example.net");
    BOOST_TEST((other != built));
    other = built;
    other.uri = "xmpp:x";
    BOOST_TEST((other != built));
}

// A full RFC 6120 §8.3.2-style error reply, echoing the request and round-tripping.
BOOST_AUTO_TEST_CASE(full_error_round_trip) {
    const char* xml = R"(<iq from='example.com' id='xyz78' to='juliet@example.com/balcony' type='error'>
  <query xmlns='jabber:iq:roster'/>
  <error type='cancel' by='example.com'>
    <service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
    <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Roster &amp; co. are down</text>
    <down xmlns='urn:example:app'/>
  </error>
</iq>)";
    Parser p;
    auto r = p.parse<Iq<Error, RosterGet>>(xml);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->payload.has_value());
    BOOST_TEST((r->error.condition == Condition::service_unavailable));
    BOOST_TEST(*r->error.text == "Roster & co. are down");
    BOOST_TEST(r->error.app->name == "down");
    std::string canon;
    BOOST_REQUIRE(!serialize(*r, canon));
    BOOST_TEST(canon == "<iq type='error' id='xyz78' from='example.com' to='juliet@example.com/balcony'>"
                        "<query xmlns='jabber:iq:roster'/><error type='cancel' by='example.com'>"
                        "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Roster &amp; co. are down</text>"
                        "<down xmlns='urn:example:app'/></error></iq>");
    Parser q;  // a second parser: r's views live in p
    auto back = q.parse<Iq<Error, RosterGet>>(canon);
    BOOST_REQUIRE(back);
    BOOST_TEST((back->error == r->error));
}

BOOST_AUTO_TEST_SUITE_END()
