// benchmarks: the typed walk every parse/<impl> performs, and the digest it feeds.
//
// Each adapter extracts the same fields, in the same order: iq type, id, from, to;
// payload name and namespace; roster ver; per item jid, name, subscription, ask,
// groups; error type, condition, text, xml:lang. For a <message/>: type, id, from,
// to, xml:lang; each body, subject (text, xml:lang), the thread (id, parent); a XEP-0203
// delay (stamp, from); every other extension's name and namespace, in document order.
// For a <presence/>: type, id, from, to, xml:lang; show, priority; each status; a
// XEP-0115 caps <c/> (hash, node, ver, ext); a XEP-0045 muc#user <x/>'s items
// (affiliation, role, jid, nick); every other extension's name and namespace. Enumerated values are mapped to
// enums (an unknown value fails the walk), strings go to the digest. The walk is a
// template on the digest: the timed loops feed `digest` (string sizes: one multiply a
// field, the cost the results were measured with), verify() feeds `byte_digest` (every
// byte of every string). main.cpp checks at start-up that every adapter's byte_digest
// and digest equal parse/rapidxml's, so the adapters provably extract the same values
// (not merely values of the same length) from the same input.
#ifndef XSTANZA_BENCH_WALK_HPP
#define XSTANZA_BENCH_WALK_HPP

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace xstanza_bench {

/// What xstanza parses a corpus's documents as (the other adapters read every document
/// the same way): AnyIq, Iq<Result, RosterQuery>, Presence<Available, Caps>,
/// Message<Chat>, Message<Groupchat, Delay>, AnyStanza.
enum class corpus_kind { any_iq, roster, presence_caps, chat, groupchat_delay, any_stanza };

inline constexpr std::string_view roster_ns = "jabber:iq:roster";
inline constexpr std::string_view stanzas_ns = "urn:ietf:params:xml:ns:xmpp-stanzas";

inline constexpr std::string_view caps_ns = "http://jabber.org/protocol/caps";
inline constexpr std::string_view delay_ns = "urn:xmpp:delay";
inline constexpr std::string_view muc_user_ns = "http://jabber.org/protocol/muc#user";

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

inline constexpr std::array<std::string_view, 5> message_types = {"normal", "chat", "groupchat", "headline", "error"};
inline constexpr std::array<std::string_view, 8> presence_types = {
    "", "unavailable", "subscribe", "subscribed", "unsubscribe", "unsubscribed", "probe", "error"};
inline constexpr std::array<std::string_view, 5> shows = {"", "away", "chat", "dnd", "xa"};
inline constexpr std::array<std::string_view, 5> affiliations = {"owner", "admin", "member", "outcast", "none"};
inline constexpr std::array<std::string_view, 4> roles = {"moderator", "participant", "visitor", "none"};

// The first tag of a message's and a presence's walk (an IQ's is its type, 0-3), and the
// tag before each part of them.
inline constexpr unsigned message_tag = 100, presence_tag = 200;
enum part_tag : unsigned { part_body = 1, part_subject, part_thread, part_delay, part_extension, part_caps, part_muc_item, part_status };

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

/// The attributes of a <message/> or <presence/> (the type's names differ).
template <std::size_t N>
struct stanza_header {
    const std::array<std::string_view, N>& types;
    unsigned type = 0;  // absent: normal (RFC 6121 §5.2.2), available (§4.7.1)
    std::string_view id, from, to, lang;
    unsigned present = 0;  // 1 id, 2 from, 4 to, 8 xml:lang

    explicit stanza_header(const std::array<std::string_view, N>& t) noexcept : types(t) {}
    bool attribute(std::string_view name, std::string_view value) noexcept {
        if (name == "type") type = lookup(types, value);
        else if (name == "id") { id = value; present |= 1; }
        else if (name == "from") { from = value; present |= 2; }
        else if (name == "to") { to = value; present |= 4; }
        else if (name == "xml:lang") { lang = value; present |= 8; }
        return true;
    }
    template <class D>
    bool feed(D& d, unsigned kind_tag) const noexcept {
        if (type == no_match) return false;
        d.tag(kind_tag);
        d.tag(type);
        d.tag(present);
        if (present & 1) d.str(id);
        if (present & 2) d.str(from);
        if (present & 4) d.str(to);
        if (present & 8) d.str(lang);
        return true;
    }
};

/// A <priority/>'s value (RFC 6121 §4.7.2.3: an integer, -128..127), as the tag the walk
/// feeds (0 when absent), or no_match.
inline unsigned priority_tag(std::string_view s) noexcept {
    int v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < -128 || v > 127) return no_match;
    return unsigned(v + 129);
}

/// A text (body, subject, status) and its own xml:lang.
template <class D, class T>
void feed_text(D& d, unsigned part, const T& text, std::string_view lang) noexcept {
    d.tag(part);
    d.str(text);
    if (!lang.empty()) d.str(lang);
}

/// The attributes of a caps <c/> (XEP-0115 §4), fed in a fixed order.
struct caps_fields {
    std::string_view hash, node, ver, ext;
    bool has_ext = false;
    bool attribute(std::string_view n, std::string_view v) noexcept {
        if (n == "hash") hash = v;
        else if (n == "node") node = v;
        else if (n == "ver") ver = v;
        else if (n == "ext") { ext = v; has_ext = true; }
        return true;
    }
    template <class D>
    bool feed(D& d) const noexcept {
        if (hash.empty() || node.empty() || ver.empty()) return false;
        d.tag(part_caps);
        d.str(hash);
        d.str(node);
        d.str(ver);
        if (has_ext) d.str(ext);
        return true;
    }
};

/// The attributes of a muc#user <item/> (XEP-0045 §7.2.3).
struct muc_item_fields {
    unsigned affiliation = no_match, role = no_match;
    std::string_view jid, nick;
    bool has_jid = false, has_nick = false;
    bool attribute(std::string_view n, std::string_view v) noexcept {
        if (n == "affiliation") affiliation = lookup(affiliations, v);
        else if (n == "role") role = lookup(roles, v);
        else if (n == "jid") { jid = v; has_jid = true; }
        else if (n == "nick") { nick = v; has_nick = true; }
        return true;
    }
    template <class D>
    bool feed(D& d) const noexcept {
        if (affiliation == no_match || role == no_match) return false;
        d.tag(part_muc_item);
        d.tag(affiliation);
        d.tag(role);
        d.tag((has_jid ? 1u : 0u) | (has_nick ? 2u : 0u));
        if (has_jid) d.str(jid);
        if (has_nick) d.str(nick);
        return true;
    }
};

/// The attributes of a XEP-0203 <delay/>.
struct delay_fields {
    std::string_view stamp, from;
    bool has_from = false;
    bool attribute(std::string_view n, std::string_view v) noexcept {
        if (n == "stamp") stamp = v;
        else if (n == "from") { from = v; has_from = true; }
        return true;
    }
    template <class D>
    bool feed(D& d) const noexcept {
        if (stamp.empty()) return false;
        d.tag(part_delay);
        d.str(stamp);
        d.tag(has_from ? 1u : 0u);
        if (has_from) d.str(from);
        return true;
    }
};

/// An extension kept opaque: its name and namespace.
template <class D>
void feed_extension(D& d, std::string_view name, std::string_view ns) noexcept {
    d.tag(part_extension);
    d.str(name);
    d.str(ns);
}

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_WALK_HPP
