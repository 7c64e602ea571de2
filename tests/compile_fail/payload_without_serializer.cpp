// expect: payload_serializer<P> is not specialised for this payload; define template <> struct xstanza::payload_serializer<P>
// first-error: payload_serializer<P> is not specialised for this payload
// A payload with payload_traits (so Iq<Get, Mine> compiles) but no payload_serializer: writing
// it names what to specialise instead of "incomplete type payload_serializer<Mine>".
#include <string>
#include <xstanza/xstanza.hpp>
struct Mine { friend bool operator==(const Mine&, const Mine&) { return true; } };
template <> struct xstanza::payload_traits<Mine> {
    static constexpr std::string_view name = "mine", ns = "urn:example:mine";
    static constexpr bool in_get = true, in_set = false, in_result = false;
};
template <> struct xstanza::payload_parser<Mine> {
    static xstanza::result<Mine> parse(const xstanza::element&) noexcept { return Mine{}; }
};
int main() {
    xstanza::Iq<xstanza::Get, Mine> iq("m1", Mine{});
    std::string out;
    return xstanza::serialize(iq, out) ? 1 : 0;
}
