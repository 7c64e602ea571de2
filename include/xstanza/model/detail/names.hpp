// xstanza detail: the names of enumeration values, read from their tables.
#ifndef XSTANZA_MODEL_DETAIL_NAMES_HPP
#define XSTANZA_MODEL_DETAIL_NAMES_HPP

#include <array>
#include <cstddef>
#include <string_view>

namespace xstanza::detail {

/// names[i], or "" when i is past the table: the name of an enumeration value, which a cast
/// from a number can put outside its list (to_string never reads past the table).
template <std::size_t N>
constexpr std::string_view name_at(const std::array<std::string_view, N>& names, std::size_t i) noexcept {
    return i < N ? names[i] : std::string_view{};
}

/// a == b, byte by byte: short names, compared inline (no call, constexpr).
constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

}  // namespace xstanza::detail

#endif  // XSTANZA_MODEL_DETAIL_NAMES_HPP
