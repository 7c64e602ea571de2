// Bounded memory: the heap a parse uses, at its peak, stays within a constant times the input
// size plus a fixed overhead, for every input shape that makes the parser allocate:
//
//     peak_bytes(parse of N bytes) <= memory_factor * N + memory_overhead
//
// This executable replaces the global operator new/delete with a counting allocator (its own
// program: tests/properties/test_alloc.cpp replaces them in xstanza-tests) and measures a fresh Parser's
// Parser::parse<AnyStanza> (which copies the input: the copy is included), parse_in_situ (the
// caller's buffer is not), and serialize of the result, each on a new thread so that no
// RapidXML block cached by an earlier parse hides an allocation. README.md, "Security and limits" quotes the
// constant, and the memory a thread keeps cached between parses.
//
// Time too: parsing and serializing 16 times the input may take at most 128 times as long
// (n log n passes, with room for a larger input's cache misses and a busy machine; n^2, 256
// times, does not: 46,000 bodies in distinct languages checked pairwise were a billion
// comparisons, 232 to 273 times as long).
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/replace_new.hpp"
#include "../support/strings.hpp"
#include "hostile.hpp"

namespace {

// The documented bound (README.md, "Security and limits"): bytes of heap per input byte, and a fixed part
// (the element index's first blocks, the scanner's and the Parser's small vectors).
constexpr double memory_factor = 40;
constexpr std::size_t memory_overhead = 256 * 1024;

// Touched by one thread at a time (each measuring thread is joined before the next starts).
std::size_t current = 0, peak = 0;
bool counting = true;

struct header {
    std::size_t size;
    std::size_t pad;  // keeps the payload 16-byte aligned
};

void* allocate(std::size_t n) {
    void* p = std::malloc(sizeof(header) + n);
    if (!p) return nullptr;
    static_cast<header*>(p)->size = n;
    if (counting) {
        current += n;
        peak = std::max(peak, current);
    }
    return static_cast<header*>(p) + 1;
}

void release(void* p) noexcept {
    if (!p) return;
    header* h = static_cast<header*>(p) - 1;
    if (counting) current -= std::min(current, h->size);
    std::free(h);
}

}  // namespace

XSTANZA_TEST_REPLACE_NEW(allocate, release)

using namespace xstanza;

namespace {

// An input of about n bytes made of `head`, `unit` repeated (with "#" replaced by a counter
// when `numbered`), and `tail`.
std::string build(std::size_t n, const std::string& head, const std::string& unit, const std::string& tail,
                  bool numbered = false) {
    std::string s = head;
    s.reserve(n + unit.size() + tail.size() + 16);
    for (std::size_t i = 0; s.size() + tail.size() < n; ++i) {
        if (!numbered) {
            s += unit;
            continue;
        }
        std::string u = unit;
        u.replace(u.find('#'), 1, std::to_string(i));
        s += u;
    }
    return s + tail;
}

std::string attributes64() { return "<a" + test_helpers::numbered_attributes(63, "", "b") + "/>"; }

struct shape {
    const char* name;
    std::string (*make)(std::size_t n);
};

const shape shapes[] = {
    {"empty elements under <iq> (payload_count)",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'>", "<a/>", "</iq>"); }},
    {"empty elements in an opaque payload",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", "<a/>", "</x></iq>"); }},
    {"64 attributes per element",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", attributes64(), "</x></iq>"); }},
    {"roster items",
     [](std::size_t n) {
         return build(n, "<iq type='result' id='m'><query xmlns='jabber:iq:roster'>", "<item jid='a'/>", "</query></iq>");
     }},
    {"roster groups",
     [](std::size_t n) {
         return build(n, "<iq type='set' id='m'><query xmlns='jabber:iq:roster'><item jid='a@b.c'>", "<group>#</group>",
                      "</item></query></iq>", true);
     }},
    {"CDATA sections",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", "<![CDATA[]]>", "</x></iq>"); }},
    {"namespace declarations",
     [](std::size_t n) {
         return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", "<p:a xmlns:p='u' xmlns:q='v' q:b=''/>", "</x></iq>");
     }},
    {"nesting at the depth limit",
     [](std::size_t n) {
         return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", test_helpers::nested(126), "</x></iq>");
     }},
    {"text with references",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", "&amp;&#x41;", "</x></iq>"); }},
    {"one long attribute",
     [](std::size_t n) { return build(n, "<iq type='result' id='", "x", "'/>"); }},
    {"one long text",
     [](std::size_t n) { return build(n, "<iq type='result' id='m'><x xmlns='urn:x'>", "text ", "</x></iq>"); }},
    {"message bodies in distinct languages",
     [](std::size_t n) { return build(n, "<message>", "<body xml:lang='x-#'/>", "</message>", true); }},
    {"message subjects in distinct languages",
     [](std::size_t n) { return build(n, "<message xml:lang='en'>", "<subject xml:lang='x-s#'>t</subject>", "</message>", true); }},
    {"message extensions",
     [](std::size_t n) { return build(n, "<message type='chat'><body>b</body>", "<x xmlns='urn:x'/>", "</message>"); }},
    {"presence statuses in distinct languages",
     [](std::size_t n) { return build(n, "<presence><show>away</show>", "<status xml:lang='x-#'/>", "</presence>", true); }},
    {"presence extensions",
     [](std::size_t n) { return build(n, "<presence><priority>1</priority>", "<c xmlns='urn:c' a='b'/>", "</presence>"); }},
};

struct measure {
    std::size_t copying = 0, in_situ = 0, serializing = 0;
    double seconds = 0;  // the copying parse and serialize
    bool parsed = false;
};

// Measures on a thread of its own, with a new Parser: every measurement sees the allocations
// a first parse makes.
measure run(const std::string& input) {
    measure m;
    std::thread([&] {
        {
            current = peak = 0;
            Parser parser;
            const auto start = std::chrono::steady_clock::now();
            result<AnyStanza> r = parser.parse<AnyStanza>(input);
            m.copying = peak;
            m.parsed = bool(r);
            if (r) {
                std::string out;
                const std::size_t before = current;
                peak = current;
                // Ignored on purpose: this measures the memory serializing takes, whatever the outcome.
                (void)serialize(*r, out);
                m.serializing = peak - before;
            }
            m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
    }).join();
    std::thread([&] {
        std::string buffer = input;
        current = peak = 0;
        Parser parser;
        (void)parser.parse_in_situ<AnyStanza>(buffer);
        m.in_situ = peak;
    }).join();
    return m;
}

}  // namespace

int main() {
    const std::size_t sizes[] = {64 * 1024, 1024 * 1024};
    double worst = 0;
    std::printf("%-44s %9s %12s %9s %12s %9s\n", "shape", "N", "parse peak", "/N", "in situ", "serialize");
    for (const shape& s : shapes) {
        double small_seconds = 0;
        for (std::size_t n : sizes) {
            const std::string input = s.make(n);
            const measure m = run(input);
            double seconds = m.seconds;  // the best of three: a busy machine only slows a run down
            for (int again = 0; again < 2; ++again) seconds = std::min(seconds, run(input).seconds);
            if (n == sizes[0]) small_seconds = std::max(seconds, 0.002);
            else
                HOSTILE_CHECK(seconds <= 128 * small_seconds, "%s: 16 times the input took %.0f times as long (%.3f s)",
                              s.name, seconds / small_seconds, seconds);
            const double ratio = double(m.copying) / double(input.size());
            worst = std::max(worst, double(m.copying > memory_overhead ? m.copying - memory_overhead : 0) /
                                        double(input.size()));
            std::printf("%-44s %9zu %12zu %9.2f %12zu %9zu%s\n", s.name, input.size(), m.copying, ratio, m.in_situ,
                        m.serializing, m.parsed ? "" : "  (rejected)");
            const double bound = memory_factor * double(input.size()) + double(memory_overhead);
            HOSTILE_CHECK(double(m.copying) <= bound, "%s, %zu bytes: parse peak %zu > %.0f", s.name, input.size(),
                          m.copying, bound);
            HOSTILE_CHECK(double(m.in_situ) <= bound, "%s, %zu bytes: in-situ peak %zu > %.0f", s.name,
                          input.size(), m.in_situ, bound);
            HOSTILE_CHECK(double(m.serializing) <= 4.0 * double(input.size()) + 4096.0,
                          "%s, %zu bytes: serialize peak %zu", s.name, input.size(), m.serializing);
        }
    }
    std::printf("worst (peak - %zu) / N: %.2f (documented bound: %.0f * N + %zu)\n", memory_overhead, worst,
                memory_factor, memory_overhead);
    // The counter works: a Parser's first parse allocates its element index.
    current = peak = 0;
    {
        Parser p;
        (void)p.parse<AnyStanza>("<message><body>x</body></message>");
    }
    HOSTILE_CHECK(peak > 0, "the counting allocator sees nothing");
    counting = false;
    return hostile::exit_status();
}
