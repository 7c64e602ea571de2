// Tests of the run-time choice of vector instructions (include/xstanza/model/detail/simd.hpp):
// the public calls and XSTANZA_SIMD, and, forced onto every path this CPU runs, the
// scanner's byte loops (xml/text.hpp, xml/chars.hpp), the JID block classifier
// (model/jid.hpp) and whole parses against byte-by-byte references.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xstanza/xstanza.hpp>
#include <xstanza/xml/chars.hpp>

#include "../support/jid_block_check.hpp"

using xstanza::simd_path;

namespace {

using byte = unsigned char;

const simd_path all_paths[] = {simd_path::scalar, simd_path::sse2, simd_path::avx2};

// The paths this CPU runs, scalar first.
std::vector<simd_path> supported_paths() {
    std::vector<simd_path> v;
    for (simd_path p : all_paths)
        if (p <= xstanza::best_simd_path()) v.push_back(p);
    return v;
}

// Puts the active path back at the end of a test case: every suite may run in one process.
struct path_guard {
    simd_path saved = xstanza::active_simd_path();
    path_guard() = default;
    path_guard(const path_guard&) = delete;
    path_guard& operator=(const path_guard&) = delete;
    ~path_guard() { xstanza::force_simd_path(saved); }
};

// One routine under test: where it stops in buf[from, n), its byte-by-byte reference, the
// bytes it stops at and the bytes it skips.
struct subject {
    const char* name;
    std::size_t (*run)(byte* buf, std::size_t n, std::size_t from);
    bool (*stops)(byte c);
};

// The reference: the first byte from `from` on that `stops` names, or n.
std::size_t naive(const subject& s, const byte* buf, std::size_t n, std::size_t from) {
    while (from != n && !s.stops(buf[from])) ++from;
    return from;
}

bool plain_stop(byte c, byte a, byte b, byte d) { return c < 0x20 || c >= 0x80 || c == a || c == b || c == d; }

template <byte A, byte B, byte C, bool LongRuns = false>
std::size_t run_skip_plain(byte* buf, std::size_t n, std::size_t from) {
    return std::size_t(xstanza::detail::skip_plain<A, B, C, LongRuns>(buf + from, buf + n) - buf);
}
template <byte A, byte B, byte C>
bool stops_skip_plain(byte c) {
    return plain_stop(c, A, B, C);
}

// skip_plain_with with stop bytes known only at run time, and a tail of its own.
std::size_t run_skip_plain_with(byte* buf, std::size_t n, std::size_t from) {
    const byte* const end = buf + n;
    return std::size_t(xstanza::detail::skip_plain_with(buf + from, end, byte('#'), byte('x'), byte('~'),
                                                        [end](const byte* q) {
                                                            while (q != end && !plain_stop(*q, '#', 'x', '~')) ++q;
                                                            return q;
                                                        }) -
                       buf);
}
bool stops_skip_plain_with(byte c) { return plain_stop(c, '#', 'x', '~'); }

template <byte Quote>
std::size_t run_skip_value(byte* buf, std::size_t n, std::size_t from) {
    return std::size_t(xstanza::detail::scan_impl::skip_value(buf + from, buf + n, Quote) - buf);
}
template <byte Quote>
bool stops_skip_value(byte c) {
    return plain_stop(c, Quote, '<', '&');
}

std::size_t run_find_amp(byte* buf, std::size_t n, std::size_t from) {
    char* const b = reinterpret_cast<char*>(buf);
    return std::size_t(xstanza::detail::find_amp_or_control(b, b + from, b + n) - b);
}
bool stops_find_amp(byte c) { return c == '&' || c < 0x20; }

const subject subjects[] = {
    {"skip_plain<'<', '&', ']'>", run_skip_plain<'<', '&', ']'>, stops_skip_plain<'<', '&', ']'>},
    // the scanner's first text run: past two blocks, skip_plain_long (avx2 where active)
    {"skip_plain<'<', '&', ']', true>", run_skip_plain<'<', '&', ']', true>, stops_skip_plain<'<', '&', ']'>},
    {"skip_plain<']', ']', ']'>", run_skip_plain<']', ']', ']'>, stops_skip_plain<']', ']', ']'>},
    {"skip_plain<'&', '<', '>'>", run_skip_plain<'&', '<', '>'>, stops_skip_plain<'&', '<', '>'>},
    {"skip_plain<'&', '<', '\\''>", run_skip_plain<'&', '<', '\''>, stops_skip_plain<'&', '<', '\''>},
    {"skip_plain_with('#', 'x', '~')", run_skip_plain_with, stops_skip_plain_with},
    {"skip_value('\"')", run_skip_value<'"'>, stops_skip_value<'"'>},
    {"skip_value('\\'')", run_skip_value<'\''>, stops_skip_value<'\''>},
    {"find_amp_or_control", run_find_amp, stops_find_amp},
};

// Counts the disagreements of one subject and reports the first few.
struct tally {
    const subject& s;
    simd_path path;
    std::size_t checks = 0, wrong = 0;

    void expect(byte* buf, std::size_t n, std::size_t from, const char* what) {
        ++checks;
        const std::size_t got = s.run(buf, n, from), want = naive(s, buf, n, from);
        if (got == want) return;
        if (++wrong <= 5)
            BOOST_ERROR(s.name << " on " << xstanza::to_string(path) << ", " << what << ", " << n << " bytes from "
                               << from << ": stops at " << got << ", the reference at " << want);
    }
};

// A buffer of exactly n bytes on the heap (a read past it is AddressSanitizer's to see),
// filled with bytes the subject skips.
std::unique_ptr<byte[]> plain_buffer(const subject& s, std::size_t n, std::mt19937& rng) {
    std::unique_ptr<byte[]> buf(new byte[n ? n : 1]);
    for (std::size_t i = 0; i < n; ++i) {
        byte c;
        do c = byte(rng() & 0xFF);
        while (s.stops(c));
        buf[i] = c;
    }
    return buf;
}

// Every byte the subject stops at, at every position 0..70, in buffers of 0..100 bytes,
// scanned from their start and from byte 3; and each buffer without a stop.
void every_stop_at_every_position(const subject& s, simd_path path) {
    tally t{s, path};
    std::mt19937 rng(7);
    std::vector<byte> stop_bytes;
    for (int c = 0; c < 256; ++c)
        if (s.stops(byte(c))) stop_bytes.push_back(byte(c));
    for (std::size_t n = 0; n <= 100; ++n) {
        std::unique_ptr<byte[]> buf = plain_buffer(s, n, rng);
        for (std::size_t from : {std::size_t(0), std::size_t(3)}) {
            if (from > n) continue;
            t.expect(buf.get(), n, from, "no stop byte");
            for (std::size_t pos = from; pos < n && pos <= 70; ++pos) {
                const byte kept = buf[pos];
                for (byte c : stop_bytes) {
                    buf[pos] = c;
                    t.expect(buf.get(), n, from, "one stop byte");
                }
                buf[pos] = kept;
            }
        }
    }
    BOOST_TEST(t.wrong == 0u, s.name << " on " << to_string(path) << ": " << t.wrong << " of " << t.checks << " wrong");
}

// Random buffers of 0..300 bytes, mostly bytes the subject skips, scanned from a random start.
void random_sweep(const subject& s, simd_path path) {
    tally t{s, path};
    std::mt19937 rng(11);
    for (int round = 0; round < 3000; ++round) {
        const std::size_t n = rng() % 301;
        std::unique_ptr<byte[]> buf = plain_buffer(s, n, rng);
        const unsigned density = 1 + rng() % 200;  // one byte in `density` is any byte
        for (std::size_t i = 0; i < n; ++i)
            if (rng() % density == 0) buf[i] = byte(rng() & 0xFF);
        t.expect(buf.get(), n, n ? rng() % (n + 1) : 0, "random bytes");
    }
    BOOST_TEST(t.wrong == 0u, s.name << " on " << to_string(path) << ": " << t.wrong << " of " << t.checks << " wrong");
}

// The block classifier's answer, where the path has one, against the one-pass parse_ascii():
// the JID alone in a region of its size, and inside a 96-byte buffer (blocks read around it).
std::size_t jid_disagreements(const std::string& s) {
    std::size_t wrong = 0;
    std::unique_ptr<char[]> own(new char[s.size() ? s.size() : 1]);
    std::memcpy(own.get(), s.data(), s.size());
    wrong += !jid_block_check::block_path_agrees(std::string_view(own.get(), s.size()), own.get(), own.get() + s.size());
    std::string wide(96, '.');
    for (std::size_t at : {std::size_t(0), std::size_t(40), 96 - s.size()}) {
        wide.replace(at, s.size(), s);
        wrong += !jid_block_check::block_path_agrees(std::string_view(wide.data() + at, s.size()), wide.data(),
                                                     wide.data() + wide.size());
        wide.assign(96, '.');
    }
    return wrong;
}

// A stanza with `text` in an attribute value and in the body: its outcome as one string
// (the error's code, offset and message, or the canonical serialization).
std::string outcome(xstanza::Parser& parser, const std::string& text) {
    const std::string input = "<message to='a@b.c/" + text + "' type='chat'><body>" + text + "</body></message>";
    xstanza::result<xstanza::AnyStanza> r = parser.parse<xstanza::AnyStanza>(input);
    if (!r)
        return std::string(xstanza::to_string(r.error().code())) + " at " + std::to_string(r.error().offset()) + ": " +
               std::string(r.error().message());
    std::string out;
    if (xstanza::parse_error e = xstanza::serialize(*r, out, xstanza::role::server)) return "unserializable";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(simd)

// First in the suite, before any case forces a path: XSTANZA_SIMD chose the path at the
// first use (the simd.<path>.* tests set it), else the CPU's best one is active.
BOOST_AUTO_TEST_CASE(the_environment_chooses_at_first_use) {
    simd_path named = xstanza::best_simd_path();
    xstanza::detail::simd_path_named(std::getenv("XSTANZA_SIMD"), named);
    BOOST_TEST((xstanza::active_simd_path() == xstanza::detail::supported_simd_path(named)));
}

BOOST_AUTO_TEST_CASE(names_and_the_best_path) {
    BOOST_TEST(std::string(to_string(simd_path::scalar)) == "scalar");
    BOOST_TEST(std::string(to_string(simd_path::sse2)) == "sse2");
    BOOST_TEST(std::string(to_string(simd_path::avx2)) == "avx2");
    BOOST_TEST(std::string(to_string(static_cast<simd_path>(9))) == "");
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    BOOST_TEST((xstanza::best_simd_path() == (__builtin_cpu_supports("avx2") ? simd_path::avx2 : simd_path::sse2)));
#elif !XSTANZA_SIMD_SSE2
    BOOST_TEST((xstanza::best_simd_path() == simd_path::scalar));
#endif
}

BOOST_AUTO_TEST_CASE(force_sets_the_path_or_the_best_one_below_it) {
    path_guard guard;
    for (simd_path p : all_paths) {
        xstanza::force_simd_path(p);
        const simd_path want = p <= xstanza::best_simd_path() ? p : xstanza::best_simd_path();
        BOOST_TEST((xstanza::active_simd_path() == want), "forced " << to_string(p));
    }
    xstanza::force_simd_path(static_cast<simd_path>(200));
    BOOST_TEST((xstanza::active_simd_path() == xstanza::best_simd_path()));
}

BOOST_AUTO_TEST_CASE(xstanza_simd_names_a_path_or_nothing) {
    for (simd_path p : all_paths) {
        simd_path got = simd_path::scalar;
        BOOST_TEST(xstanza::detail::simd_path_named(to_string(p), got));
        BOOST_TEST((got == p));
    }
    for (const char* junk : {"", "AVX2", "avx", "avx2 ", " sse2", "sse", "scalarx", "avx512", "1"}) {
        simd_path got = simd_path::sse2;
        BOOST_TEST(!xstanza::detail::simd_path_named(junk, got), '"' << junk << '"');
        BOOST_TEST((got == simd_path::sse2));
    }
    simd_path got = simd_path::avx2;
    BOOST_TEST(!xstanza::detail::simd_path_named(nullptr, got));
    BOOST_TEST((got == simd_path::avx2));
}

#if defined(__unix__) || defined(__APPLE__)
// The whole first use, with the choice undone before each: XSTANZA_SIMD as the process
// would see it at start.
BOOST_AUTO_TEST_CASE(the_first_use_reads_xstanza_simd) {
    path_guard guard;
    const char* const before = std::getenv("XSTANZA_SIMD");
    const std::string kept = before ? before : "";
    const simd_path best = xstanza::best_simd_path();
    const std::pair<const char*, simd_path> cases[] = {
        {"scalar", simd_path::scalar}, {"sse2", xstanza::detail::supported_simd_path(simd_path::sse2)},
        {"avx2", best}, {"junk", best}, {"", best}, {nullptr, best}};
    for (const auto& [value, want] : cases) {
        if (value)
            ::setenv("XSTANZA_SIMD", value, 1);
        else
            ::unsetenv("XSTANZA_SIMD");
        xstanza::detail::simd_state.store(xstanza::detail::simd_unset);
        BOOST_TEST((xstanza::active_simd_path() == want), "XSTANZA_SIMD=" << (value ? value : "(unset)"));
    }
    if (before)
        ::setenv("XSTANZA_SIMD", kept.c_str(), 1);
    else
        ::unsetenv("XSTANZA_SIMD");
}
#endif

BOOST_AUTO_TEST_CASE(every_stop_byte_at_every_position_on_every_path) {
    path_guard guard;
    for (simd_path p : supported_paths()) {
        xstanza::force_simd_path(p);
        BOOST_TEST_REQUIRE((xstanza::active_simd_path() == p));
        for (const subject& s : subjects) every_stop_at_every_position(s, p);
    }
}

BOOST_AUTO_TEST_CASE(random_buffers_on_every_path) {
    path_guard guard;
    for (simd_path p : supported_paths()) {
        xstanza::force_simd_path(p);
        for (const subject& s : subjects) random_sweep(s, p);
    }
}

BOOST_AUTO_TEST_CASE(jid_blocks_on_every_path) {
    path_guard guard;
    const std::string base = "juliet-7@im.example.com/balcony9";  // 32 bytes
    const std::string bytes = "a-.@/ 1&:\x7F\xC3\x80Z";
    for (simd_path p : supported_paths()) {
        xstanza::force_simd_path(p);
        std::size_t wrong = 0, checks = 0;
        // Each byte of `bytes` at every position of JIDs of 1 to 33 bytes.
        for (std::size_t len = 1; len <= 33; ++len) {
            const std::string t = len <= base.size() ? base.substr(0, len) : base + "x";
            for (std::size_t pos = 0; pos < len; ++pos) {
                for (char c : bytes) {
                    std::string s = t;
                    s[pos] = c;
                    wrong += jid_disagreements(s);
                    ++checks;
                }
            }
        }
        // Random strings of 0..40 bytes over those bytes.
        std::mt19937 rng(13);
        for (int round = 0; round < 5000; ++round) {
            std::string s(rng() % 41, 'a');
            for (char& c : s) c = bytes[rng() % bytes.size()];
            wrong += jid_disagreements(s);
            ++checks;
        }
        BOOST_TEST(wrong == 0u, to_string(p) << ": " << wrong << " of " << checks << " JIDs disagree");
    }
}

// Whole parses: a byte that matters (a quote, '<', '&' starting a reference, a control
// byte, non-ASCII) at every position of a run of 0..80 bytes, in an attribute value and in
// text: every path gives the scalar path's outcome.
BOOST_AUTO_TEST_CASE(parses_agree_on_every_path) {
    path_guard guard;
    const std::vector<simd_path> paths = supported_paths();
    const std::string specials[] = {"'", "\"", "<", "&amp;", "&", "&#x41;", "\t", "\r\n", "\x01", "\xC3\xA9",
                                    "\xED\xA0\x80", "\xEF\xBF\xBE", "]]>", "\x80", ">"};
    xstanza::Parser parser;
    std::size_t wrong = 0;
    for (std::size_t len = 0; len <= 80; ++len) {
        for (std::size_t pos = 0; pos <= len; ++pos) {
            for (const std::string& special : specials) {
                std::string text(len, 'r');
                text.insert(pos, special);
                xstanza::force_simd_path(simd_path::scalar);
                const std::string want = outcome(parser, text);
                for (simd_path p : paths) {
                    xstanza::force_simd_path(p);
                    const std::string got = outcome(parser, text);
                    if (got != want && ++wrong <= 5)
                        BOOST_ERROR(to_string(p) << ", " << len << " bytes, special " << pos << ": " << got
                                                 << "; scalar: " << want);
                }
            }
        }
    }
    BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
