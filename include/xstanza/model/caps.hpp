// xstanza: Entity Capabilities (XEP-0115), the model: the <c/> a client puts in its presence
// to name, by a hash, the service discovery answer (model/disco.hpp) it would give. Plain
// data, no XML; the codec is codec/caps.hpp.
#ifndef XSTANZA_MODEL_CAPS_HPP
#define XSTANZA_MODEL_CAPS_HPP

#include <optional>
#include <string_view>

#include "payload.hpp"

namespace xstanza {

/// XEP-0115 §11.1: the entity capabilities namespace.
inline constexpr std::string_view caps_ns = "http://jabber.org/protocol/caps";

/// XEP-0115 §4: <c xmlns='http://jabber.org/protocol/caps' hash node ver ext?/>. Views into
/// the parsed input, or strings the caller keeps alive.
///
/// The legacy format (XEP-0115 §13, before version 1.4 of the XEP) has no 'hash', and its
/// 'ver' is a software version, not a verification string. A receiver accepts it (§4: "applications
/// SHOULD appropriately handle the Legacy Format"), with `hash` empty: legacy() tells, and
/// §5.4 step 1 says to ignore the 'ver' or treat it as legacy. A sender never writes it: the
/// current format REQUIRES 'hash' (§4), so serializing a Caps without one fails.
struct Caps {
    std::string_view hash;                  ///< REQUIRED: the hash function ("sha-1"), an NMTOKEN; empty: legacy format
    std::string_view node;                  ///< REQUIRED: a URI naming the software
    std::string_view ver;                   ///< REQUIRED: the verification string (§5.1)
    std::optional<std::string_view> ext{};  ///< DEPRECATED: feature bundles of the legacy format (§13), as written

    /// True for the legacy format: no 'hash' (XEP-0115 §13).
    constexpr bool legacy() const noexcept { return hash.empty(); }

    friend bool operator==(const Caps& a, const Caps& b) noexcept {
        return a.hash == b.hash && a.node == b.node && a.ver == b.ver && a.ext == b.ext;
    }
    friend bool operator!=(const Caps& a, const Caps& b) noexcept { return !(a == b); }
};

/// XEP-0115 §4: a <c/> rides on a <presence/> (§6.1), never in a message or an IQ.
template <>
struct payload_traits<Caps> {
    ///@{
    /// The element's name and namespace; which IQ types (in_get, in_set, in_result) and, when
    /// named, which stanzas (in_message, in_presence) may carry it.
    static constexpr std::string_view name = "c";
    static constexpr std::string_view ns = caps_ns;
    static constexpr bool in_get = false, in_set = false, in_result = false;
    static constexpr bool in_message = false;
    static constexpr bool in_presence = true;
    ///@}
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_CAPS_HPP
