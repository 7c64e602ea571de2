// serialize/xstanza and serialize/xstanza_into, and the parsed roster every serializer
// writes, in a translation unit of their own (harness.hpp says why).
#include "harness.hpp"
#include "impl_xstanza.hpp"

namespace xstanza_bench {

std::shared_ptr<const roster_source> make_roster_source(const std::string& xml) {
    return std::make_shared<const roster_source>(xml);
}

bool source_ok(const roster_source& s) noexcept { return s.ok(); }

std::size_t source_items(const roster_source& s) noexcept { return s.iq().payload.items.size(); }

std::vector<serialize_entry> xstanza_serialize_entries() {
    return {
        sentry<xstanza_serializer>("xstanza"),
        sentry<xstanza_into_serializer>("xstanza_into"),
    };
}

}  // namespace xstanza_bench
