// libFuzzer target: Jid::parse on raw bytes (RFC 7622). A clean invalid_jid error, or a
// JID whose string form parses back equal and which from_parts accepts. Also compares the
// parser's block path for attribute JIDs (sixteen bytes at a time, reading the buffer
// around the JID) with the one-pass path it stands for.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "../support/jid_block_check.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact-size copy: AddressSanitizer catches any read past the view.
    std::unique_ptr<char[]> copy(new char[size ? size : 1]);
    if (size) std::memcpy(copy.get(), data, size);
    const std::string_view text(copy.get(), size);
    fuzz_require(stanza_check::check_jid(text));
    // The block path: in a region of the JID's own size (exact, so that ASan sees any read
    // past it), and inside a larger buffer whose other bytes (the input's last byte)
    // must not change the answer.
    if (!jid_block_check::block_path_agrees(text, copy.get(), copy.get() + size)) {
        std::fprintf(stderr, "the block path disagrees with the one-pass path (exact region)\n");
        std::abort();
    }
    if (size) {
        std::unique_ptr<char[]> wide(new char[size + 32]);
        std::memset(wide.get(), data[size - 1], size + 32);
        std::memcpy(wide.get() + 16, data, size);
        const std::string_view inside(wide.get() + 16, size);
        // Bytes on both sides, then only before it (a short JID's block then ends at its end).
        if (!jid_block_check::block_path_agrees(inside, wide.get(), wide.get() + size + 32) ||
            !jid_block_check::block_path_agrees(inside, wide.get(), wide.get() + 16 + size)) {
            std::fprintf(stderr, "the block path disagrees with the one-pass path (inside a buffer)\n");
            std::abort();
        }
    }
    return 0;
}
