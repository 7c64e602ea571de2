// expect: a roster set payload goes in a set IQ (RFC 6121 2.1.5)
// first-error: a roster set payload goes in a set IQ
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::RosterSet> iq("g1", xstanza::RosterSet{}); (void)iq; }
