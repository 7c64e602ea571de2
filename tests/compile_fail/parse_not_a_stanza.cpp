// expect: Parser::parse<T>: T is a stanza: AnyStanza, AnyIq, Iq<Type, Payload>, AnyMessage, Message<Type>
// first-error: Parser::parse<T>: T is a stanza
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Parser p;
    auto r = p.parse<xstanza::RosterQuery>("<iq/>");
    (void)r;
}
