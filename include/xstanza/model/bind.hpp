// xstanza: Resource Binding (RFC 6120 §7), the model: the <bind/> a client sends in a set
// (empty, or naming the resource it wants) and the server answers in a result (the full JID
// it bound). Plain data, no XML; the codec is codec/bind.hpp.
#ifndef XSTANZA_MODEL_BIND_HPP
#define XSTANZA_MODEL_BIND_HPP

#include <optional>
#include <string_view>
#include <tuple>

#include "jid.hpp"
#include "payload.hpp"

namespace xstanza {

/// RFC 6120 §7.1: the resource binding namespace.
inline constexpr std::string_view bind_ns = "urn:ietf:params:xml:ns:xmpp-bind";

/// RFC 6120 §7: <bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>.
/// In a set: empty (§7.6: the server generates the resource) or with `resource` (§7.7: the
/// client submits one, a valid resourcepart, RFC 7622 §3.4). In a result: `jid`, the full JID
/// the server bound (§7.6.1, §7.7.1). Views into the parsed input, or strings the caller
/// keeps alive.
struct Bind {
    std::optional<std::string_view> resource{};  ///< <resource/>: the requested resourcepart (set)
    std::optional<Jid> jid{};                    ///< <jid/>: the bound full JID (result)

    friend bool operator==(const Bind& a, const Bind& b) noexcept { return a.resource == b.resource && a.jid == b.jid; }
    friend bool operator!=(const Bind& a, const Bind& b) noexcept { return !(a == b); }
};

/// RFC 6120 §7.6, §7.7: the request is a set, the answer a result carrying <bind/> again.
template <>
struct payload_traits<Bind> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "bind";
    static constexpr std::string_view ns = bind_ns;
    static constexpr bool in_get = false, in_set = true, in_result = true;
    ///@}
    using replies = std::tuple<Bind>;  ///< RFC 6120 §7.6.1: the result's <bind/> carries the <jid/>
};

namespace detail {
template <>
struct placement_rule<Bind> {
    template <class Type>
    static constexpr void check() {
        static_assert(Type::name != std::string_view("get"),
                      "Iq<Get, Bind>: a client binds a resource with a set (RFC 6120 7.6, 7.7)");
    }
};
template <>
struct reply_rule<Bind> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<Bind, R>,
                      "make_result(bind, reply): a bind set is answered by a Bind carrying the full JID (RFC 6120 7.6.1)");
    }
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_BIND_HPP
