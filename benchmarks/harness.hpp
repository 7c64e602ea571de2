// benchmarks: what the translation units of xstanza-bench share: the benchmark bodies,
// the entry tables they export to main.cpp, and the start-up walk.
//
// Each implementation is compiled in a translation unit of its own (parse_<impl>.cpp,
// serialize_<impl>.cpp), as it would be in a program that uses only it. In one large
// unit GCC's unit-wide inlining budget runs out part way, and whichever code comes late
// pays: the shared walk's string comparisons then become calls to memcmp, which made
// parse/rapidxml 30-50% slower than in a small program. main.cpp includes no
// implementation header, so that no out-of-line copy of their code comes from it.
#ifndef XSTANZA_BENCH_HARNESS_HPP
#define XSTANZA_BENCH_HARNESS_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <benchmark/benchmark.h>

#include "alloc_counter.hpp"
#include "corpora.hpp"
#include "walk.hpp"

namespace xstanza_bench {

// ---------------------------------------------------------------------------
// parse/<impl>/<corpus>

/// What verify() (main.cpp) compares with parse/rapidxml's walk: everything, the shape
/// only (no reference decoding), or nothing (no walk; the walk must still succeed).
enum class check { full, shape, none };

struct parse_entry {
    const char* name;
    check level;
    std::size_t max_roster_items;  // larger corpora are skipped (0: none is)
    bool (*walk)(const corpus&, byte_digest&);  // verify()'s walk: every byte of every string
    void (*bench)(benchmark::State&, const corpus*);
    bool (*passes)(const corpus&, std::size_t, digest&);  // the timed walk, outside the timer
    std::uint64_t (*steady_allocations)(const corpus&);   // allocations in a pass after a warm-up one

    bool runs_on(const corpus& c) const noexcept { return max_roster_items == 0 || !c.roster || c.items <= max_roster_items; }
};

/// Whether a benchmark failed (a rejected input, a wrong size): main() then exits non-zero.
inline bool& any_failure() noexcept {
    static bool failed = false;
    return failed;
}

/// Marks the benchmark as failed (Google Benchmark reports it as an error) and the run too.
inline void fail(benchmark::State& state, const char* why) {
    any_failure() = true;
    state.SkipWithError(why);
}

template <class Impl>
void bm_parse(benchmark::State& state, const corpus* c) {
    Impl impl;
    digest d;
    for (const std::string& doc : c->docs) {  // warm-up: buffers reach their final size
        if (!impl.parse(doc, c->kind, d)) {
            fail(state, "the walk failed (warm-up)");
            return;
        }
    }
    const std::uint64_t allocs_before = allocations();
    bool ok = true;  // every parse in the loop succeeded; checked once, after it
    for (auto _ : state) {
        for (const std::string& doc : c->docs) ok &= impl.parse(doc, c->kind, d);
        benchmark::DoNotOptimize(d);
    }
    if (!ok) {
        fail(state, "the walk failed inside the timed loop");
        return;
    }
    const std::uint64_t allocs = allocations() - allocs_before;
    const auto n = std::int64_t(state.iterations());
    state.SetBytesProcessed(n * std::int64_t(c->bytes));
    state.SetItemsProcessed(n * std::int64_t(c->items));
    state.counters["allocs"] = double(allocs) / double(n);
    state.SetLabel(c->unit);
}

/// `n` passes over the corpus after one warm-up pass, with one Impl: what --count runs.
/// Out of line and named, so that benchmarks/instructions.sh counts exactly its
/// instructions (callgrind --toggle-collect=*counted_passes*).
template <class Impl>
[[gnu::noinline]] bool counted_passes(Impl& impl, const corpus& c, std::size_t n, digest& d) {
    for (std::size_t i = 0; i < n; ++i)
        for (const std::string& doc : c.docs)
            if (!impl.parse(doc, c.kind, d)) return false;
    return true;
}

template <class Impl>
bool passes(const corpus& c, std::size_t n, digest& d) {
    Impl impl;
    for (const std::string& doc : c.docs)  // warm-up: buffers reach their final size
        if (!impl.parse(doc, c.kind, d)) return false;
    return counted_passes(impl, c, n, d);
}

/// One pass with a fresh Impl, feeding the bytes of every string: verify()'s walk.
template <class Impl>
bool walk_once(const corpus& c, byte_digest& d) {
    Impl impl;
    for (const std::string& doc : c.docs)
        if (!impl.parse(doc, c.kind, d)) return false;
    return true;
}

/// Allocations during one pass over the corpus after a warm-up pass (as the timed loop
/// counts them), or UINT64_MAX when a parse fails: what verify() requires to be 0 of
/// parse/xstanza on every corpus.
template <class Impl>
std::uint64_t steady_allocations(const corpus& c) {
    Impl impl;
    digest d;
    for (const std::string& doc : c.docs)
        if (!impl.parse(doc, c.kind, d)) return UINT64_MAX;
    const std::uint64_t before = allocations();
    for (const std::string& doc : c.docs)
        if (!impl.parse(doc, c.kind, d)) return UINT64_MAX;
    return allocations() - before;
}

template <class Impl, class = void>
struct max_roster_items_of {
    static constexpr std::size_t value = 0;
};
template <class Impl>
struct max_roster_items_of<Impl, std::void_t<decltype(Impl::max_roster_items)>> {
    static constexpr std::size_t value = Impl::max_roster_items;
};

template <class Impl>
parse_entry entry(const char* name, check level) {
    return {name,           level,           max_roster_items_of<Impl>::value, &walk_once<Impl>, &bm_parse<Impl>,
            &passes<Impl>, &steady_allocations<Impl>};
}

// The tables, one function per translation unit (a peer's only when it is installed).
std::vector<parse_entry> xstanza_parse_entries();   // parse_xstanza.cpp
std::vector<parse_entry> xstanza_stage_entries();   // parse_xstanza.cpp: stage/<step>
std::vector<parse_entry> rapidxml_parse_entries();  // parse_rapidxml.cpp
std::vector<parse_entry> pugixml_parse_entries();
std::vector<parse_entry> expat_parse_entries();
std::vector<parse_entry> gloox_parse_entries();
std::vector<parse_entry> libstrophe_parse_entries();
std::vector<parse_entry> memchr_parse_entries();

/// Why parse/xstanza fails on a document of `c` ("" when it does not): start-up diagnostics.
std::string xstanza_explain(const corpus& c);

// ---------------------------------------------------------------------------
// serialize/<impl>/<corpus>

/// A roster result parsed once by xstanza and kept: what every serializer writes.
class roster_source;
std::shared_ptr<const roster_source> make_roster_source(const std::string& xml);  // serialize_xstanza.cpp
bool source_ok(const roster_source& s) noexcept;
std::size_t source_items(const roster_source& s) noexcept;

/// Reads a serializer's output back (parse/rapidxml's walk, from parse_rapidxml.cpp).
bool read_back(const std::string& xml, byte_digest& d);

struct serialize_entry {
    const char* name;
    bool (*once)(const roster_source&, byte_digest&);
    void (*bench)(benchmark::State&, const roster_source*);
};

template <class S>
void bm_serialize(benchmark::State& state, const roster_source* src) {
    S s(*src);
    const std::size_t size = s.run();  // warm-up: the output buffer reaches its final size
    if (size == 0) {
        fail(state, "serialization failed (warm-up)");
        return;
    }
    const std::uint64_t allocs_before = allocations();
    bool ok = true;  // every run wrote as many bytes as the warm-up; checked once, after the loop
    for (auto _ : state) {
        const std::size_t n = s.run();
        ok &= n == size;
        benchmark::DoNotOptimize(n);
    }
    if (!ok) {
        fail(state, "serialization failed or changed size inside the timed loop");
        return;
    }
    const std::uint64_t allocs = allocations() - allocs_before;
    const auto n = std::int64_t(state.iterations());
    state.SetBytesProcessed(n * std::int64_t(size));
    state.SetItemsProcessed(n * std::int64_t(source_items(*src)));
    state.counters["allocs"] = double(allocs) / double(n);
    state.SetLabel("items");
}

template <class S>
bool serialize_once(const roster_source& src, byte_digest& d) {
    S s(src);
    if (s.run() == 0) return false;
    return read_back(std::string(s.output()), d);
}

template <class S>
serialize_entry sentry(const char* name) {
    return {name, &serialize_once<S>, &bm_serialize<S>};
}

std::vector<serialize_entry> xstanza_serialize_entries();  // serialize_xstanza.cpp
std::vector<serialize_entry> peer_serialize_entries();     // serialize_peers.cpp: rapidxml_print, string_builder

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_HARNESS_HPP
