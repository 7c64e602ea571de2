// libFuzzer target: Jid::parse on raw bytes (RFC 7622). A clean invalid_jid error, or a
// JID whose string form parses back equal and which from_parts accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact-size copy: AddressSanitizer catches any read past the view.
    std::unique_ptr<char[]> copy(new char[size ? size : 1]);
    if (size) std::memcpy(copy.get(), data, size);
    fuzz_require(stanza_check::check_jid(std::string_view(copy.get(), size)));
    return 0;
}
