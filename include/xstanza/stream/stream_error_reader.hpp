// xstanza: the stream error element, <stream:error/> (RFC 6120 §4.9): writing one to end a
// stream, and reading the one a peer sent into a StreamError.
#ifndef XSTANZA_STREAM_STREAM_ERROR_READER_HPP
#define XSTANZA_STREAM_STREAM_ERROR_READER_HPP

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../model/limits.hpp"
#include "../model/stanza_error.hpp"
#include "../model/stream_error.hpp"
#include "../xml/dom.hpp"
#include "../codec/stanza_error.hpp"
#include "../xml/element.hpp"
#include "../xml/scan.hpp"

namespace xstanza {

/// Appends `<stream:error><condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>`
/// and the closing `</stream:stream>` (RFC 6120 §4.9.1.1: a stream error ends the stream).
/// A value outside the enumeration is written as <undefined-condition/> (RFC 6120 §4.9.3.21).
/// Returns false when out of memory.
inline bool append_stream_error(std::string& out, StreamCondition c) noexcept {
    std::string_view name = to_string(c);
    if (name.empty()) name = to_string(StreamCondition::undefined_condition);
    try {
        out.append("<stream:error><").append(name).append(" xmlns='").append(stream_errors_ns)
            .append("'/></stream:error></stream:stream>");
        return true;
    } catch (...) {
        return false;
    }
}

namespace detail {

// Reads a received <stream:error/> into a StreamError, whose views point into its own copy
// of the element (valid until the next read() or clear()).
class stream_error_reader {
public:
    const StreamError& result() const noexcept { return error_; }
    void clear() noexcept { error_ = StreamError{}; }

    // RFC 6120 §4.9.2: a defined condition, optional <text/>, optional application condition.
    // p[0, n) is the whole element, validated already by `scanner`.
    void read(scanner& scanner, const char* p, std::size_t n, const parse_limits& limits) noexcept {
        error_ = StreamError{};
        try {
            buf_.assign(p, p + n);
        } catch (...) {
            return;  // out of memory: an undefined condition
        }
        // Validated already; this pass indexes the elements (failing only when out of memory).
        if (scanner.scan(buf_.data(), buf_.size(), limits, index_)) return;
        if (!index_.root) return;
        // Read in place through the element view, with the stanza error codec's sorting of the
        // children; a stream error is read leniently (RFC 6120 §4.9.2: the stream ends anyway).
        const doc_context context{buf_.data(), nullptr, buf_.data() + buf_.size(), true};
        (void)read_error_children(element_access::make(index_.root, &context), stream_errors_ns,
                                  [&](const element& c) { return read_text(c); },
                                  [&](const element& c) { return read_condition(c); },
                                  [&](const element& c) { return read_app(c); });
    }

private:
    codec_error read_text(const element& c) noexcept {
        error_.text = c.text();  // empty when it has child elements
        if (auto l = c.find("xml:lang")) error_.text_lang = l->value();
        return {};
    }
    codec_error read_condition(const element& c) noexcept {
        auto cond = stream_condition_from_string(c.name());
        if (!cond || error_.has_condition) return {};
        error_.condition = *cond;
        error_.has_condition = true;
        // RFC 6120 §4.9.3.19: the host to reconnect to
        if (*cond == StreamCondition::see_other_host && !c.has_children()) error_.see_other_host = c.text();
        return {};
    }
    // RFC 6120 §4.9.4: an application-specific condition (the first one)
    codec_error read_app(const element& c) noexcept {
        if (!error_.app) error_.app = AppCondition{c.name(), c.ns()};
        return {};
    }

    std::vector<char> buf_;  // a copy of the element: its text is decoded in place as it is read
    element_index index_;
    StreamError error_{};
};

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_STREAM_STREAM_ERROR_READER_HPP
