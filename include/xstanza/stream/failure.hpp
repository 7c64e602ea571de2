// xstanza: why a StreamReader stopped. The first rule the input breaks fails the reader for
// good (until reset()): the error, with its stream offset, and the stream error condition to
// send the peer (RFC 6120 §4.9.3).
#ifndef XSTANZA_STREAM_FAILURE_HPP
#define XSTANZA_STREAM_FAILURE_HPP

#include <cstddef>
#include <cstdint>

#include "../model/error.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"

namespace xstanza::detail {

class stream_failure {
public:
    bool failed() const noexcept { return failed_; }
    const parse_error& error() const noexcept { return error_; }
    StreamCondition condition() const noexcept { return condition_; }

    // Records the failure: condition c, the error `code` at stream offset `offset`, and a
    // message made of `parts`.
    template <class... Parts>
    void set(StreamCondition c, errc code, std::uint64_t offset, const Parts&... parts) noexcept {
        error_ = parse_error::make(code, std::size_t(offset), parts...);
        condition_ = c;
        failed_ = true;
    }
    // The error event next() returns once failed.
    StreamEvent event() const noexcept {
        StreamEvent ev;
        ev.type = StreamEventType::error;
        ev.offset = error_.offset();
        return ev;
    }
    void clear() noexcept {
        failed_ = false;
        error_ = parse_error();
        condition_ = StreamCondition::undefined_condition;
    }

private:
    bool failed_ = false;
    parse_error error_{};
    StreamCondition condition_ = StreamCondition::undefined_condition;
};

}  // namespace xstanza::detail

#endif  // XSTANZA_STREAM_FAILURE_HPP
