// xstanza-bench: parse/<impl>/<corpus>, stage/<step>/<corpus> and serialize/<impl>/<corpus> on
// Google Benchmark.
//
// Before running, every adapter walks every corpus once and its digest (walk.hpp) is
// compared with parse/rapidxml's: equal shape (types, enums, which fields are present)
// for all, equal decoded string sizes for those that decode references. Serializers'
// outputs are parsed back and compared the same way. A mismatch stops the run.
//
// Own flags, besides Google Benchmark's: --verify-only (check and exit), --no-verify.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <benchmark/benchmark.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "alloc_counter.hpp"
#include "corpora.hpp"
#include "impl_memchr.hpp"
#include "impl_rapidxml.hpp"
#include "impl_rapidxml_print.hpp"
#include "impl_string_builder.hpp"
#include "impl_xstanza.hpp"
#if XSTANZA_BENCH_HAVE_PUGIXML
#include "impl_pugixml.hpp"
#endif
#if XSTANZA_BENCH_HAVE_EXPAT
#include "impl_expat.hpp"
#endif
#if XSTANZA_BENCH_HAVE_GLOOX
#include "impl_gloox.hpp"
#endif
#if XSTANZA_BENCH_HAVE_LIBSTROPHE
#include "impl_libstrophe.hpp"
#endif

#ifndef XSTANZA_BENCH_CXX_FLAGS
#define XSTANZA_BENCH_CXX_FLAGS "(unknown)"
#endif

namespace {

using namespace xstanza_bench;

// ---------------------------------------------------------------------------
// parse/<impl>/<corpus>

template <class Impl>
void bm_parse(benchmark::State& state, const corpus* c) {
    Impl impl;
    digest d;
    for (const std::string& doc : c->docs) {  // warm-up: buffers reach their final size
        if (!impl.parse(doc, c->roster, d)) {
            state.SkipWithError("the walk failed");
            return;
        }
    }
    const std::uint64_t allocs_before = allocations();
    for (auto _ : state) {
        for (const std::string& doc : c->docs) {
            bool ok = impl.parse(doc, c->roster, d);
            benchmark::DoNotOptimize(ok);
        }
        benchmark::DoNotOptimize(d);
    }
    const std::uint64_t allocs = allocations() - allocs_before;
    const auto n = std::int64_t(state.iterations());
    state.SetBytesProcessed(n * std::int64_t(c->bytes));
    state.SetItemsProcessed(n * std::int64_t(c->items));
    state.counters["allocs"] = double(allocs) / double(n);
    state.SetLabel(c->unit);
}

template <class Impl>
bool walk_once(const corpus& c, digest& d) {
    Impl impl;
    for (const std::string& doc : c.docs)
        if (!impl.parse(doc, c.roster, d)) return false;
    return true;
}

enum class check { full, shape, none };

struct parse_entry {
    const char* name;
    check level;  // what verify() compares with parse/rapidxml
    std::size_t max_roster_items;  // larger corpora are skipped (0: none is)
    bool (*walk)(const corpus&, digest&);
    void (*bench)(benchmark::State&, const corpus*);

    bool runs_on(const corpus& c) const noexcept { return max_roster_items == 0 || !c.roster || c.items <= max_roster_items; }
};

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
    return {name, level, max_roster_items_of<Impl>::value, &walk_once<Impl>, &bm_parse<Impl>};
}

const std::vector<parse_entry>& parse_entries() {
    static const std::vector<parse_entry> v = {
        entry<xstanza_impl>("xstanza", check::full),
        entry<rapidxml_impl>("rapidxml", check::full),
        entry<rapidxml_fastest_impl>("rapidxml_fastest", check::shape),  // no reference decoding
#if XSTANZA_BENCH_HAVE_PUGIXML
        entry<pugixml_impl>("pugixml", check::full),
#endif
#if XSTANZA_BENCH_HAVE_EXPAT
        entry<expat_impl>("expat", check::full),
#endif
#if XSTANZA_BENCH_HAVE_GLOOX
        entry<gloox_impl>("gloox", check::full),
#endif
#if XSTANZA_BENCH_HAVE_LIBSTROPHE
        entry<libstrophe_impl>("libstrophe", check::full),
#endif
        entry<memchr_impl>("memchr", check::none),
    };
    return v;
}

// stage/<step>/<corpus>: parse/xstanza's first steps alone (impl_xstanza.hpp).
const std::vector<parse_entry>& stage_entries() {
    static const std::vector<parse_entry> v = {
        entry<xstanza_scan_stage>("xstanza_scan", check::none),
        entry<xstanza_tree_stage>("xstanza_tree", check::none),
    };
    return v;
}

// ---------------------------------------------------------------------------
// serialize/<impl>/<corpus>

template <class S>
void bm_serialize(benchmark::State& state, const roster_source* src) {
    S s(*src);
    std::size_t size = s.run();  // warm-up: the output buffer reaches its final size
    if (size == 0) {
        state.SkipWithError("serialization failed");
        return;
    }
    const std::uint64_t allocs_before = allocations();
    for (auto _ : state) {
        size = s.run();
        benchmark::DoNotOptimize(size);
    }
    const std::uint64_t allocs = allocations() - allocs_before;
    const auto n = std::int64_t(state.iterations());
    state.SetBytesProcessed(n * std::int64_t(size));
    state.SetItemsProcessed(n * std::int64_t(src->iq().payload.items.size()));
    state.counters["allocs"] = double(allocs) / double(n);
    state.SetLabel("items");
}

template <class S>
bool serialize_once(const roster_source& src, digest& d) {
    S s(src);
    if (s.run() == 0) return false;
    rapidxml_impl reader;
    return reader.parse(std::string(s.output()), true, d);
}

struct serialize_entry {
    const char* name;
    bool (*once)(const roster_source&, digest&);
    void (*bench)(benchmark::State&, const roster_source*);
};

template <class S>
serialize_entry sentry(const char* name) {
    return {name, &serialize_once<S>, &bm_serialize<S>};
}

const std::vector<serialize_entry>& serialize_entries() {
    static const std::vector<serialize_entry> v = {
        sentry<xstanza_serializer>("xstanza"),
        sentry<xstanza_into_serializer>("xstanza_into"),
        sentry<rapidxml_print_serializer>("rapidxml_print"),
        sentry<string_builder_serializer>("string_builder"),
    };
    return v;
}

const char* const serialize_corpora[] = {"roster100", "roster10k"};

struct source {
    const corpus* c;
    std::unique_ptr<roster_source> src;
};

const std::vector<source>& serialize_sources() {
    static const std::vector<source> v = [] {
        std::vector<source> s;
        for (const corpus& c : all_corpora())
            for (const char* name : serialize_corpora)
                if (c.name == name) s.push_back({&c, std::make_unique<roster_source>(c.docs.front())});
        return s;
    }();
    return v;
}

// ---------------------------------------------------------------------------
// Start-up check

bool verify() {
    bool ok = true;
    for (const corpus& c : all_corpora()) {
        digest ref;
        if (!walk_once<rapidxml_impl>(c, ref)) {
            std::fprintf(stderr, "verify: parse/rapidxml fails on %s\n", c.name.c_str());
            return false;
        }
        for (const parse_entry& e : parse_entries()) {
            if (e.level == check::none || !e.runs_on(c)) continue;
            digest d;
            bool walked = e.walk(c, d);
            bool same = walked && d.shape == ref.shape && (e.level == check::shape || d.text == ref.text);
            if (!same) {
                std::fprintf(stderr, "verify: parse/%s/%s %s parse/rapidxml's walk\n", e.name, c.name.c_str(),
                             walked ? "differs from" : "fails where it passes");
                if (std::strcmp(e.name, "xstanza") == 0 && !walked) {
                    xstanza_impl x;
                    for (const std::string& doc : c.docs) {
                        std::string why = x.explain(doc, c.roster);
                        if (!why.empty()) {
                            std::fprintf(stderr, "  xstanza: %s\n", why.c_str());
                            break;
                        }
                    }
                }
                ok = false;
            }
        }
    }
    for (const corpus& c : all_corpora()) {
        for (const parse_entry& e : stage_entries()) {
            digest d;
            if (!e.walk(c, d)) {
                std::fprintf(stderr, "verify: stage/%s/%s fails on the corpus\n", e.name, c.name.c_str());
                ok = false;
            }
        }
    }
    for (const source& s : serialize_sources()) {
        digest ref;
        walk_once<rapidxml_impl>(*s.c, ref);
        if (!s.src->ok()) {
            std::fprintf(stderr, "verify: xstanza cannot parse %s for serialize/\n", s.c->name.c_str());
            return false;
        }
        for (const serialize_entry& e : serialize_entries()) {
            digest d;
            if (!e.once(*s.src, d) || !(d == ref)) {
                std::fprintf(stderr, "verify: serialize/%s/%s output does not parse back to the corpus\n", e.name,
                             s.c->name.c_str());
                ok = false;
            }
        }
    }
    return ok;
}

void register_all() {
    for (const corpus& c : all_corpora())
        for (const parse_entry& e : parse_entries())
            if (e.runs_on(c))
                benchmark::RegisterBenchmark((std::string("parse/") + e.name + "/" + c.name).c_str(), e.bench, &c);
    for (const corpus& c : all_corpora())
        for (const parse_entry& e : stage_entries())
            benchmark::RegisterBenchmark((std::string("stage/") + e.name + "/" + c.name).c_str(), e.bench, &c);
    for (const source& s : serialize_sources())
        for (const serialize_entry& e : serialize_entries())
            benchmark::RegisterBenchmark((std::string("serialize/") + e.name + "/" + s.c->name).c_str(), e.bench,
                                         s.src.get());
}

void add_context() {
#if defined(__clang__)
    benchmark::AddCustomContext("compiler", std::string("clang ") + __clang_version__);
#elif defined(__GNUC__)
    benchmark::AddCustomContext("compiler", std::string("g++ ") + __VERSION__);
#endif
    benchmark::AddCustomContext("cxx_flags", XSTANZA_BENCH_CXX_FLAGS);
    benchmark::AddCustomContext("allocs_counted_by", allocation_hook());
    std::string impls;
    for (const parse_entry& e : parse_entries()) impls += std::string(impls.empty() ? "" : " ") + e.name;
    benchmark::AddCustomContext("parse_impls", impls);
    std::string skipped;
    for (const corpus& c : all_corpora())
        for (const parse_entry& e : parse_entries())
            if (!e.runs_on(c)) skipped += (skipped.empty() ? "" : " ") + std::string("parse/") + e.name + "/" + c.name;
    if (!skipped.empty()) benchmark::AddCustomContext("skipped", skipped);
    std::string sizes;
    for (const corpus& c : all_corpora())
        sizes += (sizes.empty() ? "" : " ") + c.name + "=" + std::to_string(c.bytes) + "B/" + std::to_string(c.docs.size());
    benchmark::AddCustomContext("corpora", sizes);
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // A long-lived process's heap rarely shrinks; a benchmark's can, at every parse: RapidXML
    // frees its 64 KiB pool blocks in clear(), and when they sit at the top of the heap glibc
    // returns them to the kernel (M_TRIM_THRESHOLD, 128 KiB), so the next parse page-faults
    // them back in (parse/rapidxml/roster100k: 16,000 faults a parse, 200 instead of 330 MB/s,
    // depending on the heap's layout). Never trimming makes the runs repeatable.
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    benchmark::AddCustomContext("malloc", "glibc, M_TRIM_THRESHOLD=1 GiB (no heap trimming between parses)");
#endif
    bool verify_only = false, no_verify = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--verify-only") verify_only = true;
        else if (a == "--no-verify") no_verify = true;
        else args.push_back(argv[i]);
    }
    int n = int(args.size());
    args.push_back(nullptr);  // argv[argc] is null, as in main's
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
    if (!no_verify || verify_only) {
        if (!verify()) return 1;
        std::fprintf(stderr, "verify: every adapter agrees with parse/rapidxml on every corpus\n");
        if (verify_only) return 0;
    }
    register_all();
    add_context();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
