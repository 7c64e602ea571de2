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

/// The whole walk from the root element; false when the stanza is not a valid IQ for it.
template <class Dom, class Node, class D>
bool walk_dom(Node iq, D& d) {
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
