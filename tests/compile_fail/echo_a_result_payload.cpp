// expect: an error IQ may echo only the request's payload (RFC 6120 8.3.1)
// first-error: an error IQ may echo only the request
#include <xstanza/xstanza.hpp>
using Broken = xstanza::Iq<xstanza::Error, xstanza::RosterQuery>;
int main() { return sizeof(Broken) > 0 ? 0 : 1; }
