// IqTracker: ids, matching answers by id and sender, exactly one outcome per request,
// timeouts, and answering requests nobody handles (RFC 6120 §8.2.3, §8.4, §10.1).
#include <boost/test/unit_test.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xstanza/codec/ping.hpp>
#include <xstanza/session/tracker.hpp>
#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {

using clock_type = IqTracker::clock;
const clock_type::time_point t0{};
const clock_type::time_point later = t0 + std::chrono::seconds(30);

// Records outcomes.
struct outcomes {
    std::vector<IqOutcomeType> types;
    std::vector<std::string> ids;
    std::vector<std::optional<Condition>> conditions;
    IqTracker::outcome_handler handler() {
        return [this](const IqOutcome& o) {
            types.push_back(o.type);
            ids.emplace_back(o.id);
            conditions.push_back(o.error() ? std::optional<Condition>(o.error()->condition) : std::nullopt);
        };
    }
};

// Parses `xml` and dispatches it.
IqDisposition feed(IqTracker& t, Parser& p, std::string& buffer, const std::string& xml, std::string& answer) {
    buffer = xml;
    result<AnyIq> iq = p.parse_in_situ<AnyIq>(buffer);
    BOOST_REQUIRE_MESSAGE(iq, iq.error().message());
    return t.dispatch(*iq, p, answer);
}

IqDisposition feed(IqTracker& t, Parser& p, const std::string& xml) {
    static std::string buffer;
    std::string answer;
    IqDisposition d = feed(t, p, buffer, xml, answer);
    BOOST_TEST(answer.empty());  // RFC 6120 §8.2.3: results and errors are never answered
    return d;
}

// Requests to an entity: its tracker (for `account`, or none yet), a parser, and the answer
// to the last request dispatched.
struct requests {
    IqTracker t;
    Parser p;
    std::string buffer, answer;
    explicit requests(std::string_view account = {}) : t(account) {}
    // Parses `xml` and dispatches it, into a cleared `answer`.
    IqDisposition dispatch(const std::string& xml) {
        answer.clear();
        return feed(t, p, buffer, xml, answer);
    }
};

// Registers a handler for the requests of type Type carrying Payload: it counts its calls in
// `calls` and answers each request with the empty result.
template <class Type, class Payload>
void answer_with_result(IqTracker& t, int& calls) {
    BOOST_TEST((!t.on<Type, Payload>([&calls](const Iq<Type, Payload>& request, std::string& out) {
        ++calls;
        return !serialize(make_result(request), out);
    })));
}

Iq<Get, ext::Ping> ping_to(std::string_view id, const char* to) {
    Iq<Get, ext::Ping> ping(id, ext::Ping{});
    if (to) ping.to = *Jid::parse(to);
    return ping;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tracker)

BOOST_AUTO_TEST_CASE(ids_are_unique_and_printable) {
    IqTracker t;
    std::set<std::string> seen;
    for (int i = 0; i < 5000; ++i) {
        IqId id = t.new_id();
        std::string s(id.view());
        BOOST_REQUIRE(!s.empty());
        BOOST_REQUIRE(s.size() < sizeof id.text);
        for (char c : s)
            BOOST_REQUIRE(((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                           c == '_' || c == '.'));
        BOOST_REQUIRE(seen.insert(s).second);
    }
    // Unpredictable: two trackers do not produce the same sequence.
    IqTracker a, b;
    BOOST_TEST(std::string(a.new_id().view()) != std::string(b.new_id().view()));
}

BOOST_AUTO_TEST_CASE(result_matched_exactly_once) {
    IqTracker t("juliet@example.com");
    Parser p;
    outcomes o;
    BOOST_TEST(!t.track(ping_to("p1", "romeo@example.net/orchard"), later, o.handler()));
    BOOST_TEST(t.pending() == 1u);
    BOOST_TEST(t.is_pending("p1"));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p1' from='romeo@example.net/orchard'/>") == IqDisposition::matched));
    BOOST_REQUIRE(o.types.size() == 1u);
    BOOST_TEST((o.types[0] == IqOutcomeType::result));
    BOOST_TEST(o.ids[0] == "p1");
    BOOST_TEST(t.pending() == 0u);
    // A second answer with the same id finds nothing: one outcome per request.
    BOOST_TEST((feed(t, p, "<iq type='result' id='p1' from='romeo@example.net/orchard'/>") == IqDisposition::unmatched));
    BOOST_TEST(t.expire(later + std::chrono::hours(1)) == 0u);
    BOOST_TEST(o.types.size() == 1u);
}

BOOST_AUTO_TEST_CASE(error_outcome_carries_the_typed_error) {
    IqTracker t("juliet@example.com");
    Parser p;
    std::optional<StanzaError> error;
    std::optional<Iq<Error>> typed;
    BOOST_TEST(!t.track(ping_to("p2", "romeo@example.net/orchard"), later, [&](const IqOutcome& o) {
        if (o.error()) error = *o.error();
        auto r = o.parser->cast<Iq<Error>>(*o.reply);
        if (r) typed = *r;
    }));
    BOOST_TEST((feed(t, p,
                     "<iq type='error' id='p2' from='romeo@example.net/orchard'><error type='cancel'>"
                     "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>") ==
                IqDisposition::matched));
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST((error->condition == Condition::service_unavailable));
    BOOST_TEST((error->type == ErrorType::cancel));
    BOOST_REQUIRE(typed.has_value());
    BOOST_TEST((typed->error.condition == Condition::service_unavailable));
}

// RFC 6120 §8.3.2: an error with a condition this entity does not know is still the
// request's answer (as <undefined-condition/>), not a timeout later.
BOOST_AUTO_TEST_CASE(error_with_unknown_condition_is_the_answer) {
    IqTracker t("juliet@example.com");
    Parser p;
    std::vector<IqOutcomeType> outcomes;
    std::string unknown;
    BOOST_TEST(!t.track(ping_to("p9", "romeo@example.net/orchard"), later, [&](const IqOutcome& o) {
        outcomes.push_back(o.type);
        if (o.error()) unknown = std::string(o.error()->unknown_condition);
    }));
    BOOST_TEST((feed(t, p,
                     "<iq type='error' id='p9' from='romeo@example.net/orchard'><error type='auth'>"
                     "<payment-required xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>") ==
                IqDisposition::matched));
    BOOST_TEST(t.expire(later) == 0u);
    BOOST_REQUIRE(outcomes.size() == 1u);
    BOOST_TEST((outcomes[0] == IqOutcomeType::error));
    BOOST_TEST(unknown == "payment-required");
}

// RFC 6120 §8.2.3, §10.1: an answer from another entity is not the answer.
BOOST_AUTO_TEST_CASE(answer_from_another_sender_is_not_accepted) {
    IqTracker t("juliet@example.com/balcony");
    Parser p;
    outcomes o;
    BOOST_TEST(!t.track(ping_to("p3", "romeo@example.net/orchard"), later, o.handler()));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3' from='tybalt@example.net/orchard'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3' from='romeo@example.net/garden'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3' from='romeo@example.net'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3' from='example.com'/>") == IqDisposition::wrong_sender));
    BOOST_TEST(o.types.empty());
    BOOST_TEST(t.is_pending("p3"));
    // RFC 7622 §3.2, §3.3: domain and localpart compare case-insensitively.
    BOOST_TEST((feed(t, p, "<iq type='result' id='p3' from='Romeo@EXAMPLE.net/orchard'/>") == IqDisposition::matched));
    BOOST_TEST(o.types.size() == 1u);
}

// RFC 6120 §10.3, §8.1.2.1: a request without 'to' is answered by the user's server.
BOOST_AUTO_TEST_CASE(request_without_to_is_answered_by_the_account_or_server) {
    IqTracker t("juliet@example.com/balcony");
    Parser p;
    outcomes o;
    const char* ok_senders[] = {"", " from='juliet@example.com'", " from='example.com'", " from='EXAMPLE.COM'"};
    int n = 0;
    for (const char* from : ok_senders) {
        std::string id = "r" + std::to_string(n++);
        BOOST_TEST(!t.track(Iq<Get, RosterGet>(id, RosterGet{}), later, o.handler()));
        BOOST_TEST_CONTEXT(from) {
            BOOST_TEST((feed(t, p, "<iq type='result' id='" + id + "'" + from + "/>") == IqDisposition::matched));
        }
    }
    BOOST_TEST(o.types.size() == 4u);
    const char* bad_senders[] = {" from='juliet@example.com/balcony'", " from='romeo@example.com'", " from='example.net'",
                                 " from='example.com/admin'"};
    BOOST_TEST(!t.track(Iq<Get, RosterGet>("r9", RosterGet{}), later, o.handler()));
    for (const char* from : bad_senders) {
        BOOST_TEST_CONTEXT(from) {
            BOOST_TEST((feed(t, p, std::string("<iq type='result' id='r9'") + from + "/>") == IqDisposition::wrong_sender));
        }
    }
    BOOST_TEST(t.is_pending("r9"));
}

BOOST_AUTO_TEST_CASE(request_to_own_bare_jid_may_be_answered_without_from) {
    IqTracker t("juliet@example.com/balcony");
    Parser p;
    outcomes o;
    BOOST_TEST(!t.track(ping_to("b1", "juliet@example.com"), later, o.handler()));
    BOOST_TEST((feed(t, p, "<iq type='result' id='b1'/>") == IqDisposition::matched));
    BOOST_TEST(!t.track(ping_to("b2", "juliet@example.com"), later, o.handler()));
    BOOST_TEST((feed(t, p, "<iq type='result' id='b2' from='juliet@example.com'/>") == IqDisposition::matched));
    // To someone else's bare JID: that JID must answer.
    BOOST_TEST(!t.track(ping_to("b3", "romeo@example.net"), later, o.handler()));
    BOOST_TEST((feed(t, p, "<iq type='result' id='b3'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='b3' from='romeo@example.net'/>") == IqDisposition::matched));
    BOOST_TEST(o.types.size() == 3u);
}

BOOST_AUTO_TEST_CASE(account_unknown_accepts_only_answers_without_from) {
    IqTracker t;  // before binding, e.g. the bind request itself
    Parser p;
    outcomes o;
    BOOST_TEST(!t.track(Iq<Get, RosterGet>("x1", RosterGet{}), later, o.handler()));
    BOOST_TEST((feed(t, p, "<iq type='result' id='x1' from='example.com'/>") == IqDisposition::wrong_sender));
    BOOST_TEST((feed(t, p, "<iq type='result' id='x1'/>") == IqDisposition::matched));
    BOOST_TEST(!t.set_account("juliet@example.com/balcony"));
    BOOST_TEST((t.set_account("not a jid@").code() == errc::invalid_jid));
}

BOOST_AUTO_TEST_CASE(timeout_is_the_one_outcome) {
    IqTracker t("juliet@example.com");
    Parser p;
    outcomes o;
    BOOST_TEST(!t.track(ping_to("t1", "example.com"), t0 + std::chrono::seconds(5), o.handler()));
    BOOST_TEST(!t.track(ping_to("t2", "example.com"), t0 + std::chrono::seconds(10), o.handler()));
    BOOST_TEST((*t.next_deadline() == t0 + std::chrono::seconds(5)));
    BOOST_TEST(t.expire(t0 + std::chrono::seconds(4)) == 0u);
    BOOST_TEST(t.expire(t0 + std::chrono::seconds(5)) == 1u);
    BOOST_REQUIRE(o.types.size() == 1u);
    BOOST_TEST((o.types[0] == IqOutcomeType::timeout));
    BOOST_TEST(o.ids[0] == "t1");
    // A late answer is unmatched; the other request still waits.
    BOOST_TEST((feed(t, p, "<iq type='result' id='t1' from='example.com'/>") == IqDisposition::unmatched));
    BOOST_TEST((*t.next_deadline() == t0 + std::chrono::seconds(10)));
    BOOST_TEST(t.cancel("t2"));
    BOOST_TEST(!t.cancel("t2"));
    BOOST_TEST(o.types.size() == 2u);
    BOOST_TEST(!t.next_deadline().has_value());
}

BOOST_AUTO_TEST_CASE(cancel_all_when_the_stream_ends) {
    IqTracker t;
    outcomes o;
    for (int i = 0; i < 3; ++i) BOOST_TEST(!t.track(ping_to("c" + std::to_string(i), "example.com"), later, o.handler()));
    BOOST_TEST(t.cancel_all() == 3u);
    BOOST_TEST(o.types.size() == 3u);
    BOOST_TEST(t.pending() == 0u);
}

BOOST_AUTO_TEST_CASE(track_misuse) {
    IqTracker t;
    outcomes o;
    BOOST_TEST(!t.track(ping_to("d", "example.com"), later, o.handler()));
    BOOST_TEST((t.track(ping_to("d", "example.com"), later, o.handler()).code() == errc::invalid_data));  // already pending
    BOOST_TEST((t.track(ping_to("", "example.com"), later, o.handler()).code() == errc::missing_id));
    AnyIq result;
    result.type = IqType::result;
    result.id = "r";
    BOOST_TEST((t.track(result, later, o.handler()).code() == errc::invalid_data));
    BOOST_TEST((t.on_request(IqType::result, "x", "y", nullptr).code() == errc::invalid_data));
}

BOOST_AUTO_TEST_CASE(handlers_may_track_and_throw) {
    IqTracker t("juliet@example.com");
    Parser p;
    int calls = 0;
    BOOST_TEST(!t.track(ping_to("h1", "example.com"), later, [&](const IqOutcome&) {
        ++calls;
        BOOST_TEST(!t.track(ping_to("h2", "example.com"), later, [&](const IqOutcome&) {
            ++calls;
            throw std::runtime_error("a handler's exception stays inside");
        }));
    }));
    BOOST_TEST((feed(t, p, "<iq type='result' id='h1' from='example.com'/>") == IqDisposition::matched));
    BOOST_TEST(t.is_pending("h2"));
    BOOST_TEST((feed(t, p, "<iq type='result' id='h2' from='example.com'/>") == IqDisposition::matched));
    BOOST_TEST(calls == 2);
    BOOST_TEST(t.pending() == 0u);
}

// RFC 6120 §8.4: a get/set nobody handles is answered with service-unavailable.
BOOST_AUTO_TEST_CASE(unhandled_requests_get_service_unavailable) {
    requests r("juliet@example.com/balcony");
    BOOST_TEST((r.dispatch("<iq type='get' id='q1' from='romeo@example.net/orchard' to='juliet@example.com/balcony'>"
                           "<query xmlns='jabber:iq:version'/></iq>") == IqDisposition::unhandled));
    BOOST_TEST(r.answer ==
               "<iq type='error' id='q1' from='juliet@example.com/balcony' to='romeo@example.net/orchard'><error type='cancel'>"
               "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    Parser check;
    auto e = check.parse<Iq<Error>>(r.answer);
    BOOST_REQUIRE(e);
    BOOST_TEST((e->error.condition == Condition::service_unavailable));
    // A set too, and the roster payload (a roster push nobody registered for).
    BOOST_TEST((r.dispatch("<iq type='set' id='q2'><query xmlns='jabber:iq:roster'><item jid='a@b'/></query></iq>") ==
                IqDisposition::unhandled));
    BOOST_TEST(r.answer == "<iq type='error' id='q2'><error type='cancel'><service-unavailable "
                           "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
}

BOOST_AUTO_TEST_CASE(registered_handlers_answer) {
    requests r("juliet@example.com/balcony");
    int pings = 0;
    answer_with_result<Get, ext::Ping>(r.t, pings);
    BOOST_TEST((r.dispatch("<iq type='get' id='s2c1' from='example.com' to='juliet@example.com/balcony'>"
                           "<ping xmlns='urn:xmpp:ping'/></iq>") == IqDisposition::handled));
    BOOST_TEST(pings == 1);
    BOOST_TEST(r.answer == "<iq type='result' id='s2c1' from='juliet@example.com/balcony' to='example.com'/>");
    // Only for get: a ping in a set is not handled.
    BOOST_TEST((r.dispatch("<iq type='set' id='s2c2'><ping xmlns='urn:xmpp:ping'/></iq>") == IqDisposition::unhandled));
    // A payload its parser rejects: bad-request (RFC 6120 §8.3.3.1).
    BOOST_TEST((r.dispatch("<iq type='get' id='s2c3'><ping xmlns='urn:xmpp:ping'><x/></ping></iq>") == IqDisposition::handled));
    BOOST_TEST(r.answer.find("<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>") != std::string::npos);
    BOOST_TEST(pings == 1);
}

BOOST_AUTO_TEST_CASE(declining_and_throwing_handlers) {
    requests r;
    BOOST_TEST(!r.t.on_request(IqType::get, "query", "urn:example:decline",
                               [](const AnyIq&, Parser&, std::string& out) {
                                   out = "partial";  // discarded when declining
                                   return false;
                               }));
    BOOST_TEST((r.dispatch("<iq type='get' id='d1'><query xmlns='urn:example:decline'/></iq>") == IqDisposition::unhandled));
    BOOST_TEST(r.answer.find("<service-unavailable") != std::string::npos);
    BOOST_TEST(r.answer.find("partial") == std::string::npos);
    BOOST_TEST(!r.t.on_request(IqType::get, "query", "urn:example:throw",
                               [](const AnyIq&, Parser&, std::string&) -> bool { throw std::runtime_error("boom"); }));
    BOOST_TEST((r.dispatch("<iq type='get' id='d2'><query xmlns='urn:example:throw'/></iq>") == IqDisposition::handled));
    // RFC 6120 §8.3.3.6
    BOOST_TEST(r.answer == "<iq type='error' id='d2'><error type='cancel'><internal-server-error "
                           "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
}

// RFC 6121 §2.1.6: a client MUST ignore a roster push unless it has no 'from' or one that
// matches the user's bare JID (not the server's domain, not a full JID, not a stranger).
BOOST_AUTO_TEST_CASE(ignores_push_from_stranger) {
    requests r("juliet@example.com/balcony");
    int pushes = 0;
    answer_with_result<Set, RosterSet>(r.t, pushes);
    const std::string item = "<query xmlns='jabber:iq:roster'><item jid='nurse@example.com'/></query></iq>";
    for (const char* from : {" from='romeo@example.net'", " from='example.com'", " from='juliet@example.com/balcony'",
                             " from='juliet@example.net'"}) {
        BOOST_TEST((r.dispatch("<iq type='set' id='p1'" + std::string(from) + ">" + item) == IqDisposition::ignored), from);
        BOOST_TEST(r.answer.empty());
    }
    BOOST_TEST(pushes == 0);
    for (const char* from : {"", " from='juliet@example.com'", " from='Juliet@Example.com'"}) {
        BOOST_TEST((r.dispatch("<iq type='set' id='p2'" + std::string(from) + ">" + item) == IqDisposition::handled), from);
        BOOST_TEST(r.answer.find("type='result' id='p2'") != std::string::npos);
    }
    BOOST_TEST(pushes == 3);
    // With the account unknown, only a push without 'from' is taken.
    requests unknown;
    BOOST_TEST((unknown.dispatch("<iq type='set' id='p3' from='juliet@example.com'>" + item) == IqDisposition::ignored));
}

// RFC 6120 §8.2.3: a get or set the parser refused is still answered, with its id.
BOOST_AUTO_TEST_CASE(answers_refused_request) {
    Parser p;
    std::string buffer = "<iq type='get' id='bad1' from='romeo@example.net/orchard'><ping xmlns='urn:xmpp:ping'/><x xmlns='u'/></iq>";
    result<AnyIq> iq = p.parse_in_situ<AnyIq>(buffer);
    BOOST_TEST_REQUIRE(!iq);
    std::string answer;
    BOOST_TEST(IqTracker::answer_refused(iq.error(), answer));
    BOOST_TEST(answer.find("<iq type='error' id='bad1' to='romeo@example.net/orchard'><error type='modify'><bad-request ") == 0,
               answer);
}

BOOST_AUTO_TEST_SUITE_END()
