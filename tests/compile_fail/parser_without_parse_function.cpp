// expect: payload_parser<P> has no parse function of the forms model/payload.hpp lists
// first-error: payload_parser<P> has no parse function of the forms
// payload_parser<Mine> is specialised, but its function has none of the three forms.
#include <string>
#include <xstanza/xstanza.hpp>
struct Mine { friend bool operator==(const Mine&, const Mine&) { return true; } };
template <> struct xstanza::payload_traits<Mine> {
    static constexpr std::string_view name = "mine", ns = "urn:example:mine";
    static constexpr bool in_get = true, in_set = false, in_result = false;
};
template <> struct xstanza::payload_parser<Mine> {
    static Mine read(const xstanza::element&) noexcept { return Mine{}; }   // not "parse"
};
int main() {
    xstanza::Parser parser;
    std::string buf = "<iq type='get' id='m1'><mine xmlns='urn:example:mine'/></iq>";
    auto r = parser.parse_in_situ<xstanza::Iq<xstanza::Get, Mine>>(buf);
    return r ? 0 : 1;
}
