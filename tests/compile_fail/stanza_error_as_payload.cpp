// expect: an error is not a payload
// first-error: an error is not a payload
#include <xstanza/xstanza.hpp>
using Broken = xstanza::Iq<xstanza::Result, xstanza::StanzaError>;
int main() { return sizeof(Broken) > 0 ? 0 : 1; }
