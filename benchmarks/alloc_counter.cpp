// benchmarks: the replaced allocation functions behind xstanza_bench::allocations().
//
// With glibc, malloc and friends are replaced (glibc manual, "Replacing malloc") by
// functions that count and forward to glibc's own allocator through its exported
// __libc_* entry points; shared libraries (expat, pugixml, gloox, libstrophe) reach
// them through the PLT like the program does. Elsewhere, and under sanitizers, global
// operator new is replaced instead. The count is a relaxed load and store, not a
// locked increment: the benchmarks are single-threaded and this keeps it cheap.
#include "alloc_counter.hpp"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(__SANITIZE_MEMORY__)
#define XSTANZA_BENCH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define XSTANZA_BENCH_SANITIZED 1
#endif
#endif

#if defined(__GLIBC__) && !defined(XSTANZA_BENCH_SANITIZED)
#define XSTANZA_BENCH_HOOK_MALLOC 1
#endif

namespace {

std::atomic<std::uint64_t> allocation_count{0};

inline void count() noexcept {
    allocation_count.store(allocation_count.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

}  // namespace

namespace xstanza_bench {

std::uint64_t allocations() noexcept { return allocation_count.load(std::memory_order_relaxed); }

const char* allocation_hook() noexcept {
#ifdef XSTANZA_BENCH_HOOK_MALLOC
    return "malloc";
#else
    return "operator new";
#endif
}

}  // namespace xstanza_bench

#ifdef XSTANZA_BENCH_HOOK_MALLOC

extern "C" {
void* __libc_malloc(std::size_t size) noexcept;
void* __libc_calloc(std::size_t n, std::size_t size) noexcept;
void* __libc_realloc(void* p, std::size_t size) noexcept;
void* __libc_memalign(std::size_t alignment, std::size_t size) noexcept;
void __libc_free(void* p) noexcept;

void* malloc(std::size_t size) noexcept {
    count();
    return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
    count();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) noexcept {
    count();
    return __libc_realloc(p, size);
}
void free(void* p) noexcept { __libc_free(p); }
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
    count();
    return __libc_memalign(alignment, size);
}
void* memalign(std::size_t alignment, std::size_t size) noexcept {
    count();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) return EINVAL;
    count();
    void* p = __libc_memalign(alignment, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
}  // extern "C"

#else  // count operator new only

void* operator new(std::size_t size) {
    count();
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    count();
    return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return ::operator new(size, std::nothrow); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

#endif
