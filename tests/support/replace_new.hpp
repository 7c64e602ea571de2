// Replaces the global operator new and delete, all twelve forms, of the executable that expands
// XSTANZA_TEST_REPLACE_NEW(ALLOCATE, RELEASE) once, at namespace scope: ALLOCATE(size) returns
// memory or nullptr (the throwing forms then throw std::bad_alloc), RELEASE(pointer) frees it.
// Both are malloc-backed, so GCC's -Wmismatched-new-delete does not apply. Used by the
// allocation suite (tests/properties/test_alloc.cpp, counting) and the hostile executables
// hostile_memory (measuring) and hostile_badalloc (failing on the k-th call).
#ifndef XSTANZA_TESTS_SUPPORT_REPLACE_NEW_HPP
#define XSTANZA_TESTS_SUPPORT_REPLACE_NEW_HPP

#include <cstddef>
#include <new>

#if defined(__GNUC__) && !defined(__clang__)
#define XSTANZA_TEST_NO_MISMATCH_WARNING _Pragma("GCC diagnostic ignored \"-Wmismatched-new-delete\"")
#else
#define XSTANZA_TEST_NO_MISMATCH_WARNING
#endif
#define XSTANZA_TEST_REPLACE_NEW(ALLOCATE, RELEASE)                                                    \
    XSTANZA_TEST_NO_MISMATCH_WARNING                                                                   \
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

#endif  // XSTANZA_TESTS_SUPPORT_REPLACE_NEW_HPP
