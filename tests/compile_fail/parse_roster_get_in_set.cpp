// expect: a roster get payload goes in a get IQ (RFC 6121 2.1.3)
// first-error: a roster get payload goes in a get IQ
// Asking the parser for a type that cannot exist is the type's own compile error, the roster's
// rule first (before payload_traits<RosterGet>::in_set's generic message).
#include <string>
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Parser parser;
    std::string buf = "<iq type='set' id='s1'><query xmlns='jabber:iq:roster'/></iq>";
    auto r = parser.parse_in_situ<xstanza::Iq<xstanza::Set, xstanza::RosterGet>>(buf);
    return r ? 0 : 1;
}
