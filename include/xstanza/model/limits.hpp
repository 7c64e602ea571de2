// xstanza: parse limits. Every limit has a safe default and names its source.
#ifndef XSTANZA_MODEL_LIMITS_HPP
#define XSTANZA_MODEL_LIMITS_HPP

#include <cstddef>

namespace xstanza {

/// RFC 7622 §3.1: each JID part (localpart, domainpart, resourcepart) is 1 to 1023 bytes.
inline constexpr std::size_t max_jid_part_bytes = 1023;

/// Bounds the parser enforces before any work that could grow with hostile input.
struct parse_limits {
    /// Whole input in bytes. RFC 6120 §13.12 lets servers cap stanza size; 16 MiB holds a
    /// 100,000-contact roster result while keeping a bound on memory.
    std::size_t max_input_bytes = std::size_t{16} << 20;
    /// Element nesting, the root being depth 1. Bounds the scanner's open-element stack and
    /// the depth of the tree the walks follow (RFC 6120 §13.12: resource exhaustion). Real
    /// stanzas stay under 20.
    std::size_t max_depth = 128;
    /// Attributes on one element, namespace declarations included. Bounds the quadratic
    /// duplicate-attribute check (XML 1.0 §3.1 Well-formedness constraint: Unique Att Spec).
    std::size_t max_attributes = 64;
    /// Prefixed namespace declarations (xmlns:p='...') in scope at once. Each prefixed name is
    /// resolved by a search through them (Namespaces in XML 1.0 §6.1), so this bounds the work
    /// per element: without it, 128 levels of 64 declarations make every <p:x/> cost 8,192
    /// comparisons (RFC 6120 §13.12: resource exhaustion). Real stanzas declare a handful.
    std::size_t max_namespaces = 64;
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_LIMITS_HPP
