// xstanza: the <message/> stanza (RFC 6121 §5.2, RFC 6120 §8.2.1), typed and runtime-typed.
// Plain data, no XML. The message type is part of the C++ type; only Message<Error> carries
// a StanzaError.
#ifndef XSTANZA_MODEL_MESSAGE_HPP
#define XSTANZA_MODEL_MESSAGE_HPP

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "extensions.hpp"
#include "jid.hpp"
#include "lang_text.hpp"
#include "stanza_common.hpp"
#include "stanza_error.hpp"

namespace xstanza {

/// Message type tag (RFC 6121 §5.2.2): a one-to-one chat; Error is shared with Iq and Presence.
struct Chat { static constexpr std::string_view name = "chat"; /**< the 'type' value */ };
/// Message type tag: a multi-user chat message (RFC 6121 §5.2.2).
struct Groupchat { static constexpr std::string_view name = "groupchat"; /**< the 'type' value */ };
/// Message type tag: an alert or notification, no reply expected (RFC 6121 §5.2.2).
struct Headline { static constexpr std::string_view name = "headline"; /**< the 'type' value */ };
/// Message type tag: a standalone message, the default (RFC 6121 §5.2.2).
struct Normal { static constexpr std::string_view name = "normal"; /**< the 'type' value */ };

/// The runtime counterpart of the tags, for AnyMessage.
enum class MessageType : unsigned char { normal, chat, groupchat, headline, error };

/// The 'type' attribute value ("chat").
constexpr std::string_view to_string(MessageType t) noexcept {
    switch (t) {
    case MessageType::normal: return "normal";
    case MessageType::chat: return "chat";
    case MessageType::groupchat: return "groupchat";
    case MessageType::headline: return "headline";
    case MessageType::error: return "error";
    }
    return "";
}

/// The MessageType of a tag.
template <class Type> inline constexpr MessageType message_type_of = MessageType::normal;
/// The MessageType of Chat.
template <> inline constexpr MessageType message_type_of<Chat> = MessageType::chat;
/// The MessageType of Groupchat.
template <> inline constexpr MessageType message_type_of<Groupchat> = MessageType::groupchat;
/// The MessageType of Headline.
template <> inline constexpr MessageType message_type_of<Headline> = MessageType::headline;
/// The MessageType of Error.
template <> inline constexpr MessageType message_type_of<Error> = MessageType::error;

/// A <thread/> (RFC 6121 §5.2.5): an opaque conversation id, compared exactly, and the
/// thread it branched from, which must differ from it.
struct Thread {
    kept_view id;        ///< the thread's id, opaque, compared exactly
    kept_view parent{};  ///< empty: none

    friend bool operator==(const Thread& a, const Thread& b) noexcept { return a.id == b.id && a.parent == b.parent; }
    friend bool operator!=(const Thread& a, const Thread& b) noexcept { return !(a == b); }
};

/// What every message has, whatever its type (RFC 6120 §8.1, RFC 6121 §5.2).
struct message_fields {
    kept_view id{};              ///< RFC 6120 §8.1.3: optional on a message
    std::optional<Jid> from{};   ///< RFC 6120 §8.1.2.1
    std::optional<Jid> to{};     ///< RFC 6120 §8.1.1
    kept_view lang{};            ///< xml:lang (RFC 6120 §8.1.5): the stanza's, or the stream's
    lang_texts bodies{};         ///< RFC 6121 §5.2.3: each in a distinct language
    lang_texts subjects{};       ///< RFC 6121 §5.2.4: each in a distinct language
    std::optional<Thread> thread{};  ///< RFC 6121 §5.2.5: at most one
    extension_list extensions{};     ///< extension elements kept opaque (RFC 6120 §8.4)

    /// The body in language `lang` (empty: the stanza's language, or the first body).
    std::optional<std::string_view> body(std::string_view language = {}) const noexcept {
        return bodies.find(language, lang);
    }
    /// The subject in language `lang` (as body()).
    std::optional<std::string_view> subject(std::string_view language = {}) const noexcept {
        return subjects.find(language, lang);
    }

protected:
    /// Field-wise equality, for the stanzas' operator==.
    bool same_fields(const message_fields& o) const noexcept {
        return id == o.id && from == o.from && to == o.to && lang == o.lang && bodies == o.bodies &&
               subjects == o.subjects && thread == o.thread && extensions == o.extensions;
    }
};

namespace detail {
template <class T> inline constexpr bool is_message_type_v =
    std::is_same_v<T, Chat> || std::is_same_v<T, Groupchat> || std::is_same_v<T, Headline> ||
    std::is_same_v<T, Normal> || std::is_same_v<T, Error>;

template <class Type, class... Exts>
constexpr bool check_message() {
    static_assert(is_message_type_v<Type>,
                  "Message<Type>: Type must be one of the tags Chat, Groupchat, Headline, Normal, Error (RFC 6121 5.2.2)");
    static_assert((is_payload_v<Exts> && ...),
                  "Message<Type, Ext...>: an Ext is not a payload; specialise xstanza::payload_traits<Ext> with in_message = true");
    static_assert((is_message_extension_v<Exts> && ...),
                  "Message<Type, Ext...>: payload_traits<Ext>::in_message is not true: this element does not extend a message");
    static_assert(!(std::is_same_v<Exts, StanzaError> || ...),
                  "Message<Type, StanzaError>: an error is not an extension; use Message<Error>(StanzaError{...}) (RFC 6120 8.3)");
    return true;
}

template <class Type> struct message_error {};
template <> struct message_error<Error> {
    explicit message_error(StanzaError e) noexcept : error(e) {}
    StanzaError error;  ///< RFC 6120 §8.3.1: an error message carries exactly one
};
}  // namespace detail

/// A message of compile-time type `Type` (Chat, Groupchat, Headline, Normal, Error) whose
/// extensions Exts... are decoded (get<P>()); every other extension is in `extensions`,
/// opaque. Strings are views; see the parse functions for their lifetime.
template <class Type, class... Exts>
class Message : public message_fields, public detail::message_error<Type>, public detail::typed_extensions<Exts...> {
    static_assert(detail::check_message<Type, Exts...>(), "see the message above");

public:
    using type_tag = Type;                                       ///< the type tag
    static constexpr MessageType type = message_type_of<Type>;   ///< the type, at run time

    /// A message of a type other than error.
    template <class T = Type, std::enable_if_t<!std::is_same_v<T, Error>, int> = 0>
    Message() noexcept {}
    /// A message with its body, in the stanza's language.
    template <class T = Type, std::enable_if_t<!std::is_same_v<T, Error>, int> = 0>
    explicit Message(lang_texts body) noexcept { bodies = body; }
    /// An error message; the StanzaError is required (RFC 6120 §8.3.1).
    template <class T = Type, std::enable_if_t<std::is_same_v<T, Error>, int> = 0>
    explicit Message(StanzaError e) noexcept : detail::message_error<Error>(e) {}
    /// Not constructible without what the type requires: says which rule applies.
    template <class T = Type, std::enable_if_t<std::is_same_v<T, Error>, int> = 0>
    Message() : detail::message_error<Error>(StanzaError(Condition::undefined_condition)) {
        static_assert(!std::is_same_v<T, Error>,
                      "Message<Error>: an error message needs a StanzaError: Message<Error>(StanzaError{type, condition}) (RFC 6120 8.3.1)");
    }

    /// Sets 'to' and returns *this, for building in one expression.
    Message& set_to(const Jid& j) & noexcept { to = j; return *this; }
    /// Sets 'from' and returns *this.
    Message& set_from(const Jid& j) & noexcept { from = j; return *this; }

    friend bool operator==(const Message& a, const Message& b) noexcept {
        if (!a.same_fields(b) || !a.same_extensions(b)) return false;
        if constexpr (std::is_same_v<Type, Error>) return a.error == b.error;
        return true;
    }
    friend bool operator!=(const Message& a, const Message& b) noexcept { return !(a == b); }
};

/// A message whose type is known only at run time (what a receiver parses when it accepts
/// whatever arrives). visit() hands it to typed code.
struct AnyMessage : message_fields {
    AnyMessage() noexcept {}

    MessageType type = MessageType::normal;  ///< the message's type (normal when absent or unknown)
    std::optional<StanzaError> error{};   ///< set exactly when type is error
    /// A 'type' the receiver did not understand, as written: RFC 6121 §5.2.2 makes such a
    /// message normal (`type` is then normal). Never written; not compared.
    kept_view ignored_type{};

    /// Calls f with the typed view: Message<Normal>, Message<Chat>, Message<Groupchat>,
    /// Message<Headline> or Message<Error>.
    template <class F>
    decltype(auto) visit(F&& f) const {
        switch (type) {
        case MessageType::chat: return std::forward<F>(f)(typed<Chat>());
        case MessageType::groupchat: return std::forward<F>(f)(typed<Groupchat>());
        case MessageType::headline: return std::forward<F>(f)(typed<Headline>());
        case MessageType::error: return std::forward<F>(f)(typed<Error>());
        case MessageType::normal: default: return std::forward<F>(f)(typed<Normal>());
        }
    }

    /// The same message as Message<Type> (Type must be this message's type).
    template <class Type>
    Message<Type> typed() const {
        if constexpr (std::is_same_v<Type, Error>) {
            Message<Error> m(error.value_or(StanzaError(Condition::undefined_condition)));
            static_cast<message_fields&>(m) = *this;
            return m;
        } else {
            Message<Type> m;
            static_cast<message_fields&>(m) = *this;
            return m;
        }
    }

    friend bool operator==(const AnyMessage& a, const AnyMessage& b) noexcept {
        return a.same_fields(b) && a.type == b.type && a.error == b.error;
    }
    friend bool operator!=(const AnyMessage& a, const AnyMessage& b) noexcept { return !(a == b); }
};

/// The error answering a message (RFC 6120 §8.3.1): its id, the addresses swapped, the
/// condition. A message of type error is never answered: that does not compile.
template <class Type, class... Exts>
Message<Error> make_error(const Message<Type, Exts...>& m, StanzaError error) {
    static_assert(!std::is_same_v<Type, Error>,
                  "make_error(Message<Error>): an error stanza is never answered with another error (RFC 6120 8.3.1)");
    Message<Error> r(error);
    r.id = m.id;
    detail::address_reply(r, m);
    return r;
}

}  // namespace xstanza

#endif  // XSTANZA_MODEL_MESSAGE_HPP
