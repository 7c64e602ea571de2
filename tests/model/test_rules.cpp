// Sender rules and receiver rules (rules.hpp): what RFC 6120 and RFC 6121 tell a receiver
// to accept, ignore or map, what they forbid a sender, the answer to a refused request
// (reply.hpp), and the value syntaxes (xml:lang, URIs) the stanza rules refer to. Each test
// names the rule it checks; docs/CONFORMANCE.md points here.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/helpers.hpp"

using namespace xstanza;
using test_helpers::cond;
using test_helpers::expect_refused;
using test_helpers::jid;
using test_helpers::xml_of;

namespace {

constexpr rules client_receiver = rules::receiver(role::client);
constexpr rules server_receiver = rules::receiver(role::server);
constexpr rules client_sender = rules::sender(role::client);
constexpr rules server_sender = rules::sender(role::server);

// Parses `xml` as AnyIq under `r`; the parser outlives the result (views point into it).
struct parsed {
    Parser parser;
    result<AnyIq> iq;
    parsed(std::string_view xml, rules r) : parser(parse_limits{}, r), iq(parser.parse<AnyIq>(xml)) {}
};

void expect_code(const parsed& p, errc code) {
    BOOST_TEST_CONTEXT(p.iq.error().message()) {
        BOOST_TEST(!p.iq);
        BOOST_TEST(to_string(p.iq.error().code()) == to_string(code));
    }
}

std::string error_iq(std::string_view inside) { return "<iq type='error' id='e'><error type='cancel'>" + std::string(inside) + "</error></iq>"; }
std::string roster_iq(std::string_view type, std::string_view item) {
    return "<iq type='" + std::string(type) + "' id='r'><query xmlns='jabber:iq:roster'>" + std::string(item) + "</query></iq>";
}

// The serialized error reply to a refused request.
std::string reply_of(const parse_error& e) {
    std::optional<Iq<Error>> reply = error_reply(e);
    BOOST_REQUIRE_MESSAGE(reply, "no reply for " << e.message());
    return xml_of(*reply);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)

// RFC 6120 §8.3.2: "if an entity receives a stanza error condition that it does not
// understand then it MUST treat the unknown condition as equivalent to <undefined-condition/>".
BOOST_AUTO_TEST_CASE(receiver_maps_unknown_condition) {
    for (std::string_view name : {"future-condition", "payment-required"}) {
        parsed p(error_iq(cond(name)), client_receiver);
        BOOST_TEST_REQUIRE(bool(p.iq), p.iq.error().message());
        BOOST_TEST((p.iq->error->condition == Condition::undefined_condition));
        BOOST_TEST(p.iq->error->unknown_condition == name);
        // The sender writes what it means: undefined-condition, never the unknown name.
        std::string out = xml_of(*p.iq);
        BOOST_TEST(out.find("<undefined-condition") != std::string::npos);
        BOOST_TEST(out.find(std::string(name)) == std::string::npos);
    }
    // Typed parsing takes it too, so a tracked request sees its error answer.
    Parser parser;
    auto typed = parser.parse<Iq<Error>>(error_iq(cond("future-condition") + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>x</text>"));
    BOOST_TEST_REQUIRE(bool(typed));
    BOOST_TEST(typed->error.unknown_condition == "future-condition");
    BOOST_TEST(*typed->error.text == "x");
    // Still one condition only: an unknown one beside a defined one is two (RFC 6120 §8.3.2).
    expect_code(parsed(error_iq(cond("bad-request") + cond("future-condition")), client_receiver), errc::multiple_conditions);
    expect_code(parsed(error_iq(cond("future-condition") + cond("bad-request")), client_receiver), errc::multiple_conditions);
}

// RFC 6120 §8.3.3: a sender uses one of the defined conditions.
BOOST_AUTO_TEST_CASE(sender_rejects_unknown_condition) {
    expect_code(parsed(error_iq(cond("future-condition")), client_sender), errc::unknown_condition);
    expect_code(parsed(error_iq(cond("payment-required")), server_sender), errc::unknown_condition);
    // A value outside the enumeration is never written.
    StanzaError e(ErrorType::cancel, Condition(200));
    expect_refused(Iq<Error>("e", e), "condition outside the enumeration");
}

// RFC 6121 §2.1.2.5: a client ignores subscription values other than none, to, from and
// both in a roster result, and other than those and remove in a push.
BOOST_AUTO_TEST_CASE(receiver_ignores_unknown_subscription) {
    for (std::string_view value : {"pending", "remove", "Both", ""}) {
        parsed p(roster_iq("result", "<item jid='a@b.c' subscription='" + std::string(value) + "'/>"), client_receiver);
        BOOST_TEST_REQUIRE(bool(p.iq), p.iq.error().message());
        const RosterItem& item = p.iq->payload.roster()->items[0];
        BOOST_TEST((item.subscription == Subscription::none));
        BOOST_TEST((item.ignored_subscription == value));
    }
    parsed push(roster_iq("set", "<item jid='a@b.c' subscription='remove'/>"), client_receiver);
    BOOST_TEST_REQUIRE(bool(push.iq));
    BOOST_TEST((push.iq->payload.roster()->items[0].subscription == Subscription::remove));
    BOOST_TEST(!push.iq->payload.roster()->items[0].ignored_subscription.has_value());
    parsed odd_push(roster_iq("set", "<item jid='a@b.c' subscription='pending'/>"), client_receiver);
    BOOST_TEST_REQUIRE(bool(odd_push.iq));
    BOOST_TEST((odd_push.iq->payload.roster()->items[0].ignored_subscription == "pending"));
    // Typed parsing follows the same rules.
    Parser parser;
    auto typed = parser.parse<Iq<Result, RosterQuery>>(roster_iq("result", "<item jid='a@b.c' subscription='remove'/>"));
    BOOST_TEST_REQUIRE(bool(typed));
    BOOST_TEST((typed->payload.items[0].ignored_subscription == "remove"));
}

// RFC 6121 §2.1.5: "The server MUST ignore any value of the 'subscription' attribute other
// than 'remove'" in a roster set it receives.
BOOST_AUTO_TEST_CASE(server_ignores_subscription_in_set) {
    for (std::string_view value : {"both", "none", "to", "from", "pending"}) {
        parsed p(roster_iq("set", "<item jid='a@b.c' subscription='" + std::string(value) + "'/>"), server_receiver);
        BOOST_TEST_REQUIRE(bool(p.iq), p.iq.error().message());
        BOOST_TEST((p.iq->payload.roster()->items[0].subscription == Subscription::none));
        BOOST_TEST((p.iq->payload.roster()->items[0].ignored_subscription == value));
    }
    parsed remove(roster_iq("set", "<item jid='a@b.c' subscription='remove'/>"), server_receiver);
    BOOST_TEST_REQUIRE(bool(remove.iq));
    BOOST_TEST((remove.iq->payload.roster()->items[0].subscription == Subscription::remove));
}

// RFC 6121 §2.1.2.5: a sender writes one of the defined values, and remove only in a set.
BOOST_AUTO_TEST_CASE(sender_rejects_unknown_subscription) {
    expect_code(parsed(roster_iq("result", "<item jid='a@b.c' subscription='pending'/>"), server_sender), errc::invalid_roster);
    expect_code(parsed(roster_iq("result", "<item jid='a@b.c' subscription='remove'/>"), server_sender), errc::invalid_roster);
    expect_code(parsed(roster_iq("set", "<item jid='a@b.c' subscription='pending'/>"), client_sender), errc::invalid_roster);
    BOOST_TEST(bool(parsed(roster_iq("set", "<item jid='a@b.c' subscription='remove'/>"), client_sender).iq));
    RosterItem item{jid("a@b.c")};
    item.subscription = Subscription::remove;
    expect_refused(Iq<Result, RosterQuery>("r", RosterQuery{std::nullopt, span<const RosterItem>(&item, 1)}),
                   "subscription 'remove' appears only in a roster set");
}

// RFC 6121 §2.1.2.1, §2.1.2.2: a client MUST NOT include 'approved' or 'ask' in a roster set;
// a server's push may carry them.
BOOST_AUTO_TEST_CASE(client_roster_set_has_no_approved_or_ask) {
    for (std::string_view attribute : {"approved='true'", "ask='subscribe'"}) {
        std::string xml = roster_iq("set", "<item jid='a@b.c' " + std::string(attribute) + "/>");
        expect_code(parsed(xml, client_sender), errc::invalid_roster);
        BOOST_TEST(bool(parsed(xml, server_sender).iq));
        BOOST_TEST(bool(parsed(xml, client_receiver).iq));  // a push a client receives
    }
    RosterItem item{jid("a@b.c")};
    item.ask = true;
    Iq<Set, RosterSet> set("s", RosterSet{item});
    expect_refused(set, "carries no 'approved' or 'ask'");
    std::string out;
    BOOST_TEST(!serialize(set, out, role::server));
    BOOST_TEST(out.find("ask='subscribe'") != std::string::npos);
    item.ask = false;
    item.approved = true;
    expect_refused(Iq<Set, RosterSet>("s", RosterSet{item}), "carries no 'approved' or 'ask'");
    // A result may carry them whoever writes it.
    BOOST_TEST(!serialize(Iq<Result, RosterQuery>("r", RosterQuery{std::nullopt, span<const RosterItem>(&item, 1)}), out));
}

// RFC 6120 §8.2.3: an IQ of a type other than get, set, result and error is answered with
// bad-request; the reply keeps the id and goes back to the sender.
BOOST_AUTO_TEST_CASE(unknown_iq_type_is_answerable) {
    std::string xml = "<iq type='query' id='q7' from='romeo@example.net/orchard' to='juliet@example.com'><ping xmlns='urn:xmpp:ping'/></iq>";
    parsed p(xml, client_receiver);
    expect_code(p, errc::unknown_type);
    const rejected_request* r = p.iq.error().request();
    BOOST_TEST_REQUIRE(r);
    BOOST_TEST(r->id == "q7");
    BOOST_TEST(r->type == "query");
    std::string reply = reply_of(p.iq.error());
    BOOST_TEST(reply.find("<iq type='error' id='q7' from='juliet@example.com' to='romeo@example.net/orchard'>") == 0, reply);
    BOOST_TEST(reply.find("<error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>") != std::string::npos, reply);
    BOOST_TEST(reply.find("xml:lang='en'>unknown IQ type 'query'") != std::string::npos, reply);
    // The reply parses back as an error IQ.
    Parser check;
    BOOST_TEST(bool(check.parse<Iq<Error>>(reply)));
}

// RFC 6120 §8.2.3, §8.3.1: an invalid get or set gets an error carrying its id: two payloads,
// a roster get with an item, a roster set with two (RFC 6121 §2.1.3, §2.1.5), a bad JID
// (jid-malformed, §8.3.3.8), a payload nobody here handles (service-unavailable, §8.4).
BOOST_AUTO_TEST_CASE(invalid_request_is_answerable) {
    struct case_ {
        const char* xml;
        errc code;
        const char* condition;
    };
    const case_ cases[] = {
        {"<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'/><ping xmlns='urn:xmpp:ping'/></iq>", errc::payload_count, "bad-request"},
        {"<iq type='get' id='a'><query xmlns='jabber:iq:roster'><item jid='x@y.z'/></query></iq>", errc::roster_item_count, "bad-request"},
        {"<iq type='set' id='a'><query xmlns='jabber:iq:roster'><item jid='x@y.z'/><item jid='u@v.w'/></query></iq>", errc::roster_item_count, "bad-request"},
        {"<iq type='set' id='a'><query xmlns='jabber:iq:roster'><item jid='x@@y'/></query></iq>", errc::invalid_jid, "jid-malformed"},
        {"<iq type='get' id='a' xml:lang='not a tag'><ping xmlns='urn:xmpp:ping'/></iq>", errc::invalid_lang, "bad-request"},
        {"<iq type='get' id='a'/>", errc::payload_count, "bad-request"},
    };
    for (const case_& c : cases) {
        parsed p(c.xml, client_receiver);
        BOOST_TEST_CONTEXT(c.xml) {
            expect_code(p, c.code);
            std::string reply = reply_of(p.iq.error());
            BOOST_TEST(reply.find("id='a'") != std::string::npos, reply);
            BOOST_TEST(reply.find("<" + std::string(c.condition) + " ") != std::string::npos, reply);
        }
    }
    // A typed parse that wants another payload: the request is valid, this entity does not handle it.
    Parser parser;
    auto typed = parser.parse<Iq<Get, RosterGet>>("<iq type='get' id='b'><ping xmlns='urn:xmpp:ping'/></iq>");
    BOOST_TEST_REQUIRE(!typed);
    BOOST_TEST(reply_of(typed.error()).find("<service-unavailable ") != std::string::npos);
    // A bad 'from' cannot be answered to: the reply has no 'to' and the server routes it back.
    parsed bad_from("<iq type='get' id='c' from='a@@b'><ping xmlns='urn:xmpp:ping'/></iq>", client_receiver);
    std::string reply = reply_of(bad_from.iq.error());
    BOOST_TEST(reply.find(" to=") == std::string::npos, reply);
    BOOST_TEST(reply.find("<jid-malformed ") != std::string::npos, reply);
    // IqTracker writes the same reply.
    std::string answer;
    BOOST_TEST(IqTracker::answer_refused(bad_from.iq.error(), answer));
    BOOST_TEST(answer == reply);
}

// RFC 6120 §8.2.3: a result or error is never answered; nor is XML that is not well-formed
// (a stream error, RFC 6120 §4.9.3.13) or an IQ without id or type.
BOOST_AUTO_TEST_CASE(response_is_not_answerable) {
    for (const char* xml : {
             "<iq type='result' id='a'><x xmlns='u'/><y xmlns='u'/></iq>",
             "<iq type='error' id='a'><error type='cancel'/></iq>",
             "<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'></iq>",
             "<iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>",
             "<iq id='a'><ping xmlns='urn:xmpp:ping'/></iq>",
             "<message type='chat' id='a'/>",
         }) {
        parsed p(xml, client_receiver);
        BOOST_TEST_CONTEXT(xml) {
            BOOST_TEST(!p.iq);
            BOOST_TEST(!p.iq.error().request());
            BOOST_TEST(!error_reply(p.iq.error()));
            std::string answer = "kept";
            BOOST_TEST(!IqTracker::answer_refused(p.iq.error(), answer));
            BOOST_TEST(answer == "kept");
        }
    }
}

// RFC 6121 §2.3.3: a duplicate group is bad-request, an empty one not-acceptable: two codes.
BOOST_AUTO_TEST_CASE(duplicate_and_empty_group_replies) {
    parsed duplicate(roster_iq("set", "<item jid='a@b.c'><group>g</group><group>g</group></item>"), client_receiver);
    expect_code(duplicate, errc::invalid_roster);
    BOOST_TEST(reply_of(duplicate.iq.error()).find("<bad-request ") != std::string::npos);
    parsed empty(roster_iq("set", "<item jid='a@b.c'><group></group></item>"), client_receiver);
    expect_code(empty, errc::empty_group);
    BOOST_TEST(reply_of(empty.iq.error()).find("<not-acceptable ") != std::string::npos);
    BOOST_TEST(to_string(errc::empty_group) == "empty_group");
}

// RFC 6120 §8.1.5: xml:lang MUST be an NMTOKEN conforming to BCP 47 (RFC 5646); "" is not.
BOOST_AUTO_TEST_CASE(lang_must_be_language_tag) {
    for (const char* tag : {"en", "de-CH", "zh-Hant-TW", "sl-rozaj-biske", "x-klingon", "i-klingon", "es-419", "en-US-x-twain"})
        BOOST_TEST(is_language_tag(tag), tag);
    for (const char* tag : {"", "not a tag", "en_US", "toolongsubtag", "en-", "-en", "en--US", "e", "x", "en-a", "1en"})
        BOOST_TEST(!is_language_tag(tag), tag);
    for (const char* lang : {"not a tag", ""}) {
        std::string xml = "<iq type='result' id='a' xml:lang='" + std::string(lang) + "'/>";
        expect_code(parsed(xml, client_receiver), errc::invalid_lang);
        expect_code(parsed(error_iq(cond("bad-request") + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='" +
                                    lang + "'>t</text>"),
                           client_receiver),
                    errc::invalid_lang);
        Iq<Result> r("a");
        r.lang = lang;
        if (*lang) expect_refused(r, "is not a language tag");
        StanzaError e(Condition::bad_request);
        e.text = "t";
        e.text_lang = lang;
        if (*lang) expect_refused(Iq<Error>("e", e), "is not a language tag");
    }
    parsed ok("<iq type='result' id='a' xml:lang='de-CH'/>", client_receiver);
    BOOST_TEST_REQUIRE(bool(ok.iq));
    BOOST_TEST(ok.iq->lang == "de-CH");
}

// RFC 6120 §8.1.5: xml:lang on <error/> gives <text/> its language; a text_lang without a
// text would be a language of nothing and is refused rather than dropped.
BOOST_AUTO_TEST_CASE(error_lang_is_kept) {
    parsed p("<iq type='error' id='e'><error type='cancel' xml:lang='de'>" + cond("conflict") +
                 "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Konflikt</text></error></iq>",
             client_receiver);
    BOOST_TEST_REQUIRE(bool(p.iq), p.iq.error().message());
    BOOST_TEST(p.iq->error->text_lang == "de");
    std::string out = xml_of(*p.iq);
    BOOST_TEST(out.find("<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='de'>Konflikt</text>") != std::string::npos, out);
    // The text's own xml:lang wins over the error's.
    parsed own("<iq type='error' id='e'><error type='cancel' xml:lang='de'>" + cond("conflict") +
                   "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='fr'>conflit</text></error></iq>",
               client_receiver);
    BOOST_TEST_REQUIRE(bool(own.iq));
    BOOST_TEST(own.iq->error->text_lang == "fr");
    StanzaError e(Condition::conflict);
    e.text_lang = "de";
    expect_refused(Iq<Error>("e", e), "text_lang without a text");
}

// RFC 6120 §8.1.5: a stanza without xml:lang is in the stream's language (the receiver MUST
// assume it); its own xml:lang wins.
BOOST_AUTO_TEST_CASE(stream_lang_is_assumed) {
    std::string stream = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                         "version='1.0' xml:lang='fr'><iq type='result' id='a'/><iq type='result' id='b' xml:lang='de'/>";
    StreamReader reader;
    reader.feed(stream.data(), stream.size());
    Parser parser;
    std::string langs;
    for (;;) {
        StreamEvent ev = reader.next();
        if (ev.type == StreamEventType::need_more) break;
        if (ev.type != StreamEventType::element) continue;
        auto iq = parser.parse_in_situ<AnyIq>(ev.data, ev.size, reader.context());
        BOOST_TEST_REQUIRE(bool(iq), iq.error().message());
        langs += std::string(iq->id) + "=" + std::string(iq->lang) + ";";
    }
    BOOST_TEST(langs == "a=fr;b=de;");
    // The copying parse takes the context too.
    auto copied = parser.parse<AnyIq>("<iq type='result' id='c'/>", reader.context());
    BOOST_TEST_REQUIRE(bool(copied));
    BOOST_TEST(copied->lang == "fr");
    BOOST_TEST(reader.context().lang == "fr");
    BOOST_TEST(reader.context().content_ns == "jabber:client");
}

// RFC 6120 §8.3.2: an application-specific condition is an element qualified by its own
// namespace; a prefixed name would not parse back in it (Namespaces in XML 1.0 §5).
BOOST_AUTO_TEST_CASE(app_condition_name_is_ncname) {
    StanzaError e(Condition::bad_request);
    e.app = AppCondition{"p:x", "urn:app"};
    expect_refused(Iq<Error>("e", e), "a prefixed name");
    e.app = AppCondition{"x", "urn:app"};
    std::string out = xml_of(Iq<Error>("e", e));
    Parser parser;
    auto back = parser.parse<Iq<Error>>(out);
    BOOST_TEST_REQUIRE(bool(back));
    BOOST_TEST(back->error.app->name == "x");
    BOOST_TEST(back->error.app->ns == "urn:app");
    // The writer itself refuses names a reader could not resolve.
    std::string sink;
    for (std::string_view name : {"a:b", "a:", ":a"}) {
        xml_writer w(&detail::append_to_string, &sink);
        w.open(name, "urn:x");
        BOOST_TEST(w.failed(), name);
    }
}

// RFC 6120 §8.3.1: <error/> belongs to a type='error' stanza only, never as a payload; and a
// hand-built payload's bytes must carry the namespace it claims.
BOOST_AUTO_TEST_CASE(opaque_error_payload_refused) {
    for (OpaqueElement bad : {OpaqueElement{"error", "jabber:client", "<error xmlns='jabber:client' type='cancel'/>"},
                              OpaqueElement{"error", "", "<error type='cancel'/>"},
                              OpaqueElement{"query", "urn:a", "<query xmlns='urn:b'/>"},
                              OpaqueElement{"query", "urn:a", "<other xmlns='urn:a'/>"},
                              OpaqueElement{"query", "", "<query/>"}}) {
        BOOST_TEST_CONTEXT(bad.xml) {
            expect_refused(Iq<Get, AnyPayload>("g", AnyPayload(bad)), "");
            AnyIq any;
            any.id = "g";
            any.type = IqType::set;
            any.payload = bad;
            expect_refused(any, "");
        }
    }
    BOOST_TEST(xml_of(Iq<Get, AnyPayload>("g", AnyPayload(OpaqueElement{"q", "urn:a", "<p:q xmlns:p='urn:a'/>"}))).size() > 0);
    BOOST_TEST(xml_of(Iq<Get, AnyPayload>("g", AnyPayload(OpaqueElement{"q", "urn:a", "<q xmlns='urn:a'/>"}))).size() > 0);
}

// RFC 6120 §8.4: an extension element "MUST possess a namespace declaration (other than
// jabber:client, jabber:server, or http://etherx.jabber.org/streams)"; on both sides.
BOOST_AUTO_TEST_CASE(payload_namespace_is_its_own) {
    for (const char* ns : {"jabber:client", "jabber:server", "http://etherx.jabber.org/streams", ""}) {
        const std::string payload = "<query xmlns='" + std::string(ns) + "'/>";
        parsed p("<iq type='get' id='n'>" + payload + "</iq>", client_receiver);
        expect_code(p, errc::wrong_namespace);
        BOOST_TEST(reply_of(p.iq.error()).find("<bad-request ") != std::string::npos);
        expect_refused(Iq<Get, AnyPayload>("n", AnyPayload(OpaqueElement{"query", ns, payload})), "");
    }
    expect_code(parsed("<iq type='get' id='n'><query/></iq>", client_receiver), errc::wrong_namespace);
    BOOST_TEST(is_extension_namespace("urn:xmpp:ping"));
    BOOST_TEST(!is_extension_namespace("jabber:client"));
}

// RFC 6120 §8.1.1.2, §8.1.2.2: on a server-to-server stream, stanzas carry 'to' and 'from'.
BOOST_AUTO_TEST_CASE(s2s_stanza_needs_to_and_from) {
    const char* full = "<iq xmlns='jabber:server' type='result' id='a' from='a.example' to='b.example'/>";
    BOOST_TEST(bool(parsed(full, server_receiver).iq));
    expect_code(parsed("<iq xmlns='jabber:server' type='result' id='a' from='a.example'/>", server_receiver), errc::missing_address);
    expect_code(parsed("<iq xmlns='jabber:server' type='get' id='a' to='b.example'><ping xmlns='urn:xmpp:ping'/></iq>", server_receiver),
                errc::missing_address);
    // Not answerable: it is the stream's improper-addressing.
    BOOST_TEST(!parsed("<iq xmlns='jabber:server' type='get' id='a' to='b.example'><ping xmlns='urn:xmpp:ping'/></iq>",
                       server_receiver).iq.error().request());
    // An unqualified <iq/> on a jabber:server stream is in jabber:server.
    Parser parser;
    std::string bare = "<iq type='result' id='a'/>";
    stream_context s2s{jabber_server_ns, {}};
    auto r = parser.parse_in_situ<AnyIq>(bare.data(), bare.size(), s2s);
    BOOST_TEST(to_string(r.error().code()) == "missing_address");
    BOOST_TEST(bool(parser.parse<AnyIq>("<iq type='result' id='a'/>")));  // jabber:client by default
}

// RFC 6120 §8.3.3.5, §8.3.3.14: <gone/> and <redirect/> MAY hold character data, which MUST
// then be a URI or IRI.
BOOST_AUTO_TEST_CASE(gone_redirect_text_is_uri) {
    for (std::string_view name : {"gone", "redirect"}) {
        std::string open = "<" + std::string(name) + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>";
        std::string close = "</" + std::string(name) + ">";
        parsed ok(error_iq(open + "xmpp:romeo@afterlife.example.net" + close), client_receiver);
        BOOST_TEST_REQUIRE(bool(ok.iq), ok.iq.error().message());
        BOOST_TEST(ok.iq->error->uri == "xmpp:romeo@afterlife.example.net");
        parsed spaced(error_iq(open + "\n  xmpp:juliet@capulet.example \n" + close), client_receiver);
        BOOST_TEST_REQUIRE(bool(spaced.iq));
        BOOST_TEST(spaced.iq->error->uri == "xmpp:juliet@capulet.example");
        BOOST_TEST(bool(parsed(error_iq(open + close), client_receiver).iq));  // empty stays valid
        expect_code(parsed(error_iq(open + "not a uri" + close), client_receiver), errc::invalid_error);
        expect_code(parsed(error_iq(open + "romeo" + close), client_sender), errc::invalid_error);
        StanzaError e(name == "gone" ? Condition::gone : Condition::redirect);
        e.uri = "somewhere else";
        expect_refused(Iq<Error>("e", e), "is not a URI or IRI");
        e.uri = "xmpp:romeo@example.net?message";
        BOOST_TEST(xml_of(Iq<Error>("e", e)).find(">xmpp:romeo@example.net?message</") != std::string::npos);
    }
    for (const char* uri : {"xmpp:a@b", "http://x/y?z#f", "mailto:a%20b", "xmpp:\xC3\xA9@x"}) BOOST_TEST(is_uri(uri), uri);
    for (const char* uri : {"", "a", ":b", "1a:b", "a:b c", "a:%2", "a:#b#c", "a:<b>"}) BOOST_TEST(!is_uri(uri), uri);
}

BOOST_AUTO_TEST_SUITE_END()
