// A minimal check harness for the tests/hostile/ executables: they replace the global
// allocator, set their own stacks or map guard pages, so each is a small program of its
// own rather than a Boost.Test suite. HOSTILE_CHECK prints the failure and counts it;
// main returns hostile::exit_status().
#ifndef XSTANZA_TESTS_HOSTILE_HOSTILE_HPP
#define XSTANZA_TESTS_HOSTILE_HOSTILE_HPP

#include <cstddef>
#include <cstdio>
#include <new>

namespace hostile {

inline int& failures() {
    static int n = 0;
    return n;
}

inline int exit_status() {
    if (failures()) std::printf("FAILED: %d check(s)\n", failures());
    else std::printf("all checks passed\n");
    return failures() ? 1 : 0;
}

}  // namespace hostile

#define HOSTILE_CHECK(cond, ...)                                                      \
    do {                                                                              \
        if (!(cond)) {                                                                \
            if (++hostile::failures() <= 20) {                                        \
                std::printf("%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
                std::printf(__VA_ARGS__);                                             \
                std::printf("\n");                                                    \
            }                                                                         \
        }                                                                             \
    } while (0)

// Replaces the global operator new and delete (all twelve forms) of the executable that
// expands it, once, at namespace scope: ALLOCATE(size) returns memory or nullptr (the
// throwing forms then throw std::bad_alloc), RELEASE(pointer) frees it. Both are
// malloc-backed, so GCC's -Wmismatched-new-delete does not apply.
#if defined(__GNUC__) && !defined(__clang__)
#define HOSTILE_NO_MISMATCH_WARNING _Pragma("GCC diagnostic ignored \"-Wmismatched-new-delete\"")
#else
#define HOSTILE_NO_MISMATCH_WARNING
#endif
#define HOSTILE_REPLACE_GLOBAL_NEW(ALLOCATE, RELEASE)                                                  \
    HOSTILE_NO_MISMATCH_WARNING                                                                        \
    void* operator new(std::size_t n) {                                                               \
        if (void* p = ALLOCATE(n)) return p;                                                           \
        throw std::bad_alloc();                                                                        \
    }                                                                                                  \
    void* operator new[](std::size_t n) {                                                             \
        if (void* p = ALLOCATE(n)) return p;                                                           \
        throw std::bad_alloc();                                                                        \
    }                                                                                                  \
    void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return ALLOCATE(n); }         \
    void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return ALLOCATE(n); }       \
    void operator delete(void* p) noexcept { RELEASE(p); }                                             \
    void operator delete[](void* p) noexcept { RELEASE(p); }                                           \
    void operator delete(void* p, std::size_t) noexcept { RELEASE(p); }                                \
    void operator delete[](void* p, std::size_t) noexcept { RELEASE(p); }                              \
    void operator delete(void* p, const std::nothrow_t&) noexcept { RELEASE(p); }                      \
    void operator delete[](void* p, const std::nothrow_t&) noexcept { RELEASE(p); }

#endif  // XSTANZA_TESTS_HOSTILE_HOSTILE_HPP
