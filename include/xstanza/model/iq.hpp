// xstanza: the <iq/> stanza (RFC 6120 §8.2.3), typed and runtime-typed. Plain data,
// no XML. The stanza type is part of the C++ type, so the rules of §8.2.3 that a type
// can carry are compile errors with a readable message.
#ifndef XSTANZA_MODEL_IQ_HPP
#define XSTANZA_MODEL_IQ_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "detail/views.hpp"
#include "jid.hpp"
#include "any_payload.hpp"
#include "payload.hpp"
#include "roster.hpp"
#include "stanza_common.hpp"
#include "stanza_error.hpp"

namespace xstanza {

// Stanza type tags (RFC 6120 §8.2.3): get and set are requests, result and error answers.
/// The type tag of a get request (RFC 6120 §8.2.3): Iq<Get, P>.
struct Get { static constexpr std::string_view name = "get"; /**< the 'type' value */ };
/// The type tag of a set request (RFC 6120 §8.2.3): Iq<Set, P>.
struct Set { static constexpr std::string_view name = "set"; /**< the 'type' value */ };
/// The type tag of a result (RFC 6120 §8.2.3): Iq<Result> or Iq<Result, P>.
struct Result { static constexpr std::string_view name = "result"; /**< the 'type' value */ };

/// The runtime counterpart of the tags, for AnyIq.
enum class IqType : unsigned char { get, set, result, error };

/// The 'type' attribute value ("get").
constexpr std::string_view to_string(IqType t) noexcept {
    switch (t) {
    case IqType::get: return "get";
    case IqType::set: return "set";
    case IqType::result: return "result";
    case IqType::error: return "error";
    }
    return "";
}

/// The IqType of a tag.
template <class Type> inline constexpr IqType iq_type_of = IqType::get;
/// IqType::set for Set.
template <> inline constexpr IqType iq_type_of<Set> = IqType::set;
/// IqType::result for Result.
template <> inline constexpr IqType iq_type_of<Result> = IqType::result;
/// IqType::error for Error.
template <> inline constexpr IqType iq_type_of<Error> = IqType::error;

/// The payload of an AnyIq: empty, a roster query (the payload AnyIq decodes; a roster get
/// has no items, a set or push one, a result any number), or any other element, kept opaque.
using AnyPayload = basic_any_payload<RosterQuery>;

namespace detail {

template <class T> inline constexpr bool is_iq_type_v =
    std::is_same_v<T, Get> || std::is_same_v<T, Set> || std::is_same_v<T, Result> || std::is_same_v<T, Error>;

// Where a payload type may go; AnyPayload goes anywhere (its content is checked at run time).
template <class P, class = void> struct placement {
    static constexpr bool get = true, set = true, result = true;
};
template <class P> struct placement<P, std::enable_if_t<is_payload_v<P>>> {
    static constexpr bool get = payload_traits<P>::in_get, set = payload_traits<P>::in_set,
                          result = payload_traits<P>::in_result;
};

template <class Type, class P>
constexpr bool check_iq() {
    static_assert(is_iq_type_v<Type>,
                  "Iq<Type, Payload>: Type must be one of the tags Get, Set, Result, Error (RFC 6120 8.2.3)");
    static_assert(!(std::is_same_v<Type, Get> && std::is_void_v<P>),
                  "Iq<Get, P>: a get IQ carries exactly one payload (RFC 6120 8.2.3); name it as P");
    static_assert(!(std::is_same_v<Type, Set> && std::is_void_v<P>),
                  "Iq<Set, P>: a set IQ carries exactly one payload (RFC 6120 8.2.3); name it as P");
    static_assert(!std::is_same_v<P, StanzaError>,
                  "Iq<Type, StanzaError>: an error is not a payload; an error IQ is Iq<Error> built from a StanzaError (RFC 6120 8.3)");
    static_assert(std::is_void_v<P> || is_any_payload_v<P> || is_payload_v<P>,
                  "Iq<Type, P>: P is not an IQ payload; specialise xstanza::payload_traits<P> (name, ns, in_get, in_set, in_result)");
    if constexpr (!std::is_void_v<P> && is_iq_type_v<Type>)
        placement_rule<P>::template check<Type>();  // e.g. model/roster.hpp
    return true;
}

// The placement payload_traits<P> gives, checked after the payload's own rule (check_iq), so
// that a payload's message citing its specification comes first.
template <class Type, class P>
constexpr bool check_iq_placement() {
    if constexpr (!std::is_void_v<P>) {
        static_assert(!std::is_same_v<Type, Get> || placement<P>::get,
                      "Iq<Get, P>: payload_traits<P>::in_get is false: this payload may not be a get's payload");
        static_assert(!std::is_same_v<Type, Set> || placement<P>::set,
                      "Iq<Set, P>: payload_traits<P>::in_set is false: this payload may not be a set's payload");
        static_assert(!std::is_same_v<Type, Result> || placement<P>::result,
                      "Iq<Result, P>: payload_traits<P>::in_result is false: this payload may not be a result's payload");
        static_assert(!std::is_same_v<Type, Error> || placement<P>::get || placement<P>::set,
                      "Iq<Error, P>: an error IQ may echo only the request's payload (RFC 6120 8.3.1), and P is no request payload");
    }
    return true;
}

template <class T> struct same_type { using type = T; };
// A parameter of type T that takes no part in deduction: (id, payload) converts to P.
template <class T> using same_type_t = typename same_type<T>::type;

// The argument lists Iq<Type, P>'s constructors take after the id (A as deduced from A&&).
template <class Type, class P, class... A>
constexpr bool iq_args_ok() {
    constexpr std::size_t n = sizeof...(A);
    if constexpr (std::is_same_v<Type, Error>) {
        if constexpr (n == 1) return (std::is_convertible_v<A, StanzaError> && ...);
        else if constexpr (n == 2 && !std::is_void_v<P>)
            return std::is_convertible_v<std::tuple_element_t<0, std::tuple<A...>>, StanzaError> &&
                   std::is_convertible_v<std::tuple_element_t<1, std::tuple<A...>>, P>;
        else return false;
    } else if constexpr (std::is_void_v<P>) {
        return n == 0 && std::is_same_v<Type, Result>;
    } else if constexpr (n == 1) {
        return (std::is_convertible_v<A, P> && ...);
    } else {
        return false;
    }
}

// The body a misused constructor initialises, so that its static_assert is the only error.
template <class Type, class P> struct iq_body;
template <class Type, class P>
iq_body<Type, P> iq_misuse_body() noexcept;

// The body: a payload for get/set/result, an error (and optional echoed payload) for error.
template <class Type, class P> struct iq_body {
    P payload;
};
template <class Type> struct iq_body<Type, void> {};
template <class P> struct iq_body<Error, P> {
    explicit iq_body(StanzaError e) noexcept : error(e) {}
    iq_body(StanzaError e, P echoed) : error(e), payload(std::move(echoed)) {}
    StanzaError error;
    std::optional<P> payload;   ///< the request's payload, echoed (RFC 6120 §8.3.1)
};
template <> struct iq_body<Error, void> {
    explicit iq_body(StanzaError e) noexcept : error(e) {}
    StanzaError error;
};

}  // namespace detail

/// An IQ stanza of compile-time type `Type` (Get, Set, Result, Error) with payload `P`
/// (void: none). Strings are views; see the parse functions for their lifetime.
///
///  - `Iq<Get, P>`, `Iq<Set, P>`: a request with exactly one payload.
///  - `Iq<Result>` or `Iq<Result, P>`: an answer with zero or one payload.
///  - `Iq<Error>` or `Iq<Error, P>`: an answer with a StanzaError, optionally echoing the
///    request's payload P.
template <class Type, class P = void>
class Iq : public detail::iq_body<Type, P> {
    static_assert(detail::check_iq<Type, P>(), "see the message above");
    static_assert(detail::check_iq_placement<Type, P>(), "see the message above");

    // Type, made dependent on a constructor's parameter (so a static_assert waits for the call).
    template <class>
    using T_of = Type;

public:
    /// The type tag: Get, Set, Result or Error.
    using type_tag = Type;
    /// The payload type P (void: none).
    using payload_type = P;
    /// The IQ's type at run time (iq_type_of<Type>).
    static constexpr IqType type = iq_type_of<Type>;

    kept_view id;                 ///< RFC 6120 §8.2.3: required, pairs the answer with its request
    std::optional<Jid> from{};    ///< RFC 6120 §8.1.2.1
    std::optional<Jid> to{};      ///< RFC 6120 §8.1.1
    kept_view lang{};             ///< xml:lang of the stanza (RFC 6120 §8.1.5), empty when absent

    /// A get, set or result with its payload.
    template <class Q = P, class T = Type,
              std::enable_if_t<!std::is_void_v<Q> && !std::is_same_v<T, Error>, int> = 0>
    Iq(std::string_view id_, detail::same_type_t<Q> payload_) : detail::iq_body<Type, P>{std::move(payload_)}, id(id_) {}

    /// A result without payload.
    template <class Q = P, class T = Type,
              std::enable_if_t<std::is_void_v<Q> && std::is_same_v<T, Result>, int> = 0>
    explicit Iq(std::string_view id_) : id(id_) {}

    /// An error; the StanzaError is required (RFC 6120 §8.3.1).
    template <class T = Type, std::enable_if_t<std::is_same_v<T, Error>, int> = 0>
    Iq(std::string_view id_, StanzaError error_) : detail::iq_body<Type, P>(error_), id(id_) {}

    /// An error echoing the request's payload (RFC 6120 §8.3.1).
    template <class Q = P, class T = Type,
              std::enable_if_t<!std::is_void_v<Q> && std::is_same_v<T, Error>, int> = 0>
    Iq(std::string_view id_, StanzaError error_, detail::same_type_t<Q> echoed)
        : detail::iq_body<Type, P>(error_, std::move(echoed)), id(id_) {}

    /// Every other construction from an id: the best match for any argument list the
    /// constructors above do not take, and for an id that is a temporary std::string (the IQ
    /// keeps a view), so that the first error is the rule, not a list of candidates.
    template <class I, class... A,
              std::enable_if_t<std::is_convertible_v<I, std::string_view> &&
                                   (detail::is_temporary_string_v<I> || !detail::iq_args_ok<Type, P, A...>()),
                               int> = 0>
    Iq(I&&, A&&...) : detail::iq_body<Type, P>(detail::iq_misuse_body<Type, P>()) {
        static_assert(!detail::is_temporary_string_v<I>,
                      "Iq(id, ...): the IQ keeps its id as a std::string_view, and this std::string is a temporary "
                      "destroyed at the end of the statement; keep the id in a variable that outlives the IQ");
        static_assert(!std::is_same_v<T_of<I>, Error> || detail::iq_args_ok<Type, P, A...>(),
                      "Iq<Error>: an error IQ needs a StanzaError: Iq<Error>(id, StanzaError(condition)), or "
                      "Iq<Error, P>(id, error, request_payload) to echo the request (RFC 6120 8.3.1)");
        static_assert(!(std::is_same_v<T_of<I>, Get> || std::is_same_v<T_of<I>, Set>) || sizeof...(A) != 0,
                      "Iq<Get, P> / Iq<Set, P>: a request carries exactly one payload (RFC 6120 8.2.3): "
                      "construct it as Iq<Type, P>(id, payload)");
        static_assert(!std::is_same_v<T_of<I>, Result> || std::is_void_v<P> || sizeof...(A) != 0,
                      "Iq<Result, P>(id, payload): pass the payload, or use Iq<Result>(id) for the empty result");
        static_assert(!std::is_same_v<T_of<I>, Result> || !std::is_void_v<P> || sizeof...(A) == 0,
                      "Iq<Result>(id): the empty result carries no payload; a result with one is "
                      "Iq<Result, P>(id, payload) (make_result(request, payload) builds it)");
        static_assert(std::is_same_v<T_of<I>, Error> || std::is_void_v<P> || sizeof...(A) != 1,
                      "Iq<Type, P>(id, payload): the payload is not a P; the payload's type is part of the IQ's "
                      "type: a payload of type Q goes in an Iq<Type, Q>");
        static_assert(detail::iq_args_ok<Type, P, A...>(),
                      "Iq<Type, P>: the constructors are (id, payload) for a get, set or result with a payload, "
                      "(id) for the empty result, (id, StanzaError[, request_payload]) for an error");
    }

    /// Sets 'to' and returns *this, for building in one expression.
    Iq& set_to(const Jid& j) & noexcept { to = j; return *this; }
    /// Sets `from` and returns the IQ, for chaining.
    Iq& set_from(const Jid& j) & noexcept { from = j; return *this; }

    friend bool operator==(const Iq& a, const Iq& b) noexcept {
        if (a.id != b.id || a.from != b.from || a.to != b.to || a.lang != b.lang) return false;
        if constexpr (std::is_same_v<Type, Error>) {
            if (a.error != b.error) return false;
        }
        if constexpr (!std::is_void_v<P>) {
            if (!(a.payload == b.payload)) return false;
        }
        return true;
    }
    friend bool operator!=(const Iq& a, const Iq& b) noexcept { return !(a == b); }
};

namespace detail {
template <class Type>
constexpr void check_answerable() {
    static_assert(std::is_same_v<Type, Get> || std::is_same_v<Type, Set>,
                  "make_result/make_error: only a get or set request is answered; a result or error IQ is never answered (RFC 6120 8.2.3)");
}
// make_result's check of the reply payload R (void: none) against the request's payload P.
// An AnyPayload, on either side, is checked at run time instead.
template <class Type, class P, class R>
constexpr void check_reply() {
    if constexpr ((std::is_same_v<Type, Get> || std::is_same_v<Type, Set>) && !is_any_payload_v<P> &&
                  !is_any_payload_v<R> && !std::is_void_v<P>)
        reply_rule<P>::template check<R>();
}
}  // namespace detail

/// The empty result that acknowledges a get or set: same id, from/to swapped. Compiles only
/// when payload_traits<P>::replies allows the empty result (void), or lists no replies.
template <class Type, class P>
Iq<Result> make_result(const Iq<Type, P>& request) {
    detail::check_answerable<Type>();
    detail::check_reply<Type, P, void>();
    Iq<Result> r(request.id);
    detail::address_reply(r, request);
    return r;
}

/// A result carrying a payload (e.g. a RosterQuery answering a roster get). Compiles only
/// when payload_traits<P>::replies lists R, or lists no replies.
template <class R, class Type, class P>
Iq<Result, R> make_result(const Iq<Type, P>& request, R payload) {
    detail::check_answerable<Type>();
    detail::check_reply<Type, P, R>();
    Iq<Result, R> r(request.id, std::move(payload));
    detail::address_reply(r, request);
    return r;
}

/// An error answer to a get or set: same id, from/to swapped, no payload echoed.
template <class Type, class P>
Iq<Error> make_error(const Iq<Type, P>& request, StanzaError error) {
    detail::check_answerable<Type>();
    Iq<Error> r(request.id, error);
    detail::address_reply(r, request);
    return r;
}

/// An error answer that echoes the request's payload (RFC 6120 §8.3.1 allows it).
template <class Type, class P>
Iq<Error, P> make_error_echo(const Iq<Type, P>& request, StanzaError error) {
    detail::check_answerable<Type>();
    static_assert(!std::is_void_v<P>, "make_error_echo: the request has no payload to echo");
    Iq<Error, P> r(request.id, error, request.payload);
    detail::address_reply(r, request);
    return r;
}

/// An IQ whose type is known only at run time: what a receiver parses when it
/// accepts whatever arrives. visit() hands it to typed code.
struct AnyIq {
    // User-provided, so that value-initialization (a result made in place) runs the member
    // initializers below without first zeroing all of the object.
    AnyIq() noexcept {}

    /// The 'type' attribute.
    IqType type = IqType::get;
    /// The 'id' attribute (RFC 6120 §8.2.3: required).
    kept_view id;
    /// The 'from' address, when present.
    std::optional<Jid> from{};
    /// The 'to' address, when present.
    std::optional<Jid> to{};
    /// The stanza's xml:lang, explicit or inherited from the stream; empty when none.
    kept_view lang{};
    AnyPayload payload{};                 ///< empty only for result and error
    std::optional<StanzaError> error{};   ///< set exactly when type is error

    /// Calls f with the typed view: Iq<Get, AnyPayload>, Iq<Set, AnyPayload>,
    /// Iq<Result, AnyPayload> (payload may be empty) or Iq<Error, AnyPayload>.
    template <class F>
    decltype(auto) visit(F&& f) const {
        switch (type) {
        case IqType::get: return std::forward<F>(f)(typed<Get>());
        case IqType::set: return std::forward<F>(f)(typed<Set>());
        case IqType::result: return std::forward<F>(f)(typed<Result>());
        case IqType::error: default: return std::forward<F>(f)(typed<Error>());
        }
    }

    friend bool operator==(const AnyIq& a, const AnyIq& b) noexcept {
        return a.type == b.type && a.id == b.id && a.from == b.from && a.to == b.to && a.lang == b.lang &&
               a.payload == b.payload && a.error == b.error;
    }
    friend bool operator!=(const AnyIq& a, const AnyIq& b) noexcept { return !(a == b); }

private:
    template <class Type>
    Iq<Type, AnyPayload> typed() const {
        if constexpr (std::is_same_v<Type, Error>) {
            Iq<Error, AnyPayload> r(id, error.value_or(StanzaError(Condition::undefined_condition)));
            if (!payload.empty()) r.payload = payload;
            copy_header(r);
            return r;
        } else {
            Iq<Type, AnyPayload> r(id, payload);
            copy_header(r);
            return r;
        }
    }
    template <class T>
    void copy_header(T& r) const {
        r.from = from;
        r.to = to;
        r.lang = lang;
    }
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_IQ_HPP
