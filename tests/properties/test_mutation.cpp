// Mutation tests: every valid vector of tests/adversarial/ with each byte replaced by a few
// chosen values, each byte deleted, and cut at every length. Each mutant must get a clean
// error (a code, an offset within the input, a valid UTF-8 message) or parse to a stanza
// that round-trips: parse -> serialize -> parse is equal and serialize is a fixed point.
// Each mutant is also classified by an independent oracle, expat (tests/hostile/
// expat_oracle.hpp): xstanza's scanner must agree with it but for the XMPP rules and limits
// named there, and AnyStanza (an IQ, a message or a presence) accepts nothing the scanner
// refuses. The numbers of mutants
// accepted (by expat, by the scanner, by the seed's target) are asserted, not printed: a
// parser that accepted more (type='gEt', say) or less fails accepted_counts.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/vectors.hpp"
#include "../support/expat_oracle.hpp"

using namespace xstanza;

namespace {

// Markup, quotes, separators, NUL, a lead byte without its continuation (or, replacing
// one, a stray continuation), a byte that never occurs in UTF-8.
const unsigned char replacements[] = {'<', '>', '&', '\'', '"', '/', '=', ' ', ':', '\0', 0xC3, 0xFF};

// The mutation seeds: the valid vectors small enough to mutate at every byte.
constexpr std::size_t max_seed = 2048;

const std::vector<vectors::test_case>& seeds() {
    static const std::vector<vectors::test_case> loaded = [] {
        try {
            return vectors::valid(max_seed, true);
        } catch (const std::exception&) {
            return std::vector<vectors::test_case>{};  // test_adversarial's loads case reports it
        }
    }();
    return loaded;
}

struct tally {
    std::size_t mutants = 0, accepted = 0, failures = 0, expat_accepted = 0, scanner_accepted = 0;
};

// The sums over all seeds, checked by accepted_counts once every seed has run.
tally total;
std::size_t seeds_run = 0;

// The expected sums. When the vectors or the replacement values change, or a parser change
// is meant to accept or refuse more, run unit.mutation and take the new values from
// accepted_counts' failure message, after checking why they moved.
// (213,701 / 39,728 / 39,728 / 37,038 before message.txt and presence.txt added their seeds.)
constexpr std::size_t expected_mutants = 338701;
constexpr std::size_t expected_expat_accepted = 73987;
constexpr std::size_t expected_scanner_accepted = 73987;
constexpr std::size_t expected_accepted = 59323;

// Checks one mutant as AnyStanza, and as the seed's target when AnyStanza accepts it (a typed
// parse accepts nothing AnyStanza rejects, except Iq<Error>, which ignores an echoed payload:
// error targets always run). fuzz_parse_typed covers the typed targets' rejections at large.
void check(const vectors::test_case& seed, const std::string& mutant, const char* how, std::size_t where,
           Parser& parser, Parser& scratch, tally& t) {
    ++t.mutants;
    parser.set_limits(seed.limits);
    scratch.set_limits(seed.limits);
    std::string failure;
    bool any_ok = false;
    if (!seed.is_jid()) {
        const expat_oracle::verdict v = expat_oracle::compare_with_expat(mutant, seed.limits);
        t.expat_accepted += v.expat_ok;
        t.scanner_accepted += v.xstanza_ok;
        if (!v.failure.empty()) failure = "against expat: " + v.failure;
        if (failure.empty()) failure = stanza_check::check_parse<AnyStanza>(parser, scratch, mutant, &any_ok);
        if (failure.empty() && any_ok && !v.xstanza_ok) failure = "AnyStanza accepts what the scanner refuses";
    }
    if (failure.empty() && (seed.is_jid() || any_ok || seed.target.rfind("error", 0) == 0)) {
        const vectors::outcome o = vectors::run(seed, mutant, parser, scratch);
        t.accepted += o.error.code() == errc::ok;
        failure = o.round_trip;
    }
    if (failure.empty()) return;
    if (++t.failures <= 5)
        BOOST_ERROR(how << " at " << where << ": " << failure << "\n  mutant: " << stanza_check::printable(mutant, 300));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mutation)

BOOST_AUTO_TEST_CASE(has_seeds) { BOOST_TEST(seeds().size() >= 50u); }

BOOST_DATA_TEST_CASE(every_byte_every_cut, boost::unit_test::data::make(seeds()), seed) {
    Parser parser, scratch;
    tally t;
    const std::string& s = seed.input;
    std::string m;
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (unsigned char r : replacements) {
            if (static_cast<unsigned char>(s[i]) == r) continue;
            m = s;
            m[i] = char(r);
            check(seed, m, "byte replaced", i, parser, scratch, t);
        }
        // ASCII case flip: names and keywords are case-sensitive
        const char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            m = s;
            m[i] = char(c ^ 0x20);
            check(seed, m, "case flipped", i, parser, scratch, t);
        }
        m = s;
        m.erase(i, 1);
        check(seed, m, "byte deleted", i, parser, scratch, t);
        m = s;
        m.insert(i, 1, s[i]);
        check(seed, m, "byte doubled", i, parser, scratch, t);
    }
    for (std::size_t n = 0; n <= s.size(); ++n) check(seed, s.substr(0, n), "cut", n, parser, scratch, t);
    BOOST_TEST(t.failures == 0u);
    total.mutants += t.mutants;
    total.accepted += t.accepted;
    total.expat_accepted += t.expat_accepted;
    total.scanner_accepted += t.scanner_accepted;
    ++seeds_run;
}

// After every_byte_every_cut (test cases run in declaration order).
BOOST_AUTO_TEST_CASE(accepted_counts) {
    if (seeds_run != seeds().size()) {
        BOOST_TEST_MESSAGE("accepted_counts: only " << seeds_run << " of " << seeds().size()
                                                    << " seeds ran (a filtered run); nothing to compare");
        return;
    }
    BOOST_TEST_CONTEXT("mutants " << total.mutants << ", expat accepted " << total.expat_accepted
                                  << ", scanner accepted " << total.scanner_accepted << ", target accepted "
                                  << total.accepted) {
        BOOST_TEST(total.mutants == expected_mutants);
        BOOST_TEST(total.expat_accepted == expected_expat_accepted);
        BOOST_TEST(total.scanner_accepted == expected_scanner_accepted);
        BOOST_TEST(total.accepted == expected_accepted);
    }
}

BOOST_AUTO_TEST_SUITE_END()
