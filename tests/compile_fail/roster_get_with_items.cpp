// expect: a roster get carries no items (RFC 6121 2.1.3)
// first-error: a roster get carries no items
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::RosterQuery> iq("g1", xstanza::RosterQuery{}); (void)iq; }
