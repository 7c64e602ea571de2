// expect: Type must be one of the tags Chat, Groupchat, Headline, Normal, Error (RFC 6121 5.2.2)
#include <xstanza/xstanza.hpp>
int main() { xstanza::Message<xstanza::Get> m; (void)m; }
