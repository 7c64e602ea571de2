// expect: only available presence (Presence<Available>) has <priority/>
// first-error: only available presence
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Presence<xstanza::Subscribe> p;
    p.priority = 5;
}
