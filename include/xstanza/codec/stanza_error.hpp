// xstanza: the stanza <error/> element (RFC 6120 §8.3), read and written side by side.
// Each rule is checked by one function that both directions call.
#ifndef XSTANZA_CODEC_STANZA_ERROR_HPP
#define XSTANZA_CODEC_STANZA_ERROR_HPP

#include <algorithm>
#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_error.hpp"
#include "../model/syntax.hpp"
#include "../xml/element.hpp"
#include "../xml/scan.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, one function each ----

// RFC 6120 §8.3.3.5, §8.3.3.14: only <gone/> and <redirect/> carry content, which MUST be a
// URI or IRI. The problem with `uri` under `c`, or null.
inline const char* condition_uri_problem(Condition c, std::string_view uri) noexcept {
    if (uri.empty()) return nullptr;
    if (c != Condition::gone && c != Condition::redirect)
        return "only <gone/> and <redirect/> carry a URI (RFC 6120 §8.3.3)";
    if (!is_uri(uri)) return "is not a URI or IRI (RFC 6120 §8.3.3.5, §8.3.3.14)";
    return nullptr;
}

// RFC 6120 §8.3.2: an application-specific condition is in a namespace of its own: neither
// none, nor the stanza's, nor the stanzas namespace; Namespaces in XML 1.0 §3: nor the
// reserved XML or xmlns namespace (no default namespace declaration may name them).
enum class app_namespace { own, not_own, reserved };
inline app_namespace app_condition_namespace(std::string_view ns, std::string_view stanza_ns) noexcept {
    if (ns.empty() || same(ns, stanzas_ns) || same(ns, stanza_ns)) return app_namespace::not_own;
    if (same(ns, xml_ns) || same(ns, scanner::xmlns_uri)) return app_namespace::reserved;
    return app_namespace::own;
}

// ---- reading ----

/// The children of an error element, the stanza's <error/> (RFC 6120 §8.3.2) or the stream's
/// <stream:error/> (§4.9.2), sorted as both define them: in the conditions namespace `ns`,
/// <text/> or a defined condition; in any other namespace, an application-specific condition.
/// Each reader returns an error to stop.
template <class Text, class Condition_, class App>
codec_error read_error_children(const element& e, std::string_view ns, Text&& text, Condition_&& condition,
                                App&& app) noexcept {
    for (element c : e) {
        codec_error err = same(c.ns(), ns) ? (is(c.name(), "text") ? text(c) : condition(c)) : app(c);
        if (err) return err;
    }
    return {};
}

// The attributes of <error/>: type, the legacy code (XEP-0086), by, xml:lang.
struct error_attributes {
    std::optional<ErrorType> type;
    std::optional<unsigned> code;
    std::optional<Jid> by;
    std::string_view lang;  // RFC 6120 §8.1.5: inherited by <text/>
};

XSTANZA_CODEC_STEP codec_error read_error_attributes(const element& e, error_attributes& out) noexcept {
    for (attribute a : e.attributes()) {
        std::string_view n = a.qname();
        if (is(n, "type")) {
            std::string_view v = a.value();
            out.type = error_type_from_string(v);
            if (!out.type)
                return codec_error::make(errc::invalid_error_type, a.offset(), "unknown error type '", v,
                                         "', expected auth, cancel, continue, modify or wait (RFC 6120 §8.3.2)");
        } else if (is(n, "code")) {
            // XEP-0086: the legacy numeric code of pre-RFC servers.
            unsigned c = 0;
            std::string_view v = a.value();
            if (!parse_uint(v, c))
                return codec_error::make(errc::invalid_error, a.offset(), "legacy error code '", v,
                                         "' is not a number (XEP-0086)");
            out.code = c;
        } else if (is(n, "by")) {
            if (codec_error err = read_jid(a, "<error/> 'by'", out.by)) return err;
        } else if (is(n, "xml:lang")) {
            if (codec_error err = read_lang(a, out.lang)) return err;
        }
    }
    return {};
}

// RFC 6120 §8.3.2: <text/>, at most one, character data only, in a language.
XSTANZA_CODEC_STEP codec_error read_error_text(const element& c, std::string_view error_lang, StanzaError& out) noexcept {
    if (out.text) return codec_error::make(errc::invalid_error, c.offset(), "<error/> carries at most one <text/> (RFC 6120 §8.3.2)");
    if (c.has_children())
        return codec_error::make(errc::invalid_error, c.offset(), "<text/> holds character data only (RFC 6120 §8.3.2)");
    out.text = c.text();
    // The language of <text/>: its own xml:lang, else the one <error/> gives it.
    out.text_lang = error_lang;
    if (auto l = c.find("xml:lang")) return read_lang(*l, out.text_lang);
    return {};
}

// RFC 6120 §8.3.3: a defined condition in the stanzas namespace. `condition` is set once.
XSTANZA_CODEC_STEP codec_error read_defined_condition(const element& c, const rules& r, std::optional<Condition>& condition,
                                          StanzaError& out) noexcept {
    const std::string_view local = c.name();
    std::optional<Condition> k = condition_from_string(local);
    if (!k && r.strict())
        return codec_error::make(errc::unknown_condition, c.offset(), "unknown stanza error condition '", local,
                                 "' (RFC 6120 §8.3.3)");
    if (condition)
        return codec_error::make(errc::multiple_conditions, c.offset(), "second defined condition <", local,
                                 "/>; <error/> carries exactly one (RFC 6120 §8.3.2)");
    if (!k) {
        // RFC 6120 §8.3.2: a receiver MUST treat a condition it does not understand as
        // <undefined-condition/>; its name is kept, its content is not ours to check.
        condition = Condition::undefined_condition;
        out.unknown_condition = local;
        return {};
    }
    condition = k;
    if (c.has_children())
        return codec_error::make(errc::invalid_error, c.offset(), "condition <", local, "/> has child elements (RFC 6120 §8.3.3)");
    const std::string_view content = c.text();
    if (*k == Condition::gone || *k == Condition::redirect) {
        out.uri = trim_space(content);
        if (const char* problem = condition_uri_problem(*k, out.uri))
            return codec_error::make(errc::invalid_error, c.offset(), "<", local, "/> holds '", out.uri, "', which ", problem);
    } else if (std::any_of(content.begin(), content.end(), [](char ch) { return !is_space(ch); })) {
        return codec_error::make(errc::invalid_error, c.offset(), "condition <", local, "/> must be empty (RFC 6120 §8.3.3)");
    }
    return {};
}

// RFC 6120 §8.3.2: at most one application-specific condition, in a namespace of its own.
XSTANZA_CODEC_STEP codec_error read_app_condition(const element& c, std::string_view error_ns, StanzaError& out) noexcept {
    const std::string_view local = c.name(), ns = c.ns();
    switch (app_condition_namespace(ns, error_ns)) {
    case app_namespace::own: break;
    case app_namespace::not_own:
        return codec_error::make(errc::condition_namespace, c.offset(), "error condition <", local, "/> in namespace '",
                                 ns, "', expected '", stanzas_ns, "' (RFC 6120 §8.3.2)");
    case app_namespace::reserved:
        return codec_error::make(errc::condition_namespace, c.offset(), "application condition <", local,
                                 "/> in the reserved XML namespace (RFC 6120 §8.3.2, Namespaces in XML 1.0 §3)");
    }
    if (out.app)
        return codec_error::make(errc::multiple_conditions, c.offset(), "second application-specific condition <", local,
                                 "/>; <error/> carries at most one (RFC 6120 §8.3.2)");
    // Namespace names are kept as written (xml/scan.hpp): one with a reference or a character
    // the serializer escapes would be written back as another namespace.
    if (ns.find_first_of("&'\t\n\r") != std::string_view::npos)
        return codec_error::make(errc::unsupported, c.offset(), "application condition <", local,
                                 "/>: a namespace name with a reference, a quote or a tab or line end");
    out.app = AppCondition{local, ns};
    return {};
}

/// RFC 6120 §8.3.2, §8.3.3: the <error/> element `e` under rules `r`, written into `out`
/// field by field (the caller's storage: an IQ being filled in place).
inline codec_error read_stanza_error(const element& e, const rules& r, StanzaError& out) noexcept {
    error_attributes attrs;
    if (codec_error err = read_error_attributes(e, attrs)) return err;
    StanzaError got(Condition::undefined_condition);
    std::optional<Condition> condition;
    std::size_t foreign = 0;  // offset of the application condition, when there is one
    const std::string_view error_ns = e.ns();
    codec_error children = read_error_children(
        e, stanzas_ns, [&](const element& c) { return read_error_text(c, attrs.lang, got); },
        [&](const element& c) { return read_defined_condition(c, r, condition, got); },
        [&](const element& c) {
            foreign = c.offset();
            return read_app_condition(c, error_ns, got);
        });
    if (children) return children;
    if (!condition && attrs.code) {
        if (auto legacy = legacy_error(*attrs.code)) condition = legacy->condition;
    }
    if (!condition) {
        if (got.app)
            return codec_error::make(errc::condition_namespace, foreign, "error condition <", got.app->name,
                                     "/> in namespace '", got.app->ns, "', expected '", stanzas_ns, "' (RFC 6120 §8.3.2)");
        return codec_error::make(errc::missing_condition, e.offset(), "<error/> has no defined condition (RFC 6120 §8.3.2)");
    }
    if (!attrs.type && attrs.code) {
        if (auto legacy = legacy_error(*attrs.code)) attrs.type = legacy->type;
    }
    if (!attrs.type)
        return codec_error::make(errc::invalid_error_type, e.offset(), "<error/> has no 'type' (RFC 6120 §8.3.2)");
    got.type = *attrs.type;
    got.condition = *condition;
    got.by = attrs.by;
    got.legacy_code = attrs.code;
    out = got;
    return {};
}

// ---- writing ----

/// RFC 6120 §8.3.2: <error type='...' by='...'><condition/><text/><app/></error>.
inline void write_stanza_error(xml_writer& w, const StanzaError& e, std::string_view stanza_ns) noexcept {
    const std::string_view type = to_string(e.type), condition = to_string(e.condition);
    if (type.empty()) return w.fail(errc::invalid_data, "stanza error type outside the enumeration");
    if (condition.empty()) return w.fail(errc::invalid_data, "stanza error condition outside the enumeration");
    writer_access::open(w, "error", stanza_ns);
    writer_access::attribute(w, "type", type);
    if (e.by) write_jid(w, "by", *e.by);
    writer_access::open(w, condition, stanzas_ns);
    if (!e.uri.empty()) {
        w.text(e.uri);  // first: text that is no XML is reported as such
        if (const char* problem = w.failed() ? nullptr : condition_uri_problem(e.condition, e.uri)) {
            if (e.condition != Condition::gone && e.condition != Condition::redirect) return w.fail(errc::invalid_data, problem);
            return w.fail(errc::invalid_data, "'", e.uri, "' ", problem);
        }
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
        switch (app_condition_namespace(e.app->ns, stanza_ns)) {
        case app_namespace::own: break;
        case app_namespace::not_own:
            return w.fail(errc::invalid_data, "an application-specific condition needs its own namespace (RFC 6120 §8.3.2)");
        case app_namespace::reserved:
            return w.fail(errc::invalid_data, "an application-specific condition cannot be in the reserved namespace '",
                          e.app->ns, "' (Namespaces in XML 1.0 §3)");
        }
        w.open(e.app->name, e.app->ns);
        w.close();
    }
    w.close();
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_STANZA_ERROR_HPP
