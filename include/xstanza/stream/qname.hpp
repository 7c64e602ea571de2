// xstanza: the prefix and local part of a qualified name, and which prefix an attribute
// declares (Namespaces in XML 1.0 §3, §4), for the names detail::read_start_tag returns.
#ifndef XSTANZA_STREAM_QNAME_HPP
#define XSTANZA_STREAM_QNAME_HPP

#include <string_view>

namespace xstanza::detail {

struct qname_parts {
    std::string_view prefix;  // empty when the name has none
    std::string_view local;
};

constexpr qname_parts split_qname(std::string_view qname) noexcept {
    std::size_t colon = qname.find(':');
    if (colon == std::string_view::npos) return {std::string_view{}, qname};
    return {qname.substr(0, colon), qname.substr(colon + 1)};
}

// The prefix an attribute named `name` declares ("p" for xmlns:p), or "" when it declares none.
constexpr std::string_view declared_prefix(std::string_view name) noexcept {
    return name.size() > 6 && name.compare(0, 6, "xmlns:") == 0 ? name.substr(6) : std::string_view{};
}

// True when an attribute named `name` binds `prefix`, the empty prefix being the default namespace.
constexpr bool binds_prefix(std::string_view name, std::string_view prefix) noexcept {
    return prefix.empty() ? name == "xmlns" : declared_prefix(name) == prefix;
}

}  // namespace xstanza::detail

#endif  // XSTANZA_STREAM_QNAME_HPP
