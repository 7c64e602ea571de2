// serialize/rapidxml_print and serialize/string_builder, in a translation unit of their
// own (harness.hpp says why). They write the roster that serialize_xstanza.cpp parsed.
#include "harness.hpp"
#include "impl_rapidxml_print.hpp"
#include "impl_string_builder.hpp"
#include "impl_xstanza.hpp"

namespace xstanza_bench {

std::vector<serialize_entry> peer_serialize_entries() {
    return {
        sentry<rapidxml_print_serializer>("rapidxml_print"),
        sentry<string_builder_serializer>("string_builder"),
    };
}

}  // namespace xstanza_bench
