// xstanza: human-readable texts keyed by xml:lang: a message's bodies and subjects, a
// presence's statuses (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2). Several are allowed, each in a
// distinct language, "either explicitly or by inheritance". Plain data, no XML.
#ifndef XSTANZA_MODEL_LANG_TEXT_HPP
#define XSTANZA_MODEL_LANG_TEXT_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "detail/views.hpp"
#include "span.hpp"
#include "syntax.hpp"

namespace xstanza {

/// One text and its xml:lang (empty: the stanza's language, inherited).
struct LangText {
    /// The text.
    kept_view text;
    /// Its xml:lang; empty: the stanza's language.
    kept_view lang{};

    friend bool operator==(const LangText& a, const LangText& b) noexcept { return a.text == b.text && a.lang == b.lang; }
    friend bool operator!=(const LangText& a, const LangText& b) noexcept { return !(a == b); }
};

/// True when two language tags are the same tag: BCP 47 tags compare case-insensitively
/// (RFC 5646 §2.1.1).
constexpr bool same_language(std::string_view a, std::string_view b) noexcept { return detail::iequal(a, b); }

/// The texts of one kind (bodies, subjects, statuses): none, one, or several in distinct
/// languages. Holds one text itself (`m.bodies = "hello"`) or views a list the caller or
/// the Parser keeps (`m.bodies = span<const LangText>(array)`); copying it copies the view,
/// never the texts.
class lang_texts {
public:
    lang_texts() noexcept = default;
    /// One text in the stanza's language.
    lang_texts(std::string_view text) noexcept : one_{text, {}}, size_(1) {}
    /// One text in the stanza's language (a string literal).
    lang_texts(const char* text) noexcept : one_{text, {}}, size_(1) {}
    /// A temporary string would dangle: keep the text in a variable that outlives the stanza.
    lang_texts(std::string&&) = delete;
    /// One text in a language of its own.
    lang_texts(LangText one) noexcept : one_(one), size_(1) {}
    /// Several texts (their languages must be distinct), viewed where they are.
    lang_texts(span<const LangText> list) noexcept : list_(list.data()), size_(list.size()) {}

    /// How many texts.
    std::size_t size() const noexcept { return size_; }
    /// True when there is no text.
    bool empty() const noexcept { return size_ == 0; }
    /// The first text.
    const LangText* begin() const noexcept { return list_ ? list_ : &one_; }
    /// Past the last text.
    const LangText* end() const noexcept { return begin() + size_; }
    /// The i-th text (i < size()).
    const LangText& operator[](std::size_t i) const noexcept { return begin()[i]; }

    /// The text in language `lang`, where texts without an xml:lang are in `stanza_lang`;
    /// with `lang` empty, the one in the stanza's language (or the first when none is).
    std::optional<std::string_view> find(std::string_view lang = {}, std::string_view stanza_lang = {}) const noexcept {
        if (empty()) return std::nullopt;
        const std::string_view want = lang.empty() ? stanza_lang : lang;
        for (const LangText& t : *this)
            if (same_language(t.lang.empty() ? stanza_lang : std::string_view(t.lang), want)) return t.text;
        if (lang.empty()) return begin()->text;
        return std::nullopt;
    }

    friend bool operator==(const lang_texts& a, const lang_texts& b) noexcept {
        return span<const LangText>(a.begin(), a.size_) == span<const LangText>(b.begin(), b.size_);
    }
    friend bool operator!=(const lang_texts& a, const lang_texts& b) noexcept { return !(a == b); }

private:
    LangText one_{};
    const LangText* list_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_LANG_TEXT_HPP
