// xstanza detail: the element index the scanner builds (scan.hpp, element_index in dom.hpp):
// at each start tag, the element's node and its attributes are appended to the index's
// arrays and linked to its parent; at its end tag, the node gets its content. The nodes
// point into the input, which stays unmodified.
#ifndef XSTANZA_XML_BUILDER_HPP
#define XSTANZA_XML_BUILDER_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "namespaces.hpp"

namespace xstanza::detail {

namespace scan_impl {

// The scanner's element index, when it builds one (in index_).
xnode* build(scan_state& s, const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
             open_element* parent) noexcept;
void finish(scan_state& s, const open_element& e, const byte* close) noexcept;

// Appends the element just read, with its attributes, to the index, as the last child of
// `parent` (null for the root).
XSTANZA_SCAN_HOT inline xnode* build(scan_state& s, const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
                    open_element* parent) noexcept {
    element_index& index = *s.index_;
    const std::size_t count = s.attributes_.count;
    xnode* const n = index.nodes.take(1);
    xattr* x = count ? index.attrs.take(count) : nullptr;
    if (!n || (count && !x)) return s.fail(errc::out_of_memory, name - 1, "out of memory indexing the elements");
    // Sizes and offsets fit in 32 bits: run() refuses to index an input of 4 GiB or more.
    n->name_ = reinterpret_cast<const char*>(name);
    n->name_size_ = std::uint32_t(name_size);
    n->value_ = nullptr;
    n->value_size_ = 0;
    n->ns = ns;
    n->first_child = n->next_sibling = nullptr;
    n->attrs = x;
    n->local = colon ? std::uint32_t(colon - name + 1) : 0;
    n->attr_count = std::uint32_t(count);
    n->plain_text = false;
    for (const attribute& a : s.attributes_) {
        x->name_ = a.name.data();
        x->value_ = const_cast<char*>(a.value.data());
        x->value_size_ = a.value.size();
        x->name_size_ = std::uint32_t(a.name.size());
        x->plain = a.plain;
        ++x;
    }
    if (!parent) {
        index.root = n;
    } else {
        if (parent->last_child) parent->last_child->next_sibling = n;
        else parent->node->first_child = n;
        parent->last_child = n;
    }
    return n;
}

// At the end tag (its '<' at close) of element e: its node, if any, gets its content.
XSTANZA_SCAN_HOT inline void finish(scan_state& s, const open_element& e, const byte* close) noexcept {
    if (xnode* x = e.node) {
        x->value_ = reinterpret_cast<char*>(const_cast<byte*>(e.content));
        x->value_size_ = std::size_t(close - e.content);
        x->plain_text = s.text_plain_ && !x->first_child;
    }
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_BUILDER_HPP
