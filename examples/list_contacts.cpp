// Parse a server's roster result and list the contacts.
#include <cstdio>
#include <string>

#include <xstanza/xstanza.hpp>

int main() {
    // Bytes as a server sends them (RFC 6121 §2.1.4); parsed in place, without copies.
    std::string wire =
        "<iq to='jane@longbourn.lit/garden' type='result' id='roster2'>"
        "<query xmlns='jabber:iq:roster' ver='ver11'>"
        "<item jid='elizabeth@longbourn.lit' name='Elizabeth' subscription='both'><group>Sisters</group></item>"
        "<item jid='bingley@netherfield.lit' name='Bingley &amp; Co' subscription='to' ask='subscribe'/>"
        "<item jid='darcy@pemberley.lit' name='Mr. Darcy' subscription='none' approved='true'>"
        "<group>Friends</group><group>Derbyshire</group></item>"
        "</query></iq>";

    xstanza::Parser parser;
    auto roster = parser.parse_in_situ<xstanza::Iq<xstanza::Result, xstanza::RosterQuery>>(wire);
    if (!roster) {
        const xstanza::parse_error& e = roster.error();
        std::printf("error at byte %zu: %.*s\n", e.offset(), int(e.message().size()), e.message().data());
        return 1;
    }
    std::printf("roster version %.*s, %zu contacts\n", int(roster->payload.ver->size()), roster->payload.ver->data(),
                roster->payload.items.size());
    for (const xstanza::RosterItem& item : roster->payload.items) {
        std::string_view name = item.name.value_or("(no name)");
        std::printf("- %-28s %-16.*s subscription=%-5s%s%s", item.jid.to_string().c_str(), int(name.size()), name.data(),
                    std::string(xstanza::to_string(item.subscription)).c_str(), item.ask ? " (asked)" : "",
                    item.approved ? " (pre-approved)" : "");
        for (std::string_view g : item.groups) std::printf(" [%.*s]", int(g.size()), g.data());
        std::printf("\n");
    }
    return 0;
}
