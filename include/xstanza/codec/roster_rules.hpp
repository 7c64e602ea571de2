// xstanza: the roster rules (RFC 6121 §2) that depend on the IQ type and on whose rules
// apply. Each is one function, called by the parser when reading and by the serializer
// when writing, so the two sides cannot drift apart. No XML.
#ifndef XSTANZA_CODEC_ROSTER_RULES_HPP
#define XSTANZA_CODEC_ROSTER_RULES_HPP

#include <cstddef>
#include <type_traits>

#include "../model/iq.hpp"
#include "../model/roster.hpp"
#include "../model/rules.hpp"

namespace xstanza {

/// RFC 6121 §2.1.2.5: whether an item of an IQ of type `type` may carry subscription `s`
/// under rules `r`. A value that is not allowed is an error for a sender; a receiver ignores
/// it (RosterItem::ignored_subscription):
///  - sender: none, to, from and both anywhere; remove only in a roster set (and in an error
///    echoing one, RFC 6120 §8.3.1).
///  - receiving client: none, to, from, both in a result; those and remove in a push (a set).
///  - receiving server: in a set, only remove ("the server MUST ignore any value of the
///    'subscription' attribute other than remove"); elsewhere as a client.
constexpr bool subscription_allowed(Subscription s, IqType type, rules r) noexcept {
    const bool state = s != Subscription::remove;
    if (r.strict() || type == IqType::error) return state || type == IqType::set || type == IqType::error;
    if (type == IqType::set) return r.of == role::server ? !state : true;
    return state;
}

/// RFC 6121 §2.1.2.1, §2.1.2.2: a client MUST NOT include 'approved' or 'ask' in a roster set
/// it sends (a server's push carries them). False when an item of an IQ of type `type`
/// sent under rules `r` may not carry them.
constexpr bool approval_allowed(IqType type, rules r) noexcept {
    return !(r.strict() && r.of == role::client && type == IqType::set);
}

/// RFC 6121 §2.1.3: a roster get carries no item; §2.1.5: a roster set exactly one. The
/// message for `items` items in an IQ of type `type`, or null when the count is allowed.
constexpr const char* roster_item_count_problem(IqType type, std::size_t items) noexcept {
    if (type == IqType::get && items != 0) return "a roster get carries no <item/> (RFC 6121 §2.1.3)";
    if (type == IqType::set && items == 0) return "a roster set carries exactly one <item/>, found none (RFC 6121 §2.1.5)";
    if (type == IqType::set && items > 1) return "a roster set carries exactly one <item/>, found more (RFC 6121 §2.1.5)";
    return nullptr;
}

/// Narrows a roster query to the payload type P (RosterQuery, RosterGet or RosterSet, whose
/// item counts §2.1.3 and §2.1.5 fix). Returns the problem when the count does not fit P,
/// else null (and `out` holds the payload).
template <class P>
const char* narrow_roster(const RosterQuery& q, P& out) noexcept {
    static_assert(std::is_same_v<P, RosterQuery> || std::is_same_v<P, RosterGet> || std::is_same_v<P, RosterSet>,
                  "narrow_roster: P is a roster payload");
    if constexpr (std::is_same_v<P, RosterQuery>) {
        out = q;
    } else if constexpr (std::is_same_v<P, RosterGet>) {
        if (const char* problem = roster_item_count_problem(IqType::get, q.items.size())) return problem;
        out.ver = q.ver;
    } else {
        if (const char* problem = roster_item_count_problem(IqType::set, q.items.size())) return problem;
        out.item = q.items[0];
        out.ver = q.ver;
    }
    return nullptr;
}

}  // namespace xstanza

#endif  // XSTANZA_CODEC_ROSTER_RULES_HPP
