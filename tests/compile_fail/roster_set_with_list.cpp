// expect: a roster set carries exactly one item (RFC 6121 2.1.5)
// first-error: a roster set carries exactly one item
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Set, xstanza::RosterQuery> iq("s1", xstanza::RosterQuery{}); (void)iq; }
