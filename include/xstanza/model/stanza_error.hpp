// xstanza: stanza errors (RFC 6120 §8.3). Plain data, no XML.
#ifndef XSTANZA_MODEL_STANZA_ERROR_HPP
#define XSTANZA_MODEL_STANZA_ERROR_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "detail/names.hpp"
#include "detail/views.hpp"
#include "jid.hpp"

namespace xstanza {

/// RFC 6120 §8.3.2: the 'type' attribute of <error/>.
enum class ErrorType : unsigned char { auth, cancel, continue_, modify, wait };

/// RFC 6120 §8.3.3: the 22 defined conditions, in the RFC's order.
enum class Condition : unsigned char {
    bad_request, conflict, feature_not_implemented, forbidden, gone, internal_server_error,
    item_not_found, jid_malformed, not_acceptable, not_allowed, not_authorized, policy_violation,
    recipient_unavailable, redirect, registration_required, remote_server_not_found,
    remote_server_timeout, resource_constraint, service_unavailable, subscription_required,
    undefined_condition, unexpected_request,
};

/// RFC 6120 §8.3.2: the namespace of defined conditions and <text/>.
inline constexpr std::string_view stanzas_ns = "urn:ietf:params:xml:ns:xmpp-stanzas";

/// The defined conditions' element names, indexed by Condition.
inline constexpr std::array<std::string_view, 22> condition_names = {
    "bad-request", "conflict", "feature-not-implemented", "forbidden", "gone", "internal-server-error",
    "item-not-found", "jid-malformed", "not-acceptable", "not-allowed", "not-authorized", "policy-violation",
    "recipient-unavailable", "redirect", "registration-required", "remote-server-not-found",
    "remote-server-timeout", "resource-constraint", "service-unavailable", "subscription-required",
    "undefined-condition", "unexpected-request",
};

/// The 'type' values, indexed by ErrorType.
inline constexpr std::array<std::string_view, 5> error_type_names = {"auth", "cancel", "continue", "modify", "wait"};

/// The element name of a condition ("item-not-found"); empty for a value outside the
/// enumeration (a cast from a number), which the serializer then refuses.
constexpr std::string_view to_string(Condition c) noexcept { return detail::name_at(condition_names, std::size_t(c)); }
/// The attribute value of an error type ("cancel"); empty outside the enumeration.
constexpr std::string_view to_string(ErrorType t) noexcept { return detail::name_at(error_type_names, std::size_t(t)); }

/// The condition named `name`, if it is one of the 22.
constexpr std::optional<Condition> condition_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < condition_names.size(); ++i)
        if (condition_names[i].size() == name.size() && condition_names[i] == name) return Condition(i);
    return std::nullopt;
}
/// The error type named `name`, if it is one of the five.
constexpr std::optional<ErrorType> error_type_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < error_type_names.size(); ++i)
        if (error_type_names[i].size() == name.size() && error_type_names[i] == name) return ErrorType(i);
    return std::nullopt;
}

/// RFC 6120 §8.3.3 gives each condition the type it usually goes with; the legacy
/// mapping below and make_error's one-argument form use it.
constexpr ErrorType default_type(Condition c) noexcept {
    switch (c) {
    case Condition::forbidden: case Condition::not_authorized: case Condition::registration_required:
    case Condition::subscription_required:
        return ErrorType::auth;
    case Condition::bad_request: case Condition::jid_malformed:
    case Condition::not_acceptable: case Condition::policy_violation: case Condition::redirect:
        return ErrorType::modify;
    case Condition::recipient_unavailable:
    case Condition::remote_server_timeout: case Condition::resource_constraint: case Condition::unexpected_request:
        return ErrorType::wait;
    // gone (§8.3.3.5) and internal-server-error (§8.3.3.6) SHOULD be cancel, with the rest.
    default:
        return ErrorType::cancel;
    }
}

/// What XEP-0086 §4 maps a legacy numeric error 'code' to.
struct LegacyError {
    /// The defined condition.
    Condition condition;
    /// The error type.
    ErrorType type;
};

/// XEP-0086 §4: the legacy (jabber:iq:* era) numeric codes old servers still send.
/// Returns nothing for codes the XEP does not list.
constexpr std::optional<LegacyError> legacy_error(unsigned code) noexcept {
    switch (code) {
    case 302: return LegacyError{Condition::redirect, ErrorType::modify};
    case 400: return LegacyError{Condition::bad_request, ErrorType::modify};
    case 401: return LegacyError{Condition::not_authorized, ErrorType::auth};
    // 402 was payment-required, which RFC 6120 dropped; its successor for "not allowed
    // until the entity pays" is policy-violation (RFC 6120 §8.3.3.12).
    case 402: return LegacyError{Condition::policy_violation, ErrorType::auth};
    case 403: return LegacyError{Condition::forbidden, ErrorType::auth};
    case 404: return LegacyError{Condition::item_not_found, ErrorType::cancel};
    case 405: return LegacyError{Condition::not_allowed, ErrorType::cancel};
    case 406: return LegacyError{Condition::not_acceptable, ErrorType::modify};
    case 407: return LegacyError{Condition::registration_required, ErrorType::auth};
    case 408: return LegacyError{Condition::remote_server_timeout, ErrorType::wait};
    case 409: return LegacyError{Condition::conflict, ErrorType::cancel};
    case 500: return LegacyError{Condition::internal_server_error, ErrorType::wait};
    case 501: return LegacyError{Condition::feature_not_implemented, ErrorType::cancel};
    case 502: return LegacyError{Condition::service_unavailable, ErrorType::wait};
    case 503: return LegacyError{Condition::service_unavailable, ErrorType::cancel};
    case 504: return LegacyError{Condition::remote_server_timeout, ErrorType::wait};
    case 510: return LegacyError{Condition::service_unavailable, ErrorType::cancel};
    default: return std::nullopt;
    }
}

/// An application-specific condition (RFC 6120 §8.3.2): an empty element in a
/// namespace other than urn:ietf:params:xml:ns:xmpp-stanzas, e.g.
/// <unsupported xmlns='http://jabber.org/protocol/pubsub#errors' feature='...'/> is
/// kept as name + namespace (its attributes are not modelled).
struct AppCondition {
    /// The element's local name ("unsupported").
    std::string_view name;
    /// Its namespace, never the stanza-errors namespace.
    std::string_view ns;
    friend constexpr bool operator==(const AppCondition& a, const AppCondition& b) noexcept {
        return a.name == b.name && a.ns == b.ns;
    }
};

/// RFC 6120 §8.3.2 <error/>: a type, exactly one defined condition, optional
/// descriptive text with its language, an optional application-specific condition,
/// and the optional 'by' JID of the entity that returned the error.
/// `uri` is the XMPP URI that <gone/> and <redirect/> may carry (RFC 6120 §8.3.3.5,
/// §8.3.3.14); it must be empty for every other condition.
struct StanzaError {
    /// The 'type' attribute: how to go on (RFC 6120 §8.3.2).
    ErrorType type;
    /// The one defined condition (RFC 6120 §8.3.3).
    Condition condition;
    kept_view uri{};                        ///< <gone/>/<redirect/> content
    std::optional<kept_view> text{};        ///< <text/> content
    kept_view text_lang{};                  ///< xml:lang of <text/>, empty if absent
    std::optional<AppCondition> app{};      ///< application-specific condition
    std::optional<Jid> by{};                ///< 'by' attribute (RFC 6120 §8.3.2)
    std::optional<unsigned> legacy_code{};  ///< XEP-0086 'code' read from an old server; never written
    /// The name of a condition element the receiver did not know (RFC 6120 §8.3.2: treated as
    /// <undefined-condition/>, which `condition` then is): "payment-required". Empty when the
    /// condition was a defined one; never written (a sender uses defined conditions only).
    std::string_view unknown_condition{};

    /// An error with a type and a condition: the two things RFC 6120 §8.3.2 requires.
    constexpr StanzaError(ErrorType t, Condition c) noexcept : type(t), condition(c) {}
    /// An error with the condition's usual type (RFC 6120 §8.3.3).
    constexpr explicit StanzaError(Condition c) noexcept : type(default_type(c)), condition(c) {}

    /// Value equality, legacy_code and unknown_condition aside (information about the wire
    /// form only, which serialize never writes).
    friend bool operator==(const StanzaError& a, const StanzaError& b) noexcept {
        return a.type == b.type && a.condition == b.condition && a.uri == b.uri && a.text == b.text &&
               a.text_lang == b.text_lang && a.app == b.app && a.by == b.by;
    }
    friend bool operator!=(const StanzaError& a, const StanzaError& b) noexcept { return !(a == b); }
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_STANZA_ERROR_HPP
