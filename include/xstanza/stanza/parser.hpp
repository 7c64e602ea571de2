// xstanza: parsing bytes into typed stanzas. Zero-copy: parsed strings are views into
// the input buffer (decoded in place), parsed lists are views into the Parser.
#ifndef XSTANZA_STANZA_PARSER_HPP
#define XSTANZA_STANZA_PARSER_HPP

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../xml/dom.hpp"
#include "../xml/scan.hpp"
#include "../xml/element.hpp"
#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/limits.hpp"
#include "../model/payload.hpp"
#include "../model/roster.hpp"
#include "../codec/roster_rules.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_error.hpp"
#include "../model/syntax.hpp"

namespace xstanza {

/// Extension point, parsing half: specialise for a payload type P (with payload_traits<P>):
/// \code
/// template <> struct xstanza::payload_parser<Ping> {
///     static xstanza::result<Ping> parse(const xstanza::element& e) noexcept { return Ping{}; }
/// };
/// \endcode
/// xstanza has already checked that the element's name and namespace are payload_traits<P>'s.
/// Views taken from `e` live as long as the parse result.
template <class P>
struct payload_parser;

namespace detail {

template <class T> struct is_iq : std::false_type {};
template <class Type, class P> struct is_iq<Iq<Type, P>> : std::true_type {};

// What every IQ parse shares: the header and the children, checked against RFC 6120 §8.2.3.
struct iq_frame {
    IqType type = IqType::get;
    std::string_view id;
    std::string_view lang;
    std::string_view ns;              // the stanza namespace: as written, or the stream's content namespace
    xml_node* payload = nullptr;
    std::size_t payload_index = 0;    // among the root's element children
    xml_node* error = nullptr;
};

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `s` without the XML whitespace at either end.
inline std::string_view trim_space(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

inline bool parse_uint(std::string_view s, unsigned& out) noexcept {
    if (s.empty() || s.size() > 6) return false;
    unsigned v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + unsigned(c - '0');
    }
    out = v;
    return true;
}

}  // namespace detail

/// A reusable parser. Keep one per thread (it is not shared-safe) and reuse it: after the
/// first parses have grown its buffers, parsing a small stanza allocates nothing.
///
/// Lifetime: a parse result holds views into (a) the input buffer for the in-situ
/// functions, or the Parser's own copy for parse(), and (b) the Parser's item storage.
/// They are valid until the next parse on this Parser, its destruction, or (in situ)
/// the buffer's end of life. Copy what you keep, or use owned() (see owned.hpp).
class Parser {
public:
    /// Never throws: if the element tree cannot be allocated here, the first parse retries
    /// and reports errc::out_of_memory.
    /// `r` says whose rules a parse applies (rules.hpp): by default a client's receiver rules,
    /// which accept what RFC 6120 and RFC 6121 tell a receiving client to accept (an unknown
    /// error condition, an unknown subscription value) and keep what they mapped or ignored.
    explicit Parser(parse_limits limits = {}, xstanza::rules r = xstanza::rules::receiver()) noexcept
        : limits_(limits), rules_(r), doc_(detail::new_pooled_doc()) {}

    const parse_limits& limits() const noexcept { return limits_; }
    void set_limits(const parse_limits& limits) noexcept { limits_ = limits; }
    /// The rules parses apply.
    xstanza::rules rules() const noexcept { return rules_; }
    void set_rules(xstanza::rules r) noexcept { rules_ = r; }

    /// Parses `size` bytes at `data` in situ: the bytes are modified (references decoded
    /// in place) and results point into them. Like RapidXML, it needs one byte of padding:
    /// data[size] must be writable; xstanza stores '\0' there.
    /// T is AnyIq, or Iq<Type, P> to require that type and payload.
    template <class T>
    result<T> parse_in_situ(char* data, std::size_t size) noexcept {
        return parse_in_situ<T>(data, size, stream_context{});
    }

    /// In situ, for a stanza that arrived on a stream: it inherits the stream's content
    /// namespace and language (pass StreamReader::context()).
    template <class T>
    result<T> parse_in_situ(char* data, std::size_t size, const stream_context& stream) noexcept {
        static_assert(std::is_same_v<T, AnyIq> || detail::is_iq<T>::value,
                      "Parser::parse<T>: T is AnyIq or an Iq<Type, Payload>");
        if (parse_error e = load(data, size)) return e;
        stream_ = stream;
        return build<T>();
    }

    /// In situ on a std::string (its terminator is the padding byte).
    template <class T>
    result<T> parse_in_situ(std::string& buffer) noexcept {
        return parse_in_situ<T>(buffer.data(), buffer.size());
    }

    /// Copies `input` once into a buffer the Parser owns and reuses, then parses there.
    /// The caller's bytes are not touched; results point into the Parser's copy.
    template <class T>
    result<T> parse(std::string_view input) noexcept {
        return parse<T>(input, stream_context{});
    }

    /// The same for a stanza that arrived on a stream (see parse_in_situ with a context).
    template <class T>
    result<T> parse(std::string_view input, const stream_context& stream) noexcept {
        if (input.size() > limits_.max_input_bytes)
            return parse_error::make(errc::input_too_large, 0, "input larger than the limit");
        try {
            copy_.assign(input.data(), input.size());
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory copying the input");
        }
        return parse_in_situ<T>(copy_.data(), copy_.size(), stream);
    }

    /// Checks that `input` is a valid IQ without keeping anything (copies, as parse()).
    parse_error validate(std::string_view input) noexcept {
        result<AnyIq> r = parse<AnyIq>(input);
        return r.error();
    }

    /// The element view of a parsed node (for payload_parser users holding an OpaqueElement).
    element view(const OpaqueElement& e) const noexcept {
        return element(static_cast<detail::xml_node*>(const_cast<void*>(e.node)), &context_);
    }

    /// Hands the roster item and group storage of the latest parse to the caller (its
    /// views stay valid: the vectors' buffers move, they are not copied), and with `texts`
    /// the texts that element views decoded (an extension payload's views point there).
    void release_storage(std::vector<RosterItem>& items, std::vector<std::string_view>& groups,
                         detail::text_arena* texts = nullptr) noexcept {
        if (texts) texts->swap(texts_);
        items.swap(items_);
        groups.swap(groups_);
        items_.clear();
        groups_.clear();
    }

    /// Converts an AnyIq from the latest parse to a typed IQ, parsing an opaque payload
    /// with payload_parser<P>.
    template <class T>
    result<T> cast(const AnyIq& any) noexcept;

private:
    parse_error load(char* data, std::size_t size) noexcept {
        if (!doc_) {  // the constructor ran out of memory, or this Parser was moved from
            doc_ = detail::new_pooled_doc();
            if (!doc_) return parse_error(errc::out_of_memory, 0, "out of memory allocating the element tree");
        }
        items_.clear();
        groups_.clear();
        texts_.clear();
        doc_->clear();
        // One pass: the scanner validates and builds the tree in RapidXML's node types and pool.
        if (parse_error e = scanner_.scan(data, size, limits_, *doc_)) return e;
        context_.base = data;
        input_end_ = data + size;
        context_.texts = &texts_;  // (re)set here: a moved-from Parser keeps no stale pointer
        data[size] = '\0';  // the padding byte (the documented contract, as RapidXML's in-situ parse has it)
        return {};
    }

    std::size_t offset_of(const detail::xml_node* n) const noexcept { return std::size_t(n->name() - 1 - context_.base); }
    std::size_t offset_of(const detail::xml_attr* a) const noexcept { return std::size_t(a->value() - context_.base); }
    element view(detail::xml_node* n) const noexcept { return element(n, &context_); }

    parse_error parse_jid_attr(detail::xml_attr* a, std::string_view what, std::optional<Jid>& out) const noexcept {
        std::string_view v = detail::attr_value(a);
        // The one-pass ASCII path writes straight into `out`; the detailed one names the problem.
        if (Jid::parse_ascii_in(v, context_.base, input_end_, out.emplace())) return {};
        out.reset();
        result<Jid> j = Jid::parse_detailed(v);
        if (!j) {
            parse_error e = parse_error::make(errc::invalid_jid, offset_of(a) + j.error().offset(), what, ": ",
                                              j.error().message());
            return e;
        }
        out = *j;
        return {};
    }

    // RFC 6120 §8.1.5: an xml:lang value MUST be an NMTOKEN conforming to BCP 47 (RFC 5646);
    // "" is neither. Reads it into `out`; false when it is not a language tag.
    static bool lang_value(detail::xml_attr* a, std::string_view& out) noexcept {
        out = detail::attr_value(a);
        return is_language_tag(out);
    }
    parse_error lang_error(detail::xml_attr* a, std::string_view value) const noexcept {
        return parse_error::make(errc::invalid_lang, offset_of(a), "xml:lang='", value,
                                 "' is not a language tag (RFC 6120 §8.1.5, RFC 5646)");
    }

    // RFC 6120 §8.2.3 and §8.1: the <iq/> element, its attributes and its children. The
    // JIDs go straight to where the caller keeps them.
    parse_error parse_frame(detail::iq_frame& f, std::optional<Jid>& from, std::optional<Jid>& to) noexcept {
        detail::xml_node* root = doc_->first_node();
        std::string_view qname = detail::name_of(root);
        if (!detail::is(detail::local_name(root), "iq"))
            return parse_error::make(errc::not_iq, offset_of(root), "expected <iq>, found <", qname, ">");
        const std::string_view written_ns = detail::resolve_ns(root);
        if (!written_ns.empty() && !detail::same(written_ns, jabber_client_ns) && !detail::same(written_ns, jabber_server_ns))
            return parse_error::make(errc::wrong_namespace, offset_of(root), "<iq> in namespace '", written_ns,
                                     "', expected 'jabber:client' or 'jabber:server'");
        // An <iq> with no namespace is in the stream's content namespace (jabber:client when
        // parsed on its own).
        f.ns = written_ns.empty() ? stream_.content_ns : written_ns;
        detail::xml_attr* type = nullptr;
        detail::xml_attr* id = nullptr;
        detail::xml_attr* lang = nullptr;
        for (detail::xml_attr* a = root->first_attribute(); a; a = a->next_attribute()) {
            std::string_view n = detail::name_of(a);
            if (detail::is(n, "type")) type = a;
            else if (detail::is(n, "id")) id = a;
            else if (detail::is(n, "from")) { if (parse_error e = parse_jid_attr(a, "'from'", from)) return e; }
            else if (detail::is(n, "to")) { if (parse_error e = parse_jid_attr(a, "'to'", to)) return e; }
            else if (detail::is(n, "xml:lang")) lang = a;
        }
        // RFC 6120 §8.2.3: an IQ MUST have 'type' and 'id'.
        if (!type) return parse_error::make(errc::missing_type, offset_of(root), "<iq> has no 'type' (RFC 6120 §8.2.3)");
        std::string_view t = detail::attr_value(type);
        if (detail::is(t, "get")) f.type = IqType::get;
        else if (detail::is(t, "set")) f.type = IqType::set;
        else if (detail::is(t, "result")) f.type = IqType::result;
        else if (detail::is(t, "error")) f.type = IqType::error;
        else
            return parse_error::make(errc::unknown_type, offset_of(type), "unknown IQ type '", t,
                                     "', expected get, set, result or error (RFC 6120 §8.2.3)");
        if (!id) return parse_error::make(errc::missing_id, offset_of(root), "<iq> has no 'id' (RFC 6120 §8.2.3)");
        f.id = detail::attr_value(id);
        if (f.id.empty()) return parse_error::make(errc::missing_id, offset_of(id), "<iq> has an empty 'id' (RFC 6120 §8.2.3)");
        // RFC 6120 §8.1.5: xml:lang is a language tag; a stanza without one is in the stream's language.
        f.lang = stream_.lang;
        if (lang && !lang_value(lang, f.lang)) return lang_error(lang, f.lang);
        // RFC 6120 §8.1.1.2, §8.1.2.2: on a server-to-server stream every stanza carries 'to' and 'from'.
        if (detail::same(f.ns, jabber_server_ns) && (!from || !to))
            return parse_error::make(errc::missing_address, offset_of(root), "a jabber:server stanza without '",
                                     from ? "to" : "from", "' (RFC 6120 §8.1.1.2, §8.1.2.2)");
        if (scanner_.root_text() != std::string_view::npos)
            return parse_error::make(errc::unexpected_text, scanner_.root_text(),
                                     "text directly inside <iq>; an IQ holds only child elements (RFC 6120 §8.2.3)");

        std::size_t payloads = 0, errors = 0, index = 0;
        detail::xml_node* extra_payload = nullptr;
        detail::xml_node* extra_error = nullptr;
        for (detail::xml_node* c = root->first_node(); c; c = c->next_sibling()) {
            // <error/> is in the stanza's namespace; an <iq> in none is read as jabber:client.
            std::string_view error_ns = detail::resolve_ns(c);
            bool is_error = detail::is(detail::local_name(c), "error") &&
                            (detail::same(error_ns, written_ns) || (written_ns.empty() && detail::same(error_ns, f.ns)));
            if (is_error) {
                if (errors++ == 0) f.error = c;
                else if (!extra_error) extra_error = c;
            } else {
                if (payloads++ == 0) { f.payload = c; f.payload_index = index; }
                else if (!extra_payload) extra_payload = c;
            }
            ++index;
        }
        std::string_view tname = to_string(f.type);
        if (f.type != IqType::error && errors)
            return parse_error::make(errc::unexpected_error, offset_of(f.error), "<error/> inside a ", tname,
                                     " IQ; only a type='error' IQ carries one (RFC 6120 §8.3.1)");
        switch (f.type) {
        case IqType::get:
        case IqType::set:
            // RFC 6120 §8.2.3: a get or set MUST contain exactly one payload child.
            if (payloads == 0)
                return parse_error::make(errc::payload_count, offset_of(root), "a ", tname,
                                         " IQ carries exactly one payload, found none (RFC 6120 §8.2.3)");
            if (payloads > 1)
                return parse_error::make(errc::payload_count, offset_of(extra_payload), "a ", tname,
                                         " IQ carries exactly one payload, found a second one <",
                                         detail::name_of(extra_payload), "> (RFC 6120 §8.2.3)");
            break;
        case IqType::result:
            // RFC 6120 §8.2.3: a result contains zero or one payload.
            if (payloads > 1)
                return parse_error::make(errc::payload_count, offset_of(extra_payload),
                                         "a result IQ carries at most one payload, found a second one <",
                                         detail::name_of(extra_payload), "> (RFC 6120 §8.2.3)");
            break;
        case IqType::error:
            // RFC 6120 §8.3.1: an error IQ contains an <error/>, and may echo the request's payload.
            if (!errors)
                return parse_error::make(errc::missing_error, offset_of(root),
                                         "an error IQ has no <error/> child (RFC 6120 §8.3.1)");
            if (errors > 1)
                return parse_error::make(errc::invalid_error, offset_of(extra_error),
                                         "an error IQ carries one <error/>, found a second (RFC 6120 §8.3.1)");
            if (payloads > 1)
                return parse_error::make(errc::payload_count, offset_of(extra_payload),
                                         "an error IQ echoes at most one payload, found a second one <",
                                         detail::name_of(extra_payload), "> (RFC 6120 §8.3.1)");
            break;
        }
        return {};
    }

    // RFC 6120 §8.3.2, §8.3.3: the <error/> element, written into `out` field by field (the
    // caller's storage: an IQ being filled in place).
    parse_error parse_error_element(detail::xml_node* node, StanzaError& out) noexcept {
        std::optional<ErrorType> type;
        std::optional<Condition> condition;
        std::optional<unsigned> code;
        std::optional<Jid> by;
        std::string_view error_lang;  // RFC 6120 §8.1.5: inherited by <text/>
        for (detail::xml_attr* a = node->first_attribute(); a; a = a->next_attribute()) {
            std::string_view n = detail::name_of(a);
            if (detail::is(n, "type")) {
                std::string_view v = detail::attr_value(a);
                type = error_type_from_string(v);
                if (!type)
                    return parse_error::make(errc::invalid_error_type, offset_of(a), "unknown error type '", v,
                                             "', expected auth, cancel, continue, modify or wait (RFC 6120 §8.3.2)");
            } else if (detail::is(n, "code")) {
                // XEP-0086: the legacy numeric code of pre-RFC servers.
                unsigned c = 0;
                std::string_view v = detail::attr_value(a);
                if (!detail::parse_uint(v, c))
                    return parse_error::make(errc::invalid_error, offset_of(a), "legacy error code '", v,
                                             "' is not a number (XEP-0086)");
                code = c;
            } else if (detail::is(n, "by")) {
                if (parse_error e = parse_jid_attr(a, "<error/> 'by'", by)) return e;
            } else if (detail::is(n, "xml:lang")) {
                if (!lang_value(a, error_lang)) return lang_error(a, error_lang);
            }
        }
        std::string_view uri;
        std::optional<std::string_view> text;
        std::string_view text_lang;
        std::string_view unknown;
        std::optional<AppCondition> app;
        detail::xml_node* foreign = nullptr;
        std::string_view error_ns = detail::resolve_ns(node);
        for (detail::xml_node* c = node->first_node(); c; c = c->next_sibling()) {
            std::string_view local = detail::local_name(c);
            std::string_view ns = detail::resolve_ns(c);
            if (detail::same(ns, stanzas_ns)) {
                if (detail::is(local, "text")) {
                    if (text)
                        return parse_error::make(errc::invalid_error, offset_of(c),
                                                 "<error/> carries at most one <text/> (RFC 6120 §8.3.2)");
                    if (detail::has_element_child(c))
                        return parse_error::make(errc::invalid_error, offset_of(c),
                                                 "<text/> holds character data only (RFC 6120 §8.3.2)");
                    text = detail::text_of(c);
                    // The language of <text/>: its own xml:lang, else the one <error/> gives it.
                    text_lang = error_lang;
                    if (detail::xml_attr* l = detail::find_attr(c, "xml:lang"); l && !lang_value(l, text_lang))
                        return lang_error(l, text_lang);
                    continue;
                }
                std::optional<Condition> k = condition_from_string(local);
                if (!k && rules_.strict())
                    return parse_error::make(errc::unknown_condition, offset_of(c), "unknown stanza error condition '",
                                             local, "' (RFC 6120 §8.3.3)");
                if (condition)
                    return parse_error::make(errc::multiple_conditions, offset_of(c), "second defined condition <",
                                             local, "/>; <error/> carries exactly one (RFC 6120 §8.3.2)");
                if (!k) {
                    // RFC 6120 §8.3.2: a receiver MUST treat a condition it does not understand as
                    // <undefined-condition/>; its name is kept, its content is not ours to check.
                    condition = Condition::undefined_condition;
                    unknown = local;
                    continue;
                }
                condition = k;
                if (detail::has_element_child(c))
                    return parse_error::make(errc::invalid_error, offset_of(c), "condition <", local,
                                             "/> has child elements (RFC 6120 §8.3.3)");
                std::string_view content = detail::text_of(c);
                if (*k == Condition::gone || *k == Condition::redirect) {
                    // RFC 6120 §8.3.3.5, §8.3.3.14: the optional content MUST be a URI or IRI.
                    uri = detail::trim_space(content);
                    if (!uri.empty() && !is_uri(uri))
                        return parse_error::make(errc::invalid_error, offset_of(c), "<", local,
                                                 "/> holds '", uri, "', which is not a URI or IRI (RFC 6120 §8.3.3.5, §8.3.3.14)");
                } else if (std::any_of(content.begin(), content.end(), [](char ch) { return !detail::is_space(ch); })) {
                    return parse_error::make(errc::invalid_error, offset_of(c), "condition <", local,
                                             "/> must be empty (RFC 6120 §8.3.3)");
                }
            } else {
                // RFC 6120 §8.3.2: at most one application-specific condition, in another namespace.
                // One in the stanza's own namespace or in none is a misplaced condition (and could
                // not be written back: the serializer refuses it).
                if (ns.empty() || detail::same(ns, error_ns))
                    return parse_error::make(errc::condition_namespace, offset_of(c), "error condition <", local,
                                             "/> in namespace '", ns, "', expected '", stanzas_ns, "' (RFC 6120 §8.3.2)");
                // Namespaces in XML 1.0 §3: the XML namespace (an xml: prefixed element) is no
                // application's, and no default namespace declaration may name it.
                if (detail::same(ns, detail::xml_ns))
                    return parse_error::make(errc::condition_namespace, offset_of(c), "application condition <", local,
                                             "/> in the reserved XML namespace (RFC 6120 §8.3.2, Namespaces in XML 1.0 §3)");
                if (app)
                    return parse_error::make(errc::multiple_conditions, offset_of(c),
                                             "second application-specific condition <", local,
                                             "/>; <error/> carries at most one (RFC 6120 §8.3.2)");
                // Namespace names are kept as written (detail/scan.hpp): one with a reference or a
                // character the serializer escapes would be written back as another namespace.
                if (ns.find_first_of("&'\t\n\r") != std::string_view::npos)
                    return parse_error::make(errc::unsupported, offset_of(c), "application condition <", local,
                                             "/>: a namespace name with a reference, a quote or a tab or line end");
                app = AppCondition{local, ns};
                foreign = c;
            }
        }
        if (!condition && code) {
            if (auto legacy = legacy_error(*code)) condition = legacy->condition;
        }
        if (!condition) {
            if (foreign)
                return parse_error::make(errc::condition_namespace, offset_of(foreign), "error condition <",
                                         detail::local_name(foreign), "/> in namespace '", app->ns,
                                         "', expected '", stanzas_ns, "' (RFC 6120 §8.3.2)");
            return parse_error::make(errc::missing_condition, offset_of(node),
                                     "<error/> has no defined condition (RFC 6120 §8.3.2)");
        }
        if (!type && code) {
            if (auto legacy = legacy_error(*code)) type = legacy->type;
        }
        if (!type)
            return parse_error::make(errc::invalid_error_type, offset_of(node),
                                     "<error/> has no 'type' (RFC 6120 §8.3.2)");
        out.type = *type;
        out.condition = *condition;
        out.uri = uri;
        out.text = text;
        out.text_lang = text_lang;
        out.app = app;
        out.by = by;
        out.legacy_code = code;
        out.unknown_condition = unknown;
        return {};
    }

    // RFC 6121 §2.1.2.6 / §2.3.3: group names are non-empty and unique within an item.
    parse_error check_groups(std::size_t first, const detail::xml_node* item) noexcept {
        std::size_t n = groups_.size() - first;
        if (n < 2) return {};
        if (n == 2 && !detail::same(groups_[first], groups_[first + 1])) return {};  // the usual case: one comparison
        if (n <= 8) {
            for (std::size_t i = first; i < groups_.size(); ++i)
                for (std::size_t j = i + 1; j < groups_.size(); ++j)
                    if (detail::same(groups_[i], groups_[j]))
                        return parse_error::make(errc::invalid_roster, offset_of(item), "duplicate group '",
                                                 groups_[i], "' in one item (RFC 6121 §2.3.3)");
            return {};
        }
        try {
            scratch_.assign(groups_.begin() + std::ptrdiff_t(first), groups_.end());
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory checking groups");
        }
        std::sort(scratch_.begin(), scratch_.end());
        auto dup = std::adjacent_find(scratch_.begin(), scratch_.end());
        if (dup != scratch_.end())
            return parse_error::make(errc::invalid_roster, offset_of(item), "duplicate group '", *dup,
                                     "' in one item (RFC 6121 §2.3.3)");
        return {};
    }

    // RFC 6121 §2.1.2.5: the 'subscription' attribute. A value the rules do not allow is an
    // error for a sender and ignored by a receiver (kept in ignored_subscription).
    parse_error parse_subscription(detail::xml_attr* a, IqType type, RosterItem& item) const noexcept {
        std::string_view v = detail::attr_value(a);
        std::optional<Subscription> s = subscription_from_string(v);
        if (s && subscription_allowed(*s, type, rules_)) {
            item.subscription = *s;
            return {};
        }
        if (!rules_.strict()) {
            item.ignored_subscription = v;
            return {};
        }
        if (!s)
            return parse_error::make(errc::invalid_roster, offset_of(a), "unknown subscription '", v,
                                     "', expected none, to, from, both or remove (RFC 6121 §2.1.2.5)");
        return parse_error::make(errc::invalid_roster, offset_of(a),
                                 "subscription 'remove' appears only in a roster set (RFC 6121 §2.1.2.5)");
    }

    // RFC 6121 §2.1.2.1, §2.1.2.2: approved and ask are the server's to send.
    parse_error approval_error(detail::xml_attr* a) const noexcept {
        return parse_error::make(errc::invalid_roster, offset_of(a), "a client's roster set carries no '",
                                 detail::name_of(a), "' (RFC 6121 §2.1.2.1, §2.1.2.2)");
    }

    // RFC 6121 §2.1.2: one <item/>.
    parse_error parse_item(detail::xml_node* node, IqType type, RosterItem& item, std::size_t& group_first) noexcept {
        const std::string_view item_ns = detail::resolve_ns(node);  // jabber:iq:roster, checked by the caller
        detail::xml_attr* jid = nullptr;
        for (detail::xml_attr* a = node->first_attribute(); a; a = a->next_attribute()) {
            std::string_view n = detail::name_of(a);
            // Dispatch on the size first: the comparisons below then have constant lengths.
            const std::size_t size = n.size();
            if (size != 3 && size != 4 && size != 8 && size != 12) continue;
            if (detail::is(n, "jid")) {
                jid = a;
            } else if (detail::is(n, "name")) {
                item.name = detail::attr_value(a);
            } else if (detail::is(n, "subscription")) {
                if (parse_error e = parse_subscription(a, type, item)) return e;
            } else if (detail::is(n, "ask")) {
                if (!approval_allowed(type, rules_)) return approval_error(a);
                std::string_view v = detail::attr_value(a);
                if (!detail::is(v, "subscribe"))
                    return parse_error::make(errc::invalid_roster, offset_of(a), "ask='", v,
                                             "', the only allowed value is 'subscribe' (RFC 6121 §2.1.2.2)");
                item.ask = true;
            } else if (detail::is(n, "approved")) {
                if (!approval_allowed(type, rules_)) return approval_error(a);
                std::string_view v = detail::attr_value(a);
                if (detail::is(v, "true") || detail::is(v, "1")) item.approved = true;
                else if (detail::is(v, "false") || detail::is(v, "0")) item.approved = false;
                else
                    return parse_error::make(errc::invalid_roster, offset_of(a), "approved='", v,
                                             "' is not a boolean (RFC 6121 §2.1.2.1)");
            }
        }
        // RFC 6121 §2.1.2.3: the 'jid' attribute is required.
        if (!jid)
            return parse_error::make(errc::invalid_roster, offset_of(node), "roster <item/> has no 'jid' (RFC 6121 §2.1.2.3)");
        std::optional<Jid> j;
        if (parse_error e = parse_jid_attr(jid, "roster item 'jid'", j)) return e;
        item.jid = *j;
        group_first = groups_.size();
        for (detail::xml_node* c = node->first_node(); c; c = c->next_sibling()) {
            if (!detail::same(detail::resolve_ns(c), item_ns)) continue;  // other namespaces: extensions, ignored
            std::string_view local = detail::local_name(c);
            if (!detail::is(local, "group"))
                return parse_error::make(errc::invalid_roster, offset_of(c), "unexpected <", local,
                                         "/> in a roster item; only <group/> is defined (RFC 6121 §2.1.2)");
            if (detail::has_element_child(c))
                return parse_error::make(errc::invalid_roster, offset_of(c), "<group/> holds character data only (RFC 6121 §2.1.2.6)");
            std::string_view g = detail::text_of(c);
            if (g.empty())  // RFC 6121 §2.3.3: answered not-acceptable, hence a code of its own
                return parse_error::make(errc::empty_group, offset_of(c), "empty <group/> name (RFC 6121 §2.3.3)");
            try {
                groups_.push_back(g);
            } catch (...) {
                return parse_error(errc::out_of_memory, offset_of(c), "out of memory storing groups");
            }
        }
        return check_groups(group_first, node);
    }

    // RFC 6121 §2.1: <query xmlns='jabber:iq:roster'/> for an IQ of type `type`.
    parse_error parse_roster(detail::xml_node* node, IqType type, RosterQuery& out) noexcept {
        const std::string_view query_ns = detail::resolve_ns(node);  // jabber:iq:roster, checked by the caller
        if (detail::xml_attr* v = detail::find_attr(node, "ver")) out.ver = detail::attr_value(v);
        std::size_t count = 0;
        detail::xml_node* first = nullptr;
        detail::xml_node* second = nullptr;
        try {
            group_first_.clear();
            for (detail::xml_node* c = node->first_node(); c; c = c->next_sibling()) {
                if (!detail::same(detail::resolve_ns(c), query_ns)) continue;  // other namespaces: extensions, ignored
                std::string_view local = detail::local_name(c);
                if (!detail::is(local, "item"))
                    return parse_error::make(errc::invalid_roster, offset_of(c), "unexpected <", local,
                                             "/> in a roster query; only <item/> is defined (RFC 6121 §2.1)");
                if (++count == 1) first = c;
                else if (count == 2) second = c;
                // Parsed in place, no copy. After an error items_ may end with a partial item, as it
                // holds the items before the bad one; the next parse clears it.
                RosterItem& item = items_.emplace_back();
                std::size_t& gfirst = group_first_.emplace_back();
                if (parse_error e = parse_item(c, type, item, gfirst)) return e;
            }
        } catch (...) {
            return parse_error(errc::out_of_memory, offset_of(node), "out of memory storing roster items");
        }
        // RFC 6121 §2.1.3: a roster get carries no item; §2.1.5: a roster set exactly one.
        if (const char* problem = roster_item_count_problem(type, count))
            return parse_error(errc::roster_item_count,
                               type == IqType::get ? offset_of(first) : count ? offset_of(second) : offset_of(node),
                               problem);
        // Now that the storage no longer moves, point each item at its groups.
        for (std::size_t i = 0; i < items_.size(); ++i) {
            std::size_t first = group_first_[i];
            std::size_t last = i + 1 < items_.size() ? group_first_[i + 1] : groups_.size();
            items_[i].groups = span<const std::string_view>(groups_.data() + first, last - first);
        }
        out.items = span<const RosterItem>(items_.data(), items_.size());
        return {};
    }

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 reports std::variant's inactive members as maybe-uninitialized here (a known
// false positive of its variant assignment analysis).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
    parse_error parse_any_payload(const detail::iq_frame& f, AnyPayload& out) noexcept {
        detail::xml_node* p = f.payload;
        if (!p) return {};
        std::string_view ns = detail::resolve_ns(p);
        std::string_view local = detail::local_name(p);
        if (detail::same(ns, roster_ns) && detail::is(local, "query")) {
            RosterQuery q;
            if (parse_error e = parse_roster(p, f.type, q)) return e;
            out = q;
            return {};
        }
        const detail::child_span& s = scanner_.children()[f.payload_index];
        if (s.outer_prefix)
            return parse_error::make(errc::unsupported, s.begin, "payload <", detail::name_of(p),
                                     "> uses a namespace prefix declared on <iq>; xstanza keeps payloads as self-contained bytes");
        // Namespaces in XML 1.0 §6.2: without an xmlns of its own, an unprefixed payload is in the
        // default namespace declared on <iq>, which its bytes alone would lose (serialize writes none).
        if (!ns.empty() && detail::xnode_of(p)->local == 0 && !detail::find_attr(p, "xmlns"))
            return parse_error::make(errc::unsupported, s.begin, "payload <", detail::name_of(p),
                                     "> has no xmlns of its own: it would be in the stanza's namespace '", ns, "'");
        if (!is_extension_namespace(ns))
            return parse_error::make(errc::wrong_namespace, s.begin, "payload <", detail::name_of(p), "> in namespace '", ns,
                                     "'; an extension element has a namespace of its own (RFC 6120 §8.4)");
        out = OpaqueElement{local, ns, std::string_view(context_.base + s.begin, s.end - s.begin), p};
        return {};
    }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

    template <class P>
    parse_error parse_payload(detail::xml_node* node, IqType type, P& out) noexcept {
        if constexpr (std::is_same_v<P, AnyPayload>) {
            (void)node;
            (void)type;
            return {};  // handled by the caller
        } else {
            std::string_view ns = detail::resolve_ns(node);
            std::string_view local = detail::local_name(node);
            if (local != payload_traits<P>::name || ns != payload_traits<P>::ns)
                return parse_error::make(errc::payload_mismatch, offset_of(node), "expected <", payload_traits<P>::name,
                                         " xmlns='", payload_traits<P>::ns, "'>, found <", local, " xmlns='", ns, "'>");
            if constexpr (std::is_same_v<P, RosterGet> || std::is_same_v<P, RosterSet> || std::is_same_v<P, RosterQuery>) {
                RosterQuery q;
                if (parse_error e = parse_roster(node, type, q)) return e;
                if (const char* problem = narrow_roster(q, out))
                    return parse_error(errc::roster_item_count, offset_of(node), problem);
                return {};
            } else {
                (void)texts_.take_failure();
                result<P> r = payload_parser<P>::parse(view(node));
                // A text the payload read through the view could not be decoded: whatever the
                // payload's parser made of the empty view, the cause is the memory.
                if (texts_.take_failure())
                    return parse_error::make(errc::out_of_memory, offset_of(node), "out of memory decoding the text of <",
                                             payload_traits<P>::name, ">");
                if (!r) return r.error();
                out = std::move(*r);
                return {};
            }
        }
    }

    // The IQ is filled where the caller reads it: build() constructs an empty one in the
    // result, and that one named result serves every return, so it is constructed in the
    // caller's storage (NRVO) and the IQ is never moved or copied.
    template <class T>
    result<T> build() noexcept {
        result<T> r = blank<T>();
        if (parse_error e = fill(*r)) r.fail(answerable(e));
        return r;
    }

    // RFC 6120 §8.2.3: a get or set is answered even when it is refused (an IQ of a type
    // xstanza does not know too: bad-request), so the error carries what the reply needs
    // (error_reply(), reply.hpp). Not for a result or error, never answered, nor for an
    // <iq/> in a foreign namespace or a server-to-server stanza without addresses, which
    // are the stream's business (RFC 6120 §4.9.3.7, §4.9.3.10).
    parse_error answerable(parse_error e) noexcept {
        detail::xml_node* root = doc_->first_node();
        const std::string_view ns = detail::resolve_ns(root);
        const bool stanza_ns = ns.empty() || detail::same(ns, jabber_client_ns) || detail::same(ns, jabber_server_ns);
        if (e.code() == errc::not_iq || !stanza_ns || e.code() == errc::missing_address) return e;
        rejected_request& r = request_;
        r = rejected_request{};
        for (detail::xml_attr* a = root->first_attribute(); a; a = a->next_attribute()) {
            std::string_view n = detail::name_of(a);
            if (detail::is(n, "type")) r.type = detail::attr_value(a);
            else if (detail::is(n, "id")) r.id = detail::attr_value(a);
            else if (detail::is(n, "from")) r.from = detail::attr_value(a);
            else if (detail::is(n, "to")) r.to = detail::attr_value(a);
        }
        if (r.id.empty() || r.type.empty() || detail::is(r.type, "result") || detail::is(r.type, "error")) return e;
        e.set_request(&r);
        return e;
    }

    // A result holding an IQ of type T with nothing parsed yet (constructed in place).
    template <class T>
    static result<T> blank() noexcept {
        if constexpr (std::is_same_v<T, AnyIq>) {
            return result<T>(std::in_place);
        } else if constexpr (std::is_same_v<typename T::type_tag, Error>) {
            return result<T>(std::in_place, std::string_view{}, StanzaError(Condition::undefined_condition));
        } else if constexpr (std::is_void_v<typename T::payload_type>) {
            return result<T>(std::in_place, std::string_view{});
        } else {
            return result<T>(std::in_place, std::string_view{}, typename T::payload_type{});
        }
    }

    // The frame, into any IQ: from and to are written by parse_frame, id and lang here.
    template <class I>
    parse_error fill_frame(detail::iq_frame& f, I& iq) noexcept {
        if (parse_error e = parse_frame(f, iq.from, iq.to)) return e;
        iq.id = f.id;
        iq.lang = f.lang;
        return {};
    }

    // Checks are made in this order for every T: the frame, the <error/> element, the
    // type T asks for, the payload.
    parse_error fill(AnyIq& iq) noexcept {
        detail::iq_frame f;
        if (parse_error e = fill_frame(f, iq)) return e;
        iq.type = f.type;
        if (f.error) {
            if (parse_error e = parse_error_element(f.error, iq.error.emplace(Condition::undefined_condition))) return e;
        }
        return parse_any_payload(f, iq.payload);
    }

    template <class Type, class P>
    parse_error fill(Iq<Type, P>& iq) noexcept {
        using T = Iq<Type, P>;
        detail::iq_frame f;
        if (parse_error e = fill_frame(f, iq)) return e;
        if (f.error) {
            if constexpr (std::is_same_v<Type, Error>) {
                if (parse_error e = parse_error_element(f.error, iq.error)) return e;
            } else {  // an error IQ where T is another type: reported after the error element's own errors
                StanzaError ignored(Condition::undefined_condition);
                if (parse_error e = parse_error_element(f.error, ignored)) return e;
            }
        }
        if (f.type != T::type)
            return parse_error::make(errc::type_mismatch, offset_of(doc_->first_node()), "expected a ",
                                     to_string(T::type), " IQ, found ", to_string(f.type));
        if constexpr (std::is_same_v<Type, Error>) {
            if constexpr (!std::is_void_v<P>) {
                if (f.payload) {
                    if (parse_error e = parse_payload_any_or_typed(f, iq.payload.emplace())) return e;
                }
            }
            return {};
        } else if constexpr (std::is_void_v<P>) {
            if (f.payload)
                return parse_error::make(errc::payload_mismatch, offset_of(f.payload),
                                         "expected an empty result, found a payload <", detail::name_of(f.payload), ">");
            return {};
        } else {
            // Iq<Result, AnyPayload>: a result's payload is optional (RFC 6120 §8.2.3), AnyPayload can be empty.
            if (!f.payload && !std::is_same_v<P, AnyPayload>)
                return parse_error::make(errc::payload_mismatch, offset_of(doc_->first_node()),
                                         "expected a payload, found an empty result");
            return parse_payload_any_or_typed(f, iq.payload);
        }
    }

    template <class P>
    parse_error parse_payload_any_or_typed(const detail::iq_frame& f, P& p) noexcept {
        if constexpr (std::is_same_v<P, AnyPayload>) return parse_any_payload(f, p);
        else return parse_payload<P>(f.payload, f.type, p);
    }

    template <class T>
    static void fill_header(T& iq, std::string_view id, const std::optional<Jid>& from, const std::optional<Jid>& to,
                            std::string_view lang) noexcept {
        iq.id = id;
        iq.from = from;
        iq.to = to;
        iq.lang = lang;
    }

    parse_limits limits_;
    xstanza::rules rules_;
    stream_context stream_{};  // what the stanza being parsed inherits
    rejected_request request_{};  // what the last refused request's error points to
    std::unique_ptr<detail::xml_doc> doc_;
    detail::scanner scanner_;
    std::string copy_;
    std::vector<RosterItem> items_;
    std::vector<std::string_view> groups_;
    std::vector<std::size_t> group_first_;
    std::vector<std::string_view> scratch_;
    detail::text_arena texts_;  // element views decode here, never into the input
    detail::doc_context context_{nullptr, &texts_};
    const char* input_end_ = nullptr;  // the last parse's input is [context_.base, input_end_)
};

template <class T>
result<T> Parser::cast(const AnyIq& any) noexcept {
    static_assert(detail::is_iq<T>::value, "Parser::cast<T>: T is an Iq<Type, Payload>");
    using Type = typename T::type_tag;
    using P = typename T::payload_type;
    if (any.type != T::type)
        return parse_error::make(errc::type_mismatch, 0, "expected a ", to_string(T::type), " IQ, found ",
                                 to_string(any.type));
    // Generic, with P made dependent, so that Iq<Result> and Iq<Error> (P = void) never instantiate it.
    auto convert = [&](auto& out) -> parse_error {
        using P = std::decay_t<decltype(out)>;
        if constexpr (std::is_same_v<P, AnyPayload>) {
            out = any.payload;
            return {};
        } else if constexpr (std::is_same_v<P, RosterQuery> || std::is_same_v<P, RosterGet> || std::is_same_v<P, RosterSet>) {
            const RosterQuery* q = any.payload.roster();
            if (!q) return parse_error::make(errc::payload_mismatch, 0, "expected a roster query, found <", any.payload.name(), ">");
            if (const char* problem = narrow_roster(*q, out)) return parse_error(errc::roster_item_count, 0, problem);
            return {};
        } else {
            const OpaqueElement* o = any.payload.opaque();
            if (!o || !o->node)
                return parse_error::make(errc::payload_mismatch, 0, "expected <", payload_traits<P>::name, " xmlns='",
                                         payload_traits<P>::ns, "'>, found <", any.payload.name(), ">");
            return parse_payload<P>(static_cast<detail::xml_node*>(const_cast<void*>(o->node)), any.type, out);
        }
    };
    if constexpr (std::is_same_v<Type, Error>) {
        T iq(any.id, any.error.value_or(StanzaError(Condition::undefined_condition)));
        fill_header(iq, any.id, any.from, any.to, any.lang);
        if constexpr (!std::is_void_v<P>) {
            if (!any.payload.empty()) {
                P p{};
                if (parse_error e = convert(p)) return e;
                iq.payload = std::move(p);
            }
        }
        return iq;
    } else if constexpr (std::is_void_v<P>) {
        if (!any.payload.empty())
            return parse_error::make(errc::payload_mismatch, 0, "expected an empty result, found <", any.payload.name(), ">");
        T iq(any.id);
        fill_header(iq, any.id, any.from, any.to, any.lang);
        return iq;
    } else {
        if (any.payload.empty() && !std::is_same_v<P, AnyPayload>)  // as in build(): AnyPayload may be empty
            return parse_error(errc::payload_mismatch, 0, "expected a payload, found none");
        P p{};
        if (parse_error e = convert(p)) return e;
        T iq(any.id, std::move(p));
        fill_header(iq, any.id, any.from, any.to, any.lang);
        return iq;
    }
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_PARSER_HPP
