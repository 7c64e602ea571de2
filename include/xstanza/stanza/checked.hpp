// xstanza: the checked mode (define XSTANZA_CHECKED before including xstanza, independent of
// NDEBUG; POSIX only). A parsed stanza's strings are views into the bytes the Parser parsed;
// reading one after that Parser parsed again reads whatever lies there now. In checked mode
// Parser::parse() copies each input into pages of its own, and when the Parser parses again
// (or is destroyed) the previous copy's pages are made unreadable, so such a read stops at
// once with a message naming the mistake, instead of returning another stanza's bytes.
//
// What it covers: every view into parse()'s copy (ids, JIDs, attribute values and texts of a
// typed parse, decoded in place). Not: parse_in_situ's buffer (the caller's memory), and the
// parse storage's lists themselves (their strings are covered). Costs a mapping per parse: a
// debugging aid, not for production.
#ifndef XSTANZA_STANZA_CHECKED_HPP
#define XSTANZA_STANZA_CHECKED_HPP

#if defined(XSTANZA_CHECKED)

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

namespace xstanza {
namespace detail {
namespace checked {

/// Pages holding one parse()'s copy of its input.
struct region {
    char* base = nullptr;
    std::size_t size = 0;
};

// The regions made unreadable, which the fault handler recognises (the latest 4096; an older
// one is unmapped, and a read there crashes without the message).
constexpr std::size_t max_poisoned = 4096;
inline region poisoned[max_poisoned];
inline std::atomic<std::size_t> poisoned_count{0};
inline struct sigaction previous_segv, previous_bus;

inline bool in_poisoned(const void* addr) noexcept {
    const std::size_t n = poisoned_count.load(std::memory_order_acquire);
    const std::size_t first = n > max_poisoned ? n - max_poisoned : 0;
    for (std::size_t i = first; i < n; ++i) {
        const region& r = poisoned[i % max_poisoned];
        if (static_cast<const char*>(addr) >= r.base && static_cast<const char*>(addr) < r.base + r.size) return true;
    }
    return false;
}

inline void on_fault(int sig, siginfo_t* info, void*) noexcept {
    if (info && in_poisoned(info->si_addr)) {
        static const char message[] =
            "xstanza checked mode: a stanza's view into an earlier parse was read after its Parser parsed again "
            "(or was destroyed); a parse's views live until the next parse on its Parser: copy what you keep, "
            "or keep the stanza with make_owned()\n";
        (void)!::write(2, message, sizeof message - 1);
        std::abort();
    }
    // Not ours: the previous disposition handles it when the instruction faults again.
    sigaction(sig, sig == SIGSEGV ? &previous_segv : &previous_bus, nullptr);
}

inline void install_handler() noexcept {
    static const bool installed = [] {
        struct sigaction a;
        std::memset(&a, 0, sizeof a);
        a.sa_sigaction = &on_fault;
        a.sa_flags = SA_SIGINFO;
        sigemptyset(&a.sa_mask);
        sigaction(SIGSEGV, &a, &previous_segv);
        sigaction(SIGBUS, &a, &previous_bus);
        return true;
    }();
    (void)installed;
}

/// Pages for `size` bytes (the input and its padding byte); an empty region when mapping fails.
inline region acquire(std::size_t size) noexcept {
    install_handler();
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    const std::size_t bytes = (size + page - 1) / page * page;
    void* p = mmap(nullptr, bytes ? bytes : page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return {};
    return region{static_cast<char*>(p), bytes ? bytes : page};
}

/// Makes `r` unreadable (its memory returned to the system, its addresses kept reserved) and
/// remembers it; the region it displaces from the record is unmapped.
inline void poison(region r) noexcept {
    if (!r.base) return;
    madvise(r.base, r.size, MADV_DONTNEED);
    mprotect(r.base, r.size, PROT_NONE);
    const std::size_t n = poisoned_count.load(std::memory_order_relaxed);
    region& slot = poisoned[n % max_poisoned];
    if (n >= max_poisoned) munmap(slot.base, slot.size);
    slot = r;
    poisoned_count.store(n + 1, std::memory_order_release);
}

/// parse()'s copy of its input in checked mode: made unreadable when replaced or destroyed,
/// moved with its Parser.
struct input_copy {
    region r;
    input_copy() noexcept = default;
    input_copy(input_copy&& o) noexcept : r(o.r) { o.r = {}; }
    input_copy& operator=(input_copy&& o) noexcept {
        if (this != &o) {
            poison(r);
            r = o.r;
            o.r = {};
        }
        return *this;
    }
    ~input_copy() { poison(r); }
    /// Pages for the next input of `size` bytes; the previous ones become unreadable.
    char* renew(std::size_t size) noexcept {
        poison(r);
        r = acquire(size);
        return r.base;
    }
};

}  // namespace checked
}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CHECKED
#endif  // XSTANZA_STANZA_CHECKED_HPP
