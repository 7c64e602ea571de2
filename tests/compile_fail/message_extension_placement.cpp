// expect: payload_traits<Ext>::in_message is not true: this element does not extend a message
#include <xstanza/xstanza.hpp>
int main() { xstanza::Message<xstanza::Chat, xstanza::RosterQuery> m; (void)m; }
