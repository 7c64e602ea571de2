// xstanza detail: the validating scanner's state (scan.hpp): the input, the stack of open
// elements, the namespace declarations in scope, the attributes of the tag being read, the
// index of the root's children, what the scan found out, and the error it reports with the
// text of its messages.
//
// The scanner's parts are free functions over this state, one header per concern:
//   chars.hpp       UTF-8 and the XML Char rules
//   names.hpp       Name, NCName and QName
//   content.hpp     character data, references, CDATA sections, the markup XMPP forbids
//   attributes.hpp  a start tag's attributes and their uniqueness
//   namespaces.hpp  namespace declarations, scopes and resolution
//   builder.hpp     the element index
//   scan.hpp        the document and the element loop; the scanner class
// They take the state by reference rather than being member functions of classes derived
// from it: a call to a base class's member passes a converted `this`, which GCC keeps as one
// more value live across the whole element loop, and the loop then runs slower.
#ifndef XSTANZA_XML_SCAN_STATE_HPP
#define XSTANZA_XML_SCAN_STATE_HPP

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "dom.hpp"

// The scanner's function attributes. scan.hpp, which includes every part, undefines them.
#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_SCAN_COLD [[gnu::cold, gnu::noinline]]
#define XSTANZA_SCAN_HOT [[gnu::always_inline]]
#define XSTANZA_SCAN_OUTLINE [[gnu::noinline]]
#else
#define XSTANZA_SCAN_COLD
#define XSTANZA_SCAN_HOT
#define XSTANZA_SCAN_OUTLINE
#endif

namespace xstanza::detail {

/// An element child of the root, as found by the scanner.
struct child_span {
    std::size_t begin;   ///< offset of its '<'
    std::size_t end;     ///< one past its final '>'
    bool outer_prefix;   ///< its subtree uses a prefix declared on the root element
};

namespace scan_impl {

using byte = unsigned char;
inline constexpr std::size_t npos = std::string_view::npos;

inline std::string_view view(const byte* first, const byte* last) noexcept {
    return {reinterpret_cast<const char*>(first), std::size_t(last - first)};
}
inline const byte* at(std::string_view s) noexcept { return reinterpret_cast<const byte*>(s.data()); }

// Non-allocating decimal text of a number, for messages.
struct decimal_text {
    char buf[24];
    std::size_t pos = sizeof buf;
    explicit decimal_text(std::size_t v) noexcept {
        do {
            buf[--pos] = char('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }
    operator std::string_view() const noexcept { return {buf + pos, sizeof buf - pos}; }
};

// "'x'" for a printable ASCII character, "U+XXXX" otherwise, for messages.
struct char_text {
    char buf[12];
    std::size_t len = 0;
    explicit char_text(char32_t c) noexcept {
        if (c > 0x20 && c < 0x7F) {
            buf[0] = '\'';
            buf[1] = char(c);
            buf[2] = '\'';
            len = 3;
            return;
        }
        buf[len++] = 'U';
        buf[len++] = '+';
        int digits = c > 0xFFFFF ? 6 : c > 0xFFFF ? 5 : 4;
        while (digits-- > 0) buf[len++] = "0123456789ABCDEF"[(c >> (4 * digits)) & 0xF];
    }
    operator std::string_view() const noexcept { return {buf, len}; }
};

// A name or value quoted in a message: at most 48 bytes, cut at a character
// boundary and marked with "...", so that messages stay short and valid UTF-8.
struct clipped {
    static constexpr std::size_t max = 48;
    char buf[max + 3];
    std::size_t len = 0;
    explicit clipped(std::string_view s) noexcept {
        if (s.size() <= max) {
            len = s.size();
        } else {
            len = max;
            while (len > 0 && (static_cast<byte>(s[len]) & 0xC0) == 0x80) --len;  // s[len] continues a character
        }
        if (len) std::memcpy(buf, s.data(), len);
        if (len < s.size()) {
            std::memcpy(buf + len, "...", 3);
            len += 3;
        }
    }
    operator std::string_view() const noexcept { return {buf, len}; }
};

inline clipped clip(std::string_view s) noexcept { return clipped(s); }

struct open_element {
    const byte* name;
    std::size_t name_size;
    std::size_t bindings;  // bindings_.size() before its declarations
    std::string_view default_ns;  // the default namespace in its scope
    xnode* node;           // its node in the index, when building one
    const byte* content;   // one past its start tag
    xnode* last_child;     // its last element child so far in the index (64 bytes in all: indexing the stack is a shift)
};
struct binding {
    std::string_view prefix;
    std::string_view uri;
    std::size_t depth;  // of the declaring element; the root is 1
    const void* padding[3];  // to 64 bytes: bindings_.size() is then a shift, not a division
};
struct attribute {
    std::string_view name;
    std::size_t colon;     // index of ':' in name, or npos
    std::string_view value;
    std::string_view uri;  // namespace of a prefixed attribute, once resolved
    bool plain;            // its value holds no reference, tab, LF or CR
};
// The attributes of the tag being read. The storage only grows: appending one neither
// value-initializes it nor moves the others.
struct attribute_list {
    std::vector<attribute> storage;
    std::size_t count = 0;
    std::size_t size() const noexcept { return count; }
    void clear() noexcept { count = 0; }
    attribute* begin() noexcept { return storage.data(); }
    attribute* end() noexcept { return storage.data() + count; }
    attribute& operator[](std::size_t i) noexcept { return storage[i]; }
};

/// What the scanner's parts share; see scanner (scan.hpp).
struct scan_state {
    std::size_t offset(const byte* p) const noexcept { return std::size_t(p - begin_); }

    // Records the error; returns nullptr for `return fail(...)`. Kept out of line: errors are rare.
    template <class... Parts>
    XSTANZA_SCAN_COLD std::nullptr_t fail(errc code, const byte* where, const Parts&... parts) noexcept {
        error_ = parse_error::make(code, offset(where), parts...);
        return nullptr;
    }
    // Appends a value-initialized element and returns it, or nullptr (errc::out_of_memory).
    // Filling it in place avoids copying a temporary through the stack.
    template <class T>
    T* grow(std::vector<T>& v, const byte* where) noexcept {
        try {
            v.emplace_back();
            return &v.back();
        } catch (...) {  // std::bad_alloc, std::length_error
            return fail(errc::out_of_memory, where, "out of memory");
        }
    }

    std::nullptr_t eof() noexcept;
    int starts_with(const byte* p, std::string_view literal) const noexcept;

    const byte* begin_ = nullptr;
    const byte* end_ = nullptr;
    const parse_limits* limits_ = nullptr;
    bool inside_root_ = false;
    bool has_cdata_ = false;
    bool text_plain_ = true;   // the text since the last tag holds no reference, CR or CDATA
    element_index* index_ = nullptr;  // where the elements are indexed, or null
    std::size_t root_begin_ = 0;
    std::size_t root_end_ = 0;
    std::size_t root_text_ = npos;
    parse_error error_;
    std::size_t depth_ = 0;  // open elements: stack_[0, depth_)
    std::vector<open_element> stack_;  // grows, never shrinks: entering an element writes a record
    std::vector<binding> bindings_;
    attribute_list attributes_;
    std::vector<child_span> children_;
};

// The input ends before the root element is complete.
inline std::nullptr_t scan_state::eof() noexcept {
    if (depth_ == 0) return fail(errc::unexpected_eof, end_, "unexpected end of input inside a tag");
    const open_element& open = stack_[depth_ - 1];
    return fail(errc::unexpected_eof, end_, "unexpected end of input: <", clip(view(open.name, open.name + open.name_size)),
                "> is not closed");
}

// 1 when [p, end_) starts with literal, -1 when the input ends inside a prefix of it, 0 otherwise.
inline int scan_state::starts_with(const byte* p, std::string_view literal) const noexcept {
    const std::size_t avail = std::size_t(end_ - p);
    const std::size_t n = avail < literal.size() ? avail : literal.size();
    if (std::memcmp(p, literal.data(), n) != 0) return 0;
    return n == literal.size() ? 1 : -1;
}

}  // namespace scan_impl
}  // namespace xstanza::detail

#endif  // XSTANZA_XML_SCAN_STATE_HPP
