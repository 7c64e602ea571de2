// xstanza detail: the element tree the scanner builds (scan.hpp): RapidXML nodes
// (xnode/xattr, dom.hpp) in RapidXML's memory pool, one block per element for the node and
// its attributes, made at each start tag; each element's text is set at its end tag. The
// nodes point into the input, which stays unmodified.
#ifndef XSTANZA_XML_BUILDER_HPP
#define XSTANZA_XML_BUILDER_HPP

#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>

#include "namespaces.hpp"

namespace xstanza::detail {

namespace scan_impl {

// The scanner's element tree, when it builds one (in dom_).
xnode* build(scan_state& s, const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
             xml_node* parent) noexcept;
void finish(scan_state& s, const open_element& e, const byte* close) noexcept;

// Adds the element just read, with its attributes, to the tree under `parent`.
inline xnode* build(scan_state& s, const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
                    xml_node* parent) noexcept {
    // A prefix longer than 4 GiB cannot be stored: refused rather than misread.
    if (colon && std::size_t(colon - name) >= 0xFFFFFFFFu)
        return s.fail(errc::invalid_name, name, "namespace prefix longer than 4 GiB");
    auto chars = [](const byte* b) { return reinterpret_cast<char*>(const_cast<byte*>(b)); };
    try {
        // One block of the pool for the node and its attributes: allocate_string(nullptr, n)
        // hands out n bytes aligned for pointers (RAPIDXML_ALIGNMENT); both sizes are
        // multiples of that alignment.
        static_assert(alignof(xnode) <= RAPIDXML_ALIGNMENT && alignof(xattr) <= RAPIDXML_ALIGNMENT &&
                      sizeof(xnode) % alignof(xattr) == 0, "node and attributes share one block");
        char* block = s.dom_->allocate_string(nullptr, sizeof(xnode) + s.attributes_.size() * sizeof(xattr));
        xnode* n = new (block) xnode();
        block += sizeof(xnode);
        n->name(chars(name), name_size);
        n->ns = ns;
        n->local = colon ? std::uint32_t(colon - name + 1) : 0;
        for (const attribute& a : s.attributes_) {
            xattr* x = new (block) xattr();
            block += sizeof(xattr);
            x->name(a.name.data(), a.name.size());
            x->value(a.value.data(), a.value.size());
            x->plain = a.plain;
            n->append_attribute(x);
        }
        parent->append_node(n);
        return n;
    } catch (...) {  // the pool's allocator throws std::bad_alloc
        return s.fail(errc::out_of_memory, name - 1, "out of memory building the element tree");
    }
}

// At the end tag (its '<' at close) of element e: its node, if any, gets its text.
XSTANZA_SCAN_HOT inline void finish(scan_state& s, const open_element& e, const byte* close) noexcept {
    if (xnode* x = e.node) {
        x->value(reinterpret_cast<char*>(const_cast<byte*>(e.content)), std::size_t(close - e.content));
        x->plain_text = s.text_plain_ && !x->first_node();
    }
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_BUILDER_HPP
