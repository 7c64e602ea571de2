// xstanza: the roster payload, <query xmlns='jabber:iq:roster'/> (RFC 6121 §2), read and
// written side by side. Each rule is one function that both directions call, so the two
// cannot drift apart. The roster goes through the extension point as any payload does:
// payload_parser and payload_serializer for RosterGet, RosterSet and RosterQuery.
#ifndef XSTANZA_CODEC_ROSTER_HPP
#define XSTANZA_CODEC_ROSTER_HPP

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/payload.hpp"
#include "../model/roster.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"

namespace xstanza {

// ---- the rules, one function each ----

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

namespace detail {

// RFC 6121 §2.1.2.6, §2.3.3: group names are non-empty and unique within an item. The first
// name that repeats an earlier one, or null. Pairwise for a few groups (no allocation),
// sorted in `scratch` beyond: an item may hold 100,000 groups, and n² comparisons would be a
// denial of service. `oom` is set when `scratch` could not hold them.
inline const std::string_view* duplicate_group(span<const std::string_view> g, std::vector<std::string_view>& scratch,
                                               bool& oom) noexcept {
    const std::size_t n = g.size();
    if (n < 2) return nullptr;
    if (n == 2) return same(g[0], g[1]) ? &g[1] : nullptr;  // the usual case: one comparison
    if (n <= 8) {
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (same(g[k], g[i])) return &g[i];
        return nullptr;
    }
    try {
        scratch.assign(g.begin(), g.end());
    } catch (...) {
        oom = true;
        return nullptr;
    }
    std::sort(scratch.begin(), scratch.end());
    auto dup = std::adjacent_find(scratch.begin(), scratch.end());
    return dup == scratch.end() ? nullptr : &*dup;
}
inline constexpr const char* empty_group_message = "empty <group/> name (RFC 6121 §2.3.3)";

// ---- reading ----

// The lists a roster parse fills, kept in the parse's storage (one lookup per parse).
struct roster_storage {
    std::vector<RosterItem> items;
    std::vector<std::string_view> groups;
    std::vector<std::size_t> group_first;  // per item: where its groups start in `groups`
    std::vector<std::string_view> scratch;
    void clear() noexcept {
        items.clear();
        groups.clear();
        group_first.clear();
    }
};
// RFC 6121 §2.1.2.5: the 'subscription' attribute. A value the rules do not allow is an
// error for a sender and ignored by a receiver (kept in ignored_subscription).
XSTANZA_CODEC_STEP codec_error read_subscription(const attribute& a, const payload_context& ctx, RosterItem& item) noexcept {
    const std::string_view v = a.value();
    const std::optional<Subscription> s = subscription_from_string(v);
    if (s && subscription_allowed(*s, ctx.iq_type(), ctx.rules())) {
        item.subscription = *s;
        return {};
    }
    if (!ctx.rules().strict()) {
        item.ignored_subscription = v;
        return {};
    }
    if (!s)
        return codec_error::make(errc::invalid_roster, a.offset(), "unknown subscription '", v,
                                 "', expected none, to, from, both or remove (RFC 6121 §2.1.2.5)");
    return codec_error::make(errc::invalid_roster, a.offset(), "subscription 'remove' appears only in a roster set (RFC 6121 §2.1.2.5)");
}

// RFC 6121 §2.1.2.1, §2.1.2.2: 'ask' and 'approved', which are the server's to send.
inline codec_error read_approval(const attribute& a, const payload_context& ctx, bool ask, RosterItem& item) noexcept {
    if (!approval_allowed(ctx.iq_type(), ctx.rules()))
        return codec_error::make(errc::invalid_roster, a.offset(), "a client's roster set carries no '", a.qname(),
                                 "' (RFC 6121 §2.1.2.1, §2.1.2.2)");
    const std::string_view v = a.value();
    if (ask) {
        if (!is(v, "subscribe"))
            return codec_error::make(errc::invalid_roster, a.offset(), "ask='", v,
                                     "', the only allowed value is 'subscribe' (RFC 6121 §2.1.2.2)");
        item.ask = true;
    } else if (is(v, "true") || is(v, "1")) {
        item.approved = true;
    } else if (!is(v, "false") && !is(v, "0")) {
        return codec_error::make(errc::invalid_roster, a.offset(), "approved='", v, "' is not a boolean (RFC 6121 §2.1.2.1)");
    }
    return {};
}

// RFC 6121 §2.1.2: the attributes of one <item/>.
XSTANZA_CODEC_STEP codec_error read_item_attributes(const element& e, const payload_context& ctx, RosterItem& item) noexcept {
    attribute jid;
    for (attribute a : e.attributes()) {
        const std::string_view n = a.qname();
        // Dispatch on the size first: the comparisons below then have constant lengths.
        const std::size_t size = n.size();
        if (size != 3 && size != 4 && size != 8 && size != 12) continue;
        if (is(n, "jid")) jid = a;
        else if (is(n, "name")) item.name = a.value();
        else if (codec_error err = is(n, "subscription") ? read_subscription(a, ctx, item)
                                   : is(n, "ask")        ? read_approval(a, ctx, true, item)
                                   : is(n, "approved")   ? read_approval(a, ctx, false, item)
                                                         : codec_error{})
            return err;
    }
    // RFC 6121 §2.1.2.3: the 'jid' attribute is required.
    if (!jid) return codec_error::make(errc::invalid_roster, e.offset(), "roster <item/> has no 'jid' (RFC 6121 §2.1.2.3)");
    std::optional<Jid> j;
    if (codec_error err = read_jid(jid, "roster item 'jid'", j)) return err;
    item.jid = *j;
    return {};
}

// RFC 6121 §2.1.2.6: the <group/> children of one <item/>, appended to lists.groups.
XSTANZA_CODEC_STEP codec_error read_item_groups(const element& e, roster_storage& lists, std::size_t first) noexcept {
    const std::string_view item_ns = e.ns();  // jabber:iq:roster, checked by the caller
    for (element c : e) {
        if (!same(c.ns(), item_ns)) continue;  // other namespaces: extensions, ignored
        const std::string_view local = c.name();
        if (!is(local, "group"))
            return codec_error::make(errc::invalid_roster, c.offset(), "unexpected <", local,
                                     "/> in a roster item; only <group/> is defined (RFC 6121 §2.1.2)");
        if (c.has_children())
            return codec_error::make(errc::invalid_roster, c.offset(), "<group/> holds character data only (RFC 6121 §2.1.2.6)");
        const std::string_view g = c.text();
        // RFC 6121 §2.3.3: answered not-acceptable, hence a code of its own
        if (g.empty()) return codec_error(errc::empty_group, c.offset(), empty_group_message);
        try {
            lists.groups.push_back(g);
        } catch (...) {
            return codec_error(errc::out_of_memory, c.offset(), "out of memory storing groups");
        }
    }
    bool oom = false;
    const auto& groups = lists.groups;
    span<const std::string_view> mine(groups.data() + first, groups.size() - first);
    if (const std::string_view* dup = duplicate_group(mine, lists.scratch, oom))
        return codec_error::make(errc::invalid_roster, e.offset(), "duplicate group '", *dup, "' in one item (RFC 6121 §2.3.3)");
    if (oom) return codec_error(errc::out_of_memory, 0, "out of memory checking groups");
    return {};
}

// The <item/> children of a query, parsed in place into lists.items (no copy). After an error
// the list may end with a partial item; the next parse clears it.
inline codec_error read_items(const element& query, const payload_context& ctx, roster_storage& lists) noexcept {
    const std::string_view query_ns = query.ns();  // jabber:iq:roster, checked by the caller
    std::size_t count = 0, first = query.offset(), second = query.offset();
    try {
        for (element c : query) {
            if (!same(c.ns(), query_ns)) continue;  // other namespaces: extensions, ignored
            if (!is(c.name(), "item"))
                return codec_error::make(errc::invalid_roster, c.offset(), "unexpected <", c.name(),
                                         "/> in a roster query; only <item/> is defined (RFC 6121 §2.1)");
            if (++count == 1) first = c.offset();
            else if (count == 2) second = c.offset();
            RosterItem& item = lists.items.emplace_back();
            lists.group_first.push_back(lists.groups.size());
            if (codec_error err = read_item_attributes(c, ctx, item)) return err;
            if (codec_error err = read_item_groups(c, lists, lists.group_first.back())) return err;
        }
    } catch (...) {
        return codec_error(errc::out_of_memory, query.offset(), "out of memory storing roster items");
    }
    // RFC 6121 §2.1.3: a roster get carries no item; §2.1.5: a roster set exactly one.
    if (const char* problem = roster_item_count_problem(ctx.iq_type(), count))
        return codec_error(errc::roster_item_count, ctx.iq_type() == IqType::get ? first : count ? second : query.offset(),
                           problem);
    return {};
}

/// RFC 6121 §2.1: <query xmlns='jabber:iq:roster'/> in an IQ of ctx.iq_type().
inline codec_error read_roster(const element& e, payload_context& ctx, RosterQuery& out) noexcept {
    roster_storage* storage = ctx.storage().object<roster_storage>();
    if (!storage) return codec_error(errc::out_of_memory, e.offset(), "out of memory storing roster items");
    roster_storage& lists = *storage;
    if (auto v = e.find("ver")) out.ver = v->value();
    if (codec_error err = read_items(e, ctx, lists)) return err;
    // Now that the storage no longer moves, point each item at its groups.
    std::vector<RosterItem>& items = lists.items;
    const std::vector<std::size_t>& firsts = lists.group_first;
    const std::vector<std::string_view>& groups = lists.groups;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::size_t last = i + 1 < items.size() ? firsts[i + 1] : groups.size();
        items[i].groups = span<const std::string_view>(groups.data() + firsts[i], last - firsts[i]);
    }
    out.items = span<const RosterItem>(items.data(), items.size());
    return {};
}

// ---- writing ----

// RFC 6121 §2.1.2: one item; the rules the reading side enforces, enforced here too, so that
// whatever serializes also parses.
inline void write_item(xml_writer& w, const RosterItem& item, IqType type) noexcept {
    const std::string_view subscription = to_string(item.subscription);
    if (subscription.empty()) return w.fail(errc::invalid_data, "roster item subscription outside the enumeration");
    if (!subscription_allowed(item.subscription, type, w.rules()))
        return w.fail(errc::invalid_data, "subscription 'remove' appears only in a roster set (RFC 6121 §2.1.2.5)");
    if ((item.ask || item.approved) && !approval_allowed(type, w.rules()))
        return w.fail(errc::invalid_data, "a client's roster set carries no 'approved' or 'ask' (RFC 6121 §2.1.2.1, §2.1.2.2)");
    for (std::string_view g : item.groups)
        if (g.empty()) return w.fail(errc::invalid_data, "empty group name (RFC 6121 §2.3.3)");
    std::vector<std::string_view> scratch;  // used beyond eight groups only
    bool oom = false;
    if (const std::string_view* dup = duplicate_group(item.groups, scratch, oom))
        return w.fail(errc::invalid_data, "duplicate group '", *dup, "' (RFC 6121 §2.3.3)");
    if (oom) return w.fail(errc::out_of_memory, "out of memory checking groups");
    writer_access::open(w, "item", roster_ns);
    write_jid(w, "jid", item.jid);
    if (item.name) w.attribute("name", *item.name);
    if (item.subscription != Subscription::none) writer_access::attribute(w, "subscription", subscription);
    if (item.ask) writer_access::attribute(w, "ask", "subscribe");
    if (item.approved) writer_access::attribute(w, "approved", "true");
    for (std::string_view g : item.groups) {
        writer_access::open(w, "group", roster_ns);
        w.text(g);
        w.close();
    }
    w.close();
}

inline void write_roster(xml_writer& w, const std::optional<std::string_view>& ver, span<const RosterItem> items,
                         IqType type) noexcept {
    // RFC 6121 §2.1.3: no item in a get; §2.1.5: exactly one in a set.
    if (const char* problem = roster_item_count_problem(type, items.size())) return w.fail(errc::invalid_data, problem);
    writer_access::open(w, "query", roster_ns);
    if (ver) w.attribute("ver", *ver);
    for (const RosterItem& item : items) write_item(w, item, type);
    w.close();
}

// The three roster payloads share one codec: read as a query, then narrowed. AnyIq decodes
// a roster as a RosterQuery (its any_form), which Parser::cast narrows.
template <class P>
struct roster_codec {
    using any_form = RosterQuery;
    static const char* narrow(const RosterQuery& q, P& out) noexcept { return narrow_roster(q, out); }
    static codec_error parse(const element& e, payload_context& ctx, P& out) noexcept {
        if constexpr (std::is_same_v<P, RosterQuery>) return read_roster(e, ctx, out);  // nothing to narrow
        RosterQuery q;
        if (codec_error err = read_roster(e, ctx, q)) return err;
        if (const char* problem = narrow_roster(q, out)) return codec_error(errc::roster_item_count, e.offset(), problem);
        return {};
    }
    static void write(const P& p, xml_writer& w, const write_context& ctx) noexcept {
        if constexpr (std::is_same_v<P, RosterGet>) write_roster(w, p.ver, {}, IqType::get);
        else if constexpr (std::is_same_v<P, RosterSet>) write_roster(w, p.ver, span<const RosterItem>(&p.item, 1), IqType::set);
        else write_roster(w, p.ver, p.items, ctx.iq_type);
    }
};

}  // namespace detail

template <> struct payload_parser<RosterGet> : detail::roster_codec<RosterGet> {};
template <> struct payload_parser<RosterSet> : detail::roster_codec<RosterSet> {};
template <> struct payload_parser<RosterQuery> : detail::roster_codec<RosterQuery> {};
template <> struct payload_serializer<RosterGet> : detail::roster_codec<RosterGet> {};
template <> struct payload_serializer<RosterSet> : detail::roster_codec<RosterSet> {};
template <> struct payload_serializer<RosterQuery> : detail::roster_codec<RosterQuery> {};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_ROSTER_HPP
