// <presence/> (RFC 6121 §4.7, §3, RFC 6120 §8): the RFC's examples, typed and runtime-typed
// parses, every presence rule read and written, receiver and sender rules, subscription
// answers, error replies.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"
#include "../support/helpers.hpp"

using namespace xstanza;
using test_helpers::at;
using test_helpers::expect_error;
using test_helpers::xml_of;

namespace {

const rules sender = rules::sender();

}  // namespace

BOOST_AUTO_TEST_SUITE(presence)

// RFC 6121 §4.7.2.2, §4.7.2.3: show, two statuses, priority.
BOOST_AUTO_TEST_CASE(rfc_examples) {
    const std::string xml =
        "<presence from='romeo@example.net/orchard' id='jx62vs97' xml:lang='en'><show>dnd</show>"
        "<status>Wooing Juliet</status><status xml:lang='cs'>Dvo&#x0159;&#x00ED;m se Julii</status>"
        "<priority>1</priority></presence>";
    Parser p;
    result<Presence<Available>> r = p.parse<Presence<Available>>(xml);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST((r->show == Show::dnd));
    BOOST_TEST(r->priority.value_or(-1) == 1);
    BOOST_TEST(r->status().value_or("") == "Wooing Juliet");
    BOOST_TEST(r->status("cs").value_or("") == "Dvo\xc5\x99\xc3\xadm se Julii");
    result<Presence<Unavailable>> u = p.parse<Presence<Unavailable>>(
        "<presence from='romeo@example.net/orchard' id='oy6sb241' type='unavailable' xml:lang='en'><status>Busy IRL</status></presence>");
    BOOST_REQUIRE_MESSAGE(u, u.error().message());
    BOOST_TEST(u->status().value_or("") == "Busy IRL");
    result<Presence<Subscribe>> s = p.parse<Presence<Subscribe>>(
        "<presence from='romeo@example.net' id='uc51xs63' to='nurse@example.com' type='subscribe'>"
        "<status>Hi, Juliet told me to add you to my buddy list.</status></presence>");
    BOOST_REQUIRE_MESSAGE(s, s.error().message());
    // RFC 6121 §4.7.3: extended content, here entity capabilities, kept.
    result<AnyPresence> c = p.parse<AnyPresence>(
        "<presence from='romeo@example.net'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' "
        "node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/></presence>");
    BOOST_REQUIRE_MESSAGE(c, c.error().message());
    BOOST_TEST(c->extensions.size() == 1u);
    BOOST_TEST(c->extensions[0].name == "c");
    // RFC 6120 §8.4: a presence whose only child is unknown reads as a childless one.
    BOOST_TEST((c->type == PresenceType::available));
    BOOST_TEST((c->show == Show::none));
    BOOST_TEST(c->statuses.size() == 0u);
    BOOST_TEST(!c->priority);
}

// An extension using a prefix declared on <presence>: unsupported, naming the presence.
BOOST_AUTO_TEST_CASE(extension_with_the_stanzas_prefix) {
    const std::string xml = "<presence xmlns:c='http://jabber.org/protocol/caps'><c:c hash='h' node='n' ver='v'/></presence>";
    expect_error<AnyPresence>(xml, errc::unsupported, at(xml, "<c:c"),
                              "extension <c:c> uses a namespace prefix declared on <presence>");
}

// A child whose xmlns='' leaves it in no namespace, like the stanza written without one: the
// two empty namespaces are compared without a memcmp on a null pointer (a long fuzz run
// found that call under UBSan, which CI's sanitizer build runs this test in).
BOOST_AUTO_TEST_CASE(child_in_no_namespace) {
    const std::string xml = "<presence><c xmlns='' ver='v'/></presence>";
    expect_error<AnyPresence>(xml, errc::wrong_namespace, at(xml, "<c "), "no <presence/> child");
}

// RFC 6121 §4.7.2.3: "If no priority is provided, the processing server or client MUST
// consider the priority to be zero".
BOOST_AUTO_TEST_CASE(absent_priority_is_zero) {
    Parser p;
    result<Presence<Available>> r = p.parse<Presence<Available>>("<presence/>");
    BOOST_REQUIRE(r);
    BOOST_TEST(!r->priority);
    BOOST_TEST(r->effective_priority() == 0);
    BOOST_TEST((r->show == Show::none));
}

BOOST_AUTO_TEST_CASE(canonical_output_round_trips) {
    const std::string in[] = {
        "<presence id='p1' from='romeo@example.net/orchard' xml:lang='en'><show>xa</show><status>s</status>"
        "<priority>-128</priority><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/></presence>",
        "<presence type='unavailable'/>",
        "<presence type='subscribed' id='h4v1c4kj' to='romeo@example.net'/>",
        "<presence type='probe' from='a@b' to='c@d'/>",
        "<presence><priority>127</priority></presence>",
    };
    for (const std::string& xml : in) {
        Parser p;
        result<AnyStanza> s = p.parse<AnyStanza>(xml);
        BOOST_REQUIRE_MESSAGE(s, xml << ": " << s.error().message());
        BOOST_TEST(s->kind() == StanzaKind::presence);
        BOOST_TEST(xml_of(*s) == xml);
    }
}

// RFC 6121 §4.7.1: an unknown type is answered bad-request; there is no type='available'.
BOOST_AUTO_TEST_CASE(unknown_type_is_refused_and_answerable) {
    const std::string xml = "<presence from='a@b/c' to='d@e' id='p9' type='online'/>";
    expect_error<AnyPresence>(xml, errc::unknown_type, test_helpers::value_at("type='"), "RFC 6121 §4.7.1");
    expect_error<AnyPresence>("<presence type='available'/>", errc::unknown_type, test_helpers::value_at("type='"));
    Parser p;
    result<AnyStanza> r = p.parse<AnyStanza>(xml);
    BOOST_REQUIRE(!r);
    std::optional<AnyStanza> reply = stanza_error_reply(r.error());
    BOOST_REQUIRE(reply);
    BOOST_TEST(xml_of(*reply).find("<presence type='error' id='p9' from='d@e' to='a@b/c'><error type='modify'><bad-request") == 0u);
}

// RFC 6121 §4.7.2.1, §4.7.2.3: the values, one of each; one bad presence is that stanza's
// error, answerable, and the next one parses (it does not end the stream, as it did in Smack).
BOOST_AUTO_TEST_CASE(show_and_priority_values) {
    const std::string online = "<presence><show>online</show></presence>";
    expect_error<AnyPresence>(online, errc::invalid_show, at(online, "<show"), "away, chat, dnd or xa");
    const std::string big = "<presence><priority>5225</priority></presence>";
    expect_error<AnyPresence>(big, errc::invalid_priority, at(big, "<priority"), "-128 to 127");
    for (const char* bad : {"128", "-129", "1.5", "", "+", "x", "0x1", "99999999999"}) {
        const std::string xml = std::string("<presence><priority>") + bad + "</priority></presence>";
        expect_error<AnyPresence>(xml, errc::invalid_priority, at(xml, "<priority"));
    }
    Parser p;
    for (const char* good : {" 5 ", "+7", "-0", "0127"}) {
        result<AnyPresence> r = p.parse<AnyPresence>(std::string("<presence><priority>") + good + "</priority></presence>");
        BOOST_TEST(bool(r), good);
    }
    result<AnyPresence> spaced = p.parse<AnyPresence>("<presence><show> away </show></presence>");
    BOOST_REQUIRE(spaced);  // an xs:token: white space around it is not part of it
    BOOST_TEST((spaced->show == Show::away));
    const std::string two = "<presence><show>away</show><show>xa</show></presence>";
    expect_error<AnyPresence>(two, errc::duplicate_child, at(two, "<show>xa"), "RFC 6121 §4.7.2.1");
    const std::string twop = "<presence><priority>1</priority><priority>2</priority></presence>";
    expect_error<AnyPresence>(twop, errc::duplicate_child, at(twop, "<priority>2"), "RFC 6121 §4.7.2.3");
    const std::string mixed = "<presence><status>a<b xmlns='urn:x'/></status></presence>";
    expect_error<AnyPresence>(mixed, errc::mixed_content, at(mixed, "<status"));
    expect_error<AnyPresence>("<presence><status>a</status><status>b</status></presence>", errc::duplicate_lang, 0,
                              "two <status/>");
    result<AnyStanza> refused = p.parse<AnyStanza>(big);
    BOOST_TEST(bool(stanza_error_reply(refused.error())));
    BOOST_TEST(bool(p.parse<AnyStanza>("<presence><priority>5</priority></presence>")));
}

// RFC 6121 §4.5.1: "the unavailable presence stanza MUST NOT contain the <priority/> element
// or the <show/> element": a sender's rule. A receiver ignores them there (and on the other
// types, where xstanza keeps them off too).
BOOST_AUTO_TEST_CASE(show_and_priority_only_when_available) {
    const std::string xml = "<presence type='unavailable'><show>away</show><priority>1</priority></presence>";
    Parser p;
    result<AnyPresence> r = p.parse<AnyPresence>(xml);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST((r->show == Show::none));
    BOOST_TEST(!r->priority);
    expect_error<AnyPresence>(xml, errc::invalid_show, at(xml, "<show"), "RFC 6121 §4.5.1", sender);
    const std::string sub = "<presence type='subscribe'><priority>1</priority></presence>";
    expect_error<AnyPresence>(sub, errc::invalid_priority, at(sub, "<priority"), "only available presence", sender);
    AnyPresence a;
    a.type = PresenceType::unavailable;
    a.show = Show::away;
    test_helpers::expect_serialize_refused(a, "RFC 6121 §4.5.1");
    a.show = Show::none;
    a.priority = 3;
    test_helpers::expect_serialize_refused(a, "only available presence carries them");
}

BOOST_AUTO_TEST_CASE(serialize_checks_the_rules) {
    Presence<Available> p;
    p.priority = 300;
    test_helpers::expect_serialize_refused(p, "RFC 6121 §4.7.2.3");
    p.priority = -1;
    p.show = Show(9);
    test_helpers::expect_serialize_refused(p, "RFC 6121 §4.7.2.1");
    p.show = Show::chat;
    BOOST_TEST(xml_of(p) == "<presence><show>chat</show><priority>-1</priority></presence>");
    AnyPresence e;
    e.type = PresenceType::error;
    test_helpers::expect_serialize_refused(e, "has no <error/> child");  // RFC 6120 §8.3.1: needs its StanzaError
}

BOOST_AUTO_TEST_CASE(typed_parse_checks_the_type) {
    expect_error<Presence<Available>>("<presence type='unavailable'/>", errc::type_mismatch, 0,
                                      "expected a presence of type available, found unavailable");
    expect_error<Presence<Subscribe>>("<presence/>", errc::type_mismatch, 0, "found available");
    expect_error<Presence<Available>>("<message/>", errc::not_stanza, 0, "expected <presence>");
    const char* cond = "<remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>";
    Parser p;
    result<Presence<Error>> e =
        p.parse<Presence<Error>>(std::string("<presence type='error'><error type='cancel'>") + cond + "</error></presence>");
    BOOST_REQUIRE_MESSAGE(e, e.error().message());
    BOOST_TEST((e->error.condition == Condition::remote_server_not_found));
}

// RFC 6121 §3.1.4: approve and deny answer a subscribe request, to the requester's bare JID,
// with an id that "MUST NOT mirror the 'id' attribute of the subscription request".
BOOST_AUTO_TEST_CASE(approve_and_deny) {
    Parser p;
    result<Presence<Subscribe>> req = p.parse<Presence<Subscribe>>(
        "<presence from='romeo@example.net/orchard' id='xk3h1v69' to='juliet@example.com' type='subscribe'/>");
    BOOST_REQUIRE(req);
    result<Presence<Subscribed>> yes = approve(*req, "h4v1c4kj");
    BOOST_REQUIRE(yes);
    BOOST_TEST(xml_of(*yes) == "<presence type='subscribed' id='h4v1c4kj' to='romeo@example.net'/>");
    result<Presence<Unsubscribed>> no = deny(*req, "tb2m1b59");
    BOOST_REQUIRE(no);
    BOOST_TEST(xml_of(*no) == "<presence type='unsubscribed' id='tb2m1b59' to='romeo@example.net'/>");
    result<Presence<Subscribed>> mirrored = approve(*req, "xk3h1v69");
    BOOST_TEST(!mirrored);
    BOOST_TEST(mirrored.error().message().find("RFC 6121 §3.1.4") != std::string_view::npos);
    // Pre-approval (§3.4) and cancelling (§3.2): built on their own.
    Presence<Subscribed> pre;
    pre.to = *Jid::parse("nurse@example.com");
    BOOST_TEST(xml_of(pre) == "<presence type='subscribed' to='nurse@example.com'/>");
}

// RFC 6121 §3.1.1: in the subscription request a user's client sends, "the value of the 'to'
// attribute MUST be a bare JID". A receiver takes a full JID (the servers SHOULD treat it as
// the bare one, §3.1.2, §3.1.3); a client's sender rules refuse it, and so does serialize for
// a client. Only the request: an approval or a directed presence may go to a full JID.
// §3.1.2: the user's server "MUST check the syntax of the JID contained in the 'to'
// attribute": one that is no JID is refused, and answered jid-malformed.
BOOST_AUTO_TEST_CASE(subscription_request_goes_to_a_bare_jid) {
    const std::string full = "<presence id='s1' to='juliet@example.com/balcony' type='subscribe'/>";
    Parser p;
    result<AnyPresence> r = p.parse<AnyPresence>(full);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->to->resource() == "balcony");
    Parser server(parse_limits{}, rules::receiver(role::server));
    BOOST_TEST(bool(server.parse<AnyPresence>(full)));
    expect_error<AnyPresence>(full, errc::invalid_jid, test_helpers::value_at("to='"), "RFC 6121 §3.1.1", sender);
    Parser client_sender(parse_limits{}, sender);
    BOOST_TEST(bool(client_sender.parse<AnyPresence>("<presence id='s1' to='juliet@example.com' type='subscribe'/>")));
    BOOST_TEST(bool(client_sender.parse<AnyPresence>("<presence to='juliet@example.com/balcony' type='subscribed'/>")));
    BOOST_TEST(bool(client_sender.parse<AnyPresence>("<presence to='juliet@example.com/balcony'/>")));
    Parser server_sender(parse_limits{}, rules::sender(role::server));
    BOOST_TEST(bool(server_sender.parse<AnyPresence>(full)));
    AnyPresence any = *r;
    test_helpers::expect_serialize_refused(any, "RFC 6121 §3.1.1");
    Presence<Subscribe> request;
    request.to = *Jid::parse("juliet@example.com/balcony");
    test_helpers::expect_serialize_refused(request, "RFC 6121 §3.1.1");
    std::string out;
    BOOST_TEST(!serialize(request, out, role::server));
    request.to = request.to->bare();
    BOOST_TEST(xml_of(request) == "<presence type='subscribe' to='juliet@example.com'/>");
    const std::string bad = "<presence from='romeo@example.net' id='s2' to='juliet@@example.com' type='subscribe'/>";
    expect_error<AnyPresence>(bad, errc::invalid_jid, test_helpers::value_at("to='", 7), "RFC 7622",
                              rules::receiver(role::server));
    result<AnyStanza> refused = server.parse<AnyStanza>(bad);
    BOOST_REQUIRE(!refused);
    std::optional<AnyStanza> reply = stanza_error_reply(refused.error());
    BOOST_REQUIRE(reply);
    BOOST_TEST(xml_of(*reply).find("<presence type='error' id='s2' to='romeo@example.net'><error type='modify'><jid-malformed") == 0u);
}

// RFC 6121 §4.7.2.1, §4.7.2.2, §4.7.2.3: <show/>, <status/> and <priority/> "MUST NOT
// contain mixed content"; the text serialize writes in them is character data, escaped.
BOOST_AUTO_TEST_CASE(children_hold_character_data_only) {
    for (const std::string child : {"show", "status", "priority"}) {
        const std::string mixed = "<presence><" + child + ">1<b xmlns='urn:x'/></" + child + "></presence>";
        expect_error<AnyPresence>(mixed, errc::mixed_content, at(mixed, "<" + child), "character data only");
        const std::string element = "<presence><" + child + "><b xmlns='urn:x'/></" + child + "></presence>";
        expect_error<AnyPresence>(element, errc::mixed_content, at(element, "<" + child), "character data only");
    }
    Presence<Available> p;
    p.statuses = "<b xmlns='urn:x'/> & more";
    const std::string out = xml_of(p);
    BOOST_TEST(out.find("<status>&lt;b") == out.find("<status>"));
    Parser q;
    result<Presence<Available>> back = q.parse<Presence<Available>>(out);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST(back->status().value_or("") == "<b xmlns='urn:x'/> & more");
}

// RFC 6121 §4.7.1: "if the presence stanza is of type error, it MUST include an <error/>
// child element"; RFC 6120 §8.3.1: only an error stanza carries one, and exactly one.
BOOST_AUTO_TEST_CASE(error_only_on_error_presence) {
    const char* cond = "<gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>";
    const std::string error = std::string("<error type='cancel'>") + cond + "</error>";
    expect_error<AnyPresence>("<presence type='error'/>", errc::missing_error, 0, "RFC 6120 §8.3.1");
    expect_error<AnyPresence>("<presence type='error'/>", errc::missing_error, 0, "RFC 6120 §8.3.1", sender);
    const std::string stray = "<presence type='unavailable'>" + error + "</presence>";
    expect_error<AnyPresence>(stray, errc::unexpected_error, at(stray, "<error"), "RFC 6120 §8.3.1");
    const std::string two = "<presence type='error'>" + error + error + "</presence>";
    expect_error<AnyPresence>(two, errc::invalid_error, at(two, error + "</presence>"), "RFC 6120 §8.3.1");
    AnyPresence a;
    a.type = PresenceType::error;
    test_helpers::expect_serialize_refused(a, "RFC 6120 §8.3.1");
    a.type = PresenceType::available;
    a.error = StanzaError(Condition::gone);
    test_helpers::expect_serialize_refused(a, "RFC 6120 §8.3.1");
    a.type = PresenceType::error;
    BOOST_TEST(xml_of(a).find("<presence type='error'><error type='cancel'><gone") == 0u);
}

BOOST_AUTO_TEST_CASE(error_presence_is_never_answered) {
    Parser p;
    result<AnyStanza> r = p.parse<AnyStanza>("<presence type='error' id='x'/>");
    BOOST_REQUIRE(!r);
    BOOST_TEST(to_string(r.error().code()) == "missing_error");
    BOOST_TEST(!stanza_error_reply(r.error()));
    Presence<Available> a;
    a.id = "q";
    a.from = *Jid::parse("a@b/c");
    Presence<Error> e = make_error(a, StanzaError(Condition::not_authorized));
    BOOST_TEST(e.id == "q");
    BOOST_TEST((e.to == a.from));
}

// RFC 6120 §8.1.1.2, §8.1.2.2 on a server-to-server stream, as for an IQ.
BOOST_AUTO_TEST_CASE(server_stream_needs_addresses) {
    stream_context s2s{jabber_server_ns, {}};
    Parser p;
    result<AnyStanza> r = p.parse<AnyStanza>("<presence from='a@b'/>", s2s);
    BOOST_REQUIRE(!r);
    BOOST_TEST(to_string(r.error().code()) == "missing_address");
    BOOST_TEST(!stanza_error_reply(r.error()));  // the stream's business (improper-addressing)
    BOOST_TEST(bool(p.parse<AnyStanza>("<presence from='a@b' to='c@d'/>", s2s)));
}

// XEP-0115 caps and XEP-0203 delay as typed presence extensions (the extension point).
BOOST_AUTO_TEST_CASE(typed_caps_and_delay) {
    const std::string in =
        "<presence from='romeo@example.net/orchard'><show>away</show>"
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>"
        "<delay xmlns='urn:xmpp:delay' from='example.net' stamp='2002-09-10T23:41:07Z'/></presence>";
    Parser p;
    result<Presence<Available, Caps, Delay>> r = p.parse<Presence<Available, Caps, Delay>>(in);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_REQUIRE(r->get<Caps>());
    BOOST_TEST(r->get<Caps>()->node == "http://psi-im.org");
    BOOST_REQUIRE(r->get<Delay>());
    BOOST_TEST(r->get<Delay>()->stamp == "2002-09-10T23:41:07Z");
    BOOST_TEST(r->extensions.empty());
    BOOST_TEST(xml_of(*r) == in.substr(0, in.find("<show>")) + "<show>away</show>" + in.substr(in.find("<c ")));
    // The extension's own rules are its codec's: a caps without ver is refused.
    const std::string bad = "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n'/></presence>";
    expect_error<Presence<Available, Caps>>(bad, errc::invalid_payload, at(bad, "<c "));
    // Kept opaque when the type does not name it.
    result<Presence<Available>> plain = p.parse<Presence<Available>>(bad);
    BOOST_REQUIRE(plain);
    BOOST_TEST(plain->extensions.size() == 1u);
}

BOOST_AUTO_TEST_CASE(visit_gives_the_typed_presence) {
    Parser p;
    result<AnyStanza> s = p.parse<AnyStanza>("<presence type='unsubscribe' to='a@b'/>");
    BOOST_REQUIRE(s);
    const AnyPresence* any = s->presence();
    BOOST_REQUIRE(any);
    bool unsubscribe = any->visit([](const auto& typed) {
        return std::is_same_v<typename std::decay_t<decltype(typed)>::type_tag, Unsubscribe>;
    });
    BOOST_TEST(unsubscribe);
}

BOOST_AUTO_TEST_SUITE_END()
