// expect: a set IQ carries exactly one payload (RFC 6120 8.2.3)
// first-error: a set IQ carries exactly one payload
#include <xstanza/xstanza.hpp>
using Broken = xstanza::Iq<xstanza::Set>;
int main() { return sizeof(Broken) > 0 ? 0 : 1; }
