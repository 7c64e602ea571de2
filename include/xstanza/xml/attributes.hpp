// xstanza detail: the scanner's attributes (scan.hpp): the storage of the start tag's
// attributes, reused from tag to tag, and their uniqueness (XML 1.0 §3.1 WFC Unique Att
// Spec). Their namespaces are namespaces.hpp's.
#ifndef XSTANZA_XML_ATTRIBUTES_HPP
#define XSTANZA_XML_ATTRIBUTES_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

#include "content.hpp"

namespace xstanza::detail {

namespace scan_impl {

// The scanner's attributes of the tag being read (attribute and attribute_list are
// scan_state.hpp's).
attribute* more_attributes(scan_state& s, const byte* where) noexcept;
bool unique_attributes(scan_state& s) noexcept;

// Grows the attribute storage, which is full; returns its new start, or nullptr
// (errc::out_of_memory at `where`).
inline attribute* more_attributes(scan_state& s, const byte* where) noexcept {
    const std::size_t n = s.attributes_.storage.size();
    try {
        s.attributes_.storage.resize(n < 8 ? 8 : 2 * n);
    } catch (...) {
        return s.fail(errc::out_of_memory, where, "out of memory");
    }
    return s.attributes_.storage.data();
}

// XML 1.0 §3.1 WFC Unique Att Spec: no attribute name twice in a tag (quadratic,
// bounded by parse_limits::max_attributes).
inline bool unique_attributes(scan_state& s) noexcept {
    const std::size_t n = s.attributes_.size();
    for (std::size_t i = 1; i < n; ++i) {
        const std::string_view a = s.attributes_[i].name;
        for (std::size_t j = 0; j < i; ++j) {
            const std::string_view b = s.attributes_[j].name;
            // Names are never empty. Names of one size mostly differ in their first byte
            // (id/to, type/from): tested inline, that spares a memcmp call.
            if (a.size() == b.size() && a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0) {
                s.fail(errc::duplicate_attribute, at(s.attributes_[i].name), "duplicate attribute '", clip(s.attributes_[i].name), "'");
                return false;
            }
        }
    }
    return true;
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_ATTRIBUTES_HPP
