// xstanza detail: what element views read (the scanner's element index) and where they
// decode text. Only xml/ includes RapidXML (rapidxml_tree.hpp).
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

#include "text.hpp"
#include "../model/detail/utf8.hpp"

#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_DOM_OUTLINE [[gnu::noinline]]
#else
#define XSTANZA_DOM_OUTLINE
#endif

namespace xstanza::detail {


// The scanner (scan.hpp) validates the input and, in the same single pass, indexes its
// elements and attributes (element_index, below): no tree of linked nodes, and no second
// tokenisation as RapidXML's own parser would need. Names and values point into the input,
// which stays as it was (an opaque payload's bytes are re-emitted verbatim); values are
// decoded lazily, in place, only where xstanza reads them, and never inside an opaque
// payload. A RapidXML tree is built only when asked for (rapidxml_tree.hpp).

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

inline constexpr std::string_view xml_ns = "http://www.w3.org/XML/1998/namespace";

/// An attribute of the scanner's index.
struct xattr {
    const char* name_ = nullptr;
    char* value_ = nullptr;
    std::size_t value_size_ = 0;
    std::uint32_t name_size_ = 0;
    bool plain = true;  ///< value holds no reference, tab, LF or CR (or is decoded already)
    std::string_view raw_name() const noexcept { return {name_, name_size_}; }
};

/// An element of the scanner's index (element_index): where its name, content and
/// attributes are in the input, its relatives, and what the scan learnt on its way (its
/// namespace, whether its text needs decoding), so that readers need not find it again.
struct xnode {
    const char* name_ = nullptr;  ///< the qualified name as written
    /// The raw content, from one past the start tag's '>' to the end tag's '<' (empty for an
    /// empty-element tag); for an element with children it includes their markup.
    char* value_ = nullptr;
    std::size_t value_size_ = 0;
    std::string_view ns;              ///< namespace name, resolved and as written ("" for none)
    xnode* first_child = nullptr;     ///< its first element child
    xnode* next_sibling = nullptr;    ///< its next sibling element
    xattr* attrs = nullptr;           ///< its attributes, attr_count of them side by side
    std::uint32_t name_size_ = 0;
    std::uint32_t local = 0;          ///< where the local name starts in the name: prefix size + 1, or 0
    std::uint32_t attr_count = 0;
    bool plain_text = false;  ///< no element child, and no reference, CR or CDATA section: the value reads as written
    std::string_view raw_name() const noexcept { return {name_, name_size_}; }
};

/// Objects handed out in runs that never move: blocks of at least N, kept from one clear()
/// to the next, so that once a Parser has seen its largest input it allocates nothing, and
/// growing never copies (nor doubles the memory, as a vector's reallocation would). Runs
/// are not cleared: the caller writes every field.
template <class T, std::size_t N>
class block_store {
public:
    /// Forgets every run; keeps the blocks.
    void clear() noexcept {
        block_ = 0;
        point_at_block();
    }
    /// `n` objects side by side, or null when out of memory.
    T* take(std::size_t n) noexcept {
        if (left_ < n) return take_slow(n);
        T* run = next_;
        next_ += n;
        left_ -= n;
        return run;
    }

private:
    struct block {
        std::unique_ptr<T[]> items;
        std::size_t size;
    };
    void point_at_block() noexcept {
        next_ = block_ < blocks_.size() ? blocks_[block_].items.get() : nullptr;
        left_ = block_ < blocks_.size() ? blocks_[block_].size : 0;
    }
    // The current block is full: the next one kept from an earlier scan, else a new one.
    XSTANZA_DOM_OUTLINE T* take_slow(std::size_t n) noexcept {
        while (block_ + 1 < blocks_.size()) {
            ++block_;
            point_at_block();
            if (left_ >= n) return take(n);
        }
        try {
            const std::size_t size = n > N ? n : N;
            blocks_.push_back(block{std::unique_ptr<T[]>(new T[size]), size});
        } catch (...) {  // std::bad_alloc, std::length_error
            return nullptr;
        }
        block_ = blocks_.size() - 1;
        point_at_block();
        return take(n);
    }
    std::vector<block> blocks_;
    std::size_t block_ = 0;  // the block runs come from
    T* next_ = nullptr;      // its first object not handed out
    std::size_t left_ = 0;   // its objects not handed out
};

/// What the scanner writes instead of a tree of linked, pooled nodes: the elements and
/// attributes of one input, each element's attributes side by side, in blocks reused from
/// scan to scan. Views hold pointers into it, valid until the next scan.
struct element_index {
    block_store<xnode, 256> nodes;
    block_store<xattr, 512> attrs;
    xnode* root = nullptr;
    void clear() noexcept {
        nodes.clear();
        attrs.clear();
        root = nullptr;
    }
};

/// The attribute with this exact qualified name, or null.
inline xattr* find_attr(const xnode* n, std::string_view qname) noexcept {
    for (xattr *a = n->attrs, *e = a + n->attr_count; a != e; ++a)
        if (a->raw_name() == qname) return a;
    return nullptr;
}

inline std::string_view name_of(const xnode* n) noexcept { return n->raw_name(); }
inline std::string_view name_of(const xattr* a) noexcept { return a->raw_name(); }

/// An element's local name (without its prefix).
inline std::string_view local_name(const xnode* n) noexcept {
    return {n->name_ + n->local, n->name_size_ - n->local};
}

/// The namespace name of an element (Namespaces in XML 1.0 §6.1, §6.2), resolved by the
/// scanner: its prefix's nearest declaration, or the nearest default declaration for an
/// unprefixed name; "" when there is none.
inline std::string_view resolve_ns(const xnode* n) noexcept { return n->ns; }

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
inline std::string_view attr_value(xattr* a) noexcept {
    if (!a->plain) {
        a->value_size_ = decode_in_place(a->value_, a->value_size_, true);
        a->plain = true;
    }
    return {a->value_, a->value_size_};
}

/// True when the element has an element child.
inline bool has_element_child(const xnode* n) noexcept { return n->first_child != 0; }

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
inline std::string_view text_of(xnode* x) noexcept {
    if (x->plain_text || x->value_size_ == 0) return {x->value_, x->value_size_};
    std::string_view t = decode_text(x->value_, x->value_size_);
    x->value_size_ = t.size();
    x->plain_text = true;  // decoded now: the next call reads the result
    return t;
}

/// text_of without writing into the input: a view of the raw bytes when nothing needs
/// decoding, else the text decoded in a string of `arena` ({} when out of memory).
inline std::string_view text_copy(const xnode* x, text_arena& arena) noexcept {
    if (x->plain_text || x->value_size_ == 0) return {x->value_, x->value_size_};
    std::string* s = arena.next();
    if (!s) return {};
    try {
        s->assign(x->value_, x->value_size_);
    } catch (...) {
        arena.fail();
        return {};
    }
    return decode_text(s->data(), s->size());
}

/// attr_value without writing into the input (see text_copy).
inline std::string_view attr_copy(const xattr* a, text_arena& arena) noexcept {
    const std::string_view raw(a->value_, a->value_size_);
    if (a->plain) return raw;
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
