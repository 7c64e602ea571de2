// parse/memchr (the floor: count '<'), in a translation unit of its own (harness.hpp says why).
#include "harness.hpp"
#include "impl_memchr.hpp"

namespace xstanza_bench {

std::vector<parse_entry> memchr_parse_entries() { return {entry<memchr_impl>("memchr", check::none)}; }

}  // namespace xstanza_bench
