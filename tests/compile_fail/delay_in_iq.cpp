// expect: payload_traits<P>::in_result is false
// XEP-0203 §2: a <delay/> rides on a message or a presence; its payload_traits allow no IQ.
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Result, xstanza::Delay> iq("d1", xstanza::Delay{}); (void)iq; }
