// roster_client: a small plain-TCP XMPP client on xstanza. It connects, authenticates with
// SASL PLAIN, binds a resource, fetches the roster, adds, renames and removes a contact
// (printing each roster push), pings the server, and answers the pings it receives.
//
//   roster_client --port 5222 --jid alice@localhost --password secret [--contact carol@localhost]
//                 [--host 127.0.0.1] [--resource roster_client] [--stay SECONDS] [--record FILE]
//
// For loopback test servers only: PLAIN without TLS sends the password in the clear.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "session.hpp"

using namespace xstanza;
using roster_client::Contact;
using roster_client::Session;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: roster_client --port N --jid user@domain --password P [--host H] [--resource R]\n"
                 "                     [--contact jid] [--stay SECONDS] [--record FILE]\n");
    return 2;
}

// RFC 6121 §2.1.3: fetch the roster and print it.
bool print_roster(Session& s, std::vector<Contact>& out) {
    out.clear();
    bool ok = s.call(Iq<Get, RosterGet>("roster", RosterGet{}), [&](const IqOutcome& o) {
        if (o.type != IqOutcomeType::result) return;
        auto r = o.parser->cast<Iq<Result, RosterQuery>>(*o.reply);
        if (!r) return;
        for (const RosterItem& item : r->payload.items) out.push_back(Contact::from(item));
    });
    if (!ok) return false;
    std::printf("roster: %zu contact%s\n", out.size(), out.size() == 1 ? "" : "s");
    for (const Contact& c : out) std::printf("  %s\n", c.describe().c_str());
    return true;
}

// RFC 6121 §2.1.5: a roster set; then wait for its push (§2.1.6), which follows the result.
bool roster_set(Session& s, const RosterItem& item, const char* what, std::size_t& pushes) {
    std::size_t before = pushes;
    std::optional<StanzaError> error;
    bool ok = s.call(Iq<Set, RosterSet>("set", RosterSet{item, std::nullopt}), [&](const IqOutcome& o) {
        if (const StanzaError* e = o.error()) error = *e;
    });
    if (!ok) return false;
    if (error) {
        std::printf("%s %s -> error %s\n", what, item.jid.to_string().c_str(), std::string(to_string(error->condition)).c_str());
        return false;
    }
    std::printf("%s %s -> ok\n", what, item.jid.to_string().c_str());
    return s.pump_until([&] { return pushes > before; }, roster_client::clock::now() + s.config().timeout);
}

}  // namespace

int main(int argc, char** argv) {
    Session::Config config;
    config.resource = "roster_client";
    config.log = stdout;
    std::string contact;
    int stay = 0;
    std::FILE* record = nullptr;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (i + 1 >= argc) return usage();
        const char* v = argv[++i];
        if (a == "--host") config.host = v;
        else if (a == "--port") config.port = static_cast<std::uint16_t>(std::atoi(v));
        else if (a == "--jid") config.jid = v;
        else if (a == "--password") config.password = v;
        else if (a == "--resource") config.resource = v;
        else if (a == "--contact") contact = v;
        else if (a == "--stay") stay = std::atoi(v);
        else if (a == "--record") {
            record = std::fopen(v, "wb");
            if (!record) return std::perror(v), 1;
            config.record = record;
        } else return usage();
    }
    if (config.jid.empty() || config.port == 0) return usage();

    Session s(config);
    std::size_t pushes = 0;
    s.on_roster_push = [&](const Contact&) { ++pushes; };
    auto failed = [&](const char* step) {
        std::fprintf(stderr, "roster_client: %s failed: %s\n", step, s.error().c_str());
        if (record) std::fclose(record);
        return 1;
    };
    if (!s.open()) return failed("login");
    if (contact.empty()) contact = "contact@" + s.domain();
    result<Jid> contact_jid = Jid::parse(contact);
    if (!contact_jid) return std::fprintf(stderr, "bad --contact: %s\n", std::string(contact_jid.error().message()).c_str()), 2;

    std::vector<Contact> roster;
    if (!print_roster(s, roster)) return failed("roster get");

    std::string_view friends[] = {"Friends"};
    RosterItem item;
    item.jid = *contact_jid;
    item.name = "Carol";
    item.groups = friends;
    if (!roster_set(s, item, "add", pushes) || !print_roster(s, roster)) return failed("add");
    item.name = "Caroline";
    if (!roster_set(s, item, "rename", pushes) || !print_roster(s, roster)) return failed("rename");
    // RFC 6121 §2.5.2: subscription='remove' deletes the item.
    RosterItem removal;
    removal.jid = *contact_jid;
    removal.subscription = Subscription::remove;
    if (!roster_set(s, removal, "remove", pushes) || !print_roster(s, roster)) return failed("remove");

    // XEP-0199 §4.2: ping our server.
    auto sent = roster_client::clock::now();
    Iq<Get, ext::Ping> ping("ping", ext::Ping{});
    ping.to = *Jid::parse(s.domain());
    bool pong = false;
    if (!s.call(ping, [&](const IqOutcome& o) { pong = o.type == IqOutcomeType::result; })) return failed("ping");
    double ms = std::chrono::duration<double, std::milli>(roster_client::clock::now() - sent).count();
    std::printf("ping %s -> %s in %.1f ms\n", s.domain().c_str(), pong ? "pong" : "error", ms);

    if (stay > 0) {
        std::printf("answering pings for %d s\n", stay);
        std::fflush(stdout);
        if (!s.pump_for(std::chrono::seconds(stay))) return failed("waiting");
    }
    s.close();
    if (record) std::fclose(record);
    return pong ? 0 : 1;
}
