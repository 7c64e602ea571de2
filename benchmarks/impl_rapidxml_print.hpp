// serialize/rapidxml_print: a RapidXML DOM of the roster result built once, then
// rapidxml::print (no indenting, escaping on) into a reused std::string.
#ifndef XSTANZA_BENCH_IMPL_RAPIDXML_PRINT_HPP
#define XSTANZA_BENCH_IMPL_RAPIDXML_PRINT_HPP

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include <rapidxml/rapidxml.hpp>

// Upstream RapidXML 1.13's rapidxml_print.hpp calls these before declaring them, which
// modern g++ and clang reject (two-phase lookup finds no declaration; RapidXML bug 16).
// Debian's copy declares them itself; redeclaring is harmless, and lets an upstream
// copy (XSTANZA_RAPIDXML_INCLUDE_DIR) compile too.
namespace rapidxml::internal {
template <class OutIt, class Ch> inline OutIt print_children(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_attributes(OutIt out, const xml_node<Ch>* node, int flags);
template <class OutIt, class Ch> inline OutIt print_element_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_data_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_cdata_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_declaration_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_comment_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_doctype_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
template <class OutIt, class Ch> inline OutIt print_pi_node(OutIt out, const xml_node<Ch>* node, int flags, int indent);
}  // namespace rapidxml::internal

#include <rapidxml/rapidxml_print.hpp>

#include "impl_xstanza.hpp"

namespace xstanza_bench {

class rapidxml_print_serializer {
public:
    explicit rapidxml_print_serializer(const roster_source& src) {
        const roster_result& iq = src.iq();
        using rapidxml::node_element;
        rapidxml::xml_node<char>* root = element("iq");
        attr(root, "type", "result");
        attr(root, "id", iq.id);
        if (iq.to) attr(root, "to", jid_text(*iq.to));
        doc_.append_node(root);
        rapidxml::xml_node<char>* query = element("query");
        attr(query, "xmlns", xstanza::roster_ns);
        if (iq.payload.ver) attr(query, "ver", *iq.payload.ver);
        root->append_node(query);
        for (const xstanza::RosterItem& it : iq.payload.items) {
            rapidxml::xml_node<char>* item = element("item");
            attr(item, "jid", jid_text(it.jid));
            if (it.name) attr(item, "name", *it.name);
            if (it.subscription != xstanza::Subscription::none) attr(item, "subscription", xstanza::to_string(it.subscription));
            if (it.ask) attr(item, "ask", "subscribe");
            for (std::string_view g : it.groups) item->append_node(element("group", g));
            query->append_node(item);
        }
    }

    std::size_t run() {
        out_.clear();
        rapidxml::print(std::back_inserter(out_), doc_, rapidxml::print_no_indenting);
        return out_.size();
    }
    std::string_view output() const noexcept { return out_; }

private:
    rapidxml::xml_node<char>* element(std::string_view name, std::string_view value = {}) {
        return doc_.allocate_node(rapidxml::node_element, name.data(), value.empty() ? nullptr : value.data(),
                                  name.size(), value.size());
    }
    void attr(rapidxml::xml_node<char>* n, std::string_view name, std::string_view value) {
        n->append_attribute(doc_.allocate_attribute(name.data(), value.data(), name.size(), value.size()));
    }
    std::string_view jid_text(const xstanza::Jid& j) {
        std::string s;
        if (!j.local().empty()) s.append(j.local()).append("@");
        s.append(j.domain());
        if (!j.resource().empty()) s.append("/").append(j.resource());
        return {doc_.allocate_string(s.data(), s.size()), s.size()};
    }

    rapidxml::xml_document<char> doc_;
    std::string out_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_RAPIDXML_PRINT_HPP
