// xstanza: incremental framing of an XMPP stream (RFC 6120 §4). Bytes go in as they
// arrive, in chunks of any size; out come the stream header, each first-level element
// (stanza, stream features, SASL element ...) as one complete buffer ready for the in-situ
// Parser, whitespace keepalives, the closing tag and received stream errors.
//
// Framing uses a resumable byte-level tokenizer (depth, tag names, quotes, CDATA:
// tokenizer.hpp, over the chunks input.hpp keeps); each complete element is then validated
// by the same scanner as Parser (xml/scan.hpp), so a buffer handed out is one well-formed,
// namespace-well-formed element. The header is checked by header.hpp. The element tree
// (RapidXML's nodes, built by that scanner) is read only for the few children of a received
// <stream:error/> (stream_error_reader.hpp), never for framing.
#ifndef XSTANZA_STREAM_READER_HPP
#define XSTANZA_STREAM_READER_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "../model/rules.hpp"
#include "../model/syntax.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"
#include "../xml/scan.hpp"
#include "../xml/start_tag.hpp"
#include "failure.hpp"
#include "header.hpp"
#include "input.hpp"
#include "qname.hpp"
#include "stream_error_reader.hpp"
#include "tokenizer.hpp"

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
    explicit StreamReader(stream_limits limits = {}) noexcept : tok_(limits) {}
    StreamReader(const StreamReader&) = delete;
    StreamReader& operator=(const StreamReader&) = delete;

    /// The bounds this reader enforces.
    const stream_limits& limits() const noexcept { return tok_.limits(); }

    /// Hands the reader the next chunk of the stream. data[size] must be writable (a padding
    /// byte, as for Parser::parse_in_situ) and the chunk must stay valid until next() returns
    /// need_more. Call it only when next() has returned need_more (or before the first next()).
    void feed(char* data, std::size_t size) noexcept {
        tok_.restore_byte();
        if (tok_.unread() && !tok_.failed() && !tok_.closed()) {
            tok_.fail_now(StreamCondition::internal_server_error, errc::invalid_data, tok_.offset(),
                          "feed() called before next() consumed the previous chunk");
            return;
        }
        tok_.take_chunk(data, size);
    }

    /// The next event. need_more when the fed bytes are used up.
    StreamEvent next() noexcept {
        tok_.restore_byte();
        StreamEvent ev;
        if (tok_.failed()) return tok_.error_event();
        if (tok_.take_close()) {
            ev.type = StreamEventType::closed;
            return ev;
        }
        for (;;) {
            if (tok_.closed()) {
                tok_.skip_chunk();  // RFC 6120 §4.4: nothing follows the closing tag; ignore it
                return ev;
            }
            if (!tok_.unread()) {
                if (!tok_.keep_region()) return tok_.error_event();
                return ev;
            }
            std::size_t end = 0;
            if (!tok_.readable_end(end, ev)) return ev;
            switch (tok_.run(end, ev, header().qname)) {
            case detail::stream_token::more:
            case detail::stream_token::stop:
                break;
            case detail::stream_token::event:
                return ev;
            case detail::stream_token::decl:
                if (!finish_decl(ev)) return ev;
                break;
            case detail::stream_token::header:
                finish_header(ev);
                return ev;
            case detail::stream_token::element:
                finish_element(ev);
                return ev;
            }
        }
    }

    /// RFC 6120 §4.3.3: after STARTTLS or SASL success the peer starts a new stream; expect a
    /// new header (and XML declaration). Bytes fed but not yet read are kept. A failed reader
    /// stays failed.
    void restart() noexcept {
        tok_.restore_byte();
        if (tok_.failed()) return;
        tok_.restart();
        header_reader_.restart();
    }

    /// Forgets everything, fed bytes included: for a new connection. The last chunk is not
    /// touched (it may already be gone).
    void reset() noexcept {
        tok_.forget();
        received_error_.clear();
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
    const parse_error& error() const noexcept { return tok_.failure().error(); }
    /// After an error event: the stream error to send the peer (RFC 6120 §4.9.3).
    StreamCondition error_condition() const noexcept { return tok_.failure().condition(); }
    /// Bytes of the stream consumed so far.
    std::uint64_t offset() const noexcept { return tok_.offset(); }

private:
    // The scanner's limits for one element (the others keep parse_limits' defaults).
    parse_limits xml_limits() const noexcept { return detail::element_limits(tok_.limits()); }

    // RFC 6120 §11.5: an optional XML declaration before each stream header. False when ev
    // holds the error.
    bool finish_decl(StreamEvent& ev) noexcept {
        detail::region_bytes r;
        if (!tok_.take_region(r) || !header_reader_.read_decl(std::string_view(r.data, r.size), r.offset, tok_.failure())) {
            ev = tok_.error_event();
            return false;
        }
        return true;
    }

    // The header's start tag is complete (RFC 6120 §4.7, §4.8).
    void finish_header(StreamEvent& ev) noexcept {
        detail::region_bytes r;
        if (!tok_.take_region(r) ||
            !header_reader_.read(std::string_view(r.data, r.size), r.offset, scanner_, xml_limits(), tok_.failure())) {
            ev = tok_.error_event();
            return;
        }
        ev.type = StreamEventType::header;
        ev.offset = r.offset;
    }

    // A first-level element is complete: validate, classify, hand out.
    void finish_element(StreamEvent& ev) noexcept {
        detail::region_bytes r;
        if (!tok_.take_region(r)) {
            ev = tok_.error_event();
            return;
        }
        if (!validate_element(r, ev)) return;
        ev.type = StreamEventType::element;
        ev.data = r.data;
        ev.size = r.size;
        ev.copied = r.copied;
        ev.offset = r.offset;
        if (classify_element(ev) && !ev.copied) tok_.save_byte();
    }

    // Validates the element with the Parser's scanner; one that uses a prefix declared on the
    // header becomes a copy that declares it. False when ev holds the error.
    bool validate_element(detail::region_bytes& r, StreamEvent& ev) noexcept {
        const parse_limits pl = xml_limits();
        parse_error e = scanner_.scan(r.data, r.size, pl);
        if (e && e.code() == errc::undeclared_prefix && header_reader_.declares_prefixes()) {
            // A prefix declared on the header (RFC 6120 §4.8.5): "stream:" on features and
            // errors, rarely anything else. Hand out a copy that declares it.
            std::string_view element(r.data, r.size);
            std::string_view qname = detail::read_start_tag(element, [](const detail::raw_attribute&) {});
            if (qname.empty()) qname = std::string_view(r.data + 1, 0);
            if (!header_reader_.copy_with_prefixes(element, qname, inject_)) {
                tok_.fail(ev, StreamCondition::resource_constraint, errc::out_of_memory, r.offset, "out of memory");
                return false;
            }
            parse_error e2 = scanner_.scan(inject_.data(), inject_.size(), pl);
            if (!e2) {
                e = e2;
                r.data = inject_.data();  // std::string: inject_[size()] is its writable terminator
                r.size = inject_.size();
                r.copied = true;
            }
        }
        if (e) {
            tok_.fail(ev, detail::stream_condition_for(e.code()), e.code(), r.offset + e.offset(), e.message());
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
            if (name.prefix != h.prefix) {
                tok_.fail(ev, StreamCondition::bad_namespace_prefix, errc::wrong_namespace, ev.offset, "<", qname,
                          "> uses another prefix than the stream header's for the stream namespace (RFC 6120 §4.8.1)");
                return false;
            }
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

    // the chunks, the framing and the failure
    detail::stream_tokenizer tok_;
    // the XML declaration and the header
    detail::stream_header_reader header_reader_;
    // elements
    detail::scanner scanner_;
    std::string inject_;
    // stream errors
    detail::stream_error_reader received_error_;
};

}  // namespace xstanza

#endif  // XSTANZA_STREAM_READER_HPP
