// Strings the tests build: the printable form of any bytes, and inputs made of repeated pieces
// (a piece n times, nested elements, numbered attributes, pseudo-random strings of chosen
// pieces). Without Boost: the fuzz targets and the hostile executables use it too.
#ifndef XSTANZA_TESTS_SUPPORT_STRINGS_HPP
#define XSTANZA_TESTS_SUPPORT_STRINGS_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace test_helpers {

/// `s` with every byte outside printable ASCII (and '\') as \xHH, cut after `max` bytes ("...").
inline std::string printable(std::string_view s, std::size_t max = 200) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < max; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += char(c);
        } else {
            out += "\\x";
            out += "0123456789ABCDEF"[c >> 4];
            out += "0123456789ABCDEF"[c & 15];
        }
    }
    if (s.size() > max) out += "...";
    return out;
}

/// `piece`, `n` times.
inline std::string repeat(std::string_view piece, std::size_t n) {
    std::string out;
    out.reserve(piece.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
}

/// `depth` elements <name>, each inside the one before: <a><a>...</a></a>.
inline std::string nested(std::size_t depth, std::string_view name = "a") {
    const std::string name_s(name);
    return repeat("<" + name_s + ">", depth) + repeat("</" + name_s + ">", depth);
}

/// `n` attributes for a start tag, each with its own name: " a0='1' a1='1' ...".
inline std::string numbered_attributes(std::size_t n, std::string_view value = "1", std::string_view prefix = "a") {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += " " + std::string(prefix) + std::to_string(i) + "='" + std::string(value) + "'";
    return out;
}

/// Deterministic strings made of chosen pieces: mostly the first `common` ones (so that the
/// runs between the others vary in length), each of the others now and then.
class piece_strings {
public:
    piece_strings(std::initializer_list<const char*> pieces, std::size_t common, std::uint32_t seed)
        : pieces_(pieces), common_(common), seed_(seed) {}
    /// A pseudo-random number (a linear congruential generator).
    std::uint32_t next() {
        seed_ = seed_ * 1103515245u + 12345u;
        return seed_ >> 8;
    }
    /// A string of `count` pieces.
    std::string make(std::size_t count) {
        std::string s;
        for (std::size_t k = 0; k < count; ++k) s += pieces_[next() % 4 == 0 ? next() % pieces_.size() : next() % common_];
        return s;
    }

private:
    std::vector<const char*> pieces_;
    std::size_t common_;
    std::uint32_t seed_;
};

}  // namespace test_helpers

#endif  // XSTANZA_TESTS_SUPPORT_STRINGS_HPP
