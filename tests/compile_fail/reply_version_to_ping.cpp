// expect: a ping is answered by the empty result: make_result(request) (XEP-0199 4.1)
// first-error: a ping is answered by the empty result
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Get, xstanza::ext::Ping> ping("p1", {});
    auto reply = xstanza::make_result(ping, xstanza::ext::SoftwareVersion{"client", "1.0", std::nullopt});
    (void)reply;
}
