// expect: a disco#info query is sent in a get and answered in a result (XEP-0030
// XEP-0030 §3.1: a disco#info query goes in a get or a result, never in a set.
#include <xstanza/codec/disco.hpp>
int main() { xstanza::Iq<xstanza::Set, xstanza::DiscoInfoQuery> iq("s1", xstanza::DiscoInfoQuery{}); (void)iq; }
