// xstanza: reading one start tag's name and attributes without building anything: the
// stream reader's tokenizer and the serializer's check of a hand-built opaque payload.
#ifndef XSTANZA_XML_START_TAG_HPP
#define XSTANZA_XML_START_TAG_HPP

#include <cstddef>
#include <string_view>

namespace xstanza {
namespace detail {

inline bool stream_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes that end a name in the tokenizer (XML 1.0 §2.3 names never contain them).
inline bool name_stop(char c) noexcept {
    return stream_space(c) || c == '/' || c == '>' || c == '<' || c == '=' || c == '\'' || c == '"' || c == '&';
}

struct raw_attribute {
    std::string_view name;
    std::string_view value;  // raw, between its quotes
    char quote;
};

// Reads the start tag at tag[0] == '<': returns its qname and calls f(raw_attribute) for each
// attribute; an empty qname when the tag is malformed. Bounds-checked: it also runs on bytes
// the scanner rejected.
template <class F>
std::string_view read_start_tag(std::string_view tag, F&& f) noexcept {
    std::size_t i = 1, n = tag.size();
    while (i < n && !name_stop(tag[i])) ++i;
    std::string_view qname = tag.substr(1, i - 1);
    for (;;) {
        while (i < n && stream_space(tag[i])) ++i;
        if (i >= n) return {};
        if (tag[i] == '/' || tag[i] == '>') return qname;
        std::size_t a = i;
        while (i < n && !name_stop(tag[i])) ++i;
        std::string_view name = tag.substr(a, i - a);
        while (i < n && stream_space(tag[i])) ++i;
        if (name.empty() || i >= n || tag[i] != '=') return {};
        ++i;
        while (i < n && stream_space(tag[i])) ++i;
        if (i >= n || (tag[i] != '\'' && tag[i] != '"')) return {};
        char q = tag[i++];
        std::size_t v = i;
        while (i < n && tag[i] != q) ++i;
        if (i >= n) return {};
        f(raw_attribute{name, tag.substr(v, i - v), q});
        ++i;
    }
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_XML_START_TAG_HPP
