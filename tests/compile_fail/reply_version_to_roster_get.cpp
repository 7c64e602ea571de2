// expect: a roster get is answered by a RosterQuery (RFC 6121 2.1.3)
// first-error: a roster get is answered by a RosterQuery
// RosterGet's payload_traits<>::replies is std::tuple<RosterQuery, void>.
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Get, xstanza::RosterGet> get("r1", {});
    auto reply = xstanza::make_result(get, xstanza::ext::SoftwareVersion{"client", "1.0", std::nullopt});
    (void)reply;
}
