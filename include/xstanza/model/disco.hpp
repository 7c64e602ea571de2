// xstanza: Service Discovery (XEP-0030), the model: what an entity is (identities), what it
// supports (features), and what it hosts (items). Plain data, no XML; the codec is
// codec/disco.hpp. Strings and JIDs are views (into the parsed input, or strings the caller
// keeps alive); lists are spans (into the Parser's storage after a parse, or the caller's
// arrays when building).
//
// XEP-0128 extended information (jabber:x:data forms inside a disco#info result) is not
// modelled: like any child in another namespace it is skipped when reading and not written.
// An application that needs the forms reads the query as an AnyIq and walks it through
// Parser::view.
#ifndef XSTANZA_MODEL_DISCO_HPP
#define XSTANZA_MODEL_DISCO_HPP

#include <optional>
#include <string_view>
#include <tuple>

#include "jid.hpp"
#include "payload.hpp"
#include "span.hpp"

namespace xstanza {

/// XEP-0030 §3: the disco#info namespace.
inline constexpr std::string_view disco_info_ns = "http://jabber.org/protocol/disco#info";
/// XEP-0030 §4: the disco#items namespace.
inline constexpr std::string_view disco_items_ns = "http://jabber.org/protocol/disco#items";

/// XEP-0030 §3.1: one <identity/> of an entity.
struct DiscoIdentity {
    std::string_view category;               ///< REQUIRED: 'category' ("client", "server", "conference"...)
    std::string_view type;                   ///< REQUIRED: 'type' within the category ("pc", "im", "text"...)
    std::optional<std::string_view> name{};  ///< OPTIONAL: 'name', natural-language
    std::string_view lang{};                 ///< OPTIONAL: 'xml:lang' of the name; empty when absent

    friend bool operator==(const DiscoIdentity& a, const DiscoIdentity& b) noexcept {
        return a.category == b.category && a.type == b.type && a.name == b.name && a.lang == b.lang;
    }
    friend bool operator!=(const DiscoIdentity& a, const DiscoIdentity& b) noexcept { return !(a == b); }
};

/// XEP-0030 §3: <query xmlns='http://jabber.org/protocol/disco#info' node?/>. In a get, the
/// request: no identity, no feature. In a result, the answer: at least one identity and at
/// least one feature.
struct DiscoInfoQuery {
    std::optional<std::string_view> node{};  ///< XEP-0030 §3.2: 'node', mirrored by the result
    span<const DiscoIdentity> identities{};  ///< <identity/> children, in document order
    span<const std::string_view> features{};  ///< each <feature/>'s 'var', in document order

    friend bool operator==(const DiscoInfoQuery& a, const DiscoInfoQuery& b) noexcept {
        if (a.node != b.node || a.identities.size() != b.identities.size() || a.features.size() != b.features.size())
            return false;
        for (std::size_t i = 0; i < a.identities.size(); ++i)
            if (a.identities[i] != b.identities[i]) return false;
        for (std::size_t i = 0; i < a.features.size(); ++i)
            if (a.features[i] != b.features[i]) return false;
        return true;
    }
    friend bool operator!=(const DiscoInfoQuery& a, const DiscoInfoQuery& b) noexcept { return !(a == b); }
};

/// XEP-0030 §4.1: one <item/> an entity hosts.
struct DiscoItem {
    Jid jid;                                 ///< REQUIRED: 'jid', a valid JID
    std::optional<std::string_view> node{};  ///< OPTIONAL: 'node' (XEP-0030 §4.2)
    std::optional<std::string_view> name{};  ///< OPTIONAL: 'name', natural-language

    friend bool operator==(const DiscoItem& a, const DiscoItem& b) noexcept {
        return a.jid == b.jid && a.node == b.node && a.name == b.name;
    }
    friend bool operator!=(const DiscoItem& a, const DiscoItem& b) noexcept { return !(a == b); }
};

/// XEP-0030 §4: <query xmlns='http://jabber.org/protocol/disco#items' node?/>. In a get, the
/// request: no item. In a result, the answer: zero or more items (an entity with none
/// answers an empty query, §4.1).
struct DiscoItemsQuery {
    std::optional<std::string_view> node{};  ///< XEP-0030 §4.2: 'node'
    span<const DiscoItem> items{};           ///< <item/> children, in document order

    friend bool operator==(const DiscoItemsQuery& a, const DiscoItemsQuery& b) noexcept {
        if (a.node != b.node || a.items.size() != b.items.size()) return false;
        for (std::size_t i = 0; i < a.items.size(); ++i)
            if (a.items[i] != b.items[i]) return false;
        return true;
    }
    friend bool operator!=(const DiscoItemsQuery& a, const DiscoItemsQuery& b) noexcept { return !(a == b); }
};

/// XEP-0030 §3.1: the empty query goes in a get, the filled one in the result; never in a set.
template <>
struct payload_traits<DiscoInfoQuery> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = disco_info_ns;
    static constexpr bool in_get = true, in_set = false, in_result = true;
    ///@}
    using replies = std::tuple<DiscoInfoQuery>;  ///< XEP-0030 §3.1: the result carries the filled query
};
/// XEP-0030 §4.1: the empty query goes in a get, the list of items in the result; never in a set.
template <>
struct payload_traits<DiscoItemsQuery> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = disco_items_ns;
    static constexpr bool in_get = true, in_set = false, in_result = true;
    ///@}
    using replies = std::tuple<DiscoItemsQuery>;  ///< XEP-0030 §4.1: the result carries the items
};

namespace detail {
template <>
struct placement_rule<DiscoInfoQuery> {
    template <class Type>
    static constexpr void check() {
        static_assert(Type::name != std::string_view("set"),
                      "Iq<Set, DiscoInfoQuery>: a disco#info query is sent in a get and answered in a result (XEP-0030 3.1)");
    }
};
template <>
struct placement_rule<DiscoItemsQuery> {
    template <class Type>
    static constexpr void check() {
        static_assert(Type::name != std::string_view("set"),
                      "Iq<Set, DiscoItemsQuery>: a disco#items query is sent in a get and answered in a result (XEP-0030 4.1)");
    }
};
template <>
struct reply_rule<DiscoInfoQuery> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<DiscoInfoQuery, R>,
                      "make_result(disco#info query, reply): a disco#info get is answered by a DiscoInfoQuery (XEP-0030 3.1)");
    }
};
template <>
struct reply_rule<DiscoItemsQuery> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<DiscoItemsQuery, R>,
                      "make_result(disco#items query, reply): a disco#items get is answered by a DiscoItemsQuery (XEP-0030 4.1)");
    }
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_DISCO_HPP
