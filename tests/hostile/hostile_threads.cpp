// Thread safety as documented: one Parser per thread. N threads, each with its own Parser,
// parse (copying and in situ, as AnyStanza: IQs, messages, presences) and serialize the same
// shared, read-only inputs concurrently and must get exactly what one thread gets alone. Built with -DXSTANZA_SANITIZE=thread in
// CI (scripts/test.sh), so that ThreadSanitizer reports any data race: shared state in the
// library (static tables, lazily initialised statics) must be immutable or thread-safe.
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/vectors.hpp"
#include "hostile.hpp"

using namespace xstanza;

namespace {

// What parsing an input gives: the error's code and offset, or the canonical serialization.
std::string outcome(Parser& parser, const std::string& input, bool in_situ) {
    std::string buffer;  // the in-situ input; must outlive the result's views
    if (in_situ) buffer = input;
    result<AnyStanza> r = in_situ ? parser.parse_in_situ<AnyStanza>(buffer) : parser.parse<AnyStanza>(input);
    if (!r) return std::string(to_string(r.error().code())) + "@" + std::to_string(r.error().offset());
    std::string out;
    if (parse_error e = serialize(*r, out)) return "serialize: " + std::string(to_string(e.code()));
    return out;
}

}  // namespace

int main() {
    std::vector<std::string> inputs;
    for (const vectors::test_case& c : vectors::all())
        if (!c.is_jid() && c.input.size() <= 4096 && c.default_limits()) inputs.push_back(c.input);
    std::vector<std::string> expected;
    Parser single;
    for (const std::string& s : inputs) expected.push_back(outcome(single, s, false));

    const unsigned n_threads = 4;
    const int rounds = 3;
    std::atomic<long> mismatches{0}, done{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < n_threads; ++t) {
        threads.emplace_back([&, t] {
            Parser parser;  // one per thread, as documented
            for (int round = 0; round < rounds; ++round) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    // Threads walk the inputs from different starting points to overlap differently.
                    const std::size_t k = (i + t * inputs.size() / n_threads) % inputs.size();
                    if (outcome(parser, inputs[k], false) != expected[k]) ++mismatches;
                    if (outcome(parser, inputs[k], true) != expected[k]) ++mismatches;
                    ++done;
                }
            }
        });
    }
    for (std::thread& th : threads) th.join();
    std::printf("%u threads, %ld inputs parsed each way, %ld mismatches\n", n_threads, done.load(), mismatches.load());
    HOSTILE_CHECK(mismatches == 0, "%ld outcomes differ from the single-threaded ones", mismatches.load());
    HOSTILE_CHECK(done == long(n_threads) * rounds * long(inputs.size()), "not every input was parsed");
    return hostile::exit_status();
}
