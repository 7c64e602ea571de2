// Instantiates the library's templates so that header.cxx20.<compiler> checks them as
// C++20 (-fsyntax-only); the same file builds as C++17 in the normal test build's checks.
#include <iterator>
#include <string>
#include <vector>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {

template <class T>
void round_trip(Parser& p, const std::string& wire) {
    std::string buf = wire;
    result<T> r = p.parse_in_situ<T>(buf);
    if (!r) return;
    std::string out;
    // Results ignored on purpose: this file only instantiates every template as C++20.
    (void)serialize(*r, out);
    char fixed[256];
    (void)serialize_into(*r, fixed, sizeof fixed);
    std::vector<char> v;
    (void)serialize_to(*r, std::back_inserter(v));
    (void)make_owned(*r);
}

}  // namespace

int main() {
    Parser p;
    std::string w = "<iq type='get' id='a'><query xmlns='jabber:iq:roster'/></iq>";
    round_trip<AnyIq>(p, w);
    round_trip<Iq<Get, RosterGet>>(p, w);
    round_trip<Iq<Set, RosterSet>>(p, w);
    round_trip<Iq<Result, RosterQuery>>(p, w);
    round_trip<Iq<Result>>(p, w);
    round_trip<Iq<Error>>(p, w);
    round_trip<Iq<Error, RosterGet>>(p, w);
    round_trip<Iq<Get, AnyPayload>>(p, w);
    round_trip<Iq<Get, ext::Ping>>(p, w);
    round_trip<Iq<Get, ext::VersionQuery>>(p, w);
    auto any = p.parse<AnyIq>(w);
    if (any) {
        (void)p.cast<Iq<Get, RosterGet>>(*any);
        any->visit([](const auto& iq) {
            using T = std::decay_t<decltype(iq)>;
            if constexpr (std::is_same_v<typename T::type_tag, Get>) {
                (void)make_result(iq);
                (void)make_error(iq, StanzaError(Condition::bad_request));
                (void)make_error_echo(iq, StanzaError(Condition::bad_request));
            }
        });
    }
    StreamReader reader;
    (void)reader;
    return 0;
}
