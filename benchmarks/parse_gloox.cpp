// parse/gloox, in a translation unit of its own (harness.hpp says why).
#include "harness.hpp"
#include "impl_gloox.hpp"

namespace xstanza_bench {

std::vector<parse_entry> gloox_parse_entries() { return {entry<gloox_impl>("gloox", check::full)}; }

}  // namespace xstanza_bench
