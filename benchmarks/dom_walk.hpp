// benchmarks: the typed walk (walk.hpp) over any DOM, for the adapters that build a tree.
//
// An adapter supplies a Dom policy with:
//   static std::string_view name(Node);
//   template <class F> static bool attributes(Node, F);  // F(name, value) -> bool; false stops, fails
//   template <class F> static bool elements(Node, F);    // F(Node) for each element child -> bool
//   static auto text(Node);                              // character data (string_view or std::string)
#ifndef XSTANZA_BENCH_DOM_WALK_HPP
#define XSTANZA_BENCH_DOM_WALK_HPP

#include <string_view>

#include "walk.hpp"

namespace xstanza_bench {

// Namespaces: an element's own xmlns, else its parent's (the corpora use no prefixes).
template <class Dom, class Node, class D>
bool walk_roster_item(Node item, D& d) {
    if (Dom::name(item) != "item") return false;
    item_fields f;
    if (!Dom::attributes(item, [&](std::string_view n, std::string_view v) { return f.attribute(n, v); })) return false;
    if (!f.feed(d)) return false;
    return Dom::elements(item, [&](Node g) {
        if (Dom::name(g) != "group") return false;
        const auto t = Dom::text(g);
        if (t.size() == 0) return false;  // RFC 6121 §2.3.3: group names are non-empty
        d.str(t);
        return true;
    });
}

template <class Dom, class Node, class D>
bool walk_payload(Node p, std::string_view iq_ns, D& d) {
    std::string_view ns = iq_ns, ver;
    bool has_ver = false;
    Dom::attributes(p, [&](std::string_view n, std::string_view v) {
        if (n == "xmlns") ns = v;
        else if (n == "ver") { ver = v; has_ver = true; }
        return true;
    });
    const std::string_view name = Dom::name(p);
    d.str(name);
    d.str(ns);
    if (name != "query" || ns != roster_ns) return true;  // any other payload stays opaque
    if (has_ver) d.str(ver);
    return Dom::elements(p, [&](Node item) { return walk_roster_item<Dom>(item, d); });
}

template <class Dom, class Node, class D>
bool walk_error(Node e, std::string_view iq_ns, D& d) {
    unsigned type = no_match, condition = no_match;
    std::string_view ns = iq_ns;
    Dom::attributes(e, [&](std::string_view n, std::string_view v) {
        if (n == "type") type = lookup(error_types, v);
        else if (n == "xmlns") ns = v;
        return true;
    });
    bool has_text = false;
    decltype(Dom::text(e)) text{};
    std::string_view lang;
    bool ok = Dom::elements(e, [&](Node c) {
        std::string_view cns = ns;
        std::string_view clang;
        Dom::attributes(c, [&](std::string_view n, std::string_view v) {
            if (n == "xmlns") cns = v;
            else if (n == "xml:lang") clang = v;
            return true;
        });
        if (cns != stanzas_ns) return true;  // an application-specific condition: not walked
        const std::string_view name = Dom::name(c);
        if (name == "text") {
            has_text = true;
            text = Dom::text(c);
            lang = clang;
            return true;
        }
        condition = lookup(conditions, name);
        return condition != no_match;
    });
    if (!ok || type == no_match || condition == no_match) return false;
    d.tag(type);
    d.tag(condition);
    if (has_text) d.str(text);
    if (!lang.empty()) d.str(lang);
    return true;
}

/// An element's namespace: its own xmlns, else `inherited`.
template <class Dom, class Node>
std::string_view ns_of(Node n, std::string_view inherited) {
    Dom::attributes(n, [&](std::string_view a, std::string_view v) {
        if (a == "xmlns") inherited = v;
        return true;
    });
    return inherited;
}

/// Feeds the attributes of an element through fields F (caps_fields, delay_fields, ...).
template <class Dom, class F, class Node, class D>
bool walk_fields(Node n, D& d) {
    F f;
    Dom::attributes(n, [&](std::string_view a, std::string_view v) { return f.attribute(a, v); });
    return f.feed(d);
}

/// The xml:lang of an element itself ("" when it inherits).
template <class Dom, class Node>
std::string_view lang_of(Node n) {
    std::string_view lang;
    Dom::attributes(n, [&](std::string_view a, std::string_view v) {
        if (a == "xml:lang") lang = v;
        return true;
    });
    return lang;
}

/// The children of a message or presence in the stanza's namespace named `name`, fed as
/// texts tagged `part`, in document order.
template <class Dom, class Node, class D>
bool walk_texts(Node st, std::string_view st_ns, std::string_view name, unsigned part, D& d) {
    return Dom::elements(st, [&](Node c) {
        if (Dom::name(c) == name && ns_of<Dom>(c, st_ns) == st_ns) feed_text(d, part, Dom::text(c), lang_of<Dom>(c));
        return true;
    });
}

/// A <message/>: header, bodies, subjects, thread, the first delay, the other extensions.
template <class Dom, class Node, class D>
bool walk_message(Node m, D& d) {
    stanza_header<5> h(message_types);
    std::string_view st_ns;
    Dom::attributes(m, [&](std::string_view n, std::string_view v) {
        if (n == "xmlns") st_ns = v;
        else h.attribute(n, v);
        return true;
    });
    if (!h.feed(d, message_tag)) return false;
    if (!walk_texts<Dom>(m, st_ns, "body", part_body, d) || !walk_texts<Dom>(m, st_ns, "subject", part_subject, d)) return false;
    bool ok = Dom::elements(m, [&](Node c) {
        if (Dom::name(c) != "thread" || ns_of<Dom>(c, st_ns) != st_ns) return true;
        std::string_view parent;
        bool has_parent = false;
        Dom::attributes(c, [&](std::string_view n, std::string_view v) {
            if (n == "parent") { parent = v; has_parent = true; }
            return true;
        });
        d.tag(part_thread);
        d.str(Dom::text(c));
        d.tag(has_parent ? 1u : 0u);
        if (has_parent) d.str(parent);
        return true;
    });
    Node delay{};
    ok = ok && Dom::elements(m, [&](Node c) {
        if (!delay && Dom::name(c) == "delay" && ns_of<Dom>(c, st_ns) == delay_ns) delay = c;
        return true;
    });
    if (!ok || (delay && !walk_fields<Dom, delay_fields>(delay, d))) return false;
    return Dom::elements(m, [&](Node c) {
        const std::string_view ns = ns_of<Dom>(c, st_ns);
        if (ns != st_ns && c != delay) feed_extension(d, Dom::name(c), ns);
        return true;
    });
}

/// A <presence/>: header, show, priority, statuses, the first caps, the other extensions
/// (a muc#user <x/>'s items after its name and namespace).
template <class Dom, class Node, class D>
bool walk_presence(Node p, D& d) {
    stanza_header<8> h(presence_types);
    std::string_view st_ns;
    Dom::attributes(p, [&](std::string_view n, std::string_view v) {
        if (n == "xmlns") st_ns = v;
        else h.attribute(n, v);
        return true;
    });
    if (!h.feed(d, presence_tag)) return false;
    unsigned show = 0, priority = 0;
    Node caps{};
    bool ok = Dom::elements(p, [&](Node c) {
        const std::string_view name = Dom::name(c), ns = ns_of<Dom>(c, st_ns);
        if (ns == st_ns && name == "show") show = lookup(shows, Dom::text(c));
        else if (ns == st_ns && name == "priority") priority = priority_tag(Dom::text(c));
        else if (!caps && name == "c" && ns == caps_ns) caps = c;
        return show != no_match && priority != no_match;
    });
    if (!ok) return false;
    d.tag(show);
    d.tag(priority);
    if (!walk_texts<Dom>(p, st_ns, "status", part_status, d)) return false;
    if (caps && !walk_fields<Dom, caps_fields>(caps, d)) return false;
    return Dom::elements(p, [&](Node c) {
        const std::string_view name = Dom::name(c), ns = ns_of<Dom>(c, st_ns);
        if (ns == st_ns || c == caps) return true;
        feed_extension(d, name, ns);
        if (name != "x" || ns != muc_user_ns) return true;
        return Dom::elements(c, [&](Node item) {
            if (Dom::name(item) != "item" || ns_of<Dom>(item, ns) != muc_user_ns) return true;
            return walk_fields<Dom, muc_item_fields>(item, d);
        });
    });
}

/// The whole walk from the root element; false when the stanza is not a valid one for it.
template <class Dom, class Node, class D>
bool walk_dom(Node iq, D& d) {
    if (iq && Dom::name(iq) == "message") return walk_message<Dom>(iq, d);
    if (iq && Dom::name(iq) == "presence") return walk_presence<Dom>(iq, d);
    if (!iq || Dom::name(iq) != "iq") return false;
    header_fields h;
    std::string_view iq_ns;
    Dom::attributes(iq, [&](std::string_view n, std::string_view v) {
        if (n == "xmlns") iq_ns = v;
        else h.attribute(n, v);
        return true;
    });
    if (!h.feed(d)) return false;
    Node payload{}, error{};
    Dom::elements(iq, [&](Node c) {
        if (Dom::name(c) == "error") {
            if (!error) error = c;
        } else if (!payload) {
            payload = c;
        }
        return true;
    });
    if (payload && !walk_payload<Dom>(payload, iq_ns, d)) return false;
    if (error && !walk_error<Dom>(error, iq_ns, d)) return false;
    return true;
}

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_DOM_WALK_HPP
