// xstanza: incremental framing of an XMPP stream (RFC 6120 §4). Bytes go in as they
// arrive, in chunks of any size; out come the stream header, each first-level element
// (stanza, stream features, SASL element ...) as one complete buffer ready for the in-situ
// Parser, whitespace keepalives, the closing tag and received stream errors.
//
// Framing uses a resumable byte-level tokenizer (depth, tag names, quotes, CDATA); each
// complete element is then validated by the same scanner as Parser (detail/scan.hpp), so
// a buffer handed out is one well-formed, namespace-well-formed element. The element tree
// (RapidXML's nodes, built by that scanner) is read only for the few children of a received
// <stream:error/>, never for framing.
#ifndef XSTANZA_STREAM_READER_HPP
#define XSTANZA_STREAM_READER_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../xml/dom.hpp"
#include "../model/detail/names.hpp"
#include "../xml/scan.hpp"
#include "../xml/start_tag.hpp"
#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "../model/rules.hpp"
#include "../model/syntax.hpp"
#include "../model/span.hpp"
#include "../model/stanza_error.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"
#include "failure.hpp"
#include "header.hpp"
#include "qname.hpp"
#include "stream_error_reader.hpp"

namespace xstanza {

/// Frames an XMPP stream read from the network. Feed it chunks; pull events with next():
/// \code
/// reader.feed(buf, n);               // buf[n] must be writable (one padding byte)
/// for (;;) {
///     StreamEvent ev = reader.next();
///     if (ev.type == StreamEventType::need_more) break;
///     if (ev.type == StreamEventType::element && ev.kind == ElementKind::iq)
///         auto iq = parser.parse_in_situ<AnyIq>(ev.data, ev.size);
/// }
/// \endcode
///
/// Zero copy: an element that arrives whole in one chunk is handed out in place (the chunk
/// must therefore be writable and stay untouched until next() returns need_more). Only an
/// element split across chunks is assembled in the reader's buffer, bounded by
/// stream_limits::max_stanza_bytes.
///
/// Standalone elements: a handed-out element parses on its own. It inherits the stream's
/// default namespace (event.ns tells which; Parser reads an unqualified <iq/> as
/// jabber:client). An element using a prefix declared only on the stream header (RFC 6120
/// §4.8.5 says such declarations belong on the stanza; rare) is copied with the header's
/// prefix declarations added to its start tag, so that it too parses standalone; this is
/// also how <stream:features/> and <stream:error/> are handed out.
///
/// Never throws; not thread-safe; neither copyable nor movable (events point into it).
class StreamReader {
public:
    /// A reader at the start of a stream: an optional XML declaration, then a header.
    explicit StreamReader(stream_limits limits = {}) noexcept : limits_(limits) {}
    StreamReader(const StreamReader&) = delete;
    StreamReader& operator=(const StreamReader&) = delete;

    /// The bounds this reader enforces.
    const stream_limits& limits() const noexcept { return limits_; }

    /// Hands the reader the next chunk of the stream. data[size] must be writable (a padding
    /// byte, as for Parser::parse_in_situ) and the chunk must stay valid until next() returns
    /// need_more. Call it only when next() has returned need_more (or before the first next()).
    void feed(char* data, std::size_t size) noexcept {
        restore_byte();
        if (pos_ < size_ && !failure_.failed() && state_ != state::closed) {
            fail_now(StreamCondition::internal_server_error, errc::invalid_data, offset_at(pos_),
                     "feed() called before next() consumed the previous chunk");
            return;
        }
        base_ += size_;
        data_ = data;
        size_ = size;
        pos_ = 0;
        region_begin_ = 0;
    }

    /// The next event. need_more when the fed bytes are used up.
    StreamEvent next() noexcept {
        restore_byte();
        StreamEvent ev;
        if (failure_.failed()) return error_event();
        if (closed_pending_) {
            closed_pending_ = false;
            state_ = state::closed;
            ev.type = StreamEventType::closed;
            return ev;
        }
        for (;;) {
            if (state_ == state::closed) {
                pos_ = size_;  // RFC 6120 §4.4: nothing follows the closing tag; ignore it
                return ev;
            }
            if (pos_ == size_) {
                if (region_ && !stash()) return error_event();
                return ev;
            }
            std::size_t end = size_;
            if (region_) {
                std::size_t used = buf_len_ + (pos_ - region_begin_);
                std::size_t room = limits_.max_stanza_bytes - used;
                if (room == 0) {
                    // RFC 6120 §13.12, §4.9.3.14: a stanza over the local size limit
                    fail(ev, StreamCondition::policy_violation, errc::input_too_large, region_offset_,
                                "an element exceeds the limit of ", detail::scan_impl::decimal_text(limits_.max_stanza_bytes),
                                " bytes (RFC 6120 §13.12)");
                    return ev;
                }
                if (room < end - pos_) end = pos_ + room;
            }
            if (run(end, ev)) return ev;
        }
    }

    /// RFC 6120 §4.3.3: after STARTTLS or SASL success the peer starts a new stream; expect a
    /// new header (and XML declaration). Bytes fed but not yet read are kept. A failed reader
    /// stays failed.
    void restart() noexcept {
        restore_byte();
        if (failure_.failed()) return;
        state_ = state::prolog;
        closed_pending_ = false;
        region_ = false;
        region_header_ = false;
        buf_len_ = 0;
        depth_ = 0;
        k_ = 0;
        names_.clear();
        name_starts_.clear();
        header_reader_.restart();
    }

    /// Forgets everything, fed bytes included: for a new connection. The last chunk is not
    /// touched (it may already be gone).
    void reset() noexcept {
        has_saved_ = false;
        data_ = nullptr;
        size_ = pos_ = 0;
        base_ = 0;
        failure_.clear();
        received_error_.clear();
        state_ = state::prolog;
        restart();
    }

    /// True once a header was read (since the last restart() or reset()).
    bool has_header() const noexcept { return header_reader_.has_header(); }
    /// The stream header (valid when has_header()).
    const StreamHeader& header() const noexcept { return header_reader_.header(); }
    /// What the stream's stanzas inherit from its header: the content namespace and the
    /// xml:lang a stanza without one is in (RFC 6120 §8.1.5). Hand it to
    /// Parser::parse_in_situ(data, size, context) with each stanza; valid as header() is.
    stream_context context() const noexcept {
        stream_context c;
        const StreamHeader& h = header();
        if (!h.content_ns.empty()) c.content_ns = h.content_ns;
        // RFC 6120 §8.1.5: only a language tag is a language; the header's value is not
        // checked when it is read, so one that is none is not passed on.
        std::string_view lang = h.lang.value_or(std::string_view{});
        if (is_language_tag(lang)) c.lang = lang;
        return c;
    }
    /// The <stream:error/> the peer sent (after a stream_error event).
    const StreamError& stream_error() const noexcept { return received_error_.result(); }
    /// After an error event: what was wrong, with the stream offset where it was found.
    const parse_error& error() const noexcept { return failure_.error(); }
    /// After an error event: the stream error to send the peer (RFC 6120 §4.9.3).
    StreamCondition error_condition() const noexcept { return failure_.condition(); }
    /// Bytes of the stream consumed so far.
    std::uint64_t offset() const noexcept { return base_ + pos_; }

private:
    enum class state : unsigned char {
        prolog,       // before the header: whitespace, an XML declaration, the header
        prolog_lt,    // after '<' there
        decl,         // inside "<?...?>" before the header
        top,          // between first-level elements
        top_lt,       // after '<' there
        top_bang,     // after "<!" there
        close_name,   // "</" at the top: matching the header's qname
        close_after,  // S? '>' after it
        tag_name,     // a start tag's name
        tag_space,    // between attributes
        attr_name,
        attr_eq,      // S? '=' after an attribute name
        attr_quote,   // S? then the opening quote
        attr_value,
        tag_slash,    // '/' in a start tag: '>' must follow
        content,      // character data inside an element
        content_lt,   // after '<' in content
        bang,         // after "<!" in content: "[CDATA[" must follow
        cdata,
        end_name,     // an end tag's name, matched against the open element's
        end_after,    // S? '>' after it
        closed,
    };

    std::uint64_t offset_at(std::size_t pos) const noexcept { return base_ + pos; }

    // The scanner's limits for one element (the others keep parse_limits' defaults).
    parse_limits xml_limits() const noexcept { return detail::element_limits(limits_); }

    void restore_byte() noexcept {
        if (has_saved_) {
            data_[saved_pos_] = saved_;
            has_saved_ = false;
        }
    }

    void begin_region() noexcept {
        region_ = true;
        region_header_ = false;
        region_begin_ = pos_;
        region_offset_ = offset_at(pos_);
        buf_len_ = 0;
    }

    // Makes room for n bytes plus the padding byte in buf_.
    bool reserve_buf(std::size_t n) noexcept {
        try {
            if (buf_.size() < n + 1) buf_.resize(n + 1);
            return true;
        } catch (...) {
            fail_now(StreamCondition::resource_constraint, errc::out_of_memory, region_offset_, "out of memory buffering an element");
            return false;
        }
    }

    // The chunk ends inside a region: keep its bytes (within the limit: next() never lets a region grow past it).
    bool stash() noexcept {
        std::size_t n = size_ - region_begin_;
        if (!reserve_buf(buf_len_ + n)) return false;
        if (n) std::memcpy(buf_.data() + buf_len_, data_ + region_begin_, n);
        buf_len_ += n;
        region_begin_ = size_;
        return true;
    }

    // The region ends at pos_: its bytes, contiguous.
    bool take_region(char*& p, std::size_t& n, bool& copied) noexcept {
        region_ = false;
        if (buf_len_ == 0) {
            p = data_ + region_begin_;
            n = pos_ - region_begin_;
            copied = false;
            return true;
        }
        std::size_t m = pos_ - region_begin_;
        if (!reserve_buf(buf_len_ + m)) return false;
        if (m) std::memcpy(buf_.data() + buf_len_, data_ + region_begin_, m);
        n = buf_len_ + m;
        buf_len_ = 0;
        p = buf_.data();
        copied = true;
        return true;
    }

    template <class... Parts>
    void fail_now(StreamCondition c, errc code, std::uint64_t offset, const Parts&... parts) noexcept {
        failure_.set(c, code, offset, parts...);
        region_ = false;
    }
    template <class... Parts>
    bool fail(StreamEvent& ev, StreamCondition c, errc code, std::uint64_t offset, const Parts&... parts) noexcept {
        fail_now(c, code, offset, parts...);
        ev = error_event();
        return true;
    }
    StreamEvent error_event() const noexcept { return failure_.event(); }
    bool malformed(StreamEvent& ev, const char* what) noexcept {
        // RFC 6120 §11.3: data that is not well-formed XML closes the stream with not-well-formed
        return fail(ev, StreamCondition::not_well_formed, errc::malformed, offset_at(pos_), what);
    }

    // Names of open elements are kept to match their end tags (they count towards the element's limit).
    bool push_name_byte(StreamEvent& ev, char c) noexcept {
        if (region_header_) return false;
        try {
            names_.push_back(c);
            return false;
        } catch (...) {
            return fail(ev, StreamCondition::resource_constraint, errc::out_of_memory, offset_at(pos_), "out of memory");
        }
    }

    // '<' + a name byte in content or at the top: a start tag begins.
    bool open_tag(StreamEvent& ev) noexcept {
        try {
            name_starts_.push_back(names_.size());
            return false;
        } catch (...) {
            return fail(ev, StreamCondition::resource_constraint, errc::out_of_memory, offset_at(pos_), "out of memory");
        }
    }

    // Consumes bytes in [pos_, end); true when ev holds an event.
    bool run(std::size_t end, StreamEvent& ev) noexcept {
        while (pos_ < end) {
            char c = data_[pos_];
            switch (state_) {
            case state::prolog:
                if (detail::stream_space(c)) { ++pos_; break; }
                if (c != '<') return malformed(ev, "content before the stream header (RFC 6120 §4.2)");
                begin_region();
                ++pos_;
                state_ = state::prolog_lt;
                return false;  // next() bounds the new region by the size limit
            case state::prolog_lt:
                if (c == '?') {
                    ++pos_;
                    prev_question_ = false;
                    state_ = state::decl;
                    break;
                }
                if (c == '!') return restricted(ev, "a comment or DTD before the stream header (RFC 6120 §11.1)");
                if (detail::name_stop(c)) return malformed(ev, "'<' not followed by a name");
                region_header_ = true;
                ++pos_;
                state_ = state::tag_name;
                break;
            case state::decl:
                ++pos_;
                if (c == '>' && prev_question_) {
                    if (!finish_decl(ev)) return true;
                    state_ = state::prolog;
                    break;
                }
                prev_question_ = c == '?';
                break;
            case state::top: {
                if (detail::stream_space(c)) {
                    // RFC 6120 §11.7, §4.6.4: whitespace between stanzas is a keepalive
                    std::size_t q = pos_ + 1;
                    while (q < end && detail::stream_space(data_[q])) ++q;
                    ev.type = StreamEventType::keepalive;
                    ev.data = data_ + pos_;
                    ev.size = q - pos_;
                    ev.offset = offset_at(pos_);
                    pos_ = q;
                    return true;
                }
                if (c != '<')
                    // RFC 6120 §11.7: between first-level elements only whitespace may appear
                    return fail(ev, StreamCondition::bad_format, errc::unexpected_text, offset_at(pos_),
                                "character data between first-level elements (RFC 6120 §11.7)");
                begin_region();
                ++pos_;
                state_ = state::top_lt;
                return false;  // next() bounds the new region by the size limit
            }
            case state::top_lt:
                ++pos_;
                if (c == '/') {
                    k_ = 0;
                    state_ = state::close_name;
                } else if (c == '!') {
                    state_ = state::top_bang;
                } else if (c == '?') {
                    --pos_;
                    return restricted(ev, "a processing instruction in the stream (RFC 6120 §11.1)", errc::forbidden_pi);
                } else if (detail::name_stop(c)) {
                    --pos_;
                    return malformed(ev, "'<' not followed by a name");
                } else {
                    if (open_tag(ev) || push_name_byte(ev, c)) return true;
                    state_ = state::tag_name;
                }
                break;
            case state::top_bang:
                if (c == '-') return restricted(ev, "a comment in the stream (RFC 6120 §11.1)", errc::forbidden_comment);
                if (c == '[')
                    return fail(ev, StreamCondition::bad_format, errc::unexpected_text, offset_at(pos_),
                                "a CDATA section between first-level elements (RFC 6120 §11.7)");
                return restricted(ev, "a DTD in the stream (RFC 6120 §11.1)", errc::forbidden_dtd);
            case state::close_name: {
                // RFC 6120 §4.4: the stream ends with the closing tag of the header's element
                std::string_view q = header().qname;
                if (k_ < q.size() && c == q[k_]) {
                    ++k_;
                    ++pos_;
                    break;
                }
                if (k_ == q.size() && (c == '>' || detail::stream_space(c))) {
                    state_ = state::close_after;
                    break;
                }
                return fail(ev, StreamCondition::not_well_formed, errc::mismatched_tag, offset_at(pos_),
                            "a closing tag at the top level that is not </", header().qname, ">");
            }
            case state::close_after:
                ++pos_;
                if (detail::stream_space(c)) break;
                if (c != '>') {
                    --pos_;
                    return malformed(ev, "expected '>' after the closing stream tag");
                }
                region_ = false;
                state_ = state::closed;
                ev.type = StreamEventType::closed;
                ev.offset = offset_at(pos_);
                return true;
            case state::tag_name:
                if (!detail::name_stop(c)) {
                    if (push_name_byte(ev, c)) return true;
                    ++pos_;
                    break;
                }
                if (detail::stream_space(c)) { ++pos_; state_ = state::tag_space; break; }
                if (c == '/') { ++pos_; state_ = state::tag_slash; break; }
                if (c == '>') { ++pos_; if (tag_opened(ev)) return true; break; }
                return malformed(ev, "unexpected character in an element name");
            case state::tag_space:
                if (detail::stream_space(c)) { ++pos_; break; }
                if (c == '/') { ++pos_; state_ = state::tag_slash; break; }
                if (c == '>') { ++pos_; if (tag_opened(ev)) return true; break; }
                if (detail::name_stop(c)) return malformed(ev, "unexpected character in a start tag");
                ++pos_;
                state_ = state::attr_name;
                break;
            case state::attr_name:
                if (!detail::name_stop(c)) { ++pos_; break; }
                state_ = state::attr_eq;
                break;
            case state::attr_eq:
                if (detail::stream_space(c)) { ++pos_; break; }
                if (c != '=') return malformed(ev, "expected '=' after an attribute name");
                ++pos_;
                state_ = state::attr_quote;
                break;
            case state::attr_quote:
                if (detail::stream_space(c)) { ++pos_; break; }
                if (c != '\'' && c != '"') return malformed(ev, "an attribute value must be quoted");
                quote_ = c;
                ++pos_;
                state_ = state::attr_value;
                break;
            case state::attr_value: {
                const void* q = std::memchr(data_ + pos_, quote_, end - pos_);
                if (!q) { pos_ = end; break; }
                pos_ = std::size_t(static_cast<const char*>(q) - data_) + 1;
                state_ = state::tag_space;
                break;
            }
            case state::tag_slash:
                if (c != '>') return malformed(ev, "expected '>' after '/' in a start tag");
                ++pos_;
                if (region_header_) {
                    // <stream:stream .../>: a header and an empty stream at once
                    closed_pending_ = true;
                    return finish_header(ev);
                }
                names_.resize(name_starts_.back());
                name_starts_.pop_back();
                if (depth_ == 0) return finish_element(ev);
                state_ = state::content;
                break;
            case state::content: {
                const void* q = std::memchr(data_ + pos_, '<', end - pos_);
                if (!q) { pos_ = end; break; }
                pos_ = std::size_t(static_cast<const char*>(q) - data_) + 1;
                state_ = state::content_lt;
                break;
            }
            case state::content_lt:
                if (c == '/') {
                    ++pos_;
                    k_ = 0;
                    state_ = state::end_name;
                } else if (c == '!') {
                    ++pos_;
                    k_ = 0;
                    state_ = state::bang;
                } else if (c == '?') {
                    return restricted(ev, "a processing instruction in a stanza (RFC 6120 §11.1)", errc::forbidden_pi);
                } else if (detail::name_stop(c)) {
                    return malformed(ev, "'<' not followed by a name");
                } else {
                    if (depth_ >= limits_.max_depth)
                        return fail(ev, StreamCondition::policy_violation, errc::depth_limit, offset_at(pos_),
                                    "elements nested deeper than the limit (RFC 6120 §13.12)");
                    if (open_tag(ev) || push_name_byte(ev, c)) return true;
                    ++pos_;
                    state_ = state::tag_name;
                }
                break;
            case state::bang: {
                constexpr std::string_view cdata_open = "[CDATA[";
                if (k_ == 0 && c == '-') return restricted(ev, "a comment in a stanza (RFC 6120 §11.1)", errc::forbidden_comment);
                if (c != cdata_open[k_]) {
                    if (k_ == 0) return restricted(ev, "a DTD in a stanza (RFC 6120 §11.1)", errc::forbidden_dtd);
                    return malformed(ev, "malformed CDATA section start");
                }
                ++pos_;
                if (++k_ == cdata_open.size()) {
                    brackets_ = 0;
                    state_ = state::cdata;
                }
                break;
            }
            case state::cdata:
                ++pos_;
                if (c == ']') {
                    if (brackets_ < 2) ++brackets_;
                } else if (c == '>' && brackets_ == 2) {
                    state_ = state::content;
                } else {
                    brackets_ = 0;
                }
                break;
            case state::end_name: {
                std::size_t first = name_starts_.back();
                std::size_t len = names_.size() - first;
                if (k_ < len && c == names_[first + k_]) {
                    ++k_;
                    ++pos_;
                    break;
                }
                if (k_ == len && (c == '>' || detail::stream_space(c))) {
                    state_ = state::end_after;
                    break;
                }
                return fail(ev, StreamCondition::not_well_formed, errc::mismatched_tag, offset_at(pos_),
                            "closing tag does not match the open element <",
                            std::string_view(names_).substr(first, len), ">");
            }
            case state::end_after:
                ++pos_;
                if (detail::stream_space(c)) break;
                if (c != '>') {
                    --pos_;
                    return malformed(ev, "expected '>' to end a closing tag");
                }
                names_.resize(name_starts_.back());
                name_starts_.pop_back();
                if (--depth_ == 0) return finish_element(ev);
                state_ = state::content;
                break;
            case state::closed:
                return false;  // next() handles it before calling run(), as a failure
            }
            if (failure_.failed()) {
                ev = error_event();
                return true;
            }
        }
        return false;
    }

    bool restricted(StreamEvent& ev, const char* what, errc code = errc::forbidden_dtd) noexcept {
        // RFC 6120 §11.1: comments, PIs, DTDs -> restricted-xml (§4.9.3.18)
        return fail(ev, StreamCondition::restricted_xml, code, offset_at(pos_), what);
    }

    // '>' ended a start tag.
    bool tag_opened(StreamEvent& ev) noexcept {
        if (region_header_) return finish_header(ev);
        ++depth_;
        state_ = state::content;
        return false;
    }

    // RFC 6120 §11.5: an optional XML declaration before each stream header.
    bool finish_decl(StreamEvent& ev) noexcept {
        char* p = nullptr;
        std::size_t n = 0;
        bool copied = false;
        std::uint64_t at = region_offset_;
        if (!take_region(p, n, copied) || !header_reader_.read_decl(std::string_view(p, n), at, failure_)) {
            ev = error_event();
            return false;
        }
        return true;
    }

    // The header's start tag is complete (RFC 6120 §4.7, §4.8).
    bool finish_header(StreamEvent& ev) noexcept {
        char* p = nullptr;
        std::size_t n = 0;
        bool copied = false;
        std::uint64_t at = region_offset_;
        if (!take_region(p, n, copied) || !header_reader_.read(std::string_view(p, n), at, scanner_, xml_limits(), failure_))
            return (ev = error_event()), true;
        region_header_ = false;
        state_ = state::top;
        ev.type = StreamEventType::header;
        ev.offset = at;
        return true;
    }

    // A first-level element is complete: validate, classify, hand out.
    bool finish_element(StreamEvent& ev) noexcept {
        char* p = nullptr;
        std::size_t n = 0;
        bool copied = false;
        std::uint64_t at = region_offset_;
        names_.clear();
        name_starts_.clear();
        state_ = state::top;
        if (!take_region(p, n, copied)) return (ev = error_event()), true;
        if (!validate_element(p, n, copied, at, ev)) return true;
        ev.type = StreamEventType::element;
        ev.data = p;
        ev.size = n;
        ev.copied = copied;
        ev.offset = at;
        if (!classify_element(ev)) return true;
        if (!copied && pos_ < size_) {
            // Parser::parse_in_situ writes data[size]: keep the byte it overwrites.
            has_saved_ = true;
            saved_pos_ = pos_;
            saved_ = data_[pos_];
        }
        return true;
    }

    // Validates the element p[0, n) with the Parser's scanner. False when ev holds the error.
    bool validate_element(char*& p, std::size_t& n, bool& copied, std::uint64_t at, StreamEvent& ev) noexcept {
        const parse_limits pl = xml_limits();
        parse_error e = scanner_.scan(p, n, pl);
        if (e && e.code() == errc::undeclared_prefix && header_reader_.declares_prefixes()) {
            // A prefix declared on the header (RFC 6120 §4.8.5): "stream:" on features and
            // errors, rarely anything else. Hand out a copy that declares it.
            std::string_view element(p, n);
            std::string_view qname = detail::read_start_tag(element, [](const detail::raw_attribute&) {});
            if (qname.empty()) qname = std::string_view(p + 1, 0);
            if (!header_reader_.copy_with_prefixes(element, qname, inject_)) {
                fail(ev, StreamCondition::resource_constraint, errc::out_of_memory, at, "out of memory");
                return false;
            }
            parse_error e2 = scanner_.scan(inject_.data(), inject_.size(), pl);
            if (!e2) {
                e = e2;
                p = inject_.data();  // std::string: inject_[size()] is its writable terminator
                n = inject_.size();
                copied = true;
            }
        }
        if (e) {
            fail(ev, detail::stream_condition_for(e.code()), e.code(), at + e.offset(), e.message());
            return false;
        }
        return true;
    }

    // Sets the name, namespace and kind of the validated element ev holds; a stream error
    // is read. False when ev holds an error instead.
    bool classify_element(StreamEvent& ev) noexcept {
        std::string_view tag(ev.data, ev.size);
        // Name and namespace of the root, from its start tag (validated now).
        std::string_view own_default;
        bool has_own_default = false;
        std::string_view qname = detail::read_start_tag(tag, [&](const detail::raw_attribute& a) {
            if (a.name == "xmlns") { own_default = a.value; has_own_default = true; }
        });
        const detail::qname_parts name = detail::split_qname(qname);
        const StreamHeader& h = header();
        std::string_view ns;
        if (name.prefix.empty()) ns = has_own_default ? own_default : h.content_ns;
        else ns = prefixed_ns(tag, name.prefix);
        ev.kind = ElementKind::other;
        ev.name = name.local;
        ev.ns = ns;
        if (ns == stream_ns) {
            // RFC 6120 §4.8.1: stream-namespace elements use the header's prefix.
            if (name.prefix != h.prefix)
                return !fail(ev, StreamCondition::bad_namespace_prefix, errc::wrong_namespace, ev.offset, "<", qname,
                             "> uses another prefix than the stream header's for the stream namespace (RFC 6120 §4.8.1)");
            if (name.local == "features") ev.kind = ElementKind::features;
            else if (name.local == "error") {
                received_error_.read(scanner_, ev.data, ev.size, xml_limits());
                ev.type = StreamEventType::stream_error;
            }
        } else if (ns == h.content_ns) {
            if (name.local == "iq") ev.kind = ElementKind::iq;
            else if (name.local == "message") ev.kind = ElementKind::message;
            else if (name.local == "presence") ev.kind = ElementKind::presence;
        }
        return true;
    }

    // The namespace of a prefixed element name: the nearest declaration, on its own start
    // tag, else on the header (RFC 6120 §4.8.5); empty when neither declares it.
    std::string_view prefixed_ns(std::string_view tag, std::string_view prefix) const noexcept {
        std::string_view ns;
        bool found = false;
        detail::read_start_tag(tag, [&](const detail::raw_attribute& a) {
            if (detail::binds_prefix(a.name, prefix)) {
                ns = a.value;
                found = true;
            }
        });
        if (!found) ns = header_reader_.prefix_ns(prefix).value_or(std::string_view{});
        return ns;
    }

    stream_limits limits_;
    // the current chunk
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t pos_ = 0;
    std::uint64_t base_ = 0;  // stream offset of data_[0]
    // the byte after an element handed out in place
    bool has_saved_ = false;
    std::size_t saved_pos_ = 0;
    char saved_ = 0;
    // tokenizer
    state state_ = state::prolog;
    bool closed_pending_ = false;
    bool prev_question_ = false;
    char quote_ = 0;
    unsigned brackets_ = 0;
    std::size_t k_ = 0;
    std::size_t depth_ = 0;
    std::string names_;                    // names of the open elements, concatenated
    std::vector<std::size_t> name_starts_;
    // the construct being read (header, declaration, element)
    bool region_ = false;
    bool region_header_ = false;
    std::size_t region_begin_ = 0;
    std::uint64_t region_offset_ = 0;
    std::vector<char> buf_;  // its bytes from earlier chunks, plus a padding byte
    std::size_t buf_len_ = 0;
    // the XML declaration and the header
    detail::stream_header_reader header_reader_;
    // elements
    detail::scanner scanner_;
    std::string inject_;
    // stream errors
    detail::stream_error_reader received_error_;
    // the first rule the input broke
    detail::stream_failure failure_;
};

}  // namespace xstanza

#endif  // XSTANZA_STREAM_READER_HPP
