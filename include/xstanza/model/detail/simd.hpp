// xstanza: which vector instructions the byte loops use (the scanner's skips in xml/text.hpp,
// the JID classifier in model/jid.hpp), chosen at run time. Plain C++, no XML: model/ and
// xml/ both read it. One process-wide byte holds the choice, and two thresholds derived from
// it that the loops read (relaxed) in length tests they make anyway; only the out-of-line
// loops for long runs read the byte itself.
#ifndef XSTANZA_MODEL_DETAIL_SIMD_HPP
#define XSTANZA_MODEL_DETAIL_SIMD_HPP

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>

// SSE2 code is compiled where the compiler targets SSE2 (baseline on x86-64); AVX2 code only
// inside functions marked target("avx2"), run after the CPU was asked.
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define XSTANZA_SIMD_SSE2 1
#else
#define XSTANZA_SIMD_SSE2 0
#endif
#if XSTANZA_SIMD_SSE2 && (defined(__x86_64__) || defined(__i386__))
#define XSTANZA_SIMD_AVX2 1
#else
#define XSTANZA_SIMD_AVX2 0
#endif

namespace xstanza {

/// A set of instructions for the byte loops, from the most portable to the widest.
enum class simd_path : unsigned char {
    scalar,  ///< eight bytes at a time in a 64-bit word, then byte by byte: any machine
    sse2,    ///< sixteen bytes at a time (x86 SSE2)
    avx2,    ///< thirty-two bytes at a time (x86 AVX2), the rest as sse2
};

/// "scalar", "sse2" or "avx2"; "" for a value outside the enumeration.
inline const char* to_string(simd_path p) noexcept {
    switch (p) {
    case simd_path::scalar: return "scalar";
    case simd_path::sse2: return "sse2";
    case simd_path::avx2: return "avx2";
    }
    return "";
}

/// The widest path this CPU runs: avx2 where the CPU has it, else sse2 where the build
/// targets x86 with SSE2, else scalar.
inline simd_path best_simd_path() noexcept {
#if XSTANZA_SIMD_AVX2
    __builtin_cpu_init();  // needed when called before the constructors run
    return __builtin_cpu_supports("avx2") ? simd_path::avx2 : simd_path::sse2;
#elif XSTANZA_SIMD_SSE2
    return simd_path::sse2;
#else
    return simd_path::scalar;
#endif
}

namespace detail {

// The active path plus one; 0 until the first parse, active_simd_path() or force_simd_path()
// chooses it.
inline std::atomic<unsigned char> simd_state{0};
enum : unsigned char { simd_unset = 0, simd_scalar = 1, simd_sse2 = 2, simd_avx2 = 3 };

// What the loops read: each folds the path into a length test it makes anyway, so that the
// common, short run pays one load for the choice and no branch.
// skip_plain_with and find_amp_or_control use sixteen-byte blocks where at least
// simd_min_run bytes remain: 16 on sse2 and avx2, more than any buffer holds on scalar.
// Jid::parse_ascii_in classifies JIDs of up to simd_jid_max bytes in blocks: 32, or 0 on
// scalar. Until the choice, sse2's values (baseline wherever SSE2 code is compiled); avx2's
// wider blocks only once chosen, in the out-of-line loops for long runs.
inline constexpr std::ptrdiff_t simd_no_run = PTRDIFF_MAX;
inline std::atomic<std::ptrdiff_t> simd_min_run{XSTANZA_SIMD_SSE2 ? 16 : simd_no_run};
inline std::atomic<std::size_t> simd_jid_max{XSTANZA_SIMD_SSE2 ? 32 : 0};

// Makes `state` (a chosen path plus one) the active one.
inline void set_simd_state(unsigned char state) noexcept {
    const bool vectors = state >= simd_sse2;
    simd_min_run.store(vectors ? 16 : simd_no_run, std::memory_order_relaxed);
    simd_jid_max.store(vectors ? 32 : 0, std::memory_order_relaxed);
    simd_state.store(state, std::memory_order_relaxed);
}

// `wanted`, or the best path below it that this CPU runs.
inline simd_path supported_simd_path(simd_path wanted) noexcept {
    const simd_path best = best_simd_path();
    return static_cast<unsigned char>(wanted) < static_cast<unsigned char>(best) ? wanted : best;
}

// The path XSTANZA_SIMD names ("scalar", "sse2", "avx2"); any other value, or none, names
// no path and leaves `out` as it is.
inline bool simd_path_named(const char* name, simd_path& out) noexcept {
    if (!name) return false;
    for (simd_path p : {simd_path::scalar, simd_path::sse2, simd_path::avx2}) {
        const char* a = to_string(p);
        const char* b = name;
        while (*a && *a == *b) {
            ++a;
            ++b;
        }
        if (!*a && !*b) {
            out = p;
            return true;
        }
    }
    return false;
}

// The first use: the path XSTANZA_SIMD names, else the best one; set unless another thread
// or force_simd_path() set one first, whose choice then stands.
#if defined(__GNUC__) || defined(__clang__)
[[gnu::noinline, gnu::cold]]
#endif
inline unsigned char choose_simd_state() noexcept {
    simd_path wanted = best_simd_path();
#if defined(_MSC_VER)
#pragma warning(suppress : 4996)  // getenv: read once, not kept
#endif
    simd_path_named(std::getenv("XSTANZA_SIMD"), wanted);
    unsigned char expected = simd_unset;
    const unsigned char chosen = static_cast<unsigned char>(static_cast<unsigned char>(supported_simd_path(wanted)) + 1);
    if (!simd_state.compare_exchange_strong(expected, chosen, std::memory_order_relaxed)) return expected;
    set_simd_state(chosen);
    return chosen;
}

// The state, chosen on first use.
inline unsigned char simd_state_now() noexcept {
    const unsigned char s = simd_state.load(std::memory_order_relaxed);
    return s != simd_unset ? s : choose_simd_state();
}

// Chooses the path unless chosen: once per parse (the scanner's entry), a load and a branch.
inline void choose_simd_path() noexcept {
    if (simd_state.load(std::memory_order_relaxed) == simd_unset) choose_simd_state();
}

// True when the active path is avx2: the out-of-line loops for long runs ask.
inline bool simd_avx2_active() noexcept { return simd_state_now() == simd_avx2; }

}  // namespace detail

/// The path the byte loops use: best_simd_path(), unless the environment variable
/// XSTANZA_SIMD named scalar, sse2 or avx2 at the first use (another value is ignored), or
/// force_simd_path() chose one. A path the CPU lacks gives the best one below it.
inline simd_path active_simd_path() noexcept {
    return static_cast<simd_path>(detail::simd_state_now() - 1);
}

/// Makes every later parse in the process use `p` (or the best path below it that the CPU
/// runs): for tests, fuzzers and benchmarks. Safe to call while other threads parse; each
/// loop reads the path once per call.
inline void force_simd_path(simd_path p) noexcept {
    detail::set_simd_state(
        static_cast<unsigned char>(static_cast<unsigned char>(detail::supported_simd_path(p)) + 1));
}

}  // namespace xstanza

#endif  // XSTANZA_MODEL_DETAIL_SIMD_HPP
