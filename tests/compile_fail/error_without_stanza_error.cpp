// expect: an error IQ needs a StanzaError
// first-error: an error IQ needs a StanzaError
#include <xstanza/xstanza.hpp>
int main() { xstanza::Iq<xstanza::Error> iq("e1"); (void)iq; }
