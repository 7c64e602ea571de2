// xstanza: one type for whatever arrives: an IQ, a message or a presence (RFC 6120 §8),
// each runtime-typed. Plain data, no XML.
#ifndef XSTANZA_MODEL_ANY_STANZA_HPP
#define XSTANZA_MODEL_ANY_STANZA_HPP

#include <utility>
#include <variant>

#include "iq.hpp"
#include "message.hpp"
#include "presence.hpp"
#include "stanza_common.hpp"

namespace xstanza {

/// Any stanza: an AnyIq, an AnyMessage or an AnyPresence. visit() calls a function with the
/// one it holds; each of those visits on into the typed stanza (Iq<Get, AnyPayload>,
/// Message<Chat>, Presence<Subscribe>...).
class AnyStanza {
public:
    AnyStanza() noexcept = default;
    /// An IQ.
    AnyStanza(AnyIq iq) noexcept : v_(std::move(iq)) {}
    /// A message.
    AnyStanza(AnyMessage m) noexcept : v_(std::move(m)) {}
    /// A presence.
    AnyStanza(AnyPresence p) noexcept : v_(std::move(p)) {}

    /// Which of the three it holds (StanzaKind::iq, message or presence).
    StanzaKind kind() const noexcept { return StanzaKind(v_.index()); }
    /// The stanza as its kind, or null when it is another kind.
    const AnyIq* iq() const noexcept { return std::get_if<AnyIq>(&v_); }
    /// The message, or null when it is another kind.
    const AnyMessage* message() const noexcept { return std::get_if<AnyMessage>(&v_); }
    /// The presence, or null when it is another kind.
    const AnyPresence* presence() const noexcept { return std::get_if<AnyPresence>(&v_); }

    /// Calls f with the AnyIq, AnyMessage or AnyPresence held.
    template <class F>
    decltype(auto) visit(F&& f) const {
        return std::visit(std::forward<F>(f), v_);
    }

    /// Makes the stanza a default T (AnyIq, AnyMessage or AnyPresence) and returns it.
    template <class T>
    T& emplace() noexcept {
        return v_.template emplace<T>();
    }

    friend bool operator==(const AnyStanza& a, const AnyStanza& b) noexcept { return a.v_ == b.v_; }
    friend bool operator!=(const AnyStanza& a, const AnyStanza& b) noexcept { return !(a == b); }

private:
    std::variant<AnyIq, AnyMessage, AnyPresence> v_;
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_ANY_STANZA_HPP
