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

#include "fuzz_common.hpp"

namespace xstanza::detail {
struct jid_test_access {
    static bool fast(std::string_view s, Jid& j) noexcept { return Jid::parse_ascii(s, j); }
    static bool in(std::string_view s, const char* lo, const char* hi, Jid& j) noexcept {
        return Jid::parse_ascii_in(s, lo, hi, j);
    }
};
}  // namespace xstanza::detail

namespace {

// The offset of a part in its JID, or npos for an empty part.
std::size_t part_at(std::string_view part, const char* jid) {
    return part.empty() ? std::string_view::npos : std::size_t(part.data() - jid);
}

// The block path on `text` inside [lo, hi) agrees with the one-pass path.
bool same_as_one_pass(std::string_view text, const char* lo, const char* hi) {
    using xstanza::detail::jid_test_access;
    xstanza::Jid a, b;
    const bool fast = jid_test_access::fast(text, a);
    const bool block = jid_test_access::in(text, lo, hi, b);
    if (fast != block) return false;
    return !fast || (a.local() == b.local() && a.domain() == b.domain() && a.resource() == b.resource() &&
                     part_at(a.local(), text.data()) == part_at(b.local(), text.data()) &&
                     part_at(a.domain(), text.data()) == part_at(b.domain(), text.data()) &&
                     part_at(a.resource(), text.data()) == part_at(b.resource(), text.data()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact-size copy: AddressSanitizer catches any read past the view.
    std::unique_ptr<char[]> copy(new char[size ? size : 1]);
    if (size) std::memcpy(copy.get(), data, size);
    const std::string_view text(copy.get(), size);
    fuzz_require(stanza_check::check_jid(text));
    // The block path: in a region of the JID's own size (exact, so that ASan sees any read
    // past it), and inside a larger buffer whose other bytes (the input's last byte)
    // must not change the answer.
    if (!same_as_one_pass(text, copy.get(), copy.get() + size)) {
        std::fprintf(stderr, "the block path disagrees with the one-pass path (exact region)\n");
        std::abort();
    }
    if (size) {
        std::unique_ptr<char[]> wide(new char[size + 32]);
        std::memset(wide.get(), data[size - 1], size + 32);
        std::memcpy(wide.get() + 16, data, size);
        const std::string_view inside(wide.get() + 16, size);
        // Bytes on both sides, then only before it (a short JID's block then ends at its end).
        if (!same_as_one_pass(inside, wide.get(), wide.get() + size + 32) ||
            !same_as_one_pass(inside, wide.get(), wide.get() + 16 + size)) {
            std::fprintf(stderr, "the block path disagrees with the one-pass path (inside a buffer)\n");
            std::abort();
        }
    }
    return 0;
}
