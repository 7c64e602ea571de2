// The Prosody interop checks (run by tests/interop/run.sh against a server it started).
// Three sessions built on examples/roster_client/session.hpp: alice twice (a1, a2) and bob.
// Checks, each printed PASS/FAIL:
//   - the roster after each step (empty, add, rename, remove), as seen by a1 and a2;
//   - each roster push arrives at both of alice's sessions (RFC 6121 §2.1.6);
//   - an IQ with an unknown payload sent to the server comes back as an error that xstanza
//     parses into the typed StanzaError service-unavailable/cancel (RFC 6120 §8.4);
//   - a ping from bob to a1's full JID is answered by a1 (XEP-0199 §4.1), and bob's tracker
//     matches the answer; likewise a software version query (XEP-0092);
//   - a1's own ping to the server is answered (XEP-0199 §4.2);
//   - an invalid request from bob to a1 (a roster get carrying an item, RFC 6121 §2.1.3),
//     which a1's parser refuses, is still answered with bad-request and its id (RFC 6120
//     §8.2.3), routed back through Prosody to bob's tracker.
//
//   xstanza-interop --port N [--host 127.0.0.1] [--domain localhost] [--password secret]
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "session.hpp"

using namespace xstanza;
using roster_client::Contact;
using roster_client::Session;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s  %s\n", ok ? "PASS" : "FAIL", what.c_str());
    std::fflush(stdout);
    if (!ok) ++failures;
}

std::optional<std::vector<Contact>> get_roster(Session& s) {
    std::vector<Contact> out;
    bool got = false;
    bool ok = s.call(Iq<Get, RosterGet>("r", RosterGet{}), [&](const IqOutcome& o) {
        if (o.type != IqOutcomeType::result) return;
        auto r = o.parser->cast<Iq<Result, RosterQuery>>(*o.reply);
        if (!r) return;
        got = true;
        for (const RosterItem& item : r->payload.items) out.push_back(Contact::from(item));
    });
    if (!ok || !got) return std::nullopt;
    return out;
}

bool same(const Contact& a, const Contact& b) {
    return a.jid == b.jid && a.name == b.name && a.subscription == b.subscription && a.groups == b.groups;
}

std::string show(const std::optional<std::vector<Contact>>& r) {
    if (!r) return "(no roster)";
    std::string s = "[";
    for (std::size_t i = 0; i < r->size(); ++i) s += (i ? "; " : "") + (*r)[i].describe();
    return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
    std::string host = "127.0.0.1", domain = "localhost", password = "secret";
    std::uint16_t port = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string_view a = argv[i];
        if (a == "--port") port = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
        else if (a == "--host") host = argv[i + 1];
        else if (a == "--domain") domain = argv[i + 1];
        else if (a == "--password") password = argv[i + 1];
    }
    if (port == 0) return std::fprintf(stderr, "usage: xstanza-interop --port N [--host H] [--domain D] [--password P]\n"), 2;

    auto config = [&](const char* user, const char* resource) {
        Session::Config c;
        c.host = host;
        c.port = port;
        c.jid = std::string(user) + "@" + domain;
        c.password = password;
        c.resource = resource;
        c.label = std::string(user) + "/" + resource;
        c.log = stdout;
        return c;
    };
    Session a1(config("alice", "one")), a2(config("alice", "two")), bob(config("bob", "desk"));
    std::vector<Contact> pushes1, pushes2;
    a1.on_roster_push = [&](const Contact& c) { pushes1.push_back(c); };
    a2.on_roster_push = [&](const Contact& c) { pushes2.push_back(c); };
    std::vector<std::string> pinged_by;
    a1.on_ping = [&](std::string_view from) { pinged_by.emplace_back(from); };

    for (Session* s : {&a1, &a2, &bob}) {
        bool ok = s->open();
        check(ok, s->config().label + ": login (SASL PLAIN, bind)" + (ok ? " as " + s->full_jid() : ": " + s->error()));
        if (!ok) return 1;
    }

    // RFC 6121 §2.1.3: both of alice's sessions fetch the roster (which also makes them
    // "interested resources" that get pushes, §2.1.6); fresh accounts have an empty one.
    auto r1 = get_roster(a1), r2 = get_roster(a2);
    check(r1 && r1->empty(), "a1: initial roster is empty " + show(r1));
    check(r2 && r2->empty(), "a2: initial roster is empty " + show(r2));

    const std::string carol = "carol@" + domain;
    std::string_view friends[] = {"Friends"};
    auto step = [&](const char* name, RosterItem item, const std::optional<Contact>& expected) {
        std::size_t p1 = pushes1.size(), p2 = pushes2.size();
        bool result_ok = false;
        bool ok = a1.call(Iq<Set, RosterSet>("s", RosterSet{item, std::nullopt}),
                          [&](const IqOutcome& o) { result_ok = o.type == IqOutcomeType::result; });
        check(ok && result_ok, std::string(name) + ": roster set answered with a result (RFC 6121 §2.1.5)");
        // RFC 6121 §2.1.6: the push goes to every interested resource, the sender's included.
        auto deadline = roster_client::clock::now() + std::chrono::seconds(5);
        bool got1 = a1.pump_until([&] { return pushes1.size() > p1; }, deadline);
        bool got2 = a2.pump_until([&] { return pushes2.size() > p2; }, deadline);
        Contact want = expected ? *expected : Contact::from(item);
        check(got1 && same(pushes1.back(), want), std::string(name) + ": push at a1: " + (got1 ? pushes1.back().describe() : "none"));
        check(got2 && same(pushes2.back(), want), std::string(name) + ": push at a2 (second session): " +
                                                      (got2 ? pushes2.back().describe() : "none"));
        auto after1 = get_roster(a1), after2 = get_roster(a2);
        bool removed = item.subscription == Subscription::remove;
        bool ok1 = after1 && (removed ? after1->empty() : after1->size() == 1 && same((*after1)[0], want));
        bool ok2 = after2 && after1 && after2->size() == after1->size() && (after2->empty() || same((*after2)[0], want));
        check(ok1, std::string(name) + ": roster at a1 " + show(after1));
        check(ok2, std::string(name) + ": roster at a2 " + show(after2));
    };

    RosterItem add;
    add.jid = *Jid::parse(carol);
    add.name = "Carol";
    add.groups = friends;
    step("add", add, std::nullopt);
    RosterItem rename = add;
    rename.name = "Caroline";
    step("rename", rename, std::nullopt);
    RosterItem remove;
    remove.jid = add.jid;
    remove.subscription = Subscription::remove;
    step("remove", remove, std::nullopt);

    // RFC 6120 §8.4: a get with a payload the server does not know -> service-unavailable.
    {
        AnyIq unknown;
        unknown.type = IqType::get;
        unknown.id = "u";
        unknown.to = *Jid::parse(domain);
        unknown.payload = OpaqueElement{"query", "urn:xstanza:interop:unknown",
                                        "<query xmlns='urn:xstanza:interop:unknown'/>"};
        std::optional<StanzaError> typed;
        std::string raw_reply;
        bool ok = a1.call(unknown, [&](const IqOutcome& o) {
            if (o.type != IqOutcomeType::error) return;
            auto e = o.parser->cast<Iq<Error, AnyPayload>>(*o.reply);
            if (e) typed = e->error;
        });
        check(ok && typed.has_value(), "unknown payload: the server answers with an error IQ that parses as Iq<Error>");
        if (typed)
            check(typed->condition == Condition::service_unavailable && typed->type == ErrorType::cancel,
                  std::string("unknown payload: typed StanzaError is ") + std::string(to_string(typed->condition)) + "/" +
                      std::string(to_string(typed->type)) + " (expected service-unavailable/cancel, RFC 6120 §8.4)");
    }

    // XEP-0199 §4.1: bob pings a1's full JID; the server routes it; a1 must answer.
    {
        Iq<Get, ext::Ping> ping("p", ext::Ping{});
        ping.to = *Jid::parse(a1.full_jid());
        std::optional<IqOutcomeType> outcome;
        std::string from;
        bool sent = bob.start(ping, [&](const IqOutcome& o) {
            outcome = o.type;
            if (o.reply && o.reply->from) from = o.reply->from->to_string();
        });
        auto deadline = roster_client::clock::now() + std::chrono::seconds(5);
        bool answered = sent && a1.pump_until([&] { return !pinged_by.empty(); }, deadline);
        bool matched = answered && bob.pump_until([&] { return outcome.has_value(); }, deadline);
        check(answered && pinged_by.back() == bob.full_jid(), "ping bob -> a1: a1 answered a ping from " +
                                                                   (pinged_by.empty() ? std::string("nobody") : pinged_by.back()));
        check(matched && outcome == IqOutcomeType::result && from == a1.full_jid(),
              "ping bob -> a1: bob's tracker matched the result from " + from);
    }

    // XEP-0092: bob asks a1's software version; typed on both sides.
    {
        Iq<Get, ext::VersionQuery> q("v", ext::VersionQuery{});
        q.to = *Jid::parse(a1.full_jid());
        std::optional<std::string> name;
        bool done = false;
        bool sent = bob.start(q, [&](const IqOutcome& o) {
            done = true;
            if (o.type != IqOutcomeType::result) return;
            auto r = o.parser->cast<Iq<Result, ext::SoftwareVersion>>(*o.reply);
            if (r) name = std::string(r->payload.name);
        });
        auto deadline = roster_client::clock::now() + std::chrono::seconds(5);
        // a1 answers while bob waits: alternate between the two sessions.
        while (sent && !done && roster_client::clock::now() < deadline) {
            a1.pump_for(std::chrono::milliseconds(20));
            bob.pump_until([&] { return done; }, roster_client::clock::now() + std::chrono::milliseconds(20));
        }
        check(name && *name == "xstanza roster_client", "version bob -> a1: " + name.value_or("(no answer)"));
    }

    // RFC 6120 §8.2.3: a refused request is answered. bob sends a1 a roster get with an item
    // (RFC 6121 §2.1.3 allows none); a1's parser refuses it and answers bad-request.
    {
        Iq<Get, AnyPayload> bad("b", AnyPayload(OpaqueElement{"query", roster_ns,
                                                              "<query xmlns='jabber:iq:roster'><item jid='x@example.com'/></query>"}));
        bad.to = *Jid::parse(a1.full_jid());
        std::optional<StanzaError> error;
        std::string from;
        bool done = false;
        bool sent = bob.start(bad, [&](const IqOutcome& o) {
            done = true;
            if (o.error()) error = *o.error();
            if (o.reply && o.reply->from) from = o.reply->from->to_string();
        });
        auto deadline = roster_client::clock::now() + std::chrono::seconds(5);
        while (sent && !done && roster_client::clock::now() < deadline) {
            a1.pump_for(std::chrono::milliseconds(20));
            bob.pump_until([&] { return done; }, roster_client::clock::now() + std::chrono::milliseconds(20));
        }
        check(error && error->condition == Condition::bad_request && from == a1.full_jid(),
              "invalid request bob -> a1: answered " + (error ? std::string(to_string(error->condition)) : std::string("nothing")) +
                  " from " + from + " (RFC 6120 §8.2.3)");
    }

    // XEP-0199 §4.2: a1 pings its server.
    {
        Iq<Get, ext::Ping> ping("p", ext::Ping{});
        ping.to = *Jid::parse(domain);
        bool pong = false;
        bool ok = a1.call(ping, [&](const IqOutcome& o) { pong = o.type == IqOutcomeType::result; });
        check(ok && pong, "ping a1 -> " + domain + ": result");
    }

    for (Session* s : {&a1, &a2, &bob}) {
        check(s->error().empty(), s->config().label + ": no session error" + (s->error().empty() ? "" : ": " + s->error()));
        s->close();
    }
    std::printf("%s: %d failure%s\n", failures ? "FAILED" : "OK", failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
