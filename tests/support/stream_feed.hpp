// A StreamReader fed as a network would feed it: in chunks, each in a buffer of its own.
// Shared by the stream suite (tests/stream/test_stream.cpp) and the fuzz target fuzz_stream.
// Without Boost.
#ifndef XSTANZA_TESTS_SUPPORT_STREAM_FEED_HPP
#define XSTANZA_TESTS_SUPPORT_STREAM_FEED_HPP

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

#include <xstanza/stream/reader.hpp>

namespace test_helpers {

/// Runs `reader` over `input`. Whenever it needs more, the next chunk, from `fed` (what is fed
/// so far) up to next_end(fed), is copied into a fresh heap buffer of exactly its size plus
/// one padding byte `pad` (so that AddressSanitizer catches a read beyond the chunk, and an
/// in-situ parse of an element ending the chunk writes into the padding) and fed. Every other
/// event goes to on_event(event), which returns whether to go on. Returns when the input is
/// used up and the reader needs more, or when on_event returns false.
template <class NextEnd, class OnEvent>
void feed_in_chunks(xstanza::StreamReader& reader, std::string_view input, char pad, NextEnd&& next_end,
                    OnEvent&& on_event) {
    std::unique_ptr<char[]> chunk;
    std::size_t fed = 0;
    for (;;) {
        const xstanza::StreamEvent ev = reader.next();
        if (ev.type == xstanza::StreamEventType::need_more) {
            if (fed == input.size()) return;
            const std::size_t end = next_end(fed);
            chunk.reset(new char[end - fed + 1]);
            std::memcpy(chunk.get(), input.data() + fed, end - fed);
            chunk[end - fed] = pad;
            reader.feed(chunk.get(), end - fed);
            fed = end;
            continue;
        }
        if (!on_event(ev)) return;
    }
}

}  // namespace test_helpers

#endif  // XSTANZA_TESTS_SUPPORT_STREAM_FEED_HPP
