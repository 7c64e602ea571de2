// expect: a disco#items query is sent in a get and answered in a result (XEP-0030
// XEP-0030 §4.1: a disco#items query goes in a get or a result, never in a set.
#include <xstanza/codec/disco.hpp>
int main() { xstanza::Iq<xstanza::Set, xstanza::DiscoItemsQuery> iq("s1", xstanza::DiscoItemsQuery{}); (void)iq; }
