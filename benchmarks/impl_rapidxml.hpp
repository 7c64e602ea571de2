// parse/rapidxml (parse<0>, the baseline) and parse/rapidxml_fastest (parse_fastest):
// copy into a reused buffer, parse in situ into a reused document, walk.
#ifndef XSTANZA_BENCH_IMPL_RAPIDXML_HPP
#define XSTANZA_BENCH_IMPL_RAPIDXML_HPP

#include <string>
#include <string_view>

#include <rapidxml/rapidxml.hpp>

#include "dom_walk.hpp"

namespace xstanza_bench {

struct rapidxml_dom {
    using node = rapidxml::xml_node<char>*;
    static std::string_view name(node n) noexcept { return {n->name(), n->name_size()}; }
    template <class F>
    static bool attributes(node n, F f) {
        for (rapidxml::xml_attribute<char>* a = n->first_attribute(); a; a = a->next_attribute())
            if (!f(std::string_view(a->name(), a->name_size()), std::string_view(a->value(), a->value_size()))) return false;
        return true;
    }
    template <class F>
    static bool elements(node n, F f) {
        for (node c = n->first_node(); c; c = c->next_sibling())
            if (c->type() == rapidxml::node_element && !f(c)) return false;
        return true;
    }
    // The element's value is its first data run: with parse<0> one decoded run for the
    // corpora's text (no CDATA, no comments inside).
    static std::string_view text(node n) noexcept { return {n->value(), n->value_size()}; }
};

template <int Flags>
class rapidxml_parser {
public:
    /// parse_fastest neither decodes references nor writes terminators: digest.text differs.
    static constexpr bool decodes = (Flags & rapidxml::parse_no_entity_translation) == 0;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        buffer_.assign(input);
        doc_.clear();  // releases the pool's dynamic blocks: large documents allocate each time
        try {
            doc_.template parse<Flags>(buffer_.data());
        } catch (const rapidxml::parse_error&) {
            return false;
        }
        return walk_dom<rapidxml_dom>(doc_.first_node(), d);
    }

private:
    std::string buffer_;
    rapidxml::xml_document<char> doc_;
};

using rapidxml_impl = rapidxml_parser<0>;
using rapidxml_fastest_impl = rapidxml_parser<rapidxml::parse_fastest>;

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_RAPIDXML_HPP
