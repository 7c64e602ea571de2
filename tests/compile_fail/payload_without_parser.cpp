// expect: payload_parser<P> is not specialised for this payload; define template <> struct xstanza::payload_parser<P>
// first-error: payload_parser<P> is not specialised for this payload
// A payload with payload_traits and a serializer but no payload_parser: parsing it names what
// to specialise instead of "incomplete type payload_parser<Mine>".
#include <string>
#include <xstanza/xstanza.hpp>
struct Mine { friend bool operator==(const Mine&, const Mine&) { return true; } };
template <> struct xstanza::payload_traits<Mine> {
    static constexpr std::string_view name = "mine", ns = "urn:example:mine";
    static constexpr bool in_get = true, in_set = false, in_result = false;
};
template <> struct xstanza::payload_serializer<Mine> {
    static void write(const Mine&, xstanza::xml_writer& w) noexcept { w.open("mine", "urn:example:mine"); w.close(); }
};
int main() {
    xstanza::Parser parser;
    std::string buf = "<iq type='get' id='m1'><mine xmlns='urn:example:mine'/></iq>";
    auto r = parser.parse_in_situ<xstanza::Iq<xstanza::Get, Mine>>(buf);
    return r ? 0 : 1;
}
