// expect: a client binds a resource with a set (RFC 6120
// RFC 6120 §7.6, §7.7: <bind/> goes in a set and its result, never in a get.
#include <xstanza/codec/bind.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::Bind> iq("b1", xstanza::Bind{}); (void)iq; }
