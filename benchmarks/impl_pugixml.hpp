// parse/pugixml: copy into a reused buffer, load_buffer_inplace (parse_default, UTF-8), walk.
#ifndef XSTANZA_BENCH_IMPL_PUGIXML_HPP
#define XSTANZA_BENCH_IMPL_PUGIXML_HPP

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "dom_walk.hpp"

namespace xstanza_bench {

struct pugixml_dom {
    using node = pugi::xml_node;
    static std::string_view name(node n) noexcept { return n.name(); }
    template <class F>
    static bool attributes(node n, F f) {
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
            if (!f(std::string_view(a.name()), std::string_view(a.value()))) return false;
        return true;
    }
    template <class F>
    static bool elements(node n, F f) {
        for (node c = n.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && !f(c)) return false;
        return true;
    }
    static std::string_view text(node n) noexcept { return n.child_value(); }
};

class pugixml_impl {
public:
    static constexpr bool decodes = true;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        buffer_.assign(input);
        pugi::xml_parse_result r =
            doc_.load_buffer_inplace(buffer_.data(), buffer_.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!r) return false;
        return walk_dom<pugixml_dom>(doc_.document_element(), d);
    }

private:
    std::string buffer_;
    pugi::xml_document doc_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_PUGIXML_HPP
