// Prelude of README.md's tour fragments (tests/docs/readme_snippets.py): what they use and
// do not declare. Each fragment goes, in a block of its own, where the marker line is.
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <xstanza/xstanza.hpp>

using namespace xstanza;

template <class Stanza>
void send(const Stanza& stanza);            // serialize(stanza, out) and write it
std::string_view next_id();                 // a fresh id that lives as long as the stanza

void tour([[maybe_unused]] std::string& buffer, [[maybe_unused]] const StreamEvent& ev,
          [[maybe_unused]] StreamReader& reader, [[maybe_unused]] const RosterQuery& my_roster) {
    [[maybe_unused]] Parser parser;
    // @fragment
}
