// xstanza: the payload of an IQ whose type is known only at run time: none, one of the
// payload types AnyIq decodes (registered: basic_any_payload's parameters), or any other
// element kept opaque, as its bytes. Plain data, no XML.
#ifndef XSTANZA_MODEL_ANY_PAYLOAD_HPP
#define XSTANZA_MODEL_ANY_PAYLOAD_HPP

#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "detail/views.hpp"
#include "payload.hpp"

namespace xstanza {

namespace detail {
struct opaque_access;
}  // namespace detail

/// A payload xstanza does not model, kept as it came: its name, its namespace and its
/// exact bytes in the parsed buffer (which serialize writes back unchanged). To build
/// one, give name, ns and well-formed XML text of the element with its xmlns (serialize
/// checks such bytes; those a parse kept were checked by the parse).
struct OpaqueElement {
    OpaqueElement() noexcept = default;
    /// An element named `name_` in namespace `ns_` whose bytes are `xml_` (kept as views).
    OpaqueElement(std::string_view name_, std::string_view ns_, std::string_view xml_) noexcept
        : name(name_), ns(ns_), xml(xml_) {}
    /// Not from a temporary std::string: name, ns and xml are kept as views.
    template <class N, class S, class X,
              std::enable_if_t<detail::all_views_v<N, S, X> && detail::any_temporary_string_v<N, S, X>, int> = 0>
    OpaqueElement(N&&, S&&, X&&) noexcept {
        static_assert(detail::dependent_false_v<N>,
                      "OpaqueElement(name, ns, xml): the element keeps views of its three strings, and a temporary "
                      "std::string is destroyed at the end of the statement; pass strings that outlive the element");
    }

    /// the element's local name
    std::string_view name;
    /// the element's namespace
    std::string_view ns;
    std::string_view xml;  ///< the element's bytes, from '<' to the final '>'

    friend bool operator==(const OpaqueElement& a, const OpaqueElement& b) noexcept {
        return a.name == b.name && a.ns == b.ns && a.xml == b.xml;
    }
    friend bool operator!=(const OpaqueElement& a, const OpaqueElement& b) noexcept { return !(a == b); }

private:
    friend struct detail::opaque_access;
    bool parsed_ = false;  // the bytes came from a parse, which checked them
};

struct RosterQuery;

/// The payload of an AnyIq: empty, one of the registered payload types Ps (decoded, as
/// Iq<Type, P> would decode it), or an OpaqueElement. Parser::cast turns it into any typed
/// payload.
template <class... Ps>
class basic_any_payload {
public:
    basic_any_payload() noexcept = default;
    /// An opaque payload.
    basic_any_payload(OpaqueElement e) noexcept : v_(e) {}
    template <class P, std::enable_if_t<(std::is_same_v<P, Ps> || ...), int> = 0>
    /// A decoded payload of one of the registered types.
    basic_any_payload(P p) noexcept : v_(std::move(p)) {}

    /// True when the IQ has no payload (a result or an error may have none).
    bool empty() const noexcept { return std::holds_alternative<std::monostate>(v_); }
    /// True when the payload is kept as an OpaqueElement.
    bool is_opaque() const noexcept { return std::holds_alternative<OpaqueElement>(v_); }
    /// The opaque element, or null.
    const OpaqueElement* opaque() const noexcept { return std::get_if<OpaqueElement>(&v_); }
    /// True when it holds the registered payload type P (false for a type not registered).
    template <class P>
    bool holds() const noexcept { return get<P>() != nullptr; }
    /// The registered payload of type P, or null (always, for a type not registered).
    template <class P>
    const P* get() const noexcept {
        if constexpr ((std::is_same_v<P, Ps> || ...)) return std::get_if<P>(&v_);
        else return nullptr;
    }
    /// Thin helpers for the roster, the registered payload of AnyPayload.
    template <class Q = RosterQuery>
    bool is_roster() const noexcept { return holds<Q>(); }
    /// The roster result, when that is the payload; null otherwise (get<RosterQuery>()).
    template <class Q = RosterQuery>
    const Q* roster() const noexcept { return get<Q>(); }

    /// Element name of the payload ("" when empty).
    std::string_view name() const noexcept {
        return std::visit([](const auto& p) { return identity(p).first; }, v_);
    }
    /// Namespace of the payload ("" when empty).
    std::string_view ns() const noexcept {
        return std::visit([](const auto& p) { return identity(p).second; }, v_);
    }
    /// Makes it hold a default-constructed P (one of Ps), to be filled in place.
    template <class P>
    P& emplace() noexcept(std::is_nothrow_default_constructible_v<P>) {
        return v_.template emplace<P>();
    }
    /// Calls f with the payload: std::monostate, OpaqueElement, or one of Ps.
    template <class F>
    decltype(auto) visit(F&& f) const { return std::visit(std::forward<F>(f), v_); }

    friend bool operator==(const basic_any_payload& a, const basic_any_payload& b) noexcept { return a.v_ == b.v_; }
    friend bool operator!=(const basic_any_payload& a, const basic_any_payload& b) noexcept { return !(a == b); }

private:
    using names = std::pair<std::string_view, std::string_view>;
    static names identity(std::monostate) noexcept { return {}; }
    static names identity(const OpaqueElement& o) noexcept { return {o.name, o.ns}; }
    template <class P>
    static names identity(const P&) noexcept { return {payload_traits<P>::name, payload_traits<P>::ns}; }

    std::variant<std::monostate, OpaqueElement, Ps...> v_;
};

/// Whether T is a basic_any_payload (checked at run time rather than at compile time).
template <class T> struct is_any_payload : std::false_type {};
template <class... Ps> struct is_any_payload<basic_any_payload<Ps...>> : std::true_type {};
/// True when T is a basic_any_payload (AnyPayload).
template <class T> inline constexpr bool is_any_payload_v = is_any_payload<T>::value;

}  // namespace xstanza

#endif  // XSTANZA_MODEL_ANY_PAYLOAD_HPP
