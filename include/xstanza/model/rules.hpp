// xstanza: whose rules a parse applies. The RFCs bind senders and receivers differently:
// a sender MUST use a defined error condition, yet a receiver MUST treat an unknown one as
// <undefined-condition/> (RFC 6120 §8.3.2); a server MUST send one of four subscription
// states, yet a client MUST ignore any other value (RFC 6121 §2.1.2.5). Plain data, no XML.
#ifndef XSTANZA_MODEL_RULES_HPP
#define XSTANZA_MODEL_RULES_HPP

#include <string_view>

namespace xstanza {

/// Which end of the stream an entity is. Some rules bind only one of them: a client's
/// roster set carries no 'approved' or 'ask' while a server's roster push may (RFC 6121
/// §2.1.2.1, §2.1.2.2); a client and a server ignore different subscription values
/// (RFC 6121 §2.1.2.5).
enum class role : unsigned char {
    client,  ///< a client (or a bot, a gateway speaking c2s)
    server,  ///< a server (or a component speaking for one)
};

/// Whose obligations a parse checks.
enum class side : unsigned char {
    /// What arrives: accept what the RFCs say to accept, ignore or map what they say to
    /// ignore or map, and keep what was seen (StanzaError::unknown_condition,
    /// RosterItem::ignored_subscription) so the application can still look at it.
    receiver,
    /// What is sent: every MUST a sender has. For checking your own output and for linting;
    /// serialize() always applies these.
    sender,
};

/// A rule set: the side and the role of the entity on that side.
struct rules {
    /// Whose rules: the receiver's (lenient where the RFCs say so) or the sender's.
    side applies = side::receiver;
    /// The receiving entity (side::receiver) or the sending one (side::sender).
    role of = role::client;

    /// The receiver's rules for an entity of role `r` (the Parser's default: a client receiving).
    static constexpr rules receiver(role r = role::client) noexcept { return rules{side::receiver, r}; }
    /// The sender's rules for an entity of role `r` (what serialize() checks).
    static constexpr rules sender(role r = role::client) noexcept { return rules{side::sender, r}; }

    /// True for the sender's rules, which refuse what a receiver would map or ignore.
    constexpr bool strict() const noexcept { return applies == side::sender; }
    friend constexpr bool operator==(rules a, rules b) noexcept { return a.applies == b.applies && a.of == b.of; }
    friend constexpr bool operator!=(rules a, rules b) noexcept { return !(a == b); }
};

/// RFC 6120 §4.8.2: the content namespace of a client-to-server stream.
inline constexpr std::string_view jabber_client_ns = "jabber:client";
/// RFC 6120 §4.8.2: the content namespace of a server-to-server stream.
inline constexpr std::string_view jabber_server_ns = "jabber:server";

/// What a stanza inherits from the stream it arrived on (StreamReader::context()).
struct stream_context {
    /// The stream's content namespace (RFC 6120 §4.8.2): an <iq/> without an xmlns of its own
    /// is in it. On jabber:server, stanzas MUST carry 'to' and 'from' (RFC 6120 §8.1.1.2, §8.1.2.2).
    std::string_view content_ns = jabber_client_ns;
    /// The stream's xml:lang (RFC 6120 §4.7.4): a stanza without one is in this language
    /// (RFC 6120 §8.1.5), and its `lang` says so. Empty when the stream named none.
    std::string_view lang{};
};

/// RFC 6120 §8.4: an extension element (an IQ's payload) "MUST possess a namespace
/// declaration (other than jabber:client, jabber:server, or
/// http://etherx.jabber.org/streams)". True when `ns` may qualify one.
constexpr bool is_extension_namespace(std::string_view ns) noexcept {
    return !ns.empty() && ns != jabber_client_ns && ns != jabber_server_ns && ns != "http://etherx.jabber.org/streams";
}

/// "client" or "server".
constexpr std::string_view to_string(role r) noexcept { return r == role::server ? "server" : "client"; }
/// "receiver" or "sender".
constexpr std::string_view to_string(side s) noexcept { return s == side::sender ? "sender" : "receiver"; }

}  // namespace xstanza

#endif  // XSTANZA_MODEL_RULES_HPP
