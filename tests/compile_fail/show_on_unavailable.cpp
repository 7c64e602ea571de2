// expect: only available presence (Presence<Available>) has <show/>
// first-error: only available presence
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Presence<xstanza::Unavailable> p;
    p.show = xstanza::Show::away;  // RFC 6121 4.5.1: unavailable presence MUST NOT carry <show/>
}
