// parse/rapidxml (the baseline) and parse/rapidxml_fastest, in a translation unit of
// their own (harness.hpp says why); also the reader that checks serializers' output.
#include "harness.hpp"
#include "impl_rapidxml.hpp"

namespace xstanza_bench {

std::vector<parse_entry> rapidxml_parse_entries() {
    return {
        entry<rapidxml_impl>("rapidxml", check::full),
        entry<rapidxml_fastest_impl>("rapidxml_fastest", check::shape),  // no reference decoding
    };
}

bool read_back(const std::string& xml, byte_digest& d) {
    rapidxml_impl reader;
    return reader.parse(xml, corpus_kind::roster, d);
}

}  // namespace xstanza_bench
