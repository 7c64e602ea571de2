// libFuzzer target: StreamReader on raw bytes. The input is fed twice: whole, and in chunks
// whose sizes come from the input itself; both must give the same events (adjacent keepalives
// merged), since framing must not depend on where the network splits the stream. Each chunk
// is an exact-size buffer plus the one padding byte, so AddressSanitizer catches any read
// beyond; each stanza (an IQ, a message, a presence: AnyStanza) is parsed in situ with the
// stream's context (StreamReader::context(): its namespace, and its language, which a
// message's bodies inherit), exercising the padding write the reader undoes, and must give
// what parsing a copy of its
// bytes gives (in situ on the copy with the same context, and Parser::parse when the context
// is the default one): same stanza, or same error code and offset. The outcome is part of
// the events, so it must not depend on the chunking either.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/stream/reader.hpp>
#include <xstanza/xstanza.hpp>

#include "../support/stanza_check.hpp"
#include "../support/stream_feed.hpp"

namespace {

struct seen {
    int type;
    std::string bytes;
    std::string parsed;  // a stanza's parse outcome: "ok" or "<code>@<offset>"
    bool operator==(const seen& o) const { return type == o.type && bytes == o.bytes && parsed == o.parsed; }
};

[[noreturn]] void broken(const char* what, const std::string& bytes) {
    std::fprintf(stderr, "xstanza invariant broken: %s [element %s]\n", what,
                 stanza_check::printable(bytes, 300).c_str());
    std::abort();
}

std::string outcome(const xstanza::result<xstanza::AnyStanza>& r) {
    if (r) return "ok";
    return std::string(to_string(r.error().code())) + "@" + std::to_string(r.error().offset());
}

// The in-situ parse of a streamed stanza (AnyStanza: an IQ, a message or a presence, which
// inherits the stream's language) against parses of a copy of its bytes.
std::string parse_stanza(xstanza::Parser& parser, xstanza::Parser& copier, char* data, std::size_t size,
                     const xstanza::stream_context& context) {
    using namespace xstanza;
    const std::string bytes(data, size);  // before the in-situ parse decodes in place
    std::string copy = bytes;
    result<AnyStanza> in = parser.parse_in_situ<AnyStanza>(data, size, context);
    result<AnyStanza> cp = copier.parse_in_situ<AnyStanza>(copy.data(), copy.size(), context);
    if (outcome(in) != outcome(cp)) broken("the streamed in-situ parse and a parse of a copy disagree", bytes);
    if (in && !(*in == *cp)) broken("the streamed in-situ parse and a parse of a copy give different stanzas", bytes);
    if (context.content_ns == jabber_client_ns && context.lang.empty()) {
        Parser plain;
        result<AnyStanza> p = plain.parse<AnyStanza>(bytes);
        if (outcome(in) != outcome(p)) broken("the streamed in-situ parse and Parser::parse disagree", bytes);
        if (in && !(*in == *p)) broken("the streamed in-situ parse and Parser::parse give different stanzas", bytes);
    }
    return outcome(in);
}

std::vector<seen> run(const std::uint8_t* data, std::size_t size, std::size_t seed) {
    using namespace xstanza;
    stream_limits limits;
    limits.max_stanza_bytes = 4096;  // small, so the limit path is reached too
    StreamReader reader(limits);
    Parser parser, copier;
    std::vector<seen> out;
    const auto next_end = [&](std::size_t fed) {
        std::size_t n = seed ? 1 + (seed * (fed + 7)) % 13 : size;  // deterministic chunk sizes
        if (n > size - fed) n = size - fed;
        return fed + n;
    };
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    test_helpers::feed_in_chunks(reader, input, 'x', next_end, [&](const StreamEvent& ev) {
        seen s{int(ev.type), ev.data ? std::string(ev.data, ev.size) : std::string(), {}};
        if (ev.type == StreamEventType::header) s.bytes = std::string(reader.header().qname);
        if (ev.type == StreamEventType::error) s.bytes = std::string(to_string(reader.error().code()));
        if (ev.type == StreamEventType::keepalive && !out.empty() && out.back().type == s.type) {
            out.back().bytes += s.bytes;
            return true;
        }
        if (ev.type == StreamEventType::element) {
            if (ev.kind == ElementKind::iq || ev.kind == ElementKind::message || ev.kind == ElementKind::presence)
                s.parsed = parse_stanza(parser, copier, ev.data, ev.size, reader.context());
            if (ev.name == "success") reader.restart();
        }
        out.push_back(std::move(s));
        return ev.type != StreamEventType::error;
    });
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<seen> whole = run(data, size, 0);
    std::vector<seen> split = run(data, size, size ? data[0] | 1u : 1u);
    if (!(whole == split)) {
        std::fprintf(stderr, "xstanza invariant broken: StreamReader events depend on the chunking\n");
        std::abort();
    }
    return 0;
}
