// Build a roster get, answer it with a result, and answer a bad request with an error.
#include <cstdio>
#include <string>
#include <vector>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

int main() {
    // The client asks for its roster (RFC 6121 §2.1.3).
    Iq<Get, RosterGet> get("roster_1", RosterGet{});
    get.from = *Jid::parse("jane@longbourn.lit/garden");
    std::string wire;
    if (parse_error e = serialize(get, wire)) return std::printf("%.*s\n", int(e.message().size()), e.message().data()), 1;
    std::printf("client -> %s\n", wire.c_str());

    // The server parses the request as it arrives...
    Parser parser;
    result<Iq<Get, RosterGet>> request = parser.parse_in_situ<Iq<Get, RosterGet>>(wire);
    if (!request) return std::printf("bad request: %.*s\n", int(request.error().message().size()), request.error().message().data()), 1;

    // ...and answers with the contact list (RFC 6121 §2.1.4): same id, addressed back.
    std::string_view friends[] = {"Friends"};
    std::vector<RosterItem> items(2);
    items[0].jid = *Jid::parse("elizabeth@longbourn.lit");
    items[0].name = "Elizabeth";
    items[0].subscription = Subscription::both;
    items[0].groups = friends;
    items[1].jid = *Jid::parse("bingley@netherfield.lit");
    items[1].name = "Bingley";
    items[1].subscription = Subscription::to;
    RosterQuery roster;
    roster.ver = "ver7";
    roster.items = items;
    Iq<Result, RosterQuery> answer = make_result(*request, roster);
    std::string reply;
    if (parse_error e = serialize(answer, reply)) return std::printf("serialize: %s\n", e.message().data()), 1;
    std::printf("server -> %s\n", reply.c_str());

    // A malformed request (the seed's typo: <id> for <iq>) is rejected precisely...
    std::string typo = "<id from='jane@longbourn.lit/garden' type='get' id='roster2'><query xmlns='jabber:iq:roster'/></id>";
    result<AnyIq> bad = parser.parse_in_situ<AnyIq>(typo);
    std::printf("parse   -> %s at byte %zu: %.*s\n", std::string(to_string(bad.error().code())).c_str(),
                bad.error().offset(), int(bad.error().message().size()), bad.error().message().data());

    // ...and a request the server does not support gets an error answer (RFC 6120 §8.3.3.3).
    std::string ping = "<iq type='get' id='p1' from='jane@longbourn.lit/garden'><ping xmlns='urn:xmpp:ping'/></iq>";
    result<AnyIq> any = parser.parse_in_situ<AnyIq>(ping);
    if (!any) return 1;
    std::string err_wire;
    any->visit([&](const auto& iq) {
        using T = std::decay_t<decltype(iq)>;
        if constexpr (std::is_same_v<typename T::type_tag, Get> || std::is_same_v<typename T::type_tag, Set>) {
            StanzaError e(ErrorType::cancel, Condition::feature_not_implemented);
            e.text = "ping is not implemented here";
            e.text_lang = "en";
            if (parse_error se = serialize(make_error(iq, e), err_wire))
                err_wire = "(not serialized: " + std::string(se.message()) + ")";
        }
    });
    std::printf("server -> %s\n", err_wire.c_str());
    return 0;
}
