// expect: payload_traits<P>::in_set is false
// first-error: payload_traits<P>::in_set is false
// XEP-0199 §3: a ping is a get; ext::Ping's payload_traits say so, so a set does not compile.
#include <xstanza/codec/ping.hpp>
int main() { xstanza::Iq<xstanza::Set, xstanza::ext::Ping> iq("s1", xstanza::ext::Ping{}); (void)iq; }
