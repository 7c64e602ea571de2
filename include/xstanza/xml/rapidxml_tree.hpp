// xstanza: a RapidXML tree of an element view, built only when asked for. The parser itself
// indexes elements without building a tree (dom.hpp); code written against RapidXML's nodes
// gets them for the element it wants, typically an opaque payload (Parser::view).
#ifndef XSTANZA_XML_RAPIDXML_TREE_HPP
#define XSTANZA_XML_RAPIDXML_TREE_HPP

#include <cstddef>
#include <utility>
#include <vector>

#include <rapidxml/rapidxml.hpp>

#include "element.hpp"

namespace xstanza {

/// Builds `e` and its descendants as RapidXML nodes in `doc`'s memory pool and returns the
/// element's node, unattached (append it where you like), or null when out of memory or when
/// `e` is the null element.
/// Nothing is copied: names are views of the input, values and texts those of the element
/// views (decoded), so the nodes live as long as the parse `e` comes from and `doc`'s pool.
/// Element names and attribute names are qualified names as written ("stream:error",
/// "xmlns:x"), namespace declarations are attributes, as RapidXML has them. An element with
/// child elements has no data node (mixed content is not modelled: element::text()).
/// Builds with an explicit stack: any depth the parse limits allowed. (A RapidXML document
/// holds a 64 KiB pool inside itself: reuse one, or keep it on the heap.)
inline rapidxml::xml_node<char>* to_rapidxml(const element& e, rapidxml::xml_document<char>& doc) noexcept {
    using node = rapidxml::xml_node<char>;
    auto make = [&doc](const element& x) {
        const std::string_view q = x.qname();
        node* n = doc.allocate_node(rapidxml::node_element, q.data(), nullptr, q.size(), 0);
        for (const attribute a : x.attributes()) {
            const std::string_view name = a.qname(), value = a.value();
            n->append_attribute(doc.allocate_attribute(name.data(), value.data(), name.size(), value.size()));
        }
        if (!x.has_children()) {
            const std::string_view t = x.text();
            if (!t.empty()) n->append_node(doc.allocate_node(rapidxml::node_data, nullptr, t.data(), 0, t.size()));
            n->value(t.data(), t.size());  // RapidXML's convenience: an element's value is its first data
        }
        return n;
    };
    if (!e) return nullptr;
    try {
        node* root = make(e);
        // The open elements: each one's node and its next child to build.
        std::vector<std::pair<node*, element::iterator>> open;
        open.emplace_back(root, e.begin());
        while (!open.empty()) {
            auto& [parent, next] = open.back();
            if (next == e.end()) {
                open.pop_back();
                continue;
            }
            const element child = *next;
            ++next;
            node* n = make(child);
            parent->append_node(n);
            if (child.has_children()) open.emplace_back(n, child.begin());
        }
        return root;
    } catch (...) {  // the pool's allocator and the stack throw std::bad_alloc
        return nullptr;
    }
}

}  // namespace xstanza

#endif  // XSTANZA_XML_RAPIDXML_TREE_HPP
