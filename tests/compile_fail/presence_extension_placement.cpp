// expect: payload_traits<Ext>::in_presence is not true: this element does not extend a presence
#include <xstanza/xstanza.hpp>
int main() { xstanza::Presence<xstanza::Available, xstanza::ext::Ping> p; (void)p; }
