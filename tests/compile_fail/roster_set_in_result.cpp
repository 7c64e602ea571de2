// expect: a roster result carries the item list (RFC 6121 2.1.4)
// first-error: a roster result carries the item list
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Result, xstanza::RosterSet> iq("r1", xstanza::RosterSet{}); (void)iq; }
