// xstanza: error codes and result type. No exception ever leaves the library:
// every fallible function returns a result<T> or a parse_error.
#ifndef XSTANZA_MODEL_ERROR_HPP
#define XSTANZA_MODEL_ERROR_HPP

#include <cstddef>
#include <cstring>
#include <new>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "stanza_common.hpp"

namespace xstanza {

/// What went wrong. Codes are stable; messages add the specifics.
enum class errc : unsigned char {
    ok = 0,                    ///< no error
    // --- input and encoding
    input_too_large,           ///< input longer than parse_limits::max_input_bytes
    empty_input,               ///< no element at all (only whitespace, or nothing)
    nul_byte,                  ///< a NUL byte inside the input (XML 1.0 §2.2)
    invalid_utf8,              ///< malformed, overlong or surrogate UTF-8 (RFC 3629; RFC 6120 §11.6)
    invalid_char,              ///< a code point outside XML's Char production (XML 1.0 §2.2)
    byte_order_mark,           ///< a BOM: a stanza is a fragment of a UTF-8 stream, which has none (RFC 6120 §11.6)
    // --- XML well-formedness
    unexpected_eof,            ///< input ends inside markup or before the root closes
    malformed,                 ///< a syntax error (missing '=', unquoted value, stray '<' ...)
    invalid_name,              ///< an element or attribute name that is not an XML QName
    mismatched_tag,            ///< a closing tag that does not match the open element
    duplicate_attribute,       ///< the same attribute (by name or expanded name) twice (XML 1.0 §3.1)
    invalid_reference,         ///< a malformed entity or character reference, or a raw '&'
    undefined_entity,          ///< an entity other than the five predefined ones (RFC 6120 §11.1)
    forbidden_comment,         ///< an XML comment (RFC 6120 §11.1)
    forbidden_pi,              ///< a processing instruction or XML declaration (RFC 6120 §11.1)
    forbidden_dtd,             ///< a DOCTYPE / DTD (RFC 6120 §11.1)
    trailing_content,          ///< anything but whitespace after the root element
    depth_limit,               ///< nesting deeper than parse_limits::max_depth
    attribute_limit,           ///< more attributes than parse_limits::max_attributes, or namespace declarations than max_namespaces
    undeclared_prefix,         ///< a namespace prefix with no declaration in scope (Namespaces in XML §5)
    invalid_namespace,         ///< an illegal namespace declaration (empty prefixed URI, xmlns/xml misuse)
    unexpected_text,           ///< non-whitespace text where only elements are allowed
    // --- stanza rules (RFC 6120 §8)
    not_iq,                    ///< the root element is not <iq>
    wrong_namespace,           ///< an element in the wrong namespace
    missing_id,                ///< no or empty 'id' on an IQ (RFC 6120 §8.2.3)
    missing_type,              ///< no 'type' on an IQ (RFC 6120 §8.2.3)
    unknown_type,              ///< 'type' is not get, set, result or error (RFC 6120 §8.2.3)
    invalid_jid,               ///< a JID that breaks RFC 7622
    payload_count,             ///< wrong number of payload children for the IQ type (RFC 6120 §8.2.3)
    type_mismatch,             ///< parsed a valid IQ of another type than the one asked for
    payload_mismatch,          ///< the payload is not the one asked for (name/namespace)
    unsupported,               ///< valid XML that xstanza cannot represent faithfully (documented limit)
    // --- stanza errors (RFC 6120 §8.3)
    missing_error,             ///< a type='error' IQ without <error/> (RFC 6120 §8.3.1)
    unexpected_error,          ///< an <error/> child in an IQ that is not type='error'
    invalid_error_type,        ///< <error/> 'type' missing or not auth|cancel|continue|modify|wait (RFC 6120 §8.3.2)
    unknown_condition,         ///< an element in the stanzas namespace that is no defined condition (RFC 6120 §8.3.3)
    missing_condition,         ///< <error/> without a defined condition (RFC 6120 §8.3.2)
    multiple_conditions,       ///< more than one defined or application condition (RFC 6120 §8.3.2)
    condition_namespace,       ///< the condition is in another namespace than urn:ietf:params:xml:ns:xmpp-stanzas
    invalid_error,             ///< other <error/> content rules (duplicate <text/>, content in an empty condition)
    // --- roster (RFC 6121 §2)
    invalid_roster,            ///< a roster rule (unknown child, empty or duplicate group, bad attribute value)
    roster_item_count,         ///< items in a roster get, or not exactly one in a roster set (RFC 6121 §2.1.3, §2.1.5)
    // --- serialization
    invalid_data,              ///< model data that cannot be written as XML (bad UTF-8, control characters)
    buffer_too_small,          ///< the caller's output buffer is too small; see serialize_result::size
    // --- environment
    out_of_memory,             ///< an allocation failed
    // --- extension payloads (payload_parser<P>)
    invalid_payload,           ///< an extension payload that breaks its specification (e.g. XEP-0092 without <name/>)
    // --- added later; appended so that the values above keep their numbers
    empty_group,               ///< an empty <group/> name: answered not-acceptable, not bad-request (RFC 6121 §2.3.3)
    invalid_lang,              ///< an xml:lang value that is not a language tag (RFC 6120 §8.1.5: NMTOKEN, BCP 47)
    missing_address,           ///< a server-to-server stanza without 'to' or 'from' (RFC 6120 §8.1.1.2, §8.1.2.2): improper-addressing
    // --- message and presence (RFC 6121 §4.7, §5.2)
    not_stanza,                ///< the root element is not the stanza kind asked for (or no <iq>, <message>, <presence>)
    duplicate_lang,            ///< two <body/>, <subject/> or <status/> in one language (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2)
    invalid_show,              ///< a <show/> value other than away, chat, dnd, xa (RFC 6121 §4.7.2.1)
    invalid_priority,          ///< a <priority/> that is no integer in -128..127 (RFC 6121 §4.7.2.3)
    invalid_thread,            ///< a <thread/> whose parent is itself (RFC 6121 §5.2.5)
    mixed_content,             ///< a child element inside <body/>, <subject/>, <status/>, <show/>, <priority/> or <thread/>
    duplicate_child,           ///< a second <show/>, <priority/> or <thread/> (RFC 6121 §4.7.2.1, §4.7.2.3, §5.2.5)
};

/// A short, stable English name for a code ("invalid_utf8").
constexpr std::string_view to_string(errc code) noexcept {
    switch (code) {
    case errc::ok: return "ok";
    case errc::input_too_large: return "input_too_large";
    case errc::empty_input: return "empty_input";
    case errc::nul_byte: return "nul_byte";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::invalid_char: return "invalid_char";
    case errc::byte_order_mark: return "byte_order_mark";
    case errc::unexpected_eof: return "unexpected_eof";
    case errc::malformed: return "malformed";
    case errc::invalid_name: return "invalid_name";
    case errc::mismatched_tag: return "mismatched_tag";
    case errc::duplicate_attribute: return "duplicate_attribute";
    case errc::invalid_reference: return "invalid_reference";
    case errc::undefined_entity: return "undefined_entity";
    case errc::forbidden_comment: return "forbidden_comment";
    case errc::forbidden_pi: return "forbidden_pi";
    case errc::forbidden_dtd: return "forbidden_dtd";
    case errc::trailing_content: return "trailing_content";
    case errc::depth_limit: return "depth_limit";
    case errc::attribute_limit: return "attribute_limit";
    case errc::undeclared_prefix: return "undeclared_prefix";
    case errc::invalid_namespace: return "invalid_namespace";
    case errc::unexpected_text: return "unexpected_text";
    case errc::not_iq: return "not_iq";
    case errc::wrong_namespace: return "wrong_namespace";
    case errc::missing_id: return "missing_id";
    case errc::missing_type: return "missing_type";
    case errc::unknown_type: return "unknown_type";
    case errc::invalid_jid: return "invalid_jid";
    case errc::payload_count: return "payload_count";
    case errc::type_mismatch: return "type_mismatch";
    case errc::payload_mismatch: return "payload_mismatch";
    case errc::unsupported: return "unsupported";
    case errc::missing_error: return "missing_error";
    case errc::unexpected_error: return "unexpected_error";
    case errc::invalid_error_type: return "invalid_error_type";
    case errc::unknown_condition: return "unknown_condition";
    case errc::missing_condition: return "missing_condition";
    case errc::multiple_conditions: return "multiple_conditions";
    case errc::condition_namespace: return "condition_namespace";
    case errc::invalid_error: return "invalid_error";
    case errc::invalid_roster: return "invalid_roster";
    case errc::roster_item_count: return "roster_item_count";
    case errc::invalid_data: return "invalid_data";
    case errc::buffer_too_small: return "buffer_too_small";
    case errc::out_of_memory: return "out_of_memory";
    case errc::invalid_payload: return "invalid_payload";
    case errc::empty_group: return "empty_group";
    case errc::invalid_lang: return "invalid_lang";
    case errc::missing_address: return "missing_address";
    case errc::not_stanza: return "not_stanza";
    case errc::duplicate_lang: return "duplicate_lang";
    case errc::invalid_show: return "invalid_show";
    case errc::invalid_priority: return "invalid_priority";
    case errc::invalid_thread: return "invalid_thread";
    case errc::mixed_content: return "mixed_content";
    case errc::duplicate_child: return "duplicate_child";
    }
    return "unknown";
}

/// What an error reply needs from a get or set that was rejected after its <iq/> start tag
/// was read (RFC 6120 §8.2.3: a get or set is always answered; §8.3.1: the error keeps its
/// id). The values are raw views into the parsed input, as written.
struct rejected_request {
    std::string_view id;    ///< never empty for an IQ; a message or presence may have none
    std::string_view type;  ///< "get", "set", or a type xstanza does not know (answered bad-request); a message's or presence's as written
    std::string_view from;  ///< as written, possibly not a valid JID; empty when absent
    std::string_view to;    ///< likewise
    /// The kind of stanza refused: an IQ (a get or set), or a message or presence not of type error.
    StanzaKind kind = StanzaKind::iq;
};

/// The outcome of a failed parse or serialization: a code, the byte offset in
/// the input where the problem was found, and a specific message. The message
/// lives in an inline buffer, so building an error never allocates or throws.
/// [[nodiscard]]: a function returning one (serialize among them) reports its failure only
/// through it, so ignoring it is a warning (an error under -Werror).
class [[nodiscard]] codec_error {
public:
    /// The longest message kept, in bytes; a longer one is cut at a UTF-8 character boundary.
    static constexpr std::size_t max_message = 191;

    // No error is the usual case, made and copied on every step of every parse: it writes its
    // code only. The other members are written, and read, only with an error.
    codec_error() noexcept {}
    /// An error: its code, the byte offset where it was found, and its message (cut to max_message).
    codec_error(errc code, std::size_t offset, std::string_view message) noexcept
        : code_(code), offset_(offset), size_(0), request_(nullptr) {
        message_[0] = '\0';
        append(message);
    }
    // Copies only the bytes in use: results carry an error on every return, so the success
    // path must not pay for copying the message buffer.
    /// Copies the code, and the offset, message and request only when there is an error.
    codec_error(const codec_error& o) noexcept : code_(o.code_) {
        if (code_ != errc::ok) copy_from(o);
    }
    /// Copies as the copy constructor does.
    codec_error& operator=(const codec_error& o) noexcept {
        code_ = o.code_;
        if (code_ != errc::ok) copy_from(o);
        return *this;
    }
    /// Builds "a" + "b" + ... into the message; each piece is truncated to fit.
    template <class... Parts>
    static codec_error make(errc code, std::size_t offset, const Parts&... parts) noexcept {
        codec_error e(code, offset, std::string_view{});
        (e.append(std::string_view(parts)), ...);
        return e;
    }

    /// The error's code; errc::ok when there is none.
    constexpr errc code() const noexcept { return code_; }
    /// The byte offset in the input where the problem was found; 0 when there is no error.
    constexpr std::size_t offset() const noexcept { return code_ == errc::ok ? 0 : offset_; }
    /// The message; message().data() is NUL-terminated.
    std::string_view message() const noexcept { return code_ == errc::ok ? std::string_view("") : std::string_view{message_, size_}; }
    /// True when there is an error (pugixml's convention is the reverse on results; here the error object answers "is there one?").
    constexpr explicit operator bool() const noexcept { return code_ != errc::ok; }

    /// The rejected get or set this error answers, when it is one: the input was an <iq/>
    /// with an id and a type other than result or error, and was refused for what followed
    /// (its payload, its addresses, its type). Null otherwise: a result or error is never
    /// answered (RFC 6120 §8.2.3), and XML that is not well-formed is a stream error. Build
    /// the answer with error_reply() (reply.hpp). It lives in the Parser that made the error,
    /// as the parse's views do: until that Parser's next parse.
    const rejected_request* request() const noexcept { return code_ == errc::ok ? nullptr : request_; }

    /// Moves the error to another byte offset (a codec reporting for the element it read).
    void set_offset(std::size_t offset) noexcept { offset_ = offset; }
    /// Attaches the refused request the error answers (see request()); set by the Parser.
    void set_request(const rejected_request* r) noexcept { request_ = r; }
    /// Appends to the message of an error (no error has none).
    void append(std::string_view part) noexcept {
        if (code_ == errc::ok) return;
        std::size_t room = max_message - size_;
        std::size_t n = part.size() < room ? part.size() : room;
        // Truncate at a character boundary, never inside a UTF-8 sequence: messages stay valid UTF-8.
        if (n < part.size())
            while (n && (static_cast<unsigned char>(part[n]) & 0xC0) == 0x80) --n;
        if (n) std::memcpy(message_ + size_, part.data(), n);
        size_ += n;
        message_[size_] = '\0';
    }

private:
    void copy_from(const codec_error& o) noexcept {
        offset_ = o.offset_;
        size_ = o.size_;
        request_ = o.request_;
        std::memmove(message_, o.message_, size_ + 1);
    }

    errc code_ = errc::ok;
    std::size_t offset_;  // the members below: written and read only when code_ is not ok
    std::size_t size_;
    const rejected_request* request_;  // a pointer: errors are made and copied on every parse
    char message_[max_message + 1];  // only [0, size_] is ever read: the text and its terminator
};

/// The name of codec_error before serialize returned it too; kept as an alias.
using parse_error = codec_error;

namespace detail {
struct result_access;  // lets the engine fail a result it filled in place
}  // namespace detail

/// A value or a codec_error. Check with `if (!r)`, then use `*r` or `r->`.
template <class T>
class [[nodiscard]] result {
public:
    /// A value.
    result(T value) noexcept(std::is_nothrow_move_constructible_v<T>) : value_(std::move(value)) {}
    /// An error, without a value.
    result(codec_error error) noexcept : error_(error) {}
    /// A value constructed in place from `args` (as std::optional's in-place constructor):
    /// a parser can then fill the value where the caller will read it, without a move.
    template <class... Args>
    explicit result(std::in_place_t, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>)
        : value_(std::in_place, std::forward<Args>(args)...) {}

    /// True when there is a value (and no error).
    constexpr explicit operator bool() const noexcept { return value_.has_value(); }
    /// True when there is a value.
    constexpr bool has_value() const noexcept { return value_.has_value(); }
    /// The value; only when there is one.
    T& value() & noexcept { return *value_; }
    /// The value; only when there is one.
    const T& value() const& noexcept { return *value_; }
    /// The value, moved out; only when there is one.
    T&& value() && noexcept { return std::move(*value_); }
    /// The value; only when there is one.
    T& operator*() & noexcept { return *value_; }
    /// The value; only when there is one.
    const T& operator*() const& noexcept { return *value_; }
    /// The value's members; only when there is one.
    T* operator->() noexcept { return &*value_; }
    /// The value's members; only when there is one.
    const T* operator->() const noexcept { return &*value_; }
    /// The error; code() is errc::ok when there is a value.
    const codec_error& error() const noexcept { return error_; }

private:
    friend struct detail::result_access;
    // Turns a result made in place into an error (Parser fills a value in place, and one
    // named result then serves every return: it is built where the caller reads it).
    void fail(const codec_error& error) noexcept {
        value_.reset();
        error_ = error;
    }

    std::optional<T> value_;
    codec_error error_;
};

namespace detail {
struct result_access {
    template <class T>
    static void fail(result<T>& r, const codec_error& e) noexcept { r.fail(e); }
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_ERROR_HPP
