// benchmarks: counts heap allocations (the `allocs` counter), see alloc_counter.cpp.
#ifndef XSTANZA_BENCH_ALLOC_COUNTER_HPP
#define XSTANZA_BENCH_ALLOC_COUNTER_HPP

#include <cstdint>

namespace xstanza_bench {

/// Allocations so far in this process: every malloc, calloc, realloc and aligned
/// allocation (operator new included, it calls malloc), C libraries' too. Under
/// sanitizers (which own malloc) only operator new is counted.
std::uint64_t allocations() noexcept;

/// What is counted: "malloc" or "operator new".
const char* allocation_hook() noexcept;

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_ALLOC_COUNTER_HPP
