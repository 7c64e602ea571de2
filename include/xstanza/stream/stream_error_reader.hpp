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
            if (!doc_) doc_ = std::make_unique<xml_doc>();
        } catch (...) {
            return;  // out of memory: an undefined condition
        }
        doc_->clear();
        // Validated already; this pass builds the tree (failing only when out of memory).
        if (scanner.scan(buf_.data(), buf_.size(), limits, *doc_)) return;
        xml_node* root = doc_->first_node();
        if (!root) return;
        for (xml_node* c = root->first_node(); c; c = c->next_sibling()) read_child(c);
    }

private:
    void read_child(xml_node* c) noexcept {
        std::string_view ns = resolve_ns(c);
        std::string_view local = local_name(c);
        if (ns == stream_errors_ns) {
            if (local == "text") {
                error_.text = has_element_child(c) ? std::string_view{} : text_of(c);
                if (xml_attr* l = find_attr(c, "xml:lang")) error_.text_lang = attr_value(l);
            } else if (auto cond = stream_condition_from_string(local); cond && !error_.has_condition) {
                error_.condition = *cond;
                error_.has_condition = true;
                // RFC 6120 §4.9.3.19: the host to reconnect to
                if (*cond == StreamCondition::see_other_host && !has_element_child(c)) error_.see_other_host = text_of(c);
            }
        } else if (!error_.app) {
            // RFC 6120 §4.9.4: an application-specific condition
            error_.app = AppCondition{local, ns};
        }
    }

    std::vector<char> buf_;  // a copy of the element: its text is decoded in place as it is read
    std::unique_ptr<xml_doc> doc_;
    StreamError error_{};
};

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_STREAM_STREAM_ERROR_READER_HPP
