// xstanza detail: string comparisons the compiler can inline.
#ifndef XSTANZA_DETAIL_TEXT_HPP
#define XSTANZA_DETAIL_TEXT_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

namespace xstanza::detail {

/// s == literal, with the literal's length a constant: compiles to a size test and a few
/// loads instead of a call (GCC keeps std::string_view::compare out of line).
template <std::size_t N>
inline bool is(std::string_view s, const char (&literal)[N]) noexcept {
    return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
}

/// a == b for two run-time strings: the size test first, then memcmp.
inline bool same(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && (a.data() == b.data() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace xstanza::detail

#endif  // XSTANZA_DETAIL_TEXT_HPP
