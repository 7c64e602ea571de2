// libFuzzer target: every typed target (Iq<Get, RosterGet>, Iq<Set, RosterSet>,
// Iq<Result, RosterQuery>, Iq<Result>, Iq<Error>, Iq<*, AnyPayload>, Iq<Error, Roster*>)
// on the same bytes. A typed success agrees with AnyIq + Parser::cast and round-trips.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static xstanza::Parser parser, any_parser, scratch;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_require(stanza_check::check_typed(parser, any_parser, scratch, input));
    return 0;
}
