// xstanza: the <presence/> stanza (RFC 6121 §4.7, §3, RFC 6120 §8.2.2), typed and
// runtime-typed. Plain data, no XML. The presence type is part of the C++ type: only
// available presence has show and priority, only Presence<Error> a StanzaError.
#ifndef XSTANZA_MODEL_PRESENCE_HPP
#define XSTANZA_MODEL_PRESENCE_HPP

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "error.hpp"
#include "extensions.hpp"
#include "jid.hpp"
#include "lang_text.hpp"
#include "stanza_common.hpp"
#include "stanza_error.hpp"

namespace xstanza {

/// Presence type tags (RFC 6121 §4.7.1). Available stands for the absent 'type' attribute
/// (there is no type='available'); Error is shared with Iq and Message.
struct Available { static constexpr std::string_view name = ""; /**< no 'type' value */ };
/// Presence type tag: no longer available (RFC 6121 §4.5).
struct Unavailable { static constexpr std::string_view name = "unavailable"; /**< the 'type' value */ };
/// Presence type tag: a subscription request (RFC 6121 §3.1).
struct Subscribe { static constexpr std::string_view name = "subscribe"; /**< the 'type' value */ };
/// Presence type tag: a subscription approved (RFC 6121 §3.1.4, §3.4).
struct Subscribed { static constexpr std::string_view name = "subscribed"; /**< the 'type' value */ };
/// Presence type tag: unsubscribing (RFC 6121 §3.3).
struct Unsubscribe { static constexpr std::string_view name = "unsubscribe"; /**< the 'type' value */ };
/// Presence type tag: a request denied or a subscription cancelled (RFC 6121 §3.1.4, §3.2).
struct Unsubscribed { static constexpr std::string_view name = "unsubscribed"; /**< the 'type' value */ };
/// Presence type tag: a server's request for current presence (RFC 6121 §4.3).
struct Probe { static constexpr std::string_view name = "probe"; /**< the 'type' value */ };

/// The runtime counterpart of the tags, for AnyPresence.
enum class PresenceType : unsigned char { available, unavailable, subscribe, subscribed, unsubscribe, unsubscribed, probe, error };

/// The 'type' attribute value; "" for available, which has none.
constexpr std::string_view to_string(PresenceType t) noexcept {
    switch (t) {
    case PresenceType::available: return "";
    case PresenceType::unavailable: return "unavailable";
    case PresenceType::subscribe: return "subscribe";
    case PresenceType::subscribed: return "subscribed";
    case PresenceType::unsubscribe: return "unsubscribe";
    case PresenceType::unsubscribed: return "unsubscribed";
    case PresenceType::probe: return "probe";
    case PresenceType::error: return "error";
    }
    return "";
}

/// The PresenceType of a tag.
template <class Type> inline constexpr PresenceType presence_type_of = PresenceType::available;
/// The PresenceType of Unavailable.
template <> inline constexpr PresenceType presence_type_of<Unavailable> = PresenceType::unavailable;
/// The PresenceType of Subscribe.
template <> inline constexpr PresenceType presence_type_of<Subscribe> = PresenceType::subscribe;
/// The PresenceType of Subscribed.
template <> inline constexpr PresenceType presence_type_of<Subscribed> = PresenceType::subscribed;
/// The PresenceType of Unsubscribe.
template <> inline constexpr PresenceType presence_type_of<Unsubscribe> = PresenceType::unsubscribe;
/// The PresenceType of Unsubscribed.
template <> inline constexpr PresenceType presence_type_of<Unsubscribed> = PresenceType::unsubscribed;
/// The PresenceType of Probe.
template <> inline constexpr PresenceType presence_type_of<Probe> = PresenceType::probe;
/// The PresenceType of Error.
template <> inline constexpr PresenceType presence_type_of<Error> = PresenceType::error;

/// The availability sub-state (RFC 6121 §4.7.2.1); none: no <show/>, plainly available.
enum class Show : unsigned char { none, away, chat, dnd, xa };

/// The <show/> value ("dnd"); "" for none.
constexpr std::string_view to_string(Show s) noexcept {
    switch (s) {
    case Show::none: return "";
    case Show::away: return "away";
    case Show::chat: return "chat";
    case Show::dnd: return "dnd";
    case Show::xa: return "xa";
    }
    return "";
}

/// What every presence has, whatever its type (RFC 6120 §8.1, RFC 6121 §4.7).
struct presence_fields {
    kept_view id{};             ///< RFC 6120 §8.1.3: optional on a presence
    std::optional<Jid> from{};  ///< RFC 6120 §8.1.2.1
    std::optional<Jid> to{};    ///< RFC 6120 §8.1.1
    kept_view lang{};           ///< xml:lang (RFC 6120 §8.1.5): the stanza's, or the stream's
    lang_texts statuses{};      ///< RFC 6121 §4.7.2.2: each in a distinct language
    extension_list extensions{};  ///< extension elements kept opaque (RFC 6120 §8.4)

    /// The status in language `lang` (empty: the stanza's language, or the first status).
    std::optional<std::string_view> status(std::string_view language = {}) const noexcept {
        return statuses.find(language, lang);
    }

protected:
    /// Field-wise equality, for the stanzas' operator==.
    bool same_fields(const presence_fields& o) const noexcept {
        return id == o.id && from == o.from && to == o.to && lang == o.lang && statuses == o.statuses &&
               extensions == o.extensions;
    }
};

namespace detail {
template <class T> inline constexpr bool is_presence_type_v =
    std::is_same_v<T, Available> || std::is_same_v<T, Unavailable> || std::is_same_v<T, Subscribe> ||
    std::is_same_v<T, Subscribed> || std::is_same_v<T, Unsubscribe> || std::is_same_v<T, Unsubscribed> ||
    std::is_same_v<T, Probe> || std::is_same_v<T, Error>;

template <class Type, class... Exts>
constexpr bool check_presence() {
    static_assert(is_presence_type_v<Type>,
                  "Presence<Type>: Type must be one of the tags Available, Unavailable, Subscribe, Subscribed, Unsubscribe, "
                  "Unsubscribed, Probe, Error (RFC 6121 4.7.1)");
    static_assert((is_payload_v<Exts> && ...),
                  "Presence<Type, Ext...>: an Ext is not a payload; specialise xstanza::payload_traits<Ext> with in_presence = true");
    static_assert((is_presence_extension_v<Exts> && ...),
                  "Presence<Type, Ext...>: payload_traits<Ext>::in_presence is not true: this element does not extend a presence");
    return true;
}

// Assigning show or priority on a presence other than available: the rule, by name.
struct show_not_here {
    template <class T>
    show_not_here& operator=(const T&) {
        static_assert(dependent_false_v<T>,
                      "Presence<Type>::show: only available presence (Presence<Available>) has <show/>; unavailable presence "
                      "MUST NOT carry it (RFC 6121 4.5.1), and xstanza keeps it off the other types too");
        return *this;
    }
};
struct priority_not_here {
    template <class T>
    priority_not_here& operator=(const T&) {
        static_assert(dependent_false_v<T>,
                      "Presence<Type>::priority: only available presence (Presence<Available>) has <priority/>; unavailable "
                      "presence MUST NOT carry it (RFC 6121 4.5.1), and xstanza keeps it off the other types too");
        return *this;
    }
};

template <class Type> struct presence_body {
    show_not_here show{};
    priority_not_here priority{};
};
template <> struct presence_body<Available> {
    Show show = Show::none;           ///< RFC 6121 §4.7.2.1: at most one
    std::optional<int> priority{};    ///< RFC 6121 §4.7.2.3: -128..127; absent means 0
    /// The priority the RFC says to act on: absent means zero (RFC 6121 §4.7.2.3).
    int effective_priority() const noexcept { return priority.value_or(0); }
};
template <> struct presence_body<Error> {
    explicit presence_body(StanzaError e) noexcept : error(e) {}
    StanzaError error;  ///< RFC 6120 §8.3.1: an error presence carries exactly one
};
}  // namespace detail

/// A presence of compile-time type `Type` (Available for no 'type', Unavailable, Subscribe,
/// Subscribed, Unsubscribe, Unsubscribed, Probe, Error) whose extensions Exts... are decoded
/// (get<P>()); every other extension is in `extensions`, opaque.
///
/// Where RFC 6121 says only "typically" (§4.7.2: show and priority on the subscription
/// types and probe), xstanza decides: show and priority exist on Presence<Available> only; a
/// received presence of another type that carries them has them ignored (receiver rules)
/// or refused (sender rules).
template <class Type, class... Exts>
class Presence : public presence_fields, public detail::presence_body<Type>, public detail::typed_extensions<Exts...> {
    static_assert(detail::check_presence<Type, Exts...>(), "see the message above");

public:
    using type_tag = Type;                                        ///< the type tag
    static constexpr PresenceType type = presence_type_of<Type>;  ///< the type, at run time

    template <class T = Type, std::enable_if_t<!std::is_same_v<T, Error>, int> = 0>
    Presence() noexcept {}
    /// An error presence; the StanzaError is required (RFC 6120 §8.3.1).
    template <class T = Type, std::enable_if_t<std::is_same_v<T, Error>, int> = 0>
    explicit Presence(StanzaError e) noexcept : detail::presence_body<Error>(e) {}
    /// Not constructible without what the type requires: says which rule applies.
    template <class T = Type, std::enable_if_t<std::is_same_v<T, Error>, int> = 0>
    Presence() : detail::presence_body<Error>(StanzaError(Condition::undefined_condition)) {
        static_assert(!std::is_same_v<T, Error>,
                      "Presence<Error>: an error presence needs a StanzaError: Presence<Error>(StanzaError{type, condition}) (RFC 6120 8.3.1)");
    }

    /// Sets 'to' and returns *this, for building in one expression.
    Presence& set_to(const Jid& j) & noexcept { to = j; return *this; }
    /// Sets 'from' and returns *this.
    Presence& set_from(const Jid& j) & noexcept { from = j; return *this; }

    friend bool operator==(const Presence& a, const Presence& b) noexcept {
        if (!a.same_fields(b) || !a.same_extensions(b)) return false;
        if constexpr (std::is_same_v<Type, Available>) return a.show == b.show && a.priority == b.priority;
        if constexpr (std::is_same_v<Type, Error>) return a.error == b.error;
        return true;
    }
    friend bool operator!=(const Presence& a, const Presence& b) noexcept { return !(a == b); }
};

/// A presence whose type is known only at run time. visit() hands it to typed code.
struct AnyPresence : presence_fields {
    AnyPresence() noexcept {}

    PresenceType type = PresenceType::available;  ///< the presence's type (available when absent)
    Show show = Show::none;           ///< only on available presence (see Presence)
    std::optional<int> priority{};    ///< likewise; -128..127
    std::optional<StanzaError> error{};  ///< set exactly when type is error

    /// Calls f with the typed view (Presence<Available>, Presence<Unavailable>, ...).
    template <class F>
    decltype(auto) visit(F&& f) const {
        switch (type) {
        case PresenceType::unavailable: return std::forward<F>(f)(typed<Unavailable>());
        case PresenceType::subscribe: return std::forward<F>(f)(typed<Subscribe>());
        case PresenceType::subscribed: return std::forward<F>(f)(typed<Subscribed>());
        case PresenceType::unsubscribe: return std::forward<F>(f)(typed<Unsubscribe>());
        case PresenceType::unsubscribed: return std::forward<F>(f)(typed<Unsubscribed>());
        case PresenceType::probe: return std::forward<F>(f)(typed<Probe>());
        case PresenceType::error: return std::forward<F>(f)(typed<Error>());
        case PresenceType::available: default: return std::forward<F>(f)(typed<Available>());
        }
    }

    /// The same presence as Presence<Type> (Type must be this presence's type).
    template <class Type>
    Presence<Type> typed() const {
        if constexpr (std::is_same_v<Type, Error>) {
            Presence<Error> p(error.value_or(StanzaError(Condition::undefined_condition)));
            static_cast<presence_fields&>(p) = *this;
            return p;
        } else {
            Presence<Type> p;
            static_cast<presence_fields&>(p) = *this;
            if constexpr (std::is_same_v<Type, Available>) {
                p.show = show;
                p.priority = priority;
            }
            return p;
        }
    }

    friend bool operator==(const AnyPresence& a, const AnyPresence& b) noexcept {
        return a.same_fields(b) && a.type == b.type && a.show == b.show && a.priority == b.priority && a.error == b.error;
    }
    friend bool operator!=(const AnyPresence& a, const AnyPresence& b) noexcept { return !(a == b); }
};

/// The error answering a presence (RFC 6120 §8.3.1): its id, the addresses swapped, the
/// condition. A presence of type error is never answered: that does not compile.
template <class Type, class... Exts>
Presence<Error> make_error(const Presence<Type, Exts...>& p, StanzaError error) {
    static_assert(!std::is_same_v<Type, Error>,
                  "make_error(Presence<Error>): an error stanza is never answered with another error (RFC 6120 8.3.1)");
    Presence<Error> r(error);
    r.id = p.id;
    detail::address_reply(r, p);
    return r;
}

namespace detail {
template <class Answer, class Type, class... Exts>
result<Answer> answer_subscription(const Presence<Type, Exts...>& request, std::string_view id) noexcept {
    static_assert(std::is_same_v<Type, Subscribe>,
                  "approve/deny: only a subscription request (Presence<Subscribe>) is approved or denied (RFC 6121 3.1.4); "
                  "to pre-approve or cancel, build Presence<Subscribed> or Presence<Unsubscribed> yourself (RFC 6121 3.4, 3.2)");
    // RFC 6121 §3.1.4: the answer's 'id' "MUST NOT mirror the 'id' attribute of the subscription request".
    if (!id.empty() && id == request.id)
        return codec_error::make(errc::invalid_data, 0, "the answer's id '", id,
                                 "' mirrors the subscription request's (RFC 6121 §3.1.4)");
    Answer a;
    a.id = id;
    // RFC 6121 §3.1.4: to the requester's bare JID (its server stamped it so, §3.1.2).
    if (request.from) a.to = request.from->bare();
    return a;
}
}  // namespace detail

/// Approves a subscription request (RFC 6121 §3.1.4): a subscribed presence to the requester's
/// bare JID with an id of its own (`id`, which must not be the request's; the RFC says a client
/// SHOULD include one).
template <class Type, class... Exts>
result<Presence<Subscribed>> approve(const Presence<Type, Exts...>& request, std::string_view id) noexcept {
    return detail::answer_subscription<Presence<Subscribed>>(request, id);
}

/// Denies a subscription request (RFC 6121 §3.1.4, §3.2): an unsubscribed presence, as approve.
template <class Type, class... Exts>
result<Presence<Unsubscribed>> deny(const Presence<Type, Exts...>& request, std::string_view id) noexcept {
    return detail::answer_subscription<Presence<Unsubscribed>>(request, id);
}

}  // namespace xstanza

#endif  // XSTANZA_MODEL_PRESENCE_HPP
