// xstanza: the extension elements of a <message/> or <presence/> (RFC 6120 §8.4: "any child
// element that is qualified by a namespace other than the default namespace"), any number of
// them: those the stanza's type names decoded through the extension point (payload_traits,
// payload_parser, payload_serializer, as IQ payloads are), every other one kept opaque,
// never rejected. Plain data, no XML.
#ifndef XSTANZA_MODEL_EXTENSIONS_HPP
#define XSTANZA_MODEL_EXTENSIONS_HPP

#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "any_payload.hpp"
#include "payload.hpp"
#include "span.hpp"

namespace xstanza {

namespace detail {
template <class P, class = void> struct traits_in_message : std::false_type {};
template <class P>
struct traits_in_message<P, std::void_t<decltype(payload_traits<P>::in_message)>>
    : std::bool_constant<payload_traits<P>::in_message> {};
template <class P, class = void> struct traits_in_presence : std::false_type {};
template <class P>
struct traits_in_presence<P, std::void_t<decltype(payload_traits<P>::in_presence)>>
    : std::bool_constant<payload_traits<P>::in_presence> {};
}  // namespace detail

/// True when payload_traits<P> says P may extend a <message/> (`in_message = true`).
template <class P> inline constexpr bool is_message_extension_v = detail::traits_in_message<P>::value;
/// True when payload_traits<P> says P may extend a <presence/> (`in_presence = true`).
template <class P> inline constexpr bool is_presence_extension_v = detail::traits_in_presence<P>::value;

/// The extension elements a stanza keeps as they came (or a caller built): a view of a list
/// the Parser or the caller owns.
using extension_list = span<const OpaqueElement>;

namespace detail {
template <class P, class... Ps> inline constexpr bool is_one_of_v = (std::is_same_v<P, Ps> || ...);

/// The typed extensions Exts... of a message or presence: each one present or not. A parse
/// decodes the first child matching each; further ones stay opaque.
template <class... Exts>
class typed_extensions {
public:
    /// The extension of type P (one of the stanza's Exts), if present.
    template <class P>
    const std::optional<P>& get() const noexcept {
        static_assert(is_one_of_v<P, Exts...>, "get<P>(): P is not one of this stanza's typed extensions");
        return std::get<std::optional<P>>(ext_);
    }
    template <class P>
    std::optional<P>& get() noexcept {
        static_assert(is_one_of_v<P, Exts...>, "get<P>(): P is not one of this stanza's typed extensions");
        return std::get<std::optional<P>>(ext_);
    }
    /// Sets the extension of type P.
    template <class P>
    void set(P p) {
        get<P>() = std::move(p);
    }
    /// Calls f(std::optional<P>&) for each typed extension, in order.
    template <class F>
    void each_extension(F&& f) {
        std::apply([&](auto&... o) { (f(o), ...); }, ext_);
    }
    template <class F>
    void each_extension(F&& f) const {
        std::apply([&](const auto&... o) { (f(o), ...); }, ext_);
    }

protected:
    bool same_extensions(const typed_extensions& o) const noexcept { return ext_ == o.ext_; }

private:
    std::tuple<std::optional<Exts>...> ext_{};
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_EXTENSIONS_HPP
