// benchmarks: the typed walk every parse/<impl> performs, and the digest it feeds.
//
// Each adapter extracts the same fields, in the same order: iq type, id, from, to;
// payload name and namespace; roster ver; per item jid, name, subscription, ask,
// groups; error type, condition, text, xml:lang. Enumerated values are mapped to
// enums (an unknown value fails the walk), strings go to the digest. The walk is a
// template on the digest: the timed loops feed `digest` (string sizes: one multiply a
// field, the cost the results were measured with), verify() feeds `byte_digest` (every
// byte of every string). main.cpp checks at start-up that every adapter's byte_digest
// and digest equal parse/rapidxml's, so the adapters provably extract the same values
// (not merely values of the same length) from the same input.
#ifndef XSTANZA_BENCH_WALK_HPP
#define XSTANZA_BENCH_WALK_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace xstanza_bench {

inline constexpr std::string_view roster_ns = "jabber:iq:roster";
inline constexpr std::string_view stanzas_ns = "urn:ietf:params:xml:ns:xmpp-stanzas";

inline constexpr std::uint64_t fnv_prime = 0x100000001b3u;

/// What both walks share: `shape` takes enums and the presence of each string; `text` is
/// the derived digest's view of the strings.
struct digest_base {
    std::uint64_t shape = 0;
    std::uint64_t text = 0;

    void tag(unsigned v) noexcept { shape = (shape ^ (v + 1u)) * fnv_prime; }
    void end_string(std::size_t size) noexcept { text = (text ^ (size + 1u)) * fnv_prime; }
    friend bool operator==(const digest_base& a, const digest_base& b) noexcept {
        return a.shape == b.shape && a.text == b.text;
    }
};

/// What the timed walk feeds: string sizes only, so `text` differs where an impl does not
/// decode entities. A string may come in parts (an xstanza JID is kept as local, domain,
/// resource): it is fed as their concatenation.
struct digest : digest_base {
    template <class... Parts>
    void str(const Parts&... parts) noexcept {
        tag(0xFFu);
        end_string((std::string_view(parts).size() + ...));
    }
};

/// What verify()'s walk feeds: the same `shape`, and `text` over the bytes of every
/// string (FNV-1a), each followed by its size, so that a wrong byte, a dropped one or a
/// value moved from one field to the next all change it.
struct byte_digest : digest_base {
    template <class... Parts>
    void str(const Parts&... parts) noexcept {
        tag(0xFFu);
        std::size_t size = 0;
        ((size += bytes(std::string_view(parts))), ...);
        end_string(size);
    }

private:
    std::size_t bytes(std::string_view s) noexcept {
        for (unsigned char c : s) text = (text ^ c) * fnv_prime;
        return s.size();
    }
};

// The enums the walk produces; the order matches xstanza's so its values feed as is.
inline constexpr std::array<std::string_view, 4> iq_types = {"get", "set", "result", "error"};
inline constexpr std::array<std::string_view, 5> subscriptions = {"none", "to", "from", "both", "remove"};
inline constexpr std::array<std::string_view, 5> error_types = {"auth", "cancel", "continue", "modify", "wait"};
inline constexpr std::array<std::string_view, 22> conditions = {
    "bad-request", "conflict", "feature-not-implemented", "forbidden", "gone", "internal-server-error",
    "item-not-found", "jid-malformed", "not-acceptable", "not-allowed", "not-authorized", "policy-violation",
    "recipient-unavailable", "redirect", "registration-required", "remote-server-not-found",
    "remote-server-timeout", "resource-constraint", "service-unavailable", "subscription-required",
    "undefined-condition", "unexpected-request",
};

inline constexpr unsigned no_match = ~0u;

/// Index of `s` in `names`, or no_match.
template <std::size_t N>
inline unsigned lookup(const std::array<std::string_view, N>& names, std::string_view s) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return unsigned(i);
    return no_match;
}

/// Collects one element's fields while an adapter scans its attributes, then feeds
/// them in the fixed order (document order of attributes does not matter).
struct header_fields {
    unsigned type = no_match;
    std::string_view id, from, to;
    bool has_id = false, has_from = false, has_to = false;

    bool attribute(std::string_view name, std::string_view value) noexcept {
        if (name == "type") type = lookup(iq_types, value);
        else if (name == "id") { id = value; has_id = true; }
        else if (name == "from") { from = value; has_from = true; }
        else if (name == "to") { to = value; has_to = true; }
        return true;
    }
    template <class D>
    bool feed(D& d) const noexcept {
        if (type == no_match || !has_id) return false;
        d.tag(type);
        d.str(id);
        if (has_from) d.str(from);
        if (has_to) d.str(to);
        return true;
    }
};

struct item_fields {
    std::string_view jid, name, xmlns;
    bool has_jid = false, has_name = false, has_xmlns = false;
    unsigned subscription = 0;  // absent means none (RFC 6121 §2.1.2.5)
    unsigned ask = 0;

    bool attribute(std::string_view n, std::string_view v) noexcept {
        if (n == "jid") { jid = v; has_jid = true; }
        else if (n == "name") { name = v; has_name = true; }
        else if (n == "subscription") {
            subscription = lookup(subscriptions, v);
            if (subscription == no_match) return false;
        } else if (n == "ask") {
            if (v != "subscribe") return false;
            ask = 1;
        } else if (n == "xmlns") { xmlns = v; has_xmlns = true; }
        return true;
    }
    /// Feeds the item's attributes (its groups follow, one str() each).
    template <class D>
    bool feed(D& d) const noexcept {
        if (!has_jid || (has_xmlns && xmlns != roster_ns)) return false;
        d.str(jid);
        if (has_name) d.str(name);
        d.tag(subscription);
        d.tag(ask);
        return true;
    }
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_WALK_HPP
