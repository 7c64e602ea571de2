// A minimal check harness for the tests/hostile/ executables: they replace the global
// allocator (tests/support/replace_new.hpp), set their own stacks or map guard pages, so each
// is a small program of its own rather than a Boost.Test suite. HOSTILE_CHECK prints the
// failure and counts it; main returns hostile::exit_status().
#ifndef XSTANZA_TESTS_HOSTILE_HOSTILE_HPP
#define XSTANZA_TESTS_HOSTILE_HOSTILE_HPP

#include <cstdio>

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

#endif  // XSTANZA_TESTS_HOSTILE_HOSTILE_HPP
