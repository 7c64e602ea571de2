// libFuzzer target: StreamReader on raw bytes. The input is fed twice: whole, and in chunks
// whose sizes come from the input itself; both must give the same events (adjacent keepalives
// merged), since framing must not depend on where the network splits the stream. Each chunk
// is an exact-size buffer plus the one padding byte, so AddressSanitizer catches any read
// beyond; each IQ is parsed in situ, exercising the padding write the reader undoes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <xstanza/stream.hpp>
#include <xstanza/xstanza.hpp>

namespace {

struct seen {
    int type;
    std::string bytes;
    bool operator==(const seen& o) const { return type == o.type && bytes == o.bytes; }
};

std::vector<seen> run(const std::uint8_t* data, std::size_t size, std::size_t seed) {
    using namespace xstanza;
    stream_limits limits;
    limits.max_stanza_bytes = 4096;  // small, so the limit path is reached too
    StreamReader reader(limits);
    Parser parser;
    std::vector<seen> out;
    std::unique_ptr<char[]> chunk;
    std::size_t fed = 0;
    for (;;) {
        StreamEvent ev = reader.next();
        if (ev.type == StreamEventType::need_more) {
            if (fed == size) break;
            std::size_t n = seed ? 1 + (seed * (fed + 7)) % 13 : size;  // deterministic chunk sizes
            if (n > size - fed) n = size - fed;
            chunk.reset(new char[n + 1]);
            std::memcpy(chunk.get(), data + fed, n);
            chunk[n] = 'x';
            reader.feed(chunk.get(), n);
            fed += n;
            continue;
        }
        seen s{int(ev.type), ev.data ? std::string(ev.data, ev.size) : std::string()};
        if (ev.type == StreamEventType::header) s.bytes = std::string(reader.header().qname);
        if (ev.type == StreamEventType::error) s.bytes = std::string(to_string(reader.error().code()));
        if (ev.type == StreamEventType::keepalive && !out.empty() && out.back().type == s.type) {
            out.back().bytes += s.bytes;
            continue;
        }
        if (ev.type == StreamEventType::element) {
            if (ev.kind == ElementKind::iq) (void)parser.parse_in_situ<AnyIq>(ev.data, ev.size);
            if (ev.name == "success") reader.restart();
        }
        out.push_back(std::move(s));
        if (ev.type == StreamEventType::error) break;
    }
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
