// expect: P is not an IQ payload; specialise xstanza::payload_traits<P>
// first-error: P is not an IQ payload
#include <string>
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, std::string> iq("g1", std::string("x")); (void)iq; }
