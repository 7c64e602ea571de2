// libFuzzer target: Parser::parse<AnyStanza> (an IQ, a message or a presence) on raw bytes.
// Every outcome is a clean error or a stanza; a reused Parser and a fresh one agree (no
// state leaks between parses, whatever kind came before); AnyIq, AnyMessage and AnyPresence
// parsed alone agree with AnyStanza (stanza_check::check_kind_alone); the sender's and the
// receiver's rules agree where they must, and a refused stanza's error reply
// (stanza_error_reply) serializes and parses back as an error of the same kind
// (stanza_check::check_rules). The scanner alone (no tree) on an exact-size copy agrees with
// the parse: the parse scans first, so a parse error with one of the scanner's codes is the
// scanner's error (same code, same offset), and with any other code (a stanza rule) the
// scanner accepts; parse_in_situ on an exact-size buffer plus its padding byte gives the
// copying parse's outcome.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"

namespace {

// The codes only the scanner reports (detail/scan.hpp; Parser::parse checks input_too_large
// before scanning, as the scanner does, at offset 0).
bool scanner_code(xstanza::errc c) {
    using xstanza::errc;
    switch (c) {
    case errc::attribute_limit: case errc::byte_order_mark: case errc::depth_limit: case errc::duplicate_attribute:
    case errc::empty_input: case errc::forbidden_comment: case errc::forbidden_dtd: case errc::forbidden_pi:
    case errc::input_too_large: case errc::invalid_char: case errc::invalid_name: case errc::invalid_namespace:
    case errc::invalid_reference: case errc::invalid_utf8: case errc::malformed: case errc::mismatched_tag:
    case errc::nul_byte: case errc::trailing_content: case errc::undeclared_prefix: case errc::undefined_entity:
    case errc::unexpected_eof:
        return true;
    default:
        return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xstanza;
    static Parser reused;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    Parser fresh;
    result<AnyStanza> a = fresh.parse<AnyStanza>(input);
    result<AnyStanza> b = reused.parse<AnyStanza>(input);
    if (!a) {
        fuzz_require(stanza_check::check_error(a.error(), size));
        if (b || b.error().code() != a.error().code() || b.error().offset() != a.error().offset() ||
            b.error().message() != a.error().message())
            fuzz_require("a reused Parser reports another outcome than a fresh one");
    } else {
        if (!b || !(*a == *b)) fuzz_require("a reused Parser parses to another stanza than a fresh one");
        const AnyMessage *ma = a->message(), *mb = b->message();
        if (ma && ma->ignored_type != mb->ignored_type) fuzz_require("a reused Parser keeps another ignored type");
    }
    std::unique_ptr<char[]> exact(new char[size + 1]);
    if (size) std::memcpy(exact.get(), data, size);
    detail::scanner scanner;
    const parse_error scanned = scanner.scan(exact.get(), size, fresh.limits());
    const bool xml_error = !a && scanner_code(a.error().code());
    if (bool(scanned) != xml_error) {
        fuzz_require(scanned ? "the scanner alone rejects (" + std::string(to_string(scanned.code())) +
                                   ") what parse accepts or refuses for a stanza rule"
                             : "the scanner alone accepts what parse refuses as XML (" +
                                   std::string(to_string(a.error().code())) + ")");
    }
    if (scanned && (a.error().code() != scanned.code() || a.error().offset() != scanned.offset()))
        fuzz_require("the scanner alone and parse report different errors");
    if (std::memcmp(exact.get(), data, size) != 0) fuzz_require("the scanner modified its input");
    Parser in_situ;
    result<AnyStanza> c = in_situ.parse_in_situ<AnyStanza>(exact.get(), size);
    if (bool(c) != bool(a)) fuzz_require("parse_in_situ and parse disagree");
    if (c && !(*c == *a)) fuzz_require("parse_in_situ and parse give different stanzas");
    if (!c && (c.error().code() != a.error().code() || c.error().offset() != a.error().offset()))
        fuzz_require("parse_in_situ and parse report different errors");
    static Parser alone;
    fuzz_require(stanza_check::check_kind_alone<AnyIq>(alone, a, StanzaKind::iq, input));
    fuzz_require(stanza_check::check_kind_alone<AnyMessage>(alone, a, StanzaKind::message, input));
    fuzz_require(stanza_check::check_kind_alone<AnyPresence>(alone, a, StanzaKind::presence, input));
    if (!a) fuzz_require(stanza_check::check_reply(a.error()));
    fuzz_require(stanza_check::check_rules(input));
    return 0;
}
