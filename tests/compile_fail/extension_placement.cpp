// expect: payload_traits<P>::in_set is false
// first-error: payload_traits<P>::in_set is false
#include <xstanza/xstanza.hpp>
struct Ping {};
template <> struct xstanza::payload_traits<Ping> {
    static constexpr std::string_view name = "ping";
    static constexpr std::string_view ns = "urn:xmpp:ping";
    static constexpr bool in_get = true, in_set = false, in_result = false;
};
int main() { xstanza::Iq<xstanza::Set, Ping> iq("s1", Ping{}); (void)iq; }
