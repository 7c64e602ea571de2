// xstanza detail: the RapidXML glue. Only detail/ includes RapidXML.
#ifndef XSTANZA_XML_DOM_HPP
#define XSTANZA_XML_DOM_HPP

#include <cstddef>
#include <cstdint>
#include <new>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidxml/rapidxml.hpp>

#include "text.hpp"
#include "../model/detail/utf8.hpp"

#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_DOM_OUTLINE [[gnu::noinline]]
#else
#define XSTANZA_DOM_OUTLINE
#endif

namespace xstanza::detail {

using xml_node = rapidxml::xml_node<char>;
using xml_attr = rapidxml::xml_attribute<char>;
using xml_doc = rapidxml::xml_document<char>;

// The tree is RapidXML's (its node types, its memory pool), built by the validating scanner
// (scan.hpp) in its single pass: RapidXML's own parser would tokenise the input a second
// time. Names and values point into the input, which stays as it was (an opaque payload's
// bytes are re-emitted verbatim); values are decoded lazily, in place, only where xstanza
// reads them, and never inside an opaque payload.

/// Where element views decode text and attribute values: out of place, never in the input.
/// An opaque payload's bytes are re-emitted verbatim by serialize, so decoding "&lt;x/&gt;"
/// into them would turn escaped text into markup (XML injection). Strings are reused from
/// one parse to the next (clear() keeps them) and never move, so views stay valid
/// until the next parse.
class text_arena {
public:
    void clear() noexcept {
        used_ = 0;
        failed_ = false;
    }
    /// Exchanges the storage; the strings do not move, so views into them stay valid.
    void swap(text_arena& other) noexcept {
        strings_.swap(other.strings_);
        std::swap(used_, other.used_);
        std::swap(failed_, other.failed_);
    }
    /// A string to fill; nullptr when out of memory (which failed() then reports).
    std::string* next() noexcept {
        try {
            if (used_ == strings_.size()) strings_.push_back(std::make_unique<std::string>());
        } catch (...) {
            failed_ = true;
            return nullptr;
        }
        return strings_[used_++].get();
    }
    /// Records that a text could not be decoded for lack of memory.
    void fail() noexcept { failed_ = true; }
    /// True when a text could not be decoded since the last clear() or take_failure().
    bool failed() const noexcept { return failed_; }
    /// failed(), and forgets it.
    bool take_failure() noexcept { return std::exchange(failed_, false); }

private:
    // Each string on its own: growing the vector moves pointers, never the strings (nor the
    // characters of short ones, stored inside the string). A vector, not a deque: an empty
    // one allocates nothing, so a Parser is constructed without allocating.
    std::vector<std::unique_ptr<std::string>> strings_;
    std::size_t used_ = 0;
    bool failed_ = false;
};

/// What element views of one parse share: the input's bounds (for offsets, and for reads
/// in blocks that stay inside it), the storage of decoded texts, and where decoding writes:
/// in place, in the input, or, for a payload whose bytes are kept as they came (opaque),
/// into `texts`.
struct doc_context {
    const char* base = nullptr;
    text_arena* texts = nullptr;
    const char* end = nullptr;
    bool in_place = true;
};

/// RapidXML's memory pool frees its 64 KiB blocks on every clear(), and its allocator hooks
/// are plain function pointers without a context. So freed blocks go to a per-thread cache
/// and come back on the pool's next request: a Parser that parses large stanzas over and
/// over stops allocating once the cache holds its working set (at most 64 MiB a thread).
struct pool_block_cache {
    struct block {
        block* next;
        std::size_t size;
    };
    static constexpr std::size_t header = 2 * sizeof(void*) > alignof(std::max_align_t) ? 2 * sizeof(void*)
                                                                                       : alignof(std::max_align_t);
    static constexpr std::size_t max_cached_bytes = std::size_t{64} << 20;
    block* head = nullptr;
    std::size_t cached_bytes = 0;
    pool_block_cache() noexcept { alive() = true; }
    pool_block_cache(const pool_block_cache&) = delete;
    pool_block_cache& operator=(const pool_block_cache&) = delete;
    ~pool_block_cache() {
        alive() = false;  // blocks released later in this thread's exit go straight back to the heap
        while (head) {
            block* b = head;
            head = b->next;
            ::operator delete(b);
        }
    }
    // Whether this thread's cache exists now: a trivially destructible flag, readable at any
    // time of the thread's life, unlike the cache itself once its destructor has run (a Parser
    // destroyed after it, e.g. a static one at exit, must not touch it).
    static bool& alive() noexcept {
        thread_local bool flag = false;
        return flag;
    }
    static pool_block_cache& local() noexcept {
        thread_local pool_block_cache cache;
        return cache;
    }
    // RapidXML's alloc_func: may throw std::bad_alloc, which the scanner's build() catches.
    static void* allocate(std::size_t size) {
        pool_block_cache& c = local();
        if (c.head && c.head->size >= size) {
            block* b = c.head;
            c.head = b->next;
            c.cached_bytes -= b->size;
            return reinterpret_cast<char*>(b) + header;
        }
        auto* b = static_cast<block*>(::operator new(size + header));
        b->size = size;
        return reinterpret_cast<char*>(b) + header;
    }
    static void release(void* p) noexcept {
        auto* b = reinterpret_cast<block*>(static_cast<char*>(p) - header);
        if (!alive()) {  // no cache in this thread (not yet made, or already destroyed)
            ::operator delete(b);
            return;
        }
        pool_block_cache& c = local();
        if (c.cached_bytes + b->size > max_cached_bytes) {
            ::operator delete(b);
            return;
        }
        b->next = c.head;
        c.head = b;
        c.cached_bytes += b->size;
    }
};

/// A document whose pool blocks go through this thread's pool_block_cache, or null when
/// out of memory.
inline std::unique_ptr<xml_doc> new_pooled_doc() noexcept {
    std::unique_ptr<xml_doc> doc(new (std::nothrow) xml_doc);
    if (doc) doc->set_allocator(&pool_block_cache::allocate, &pool_block_cache::release);
    return doc;
}

inline constexpr std::string_view xml_ns = "http://www.w3.org/XML/1998/namespace";

/// The element node the scanner builds: RapidXML's node, in RapidXML's memory pool, plus
/// what the scan learnt on its way, so that readers need not find it again.
struct xnode : xml_node {
    xnode() noexcept : xml_node(rapidxml::node_element) {}
    // value() is the raw content, from one past the start tag's '>' to the end tag's '<'
    // (empty for an empty-element tag); for an element with children it includes their markup.
    std::string_view ns;      ///< namespace name, resolved and as written ("" for none)
    std::uint32_t local = 0;  ///< where the local name starts in name(): prefix size + 1, or 0
    bool plain_text = false;  ///< no element child, and no reference, CR or CDATA section: value() reads as written
    /// The name as stored: the scanner names every element, so RapidXML's check for a
    /// missing name (name() returns "" then) is not needed.
    std::string_view raw_name() const noexcept { return {m_name, m_name_size}; }
};

/// An attribute the scanner builds.
struct xattr : xml_attr {
    bool plain = true;  ///< value holds no reference, tab, LF or CR (or is decoded already)
    /// The name as stored: the scanner names every attribute (see xnode::raw_name).
    std::string_view raw_name() const noexcept { return {m_name, m_name_size}; }
};

inline xnode* xnode_of(const xml_node* n) noexcept { return static_cast<xnode*>(const_cast<xml_node*>(n)); }
inline xattr* xattr_of(const xml_attr* a) noexcept { return static_cast<xattr*>(const_cast<xml_attr*>(a)); }

inline std::string_view name_of(const xml_node* n) noexcept { return xnode_of(n)->raw_name(); }
inline std::string_view name_of(const xml_attr* a) noexcept { return xattr_of(a)->raw_name(); }

/// An element's local name (without its prefix).
inline std::string_view local_name(const xml_node* n) noexcept {
    const xnode* x = xnode_of(n);
    const std::string_view name = x->raw_name();
    return {name.data() + x->local, name.size() - x->local};
}

/// The attribute with this exact qualified name, or null.
inline xml_attr* find_attr(const xml_node* n, std::string_view qname) noexcept {
    for (xml_attr* a = n->first_attribute(); a; a = a->next_attribute())
        if (name_of(a) == qname) return a;
    return nullptr;
}

/// The namespace name of an element (Namespaces in XML 1.0 §6.1, §6.2), resolved by the
/// scanner: its prefix's nearest declaration, or the nearest default declaration for an
/// unprefixed name; "" when there is none.
inline std::string_view resolve_ns(const xml_node* n) noexcept { return xnode_of(n)->ns; }

inline char* decode_reference(char* src, char*& dst) noexcept {
    // src points at '&'; the scanner guarantees a well-formed reference to an XML Char,
    // terminated by ';' inside the input.
    char* p = src + 1;
    if (*p == '#') {
        char32_t cp = 0;
        if (*++p == 'x') {
            for (++p; *p != ';'; ++p) cp = cp * 16 + char32_t(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
        } else {
            for (; *p != ';'; ++p) cp = cp * 10 + char32_t(*p - '0');
        }
        dst += encode_utf8(cp, dst);
        return p + 1;
    }
    // The five predefined entities (XML 1.0 §4.6): lt, gt, amp, apos, quot.
    switch (p[0]) {
    case 'l': *dst++ = '<'; return p + 3;
    case 'g': *dst++ = '>'; return p + 3;
    case 'q': *dst++ = '"'; return p + 5;
    default:
        if (p[1] == 'm') { *dst++ = '&'; return p + 4; }
        *dst++ = '\'';
        return p + 5;
    }
}

/// Decodes references and normalises line ends in place (XML 1.0 §2.11, §4.6); for an
/// attribute value also maps literal tab, CR and LF to space (§3.3.3). Returns the new size.
/// The plain runs between the bytes that need work are found sixteen bytes at a time.
// Out of line: most values and texts need no decoding, and the readers that test for it
// (attr_value, text_of) stay small enough to inline.
XSTANZA_DOM_OUTLINE inline std::size_t decode_in_place(char* p, std::size_t n, bool attribute) noexcept {
    char* const end = p + n;
    char* src = find_amp_or_control(p, p, end);
    char* dst = src;
    while (src != end) {
        const char c = *src;
        if (c == '&') {
            src = decode_reference(src, dst);
        } else if (c == '\r') {
            *dst++ = attribute ? ' ' : '\n';
            src += (src + 1 != end && src[1] == '\n') ? 2 : 1;
        } else {  // LF or tab: a space in an attribute value, kept in text
            *dst++ = attribute ? ' ' : c;
            ++src;
        }
        char* const run = src;
        src = find_amp_or_control(p, src, end);
        const std::size_t m = std::size_t(src - run);
        if (dst == run) {  // nothing removed yet: the run stays where it is
            dst = src;
        } else if (m <= 16) {  // short runs (the usual case) without a call; dst < run
            copy_short(dst, run, m);
            dst += m;
        } else {
            std::memmove(dst, run, m);
            dst += m;
        }
    }
    return std::size_t(dst - p);
}

/// An attribute's decoded value, decoded in place on the first read.
inline std::string_view attr_value(xml_attr* a) noexcept {
    xattr* x = xattr_of(a);
    if (!x->plain) {
        std::size_t m = decode_in_place(a->value(), a->value_size(), true);
        a->value(a->value(), m);
        x->plain = true;
    }
    return {a->value(), a->value_size()};
}

/// True when the element has an element child (the scanner's tree holds element nodes only).
inline bool has_element_child(const xml_node* n) noexcept { return n->first_node() != nullptr; }

// Decodes the character data in [p, p + n), an element's content, in place. Out of line,
// as decode_in_place. The runs between markup are found with memchr (the content's length
// is known), and a run without markup, the usual case, is decoded in one call.
XSTANZA_DOM_OUTLINE inline std::string_view decode_text(char* p, std::size_t n) noexcept {
    char* const out = p;
    char* const end = p + n;
    char* dst = p;
    while (p != end) {
        if (*p == '<') {
            if (p[1] != '!') break;  // a child element's tag: the text before it (callers have none)
            // "<![CDATA[" ... "]]>": copied as is (XML 1.0 §2.7), but for its line ends, which
            // are normalised there too (§2.11: CR LF and a lone CR read as LF); the scanner
            // checked it is closed. dst never passes q: copying forward in place is safe.
            char* c = p + 9;
            char* e = c;
            while (!(e[0] == ']' && e[1] == ']' && e[2] == '>')) ++e;
            for (char* q = c; q != e; ++q) {
                if (*q != '\r') {
                    *dst++ = *q;
                    continue;
                }
                *dst++ = '\n';
                if (q + 1 != e && q[1] == '\n') ++q;
            }
            p = e + 3;
            continue;
        }
        char* run = p;
        char* lt = static_cast<char*>(std::memchr(p, '<', std::size_t(end - p)));
        p = lt ? lt : end;
        std::size_t m = decode_in_place(run, std::size_t(p - run), false);
        if (dst != run) std::memmove(dst, run, m);
        dst += m;
    }
    return {out, std::size_t(dst - out)};
}

/// The character data of an element without element children: references decoded, line
/// ends normalised, CDATA sections joined, in place on the first call (the scanner marked
/// plain text, which reads as written). Only for elements whose bytes are not kept (never
/// in an opaque payload: element views use text_copy).
inline std::string_view text_of(const xml_node* n) noexcept {
    xnode* x = xnode_of(n);
    if (x->plain_text || x->value_size() == 0) return {x->value(), x->value_size()};
    std::string_view t = decode_text(x->value(), x->value_size());
    x->value(x->value(), t.size());
    x->plain_text = true;  // decoded now: the next call reads the result
    return t;
}

/// text_of without writing into the input: a view of the raw bytes when nothing needs
/// decoding, else the text decoded in a string of `arena` ({} when out of memory).
inline std::string_view text_copy(const xml_node* n, text_arena& arena) noexcept {
    const xnode* x = xnode_of(n);
    if (x->plain_text || x->value_size() == 0) return {x->value(), x->value_size()};
    std::string* s = arena.next();
    if (!s) return {};
    try {
        s->assign(x->value(), x->value_size());
    } catch (...) {
        arena.fail();
        return {};
    }
    return decode_text(s->data(), s->size());
}

/// attr_value without writing into the input (see text_copy).
inline std::string_view attr_copy(const xml_attr* a, text_arena& arena) noexcept {
    const std::string_view raw(a->value(), a->value_size());
    if (xattr_of(a)->plain) return raw;
    std::string* s = arena.next();
    if (!s) return {};
    try {
        s->assign(raw);
    } catch (...) {
        arena.fail();
        return {};
    }
    s->resize(decode_in_place(s->data(), s->size(), true));  // shrinks: never allocates
    return *s;
}


}  // namespace xstanza::detail

#undef XSTANZA_DOM_OUTLINE

#endif  // XSTANZA_XML_DOM_HPP
