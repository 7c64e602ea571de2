// expect: payload_traits<P>::in_get is false
// XEP-0115 §4: a <c/> rides on a presence; its payload_traits allow no IQ.
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::Caps> iq("c1", xstanza::Caps{}); (void)iq; }
