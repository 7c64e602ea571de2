// xstanza-bench: parse/<impl>/<corpus>, stage/<step>/<corpus> and serialize/<impl>/<corpus> on
// Google Benchmark. Each implementation lives in a translation unit of its own
// (parse_<impl>.cpp, serialize_<impl>.cpp; harness.hpp says why); this one only collects
// their tables, checks them and runs them.
//
// Before running, every adapter walks every corpus once and its digests (walk.hpp) are
// compared with parse/rapidxml's: equal shape (types, enums, which fields are present)
// for all, equal decoded string bytes (byte_digest) and sizes (digest, the timed walk's)
// for those that decode references. parse/xstanza must also allocate nothing in a pass
// after a warm-up one, on every corpus (0 allocations per stanza in steady state). Serializers' outputs are parsed back and compared
// the same way. A mismatch or a rejected input stops the run with exit status 1; so
// does a benchmark whose walk fails inside its timed loop (harness.hpp).
//
// Own flags, besides Google Benchmark's: --verify-only (check and exit), --no-verify,
// --simd=<scalar|sse2|avx2> (force_simd_path before anything runs: the byte loops' vector
// path, the CPU's best by default; the preamble names the path in use), and
// --count=<impl>/<corpus>/<n>: n passes of parse/<impl> (or stage/<impl>) over the corpus,
// without Google Benchmark, for benchmarks/instructions.sh to count under callgrind.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
// Only the switch of the byte loops' vector path (--simd), no parsing code (harness.hpp says why).
#include <xstanza/model/detail/simd.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "harness.hpp"

#ifndef XSTANZA_BENCH_CXX_FLAGS
#define XSTANZA_BENCH_CXX_FLAGS "(unknown)"
#endif

namespace {

using namespace xstanza_bench;

template <class E>
void append(std::vector<E>& to, std::vector<E> from) {
    to.insert(to.end(), from.begin(), from.end());
}

// parse/xstanza first, then the baseline, then the peers that are installed.
const std::vector<parse_entry>& parse_entries() {
    static const std::vector<parse_entry> v = [] {
        std::vector<parse_entry> all;
        append(all, xstanza_parse_entries());
        append(all, rapidxml_parse_entries());
#if XSTANZA_BENCH_HAVE_PUGIXML
        append(all, pugixml_parse_entries());
#endif
#if XSTANZA_BENCH_HAVE_EXPAT
        append(all, expat_parse_entries());
#endif
#if XSTANZA_BENCH_HAVE_GLOOX
        append(all, gloox_parse_entries());
#endif
#if XSTANZA_BENCH_HAVE_LIBSTROPHE
        append(all, libstrophe_parse_entries());
#endif
        append(all, memchr_parse_entries());
        return all;
    }();
    return v;
}

// stage/<step>/<corpus>: parse/xstanza's first steps alone (impl_xstanza.hpp).
const std::vector<parse_entry>& stage_entries() {
    static const std::vector<parse_entry> v = xstanza_stage_entries();
    return v;
}

const parse_entry& baseline() {
    for (const parse_entry& e : parse_entries())
        if (std::strcmp(e.name, "rapidxml") == 0) return e;
    std::abort();  // rapidxml_parse_entries() always has it
}

const std::vector<serialize_entry>& serialize_entries() {
    static const std::vector<serialize_entry> v = [] {
        std::vector<serialize_entry> all = xstanza_serialize_entries();
        append(all, peer_serialize_entries());
        return all;
    }();
    return v;
}

const char* const serialize_corpora[] = {"roster100", "roster10k"};

struct source {
    const corpus* c;
    std::shared_ptr<const roster_source> src;
};

const std::vector<source>& serialize_sources() {
    static const std::vector<source> v = [] {
        std::vector<source> s;
        for (const corpus& c : all_corpora())
            for (const char* name : serialize_corpora)
                if (c.name == name) s.push_back({&c, make_roster_source(c.docs.front())});
        return s;
    }();
    return v;
}

// ---------------------------------------------------------------------------
// Start-up check

template <class D>
bool same_as(const D& d, const D& ref, check level) noexcept {
    return level == check::none || (d.shape == ref.shape && (level == check::shape || d.text == ref.text));
}

bool verify() {
    bool ok = true;
    const std::vector<corpus>& corpora = all_corpora();
    std::vector<byte_digest> refs(corpora.size());  // parse/rapidxml's walk of each corpus
    for (const corpus& c : corpora) {
        byte_digest& ref = refs[std::size_t(&c - corpora.data())];
        digest ref_sizes;
        if (!baseline().walk(c, ref) || !baseline().passes(c, 0, ref_sizes)) {
            std::fprintf(stderr, "verify: parse/rapidxml fails on %s\n", c.name.c_str());
            return false;
        }
        for (const parse_entry& e : parse_entries()) {
            if (!e.runs_on(c)) continue;
            byte_digest d;
            digest sizes;  // the timed loop's walk, one pass
            const bool walked = e.walk(c, d) && e.passes(c, 0, sizes);
            const bool same = walked && same_as(d, ref, e.level);
            const bool same_sizes = walked && same_as(sizes, ref_sizes, e.level);
            if (!same || !same_sizes) {
                std::fprintf(stderr, "verify: parse/%s/%s %s parse/rapidxml's walk\n", e.name, c.name.c_str(),
                             !walked ? "fails where it passes"
                             : !same ? "reads other bytes (byte_digest) than"
                                     : "reads other sizes (the timed walk's digest) than");
                if (std::strcmp(e.name, "xstanza") == 0 && !walked)
                    std::fprintf(stderr, "  xstanza: %s\n", xstanza_explain(c).c_str());
                ok = false;
            }
            if (walked && std::strcmp(e.name, "xstanza") == 0) {
                const std::uint64_t allocs = e.steady_allocations(c);
                if (allocs != 0) {
                    std::fprintf(stderr, "verify: parse/xstanza/%s allocates %llu times in a pass after a warm-up one\n",
                                 c.name.c_str(), static_cast<unsigned long long>(allocs));
                    ok = false;
                }
            }
        }
    }
    for (const corpus& c : corpora) {
        for (const parse_entry& e : stage_entries()) {
            byte_digest d;
            digest sizes;
            if (!e.walk(c, d) || !e.passes(c, 0, sizes)) {
                std::fprintf(stderr, "verify: stage/%s/%s fails on the corpus\n", e.name, c.name.c_str());
                ok = false;
            }
        }
    }
    for (const source& s : serialize_sources()) {
        const byte_digest& ref = refs[std::size_t(s.c - corpora.data())];
        if (!source_ok(*s.src)) {
            std::fprintf(stderr, "verify: xstanza cannot parse %s for serialize/\n", s.c->name.c_str());
            return false;
        }
        for (const serialize_entry& e : serialize_entries()) {
            byte_digest d;
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
    benchmark::AddCustomContext("simd_path", xstanza::to_string(xstanza::active_simd_path()));
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

// --count=<impl>/<corpus>/<n>
int count(std::string_view spec) {
    const std::size_t a = spec.find('/'), b = spec.rfind('/');
    if (a == std::string_view::npos || a == b) {
        std::fprintf(stderr, "--count=<impl>/<corpus>/<passes>\n");
        return 2;
    }
    const std::string impl(spec.substr(0, a)), name(spec.substr(a + 1, b - a - 1));
    const std::size_t n = std::strtoul(std::string(spec.substr(b + 1)).c_str(), nullptr, 10);
    const parse_entry* e = nullptr;
    for (const std::vector<parse_entry>* v : {&parse_entries(), &stage_entries()})
        for (const parse_entry& x : *v)
            if (impl == x.name) e = &x;
    const corpus c = named_corpus(name);
    if (!e || c.docs.empty() || n == 0) {
        std::fprintf(stderr, "--count: unknown impl '%s' or corpus '%s', or no passes\n", impl.c_str(), name.c_str());
        return 2;
    }
    digest d;
    if (!e->runs_on(c) || !e->passes(c, n, d)) {
        std::fprintf(stderr, "--count: %s fails or is skipped on %s\n", impl.c_str(), name.c_str());
        return 1;
    }
    std::printf("%s/%s: %zu passes, %zu documents, %zu items each, simd path %s\n", impl.c_str(), name.c_str(), n,
                c.docs.size(), c.items, xstanza::to_string(xstanza::active_simd_path()));
    return 0;
}

// --simd=<path>: forces the byte loops' path for the whole run; false for an unknown name.
bool force_simd(std::string_view name) {
    for (xstanza::simd_path p : {xstanza::simd_path::scalar, xstanza::simd_path::sse2, xstanza::simd_path::avx2}) {
        if (name != xstanza::to_string(p)) continue;
        xstanza::force_simd_path(p);
        if (xstanza::active_simd_path() != p)
            std::fprintf(stderr, "--simd=%s: this CPU lacks it; using %s\n", xstanza::to_string(p),
                         xstanza::to_string(xstanza::active_simd_path()));
        return true;
    }
    std::fprintf(stderr, "--simd=<scalar|sse2|avx2>, not '%.*s'\n", int(name.size()), name.data());
    return false;
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
    std::string_view count_spec;
    bool counting = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a.substr(0, 8) == "--count=") {
            counting = true;
            count_spec = a.substr(8);
        } else if (a.substr(0, 7) == "--simd=") {
            if (!force_simd(a.substr(7))) return 2;
        } else if (a == "--verify-only") {
            verify_only = true;
        } else if (a == "--no-verify") {
            no_verify = true;
        } else {
            args.push_back(argv[i]);
        }
    }
    if (counting) return count(count_spec);
    int n = int(args.size());
    args.push_back(nullptr);  // argv[argc] is null, as in main's
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
    if (!no_verify || verify_only) {
        if (!verify()) return 1;
        std::fprintf(stderr, "verify: every adapter agrees with parse/rapidxml on every corpus; parse/xstanza allocates nothing in steady state\n");
        if (verify_only) return 0;
    }
    register_all();
    add_context();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (any_failure()) {
        std::fprintf(stderr, "xstanza-bench: a benchmark failed (ERROR OCCURRED above): its results are not valid\n");
        return 1;
    }
    return 0;
}
