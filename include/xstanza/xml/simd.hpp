// xstanza detail: the AVX2 blocks of the scanner's byte loops (text.hpp), thirty-two bytes
// at a time. Each function is compiled for AVX2 alone (target("avx2"), not -mavx2), and the
// loops call it only when the active path (model/detail/simd.hpp) is avx2. Each reads whole
// blocks while at least 32 bytes remain and returns where it stopped: at the byte it looks
// for, or where fewer than 32 bytes remain; the caller's SSE2 and word loops go on from there.
#ifndef XSTANZA_XML_SIMD_HPP
#define XSTANZA_XML_SIMD_HPP

#include "../model/detail/simd.hpp"

#if XSTANZA_SIMD_AVX2
#include <immintrin.h>

namespace xstanza::detail {

// skip_plain_with's blocks: stops at a, b, c, a control byte (< 0x20) or a non-ASCII byte
// (>= 0x80). A signed compare with 0x20 catches the last two (>= 0x80 are negative).
__attribute__((target("avx2"))) inline const unsigned char* skip_plain_avx2(const unsigned char* p,
                                                                          const unsigned char* end, unsigned char a,
                                                                          unsigned char b, unsigned char c) noexcept {
    const __m256i va = _mm256_set1_epi8(char(a)), vb = _mm256_set1_epi8(char(b)), vc = _mm256_set1_epi8(char(c));
    const __m256i space = _mm256_set1_epi8(0x20);
    while (end - p >= 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, va), _mm256_cmpeq_epi8(v, vb)),
                                            _mm256_or_si256(_mm256_cmpeq_epi8(v, vc), _mm256_cmpgt_epi8(space, v)));
        const unsigned mask = unsigned(_mm256_movemask_epi8(hit));
        if (mask) return p + __builtin_ctz(mask);
        p += 32;
    }
    return p;
}

// find_amp_or_control's blocks: stops at '&' or a byte 0x00..0x1F (min(v, 0x1F) == v
// exactly for those, unsigned).
__attribute__((target("avx2"))) inline char* find_amp_or_control_avx2(char* p, char* end) noexcept {
    const __m256i amp = _mm256_set1_epi8('&'), control = _mm256_set1_epi8(0x1F);
    while (end - p >= 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i hit =
            _mm256_or_si256(_mm256_cmpeq_epi8(v, amp), _mm256_cmpeq_epi8(_mm256_min_epu8(v, control), v));
        const unsigned mask = unsigned(_mm256_movemask_epi8(hit));
        if (mask) return p + __builtin_ctz(mask);
        p += 32;
    }
    return p;
}

}  // namespace xstanza::detail

#endif  // XSTANZA_SIMD_AVX2

#endif  // XSTANZA_XML_SIMD_HPP
