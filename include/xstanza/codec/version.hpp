// xstanza extension: Software Version (XEP-0092), a user-defined payload with content. As
// with the roster, the request and the answer are distinct C++ types, so that placement
// rules are compile errors: Iq<Get, ext::VersionQuery> asks, Iq<Result, ext::SoftwareVersion>
// answers.
#ifndef XSTANZA_CODEC_VERSION_HPP
#define XSTANZA_CODEC_VERSION_HPP

#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"

namespace xstanza {
namespace ext {

/// XEP-0092 §2: the software version namespace.
inline constexpr std::string_view version_ns = "jabber:iq:version";

/// XEP-0092 §2: the request, an empty <query xmlns='jabber:iq:version'/> in an IQ get.
struct VersionQuery {
    friend constexpr bool operator==(const VersionQuery&, const VersionQuery&) noexcept { return true; }
    friend constexpr bool operator!=(const VersionQuery&, const VersionQuery&) noexcept { return false; }
};

/// XEP-0092 §2: the answer in an IQ result. Views: into the parsed buffer, or strings the
/// caller keeps alive when building.
struct SoftwareVersion {
    kept_view name;                        ///< <name/>: REQUIRED, the software's natural-language name
    kept_view version;                     ///< <version/>: REQUIRED, its specific version
    std::optional<kept_view> os{};         ///< <os/>: OPTIONAL, the operating system
    friend bool operator==(const SoftwareVersion& a, const SoftwareVersion& b) noexcept {
        return a.name == b.name && a.version == b.version && a.os == b.os;
    }
    friend bool operator!=(const SoftwareVersion& a, const SoftwareVersion& b) noexcept { return !(a == b); }
};

}  // namespace ext

/// XEP-0092 §2: the empty query goes in a get.
template <>
struct payload_traits<ext::VersionQuery> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = ext::version_ns;
    static constexpr bool in_get = true, in_set = false, in_result = false;
    ///@}
    using replies = std::tuple<ext::SoftwareVersion>;   ///< the filled query (XEP-0092 §2)
};
namespace detail {
template <>
struct reply_rule<ext::VersionQuery> {
    template <class R>
    static constexpr void check() {
        static_assert(is_reply_v<ext::VersionQuery, R>,
                      "make_result(version query, reply): a software version query is answered by an ext::SoftwareVersion "
                      "(XEP-0092 2)");
    }
};
}  // namespace detail
/// XEP-0092 §2: the filled query goes in a result.
template <>
struct payload_traits<ext::SoftwareVersion> {
    ///@{
    /// The element's name and namespace, and which IQ types may carry it (in_get, in_set, in_result).
    static constexpr std::string_view name = "query";
    static constexpr std::string_view ns = ext::version_ns;
    static constexpr bool in_get = false, in_set = false, in_result = true;
    ///@}
};

/// The request must be empty (XEP-0092 §2).
template <>
struct payload_parser<ext::VersionQuery> {
    /// Reads the element into a ext::VersionQuery, checking its rules; an error names the first one broken.
    static result<ext::VersionQuery> parse(const element& e) noexcept {
        if (e.has_children())
            return parse_error(errc::invalid_payload, e.offset(), "a version request is an empty <query/> (XEP-0092 §2)");
        return ext::VersionQuery{};
    }
};

/// <name/> and <version/> once each, <os/> at most once; other elements of jabber:iq:version
/// are errors, elements of other namespaces are ignored (extensions).
template <>
struct payload_parser<ext::SoftwareVersion> {
    /// Reads the element into a ext::SoftwareVersion, checking its rules; an error names the first one broken.
    static result<ext::SoftwareVersion> parse(const element& e) noexcept {
        std::optional<std::string_view> name, version, os;
        for (element child : e) {
            if (child.ns() != ext::version_ns) continue;
            std::string_view local = child.name();
            std::optional<std::string_view>* slot = local == "name" ? &name : local == "version" ? &version : local == "os" ? &os : nullptr;
            if (!slot)
                return parse_error::make(errc::invalid_payload, child.offset(), "unexpected <", local,
                                         "/> in a software version; only <name/>, <version/> and <os/> are defined (XEP-0092 §2)");
            if (*slot)
                return parse_error::make(errc::invalid_payload, child.offset(), "a second <", local, "/> (XEP-0092 §2)");
            if (child.has_children())
                return parse_error::make(errc::invalid_payload, child.offset(), "<", local, "/> holds text only (XEP-0092 §2)");
            *slot = child.text();
        }
        // XEP-0092 §2: <name/> and <version/> are REQUIRED in a result.
        if (!name) return parse_error(errc::invalid_payload, e.offset(), "a software version without <name/> (XEP-0092 §2)");
        if (!version) return parse_error(errc::invalid_payload, e.offset(), "a software version without <version/> (XEP-0092 §2)");
        return ext::SoftwareVersion{*name, *version, os};
    }
};

/// Writes <query xmlns='jabber:iq:version'/>.
template <>
struct payload_serializer<ext::VersionQuery> {
    /// Writes the ext::VersionQuery as its element; data that cannot be written marks the writer failed.
    static void write(const ext::VersionQuery&, xml_writer& w) noexcept {
        w.open("query", ext::version_ns);
        w.close();
    }
};

/// Writes the query with <name/>, <version/> and, when set, <os/>.
template <>
struct payload_serializer<ext::SoftwareVersion> {
    /// Writes the ext::SoftwareVersion as its element; data that cannot be written marks the writer failed.
    static void write(const ext::SoftwareVersion& v, xml_writer& w) noexcept {
        w.open("query", ext::version_ns);
        w.open("name", ext::version_ns);
        w.text(v.name);
        w.close();
        w.open("version", ext::version_ns);
        w.text(v.version);
        w.close();
        if (v.os) {
            w.open("os", ext::version_ns);
            w.text(*v.os);
            w.close();
        }
        w.close();
    }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_VERSION_HPP
