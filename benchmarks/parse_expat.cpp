// parse/expat, in a translation unit of its own (harness.hpp says why).
#include "harness.hpp"
#include "impl_expat.hpp"

namespace xstanza_bench {

std::vector<parse_entry> expat_parse_entries() { return {entry<expat_impl>("expat", check::full)}; }

}  // namespace xstanza_bench
