// libFuzzer target: differential, xstanza's validating scanner against expat (an independent
// XML parser, namespace aware) on the same bytes. What expat rejects, xstanza rejects; what
// xstanza accepts, expat accepts with the same elements, attributes, namespace declarations
// and character data. Exceptions only for the rules XMPP adds to XML (RFC 6120 §11.1, §11.6)
// and xstanza's limits (RFC 6120 §13.12), each checked narrowly: see
// tests/support/expat_oracle.hpp, which lists them. Also: Parser::parse<AnyIq> accepts
// nothing the scanner rejects.
//
// The limits are lower than the defaults so that the fuzzer reaches each of them with
// short inputs: nesting 16, 12 attributes, 6 prefixed declarations in scope, 3,000 bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../support/expat_oracle.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xstanza;
    static const parse_limits limits = [] {
        parse_limits l;
        l.max_depth = 16;
        l.max_attributes = 12;
        l.max_namespaces = 6;
        l.max_input_bytes = 3000;
        return l;
    }();
    static Parser parser(limits);
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const expat_oracle::verdict v = expat_oracle::compare_with_expat(input, limits);
    if (!v.failure.empty()) fuzz_require(v.failure + " [input " + stanza_check::printable(input, 400) + "]");
    if (parser.parse<AnyIq>(input) && !v.xstanza_ok) fuzz_require("Parser::parse<AnyIq> accepts what the scanner rejects");
    return 0;
}
