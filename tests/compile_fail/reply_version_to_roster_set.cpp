// expect: a roster set is answered by the empty result: make_result(request) (RFC 6121 2.1.5)
// first-error: a roster set is answered by the empty result
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Set, xstanza::RosterSet> set("s1", {});
    auto reply = xstanza::make_result(set, xstanza::ext::SoftwareVersion{"client", "1.0", std::nullopt});
    (void)reply;
}
