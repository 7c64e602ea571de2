// xstanza: stream errors (RFC 6120 §4.9): the 25 conditions and what a received
// <stream:error/> says. Plain data, no XML; stream/stream_error_reader.hpp reads and writes
// the element.
#ifndef XSTANZA_MODEL_STREAM_ERROR_HPP
#define XSTANZA_MODEL_STREAM_ERROR_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "detail/names.hpp"
#include "error.hpp"
#include "stanza_error.hpp"

namespace xstanza {

/// RFC 6120 §4.9.2: the namespace of stream error conditions and their <text/>.
inline constexpr std::string_view stream_errors_ns = "urn:ietf:params:xml:ns:xmpp-streams";

/// RFC 6120 §4.9.3: the 25 defined stream error conditions, in the RFC's order.
enum class StreamCondition : unsigned char {
    bad_format, bad_namespace_prefix, conflict, connection_timeout, host_gone, host_unknown,
    improper_addressing, internal_server_error, invalid_from, invalid_namespace, invalid_xml,
    not_authorized, not_well_formed, policy_violation, remote_connection_failed, reset,
    resource_constraint, restricted_xml, see_other_host, system_shutdown, undefined_condition,
    unsupported_encoding, unsupported_feature, unsupported_stanza_type, unsupported_version,
};

/// The defined stream conditions' element names, indexed by StreamCondition.
inline constexpr std::array<std::string_view, 25> stream_condition_names = {
    "bad-format", "bad-namespace-prefix", "conflict", "connection-timeout", "host-gone", "host-unknown",
    "improper-addressing", "internal-server-error", "invalid-from", "invalid-namespace", "invalid-xml",
    "not-authorized", "not-well-formed", "policy-violation", "remote-connection-failed", "reset",
    "resource-constraint", "restricted-xml", "see-other-host", "system-shutdown", "undefined-condition",
    "unsupported-encoding", "unsupported-feature", "unsupported-stanza-type", "unsupported-version",
};

/// The element name of a stream error condition ("not-well-formed"); empty for a value
/// outside the enumeration.
constexpr std::string_view to_string(StreamCondition c) noexcept {
    return detail::name_at(stream_condition_names, std::size_t(c));
}
/// The condition named `name`, if it is one of the 25.
constexpr std::optional<StreamCondition> stream_condition_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < stream_condition_names.size(); ++i)
        if (stream_condition_names[i] == name) return StreamCondition(i);
    return std::nullopt;
}

/// RFC 6120 §4.9.2 <stream:error/>: a defined condition, optional text, an optional
/// application-specific condition. Plain data; views into the StreamReader.
struct StreamError {
    /// The defined condition (RFC 6120 §4.9.3).
    StreamCondition condition = StreamCondition::undefined_condition;
    /// False when the peer's <stream:error/> named no defined condition (RFC 6120 §4.9.2 requires
    /// one); `condition` is then undefined_condition.
    bool has_condition = false;
    std::optional<std::string_view> text{};  ///< <text/> content
    std::string_view text_lang{};            ///< xml:lang of <text/>, empty when absent
    std::string_view see_other_host{};       ///< content of <see-other-host/> (RFC 6120 §4.9.3.19)
    std::optional<AppCondition> app{};       ///< application-specific condition (RFC 6120 §4.9.4)
};

namespace detail {

// Which stream error a scanner code becomes (RFC 6120 §4.9.3).
constexpr StreamCondition stream_condition_for(errc code) noexcept {
    switch (code) {
    // RFC 6120 §11.1: comments, PIs, DTDs and entities other than the five -> restricted-xml
    case errc::forbidden_comment: case errc::forbidden_pi: case errc::forbidden_dtd: case errc::undefined_entity:
        return StreamCondition::restricted_xml;
    // RFC 6120 §13.12: local size, depth and attribute limits -> policy-violation (§4.9.3.14)
    case errc::input_too_large: case errc::depth_limit: case errc::attribute_limit:
        return StreamCondition::policy_violation;
    case errc::out_of_memory:
        return StreamCondition::resource_constraint;  // RFC 6120 §4.9.3.17
    default:
        // RFC 6120 §11.3: XML or namespace well-formedness -> not-well-formed (§4.9.3.13)
        return StreamCondition::not_well_formed;
    }
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_MODEL_STREAM_ERROR_HPP
