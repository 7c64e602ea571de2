// xstanza: Service Discovery (XEP-0030), read next to its write, through the extension point
// (payload_traits in model/disco.hpp, payload_parser / payload_serializer here) exactly as the
// roster is. Every rule is one function below, called by the reading side and the writing side.
// The lists a parse fills (identities, features, items) live in the parse's storage, so a
// parse allocates nothing once warm.
//
// XEP-0128 data forms in a disco#info result are elements of another namespace
// (jabber:x:data): skipped when reading, as every extension child is, and not modelled (see
// model/disco.hpp).
#ifndef XSTANZA_CODEC_DISCO_HPP
#define XSTANZA_CODEC_DISCO_HPP

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "../model/disco.hpp"
#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"
#include "payload_common.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, each called by the reading and the writing side ----

// XEP-0030 §3.1: a disco#info request is an empty <query/>; the result carries one or more
// <identity/> and one or more <feature/> ("Every entity MUST have at least one identity").
// An error may echo the request as it came: no count applies.
inline const char* disco_info_count_problem(IqType type, std::size_t identities, std::size_t features) noexcept {
    if (type == IqType::get && (identities || features))
        return "a disco#info request is an empty <query/> (XEP-0030 §3.1)";
    if (type == IqType::result && identities == 0)
        return "a disco#info result carries at least one <identity/> (XEP-0030 §3.1)";
    if (type == IqType::result && features == 0)
        return "a disco#info result carries at least one <feature/> (XEP-0030 §3.1)";
    return nullptr;
}

// XEP-0030 §4.1: a disco#items request is an empty <query/>; a result lists zero or more items.
inline const char* disco_items_count_problem(IqType type, std::size_t items) noexcept {
    if (type == IqType::get && items) return "a disco#items request is an empty <query/> (XEP-0030 §4.1)";
    return nullptr;
}

// XEP-0030 §4.2: "The value of the 'node' attribute MUST NOT be null" (no attribute, not an
// empty one).
inline const char* disco_node_problem(const std::optional<std::string_view>& node) noexcept {
    if (node && node->empty()) return "an empty 'node' (XEP-0030 §4.2: its value MUST NOT be null)";
    return nullptr;
}

// XEP-0030 §3.1: every identity has category and type.
inline const char* disco_identity_problem(const DiscoIdentity& i) noexcept {
    if (i.category.empty()) return "an <identity/> without 'category' (XEP-0030 §3.1: every identity has category and type)";
    if (i.type.empty()) return "an <identity/> without 'type' (XEP-0030 §3.1: every identity has category and type)";
    return nullptr;
}

// XEP-0030 §3.1: every feature has a 'var'.
inline const char* disco_feature_problem(std::string_view var) noexcept {
    if (var.empty()) return "a <feature/> without 'var' (XEP-0030 §3.1)";
    return nullptr;
}

// XEP-0030 §4.1: every item has a 'jid'; §4.2: its node is not null.
inline const char* disco_item_problem(const DiscoItem& item) noexcept {
    if (item.jid.empty()) return "an <item/> without 'jid' (XEP-0030 §4.1)";
    return disco_node_problem(item.node);
}

// The identity key of XEP-0030 §3.1 and XEP-0115 §5.4: category + type + xml:lang.
inline bool identity_key_less(const DiscoIdentity& a, const DiscoIdentity& b) noexcept {
    if (a.category != b.category) return a.category < b.category;
    if (a.type != b.type) return a.type < b.type;
    return a.lang < b.lang;
}
inline bool identity_key_equal(const DiscoIdentity& a, const DiscoIdentity& b) noexcept {
    return a.category == b.category && a.type == b.type && a.lang == b.lang;
}
inline bool feature_less(std::string_view a, std::string_view b) noexcept { return a < b; }
inline bool feature_equal(std::string_view a, std::string_view b) noexcept { return a == b; }

// The index of the first element (in document order) whose key repeats an earlier one's, or
// v.size(). Pairwise for a few (no allocation); beyond, indices sorted in `scratch` (n²
// comparisons on a 10,000-feature result would be a denial of service). std::sort with the
// index as the last key: no temporary buffer. `oom` is set when `scratch` could not grow.
template <class T, class Less, class Equal>
std::size_t first_repeat(span<const T> v, std::vector<std::size_t>& scratch, bool& oom, Less less, Equal equal) noexcept {
    const std::size_t n = v.size();
    if (n <= 8) {
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (equal(v[k], v[i])) return i;
        return n;
    }
    try {
        scratch.resize(n);
    } catch (...) {
        oom = true;
        return n;
    }
    for (std::size_t i = 0; i < n; ++i) scratch[i] = i;
    std::sort(scratch.begin(), scratch.end(), [&](std::size_t a, std::size_t b) {
        if (less(v[a], v[b])) return true;
        if (less(v[b], v[a])) return false;
        return a < b;
    });
    std::size_t first = n;
    for (std::size_t i = 1; i < n; ++i)
        if (equal(v[scratch[i - 1]], v[scratch[i]]) && scratch[i] < first) first = scratch[i];
    return first;
}

// XEP-0030 §3.1: "the <query/> element MUST NOT include multiple <identity/> elements with the
// same category+type+xml:lang but with different 'name' values"; XEP-0115 §5.4: a response
// with more than one identity of the same category/type/lang/name is ill-formed. Together: no
// two identities share category+type+xml:lang. The message for the repeat at `i`.
inline const char* disco_duplicate_identity_message(span<const DiscoIdentity> ids, std::size_t i) noexcept {
    for (std::size_t k = 0; k < i; ++k)
        if (identity_key_equal(ids[k], ids[i]) && ids[k].name != ids[i].name)
            return "two <identity/> with the same category, type and xml:lang but different names "
                   "(XEP-0030 §3.1: the query MUST NOT include them)";
    return "a duplicate <identity/>: same category, type, xml:lang and name (XEP-0115 §5.4: the response is ill-formed)";
}
inline constexpr const char* disco_duplicate_feature_message =
    "a duplicate <feature/> (XEP-0115 §5.4: a response with two features of the same 'var' is ill-formed)";

// ---- reading ----

// The lists a disco#info parse fills, kept in the parse's storage (one lookup per parse), with
// each entry's offset in the input for the error that names a repeat.
struct disco_info_storage {
    std::vector<DiscoIdentity> identities;
    std::vector<std::size_t> identity_at;
    std::vector<std::string_view> features;
    std::vector<std::size_t> feature_at;
    std::vector<std::size_t> scratch;
    void clear() noexcept {
        identities.clear();
        identity_at.clear();
        features.clear();
        feature_at.clear();
    }
};

// XEP-0030 §3.1: the attributes of one <identity/>.
XSTANZA_CODEC_STEP codec_error read_identity(const element& e, DiscoIdentity& id) noexcept {
    for (attribute a : e.attributes()) {
        const std::string_view n = a.qname();
        if (is(n, "category")) id.category = a.value();
        else if (is(n, "type")) id.type = a.value();
        else if (is(n, "name")) id.name = a.value();
        else if (is(n, "xml:lang")) {
            if (codec_error err = read_lang(a, id.lang)) return err;
        }
    }
    if (const char* problem = disco_identity_problem(id)) return codec_error(errc::invalid_payload, e.offset(), problem);
    return {};
}

// XEP-0030 §3.1: one <feature/>, its 'var'; "MUST NOT have any children".
XSTANZA_CODEC_STEP codec_error read_feature(const element& e, std::string_view& var) noexcept {
    if (auto a = e.find("var")) var = a->value();
    if (const char* problem = disco_feature_problem(var)) return codec_error(errc::invalid_payload, e.offset(), problem);
    if (e.has_children() || !trim_space(e.text()).empty())
        return codec_error(errc::invalid_payload, e.offset(), "a <feature/> has no children (XEP-0030 §3.1)");
    return {};
}

XSTANZA_CODEC_STEP codec_error read_node(const element& e, std::optional<std::string_view>& node) noexcept {
    if (auto a = e.find("node")) {
        node = a->value();
        if (const char* problem = disco_node_problem(node)) return codec_error(errc::invalid_payload, a->offset(), problem);
    }
    return {};
}

/// XEP-0030 §3: <query xmlns='http://jabber.org/protocol/disco#info'/> in an IQ of ctx.iq_type().
inline codec_error read_disco_info(const element& e, payload_context& ctx, DiscoInfoQuery& out) noexcept {
    disco_info_storage* lists = ctx.storage().object<disco_info_storage>();
    if (!lists) return codec_error(errc::out_of_memory, e.offset(), "out of memory storing disco#info lists");
    if (codec_error err = read_node(e, out.node)) return err;
    const std::string_view query_ns = e.ns();  // disco#info, checked by the caller
    std::size_t first_child = e.offset();
    try {
        for (element c : e) {
            if (!same(c.ns(), query_ns)) continue;  // other namespaces (XEP-0128 forms among them): skipped
            if (lists->identities.empty() && lists->features.empty()) first_child = c.offset();
            const std::string_view local = c.name();
            if (is(local, "identity")) {
                DiscoIdentity& id = lists->identities.emplace_back();
                lists->identity_at.push_back(c.offset());
                if (codec_error err = read_identity(c, id)) return err;
            } else if (is(local, "feature")) {
                std::string_view& var = lists->features.emplace_back();
                lists->feature_at.push_back(c.offset());
                if (codec_error err = read_feature(c, var)) return err;
            } else {
                return codec_error::make(errc::invalid_payload, c.offset(), "unexpected <", local,
                                         "/> in a disco#info query; only <identity/> and <feature/> are defined (XEP-0030 §3.1)");
            }
        }
    } catch (...) {
        return codec_error(errc::out_of_memory, e.offset(), "out of memory storing disco#info lists");
    }
    const span<const DiscoIdentity> ids(lists->identities.data(), lists->identities.size());
    const span<const std::string_view> features(lists->features.data(), lists->features.size());
    if (const char* problem = disco_info_count_problem(ctx.iq_type(), ids.size(), features.size()))
        return codec_error(errc::invalid_payload, ctx.iq_type() == IqType::get ? first_child : e.offset(), problem);
    bool oom = false;
    const std::size_t id_repeat = first_repeat(ids, lists->scratch, oom, identity_key_less, identity_key_equal);
    if (id_repeat < ids.size())
        return codec_error(errc::invalid_payload, lists->identity_at[id_repeat], disco_duplicate_identity_message(ids, id_repeat));
    const std::size_t feature_repeat = first_repeat(features, lists->scratch, oom, feature_less, feature_equal);
    if (feature_repeat < features.size())
        return codec_error::make(errc::invalid_payload, lists->feature_at[feature_repeat], disco_duplicate_feature_message,
                                 ": '", features[feature_repeat], "'");
    if (oom) return codec_error(errc::out_of_memory, e.offset(), "out of memory checking disco#info lists");
    out.identities = ids;
    out.features = features;
    return {};
}

struct disco_items_tag {};

/// XEP-0030 §4: <query xmlns='http://jabber.org/protocol/disco#items'/> in an IQ of ctx.iq_type().
inline codec_error read_disco_items(const element& e, payload_context& ctx, DiscoItemsQuery& out) noexcept {
    std::vector<DiscoItem>* items = ctx.storage().list<DiscoItem, disco_items_tag>();
    if (!items) return codec_error(errc::out_of_memory, e.offset(), "out of memory storing disco#items");
    if (codec_error err = read_node(e, out.node)) return err;
    const std::string_view query_ns = e.ns();  // disco#items, checked by the caller
    try {
        for (element c : e) {
            if (!same(c.ns(), query_ns)) continue;  // other namespaces: extensions, skipped
            if (!is(c.name(), "item"))
                return codec_error::make(errc::invalid_payload, c.offset(), "unexpected <", c.name(),
                                         "/> in a disco#items query; only <item/> is defined (XEP-0030 §4.1)");
            // XEP-0030 §4.1: no item in a request.
            if (const char* problem = disco_items_count_problem(ctx.iq_type(), items->size() + 1))
                return codec_error(errc::invalid_payload, c.offset(), problem);
            DiscoItem& item = items->emplace_back();
            std::optional<Jid> jid;
            for (attribute a : c.attributes()) {
                const std::string_view n = a.qname();
                if (is(n, "jid")) {
                    if (codec_error err = read_payload_jid(a, "disco item 'jid'", jid, "XEP-0030 §4.1")) return err;
                    item.jid = *jid;
                } else if (is(n, "node")) {
                    item.node = a.value();
                    if (const char* problem = disco_node_problem(item.node))
                        return codec_error(errc::invalid_payload, a.offset(), problem);
                } else if (is(n, "name")) {
                    item.name = a.value();
                }
            }
            if (const char* problem = disco_item_problem(item)) return codec_error(errc::invalid_payload, c.offset(), problem);
            // XEP-0030 §4.1: "The <item/> element MUST NOT contain XML character data".
            if (!trim_space(c.text()).empty())
                return codec_error(errc::invalid_payload, c.offset(), "an <item/> holds no character data (XEP-0030 §4.1)");
        }
    } catch (...) {
        return codec_error(errc::out_of_memory, e.offset(), "out of memory storing disco#items");
    }
    out.items = span<const DiscoItem>(items->data(), items->size());
    return {};
}

// ---- writing: the rules the reading side enforces, enforced here too, so that whatever
// serializes also parses ----

inline void write_disco_info(xml_writer& w, const DiscoInfoQuery& q, IqType type) noexcept {
    if (const char* problem = disco_node_problem(q.node)) return w.fail(errc::invalid_data, problem);
    if (const char* problem = disco_info_count_problem(type, q.identities.size(), q.features.size()))
        return w.fail(errc::invalid_data, problem);
    for (const DiscoIdentity& id : q.identities)
        if (const char* problem = disco_identity_problem(id)) return w.fail(errc::invalid_data, problem);
    for (std::string_view var : q.features)
        if (const char* problem = disco_feature_problem(var)) return w.fail(errc::invalid_data, problem);
    std::vector<std::size_t> scratch;  // used beyond eight entries only
    bool oom = false;
    const std::size_t id_repeat = first_repeat(q.identities, scratch, oom, identity_key_less, identity_key_equal);
    if (id_repeat < q.identities.size()) return w.fail(errc::invalid_data, disco_duplicate_identity_message(q.identities, id_repeat));
    const std::size_t feature_repeat = first_repeat(q.features, scratch, oom, feature_less, feature_equal);
    if (feature_repeat < q.features.size())
        return w.fail(errc::invalid_data, disco_duplicate_feature_message, ": '", q.features[feature_repeat], "'");
    if (oom) return w.fail(errc::out_of_memory, "out of memory checking disco#info lists");
    writer_access::open(w, "query", disco_info_ns);
    if (q.node) w.attribute("node", *q.node);
    for (const DiscoIdentity& id : q.identities) {
        writer_access::open(w, "identity", disco_info_ns);
        w.attribute("category", id.category);
        w.attribute("type", id.type);
        if (id.name) w.attribute("name", *id.name);
        write_lang(w, id.lang);
        w.close();
    }
    for (std::string_view var : q.features) {
        writer_access::open(w, "feature", disco_info_ns);
        w.attribute("var", var);
        w.close();
    }
    w.close();
}

inline void write_disco_items(xml_writer& w, const DiscoItemsQuery& q, IqType type) noexcept {
    if (const char* problem = disco_node_problem(q.node)) return w.fail(errc::invalid_data, problem);
    if (const char* problem = disco_items_count_problem(type, q.items.size())) return w.fail(errc::invalid_data, problem);
    for (const DiscoItem& item : q.items)
        if (const char* problem = disco_item_problem(item)) return w.fail(errc::invalid_data, problem);
    writer_access::open(w, "query", disco_items_ns);
    if (q.node) w.attribute("node", *q.node);
    for (const DiscoItem& item : q.items) {
        writer_access::open(w, "item", disco_items_ns);
        write_jid(w, "jid", item.jid);
        if (item.node) w.attribute("node", *item.node);
        if (item.name) w.attribute("name", *item.name);
        w.close();
    }
    w.close();
}

}  // namespace detail

/// XEP-0030 §3: a disco#info query, the request (get) or the answer (result).
template <>
struct payload_parser<DiscoInfoQuery> {
    /// Reads the element into a DiscoInfoQuery, checking its rules; an error names the first one broken.
    static codec_error parse(const element& e, payload_context& ctx, DiscoInfoQuery& out) noexcept {
        return detail::read_disco_info(e, ctx, out);
    }
};
/// How a DiscoInfoQuery is written as its element.
template <>
struct payload_serializer<DiscoInfoQuery> {
    /// Writes the DiscoInfoQuery as its element; data that cannot be written marks the writer failed.
    static void write(const DiscoInfoQuery& q, xml_writer& w, const write_context& ctx) noexcept {
        detail::write_disco_info(w, q, ctx.iq_type);
    }
};

/// XEP-0030 §4: a disco#items query, the request (get) or the list (result).
template <>
struct payload_parser<DiscoItemsQuery> {
    /// Reads the element into a DiscoItemsQuery, checking its rules; an error names the first one broken.
    static codec_error parse(const element& e, payload_context& ctx, DiscoItemsQuery& out) noexcept {
        return detail::read_disco_items(e, ctx, out);
    }
};
/// How a DiscoItemsQuery is written as its element.
template <>
struct payload_serializer<DiscoItemsQuery> {
    /// Writes the DiscoItemsQuery as its element; data that cannot be written marks the writer failed.
    static void write(const DiscoItemsQuery& q, xml_writer& w, const write_context& ctx) noexcept {
        detail::write_disco_items(w, q, ctx.iq_type);
    }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_DISCO_HPP
