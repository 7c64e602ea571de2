// Smoke test of the generated single header (CTest: single_header.smoke). Built
// against single_include/ and RapidXML only, never include/, so it proves
// single_include/xstanza.hpp is self-contained; it parses, answers and serializes.
#include <cstdio>
#include <string>

#include "xstanza.hpp"

int main() {
    using namespace xstanza;
    std::string wire = "<iq type='get' id='r1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'/></iq>";
    Parser parser;
    auto get = parser.parse_in_situ<Iq<Get, RosterGet>>(wire);
    if (!get) return std::printf("parse failed: %s\n", get.error().message().data()), 1;
    std::string reply;
    if (serialize(make_result(*get), reply)) return 2;
    if (reply != "<iq type='result' id='r1' to='juliet@example.com/balcony'/>") return std::printf("%s\n", reply.c_str()), 3;
    std::string typo = "<id type='get' id='x'/>";
    auto bad = parser.parse_in_situ<AnyIq>(typo);
    if (bad || bad.error().message() != "expected <iq>, found <id>") return 4;
    std::string ping = "<iq type='get' id='p' to='example.com'><ping xmlns='urn:xmpp:ping'/></iq>";
    if (!parser.parse_in_situ<Iq<Get, ext::Ping>>(ping)) return 5;
    return 0;
}
