// xstanza: writing stanzas as compact canonical XML. One form: attributes in a fixed
// order, single quotes, minimal escaping, xmlns only where the namespace changes.
#ifndef XSTANZA_STANZA_SERIALIZE_HPP
#define XSTANZA_STANZA_SERIALIZE_HPP

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../xml/scan.hpp"
#include "../xml/start_tag.hpp"
#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/payload.hpp"
#include "../model/roster.hpp"
#include "../codec/roster_rules.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_error.hpp"
#include "../model/syntax.hpp"
#include "../xml/writer.hpp"

namespace xstanza {

namespace detail {

inline void write_jid_attr(xml_writer& w, std::string_view name, const Jid& j) noexcept {
    if (j.empty()) return w.fail(errc::invalid_data, "'", name, "' is an empty JID");
    w.attribute_begin(name);
    if (!j.local().empty()) {
        w.attribute_piece(j.local());
        writer_access::piece(w, '@');
    }
    w.attribute_piece(j.domain());
    if (!j.resource().empty()) {
        writer_access::piece(w, '/');
        w.attribute_piece(j.resource());
    }
    w.attribute_end();
}

// RFC 6121 §2.3.3: group names are unique within an item; O(n log n).
inline bool unique_groups(xml_writer& w, span<const std::string_view> groups) noexcept {
    std::vector<std::string_view> sorted;
    try {
        sorted.assign(groups.begin(), groups.end());
    } catch (...) {
        w.fail(errc::out_of_memory, "out of memory checking groups");
        return false;
    }
    std::sort(sorted.begin(), sorted.end());
    auto dup = std::adjacent_find(sorted.begin(), sorted.end());
    if (dup == sorted.end()) return true;
    w.fail(errc::invalid_data, "duplicate group '", *dup, "' (RFC 6121 §2.3.3)");
    return false;
}

// RFC 6121 §2.1.2: one item; the rules the parser enforces are enforced here too, so
// that whatever serializes also parses.
inline void write_item(xml_writer& w, const RosterItem& item, IqType type) noexcept {
    const std::string_view subscription = to_string(item.subscription);
    if (subscription.empty()) return w.fail(errc::invalid_data, "roster item subscription outside the enumeration");
    if (!subscription_allowed(item.subscription, type, w.rules()))
        return w.fail(errc::invalid_data, "subscription 'remove' appears only in a roster set (RFC 6121 §2.1.2.5)");
    if ((item.ask || item.approved) && !approval_allowed(type, w.rules()))
        return w.fail(errc::invalid_data, "a client's roster set carries no 'approved' or 'ask' (RFC 6121 §2.1.2.1, §2.1.2.2)");
    writer_access::open(w, "item", roster_ns);
    write_jid_attr(w, "jid", item.jid);
    if (item.name) w.attribute("name", *item.name);
    if (item.subscription != Subscription::none) writer_access::attribute(w, "subscription", subscription);
    if (item.ask) writer_access::attribute(w, "ask", "subscribe");
    if (item.approved) writer_access::attribute(w, "approved", "true");
    // Duplicates: pairwise for a few groups (no allocation), sorted beyond, as the parser does:
    // a parsed item may hold 100,000 groups, and n² comparisons would be a denial of service.
    const bool many = item.groups.size() > 8;
    if (many && !unique_groups(w, item.groups)) return;
    for (std::size_t i = 0; i < item.groups.size(); ++i) {
        std::string_view g = item.groups[i];
        if (g.empty()) return w.fail(errc::invalid_data, "empty group name (RFC 6121 §2.3.3)");
        for (std::size_t k = 0; !many && k < i; ++k)
            if (item.groups[k] == g) return w.fail(errc::invalid_data, "duplicate group '", g, "' (RFC 6121 §2.3.3)");
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

// The local name and the namespace an element's own start tag gives it (its bytes having
// been checked well-formed): the xmlns or xmlns:prefix it declares, "" when it declares none.
inline void opaque_identity(std::string_view xml, std::string_view& local, std::string_view& ns) noexcept {
    std::string_view qname = read_start_tag(xml, [](const raw_attribute&) {});
    std::size_t colon = qname.find(':');
    std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
    local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    ns = {};
    read_start_tag(xml, [&](const raw_attribute& a) {
        if (prefix.empty() ? a.name == "xmlns" : a.name.size() == prefix.size() + 6 && a.name.substr(6) == prefix &&
                                                     a.name.substr(0, 6) == "xmlns:")
            ns = a.value;
    });
}

inline void write_opaque(xml_writer& w, const OpaqueElement& e, std::string_view stanza_ns) noexcept {
    if (!e.node) {
        // Built by the caller: prove it is one well-formed element before writing it.
        scanner s;
        parse_error err = s.scan(e.xml.data(), e.xml.size(), parse_limits{});
        if (err) return w.fail(errc::invalid_data, "opaque payload is not well-formed XML: ", err.message());
        if (s.root_begin() != 0 || s.root_end() != e.xml.size())
            return w.fail(errc::invalid_data, "opaque payload has bytes around its element");
        // Its bytes must say what its name and ns say: written inside the stanza, an element
        // without a namespace of its own would land in the stanza's.
        std::string_view local, ns;
        opaque_identity(e.xml, local, ns);
        if (local != e.name || ns != e.ns || ns.empty())
            return w.fail(errc::invalid_data, "opaque payload <", e.name, " xmlns='", e.ns, "'> holds the bytes of <",
                          local, " xmlns='", ns, "'>; the element must declare its own namespace");
    }
    // RFC 6120 §8.3.1: <error/> in the stanza's namespace is the error, never a payload.
    if (e.name == "error" && e.ns == stanza_ns)
        return w.fail(errc::invalid_data, "an <error/> in the stanza namespace is no payload (RFC 6120 §8.3.1)");
    // RFC 6120 §8.4: an extension element has a namespace of its own.
    if (!is_extension_namespace(e.ns))
        return w.fail(errc::invalid_data, "payload <", e.name, "> in namespace '", e.ns,
                      "'; an extension element has a namespace of its own (RFC 6120 §8.4)");
    w.raw(e.xml);
}

inline void write_payload(xml_writer& w, const AnyPayload& p, IqType type) noexcept {
    if (const RosterQuery* q = p.roster()) write_roster(w, q->ver, q->items, type);
    else if (const OpaqueElement* o = p.opaque()) write_opaque(w, *o, "jabber:client");
}

// RFC 6120 §8.1.5: xml:lang is a language tag (not empty: "no language" is no attribute).
inline void write_lang(xml_writer& w, std::string_view lang) noexcept {
    if (lang.empty()) return;
    w.attribute("xml:lang", lang);
    if (!w.failed() && !is_language_tag(lang))
        return w.fail(errc::invalid_data, "xml:lang='", lang, "' is not a language tag (RFC 6120 §8.1.5, RFC 5646)");
}

// RFC 6120 §8.3.2: <error type='...' by='...'><condition/><text/><app/></error>.
inline void write_error(xml_writer& w, const StanzaError& e, std::string_view stanza_ns) noexcept {
    const std::string_view type = to_string(e.type), condition = to_string(e.condition);
    if (type.empty()) return w.fail(errc::invalid_data, "stanza error type outside the enumeration");
    if (condition.empty()) return w.fail(errc::invalid_data, "stanza error condition outside the enumeration");
    writer_access::open(w, "error", stanza_ns);
    writer_access::attribute(w, "type", type);
    if (e.by) write_jid_attr(w, "by", *e.by);
    writer_access::open(w, condition, stanzas_ns);
    if (!e.uri.empty()) {
        if (e.condition != Condition::gone && e.condition != Condition::redirect)
            return w.fail(errc::invalid_data, "only <gone/> and <redirect/> carry a URI (RFC 6120 §8.3.3)");
        w.text(e.uri);
        // RFC 6120 §8.3.3.5, §8.3.3.14: what they carry MUST be a URI or IRI.
        if (!w.failed() && !is_uri(e.uri))
            return w.fail(errc::invalid_data, "'", e.uri, "' is not a URI or IRI (RFC 6120 §8.3.3.5, §8.3.3.14)");
    }
    w.close();
    if (e.text) {
        writer_access::open(w, "text", stanzas_ns);
        write_lang(w, e.text_lang);
        w.text(*e.text);
        w.close();
    } else if (!e.text_lang.empty()) {
        return w.fail(errc::invalid_data, "a text_lang without a text: the language of no <text/>");
    }
    if (e.app) {
        if (e.app->ns.empty() || e.app->ns == stanzas_ns || e.app->ns == stanza_ns)
            return w.fail(errc::invalid_data, "an application-specific condition needs its own namespace (RFC 6120 §8.3.2)");
        // Namespaces in XML 1.0 §3: no default namespace declaration names the XML or xmlns namespace.
        if (e.app->ns == xml_ns || e.app->ns == scanner::xmlns_uri)
            return w.fail(errc::invalid_data, "an application-specific condition cannot be in the reserved namespace '",
                          e.app->ns, "' (Namespaces in XML 1.0 §3)");
        w.open(e.app->name, e.app->ns);
        w.close();
    }
    w.close();
}

template <class T>
void write_header(xml_writer& w, const T& iq, IqType type) noexcept {
    const std::string_view type_name = to_string(type);
    if (type_name.empty()) return w.fail(errc::invalid_data, "IQ type outside the enumeration");
    writer_access::open(w, "iq", "jabber:client");
    writer_access::attribute(w, "type", type_name);
    // RFC 6120 §8.2.3: every IQ has a non-empty id.
    if (iq.id.empty()) return w.fail(errc::invalid_data, "an IQ needs a non-empty id (RFC 6120 §8.2.3)");
    w.attribute("id", iq.id);
    if (iq.from) write_jid_attr(w, "from", *iq.from);
    if (iq.to) write_jid_attr(w, "to", *iq.to);
    write_lang(w, iq.lang);
}

template <class P>
void write_typed_payload(xml_writer& w, const P& p, IqType type) noexcept {
    if constexpr (std::is_same_v<P, AnyPayload>) write_payload(w, p, type);
    else if constexpr (std::is_same_v<P, RosterGet>) write_roster(w, p.ver, {}, IqType::get);
    else if constexpr (std::is_same_v<P, RosterSet>) write_roster(w, p.ver, span<const RosterItem>(&p.item, 1), IqType::set);
    else if constexpr (std::is_same_v<P, RosterQuery>) write_roster(w, p.ver, p.items, type);
    else {
        // A user serializer must close what it opens and nothing more, or the XML is malformed.
        std::size_t depth = w.depth();
        payload_serializer<P>::write(p, w);
        if (w.depth() != depth)
            w.fail(errc::invalid_data, "payload_serializer<", payload_traits<P>::name, "> left its elements unbalanced");
    }
}

inline void write_stanza(xml_writer& w, const AnyIq& iq) noexcept {
    write_header(w, iq, iq.type);
    bool is_error = iq.type == IqType::error;
    if ((iq.type == IqType::get || iq.type == IqType::set) && iq.payload.empty())
        return w.fail(errc::invalid_data, "a ", to_string(iq.type), " IQ carries exactly one payload (RFC 6120 §8.2.3)");
    if (is_error != iq.error.has_value())
        return w.fail(errc::invalid_data, is_error ? "an error IQ needs a StanzaError (RFC 6120 §8.3.1)"
                                                   : "only an error IQ carries a StanzaError (RFC 6120 §8.3.1)");
    write_payload(w, iq.payload, iq.type);
    if (iq.error) write_error(w, *iq.error, "jabber:client");
    w.close();
}

template <class Type, class P>
void write_stanza(xml_writer& w, const Iq<Type, P>& iq) noexcept {
    constexpr IqType type = iq_type_of<Type>;
    write_header(w, iq, type);
    if constexpr (std::is_same_v<Type, Error>) {
        if constexpr (!std::is_void_v<P>) {
            if (iq.payload) write_typed_payload(w, *iq.payload, type);
        }
        write_error(w, iq.error, "jabber:client");
    } else if constexpr (!std::is_void_v<P>) {
        if constexpr (std::is_same_v<P, AnyPayload>) {
            if (type != IqType::result && iq.payload.empty())
                return w.fail(errc::invalid_data, "a ", to_string(type), " IQ carries exactly one payload (RFC 6120 §8.2.3)");
        }
        write_typed_payload(w, iq.payload, type);
    }
    w.close();
}

inline bool append_to_string(void* ctx, const char* p, std::size_t n) noexcept {
    try {
        static_cast<std::string*>(ctx)->append(p, n);
        return true;
    } catch (...) {
        return false;
    }
}

struct fixed_buffer {
    char* data;
    std::size_t capacity;
    std::size_t used;
};
inline bool append_to_fixed(void* ctx, const char* p, std::size_t n) noexcept {
    auto* b = static_cast<fixed_buffer*>(ctx);
    if (b->used < b->capacity) std::memcpy(b->data + b->used, p, std::min(n, b->capacity - b->used));
    b->used += n;
    return true;
}

template <class OutIt>
struct iterator_sink {
    OutIt it;
    static bool put(void* ctx, const char* p, std::size_t n) noexcept {
        auto* s = static_cast<iterator_sink*>(ctx);
        try {
            s->it = std::copy(p, p + n, s->it);
            return true;
        } catch (...) {
            return false;
        }
    }
};

template <class T> inline constexpr bool is_stanza_v = std::is_same_v<T, AnyIq>;
template <class Type, class P> inline constexpr bool is_stanza_v<Iq<Type, P>> = true;

}  // namespace detail

/// Appends the canonical XML of `stanza` (an Iq<...> or AnyIq) to `out`. On error, `out`
/// is restored to its previous size and nothing is written. Applies the sender's rules
/// (rules.hpp) of an entity of role `sender`: a client's roster set carries no 'approved'
/// or 'ask' (RFC 6121 §2.1.2.1, §2.1.2.2), a server's push may.
template <class T>
parse_error serialize(const T& stanza, std::string& out, role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize: T is an Iq<Type, Payload> or an AnyIq");
    std::size_t before = out.size();
    xml_writer w(&detail::append_to_string, &out, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    parse_error e = w.finish();
    if (e) out.resize(before);  // shrinking never allocates
    return e;
}

/// The canonical XML of `stanza` as a new string.
template <class T>
result<std::string> to_xml(const T& stanza, role sender = role::client) noexcept {
    std::string s;
    if (parse_error e = serialize(stanza, s, sender)) return e;
    return s;
}

/// What serialize_into reports: an error (buffer_too_small among them) and the size the
/// complete output needs, so that a caller can retry with a buffer that large.
struct [[nodiscard]] serialize_result {
    parse_error error;
    std::size_t size = 0;
    explicit operator bool() const noexcept { return !error; }
};

/// Writes into the caller's fixed buffer; never writes past `capacity`. On
/// buffer_too_small, `size` is the number of bytes required.
template <class T>
serialize_result serialize_into(const T& stanza, char* buffer, std::size_t capacity,
                                role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize_into: T is an Iq<Type, Payload> or an AnyIq");
    detail::fixed_buffer b{buffer, capacity, 0};
    xml_writer w(&detail::append_to_fixed, &b, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    serialize_result r{w.finish(), b.used};
    if (!r.error && b.used > capacity)
        r.error = parse_error::make(errc::buffer_too_small, capacity, "output needs more bytes than the buffer holds");
    return r;
}

/// Writes to an output iterator (e.g. std::back_inserter(vector)); returns the iterator
/// past the output, or the error. On error, some output may already have been written.
template <class T, class OutIt>
result<OutIt> serialize_to(const T& stanza, OutIt out, role sender = role::client) noexcept {
    static_assert(detail::is_stanza_v<T>, "serialize_to: T is an Iq<Type, Payload> or an AnyIq");
    detail::iterator_sink<OutIt> s{out};
    xml_writer w(&detail::iterator_sink<OutIt>::put, &s, "jabber:client", sender);
    detail::write_stanza(w, stanza);
    if (parse_error e = w.finish()) return e;
    return s.it;
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_SERIALIZE_HPP
