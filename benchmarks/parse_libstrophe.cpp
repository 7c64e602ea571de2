// parse/libstrophe, in a translation unit of its own (harness.hpp says why).
#include "harness.hpp"
#include "impl_libstrophe.hpp"

namespace xstanza_bench {

std::vector<parse_entry> libstrophe_parse_entries() { return {entry<libstrophe_impl>("libstrophe", check::full)}; }

}  // namespace xstanza_bench
