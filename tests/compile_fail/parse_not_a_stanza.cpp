// expect: T is AnyIq or an Iq<Type, Payload>
// first-error: T is AnyIq or an Iq<Type, Payload>
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Parser p;
    auto r = p.parse<xstanza::RosterQuery>("<iq/>");
    (void)r;
}
