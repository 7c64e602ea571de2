// xstanza: what several codecs read and write the same way, each read next to its write:
// a JID in an attribute (RFC 7622), xml:lang (RFC 6120 §8.1.5), white space and numbers.
#ifndef XSTANZA_CODEC_COMMON_HPP
#define XSTANZA_CODEC_COMMON_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/jid.hpp"
#include "../model/syntax.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"

// A codec's steps, each a function of its own to read, inlined into the one that calls it,
// so that splitting a codec into steps costs no calls and no error objects in between.
#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_CODEC_STEP [[gnu::always_inline]] inline
#else
#define XSTANZA_CODEC_STEP inline
#endif

namespace xstanza {
namespace detail {

struct jid_access {
    static bool parse_in(std::string_view v, const char* lo, const char* hi, Jid& j) noexcept {
        return Jid::parse_ascii_in(v, lo, hi, j);
    }
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

// RFC 7622: a JID attribute, read into `out`; `what` names it in the error.
inline codec_error read_jid(const attribute& a, std::string_view what, std::optional<Jid>& out) noexcept {
    const std::string_view v = a.value();
    const doc_context& c = *element_access::context(a);
    // The one-pass ASCII path writes straight into `out`; the detailed one names the problem.
    if (jid_access::parse_in(v, c.base, c.end, out.emplace())) return {};
    out.reset();
    result<Jid> j = Jid::parse_detailed(v);
    if (!j) return codec_error::make(errc::invalid_jid, a.offset() + j.error().offset(), what, ": ", j.error().message());
    out = *j;
    return {};
}

inline void write_jid(xml_writer& w, std::string_view name, const Jid& j) noexcept {
    if (j.empty()) return w.fail(errc::invalid_data, "'", name, "' is an empty JID");
    w.attribute_begin(name);
    // The localpart and domainpart need no escaping scan: a Jid exists only once they passed
    // its checks (model/jid.hpp), which leave no byte escape() would change or refuse in a
    // single-quoted attribute. The localpart excludes " & ' < > and control characters
    // (RFC 7622 §3.3.1, §3.3); the domainpart is LDH labels, non-ASCII labels of valid UTF-8
    // without controls, or a bracketed IPv6 literal (RFC 7622 §3.2). The resourcepart may
    // hold any of them (RFC 7622 §3.4) and is escaped.
    if (!j.local().empty()) {
        writer_access::verbatim_piece(w, j.local());
        writer_access::piece(w, '@');
    }
    writer_access::verbatim_piece(w, j.domain());
    if (!j.resource().empty()) {
        writer_access::piece(w, '/');
        w.attribute_piece(j.resource());
    }
    w.attribute_end();
}

// RFC 6120 §8.1.5: an xml:lang value MUST be an NMTOKEN conforming to BCP 47 (RFC 5646);
// "" is neither (no language is no attribute).
inline codec_error read_lang(const attribute& a, std::string_view& out) noexcept {
    out = a.value();
    if (is_language_tag(out)) return {};
    return codec_error::make(errc::invalid_lang, a.offset(), "xml:lang='", out,
                             "' is not a language tag (RFC 6120 §8.1.5, RFC 5646)");
}

inline void write_lang(xml_writer& w, std::string_view lang) noexcept {
    if (lang.empty()) return;
    w.attribute("xml:lang", lang);
    if (!w.failed() && !is_language_tag(lang))
        return w.fail(errc::invalid_data, "xml:lang='", lang, "' is not a language tag (RFC 6120 §8.1.5, RFC 5646)");
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_COMMON_HPP
