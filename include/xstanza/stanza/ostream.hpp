// xstanza: operator<< for logging and test output. Jids print their string form, the
// enumerations their protocol name, a StanzaError "type condition: text", a parse_error
// "code at byte N: message", and a stanza
// its canonical serialization (a client sender's, as serialize() writes by default), or
// "<invalid: message>" when it does not serialize. Printing never changes the stream's
// state beyond the characters written.
#ifndef XSTANZA_STANZA_OSTREAM_HPP
#define XSTANZA_STANZA_OSTREAM_HPP

#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "../model/error.hpp"
#include "../model/any_stanza.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/roster.hpp"
#include "../model/rules.hpp"
#include "serialize.hpp"
#include "../model/stanza_error.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"

namespace xstanza {

namespace detail {
// The name, or "Type(n)" for a value outside the enumeration (to_string gives "" for it).
template <class E>
std::ostream& print_enum(std::ostream& os, E value, std::string_view name, const char* type) {
    if (!name.empty()) return os << name;
    return os << type << '(' << static_cast<unsigned>(value) << ')';
}
template <class T>
std::ostream& print_stanza(std::ostream& os, const T& stanza) {
    std::string out;
    if (parse_error e = serialize(stanza, out)) return os << "<invalid: " << e.message() << '>';
    return os << out;
}
}  // namespace detail

/// local@domain/resource (Jid::to_string()).
inline std::ostream& operator<<(std::ostream& os, const Jid& j) {
    if (!j.local().empty()) os << j.local() << '@';
    os << j.domain();
    if (!j.resource().empty()) os << '/' << j.resource();
    return os;
}

/// The 'type' value ("get"); IqType(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, IqType t) { return detail::print_enum(os, t, to_string(t), "IqType"); }
/// The 'type' value ("cancel"); ErrorType(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, ErrorType t) { return detail::print_enum(os, t, to_string(t), "ErrorType"); }
/// The condition's element name ("item-not-found"); Condition(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, Condition c) { return detail::print_enum(os, c, to_string(c), "Condition"); }
/// The 'subscription' value ("both"); Subscription(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, Subscription s) {
    return detail::print_enum(os, s, to_string(s), "Subscription");
}
/// The stanza's element name ("iq"); StanzaKind(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, StanzaKind k) { return detail::print_enum(os, k, to_string(k), "StanzaKind"); }
/// The 'type' value ("chat"); MessageType(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, MessageType t) {
    return detail::print_enum(os, t, to_string(t), "MessageType");
}
/// The 'type' value; "available" for PresenceType::available, which has none.
inline std::ostream& operator<<(std::ostream& os, PresenceType t) {
    return detail::print_enum(os, t, t == PresenceType::available ? std::string_view("available") : to_string(t),
                              "PresenceType");
}
/// The <show/> value; "none" for Show::none.
inline std::ostream& operator<<(std::ostream& os, Show s) {
    return detail::print_enum(os, s, s == Show::none ? std::string_view("none") : to_string(s), "Show");
}
/// "client" or "server".
inline std::ostream& operator<<(std::ostream& os, role r) { return os << to_string(r); }
/// "receiver" or "sender".
inline std::ostream& operator<<(std::ostream& os, side s) { return os << to_string(s); }
/// The code's name (to_string(errc): "invalid_utf8", "unknown" outside the enumeration).
inline std::ostream& operator<<(std::ostream& os, errc c) { return os << to_string(c); }

/// The condition's element name ("policy-violation"); StreamCondition(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, StreamCondition c) {
    return detail::print_enum(os, c, to_string(c), "StreamCondition");
}
/// The enumerator's name ("need_more"); StreamEventType(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, StreamEventType t) {
    return detail::print_enum(os, t, to_string(t), "StreamEventType");
}
/// The enumerator's name ("iq"); ElementKind(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, ElementKind k) { return detail::print_enum(os, k, to_string(k), "ElementKind"); }

/// "type condition", then " (uri)" for gone and redirect and ": text" when there is a text:
/// "cancel item-not-found: no such contact".
inline std::ostream& operator<<(std::ostream& os, const StanzaError& e) {
    os << e.type << ' ' << e.condition;
    if (!e.uri.empty()) os << " (" << e.uri << ')';
    if (e.text) os << ": " << *e.text;
    return os;
}

/// "code at byte N: message", as `xstanza check` prints it; "ok" when there is no error.
inline std::ostream& operator<<(std::ostream& os, const parse_error& e) {
    if (!e) return os << "ok";
    return os << e.code() << " at byte " << e.offset() << ": " << e.message();
}

/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
template <class Type, class P>
std::ostream& operator<<(std::ostream& os, const Iq<Type, P>& iq) {
    return detail::print_stanza(os, iq);
}
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
inline std::ostream& operator<<(std::ostream& os, const AnyIq& iq) { return detail::print_stanza(os, iq); }
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
template <class Type, class... Exts>
std::ostream& operator<<(std::ostream& os, const Message<Type, Exts...>& m) {
    return detail::print_stanza(os, m);
}
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
template <class Type, class... Exts>
std::ostream& operator<<(std::ostream& os, const Presence<Type, Exts...>& p) {
    return detail::print_stanza(os, p);
}
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
inline std::ostream& operator<<(std::ostream& os, const AnyMessage& m) { return detail::print_stanza(os, m); }
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
inline std::ostream& operator<<(std::ostream& os, const AnyPresence& p) { return detail::print_stanza(os, p); }
/// The canonical XML of the stanza, or "<invalid: message>" when serialize() refuses it.
inline std::ostream& operator<<(std::ostream& os, const AnyStanza& s) { return detail::print_stanza(os, s); }

/// The types printed above, which stanza/format.hpp gives a fmt::formatter (a header of
/// another layer adds its own: session/tracker.hpp's enumerations).
template <class T> struct is_printable : std::false_type {};
template <> struct is_printable<Jid> : std::true_type {};
template <> struct is_printable<IqType> : std::true_type {};
template <> struct is_printable<ErrorType> : std::true_type {};
template <> struct is_printable<Condition> : std::true_type {};
template <> struct is_printable<Subscription> : std::true_type {};
template <> struct is_printable<role> : std::true_type {};
template <> struct is_printable<side> : std::true_type {};
template <> struct is_printable<errc> : std::true_type {};
template <> struct is_printable<StreamCondition> : std::true_type {};
template <> struct is_printable<StreamEventType> : std::true_type {};
template <> struct is_printable<ElementKind> : std::true_type {};
template <> struct is_printable<StanzaError> : std::true_type {};
template <> struct is_printable<codec_error> : std::true_type {};
template <> struct is_printable<AnyIq> : std::true_type {};
template <class Type, class P> struct is_printable<Iq<Type, P>> : std::true_type {};

}  // namespace xstanza

#endif  // XSTANZA_STANZA_OSTREAM_HPP
