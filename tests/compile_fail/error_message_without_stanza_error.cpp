// expect: an error message needs a StanzaError
// first-error: an error message needs a StanzaError
#include <xstanza/xstanza.hpp>
int main() { xstanza::Message<xstanza::Error> m; (void)m; }
