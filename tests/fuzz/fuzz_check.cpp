// libFuzzer target: the `xstanza check` path on raw bytes, through the public API the CLI
// calls (tools/xstanza.cpp: a default Parser, parse_in_situ<AnyStanza> on the std::string
// holding the file: an IQ, a message or a presence). Also the raw in-situ form on a buffer of exactly size + 1 bytes (the
// one padding byte the API asks for), so that AddressSanitizer catches any access beyond.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xstanza;
    static Parser cli_parser;  // the CLI reuses one Parser for all its files
    std::string input(reinterpret_cast<const char*>(data), size);
    result<AnyStanza> cli = cli_parser.parse_in_situ<AnyStanza>(input);
    if (!cli) fuzz_require(stanza_check::check_error(cli.error(), size));

    Parser parser;
    std::unique_ptr<char[]> padded(new char[size + 1]);
    if (size) std::memcpy(padded.get(), data, size);
    result<AnyStanza> raw = parser.parse_in_situ<AnyStanza>(padded.get(), size);
    if (bool(raw) != bool(cli)) fuzz_require("parse_in_situ on a std::string and on a raw buffer disagree");
    if (raw) {
        if (!(*raw == *cli)) fuzz_require("parse_in_situ on a std::string and on a raw buffer parse differently");
    } else if (raw.error().code() != cli.error().code() || raw.error().offset() != cli.error().offset()) {
        fuzz_require("parse_in_situ on a std::string and on a raw buffer report different errors");
    }
    return 0;
}
