// xstanza: writing stanzas as compact canonical XML. One form: attributes in a fixed
// order, single quotes, minimal escaping, xmlns only where the namespace changes.
#ifndef XSTANZA_STANZA_SERIALIZE_HPP
#define XSTANZA_STANZA_SERIALIZE_HPP

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "../codec/context.hpp"
#include "../codec/frame.hpp"
#include "../codec/iq.hpp"
#include "../codec/message.hpp"
#include "../codec/presence.hpp"
#include "../codec/opaque.hpp"
#include "../codec/roster.hpp"
#include "../codec/stanza_error.hpp"
#include "../model/error.hpp"
#include "../model/any_stanza.hpp"
#include "../model/iq.hpp"
#include "../model/payload.hpp"
#include "../model/rules.hpp"
#include "../xml/writer.hpp"

namespace xstanza {

namespace detail {

// The forms of payload_serializer<P>::write: (p, w, context) or (p, w).
template <class P, class = void>
struct writes_with_context : std::false_type {};
template <class P>
struct writes_with_context<P, std::void_t<decltype(payload_serializer<P>::write(
                                  std::declval<const P&>(), std::declval<xml_writer&>(), std::declval<const write_context&>()))>>
    : std::true_type {};

template <class P, class = void>
struct writes_plain : std::false_type {};
template <class P>
struct writes_plain<P, std::void_t<decltype(payload_serializer<P>::write(std::declval<const P&>(), std::declval<xml_writer&>()))>>
    : std::true_type {};

// Serializing an Iq<Type, P> needs payload_serializer<P>, in one of its forms: said before any
// other error.
template <class P>
constexpr bool check_payload_serializer() {
    static_assert(has_payload_serializer<P>::value,
                  "serializing an Iq<Type, P>: payload_serializer<P> is not specialised for this payload; define "
                  "template <> struct xstanza::payload_serializer<P> { static void write(const P&, xstanza::xml_writer&) noexcept; } "
                  "(model/payload.hpp lists its forms, codec/ping.hpp is an example)");
    if constexpr (has_payload_serializer<P>::value)
        static_assert(writes_with_context<P>::value || writes_plain<P>::value,
                      "payload_serializer<P> has no write function of the forms model/payload.hpp lists: "
                      "void write(const P&, xml_writer&), void write(const P&, xml_writer&, const write_context&)");
    return has_payload_serializer<P>::value && (writes_with_context<P>::value || writes_plain<P>::value);
}

/// Writes any payload, built-in or user-defined, through the extension point.
template <class P>
void write_payload(xml_writer& w, const P& p, const write_context& context) noexcept {
    if constexpr (is_any_payload_v<P>) {
        p.visit([&](const auto& x) {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, OpaqueElement>) write_opaque(w, x, "jabber:client");
            else if constexpr (!std::is_same_v<X, std::monostate>) write_payload(w, x, context);
        });
    } else if constexpr (check_payload_serializer<P>()) {
        // A serializer must close what it opens and nothing more, or the XML is malformed.
        const std::size_t depth = w.depth();
        if constexpr (writes_with_context<P>::value) payload_serializer<P>::write(p, w, context);
        else payload_serializer<P>::write(p, w);
        if (w.depth() != depth)
            w.fail(errc::invalid_data, "payload_serializer<", payload_traits<P>::name, "> left its elements unbalanced");
    }
}
template <class P>
void write_payload(xml_writer& w, const P& p, IqType type) noexcept {
    write_payload(w, p, write_context{type, StanzaKind::iq});
}

inline void write_stanza(xml_writer& w, const AnyIq& iq) noexcept {
    write_iq_header(w, iq, iq.type);
    check_iq_children(w, iq.type, !iq.payload.empty(), iq.error.has_value());
    write_payload(w, iq.payload, iq.type);
    if (iq.error) write_stanza_error(w, *iq.error, "jabber:client");
    w.close();
}

template <class Type, class P>
void write_stanza(xml_writer& w, const Iq<Type, P>& iq) noexcept {
    constexpr IqType type = iq_type_of<Type>;
    write_iq_header(w, iq, type);
    if constexpr (std::is_same_v<Type, Error>) {
        if constexpr (!std::is_void_v<P>) {
            if (iq.payload) write_payload(w, *iq.payload, type);
        }
        write_stanza_error(w, iq.error, "jabber:client");
    } else if constexpr (!std::is_void_v<P>) {
        if constexpr (is_any_payload_v<P>) check_iq_children(w, type, !iq.payload.empty(), false);
        write_payload(w, iq.payload, type);
    }
    w.close();
}

// A message's or presence's extensions: the typed ones, then those kept opaque (RFC 6120 §8.4).
template <class S>
void write_extensions(xml_writer& w, const S& s, StanzaKind kind) noexcept {
    if constexpr (!std::is_same_v<S, AnyMessage> && !std::is_same_v<S, AnyPresence>) {
        s.each_extension([&](const auto& o) {
            if (o) write_payload(w, *o, write_context{IqType::get, kind});
        });
    }
    for (const OpaqueElement& e : s.extensions) write_opaque(w, e, "jabber:client");
}

inline void write_stanza(xml_writer& w, const AnyMessage& m) noexcept {
    // RFC 6120 §8.3.1: only an error message carries an <error/>, and it must.
    if (const char* problem = error_count_problem(m.type == MessageType::error, m.error ? 1 : 0))
        return w.fail(errc::invalid_data, problem);
    write_message(w, m, m.type, [&](xml_writer& out) {
        write_extensions(out, m, StanzaKind::message);
        if (m.error) write_stanza_error(out, *m.error, "jabber:client");
    });
}

template <class Type, class... Exts>
void write_stanza(xml_writer& w, const Message<Type, Exts...>& m) noexcept {
    write_message(w, m, message_type_of<Type>, [&](xml_writer& out) {
        write_extensions(out, m, StanzaKind::message);
        if constexpr (std::is_same_v<Type, Error>) write_stanza_error(out, m.error, "jabber:client");
    });
}

inline void write_stanza(xml_writer& w, const AnyPresence& p) noexcept {
    // RFC 6120 §8.3.1: only an error presence carries an <error/>, and it must.
    if (const char* problem = error_count_problem(p.type == PresenceType::error, p.error ? 1 : 0))
        return w.fail(errc::invalid_data, problem);
    write_presence(w, p, p.type, p.show, p.priority, [&](xml_writer& out) {
        write_extensions(out, p, StanzaKind::presence);
        if (p.error) write_stanza_error(out, *p.error, "jabber:client");
    });
}

template <class Type, class... Exts>
void write_stanza(xml_writer& w, const Presence<Type, Exts...>& p) noexcept {
    constexpr PresenceType type = presence_type_of<Type>;
    auto rest = [&](xml_writer& out) {
        write_extensions(out, p, StanzaKind::presence);
        if constexpr (std::is_same_v<Type, Error>) write_stanza_error(out, p.error, "jabber:client");
    };
    if constexpr (std::is_same_v<Type, Available>) write_presence(w, p, type, p.show, p.priority, rest);
    else write_presence(w, p, type, Show::none, std::nullopt, rest);
}

inline void write_stanza(xml_writer& w, const AnyStanza& s) noexcept {
    s.visit([&](const auto& x) { write_stanza(w, x); });
}

inline bool append_to_string(void* ctx, const char* p, std::size_t n) noexcept {
    try {
        static_cast<std::string*>(ctx)->append(p, n);
        return true;
    } catch (...) {
        return false;
    }
}

struct fixed_buffer {
    char* data;
    std::size_t capacity;
    std::size_t used;
};
inline bool append_to_fixed(void* ctx, const char* p, std::size_t n) noexcept {
    auto* b = static_cast<fixed_buffer*>(ctx);
    if (b->used < b->capacity) std::memcpy(b->data + b->used, p, std::min(n, b->capacity - b->used));
    b->used += n;
    return true;
}

template <class OutIt>
struct iterator_sink {
    OutIt it;
    static bool put(void* ctx, const char* p, std::size_t n) noexcept {
        auto* s = static_cast<iterator_sink*>(ctx);
        try {
            s->it = std::copy(p, p + n, s->it);
            return true;
        } catch (...) {
            return false;
        }
    }
};

template <class T> inline constexpr bool is_stanza_v =
    std::is_same_v<T, AnyIq> || std::is_same_v<T, AnyMessage> || std::is_same_v<T, AnyPresence> || std::is_same_v<T, AnyStanza>;
template <class Type, class P> inline constexpr bool is_stanza_v<Iq<Type, P>> = true;
template <class Type, class... Exts> inline constexpr bool is_stanza_v<Message<Type, Exts...>> = true;
template <class Type, class... Exts> inline constexpr bool is_stanza_v<Presence<Type, Exts...>> = true;

}  // namespace detail

/// Appends the canonical XML of `stanza` (an Iq, Message or Presence, typed or Any*, or an
/// AnyStanza) to `out`. On error, `out`
/// is restored to its previous size and nothing is written. Applies the sender's rules
/// (rules.hpp) of an entity of role `sender`: a client's roster set carries no 'approved'
/// or 'ask' (RFC 6121 §2.1.2.1, §2.1.2.2), a server's push may.
template <class T>
codec_error serialize(const T& stanza, std::string& out, role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize: T is a stanza: Iq<Type, Payload>, Message<Type>, Presence<Type>, AnyIq, AnyMessage, AnyPresence or AnyStanza");
    std::size_t before = out.size();
    xml_writer w(&detail::append_to_string, &out, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    codec_error e = w.finish();
    if (e) out.resize(before);  // shrinking never allocates
    return e;
}

/// The canonical XML of `stanza` as a new string.
template <class T>
result<std::string> to_xml(const T& stanza, role sender = role::client) noexcept {
    std::string s;
    if (codec_error e = serialize(stanza, s, sender)) return e;
    return s;
}

/// What serialize_into reports: an error (buffer_too_small among them) and the size the
/// complete output needs, so that a caller can retry with a buffer that large.
struct [[nodiscard]] serialize_result {
    /// The error; errc::ok when the stanza was written whole.
    codec_error error;
    /// The size of the complete output, whether or not it fitted.
    std::size_t size = 0;
    /// True when the stanza was written (no error).
    explicit operator bool() const noexcept { return !error; }
};

/// Writes into the caller's fixed buffer; never writes past `capacity`. On
/// buffer_too_small, `size` is the number of bytes required.
template <class T>
serialize_result serialize_into(const T& stanza, char* buffer, std::size_t capacity,
                                role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize_into: T is a stanza (see serialize)");
    detail::fixed_buffer b{buffer, capacity, 0};
    xml_writer w(&detail::append_to_fixed, &b, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    serialize_result r{w.finish(), b.used};
    if (!r.error && b.used > capacity)
        r.error = codec_error::make(errc::buffer_too_small, capacity, "output needs more bytes than the buffer holds");
    return r;
}

/// Writes to an output iterator (e.g. std::back_inserter(vector)); returns the iterator
/// past the output, or the error. On error, some output may already have been written.
template <class T, class OutIt>
result<OutIt> serialize_to(const T& stanza, OutIt out, role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize_to: T is a stanza (see serialize)");
    detail::iterator_sink<OutIt> s{out};
    xml_writer w(&detail::iterator_sink<OutIt>::put, &s, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    if (codec_error e = w.finish()) return e;
    return s.it;
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_SERIALIZE_HPP
