// The Prosody interop checks (run by tests/interop/run.sh against a server it started).
// Four sessions built on examples/roster_client/session.hpp: alice twice (a1 = alice/one,
// a2 = alice/two) and bob twice (bob/desk, bob/phone). Every stanza Prosody sends is parsed
// as an AnyStanza and read through its typed form; nothing matches strings in the XML.
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
//     §8.2.3), routed back through Prosody to bob's tracker;
//   - messages and presence (a1 and bob/phone first send initial presence, which the server
//     reflects back, RFC 6121 §4.2.2):
//     1. the subscription handshake (RFC 6121 §3.1), alice -> bob then bob -> alice: the
//        Presence<Subscribe> arrives at the contact from the user's bare JID, approve() answers
//        it with an id of its own, the Presence<Subscribed> arrives with that id, and the
//        roster pushes carry the states §3.1.2, §3.1.5, §3.1.6 name (none+ask, from, to; then
//        from+ask, both, both), then the contact's current presence (§3.1.5);
//     2. presence broadcast: bob/desk's initial Presence<Available> (dnd, a status, priority
//        5) reaches alice from bob's full JID with the same show/status/priority, and so does
//        its Presence<Unavailable> with a status (RFC 6121 §4.2, §4.5);
//     3. a Message<Chat> with body and thread a1 -> bob/desk, and the answer in the same thread;
//     4. a message to nobody@DOMAIN comes back as a Message<Error> whose typed StanzaError is
//        service-unavailable/cancel, what RFC 6121 §8.5.1 allows (the other choice is silence);
//     5. disco#info of the server (XEP-0030): identity category server, features disco#info
//        and jabber:iq:roster, read typed (Iq<Result, DiscoInfoQuery>) in query_disco_info.
//
//   xstanza-interop --port N [--host 127.0.0.1] [--domain localhost] [--password secret]
#include <chrono>
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

constexpr std::chrono::milliseconds wait_time{5000};

std::string text(const std::optional<Jid>& j) { return j ? j->to_string() : std::string("(none)"); }
std::string text(const std::optional<std::string_view>& t) { return t ? "'" + std::string(*t) + "'" : std::string("(none)"); }

/// A push for `jid` with its subscription and ask, as a line.
std::string describe(const std::optional<Contact>& c) {
    if (!c) return "none";
    return c->describe() + (c->ask ? " ask=subscribe" : "");
}

/// The next roster push for `jid` at `s` (pushes[next...]), waiting for it; `next` moves past it.
std::optional<Contact> next_push(Session& s, const std::vector<Contact>& pushes, std::size_t& next, const std::string& jid) {
    std::optional<Contact> got;
    (void)s.pump_until(
        [&] {
            while (next < pushes.size()) {
                const Contact& c = pushes[next++];
                if (c.jid == jid) {
                    got = c;
                    return true;
                }
            }
            return false;
        },
        roster_client::clock::now() + wait_time);
    return got;
}

/// True when `from` is `want` (a full JID), or any resource of it or itself (a bare JID); the
/// caller checks the exact 'from' where it matters.
bool sent_by(const std::optional<Jid>& from, const Jid& want) {
    return from && (want.is_full() ? *from == want : from->bare() == want);
}

/// Waits at `s` for a presence of `type` sent by `from` (see sent_by).
std::optional<Session::Received> wait_presence(Session& s, PresenceType type, const std::string& from) {
    const Jid want = *Jid::parse(from);
    return s.wait_for(
        [&](const AnyStanza& st) {
            const AnyPresence* p = st.presence();
            return p && p->type == type && sent_by(p->from, want);
        },
        wait_time);
}

/// Waits at `s` for a message of `type` sent by `from` (see sent_by).
std::optional<Session::Received> wait_message(Session& s, MessageType type, const std::string& from) {
    const Jid want = *Jid::parse(from);
    return s.wait_for(
        [&](const AnyStanza& st) {
            const AnyMessage* m = st.message();
            return m && m->type == type && sent_by(m->from, want);
        },
        wait_time);
}

/// What a disco#info result says (XEP-0030 §3.1): identities and features.
struct DiscoInfo {
    struct Identity {
        std::string category, type, name;
    };
    std::vector<Identity> identities;
    std::vector<std::string> features;

    bool has_identity(std::string_view category) const {
        for (const Identity& i : identities)
            if (i.category == category) return true;
        return false;
    }
    bool has_feature(std::string_view var) const {
        for (const std::string& f : features)
            if (f == var) return true;
        return false;
    }
};

/// XEP-0030 §3.1: asks `to` for its disco#info and reads the result, typed: an
/// Iq<Get, DiscoInfoQuery> out, the AnyIq answer cast to Iq<Result, DiscoInfoQuery> (whose
/// codec checks the result's rules: an identity and a feature at least, XEP-0030 §3.1).
std::optional<DiscoInfo> query_disco_info(Session& s, const std::string& to, std::string* failure) {
    Iq<Get, DiscoInfoQuery> get("d", DiscoInfoQuery{});
    get.to = *Jid::parse(to);
    std::optional<DiscoInfo> info;
    bool ok = s.call(get, [&](const IqOutcome& o) {
        if (o.type != IqOutcomeType::result) {
            *failure = o.error() ? "an error: " + std::string(to_string(o.error()->condition)) : "no result";
            return;
        }
        result<Iq<Result, DiscoInfoQuery>> r = o.parser->cast<Iq<Result, DiscoInfoQuery>>(*o.reply);
        if (!r) {
            *failure = "a result that is no disco#info result: " + std::string(r.error().message());
            return;
        }
        DiscoInfo d;
        for (const DiscoIdentity& i : r->payload.identities)
            d.identities.push_back({std::string(i.category), std::string(i.type), std::string(i.name.value_or(""))});
        for (std::string_view f : r->payload.features) d.features.emplace_back(f);
        info = std::move(d);
    });
    if (!ok && failure->empty()) *failure = s.error();
    return info;
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
    Session a1(config("alice", "one")), a2(config("alice", "two")), bob(config("bob", "desk")),
        phone(config("bob", "phone"));
    std::vector<Contact> pushes1, pushes2, pushes_phone;
    a1.on_roster_push = [&](const Contact& c) { pushes1.push_back(c); };
    a2.on_roster_push = [&](const Contact& c) { pushes2.push_back(c); };
    phone.on_roster_push = [&](const Contact& c) { pushes_phone.push_back(c); };
    std::vector<std::string> pinged_by;
    a1.on_ping = [&](std::string_view from) { pinged_by.emplace_back(from); };

    for (Session* s : {&a1, &a2, &bob, &phone}) {
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


    // ---- Messages and presence, every stanza Prosody sends parsed as an AnyStanza and read
    // through its typed form. Sessions: a1 (alice/one) and two of bob's: phone (bob/phone), which
    // is available and interested (it fetched the roster) for the subscription handshake, and
    // bob (bob/desk), whose initial presence is the broadcast check.
    const std::string alice_bare = "alice@" + domain, bob_bare = "bob@" + domain;
    {
        auto r = get_roster(phone);  // RFC 6121 §2.1.6: makes phone an interested resource
        check(r && r->empty(), "phone: initial roster is empty " + show(r));
    }
    // RFC 6121 §3.1.3: a subscription request reaches the contact's available resources only
    // (Prosody keeps it for the next initial presence otherwise), and presence is broadcast to
    // available resources (§4.2.2, §4.4.2): a1 and phone send initial presence first. §4.2.2:
    // the server sends it to all of the user's available resources, the sender's included.
    for (Session* s : {&a1, &phone}) {
        bool sent = s->send(Presence<Available>());
        auto echo = wait_presence(*s, PresenceType::available, s->config().jid);
        check(sent && echo && text((*echo)->presence()->from) == s->full_jid(),
              s->config().label + ": initial presence sent, the server reflects it from " +
                  (echo ? text((*echo)->presence()->from) : std::string("nobody")));
    }

    // 1. RFC 6121 §3.1: alice subscribes to bob's presence and bob approves; then the reverse,
    // after which both have 'both'. What Prosody 0.12 sends, in order: the user's roster push
    // (§3.1.2); on receiving the request, an unavailable presence from the contact's bare JID
    // to the user (not in RFC 6121, harmless: it tells the user nothing; not checked); the
    // request at the contact's available resources from the user's bare JID (§3.1.3); on
    // approval the contact's push (§3.1.5), the subscribed presence and the user's push (§3.1.6),
    // then the contact's current presence from each available resource (§3.1.5).
    struct Side {
        Session& session;
        const std::vector<Contact>& pushes;
        std::size_t seen;  // pushes already looked at
        std::string bare;
        std::string name;
    };
    Side alice{a1, pushes1, pushes1.size(), alice_bare, "alice"};
    Side bob_side{phone, pushes_phone, pushes_phone.size(), bob_bare, "bob"};
    // `user` subscribes to `contact`; `pending`, `contact_after`, `user_after`: the subscription
    // states RFC 6121 §3.1.2, §3.1.5 and §3.1.6 say the three pushes carry.
    auto handshake = [&](Side& user, Side& contact, Subscription pending, Subscription contact_after,
                         Subscription user_after, std::string_view subscribe_id, std::string_view approve_id) {
        const std::string name = "subscribe " + user.name + " -> " + contact.name + ": ";
        Presence<Subscribe> subscribe;
        subscribe.id = subscribe_id;
        subscribe.to = *Jid::parse(contact.bare);
        check(user.session.send(subscribe), name + "Presence<Subscribe> sent to " + contact.bare);
        // §3.1.2: the user's server pushes the contact with the state so far and ask=subscribe.
        auto push = next_push(user.session, user.pushes, user.seen, contact.bare);
        check(push && push->subscription == pending && push->ask,
              name + "push at " + user.name + ": " + describe(push) + " (RFC 6121 §3.1.2: " +
                  std::string(to_string(pending)) + ", ask=subscribe)");
        // §3.1.2, §3.1.3: delivered to the contact's available resources, from the user's bare JID.
        auto got = wait_presence(contact.session, PresenceType::subscribe, user.bare);
        std::optional<Presence<Subscribe>> request;
        if (got) request = (*got)->presence()->typed<Subscribe>();
        check(request && text(request->from) == user.bare,
              name + contact.name + " received a Presence<Subscribe> from " +
                  (request ? text(request->from) : std::string("nobody")) + " (RFC 6121 §3.1.3: the bare JID)");
        // §3.1.4: the contact approves, with an id of its own.
        std::string approved_to = "(not sent)";
        if (request) {
            result<Presence<Subscribed>> yes = approve(*request, approve_id);
            if (yes && contact.session.send(*yes)) approved_to = text(yes->to);
        }
        check(approved_to == user.bare, name + contact.name + " approves with approve(request, \"" +
                                            std::string(approve_id) + "\") to " + approved_to);
        // §3.1.5: the contact's server pushes the user with the new state.
        auto contact_push = next_push(contact.session, contact.pushes, contact.seen, user.bare);
        check(contact_push && contact_push->subscription == contact_after && !contact_push->ask,
              name + "push at " + contact.name + ": " + describe(contact_push) + " (RFC 6121 §3.1.5: " +
                  std::string(to_string(contact_after)) + ")");
        // §3.1.6: the user receives the approval (its id kept), and a push with the new state.
        auto subscribed = wait_presence(user.session, PresenceType::subscribed, contact.bare);
        std::optional<Presence<Subscribed>> approval;
        if (subscribed) approval = (*subscribed)->presence()->typed<Subscribed>();
        check(approval && text(approval->from) == contact.bare && approval->id == approve_id,
              name + user.name + " received a Presence<Subscribed> from " +
                  (approval ? text(approval->from) + " id '" + std::string(approval->id) + "'" : std::string("nobody")));
        push = next_push(user.session, user.pushes, user.seen, contact.bare);
        check(push && push->subscription == user_after && !push->ask,
              name + "push at " + user.name + ": " + describe(push) + " (RFC 6121 §3.1.6: " +
                  std::string(to_string(user_after)) + ")");
        // §3.1.5: the contact's server then sends the user the contact's current presence.
        auto current = wait_presence(user.session, PresenceType::available, contact.bare);
        check(current && text((*current)->presence()->from) == contact.session.full_jid(),
              name + user.name + " received " + contact.name + "'s current presence from " +
                  (current ? text((*current)->presence()->from) : std::string("nobody")) + " (RFC 6121 §3.1.5)");
    };
    handshake(alice, bob_side, Subscription::none, Subscription::from, Subscription::to, "sub-a", "approve-a");
    // The reverse: an existing item keeps its state while the request is pending (RFC 6121
    // Appendix A: "From + Pending Out").
    handshake(bob_side, alice, Subscription::from, Subscription::both, Subscription::both, "sub-b", "approve-b");
    {
        auto r1 = get_roster(a1), rb = get_roster(phone);
        check(r1 && r1->size() == 1 && (*r1)[0].jid == bob_bare && (*r1)[0].subscription == Subscription::both,
              "subscriptions: alice's roster " + show(r1));
        check(rb && rb->size() == 1 && (*rb)[0].jid == alice_bare && (*rb)[0].subscription == Subscription::both,
              "subscriptions: bob's roster " + show(rb));
    }

    // 2. RFC 6121 §4.2, §4.4, §4.5: bob/desk's initial presence reaches alice, who is subscribed,
    // from bob's full JID with what it said; then its unavailable presence.
    {
        Presence<Available> hello;
        hello.show = Show::dnd;
        hello.statuses = "In a meeting";
        hello.priority = 5;
        check(bob.send(hello), "presence bob/desk: initial Presence<Available> sent (dnd, 'In a meeting', priority 5)");
        // From bob/desk: bob/phone's presence may be queued at a1 too.
        auto got = wait_presence(a1, PresenceType::available, bob.full_jid());
        std::optional<Presence<Available>> p;
        if (got) p = (*got)->presence()->typed<Available>();
        check(p.has_value(), "presence bob/desk: alice received a Presence<Available> from " +
                                 (p ? text(p->from) : std::string("nobody")));
        if (p)
            check(p->show == Show::dnd && p->status() == std::optional<std::string_view>("In a meeting") && p->priority == 5,
                  "presence bob/desk: show '" + std::string(to_string(p->show)) + "', status " + text(p->status()) +
                      ", priority " + (p->priority ? std::to_string(*p->priority) : std::string("(none)")) +
                      " (sent dnd, 'In a meeting', 5)");

        Presence<Unavailable> bye;
        bye.statuses = "Gone home";
        check(bob.send(bye), "presence bob/desk: Presence<Unavailable> sent ('Gone home')");
        got = wait_presence(a1, PresenceType::unavailable, bob.full_jid());
        std::optional<Presence<Unavailable>> u;
        if (got) u = (*got)->presence()->typed<Unavailable>();
        check(u && u->status() == std::optional<std::string_view>("Gone home"),
              "presence bob/desk: alice received a Presence<Unavailable> from " + (u ? text(u->from) : std::string("nobody")) +
                  ", status " + (u ? text(u->status()) : std::string("(none)")));
    }

    // 3. RFC 6121 §5.1, §5.2.5: a chat both ways in one thread. bob/desk is unavailable but
    // connected, and a message to a connected full JID is delivered to it (§8.5.3.1).
    {
        Message<Chat> hi("Hello, Bob");
        hi.id = "m1";
        hi.to = *Jid::parse(bob.full_jid());
        hi.thread = Thread{"interop-thread-1"};
        check(a1.send(hi), "chat alice -> bob/desk: Message<Chat> sent");
        auto got = wait_message(bob, MessageType::chat, alice_bare);
        std::optional<Message<Chat>> m;
        if (got) m = (*got)->message()->typed<Chat>();
        check(m && m->body() == std::optional<std::string_view>("Hello, Bob") && m->thread &&
                  m->thread->id == "interop-thread-1" && text(m->from) == a1.full_jid(),
              "chat alice -> bob/desk: bob received a Message<Chat> from " + (m ? text(m->from) : std::string("nobody")) +
                  ", body " + (m ? text(m->body()) : std::string("(none)")) + ", thread " +
                  (m && m->thread ? "'" + std::string(m->thread->id) + "'" : std::string("(none)")));
        if (m) {
            Message<Chat> answer("Hello, Alice");
            answer.id = "m2";
            answer.to = m->from;
            answer.thread = m->thread;  // RFC 6121 §5.2.5: the reply keeps the thread
            check(bob.send(answer), "chat bob/desk -> alice: Message<Chat> sent in the same thread");
        }
        got = wait_message(a1, MessageType::chat, bob_bare);
        std::optional<Message<Chat>> r;
        if (got) r = (*got)->message()->typed<Chat>();
        check(r && r->body() == std::optional<std::string_view>("Hello, Alice") && r->thread &&
                  r->thread->id == "interop-thread-1" && text(r->from) == bob.full_jid(),
              "chat bob/desk -> alice: alice received a Message<Chat> from " + (r ? text(r->from) : std::string("nobody")) +
                  ", body " + (r ? text(r->body()) : std::string("(none)")) + ", thread " +
                  (r && r->thread ? "'" + std::string(r->thread->id) + "'" : std::string("(none)")));
    }

    // 4. RFC 6121 §8.5.1 (no such user): for a message the server either ignores it or returns
    // service-unavailable. Prosody returns service-unavailable (type cancel).
    {
        const std::string nobody = "nobody@" + domain;
        Message<Chat> lost("Anyone there?");
        lost.id = "lost-1";
        lost.to = *Jid::parse(nobody);
        check(a1.send(lost), "unknown user: Message<Chat> sent to " + nobody);
        auto got = wait_message(a1, MessageType::error, nobody);
        std::optional<Message<Error>> e;
        if (got) e = (*got)->message()->typed<Error>();
        check(e && e->id == "lost-1", "unknown user: alice received a Message<Error> from " +
                                          (e ? text(e->from) + " id '" + std::string(e->id) + "'" : std::string("nobody")));
        if (e)
            check(e->error.condition == Condition::service_unavailable && e->error.type == ErrorType::cancel,
                  "unknown user: typed StanzaError is " + std::string(to_string(e->error.condition)) + "/" +
                      std::string(to_string(e->error.type)) +
                      " (expected service-unavailable/cancel, the only error RFC 6121 §8.5.1 allows)");
    }

    // 5. XEP-0030 §3.1: the server's disco#info.
    {
        std::string failure;
        std::optional<DiscoInfo> info = query_disco_info(a1, domain, &failure);
        check(info.has_value(), "disco#info " + domain + ": result parsed" + (info ? "" : ": " + failure));
        if (info) {
            std::string identities;
            for (const DiscoInfo::Identity& i : info->identities) identities += (identities.empty() ? "" : ", ") + i.category + "/" + i.type;
            check(info->has_identity("server"), "disco#info " + domain + ": identities " + identities + " (category server)");
            for (std::string_view f : {disco_info_ns, std::string_view("jabber:iq:roster")})
                check(info->has_feature(f), "disco#info " + domain + ": feature " + std::string(f) + " (of " +
                                                std::to_string(info->features.size()) + ")");
        }
    }

    for (Session* s : {&a1, &a2, &bob, &phone}) {
        check(s->error().empty(), s->config().label + ": no session error" + (s->error().empty() ? "" : ": " + s->error()));
        s->close();
    }
    std::printf("%s: %d failure%s\n", failures ? "FAILED" : "OK", failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
