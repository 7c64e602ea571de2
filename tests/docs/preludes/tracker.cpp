// Prelude of README.md's requests and answers (tests/docs/readme_snippets.py): a tracker, its
// clock, and a send that serializes and writes.
#include <chrono>
#include <cstdio>
#include <string>
#include <xstanza/xstanza.hpp>

using namespace std::chrono_literals;

template <class Stanza>
void send(const Stanza& stanza);            // serialize(stanza, out) and write it

void requests([[maybe_unused]] xstanza::IqTracker& tracker) {
    using clock = xstanza::IqTracker::clock;  // std::chrono::steady_clock
    // @fragment
}
