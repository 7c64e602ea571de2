// parse/pugixml, in a translation unit of its own (harness.hpp says why).
#include "harness.hpp"
#include "impl_pugixml.hpp"

namespace xstanza_bench {

std::vector<parse_entry> pugixml_parse_entries() { return {entry<pugixml_impl>("pugixml", check::full)}; }

}  // namespace xstanza_bench
