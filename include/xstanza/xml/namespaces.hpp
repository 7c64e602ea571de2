// xstanza detail: the scanner's namespaces (scan.hpp): namespace declarations and their
// scopes (Namespaces in XML 1.0 §3, §6.1, §6.2), prefix resolution (§5 NSC Prefix
// Declared) and the uniqueness of the attributes' expanded names (§6.3). The attributes
// themselves are attributes.hpp's.
//
// Known limit: namespace names are compared as raw bytes. References inside a
// namespace declaration's value are not decoded for these comparisons, so
// xmlns:p='urn:&#x61;' and xmlns:q='urn:a' count as different namespaces, and
// the reserved names are recognised only when written literally.
#ifndef XSTANZA_XML_NAMESPACES_HPP
#define XSTANZA_XML_NAMESPACES_HPP

#include <cstddef>
#include <string_view>

#include "attributes.hpp"

namespace xstanza::detail {

namespace scan_impl {

inline constexpr std::string_view xml_uri = xml_ns;  // dom.hpp
inline constexpr std::string_view xmlns_uri = "http://www.w3.org/2000/xmlns/";

// The scanner's namespace declarations in scope (binding is scan_state.hpp's), and the
// namespaces of names.
bool namespaces(scan_state& s, const byte* name, std::string_view element, const byte* colon, std::size_t depth,
                std::string_view& default_ns, std::string_view& element_ns) noexcept;
bool declare(scan_state& s, const attribute& a, std::size_t depth) noexcept;
bool resolve(scan_state& s, std::string_view prefix, const byte* where, std::size_t depth,
             std::string_view& uri) noexcept;

// The namespace part of the element just read (name at `name`, at `depth`), when its
// name or an attribute has a prefix or an attribute is xmlns: declarations, then
// prefix resolution. Declarations on an element apply to its own
// name and attributes whatever their order (Namespaces in XML 1.0 §6.1).
inline bool namespaces(scan_state& s, const byte* name, std::string_view element, const byte* colon,
                       std::size_t depth, std::string_view& default_ns,
                       std::string_view& element_ns) noexcept {
    const std::size_t n = s.attributes_.size();
    for (const attribute& a : s.attributes_) {
        if (!declare(s, a, depth)) return false;
        if (a.colon == npos && is(a.name, "xmlns")) default_ns = a.value;  // Namespaces in XML 1.0 §6.2
    }
    element_ns = default_ns;
    if (colon) {
        const std::string_view prefix = view(name, colon);
        // Namespaces in XML 1.0 §3: element names must not have the prefix xmlns
        if (is(prefix, "xmlns")) {
            s.fail(errc::invalid_namespace, name, "element <", clip(element), "> uses the reserved prefix 'xmlns'");
            return false;
        }
        if (!resolve(s, prefix, name, depth, element_ns)) return false;
    }
    std::size_t prefixed = 0;
    for (attribute& a : s.attributes_) {
        if (a.colon == npos) continue;  // Namespaces in XML 1.0 §6.2: unprefixed attributes have no namespace
        const std::string_view prefix = a.name.substr(0, a.colon);
        if (is(prefix, "xmlns")) continue;
        if (!resolve(s, prefix, at(a.name), depth, a.uri)) return false;
        ++prefixed;
    }
    if (prefixed < 2) return true;
    // Namespaces in XML 1.0 §6.3: no two attributes with the same local name and namespace name
    for (std::size_t i = 1; i < n; ++i) {
        const attribute& a = s.attributes_[i];
        if (a.uri.empty()) continue;
        for (std::size_t j = 0; j < i; ++j) {
            const attribute& b = s.attributes_[j];
            if (b.uri.empty() || !same(b.uri, a.uri) || !same(b.name.substr(b.colon), a.name.substr(a.colon))) continue;
            s.fail(errc::duplicate_attribute, at(a.name), "duplicate attribute '", clip(a.name), "': '", clip(b.name),
                   "' has the same namespace and local name");
            return false;
        }
    }
    return true;
}

// Namespaces in XML 1.0 §3: the attribute a, if a namespace declaration, binds a prefix.
inline bool declare(scan_state& s, const attribute& a, std::size_t depth) noexcept {
    const byte* const where = at(a.name);
    if (a.colon == npos) {
        if (!is(a.name, "xmlns")) return true;
        // Namespaces in XML 1.0 §3: the default namespace may be neither the xml nor the
        // xmlns namespace (xmlns='' undeclares it, which is fine)
        if (same(a.value, xml_uri) || same(a.value, xmlns_uri)) {
            s.fail(errc::invalid_namespace, where, "the default namespace cannot be '", a.value, "'");
            return false;
        }
        return true;
    }
    if (!is(a.name.substr(0, a.colon), "xmlns")) return true;
    const std::string_view prefix = a.name.substr(a.colon + 1);
    // Namespaces in XML 1.0 §3: the prefix xmlns must not be declared
    if (is(prefix, "xmlns")) {
        s.fail(errc::invalid_namespace, where, "the prefix 'xmlns' must not be declared");
        return false;
    }
    // Namespaces in XML 1.0 §3: the prefix xml may be declared, but only to its own namespace
    if (is(prefix, "xml")) {
        if (same(a.value, xml_uri)) return true;  // always bound; nothing to push
        s.fail(errc::invalid_namespace, where, "the prefix 'xml' can only be bound to ", xml_uri);
        return false;
    }
    // Namespaces in XML 1.0 §3: a prefixed declaration must not be empty (1.0 cannot undeclare)
    if (a.value.empty()) {
        s.fail(errc::invalid_namespace, where, "empty namespace name for prefix '", clip(prefix), "'");
        return false;
    }
    // Namespaces in XML 1.0 §3: no other prefix is bound to the xml namespace
    if (same(a.value, xml_uri)) {
        s.fail(errc::invalid_namespace, where, "only the prefix 'xml' can be bound to ", xml_uri);
        return false;
    }
    // Namespaces in XML 1.0 §3: nothing is bound to the xmlns namespace
    if (same(a.value, xmlns_uri)) {
        s.fail(errc::invalid_namespace, where, "no prefix can be bound to ", xmlns_uri);
        return false;
    }
    // parse_limits::max_namespaces bounds the search resolve() makes for every prefixed name
    if (s.bindings_.size() >= s.limits_->max_namespaces) {
        s.fail(errc::attribute_limit, where, "more than ", scan_impl::decimal_text(s.limits_->max_namespaces),
               " namespace declarations in scope");
        return false;
    }
    binding* b = s.grow(s.bindings_, where);
    if (!b) return false;
    b->prefix = prefix;
    b->uri = a.value;
    b->depth = depth;
    return true;
}

// Finds the namespace bound to prefix in scope; marks the current root child when
// the binding comes from the root element.
inline bool resolve(scan_state& s, std::string_view prefix, const byte* where, std::size_t depth,
                    std::string_view& uri) noexcept {
    // Namespaces in XML 1.0 §3: xml is bound by definition
    if (is(prefix, "xml")) {
        uri = xml_uri;
        return true;
    }
    for (std::size_t k = s.bindings_.size(); k-- > 0;) {
        const binding& b = s.bindings_[k];
        if (!same(b.prefix, prefix)) continue;
        if (b.depth == 1 && depth > 1) s.children_.back().outer_prefix = true;
        uri = b.uri;
        return true;
    }
    // Namespaces in XML 1.0 §5 NSC Prefix Declared
    s.fail(errc::undeclared_prefix, where, "undeclared namespace prefix '", clip(prefix), "'");
    return false;
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_NAMESPACES_HPP
