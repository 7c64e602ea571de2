// expect: the empty result carries no payload
// first-error: the empty result carries no payload
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Result> r("r1", xstanza::RosterQuery{}); (void)r; }
