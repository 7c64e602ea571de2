// expect: an error presence needs a StanzaError
// first-error: an error presence needs a StanzaError
#include <xstanza/xstanza.hpp>
int main() { xstanza::Presence<xstanza::Error> p; (void)p; }
