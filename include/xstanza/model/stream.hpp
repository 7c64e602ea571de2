// xstanza: what framing an XMPP stream (RFC 6120 §4) produces: the stream header, the
// events StreamReader::next() returns, and the bounds a stream is read within. Plain data,
// no XML; stream/reader.hpp fills it in.
#ifndef XSTANZA_MODEL_STREAM_HPP
#define XSTANZA_MODEL_STREAM_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "detail/names.hpp"
#include "limits.hpp"
#include "span.hpp"

namespace xstanza {

/// RFC 6120 §4.8.1: the stream namespace, of <stream/>, <features/> and <error/>.
inline constexpr std::string_view stream_ns = "http://etherx.jabber.org/streams";

/// One attribute of the stream header, as written (name) and decoded (value).
struct StreamAttribute {
    /// The attribute's qualified name, as written.
    std::string_view name;
    /// Its value, references decoded.
    std::string_view value;
};

/// The <stream:stream> header (RFC 6120 §4.7, §4.8). Views into the StreamReader, valid
/// until its restart() or reset().
struct StreamHeader {
    std::string_view qname;        ///< as written: "stream:stream"
    std::string_view prefix;       ///< the stream namespace's prefix: "stream" (RFC 6120 §4.8.5)
    std::string_view content_ns;   ///< jabber:client or jabber:server (RFC 6120 §4.8.2)
    std::optional<std::string_view> from{};     ///< RFC 6120 §4.7.1
    std::optional<std::string_view> to{};       ///< RFC 6120 §4.7.2
    std::optional<std::string_view> id{};       ///< RFC 6120 §4.7.3
    std::optional<std::string_view> lang{};     ///< xml:lang, RFC 6120 §4.7.4
    std::optional<std::string_view> version{};  ///< RFC 6120 §4.7.5; absent means a pre-1.0 peer
    span<const StreamAttribute> attributes{};   ///< all of them, namespace declarations included, in order
};

/// What StreamReader::next() found.
enum class StreamEventType : unsigned char {
    need_more,     ///< every byte fed so far is consumed: feed() the next chunk
    header,        ///< a stream header: see StreamReader::header()
    element,       ///< a complete first-level element (a stanza, <stream:features/>, a SASL element ...)
    keepalive,     ///< whitespace between first-level elements (RFC 6120 §11.7, §4.6.4)
    stream_error,  ///< the peer sent <stream:error/>: see StreamReader::stream_error(); </stream:stream> follows
    closed,        ///< the peer closed its stream with </stream:stream> (RFC 6120 §4.4)
    error,         ///< the input broke a rule: see error() and error_condition(); the reader stays failed
};

/// Which first-level element an element event holds.
enum class ElementKind : unsigned char {
    iq,        ///< <iq/> in the stream's content namespace (RFC 6120 §8.2.3)
    message,   ///< <message/> (RFC 6120 §8.2.1), handed out opaque
    presence,  ///< <presence/> (RFC 6120 §8.2.2), handed out opaque
    features,  ///< <stream:features/> (RFC 6120 §4.3.2)
    other,     ///< anything else: SASL, STARTTLS, extensions (RFC 6120 §4.9.3.24 lets a server refuse them)
};

/// The StreamEventType names, indexed by the enumeration.
inline constexpr std::array<std::string_view, 7> stream_event_type_names = {
    "need_more", "header", "element", "keepalive", "stream_error", "closed", "error"};
/// The ElementKind names, indexed by the enumeration.
inline constexpr std::array<std::string_view, 5> element_kind_names = {"iq", "message", "presence", "features", "other"};

/// The enumerator's name ("need_more"); empty for a value outside the enumeration.
constexpr std::string_view to_string(StreamEventType t) noexcept {
    return detail::name_at(stream_event_type_names, std::size_t(t));
}
/// The enumerator's name ("iq"); empty for a value outside the enumeration.
constexpr std::string_view to_string(ElementKind k) noexcept { return detail::name_at(element_kind_names, std::size_t(k)); }

/// One result of StreamReader::next(). The bytes and views are valid until the next call
/// of next(), feed(), restart() or reset() on the reader.
struct StreamEvent {
    /// What happened.
    StreamEventType type = StreamEventType::need_more;
    ElementKind kind = ElementKind::other;  ///< for element events
    /// element and stream_error: the element's bytes, from '<' to the final '>'; data[size] is
    /// writable (the padding byte Parser::parse_in_situ needs; the reader puts back what it
    /// overwrote). keepalive: the whitespace.
    char* data = nullptr;
    /// The number of bytes at `data`.
    std::size_t size = 0;
    std::string_view name{};  ///< element: local name ("iq")
    std::string_view ns{};    ///< element: namespace, the stream's content namespace when not declared on it
    /// True when the bytes were assembled in the reader's buffer: the element spanned chunks, or
    /// it uses a prefix declared on the stream header, whose declaration was copied onto it.
    bool copied = false;
    std::uint64_t offset = 0;  ///< stream offset of data[0]: bytes fed before it since reset()
};

/// Bounds on what one stream may make the reader hold.
struct stream_limits {
    /// One first-level element (or the header) in bytes; larger gives policy-violation and
    /// nothing past the limit is buffered. RFC 6120 §13.12: at least 10000 bytes; Prosody's
    /// c2s default is 256 KiB. Raise it for very large roster results.
    std::size_t max_stanza_bytes = std::size_t{1} << 20;
    /// Element nesting inside one stanza, the stanza being depth 1 (as parse_limits::max_depth).
    std::size_t max_depth = parse_limits{}.max_depth;
    /// Attributes on one element (as parse_limits::max_attributes).
    std::size_t max_attributes = parse_limits{}.max_attributes;
};

namespace detail {

// The scanner's limits for one element of a stream (the others keep parse_limits' defaults).
inline parse_limits element_limits(const stream_limits& limits) noexcept {
    parse_limits pl;
    pl.max_input_bytes = limits.max_stanza_bytes;
    pl.max_depth = limits.max_depth;
    pl.max_attributes = limits.max_attributes;
    return pl;
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_MODEL_STREAM_HPP
