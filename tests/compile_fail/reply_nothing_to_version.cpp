// expect: a software version query is answered by an ext::SoftwareVersion (XEP-0092 2)
// first-error: a software version query is answered by an ext::SoftwareVersion
// ext::VersionQuery's payload_traits<>::replies is std::tuple<ext::SoftwareVersion>: no empty result.
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Get, xstanza::ext::VersionQuery> get("v1", {});
    auto reply = xstanza::make_result(get);
    (void)reply;
}
