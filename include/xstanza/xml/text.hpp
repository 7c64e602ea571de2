// xstanza detail: string comparisons the compiler can inline, and the fast skip over
// bytes that need no attention (scanner, decoding, escaping).
#ifndef XSTANZA_XML_TEXT_HPP
#define XSTANZA_XML_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "simd.hpp"

#if XSTANZA_SIMD_SSE2
#include <emmintrin.h>
#endif

namespace xstanza::detail {

/// s == literal, with the literal's length a constant: compiles to a size test and a few
/// loads instead of a call (GCC keeps std::string_view::compare out of line).
template <std::size_t N>
inline bool is(std::string_view s, const char (&literal)[N]) noexcept {
    if constexpr (N == 1) return s.empty();  // an empty view may have a null data()
    else return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
}

/// a == b for two run-time strings: the size test first, then memcmp. Two empty views are
/// equal without it: either may have a null data(), and memcmp(_, nullptr, 0) is undefined
/// (found by a long fuzz run: an element in no namespace, xmlns='', inside a message).
#if defined(__GNUC__) || defined(__clang__)
[[gnu::always_inline]]
#endif
inline bool same(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    if (a.data() == b.data()) return true;  // the common case: a namespace the scanner interned
    return a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0;
}

#if XSTANZA_SIMD_SSE2
#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_TEXT_MASK [[gnu::always_inline]] inline
#else
#define XSTANZA_TEXT_MASK inline
#endif

// The sixteen bytes at p as a bit mask (bit i: byte i) of the bytes skip_plain stops at:
// va, vb or vc (each a byte repeated), or below 0x20 as a signed byte, which catches both
// control bytes and non-ASCII bytes (>= 0x80 are negative as signed chars).
XSTANZA_TEXT_MASK unsigned plain_stops16(const unsigned char* p, __m128i va, __m128i vb, __m128i vc) noexcept {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));
    return unsigned(_mm_movemask_epi8(hit));
}

// The sixteen bytes at p as a bit mask of '&' and the control bytes 0x00..0x1F, where
// find_amp_or_control stops: min(v, 0x1F) == v exactly for those (unsigned).
XSTANZA_TEXT_MASK unsigned amp_or_control16(const char* p) noexcept {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
                                                   _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v))));
}
#undef XSTANZA_TEXT_MASK

// The vector blocks of skip_plain_with once a run has proved long (two sixteen-byte blocks
// without a stop byte): out of line, so that the inlined loop stays as small as the plain
// SSE2 loop, and the active path (model/detail/simd.hpp) is read here alone. Thirty-two
// bytes at a time where avx2 is active, then sixteen; returns a stop byte, or where fewer
// than sixteen bytes remain (the caller's word loop and tail go on from there).
#if defined(__GNUC__) || defined(__clang__)
[[gnu::noinline]]
#endif
inline const unsigned char* skip_plain_long(const unsigned char* p, const unsigned char* end, unsigned char a,
                                            unsigned char b, unsigned char c) noexcept {
#if XSTANZA_SIMD_AVX2
    if (simd_avx2_active()) p = skip_plain_avx2(p, end, a, b, c);
#endif
    const __m128i va = _mm_set1_epi8(char(a)), vb = _mm_set1_epi8(char(b)), vc = _mm_set1_epi8(char(c));
    while (end - p >= 16) {
        if (const unsigned mask = plain_stops16(p, va, vb, vc)) return p + __builtin_ctz(mask);
        p += 16;
    }
    return p;
}
#endif

// Skips bytes that need no attention: printable ASCII other than a, b and c. Stops at a,
// b, c, a control byte (< 0x20) or a non-ASCII byte (>= 0x80), or at end. Reads blocks
// while at least eight bytes remain, and returns tail(p) for the shorter rest. The stop
// bytes are arguments: constants once inlined (skip_plain), or one a value chooses (the
// scanner's quote).
//
// The path (model/detail/simd.hpp) costs the common, short run nothing: the sixteen-byte
// loop runs while simd_min_run bytes remain, 16 on sse2 and avx2, never on scalar, the
// same compare the loop makes anyway. With LongRuns (the scanner's text after a start tag,
// where long runs are bodies), a run past two blocks goes on in skip_plain_long, avx2's
// thirty-two bytes at a time where active. Only there: any further branch or call in the
// loop, inlined into the scanner, cost its small stanzas 2 to 4% more instructions.
template <bool LongRuns = false, class Tail>
inline const unsigned char* skip_plain_with(const unsigned char* p, const unsigned char* end, unsigned char a,
                                            unsigned char b, unsigned char c, Tail tail) noexcept {
#if XSTANZA_SIMD_SSE2
    // Sixteen bytes at a time.
    const __m128i va = _mm_set1_epi8(char(a)), vb = _mm_set1_epi8(char(b)), vc = _mm_set1_epi8(char(c));
    const std::ptrdiff_t run = simd_min_run.load(std::memory_order_relaxed);
    [[maybe_unused]] const unsigned char* const start = p;
    while (end - p >= run) {
        if (const unsigned mask = plain_stops16(p, va, vb, vc)) return p + __builtin_ctz(mask);
        p += 16;
        if constexpr (LongRuns) {
            if (p - start == 32) {
                p = skip_plain_long(p, end, a, b, c);
                break;
            }
        }
    }
#endif
    // Eight bytes at a time (SWAR): a byte's high bit in `hit` is set when it matters,
    // exactly so for the lowest such byte (borrows only run upwards), so on a little-endian
    // machine the lowest set bit locates it; elsewhere tail() does.
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    const std::uint64_t ma = ones * a, mb = ones * b, mc = ones * c;
    while (end - p >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        const std::uint64_t xa = v ^ ma, xb = v ^ mb, xc = v ^ mc;
        const std::uint64_t hit =
            (((xa - ones) & ~xa) | ((xb - ones) & ~xb) | ((xc - ones) & ~xc) | (v - ones * 0x20) | v) & highs;
        if (hit) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return p + (__builtin_ctzll(hit) >> 3);
#else
            break;
#endif
        }
        p += 8;
    }
    return tail(p);
}

// True for the bytes skip_plain<A, B, C> skips: printable ASCII other than A, B and C.
template <unsigned char A, unsigned char B, unsigned char C>
struct plain_table {
    bool v[256] = {};
    constexpr plain_table() {
        for (int c = 0x20; c < 0x80; ++c) v[c] = c != A && c != B && c != C;
    }
};
template <unsigned char A, unsigned char B, unsigned char C>
inline constexpr plain_table<A, B, C> plain_bytes{};

// Skips printable ASCII other than A, B and C: stops at A, B, C, a control byte, a
// non-ASCII byte, or at end.
template <unsigned char A, unsigned char B, unsigned char C, bool LongRuns = false>
inline const unsigned char* skip_plain(const unsigned char* p, const unsigned char* end) noexcept {
    // The tail, under eight bytes (and everything on big-endian machines): one table lookup a byte.
    return skip_plain_with<LongRuns>(p, end, A, B, C, [end](const unsigned char* q) {
        while (q != end && plain_bytes<A, B, C>.v[*q]) ++q;
        return q;
    });
}

#if XSTANZA_SIMD_SSE2
// The vector blocks of find_amp_or_control once a run has proved long (two sixteen-byte
// blocks without '&' or a control byte), out of line as skip_plain_long is: thirty-two
// bytes at a time where avx2 is active, then sixteen, and a shorter tail as the region's last
// sixteen bytes (the run has thirty-two before p); returns the byte found, or end.
#if defined(__GNUC__) || defined(__clang__)
[[gnu::noinline]]
#endif
inline char* find_amp_or_control_long(char* p, char* end) noexcept {
#if XSTANZA_SIMD_AVX2
    if (simd_avx2_active()) p = find_amp_or_control_avx2(p, end);
#endif
    while (end - p >= 16) {
        if (const unsigned mask = amp_or_control16(p)) return p + __builtin_ctz(mask);
        p += 16;
    }
    if (p == end) return p;
    const unsigned mask = amp_or_control16(end - 16) >> (16 - (end - p));
    return mask ? p + __builtin_ctz(mask) : end;
}
#endif

/// The first byte in [p, end) that is '&' or a control byte (tab, LF, CR and the rest of
/// C0), or end: where decoding a value or text has work to do. Non-ASCII bytes are skipped.
/// [first, end) is the whole region p lies in: a tail shorter than sixteen bytes is read
/// as the region's last sixteen bytes when the region is that long. Sixteen bytes at a time
/// while simd_min_run bytes remain (model/detail/simd.hpp: 16 on sse2 and avx2; on scalar,
/// never, and byte by byte); past two blocks, find_amp_or_control_long.
inline char* find_amp_or_control(const char* first, char* p, char* end) noexcept {
#if XSTANZA_SIMD_SSE2
    const std::ptrdiff_t run = simd_min_run.load(std::memory_order_relaxed);
    const char* const start = p;
    while (end - p >= run) {
        if (const unsigned mask = amp_or_control16(p)) return p + __builtin_ctz(mask);
        p += 16;
        if (p - start == 32) return find_amp_or_control_long(p, end);
    }
    if (p != end && end - first >= run) {
        const unsigned mask = amp_or_control16(end - 16) >> (16 - (end - p));
        return mask ? p + __builtin_ctz(mask) : end;
    }
#else
    (void)first;
#endif
    while (p != end && *p != '&' && static_cast<unsigned char>(*p) >= 0x20) ++p;
    return p;
}

/// Copies m <= 16 bytes from src to dst without a call. Every load comes before any store,
/// so the two ranges may overlap (decoding moves runs down within one buffer).
inline void copy_short(char* dst, const char* src, std::size_t m) noexcept {
    if (m >= 8) {
        std::uint64_t a, b;
        std::memcpy(&a, src, 8);
        std::memcpy(&b, src + m - 8, 8);
        std::memcpy(dst, &a, 8);
        std::memcpy(dst + m - 8, &b, 8);
    } else if (m >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, src, 4);
        std::memcpy(&b, src + m - 4, 4);
        std::memcpy(dst, &a, 4);
        std::memcpy(dst + m - 4, &b, 4);
    } else {
        for (std::size_t i = 0; i < m; ++i) dst[i] = src[i];
    }
}

}  // namespace xstanza::detail

#endif  // XSTANZA_XML_TEXT_HPP
