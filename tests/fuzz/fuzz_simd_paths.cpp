// libFuzzer target: every vector path the CPU runs (scalar, sse2, avx2; force_simd_path,
// include/xstanza/model/detail/simd.hpp) gives the same answers on raw bytes:
// Parser::parse<AnyStanza> the same error (code, offset, message) or the same canonical
// serialization; Jid::parse and the JID block classifier (Jid::parse_ascii_in, on the
// input in a region of its own size) the same outcome and parts; and the scanner's byte
// loops (skip_plain, skip_value, find_amp_or_control) the same stop from each of the
// first offsets of the input. Paths differ only on runs of sixteen bytes and more.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xstanza/xml/chars.hpp>

#include "../support/jid_block_check.hpp"
#include "fuzz_common.hpp"

namespace {

using xstanza::simd_path;
using byte = unsigned char;

// The distinct paths this CPU runs, scalar first.
const std::vector<simd_path>& paths() {
    static const std::vector<simd_path> v = [] {
        std::vector<simd_path> all;
        for (simd_path p : {simd_path::scalar, simd_path::sse2, simd_path::avx2})
            if (p <= xstanza::best_simd_path()) all.push_back(p);
        return all;
    }();
    return v;
}

// A parse's outcome as one string: the error, or the canonical bytes (a server writes).
std::string parse_outcome(xstanza::Parser& parser, std::string_view input) {
    using namespace xstanza;
    result<AnyStanza> r = parser.parse<AnyStanza>(input);
    if (!r)
        return "error " + std::string(to_string(r.error().code())) + " at " + std::to_string(r.error().offset()) +
               ": " + std::string(r.error().message());
    std::string out;
    if (parse_error e = serialize(*r, out, role::server))
        return "accepted, not serialized: " + std::string(to_string(e.code())) + ": " + std::string(e.message());
    return "accepted: " + out;
}

// A JID outcome: accepted or not, and the parts with their offsets into `text`.
std::string jid_outcome(bool ok, const xstanza::Jid& j, std::string_view text) {
    if (!ok) return "refused";
    auto part = [&](std::string_view p) {
        return std::to_string(jid_block_check::part_at(p, text.data())) + ":" + std::string(p) + "|";
    };
    return part(j.local()) + part(j.domain()) + part(j.resource());
}

std::string jid_outcomes(std::string_view text) {
    using xstanza::detail::jid_test_access;
    xstanza::result<xstanza::Jid> parsed = xstanza::Jid::parse(text);
    std::string out = parsed ? jid_outcome(true, *parsed, text)
                             : "error " + std::to_string(parsed.error().offset()) + " " +
                                   std::string(parsed.error().message());
    xstanza::Jid in;
    out += " / block: " + jid_outcome(jid_test_access::in(text, text.data(), text.data() + text.size(), in), in, text);
    return out;
}

// Where the byte loops stop from each of the first 64 offsets, as one string.
std::string loop_stops(byte* buf, std::size_t n) {
    using namespace xstanza::detail;
    std::string out;
    char* const chars = reinterpret_cast<char*>(buf);
    for (std::size_t from = 0; from < n && from < 64; ++from) {
        const byte *p = buf + from, *end = buf + n;
        const std::size_t stops[] = {std::size_t(skip_plain<'<', '&', ']'>(p, end) - buf),
                                     std::size_t(skip_plain<'<', '&', ']', true>(p, end) - buf),
                                     std::size_t(skip_plain<']', ']', ']'>(p, end) - buf),
                                     std::size_t(skip_plain<'&', '<', '>'>(p, end) - buf),
                                     std::size_t(scan_impl::skip_value(p, end, '\'') - buf),
                                     std::size_t(scan_impl::skip_value(p, end, '"') - buf),
                                     std::size_t(find_amp_or_control(chars, chars + from, chars + n) - chars)};
        for (std::size_t s : stops) out += std::to_string(s) + ",";
    }
    return out;
}

// Every outcome under the active path.
std::string outcomes(xstanza::Parser& parser, std::string_view input, byte* exact) {
    return parse_outcome(parser, input) + "\n" + jid_outcomes(std::string_view(reinterpret_cast<char*>(exact), input.size())) +
           "\n" + loop_stops(exact, input.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static xstanza::Parser parser;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // An exact-size copy: AddressSanitizer catches any read past it.
    std::unique_ptr<byte[]> exact(new byte[size ? size : 1]);
    if (size) std::memcpy(exact.get(), data, size);
    std::string first;
    for (simd_path p : paths()) {
        xstanza::force_simd_path(p);
        std::string got = outcomes(parser, input, exact.get());
        if (p == paths().front()) {
            first = std::move(got);
        } else if (got != first) {
            fuzz_require(std::string("the ") + xstanza::to_string(p) + " path disagrees with the scalar path:\n" +
                         got + "\n--- scalar:\n" + first);
        }
    }
    if (std::memcmp(exact.get(), data, size) != 0) fuzz_require("a byte loop modified its input");
    return 0;
}
