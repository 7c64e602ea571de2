// xstanza: the roster payload, jabber:iq:roster (RFC 6121 §2). Plain data, no XML.
// Strings and lists are views: into the parsed buffer and the parser, or into storage
// the caller keeps alive when building.
#ifndef XSTANZA_MODEL_ROSTER_HPP
#define XSTANZA_MODEL_ROSTER_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "detail/names.hpp"
#include "detail/views.hpp"
#include "jid.hpp"
#include "payload.hpp"
#include "span.hpp"

namespace xstanza {

/// RFC 6121 §2.1: the roster namespace.
inline constexpr std::string_view roster_ns = "jabber:iq:roster";

/// RFC 6121 §2.1.2.5: the 'subscription' attribute. `remove` appears only in a roster set.
enum class Subscription : unsigned char { none, to, from, both, remove };

/// The 'subscription' values, indexed by Subscription.
inline constexpr std::array<std::string_view, 5> subscription_names = {"none", "to", "from", "both", "remove"};

/// The attribute value ("both").
constexpr std::string_view to_string(Subscription s) noexcept { return detail::name_at(subscription_names, std::size_t(s)); }
/// The subscription named `name`, if it is one of the five (RFC 6121 §2.1.2.5).
constexpr std::optional<Subscription> subscription_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < subscription_names.size(); ++i)
        if (detail::same_name(subscription_names[i], name)) return Subscription(i);
    return std::nullopt;
}

/// RFC 6121 §2.1.2: one contact.
struct RosterItem {
    Jid jid;                                    ///< required (RFC 6121 §2.1.2.3)
    std::optional<kept_view> name{};            ///< handle the user gave the contact (§2.1.2.4)
    Subscription subscription = Subscription::none;  ///< §2.1.2.5; absent means none
    bool ask = false;                           ///< ask='subscribe': an outbound request is pending (§2.1.2.2)
    bool approved = false;                      ///< pre-approved subscription (§2.1.2.1)
    span<const std::string_view> groups{};      ///< <group/> names: non-empty, unique (§2.1.2.6, §2.3.3)
    /// A 'subscription' value the receiver's rules ignored (RFC 6121 §2.1.2.5: a client ignores
    /// values other than none, to, from, both, and remove in a push; a server ignores all but
    /// remove in a set), as written; `subscription` is then none. Never written; not compared.
    std::optional<std::string_view> ignored_subscription{};

    friend bool operator==(const RosterItem& a, const RosterItem& b) noexcept {
        return a.jid == b.jid && a.name == b.name && a.subscription == b.subscription && a.ask == b.ask &&
               a.approved == b.approved && a.groups == b.groups;
    }
    friend bool operator!=(const RosterItem& a, const RosterItem& b) noexcept { return !(a == b); }
};

/// The payload of a roster get: an empty query, with the client's cached roster
/// version when it supports versioning (RFC 6121 §2.1.3, §2.6.2; ver='' is meaningful).
struct RosterGet {
    std::optional<std::string_view> ver{};  ///< the cached roster version, if any (RFC 6121 §2.6.2)
    friend bool operator==(const RosterGet& a, const RosterGet& b) noexcept { return a.ver == b.ver; }
};

/// The payload of a roster set or roster push: exactly one item, to add, update or,
/// with subscription remove, delete (RFC 6121 §2.1.5, §2.1.6, §2.5).
struct RosterSet {
    RosterItem item;  ///< the one item to add, update or remove
    std::optional<std::string_view> ver{};  ///< roster version of a push (RFC 6121 §2.6.3)
    friend bool operator==(const RosterSet& a, const RosterSet& b) noexcept {
        return a.item == b.item && a.ver == b.ver;
    }
};

/// The payload of a roster result: the contact list (possibly empty) and its version
/// (RFC 6121 §2.1.4, §2.6.3). No item may have subscription remove (§2.1.2.5).
struct RosterQuery {
    std::optional<std::string_view> ver{};  ///< the roster's version, when the server versions it (RFC 6121 §2.6.3)
    span<const RosterItem> items{};         ///< the contacts, in document order
    friend bool operator==(const RosterQuery& a, const RosterQuery& b) noexcept {
        return a.ver == b.ver && a.items == b.items;
    }
};

/// Where a RosterGet goes: `<query xmlns='jabber:iq:roster'/>` in a get (RFC 6121 §2.1.3).
template <>
struct payload_traits<RosterGet> {
    ///@{
    /// The element's name and namespace, and the IQ types that may carry it (a get).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = roster_ns;
    static constexpr bool in_get = true, in_set = false, in_result = false;
    ///@}
    /// The roster (RFC 6121 §2.1.3), or an empty result when the requested version is current (§2.6.3).
    using replies = std::tuple<RosterQuery, void>;
};
/// Where a RosterSet goes: `<query xmlns='jabber:iq:roster'/>` in a set (RFC 6121 §2.1.5).
template <>
struct payload_traits<RosterSet> {
    ///@{
    /// The element's name and namespace, and the IQ types that may carry it (a set).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = roster_ns;
    static constexpr bool in_get = false, in_set = true, in_result = false;
    ///@}
    /// An empty result; the change goes out as a push (RFC 6121 §2.1.5, §2.3.2).
    using replies = std::tuple<void>;
};
/// Where a RosterQuery goes: `<query xmlns='jabber:iq:roster'/>` in a result (RFC 6121 §2.1.4).
template <>
struct payload_traits<RosterQuery> {
    ///@{
    /// The element's name and namespace, and the IQ types that may carry it (a result).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = roster_ns;
    static constexpr bool in_get = false, in_set = false, in_result = true;
    ///@}
};

namespace detail {
// Where the roster payloads go (RFC 6121 §2.1.3, §2.1.4, §2.1.5), said with the rule's name.
template <>
struct placement_rule<RosterQuery> {
    template <class Type>
    static constexpr void check() {
        static_assert(Type::name != std::string_view("get"),
                      "Iq<Get, RosterQuery>: a roster get carries no items (RFC 6121 2.1.3); use Iq<Get, RosterGet>");
        static_assert(Type::name != std::string_view("set"),
                      "Iq<Set, RosterQuery>: a roster set carries exactly one item (RFC 6121 2.1.5); use Iq<Set, RosterSet>");
    }
};
// RosterGet and RosterSet are requests' payloads, never a result's (RFC 6121 §2.1.4).
template <class Type>
constexpr void check_roster_request_placement() {
    static_assert(Type::name != std::string_view("result"),
                  "Iq<Result, P>: a roster result carries the item list (RFC 6121 2.1.4); use Iq<Result, RosterQuery>, or Iq<Result> to acknowledge a set");
}
template <>
struct placement_rule<RosterGet> {
    template <class Type>
    static constexpr void check() {
        check_roster_request_placement<Type>();
        static_assert(Type::name != std::string_view("set"), "Iq<Set, RosterGet>: a roster get payload goes in a get IQ (RFC 6121 2.1.3)");
    }
};
template <>
struct placement_rule<RosterSet> {
    template <class Type>
    static constexpr void check() {
        check_roster_request_placement<Type>();
        static_assert(Type::name != std::string_view("get"), "Iq<Get, RosterSet>: a roster set payload goes in a set IQ (RFC 6121 2.1.5)");
    }
};
template <>
struct reply_rule<RosterGet> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<RosterGet, R>,
                      "make_result(roster get, reply): a roster get is answered by a RosterQuery (RFC 6121 2.1.3), "
                      "or by the empty result when its version is current (RFC 6121 2.6.3)");
    }
};
template <>
struct reply_rule<RosterSet> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<RosterSet, R>,
                      "make_result(roster set, reply): a roster set is answered by the empty result: make_result(request) "
                      "(RFC 6121 2.1.5); the roster goes out as pushes");
    }
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_ROSTER_HPP
