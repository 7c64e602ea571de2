// libFuzzer target: any stanza (AnyStanza: an IQ, a message or a presence) parse ->
// serialize -> parse must succeed and compare equal, and serialize must be a fixed point;
// serialize_into, serialize_to, to_xml and make_owned agree with serialize.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static xstanza::Parser parser, scratch;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_require(stanza_check::check_parse<xstanza::AnyStanza>(parser, scratch, input));
    return 0;
}
