// Shared by the libFuzzer targets tests/fuzz/fuzz_*.cpp: a failed invariant prints what
// broke and aborts, so that libFuzzer saves the input as a crash artifact.
#ifndef XSTANZA_TESTS_FUZZ_COMMON_HPP
#define XSTANZA_TESTS_FUZZ_COMMON_HPP

#include <cstdio>
#include <cstdlib>
#include <string>

#include "../support/stanza_check.hpp"

inline void fuzz_require(const std::string& failure) {
    if (failure.empty()) return;
    std::fprintf(stderr, "xstanza invariant broken: %s\n", failure.c_str());
    std::abort();
}

#endif  // XSTANZA_TESTS_FUZZ_COMMON_HPP
