// RFC 7622 JIDs: valid forms, each part's limits and forbidden characters, comparison.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/model/jid.hpp>

#include "../support/helpers.hpp"
#include "../support/jid_block_check.hpp"

using xstanza::Jid;
using xstanza::errc;

BOOST_AUTO_TEST_SUITE(jid)

BOOST_AUTO_TEST_CASE(parses_the_three_forms) {
    auto full = Jid::parse("juliet@example.com/balcony");
    BOOST_REQUIRE(full);
    BOOST_TEST(full->local() == "juliet");
    BOOST_TEST(full->domain() == "example.com");
    BOOST_TEST(full->resource() == "balcony");
    BOOST_TEST(full->is_full());
    BOOST_TEST(!full->is_bare());
    BOOST_TEST(full->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(full->size() == full->to_string().size());

    auto bare = Jid::parse("juliet@example.com");
    BOOST_REQUIRE(bare);
    BOOST_TEST(bare->is_bare());
    BOOST_TEST(bare->resource().empty());
    BOOST_TEST((full->bare() == *bare));

    auto domain = Jid::parse("example.com");
    BOOST_REQUIRE(domain);
    BOOST_TEST(domain->local().empty());
    BOOST_TEST(domain->domain() == "example.com");

    auto server_resource = Jid::parse("example.com/foo@bar/baz");
    BOOST_REQUIRE(server_resource);
    BOOST_TEST(server_resource->local().empty());
    BOOST_TEST(server_resource->resource() == "foo@bar/baz");  // RFC 7622 §3.1: first '/' splits
}

BOOST_AUTO_TEST_CASE(views_point_into_the_input) {
    std::string text = "romeo@montague.lit/orchard";
    auto j = Jid::parse(text);
    BOOST_REQUIRE(j);
    BOOST_TEST(static_cast<const void*>(j->local().data()) == static_cast<const void*>(text.data()));
    BOOST_TEST(static_cast<const void*>(j->resource().data()) == static_cast<const void*>(text.data() + 19));
}

// A JID that must parse, into exactly these parts.
void expect_parts(std::string_view text, std::string_view local, std::string_view domain, std::string_view resource) {
    auto j = Jid::parse(text);
    BOOST_TEST_CONTEXT(text) {
        BOOST_REQUIRE_MESSAGE(j, j.error().message());
        BOOST_TEST(j->local() == local);
        BOOST_TEST(j->domain() == domain);
        BOOST_TEST(j->resource() == resource);
    }
}

BOOST_AUTO_TEST_CASE(ip_literals_and_trailing_dot) {
    expect_parts("user@[::1]", "user", "[::1]", "");
    expect_parts("user@[2001:db8::ff00:42:8329]/r", "user", "[2001:db8::ff00:42:8329]", "r");
    expect_parts("[fe80::1:2:3:4:5:6]", "", "[fe80::1:2:3:4:5:6]", "");
    expect_parts("[::ffff:192.0.2.1]", "", "[::ffff:192.0.2.1]", "");
    expect_parts("192.0.2.1", "", "192.0.2.1", "");
    expect_parts("[::1]/with/slashes@and:colons", "", "[::1]", "with/slashes@and:colons");
    BOOST_TEST(!Jid::parse("user@[::1"));
    BOOST_TEST(!Jid::parse("user@[1:2:3:4:5:6:7:8:9]"));
    BOOST_TEST(!Jid::parse("user@[1::2::3]"));
    BOOST_TEST(!Jid::parse("user@[]"));
    BOOST_TEST(!Jid::parse("user@[12345::]"));
    BOOST_TEST(!Jid::parse("user@[::ffff:300.0.2.1]"));
    auto dotted = Jid::parse("user@example.com.");
    BOOST_REQUIRE(dotted);
    BOOST_TEST(dotted->domain() == "example.com");  // RFC 7622 §3.2: trailing dot stripped
}

BOOST_AUTO_TEST_CASE(internationalized_parts) {
    expect_parts("\xC3\xBC" "ber@m\xC3\xBC" "nchen.example/\xE2\x99\x9A", "\xC3\xBC" "ber", "m\xC3\xBC" "nchen.example",
                 "\xE2\x99\x9A");
    expect_parts("\xE4\xBD\xA0\xE5\xA5\xBD@example.com", "\xE4\xBD\xA0\xE5\xA5\xBD", "example.com", "");
    expect_parts("\xE4\xBD\xA0@\xE4\xBE\x8B\xE5\xAD\x90.\xE6\xB5\x8B\xE8\xAF\x95/\xE2\x98\x83@x",
                 "\xE4\xBD\xA0", "\xE4\xBE\x8B\xE5\xAD\x90.\xE6\xB5\x8B\xE8\xAF\x95", "\xE2\x98\x83@x");
}

struct bad_case {
    const char* text;
    std::size_t offset;
};

BOOST_AUTO_TEST_CASE(rejects_malformed_jids) {
    const bad_case cases[] = {
        {"", 0},                        // empty
        {"@example.com", 0},            // empty localpart
        {"user@", 5},                   // empty domainpart
        {"example.com/", 11},           // empty resourcepart
        {"user@example.com/", 16},
        {"a b@example.com", 1},         // space in localpart (RFC 7622 §3.3.1)
        {"a\"b@example.com", 1},
        {"a&b@example.com", 1},
        {"a'b@example.com", 1},
        {"a:b@example.com", 1},
        {"a<b@example.com", 1},
        {"a>b@example.com", 1},
        {"user@exa mple.com", 8},       // space in domain
        {"user@exa_mple.com", 8},       // not LDH
        {"user@-example.com", 5},       // label starts with '-'
        {"user@example-.com", 5},
        {"user@example..com", 13},      // empty label
        {"user@.example.com", 5},
        {"user\x01@example.com", 4},    // control character
        {"user@example.com/res\x7f", 20},
        {"user@example.com/\xC3", 17},  // truncated UTF-8
        {"\xFF@example.com", 0},        // invalid UTF-8
    };
    for (const bad_case& c : cases) {
        auto j = Jid::parse(c.text);
        BOOST_TEST_CONTEXT("jid '" << c.text << "'") {
            BOOST_TEST(!j);
            BOOST_TEST((j.error().code() == errc::invalid_jid));
            BOOST_TEST(j.error().offset() == c.offset);
            BOOST_TEST(j.error().message().find("invalid JID") == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(part_length_limits) {
    std::string max(1023, 'a');
    std::string over(1024, 'a');
    // Jid::parse keeps views into its text: each text is a variable (a temporary does not compile).
    auto parses = [](const std::string& text) { return bool(Jid::parse(text)); };
    BOOST_TEST(parses(max + "@example.com"));
    BOOST_TEST(!parses(over + "@example.com"));
    BOOST_TEST(parses("user@example.com/" + max));
    BOOST_TEST(!parses("user@example.com/" + over));
    std::string labels;
    while (labels.size() < 1020) labels += "abcdefghi.";
    labels += "com";  // 1023 bytes
    BOOST_REQUIRE(labels.size() == 1023u);
    BOOST_TEST(bool(Jid::parse(labels)));
    BOOST_TEST(!parses("x" + labels));
    BOOST_TEST(!parses("user@" + std::string(64, 'a') + ".com"));  // label > 63 bytes
    BOOST_TEST(parses("user@" + std::string(63, 'a') + ".com"));
    const std::string too_long = over + "@example.com";
    auto e = Jid::parse(too_long);
    BOOST_TEST(e.error().message().find("1023") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(comparison_rules) {
    BOOST_TEST((*Jid::parse("Juliet@Example.COM/balcony") == *Jid::parse("juliet@example.com/balcony")));
    BOOST_TEST((*Jid::parse("juliet@example.com/Balcony") != *Jid::parse("juliet@example.com/balcony")));
    BOOST_TEST((*Jid::parse("juliet@example.com") != *Jid::parse("example.com")));
}

BOOST_AUTO_TEST_CASE(from_parts_validates) {
    BOOST_TEST(bool(Jid::from_parts("romeo", "montague.lit", "orchard")));
    BOOST_TEST(!Jid::from_parts("ro meo", "montague.lit"));
    BOOST_TEST(!Jid::from_parts("romeo", ""));
    BOOST_TEST(Jid().empty());
}


// parse() has a one-pass fast path for ASCII JIDs; it must agree with the detailed path on
// every input: the same acceptance and the same parts.
namespace {
// The fast path is a shortcut: where it declines, parse() asks the detailed path, so a
// fast path that declined too much would pass the comparison above unnoticed. For ASCII
// input it has no reason to decline what the detailed path accepts (its 63-byte label and
// 1023-byte part limits are the detailed path's too; IP literals are not generated).
void expect_fast_path_accepts_valid_ascii(const std::string& s) {
    const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii || !xstanza::Jid::parse_detailed(s)) return;
    xstanza::Jid j;
    BOOST_TEST_CONTEXT("JID '" << s << "'") { BOOST_TEST(xstanza::detail::jid_test_access::fast(s, j)); }
}

void expect_same_as_detailed(const std::string& s) {
    xstanza::result<xstanza::Jid> fast = xstanza::Jid::parse(s);
    xstanza::result<xstanza::Jid> slow = xstanza::Jid::parse_detailed(s);
    BOOST_TEST_CONTEXT("JID '" << s << "'") {
        BOOST_REQUIRE_EQUAL(bool(fast), bool(slow));
        if (!fast) {
            BOOST_CHECK_EQUAL(fast.error().message(), slow.error().message());
            return;
        }
        BOOST_CHECK_EQUAL(fast->local(), slow->local());
        BOOST_CHECK_EQUAL(fast->domain(), slow->domain());
        BOOST_CHECK_EQUAL(fast->resource(), slow->resource());
        BOOST_CHECK_EQUAL(fast->local().data(), slow->local().data());
        BOOST_CHECK_EQUAL(fast->domain().data(), slow->domain().data());
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(fast_path_agrees_with_the_detailed_path) {
    // Every string of up to 5 characters over an alphabet of the characters that matter.
    const std::string alphabet = "a-.@/ 1&\xC3";
    std::string s;
    std::size_t count = 0;
    for (std::size_t len = 0; len <= 5; ++len) {
        std::vector<std::size_t> digit(len, 0);
        for (;;) {
            s.assign(len, ' ');
            for (std::size_t i = 0; i < len; ++i) s[i] = alphabet[digit[i]];
            expect_same_as_detailed(s);
            expect_fast_path_accepts_valid_ascii(s);
            ++count;
            std::size_t i = 0;
            while (i < len && ++digit[i] == alphabet.size()) digit[i++] = 0;
            if (i == len) break;
        }
    }
    BOOST_TEST(count > 60000u);
    // Limits: labels of 63 and 64 bytes, parts of 1023 and 1024 bytes, trailing dots.
    const std::string l63(63, 'a'), l64(64, 'a');
    for (const std::string& t : std::vector<std::string>{l63 + ".com", l64 + ".com", "x@" + l63, "x@" + l64 + "/r", std::string(1023, 'u') + "@d",
                                 std::string(1024, 'u') + "@d", "d/" + std::string(1023, 'r'), "d/" + std::string(1024, 'r'),
                                 "u@" + l63 + "." + l63 + ".", "u@d./r", "u@d../r", "u@-d", "u@d-", "u@d-.e", "[::1]", "u@1.2.3.4",
                                 "a/b@c", "a@b@c", "@d", "u@", "u@d/", "u@d.", ".", "u@.d"})
        expect_same_as_detailed(t);
}


// Longer JIDs, up to about 100 bytes, built from the pieces whose positions matter (label
// edges, part separators, excluded and non-ASCII bytes).
BOOST_AUTO_TEST_CASE(fast_path_agrees_on_generated_jids) {
    // mostly letters, so that many of them are valid JIDs
    test_helpers::piece_strings gen({"a", "bc", "def", "ghijklmnop", "0", "-", ".", "@", "/", " ", "&", "\"", ":",
                                     "'", "\xC3\xA9", "\x7F", "\x01", "example", "x-y", "Z9"},
                                    4, 7);
    std::size_t accepted = 0;
    for (int round = 0; round < 60000; ++round) {
        std::string s = gen.make(1 + gen.next() % 24);
        if (gen.next() % 3 == 0) s.insert(gen.next() % (s.size() + 1), "@");
        if (gen.next() % 3 == 0) s.insert(gen.next() % (s.size() + 1), "/");
        expect_same_as_detailed(s);
        expect_fast_path_accepts_valid_ascii(s);
        accepted += bool(xstanza::Jid::parse(s));
    }
    BOOST_TEST(accepted > 5000u);  // the generator reaches the accepting paths too
}

// The block path (Jid::parse_ascii_in, which Parser uses on attribute values) reads the JID
// sixteen bytes at a time, and the bytes around it in the buffer; it must accept exactly
// what the one-pass path accepts, with the same parts, whatever those bytes are.
namespace {
std::size_t block_checks = 0;

void expect_block_path_agrees(const std::string& s) {
    // The JID in a 96-byte buffer: in the middle, at its start and at its end (the block is
    // then read from before the JID or after it), and in a region of its own size (the
    // one-pass fallback for a short JID). Fillers that the masks must ignore.
    for (char fill : {'.', '-', '@', '/', '\x80'}) {
        for (std::size_t at : {std::size_t(40), std::size_t(0), 96 - s.size()}) {
            for (bool whole : {true, false}) {
                std::string buf(96, fill);
                buf.replace(at, s.size(), s);
                const char* const p = buf.data() + at;
                const char* const lo = whole ? buf.data() : p;
                const char* const hi = whole ? buf.data() + buf.size() : p + s.size();
                ++block_checks;
                // Boost.Test assertions only on a mismatch: there are millions of cases.
                if (!jid_block_check::block_path_agrees(std::string_view(p, s.size()), lo, hi))
                    BOOST_ERROR("JID '" << s << "' at " << at << ", filler " << int(fill)
                                        << (whole ? "" : ", own region")
                                        << ": the block path disagrees with the one-pass path");
            }
        }
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(block_path_agrees_with_the_one_pass_path) {
    // Every string of up to 4 characters over the characters that matter.
    const std::string alphabet = "a-.@/ 1&\xC3\x7F";
    for (std::size_t len = 1; len <= 4; ++len) {
        std::vector<std::size_t> digit(len, 0);
        std::string s;
        for (;;) {
            s.assign(len, ' ');
            for (std::size_t i = 0; i < len; ++i) s[i] = alphabet[digit[i]];
            expect_block_path_agrees(s);
            std::size_t i = 0;
            while (i < len && ++digit[i] == alphabet.size()) digit[i++] = 0;
            if (i == len) break;
        }
    }
    // Every byte value at every position of JIDs of 1 to 33 bytes (one block, two blocks,
    // and one byte past the block path's limit).
    const std::string base = "juliet-7@im.example.com/balcony9";  // 32 bytes
    for (std::size_t len = 1; len <= 33; ++len) {
        const std::string t = len <= base.size() ? base.substr(0, len) : base + "x";
        for (std::size_t pos = 0; pos < len; ++pos) {
            for (int c = 0; c < 256; ++c) {
                std::string s = t;
                s[pos] = char(c);
                expect_block_path_agrees(s);
            }
        }
    }
    // Generated JIDs of 1 to about 40 bytes.
    test_helpers::piece_strings gen({"a", "bc", "def", "0", "-", ".", "@", "/", " ", "&", ":", "\xC3\xA9", "x-y", "Z9"}, 4, 11);
    for (int round = 0; round < 20000; ++round) {
        std::string s = gen.make(1 + gen.next() % 16);
        if (s.size() > 40) s.resize(40);
        expect_block_path_agrees(s);
    }
    BOOST_TEST(block_checks > 1000000u);
}

BOOST_AUTO_TEST_SUITE_END()
