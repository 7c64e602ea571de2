// expect: only a subscription request (Presence<Subscribe>) is approved or denied (RFC 6121 3.1.4)
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Presence<xstanza::Available> online;
    auto a = xstanza::approve(online, "a1");
    (void)a;
}
