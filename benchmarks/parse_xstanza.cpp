// parse/xstanza and stage/xstanza_scan, stage/xstanza_tree (impl_xstanza.hpp), in a
// translation unit of their own (harness.hpp says why).
#include "harness.hpp"
#include "impl_xstanza.hpp"

namespace xstanza_bench {

std::vector<parse_entry> xstanza_parse_entries() { return {entry<xstanza_impl>("xstanza", check::full)}; }

std::vector<parse_entry> xstanza_stage_entries() {
    return {
        entry<xstanza_scan_stage>("xstanza_scan", check::none),
        entry<xstanza_tree_stage>("xstanza_tree", check::none),
    };
}

std::string xstanza_explain(const corpus& c) {
    xstanza_impl x;
    for (const std::string& doc : c.docs) {
        std::string why = x.explain(doc, c.kind);
        if (!why.empty()) return why;
    }
    return {};
}

}  // namespace xstanza_bench
