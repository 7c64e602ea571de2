// xstanza: what makes a type an IQ payload. This is the extension point: a payload
// type P becomes usable in Iq<Type, P> by specialising payload_traits<P> (identity and
// placement, no XML), and becomes parseable and serializable by specialising
// payload_parser<P> (parse.hpp) and payload_serializer<P> (serialize.hpp).
#ifndef XSTANZA_PAYLOAD_HPP
#define XSTANZA_PAYLOAD_HPP

#include <string_view>
#include <type_traits>

namespace xstanza {

/// Specialise for each payload type:
/// \code
/// template <> struct xstanza::payload_traits<Ping> {
///     static constexpr std::string_view name = "ping";          // element name
///     static constexpr std::string_view ns = "urn:xmpp:ping";   // its namespace
///     static constexpr bool in_get = true;                       // may be a get's payload
///     static constexpr bool in_set = false;                      // may be a set's payload
///     static constexpr bool in_result = false;                   // may be a result's payload
/// };
/// \endcode
/// An error IQ may echo any payload that a get or set may carry (RFC 6120 §8.3.1).
template <class P>
struct payload_traits;

/// True when payload_traits<P> is specialised.
template <class P, class = void>
struct is_payload : std::false_type {};
template <class P>
struct is_payload<P, std::void_t<decltype(payload_traits<P>::name), decltype(payload_traits<P>::ns)>>
    : std::true_type {};
template <class P>
inline constexpr bool is_payload_v = is_payload<P>::value;

}  // namespace xstanza

#endif  // XSTANZA_PAYLOAD_HPP
