// xstanza: what makes a type an IQ payload. This is the extension point: a payload
// type P becomes usable in Iq<Type, P> by specialising payload_traits<P> (identity and
// placement, no XML), and becomes parseable and serializable by specialising
// payload_parser<P> and payload_serializer<P> (declared here, their forms below). The
// built-in payloads (codec/roster.hpp, codec/ping.hpp, codec/version.hpp) use the same
// three templates: the engine has no branch for any payload type.
#ifndef XSTANZA_MODEL_PAYLOAD_HPP
#define XSTANZA_MODEL_PAYLOAD_HPP

#include <string_view>
#include <tuple>
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
///     using replies = std::tuple<void>;                           // optional, see below
/// };
/// \endcode
/// An error IQ may echo any payload that a get or set may carry (RFC 6120 §8.3.1).
///
/// `replies` (optional, for a request payload) lists what a result answering it may carry,
/// `void` standing for the empty result (Iq<Result>): make_result(request[, payload]) compiles
/// only for those. Without `replies`, any result payload is accepted, as before the list existed.
/// Errors are not replies in this sense: make_error answers any request.
template <class P>
struct payload_traits;

/// True when payload_traits<P> is specialised.
template <class P, class = void>
struct is_payload : std::false_type {};
template <class P>
struct is_payload<P, std::void_t<decltype(payload_traits<P>::name), decltype(payload_traits<P>::ns)>>
    : std::true_type {};
/// True when P has payload_traits<P>.
template <class P>
inline constexpr bool is_payload_v = is_payload<P>::value;

/// Extension point, reading half: specialise for a payload type P (with payload_traits<P>),
/// with one of these static functions (xml/element.hpp, codec/context.hpp):
/// \code
/// template <> struct xstanza::payload_parser<Ping> {
///     static xstanza::result<Ping> parse(const xstanza::element& e) noexcept { return Ping{}; }
///     // or, for a payload whose rules depend on the IQ type, or which stores lists:
///     // static xstanza::codec_error parse(const xstanza::element& e, xstanza::payload_context& c, Ping& out) noexcept;
/// };
/// \endcode
/// xstanza has already checked that the element's name and namespace are payload_traits<P>'s.
/// Views taken from `e`, and lists kept in c.storage(), live as long as the parse result.
template <class P>
struct payload_parser;

/// Extension point, writing half: specialise for a payload type P (with payload_traits<P>):
/// \code
/// template <> struct xstanza::payload_serializer<Ping> {
///     static void write(const Ping&, xstanza::xml_writer& w) noexcept {
///         w.open("ping", "urn:xmpp:ping");
///         w.close();
///     }
///     // or: static void write(const Ping&, xstanza::xml_writer& w, const xstanza::write_context& c) noexcept;
/// };
/// \endcode
template <class P>
struct payload_serializer;

/// True when payload_parser<P> / payload_serializer<P> is specialised (a complete type): parsing
/// or serializing an Iq<Type, P> checks it first, and names what to specialise when it is not.
template <class P, class = void>
struct has_payload_parser : std::false_type {};
template <class P>
struct has_payload_parser<P, std::void_t<decltype(sizeof(payload_parser<P>))>> : std::true_type {};
template <class P, class = void>
struct has_payload_serializer : std::false_type {};
template <class P>
struct has_payload_serializer<P, std::void_t<decltype(sizeof(payload_serializer<P>))>> : std::true_type {};

namespace detail {
template <class R, class List> struct in_reply_list : std::false_type {};
template <class R, class... Rs>
struct in_reply_list<R, std::tuple<Rs...>> : std::bool_constant<(std::is_same_v<R, Rs> || ...)> {};
}  // namespace detail

/// True when a result carrying R (void: the empty result) may answer a request carrying P:
/// R is in payload_traits<P>::replies, or P declares no replies.
template <class P, class R, class = void>
struct is_reply : std::true_type {};
template <class P, class R>
struct is_reply<P, R, std::void_t<typename payload_traits<P>::replies>>
    : detail::in_reply_list<R, typename payload_traits<P>::replies> {};
/// True when a result carrying R (void: none) may answer a request carrying P (payload_traits<P>::replies).
template <class P, class R>
inline constexpr bool is_reply_v = is_reply<P, R>::value;

namespace detail {
/// A payload's own placement messages, citing its specification (Iq<Type, P>'s compile-time
/// check): checked before the generic ones, which payload_traits<P>'s in_get, in_set and
/// in_result decide. The built-in payloads specialise it.
template <class P>
struct placement_rule {
    template <class Type>
    static constexpr void check() {}
};

/// The compile-time check of make_result: check<R>() fails, naming the rule, when R does not
/// answer P. The built-in payloads specialise it to cite their specification.
template <class P>
struct reply_rule {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<P, R>,
                      "make_result(request, reply): the request's payload_traits<P>::replies does not list this reply "
                      "payload (void there stands for the empty result)");
    }
};
}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_MODEL_PAYLOAD_HPP
