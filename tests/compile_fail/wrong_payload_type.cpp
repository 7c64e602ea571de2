// expect: the payload is not a P; the payload's type is part of the IQ's type
// first-error: the payload is not a P
// A RosterSet handed to an Iq<Get, RosterGet>: the payload's type is the IQ's second parameter.
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Get, xstanza::RosterGet> iq("q1", xstanza::RosterSet{}); (void)iq; }
