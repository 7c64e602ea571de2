// Test access to Jid's two ASCII fast paths, and the comparison of the block path
// (Jid::parse_ascii_in, which Parser uses on attribute values) with the one-pass path it
// stands for. Shared by tests/model/test_jid.cpp and tests/fuzz/fuzz_jid.cpp.
#ifndef XSTANZA_TESTS_SUPPORT_JID_BLOCK_CHECK_HPP
#define XSTANZA_TESTS_SUPPORT_JID_BLOCK_CHECK_HPP

#include <cstddef>
#include <string_view>

#include <xstanza/model/jid.hpp>

namespace xstanza::detail {
struct jid_test_access {
    static bool fast(std::string_view s, Jid& j) noexcept { return Jid::parse_ascii(s, j); }
    static bool in(std::string_view s, const char* lo, const char* hi, Jid& j) noexcept {
        return Jid::parse_ascii_in(s, lo, hi, j);
    }
};
}  // namespace xstanza::detail

namespace jid_block_check {

// The offset of a part in its JID, or npos for an empty part.
inline std::size_t part_at(std::string_view part, const char* jid) {
    return part.empty() ? std::string_view::npos : std::size_t(part.data() - jid);
}

/// The block path on `text`, which lies in the readable region [lo, hi), gives the one-pass
/// path's answer, and for an accepted JID the same parts at the same offsets.
inline bool block_path_agrees(std::string_view text, const char* lo, const char* hi) {
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

}  // namespace jid_block_check

#endif  // XSTANZA_TESTS_SUPPORT_JID_BLOCK_CHECK_HPP
