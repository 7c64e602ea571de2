// xstanza: the human-readable text children of a message or presence (<body/>, <subject/>,
// <status/>: RFC 6121 §5.2.3, §5.2.4, §4.7.2.2) and the character-data children beside them
// (<show/>, <priority/>, <thread/>), read and written side by side, with the rules they share:
// character data only (no mixed content), several texts only in distinct languages.
#ifndef XSTANZA_CODEC_LANG_TEXT_HPP
#define XSTANZA_CODEC_LANG_TEXT_HPP

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/lang_text.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, one function each ----

namespace lang_rule {
inline bool less(std::string_view a, std::string_view b) noexcept {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return ascii_lower(x) < ascii_lower(y); });
}
}  // namespace lang_rule

/// RFC 6121 §5.2.3, §5.2.4, §4.7.2.2: texts of one kind may repeat "only if each instance
/// possesses an 'xml:lang' attribute with a distinct language value (either explicitly or by
/// inheritance)". True when a language repeats, which `dup` then names. A text without
/// xml:lang is in `stanza_lang`. Above eight texts the languages are sorted in `scratch` (a
/// parse's storage, or the writer's own vector, so that hostile input cannot make the check
/// quadratic); `oom` reports that it could not grow.
inline bool duplicate_lang(const lang_texts& texts, std::string_view stanza_lang, std::vector<std::string_view>* scratch,
                           std::string_view& dup, bool& oom) noexcept {
    const std::size_t n = texts.size();
    auto lang_of = [&](std::size_t i) { return texts[i].lang.empty() ? stanza_lang : std::string_view(texts[i].lang); };
    if (n < 2) return false;
    if (n <= 8 || !scratch) {
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (same_language(lang_of(k), lang_of(i))) return dup = lang_of(i), true;
        return false;
    }
    try {
        scratch->clear();
        for (std::size_t i = 0; i < n; ++i) scratch->push_back(lang_of(i));
    } catch (...) {
        oom = true;
        return false;
    }
    std::sort(scratch->begin(), scratch->end(), lang_rule::less);
    for (std::size_t i = 1; i < n; ++i)
        if (same_language((*scratch)[i - 1], (*scratch)[i])) return dup = (*scratch)[i], true;
    return false;
}

// ---- reading ----

/// The character data of `c`, a child that holds text only (<body/>, <show/>, <thread/>...):
/// "MUST NOT contain mixed content" (RFC 6121 §5.2.3, §5.2.4, §5.2.5, §4.7.2.1 - §4.7.2.3).
XSTANZA_CODEC_STEP codec_error read_text_only(const element& c, std::string_view& out) noexcept {
    if (c.has_children())
        return codec_error::make(errc::mixed_content, c.offset(), "<", c.qname(),
                                 "> holds character data only, found a child element (RFC 6121 §4.7.2, §5.2)");
    out = c.text();
    if (c.out_of_memory()) return codec_error(errc::out_of_memory, c.offset(), "out of memory decoding a text");
    return {};
}

/// A <body/>, <subject/> or <status/>: its text and its own xml:lang (empty: inherited).
XSTANZA_CODEC_STEP codec_error read_lang_text(const element& c, LangText& out) noexcept {
    if (codec_error e = read_text_only(c, out.text)) return e;
    out.lang = {};
    if (std::optional<attribute> lang = c.find("xml:lang")) return read_lang(*lang, out.lang);
    return {};
}

/// Appends a <body/>, <subject/> or <status/> to `list` (null: out of memory).
XSTANZA_CODEC_STEP codec_error read_into(const element& c, std::vector<LangText>* list) noexcept {
    if (!list) return codec_error(errc::out_of_memory, c.offset(), "out of memory keeping a text");
    LangText t;
    if (codec_error e = read_lang_text(c, t)) return e;
    try {
        list->push_back(t);
    } catch (...) {
        return codec_error(errc::out_of_memory, c.offset(), "out of memory keeping a text");
    }
    return {};
}

/// After the texts of one kind were read: reports a language that repeats.
inline codec_error check_langs(const lang_texts& texts, std::string_view stanza_lang, std::string_view what,
                               std::size_t offset, std::vector<std::string_view>* scratch) noexcept {
    bool oom = false;
    std::string_view dup;
    if (duplicate_lang(texts, stanza_lang, scratch, dup, oom))
        return codec_error::make(errc::duplicate_lang, offset, "two <", what, "/> in language '", dup,
                                 "'; several are allowed only in distinct languages (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2)");
    if (oom) return codec_error(errc::out_of_memory, offset, "out of memory checking languages");
    return {};
}

// ---- writing ----

/// Writes the texts of one kind (<body/>...), after checking their languages are distinct
/// (sorted beyond eight texts, as when reading: a parsed message may hold 100,000 bodies).
inline void write_lang_texts(xml_writer& w, std::string_view name, const lang_texts& texts,
                             std::string_view stanza_lang) noexcept {
    bool oom = false;
    std::string_view dup;
    std::vector<std::string_view> scratch;  // used beyond eight texts only
    if (duplicate_lang(texts, stanza_lang, &scratch, dup, oom))
        return w.fail(errc::invalid_data, "two <", name, "/> in language '", dup,
                      "'; several are allowed only in distinct languages (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2)");
    if (oom) return w.fail(errc::out_of_memory, "out of memory checking the languages of <", name, "/>");
    for (const LangText& t : texts) {
        writer_access::open(w, name, "jabber:client");
        write_lang(w, t.lang);
        w.text(t.text);
        w.close();
    }
}

/// Writes a child of character data only (<show/>, <priority/>, <thread/>).
inline void write_text_element(xml_writer& w, std::string_view name, std::string_view text) noexcept {
    writer_access::open(w, name, "jabber:client");
    w.text(text);
    w.close();
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_LANG_TEXT_HPP
