// libFuzzer target: Parser::parse<AnyIq> on raw bytes. Every outcome is a clean error or
// a stanza; a reused Parser and a fresh one agree (no state leaks between parses); the
// sender's and the receiver's rules agree where they must, and a refused request's error
// reply is well-formed (stanza_check::check_rules).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xstanza;
    static Parser reused;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    Parser fresh;
    result<AnyIq> a = fresh.parse<AnyIq>(input);
    result<AnyIq> b = reused.parse<AnyIq>(input);
    if (!a) {
        fuzz_require(stanza_check::check_error(a.error(), size));
        if (b || b.error().code() != a.error().code() || b.error().offset() != a.error().offset() ||
            b.error().message() != a.error().message())
            fuzz_require("a reused Parser reports another outcome than a fresh one");
    } else {
        if (!b || !(*a == *b)) fuzz_require("a reused Parser parses to another stanza than a fresh one");
        if (fresh.validate(input)) fuzz_require("validate rejects what parse accepts");
    }
    fuzz_require(stanza_check::check_rules(input));
    return 0;
}
