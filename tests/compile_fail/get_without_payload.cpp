// expect: a get IQ carries exactly one payload (RFC 6120 8.2.3)
// first-error: a get IQ carries exactly one payload
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get> iq("q1", 0); (void)iq; }
