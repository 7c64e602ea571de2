// expect: a request carries exactly one payload (RFC 6120 8.2.3)
// first-error: a request carries exactly one payload
// Iq<Get, RosterGet> names its payload's type; the payload itself is the constructor's second
// argument. Without it, the first error is the rule, not a list of constructor candidates.
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::RosterGet> iq("q1"); (void)iq; }
