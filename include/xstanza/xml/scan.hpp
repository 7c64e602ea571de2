// xstanza detail: the validating scanner, which also builds the element tree.
//
// RapidXML's parser is fast but does not validate: it checks no UTF-8, no
// duplicate attributes, no closing tag names and no namespaces, accepts '<' in
// attribute values and several roots, skips comments, PIs and DOCTYPEs, and
// recurses once per nesting level. The scanner makes one linear, non-recursive
// pass over the whole input and accepts exactly one well-formed,
// namespace-well-formed element of the XML subset XMPP allows (RFC 6120 §11.1).
// In the same pass it builds the tree in RapidXML's node types and memory pool
// (xnode/xattr, dom.hpp), with what it learnt on the way: each element's
// namespace, where its text is and whether any value or text needs decoding.
//
// Known limit: namespace names are compared as raw bytes. References inside a
// namespace declaration's value are not decoded for these comparisons, so
// xmlns:p='urn:&#x61;' and xmlns:q='urn:a' count as different namespaces, and
// the reserved names are recognised only when written literally.
#ifndef XSTANZA_XML_SCAN_HPP
#define XSTANZA_XML_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/limits.hpp"
#include "dom.hpp"
#include "text.hpp"
#include "../model/detail/utf8.hpp"

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

enum : byte { name_start_bit = 1, name_char_bit = 2 };

struct ascii_name_table {
    byte bits[256];  // zero for every byte >= 0x80: those are decoded
};

// XML 1.0 §2.3 NameStartChar / NameChar, ASCII part. ':' is left out: callers
// handle it (a QName separator, a plain name character in entity names).
constexpr ascii_name_table make_ascii_name_table() noexcept {
    ascii_name_table t{};
    for (int c = 'a'; c <= 'z'; ++c) t.bits[c] = name_start_bit | name_char_bit;
    for (int c = 'A'; c <= 'Z'; ++c) t.bits[c] = name_start_bit | name_char_bit;
    t.bits[int('_')] = name_start_bit | name_char_bit;
    for (int c = '0'; c <= '9'; ++c) t.bits[c] = name_char_bit;
    t.bits[int('-')] = name_char_bit;
    t.bits[int('.')] = name_char_bit;
    return t;
}

inline constexpr ascii_name_table ascii_names = make_ascii_name_table();

// XML 1.0 (5th edition) §2.3 NameStartChar, for code points >= 0x80.
constexpr bool is_name_start(char32_t c) noexcept {
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

// XML 1.0 (5th edition) §2.3 NameChar, for code points >= 0x80.
constexpr bool is_name_char(char32_t c) noexcept {
    return is_name_start(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

// XML 1.0 §2.3 S ::= (#x20 | #x9 | #xD | #xA)+
constexpr bool is_space(byte c) noexcept {
    return c <= ' ' && ((std::uint64_t{1} << c) & 0x100002600u) != 0;  // bits 32, 9, 10, 13
}

inline const byte* skip_space(const byte* p, const byte* end) noexcept {
    while (p != end && is_space(*p)) ++p;
    return p;
}

// True when [p, end) is a proper prefix of a valid UTF-8 sequence: the input was
// cut inside a character rather than holding a bad one (RFC 3629 §4).
inline bool utf8_cut_short(const byte* p, const byte* end) noexcept {
    const byte c = *p;
    std::ptrdiff_t need = 0;
    byte lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return false;
    }
    const std::ptrdiff_t avail = end - p;
    if (avail >= need) return false;
    for (std::ptrdiff_t i = 1; i < avail; ++i) {
        if (i == 1 ? (p[i] < lo || p[i] > hi) : (p[i] & 0xC0) != 0x80) return false;
    }
    return true;
}

using detail::skip_plain;

// Skips the bytes of an attribute value quoted with `quote` that need no attention:
// printable ASCII other than the quote, '<' and '&'.
inline const byte* skip_value(const byte* p, const byte* end, byte quote) noexcept {
    return detail::skip_plain_with(p, end, quote, '<', '&', [end, quote](const byte* q) {
        while (q != end && *q >= 0x20 && *q < 0x80 && *q != quote && *q != '<' && *q != '&') ++q;
        return q;
    });
}

// Skips valid multi-byte UTF-8 characters that are XML Chars (RFC 3629 §4, XML 1.0
// §2.2). Stops at an ASCII byte, at end, or at a sequence that needs a closer look.
inline const byte* skip_utf8(const byte* p, const byte* end) noexcept {
    while (p != end) {
        const byte c = *p;
        const std::ptrdiff_t avail = end - p;
        if (c < 0xC2) break;  // ASCII, continuation byte, overlong lead
        if (c < 0xE0) {       // U+0080..U+07FF: all Chars
            if (avail < 2 || (p[1] & 0xC0) != 0x80) break;
            p += 2;
        } else if (c < 0xF0) {  // U+0800..U+FFFF minus surrogates, U+FFFE, U+FFFF
            if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) break;
            if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE))
                break;
            p += 3;
        } else if (c < 0xF5) {  // U+10000..U+10FFFF: all Chars
            if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) break;
            if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) break;
            p += 4;
        } else {
            break;
        }
    }
    return p;
}

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

}  // namespace scan_impl

/// Validates a whole stanza in one pass, building its tree on request. Reuse one
/// scanner: after its vectors have grown, scan() allocates nothing. The
/// accessors describe the last successful scan().
class scanner {
public:
    /// Validates data[0, size). The result's code() is errc::ok on success. Never
    /// reads data[size] or beyond and never throws.
    parse_error scan(const char* data, std::size_t size, const parse_limits& limits) noexcept {
        return run(data, size, limits, nullptr);
    }
    /// scan(), and in the same pass builds the element tree in `dom` (cleared by the caller):
    /// RapidXML nodes in RapidXML's memory pool, pointing into data[0, size), which stays
    /// unmodified. Out of memory in the pool is errc::out_of_memory.
    parse_error scan(char* data, std::size_t size, const parse_limits& limits, xml_doc& dom) noexcept {
        return run(data, size, limits, &dom);
    }

    std::size_t root_begin() const noexcept { return root_begin_; }  ///< offset of the root's '<'
    std::size_t root_end() const noexcept { return root_end_; }      ///< one past the root's final '>'
    bool has_cdata() const noexcept { return has_cdata_; }           ///< a CDATA section anywhere
    /// Offset of the first non-whitespace character data (a reference, or a CDATA
    /// section) directly inside the root element, or std::string_view::npos.
    std::size_t root_text() const noexcept { return root_text_; }
    /// The root's element children, in document order.
    const std::vector<child_span>& children() const noexcept { return children_; }

    static constexpr std::string_view xml_uri = xml_ns;  // dom.hpp
    static constexpr std::string_view xmlns_uri = "http://www.w3.org/2000/xmlns/";

private:
    using byte = scan_impl::byte;
    static constexpr std::size_t npos = std::string_view::npos;

    struct open_element {
        const byte* name;
        std::size_t name_size;
        std::size_t bindings;  // bindings_.size() before its declarations
        std::string_view default_ns;  // the default namespace in its scope
        xnode* node;           // its node when building a tree
        const byte* content;   // one past its start tag
        const void* padding;   // to 64 bytes: indexing the stack is then a shift, not a multiplication
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

    // --- helpers
    static std::string_view view(const byte* first, const byte* last) noexcept {
        return {reinterpret_cast<const char*>(first), std::size_t(last - first)};
    }
    static const byte* at(std::string_view s) noexcept { return reinterpret_cast<const byte*>(s.data()); }
    std::size_t offset(const byte* p) const noexcept { return std::size_t(p - begin_); }
    static scan_impl::clipped clip(std::string_view s) noexcept { return scan_impl::clipped(s); }

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

    parse_error run(const char* data, std::size_t size, const parse_limits& limits, xml_doc* dom) noexcept;
    xnode* build(const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
                 xml_node* parent) noexcept;
    std::nullptr_t eof() noexcept;
    std::nullptr_t utf8_error(const byte* p) noexcept;
    int char_size(const byte* p) noexcept;
    const byte* other_chars(const byte* p) noexcept;
    int code_point(const byte* p, char32_t& cp) noexcept;
    bool starts_name_char(const byte* p) noexcept;
    int starts_with(const byte* p, std::string_view literal) const noexcept;

    const byte* document() noexcept;
    const byte* prolog(const byte* p) noexcept;
    const byte* epilog(const byte* p) noexcept;
    const byte* element_tree(const byte* p) noexcept;
    attribute* more_attributes(const byte* where) noexcept;
    struct value_end {
        const byte* quote;  // the closing quote, or nullptr with the error set
        bool plain;         // the value holds no reference, tab, LF or CR
    };
    value_end attribute_value(const byte* p, byte quote) noexcept;
    const byte* mismatched(const byte* lt) noexcept;
    const byte* text_rest(const byte* p) noexcept;
    const byte* reference(const byte* amp) noexcept;
    const byte* char_reference(const byte* amp) noexcept;
    const byte* markup_declaration(const byte* lt, bool in_root) noexcept;
    const byte* cdata(const byte* lt) noexcept;
    const byte* processing_instruction(const byte* lt) noexcept;
    const byte* qname(const byte* p, const byte*& colon) noexcept;
    struct name_end {
        const byte* end;    // one past the name, or nullptr with the error set
        const byte* colon;  // its ':', or nullptr
    };
    name_end qname_general(const byte* p, const byte* q) noexcept;
    const byte* entity_name(const byte* p) noexcept;
    template <class... Parts>
    const byte* no_name(const byte* p, const Parts&... expected) noexcept;
    const byte* bad_name_end(const byte* p, std::string_view name, bool element) noexcept;
    bool unique_attributes() noexcept;
    bool namespaces(const byte* name, std::string_view element, const byte* colon, std::size_t depth,
                    std::string_view& default_ns, std::string_view& element_ns) noexcept;
    bool declare(const attribute& a, std::size_t depth) noexcept;
    bool resolve(std::string_view prefix, const byte* where, std::size_t depth, std::string_view& uri) noexcept;

    const byte* begin_ = nullptr;
    const byte* end_ = nullptr;
    const parse_limits* limits_ = nullptr;
    bool inside_root_ = false;
    bool has_cdata_ = false;
    bool text_plain_ = true;   // the text since the last tag holds no reference, CR or CDATA
    xml_doc* dom_ = nullptr;   // where the tree is built, or null
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

// ---------------------------------------------------------------------------
// Characters

// The input ends before the root element is complete.
inline std::nullptr_t scanner::eof() noexcept {
    if (depth_ == 0) return fail(errc::unexpected_eof, end_, "unexpected end of input inside a tag");
    const open_element& open = stack_[depth_ - 1];
    return fail(errc::unexpected_eof, end_, "unexpected end of input: <", clip(view(open.name, open.name + open.name_size)),
                "> is not closed");
}

// RFC 3629 §4, RFC 6120 §11.6: p starts no valid UTF-8 sequence. A sequence cut
// by the end of the input inside the root is a truncation, not bad UTF-8.
inline std::nullptr_t scanner::utf8_error(const byte* p) noexcept {
    if (inside_root_ && scan_impl::utf8_cut_short(p, end_)) return eof();
    const byte c = *p;
    const char* what = "missing continuation byte";
    if (c >= 0x80 && c <= 0xBF) {
        what = "stray continuation byte";
    } else if (c == 0xC0 || c == 0xC1) {
        what = "overlong encoding";
    } else if (c >= 0xF5) {
        what = "byte 0xF5..0xFF never occurs in UTF-8";
    } else if (end_ - p >= 2 && (p[1] & 0xC0) == 0x80) {
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xF0 && p[1] < 0x90)) what = "overlong encoding";
        if (c == 0xED && p[1] > 0x9F) what = "encoded surrogate (U+D800..U+DFFF)";
        if (c == 0xF4 && p[1] > 0x8F) what = "code point above U+10FFFF";
        if (scan_impl::utf8_cut_short(p, end_)) what = "sequence cut by the end of the input";
    } else if (end_ - p < 2) {
        what = "sequence cut by the end of the input";
    }
    return fail(errc::invalid_utf8, p, "invalid UTF-8: ", what);
}

// Length of the valid XML Char at p (p < end_), or 0 with the error set.
inline int scanner::char_size(const byte* p) noexcept {
    const byte c = *p;
    if (c >= 0x20 && c < 0x80) return 1;
    if (c < 0x20) {
        if (scan_impl::is_space(c)) return 1;
        // XML 1.0 §2.2: NUL is never a Char
        if (c == 0) {
            fail(errc::nul_byte, p, "NUL byte in the input");
            return 0;
        }
        // XML 1.0 §2.2: no C0 controls but TAB, LF and CR
        fail(errc::invalid_char, p, "control character ", scan_impl::char_text(c), " is not allowed in XML");
        return 0;
    }
    char32_t cp;
    return code_point(p, cp);
}

// Past the control or non-ASCII character(s) at p (p < end_), or nullptr with the error set.
inline const scanner::byte* scanner::other_chars(const byte* p) noexcept {
    const byte* q = scan_impl::skip_utf8(p, end_);
    if (q != p) return q;
    const int n = char_size(p);
    return n ? p + n : nullptr;
}

// Decodes the non-ASCII character at p, which must be valid UTF-8 and an XML Char: its
// length, or 0 with the error set. Out of line: non-ASCII takes skip_utf8's fast path first,
// and inlined here it crowds the ASCII loops.
XSTANZA_SCAN_OUTLINE inline int scanner::code_point(const byte* p, char32_t& cp) noexcept {
    const int n = decode_utf8(p, end_, cp);
    if (n == 0) {
        utf8_error(p);
        return 0;
    }
    // XML 1.0 §2.2 Char (no surrogates, U+FFFE, U+FFFF)
    if (!is_xml_char(cp)) {
        fail(errc::invalid_char, p, "character ", scan_impl::char_text(cp), " is not allowed in XML");
        return 0;
    }
    return n;
}

// True when the (valid) character at p is a NameChar, ':' included.
inline bool scanner::starts_name_char(const byte* p) noexcept {
    if (*p < 0x80) return *p == ':' || (scan_impl::ascii_names.bits[*p] & scan_impl::name_char_bit) != 0;
    char32_t cp;
    return decode_utf8(p, end_, cp) != 0 && scan_impl::is_name_char(cp);
}

// 1 when [p, end_) starts with literal, -1 when the input ends inside a prefix of it, 0 otherwise.
inline int scanner::starts_with(const byte* p, std::string_view literal) const noexcept {
    const std::size_t avail = std::size_t(end_ - p);
    const std::size_t n = avail < literal.size() ? avail : literal.size();
    if (std::memcmp(p, literal.data(), n) != 0) return 0;
    return n == literal.size() ? 1 : -1;
}

// ---------------------------------------------------------------------------
// Names

// XML 1.0 §2.3 Name (':' allowed anywhere), for entity references. Returns one
// past the name (p itself when none starts there), or nullptr on bad bytes.
inline const scanner::byte* scanner::entity_name(const byte* p) noexcept {
    const byte* const first = p;
    while (p != end_) {
        const byte c = *p;
        const byte bit = p == first ? scan_impl::name_start_bit : scan_impl::name_char_bit;
        if (c < 0x80) {
            if (c != ':' && !(scan_impl::ascii_names.bits[c] & bit)) break;
            ++p;
            continue;
        }
        char32_t cp;
        const int n = code_point(p, cp);
        if (n == 0) return nullptr;
        if (!(p == first ? scan_impl::is_name_start(cp) : scan_impl::is_name_char(cp))) break;
        p += n;
    }
    return p;
}

// Namespaces in XML 1.0 §4: QName ::= (NCName ':')? NCName, NCName being an
// XML 1.0 §2.3 Name without ':'. Returns one past the name (p itself when no name
// starts there; the caller reports that), or nullptr with the error set. colon is
// the ':' or nullptr. Stops at the first character that cannot continue the name.
XSTANZA_SCAN_HOT inline const scanner::byte* scanner::qname(const byte* p, const byte*& colon) noexcept {
    // fast path: an unprefixed ASCII name
    const byte* q = p;
    if (p != end_ && (scan_impl::ascii_names.bits[*p] & scan_impl::name_start_bit)) {
        q = p + 1;
        while (q != end_ && (scan_impl::ascii_names.bits[*q] & scan_impl::name_char_bit)) ++q;
        if (q == end_ || (*q != ':' && *q < 0x80)) {
            colon = nullptr;
            return q;
        }
    }
    const name_end r = qname_general(p, q);
    colon = r.colon;
    return r.end;
}

// qname() for prefixed and non-ASCII names, and for the errors: the name's end and its
// ':', returned together (in registers) so that the callers' locals stay in registers too.
// `q` is where qname()'s ASCII run from p stopped (at ':' or a non-ASCII byte), or p when
// no ASCII name starts at p.
inline scanner::name_end scanner::qname_general(const byte* p, const byte* q) noexcept {
    // The usual prefixed name, an ASCII prefix (already read) and an ASCII local part
    // (xml:lang, xmlns:stream): one tight loop. Anything else, and every error, takes the
    // general loop below.
    const auto& bits = scan_impl::ascii_names.bits;
    if (q != p && *q == ':' && q + 1 != end_ && (bits[q[1]] & scan_impl::name_start_bit)) {
        const byte* r = q + 2;
        while (r != end_ && (bits[*r] & scan_impl::name_char_bit)) ++r;
        if (r == end_ || (*r != ':' && *r < 0x80)) return {r, q};
    }
    const byte* const first = p;
    const byte* part = p;  // start of the current NCName
    const byte* colon = nullptr;
    while (p != end_) {
        if (p != part) {  // fast path: ASCII name characters
            while (scan_impl::ascii_names.bits[*p] & scan_impl::name_char_bit) {
                if (++p == end_) return {p, colon};
            }
        }
        const byte c = *p;
        const byte bit = p == part ? scan_impl::name_start_bit : scan_impl::name_char_bit;
        if (c < 0x80) {
            if (scan_impl::ascii_names.bits[c] & bit) {
                ++p;
                continue;
            }
            if (c != ':') break;
            // Namespaces in XML 1.0 §4: at most one ':'
            if (colon) return {fail(errc::invalid_name, p, "more than one ':' in name '", clip(view(first, p)), "'"), nullptr};
            // Namespaces in XML 1.0 §4: a non-empty prefix before ':'
            if (p == first) return {fail(errc::invalid_name, p, "empty namespace prefix before ':'"), nullptr};
            colon = p;
            part = ++p;
            continue;
        }
        char32_t cp;
        const int n = code_point(p, cp);
        if (n == 0) return {nullptr, nullptr};
        if (!(p == part ? scan_impl::is_name_start(cp) : scan_impl::is_name_char(cp))) break;
        p += n;
    }
    // Namespaces in XML 1.0 §4: a local part after ':' (input that ends here is the caller's eof)
    if (colon && p == part && p != end_) {
        if (!char_size(p)) return {nullptr, nullptr};
        return {fail(errc::invalid_name, p, "expected a local name after '", clip(view(first, p)), "'"), nullptr};
    }
    return {p, colon};
}

// No name starts at p where one is required.
template <class... Parts>
inline const scanner::byte* scanner::no_name(const byte* p, const Parts&... expected) noexcept {
    if (p == end_) return eof();
    if (!char_size(p)) return nullptr;
    // XML 1.0 §2.3: digits, '-', '.', U+00B7 and combining marks cannot start a name
    if (starts_name_char(p)) {
        char32_t cp = *p;
        if (*p >= 0x80) decode_utf8(p, end_, cp);
        return fail(errc::invalid_name, p, "a name cannot start with ", scan_impl::char_text(cp));
    }
    return fail(errc::malformed, p, expected...);
}

// The character after a name (p < end_) is no valid delimiter.
inline const scanner::byte* scanner::bad_name_end(const byte* p, std::string_view name, bool element) noexcept {
    if (!char_size(p)) return nullptr;
    const byte c = *p;
    if (c == '<' || c == '>' || c == '/' || c == '=' || c == '"' || c == '\'') {
        if (element) return fail(errc::malformed, p, "expected whitespace, '>' or '/>' after <", clip(name));
        return fail(errc::malformed, p, "expected '=' after attribute name '", clip(name), "'");
    }
    char32_t cp = c;
    if (c >= 0x80) decode_utf8(p, end_, cp);
    // XML 1.0 §2.3 NameChar
    return fail(errc::invalid_name, p, "character ", scan_impl::char_text(cp), " is not allowed in name '", clip(name), "'");
}

// ---------------------------------------------------------------------------
// Document structure

inline parse_error scanner::run(const char* data, std::size_t size, const parse_limits& limits, xml_doc* dom) noexcept {
    dom_ = dom;
    depth_ = 0;
    bindings_.clear();
    attributes_.clear();
    children_.clear();
    inside_root_ = false;
    has_cdata_ = false;
    root_begin_ = root_end_ = 0;
    root_text_ = npos;
    error_ = parse_error();
    // parse_limits::max_input_bytes (RFC 6120 §13.12), before reading anything
    if (size > limits.max_input_bytes) {
        return parse_error::make(errc::input_too_large, 0, "input of ", scan_impl::decimal_text(size),
                                 " bytes exceeds the limit of ", scan_impl::decimal_text(limits.max_input_bytes),
                                 " bytes");
    }
    begin_ = reinterpret_cast<const byte*>(data);
    end_ = begin_ + size;
    limits_ = &limits;
    if (!document()) return error_;
    return parse_error();
}

// XML 1.0 §2.1 document, restricted to S? element S? (RFC 6120 §11.1).
inline const scanner::byte* scanner::document() noexcept {
    const byte* p = begin_;
    // RFC 6120 §11.6: a stanza is part of a UTF-8 stream, which carries no byte order mark
    if (end_ - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return fail(errc::byte_order_mark, p, "byte order mark at the start of the input");
    p = scan_impl::skip_space(p, end_);
    // XML 1.0 §2.1: a document has exactly one root element
    if (p == end_) return fail(errc::empty_input, p, "no element: the input is empty or only whitespace");
    p = prolog(p);
    if (!p) return nullptr;
    inside_root_ = true;
    root_begin_ = offset(p);
    p = element_tree(p);
    if (!p) return nullptr;
    inside_root_ = false;
    root_end_ = offset(p);
    return epilog(p);
}

// The first non-whitespace byte (p < end_) must open the root element.
inline const scanner::byte* scanner::prolog(const byte* p) noexcept {
    if (*p != '<') {
        if (!char_size(p)) return nullptr;
        return fail(errc::malformed, p, "expected '<' to start the root element");
    }
    if (p + 1 == end_) return eof();
    if (p[1] == '?') return processing_instruction(p);
    if (p[1] == '!') return markup_declaration(p, false);
    return p;
}

// XML 1.0 §2.1: only whitespace may follow the root; a stanza is one element.
inline const scanner::byte* scanner::epilog(const byte* p) noexcept {
    p = scan_impl::skip_space(p, end_);
    if (p == end_) return p;
    if (*p == '<' && end_ - p >= 2) {
        if (p[1] == '?') return processing_instruction(p);
        if (starts_with(p, "<!--") > 0 || starts_with(p, "<!DOCTYPE") > 0) return markup_declaration(p, false);
    }
    if (*p == '<') return fail(errc::trailing_content, p, "second root element after the root element");
    if (!char_size(p)) return nullptr;
    return fail(errc::trailing_content, p, "text after the root element");
}

// The root element and everything inside it: one loop over start tags, character data and
// end tags, with an explicit stack (no recursion). What the loop needs lives in locals the
// compiler keeps in registers; rarer markup, the slow paths and every error are calls.
inline const scanner::byte* scanner::element_tree(const byte* p) noexcept {
    using scan_impl::is_space;
    const byte* const end = end_;
    const std::size_t max_depth = limits_->max_depth;
    const std::size_t max_attributes = limits_->max_attributes;
    std::size_t depth = 0;       // open elements, == depth_
    open_element* top = nullptr;  // the innermost open element
    for (;;) {
        // --- XML 1.0 §3.1 STag ::= '<' QName (S Attribute)* S? '>',
        //     EmptyElemTag ::= '<' QName (S Attribute)* S? '/>'  (p at '<', p + 1 < end)
        const byte* const lt = p;
        // parse_limits::max_depth, checked before entering: the stack never exceeds it
        if (depth >= max_depth)
            return fail(errc::depth_limit, lt, "element nesting exceeds the depth limit of ",
                        scan_impl::decimal_text(max_depth));
        const byte* const name = lt + 1;
        const byte* colon;
        p = qname(name, colon);
        if (!p) return nullptr;
        if (p == name) return no_name(p, "expected an element name after '<'");
        if (p == end) return eof();
        const std::string_view element = view(name, p);
        if (!is_space(*p) && *p != '>' && *p != '/') return bad_name_end(p, element, true);
        if (depth == 1) {
            child_span* child = grow(children_, lt);
            if (!child) return nullptr;
            child->begin = offset(lt);
        }
        // The attributes, into attributes_.storage (which only grows) from `first`.
        attribute* first = attributes_.storage.data();
        attribute* next = first;
        attribute* limit = first + attributes_.storage.size();
        bool prefixed = false;      // an attribute name has a prefix
        std::size_t xmlns = npos;   // index of an unprefixed xmlns attribute
        bool empty;
        for (;;) {
            const bool spaced = is_space(*p);
            if (spaced) {
                p = scan_impl::skip_space(p + 1, end);
                if (p == end) return eof();
            }
            if (*p == '>') {
                ++p;
                empty = false;
                break;
            }
            if (*p == '/') {
                // XML 1.0 §3.1 EmptyElemTag: '/' directly followed by '>'
                if (p + 1 == end) return eof();
                if (p[1] != '>') {
                    if (!char_size(p + 1)) return nullptr;
                    return fail(errc::malformed, p + 1, "expected '>' after '/' in <", clip(element), ">");
                }
                p += 2;
                empty = true;
                break;
            }
            // XML 1.0 §3.1 Attribute ::= Name Eq AttValue, Eq ::= S? '=' S?
            const byte* const an = p;
            const byte* acolon;
            p = qname(an, acolon);
            if (!p) return nullptr;
            if (p == an) return no_name(p, "expected an attribute name, '>' or '/>' in <", clip(element), ">");
            const std::string_view attr = view(an, p);
            // XML 1.0 §3.1: whitespace before each attribute
            if (!spaced) return fail(errc::malformed, an, "expected whitespace before attribute '", clip(attr), "'");
            // parse_limits::max_attributes (bounds the quadratic uniqueness checks)
            if (std::size_t(next - first) >= max_attributes)
                return fail(errc::attribute_limit, an, "more than ", scan_impl::decimal_text(max_attributes),
                            " attributes on <", clip(element), ">");
            if (p == end) return eof();
            // Eq, mostly written as a bare '='
            if (*p != '=') {
                if (!is_space(*p)) return bad_name_end(p, attr, false);
                p = scan_impl::skip_space(p, end);
                if (p == end) return eof();
                if (*p != '=') {
                    if (!char_size(p)) return nullptr;
                    return fail(errc::malformed, p, "expected '=' after attribute name '", clip(attr), "'");
                }
            }
            ++p;
            if (p == end) return eof();
            if (is_space(*p)) {
                p = scan_impl::skip_space(p, end);
                if (p == end) return eof();
            }
            // XML 1.0 §2.3 AttValue: quoted with '"' or "'"
            const byte quote = *p;
            if (quote != '"' && quote != '\'') {
                if (!char_size(p)) return nullptr;
                return fail(errc::malformed, p, "expected a quoted value for attribute '", clip(attr), "'");
            }
            const byte* const value = ++p;
            bool plain = true;
            p = scan_impl::skip_value(p, end, quote);
            if (p == end || *p != quote) {
                const value_end v = attribute_value(p, quote);
                if (!v.quote) return nullptr;
                p = v.quote;
                plain = v.plain;
            }
            if (next == limit) {
                const std::size_t n = std::size_t(next - first);
                first = more_attributes(an);
                if (!first) return nullptr;
                next = first + n;
                limit = first + attributes_.storage.size();
            }
            next->name = attr;
            next->colon = acolon ? std::size_t(acolon - an) : npos;
            next->value = view(value, p);
            next->uri = {};  // storage is reused: every field is set here
            next->plain = plain;
            if (acolon) prefixed = true;
            else if (is(attr, "xmlns")) xmlns = std::size_t(next - first);
            ++next;
            ++p;  // the closing quote
            if (p == end) return eof();
        }
        attributes_.count = std::size_t(next - first);
        const std::size_t mark = bindings_.size();
        if (attributes_.count > 1 && !unique_attributes()) return nullptr;
        std::string_view default_ns = top ? top->default_ns : std::string_view{};
        std::string_view element_ns = default_ns;
        if (colon || prefixed) {
            std::string_view scope = default_ns, own = default_ns;  // namespaces() takes their addresses
            if (!namespaces(name, element, colon, depth + 1, scope, own)) return nullptr;
            default_ns = scope;
            element_ns = own;
        } else if (xmlns != npos) {
            // Only the default namespace is declared (Namespaces in XML 1.0 §6.2): namespaces()
            // without the prefix resolution.
            if (!declare(first[xmlns], depth + 1)) return nullptr;
            default_ns = element_ns = first[xmlns].value;
        }
        xnode* node = nullptr;
        if (dom_) {
            node = build(name, element.size(), colon, element_ns, top ? static_cast<xml_node*>(top->node) : dom_);
            if (!node) return nullptr;
        }
        if (empty) {
            if (bindings_.size() != mark) bindings_.resize(mark);
            if (depth == 0) return p;  // the root is an empty-element tag
            if (depth == 1) children_.back().end = offset(p);
        } else {
            if (depth == stack_.size() && !grow(stack_, lt)) return nullptr;
            top = stack_.data() + depth;
            depth_ = ++depth;
            top->name = name;
            top->name_size = element.size();
            top->bindings = mark;
            top->default_ns = default_ns;
            top->node = node;
            top->content = p;
            text_plain_ = true;
        }
        // --- content up to the next start tag
        for (;;) {
            // XML 1.0 §2.4 CharData and references, up to a '<' with a byte after it
            if (depth == 1 && root_text_ == npos) {
                const byte* spaces = p;
                p = scan_impl::skip_space(p, end);
                // The root's text keeps these spaces: a CR among them is normalised (XML 1.0 §2.11).
                if (p != spaces && std::memchr(spaces, '\r', std::size_t(p - spaces))) text_plain_ = false;
                if (p != end && *p != '<') root_text_ = offset(p);
            }
            if (p != end && *p != '<') p = scan_impl::skip_plain<'<', '&', ']'>(p, end);
            if (p == end || *p != '<') {
                p = text_rest(p);
                if (!p) return nullptr;
            }
            if (p + 1 == end) return eof();
            const byte c = p[1];
            if (c == '/') {
                // XML 1.0 §3 WFC Element Type Match: ETag ::= '</' QName S? '>' names the open element.
                const byte* const close = p;
                p += 2;
                const std::size_t avail = std::size_t(end - p);
                const std::size_t n = top->name_size;
                if (n < 8 && avail >= 8) {
                    // One 8-byte comparison: the open name lies earlier in the input than p, so 8
                    // bytes from it are inside the input too.
                    std::uint64_t x, y;
                    std::memcpy(&x, p, 8);
                    std::memcpy(&y, top->name, 8);
                    if ((x ^ y) & ((std::uint64_t{1} << (8 * n)) - 1)) return mismatched(close);
                } else {
                    const std::size_t common = avail < n ? avail : n;
                    for (std::size_t i = 0; i < common; ++i) {
                        if (p[i] != top->name[i]) return mismatched(close);
                    }
                }
                if (avail <= n) return eof();
                p += n;
                if (*p != '>') {
                    if (starts_name_char(p)) return mismatched(close);  // the closing name is longer
                    p = scan_impl::skip_space(p, end);
                    if (p == end) return eof();
                    if (*p != '>') {
                        if (!char_size(p)) return nullptr;
                        return fail(errc::malformed, p, "expected '>' to end </", clip(view(top->name, top->name + n)), ">");
                    }
                }
                ++p;
                if (xnode* x = top->node) {
                    x->value(reinterpret_cast<char*>(const_cast<byte*>(top->content)), std::size_t(close - top->content));
                    x->plain_text = text_plain_ && !x->first_node();
                }
                // Namespaces in XML 1.0 §6.1: declarations scope to their element
                if (bindings_.size() != top->bindings) bindings_.resize(top->bindings);
                depth_ = --depth;
                if (depth == 0) return p;
                --top;
                if (depth == 1) children_.back().end = offset(p);
                continue;
            }
            if (c == '!') {
                p = markup_declaration(p, true);
                if (!p) return nullptr;
                continue;
            }
            if (c == '?') return processing_instruction(p);
            break;  // a start tag
        }
    }
}

// At "<!" (lt + 1 < end_): a CDATA section is the only such markup XMPP allows.
inline const scanner::byte* scanner::markup_declaration(const byte* lt, bool in_root) noexcept {
    int m = starts_with(lt, "<![CDATA[");
    if (m > 0) {
        if (in_root) return cdata(lt);
        // XML 1.0 §2.1: CDATA is content, never outside the root
        return fail(errc::malformed, lt, "CDATA section outside the root element");
    }
    if (m < 0) return eof();
    m = starts_with(lt, "<!--");
    // RFC 6120 §11.1: no comments
    if (m > 0) return fail(errc::forbidden_comment, lt, "comments are not allowed in XMPP (RFC 6120 §11.1)");
    if (m < 0) return eof();
    m = starts_with(lt, "<!DOCTYPE");
    // RFC 6120 §11.1: no DTD, hence no entity declarations (billion laughs, external entities)
    if (m > 0) return fail(errc::forbidden_dtd, lt, "DOCTYPE declarations are not allowed in XMPP (RFC 6120 §11.1)");
    if (m < 0) return eof();
    // XML 1.0 §2.7: '<!' opens a comment, CDATA section or DOCTYPE, nothing else
    return fail(errc::malformed, lt, "expected '<![CDATA[' after '<!'");
}

// RFC 6120 §11.1: no processing instructions; the XML declaration belongs to the
// stream header, never to a stanza.
inline const scanner::byte* scanner::processing_instruction(const byte* lt) noexcept {
    if (starts_with(lt, "<?xml") > 0 && end_ - lt > 5 && scan_impl::is_space(lt[5]))
        return fail(errc::forbidden_pi, lt, "an XML declaration is not allowed in a stanza (RFC 6120 §11.1)");
    return fail(errc::forbidden_pi, lt, "processing instructions are not allowed in XMPP (RFC 6120 §11.1)");
}

// XML 1.0 §2.7 CDSect ::= '<![CDATA[' (Char* - (Char* ']]>' Char*)) ']]>'
inline const scanner::byte* scanner::cdata(const byte* lt) noexcept {
    has_cdata_ = true;
    text_plain_ = false;
    if (depth_ == 1 && root_text_ == npos) root_text_ = offset(lt);
    const byte* p = lt + 9;
    for (;;) {
        p = scan_impl::skip_plain<']', ']', ']'>(p, end_);
        if (p == end_) return eof();
        if (*p == ']') {
            if (end_ - p >= 3 && p[1] == ']' && p[2] == '>') return p + 3;
            ++p;
            continue;
        }
        p = other_chars(p);
        if (!p) return nullptr;
    }
}

// Adds the element just read, with its attributes, to the tree under `parent`.
inline xnode* scanner::build(const byte* name, std::size_t name_size, const byte* colon, std::string_view ns,
                             xml_node* parent) noexcept {
    // A prefix longer than 4 GiB cannot be stored: refused rather than misread.
    if (colon && std::size_t(colon - name) >= 0xFFFFFFFFu)
        return fail(errc::invalid_name, name, "namespace prefix longer than 4 GiB");
    auto chars = [](const byte* b) { return reinterpret_cast<char*>(const_cast<byte*>(b)); };
    try {
        // One block of the pool for the node and its attributes: allocate_string(nullptr, n)
        // hands out n bytes aligned for pointers (RAPIDXML_ALIGNMENT); both sizes are
        // multiples of that alignment.
        static_assert(alignof(xnode) <= RAPIDXML_ALIGNMENT && alignof(xattr) <= RAPIDXML_ALIGNMENT &&
                          sizeof(xnode) % alignof(xattr) == 0, "node and attributes share one block");
        char* block = dom_->allocate_string(nullptr, sizeof(xnode) + attributes_.size() * sizeof(xattr));
        xnode* n = new (block) xnode();
        block += sizeof(xnode);
        n->name(chars(name), name_size);
        n->ns = ns;
        n->local = colon ? std::uint32_t(colon - name + 1) : 0;
        for (const attribute& a : attributes_) {
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
        return fail(errc::out_of_memory, name - 1, "out of memory building the element tree");
    }
}

// Grows the attribute storage, which is full; returns its new start, or nullptr
// (errc::out_of_memory at `where`).
inline scanner::attribute* scanner::more_attributes(const byte* where) noexcept {
    const std::size_t n = attributes_.storage.size();
    try {
        attributes_.storage.resize(n < 8 ? 8 : 2 * n);
    } catch (...) {
        return fail(errc::out_of_memory, where, "out of memory");
    }
    return attributes_.storage.data();
}

// XML 1.0 §2.3 AttValue content: no raw '<', references as in text. p is at a byte that
// skip_value() stopped at, or at end. Finds the closing quote.
inline scanner::value_end scanner::attribute_value(const byte* p, byte quote) noexcept {
    bool plain = true;
    for (;;) {
        if (p == end_) return {eof(), false};
        const byte c = *p;
        if (c == quote) return {p, plain};
        // XML 1.0 §3.1 WFC No < in Attribute Values
        if (c == '<') return {fail(errc::malformed, p, "'<' is not allowed in an attribute value (use &lt;)"), false};
        if (c == '&') {
            plain = false;
            p = reference(p);
        } else {
            if (c < 0x80) plain = false;  // tab, LF or CR: normalised to a space (XML 1.0 §3.3.3)
            p = other_chars(p);
        }
        if (!p) return {nullptr, false};
        p = scan_impl::skip_value(p, end_, quote);
    }
}

// The closing tag at lt names another element than the open one.
inline const scanner::byte* scanner::mismatched(const byte* lt) noexcept {
    const open_element& open = stack_[depth_ - 1];
    const byte* const name = lt + 2;
    const byte* colon;
    const byte* p = qname(name, colon);
    if (!p) return nullptr;
    if (p == name) return no_name(p, "expected an element name after '</'");
    // XML 1.0 §3 WFC Element Type Match
    return fail(errc::mismatched_tag, lt, "closing tag </", clip(view(name, p)), "> does not match <",
                clip(view(open.name, open.name + open.name_size)), ">");
}

// XML 1.0 §2.4 CharData and references: the rest of the text after the first byte that is
// not plain (or at end), up to the next '<', which is returned.
inline const scanner::byte* scanner::text_rest(const byte* p) noexcept {
    for (;;) {
        if (p == end_) return eof();
        const byte c = *p;
        if (c == '<') return p;
        if (c == '&') {
            text_plain_ = false;
            p = reference(p);
            if (!p) return nullptr;
        } else if (c == ']') {
            // XML 1.0 §2.4: ']]>' must not appear in character data
            if (end_ - p >= 3 && p[1] == ']' && p[2] == '>')
                return fail(errc::malformed, p, "']]>' is not allowed in text (use ]]&gt;)");
            ++p;
        } else {
            if (c == '\r') text_plain_ = false;  // line ends are normalised (XML 1.0 §2.11)
            p = other_chars(p);
            if (!p) return nullptr;
        }
        p = scan_impl::skip_plain<'<', '&', ']'>(p, end_);
    }
}

// XML 1.0 §4.1 Reference ::= EntityRef | CharRef. Returns one past its ';'.
inline const scanner::byte* scanner::reference(const byte* amp) noexcept {
    const byte* p = amp + 1;
    // The five predefined entities, written as they nearly always are (fast path).
    if (end_ - p >= 5) {
        if (p[0] == 'a' && p[1] == 'm' && p[2] == 'p' && p[3] == ';') return p + 4;
        if ((p[0] == 'l' || p[0] == 'g') && p[1] == 't' && p[2] == ';') return p + 3;
        if (std::memcmp(p, "apos;", 5) == 0 || std::memcmp(p, "quot;", 5) == 0) return p + 5;
    }
    if (p == end_) return eof();
    if (*p == '#') return char_reference(amp);
    const byte* const name = p;
    p = entity_name(p);
    if (!p) return nullptr;
    if (p == end_) return eof();
    // XML 1.0 §4.1 EntityRef ::= '&' Name ';' (a bare '&' is not allowed, XML 1.0 §2.4)
    if (p == name) return fail(errc::invalid_reference, amp, "'&' must start a reference such as &amp;");
    if (*p != ';') return fail(errc::invalid_reference, amp, "reference '&", clip(view(name, p)), "' is not terminated by ';'");
    const std::string_view entity = view(name, p);
    if (is(entity, "lt") || is(entity, "gt") || is(entity, "amp") || is(entity, "quot") || is(entity, "apos")) return p + 1;
    // RFC 6120 §11.1 and XML 1.0 §4.1 WFC Entity Declared: with no DTD only the five predefined entities exist
    return fail(errc::undefined_entity, amp, "undefined entity '&", clip(entity), ";'");
}

// XML 1.0 §4.1 CharRef ::= '&#' [0-9]+ ';' | '&#x' [0-9a-fA-F]+ ';', WFC Legal Character.
inline const scanner::byte* scanner::char_reference(const byte* amp) noexcept {
    const byte* p = amp + 2;
    if (p == end_) return eof();
    const bool hex = *p == 'x';
    if (hex && ++p == end_) return eof();
    const unsigned base = hex ? 16 : 10;
    const byte* const digits = p;
    char32_t value = 0;
    for (; p != end_; ++p) {
        const byte c = *p;
        unsigned d = unsigned(c - '0');
        if (d > 9) d = hex && unsigned((c | 0x20) - 'a') < 6 ? unsigned((c | 0x20) - 'a') + 10 : base;
        if (d >= base) break;
        // saturates above U+10FFFF: long digit strings cannot overflow
        if (value <= 0x10FFFF) value = value * base + d;
    }
    if (p == end_) return eof();
    if (p == digits) {
        if (*p == 'X') return fail(errc::invalid_reference, amp, "hexadecimal character references start with '&#x', not '&#X'");
        return fail(errc::invalid_reference, amp, "character reference without digits");
    }
    if (*p != ';') return fail(errc::invalid_reference, amp, "character reference not terminated by ';'");
    ++p;
    // XML 1.0 §4.1 WFC Legal Character (so no &#0;, surrogates, U+FFFE, > U+10FFFF)
    if (!is_xml_char(value))
        return fail(errc::invalid_reference, amp, "character reference ", clip(view(amp, p)), " is not an XML character");
    return p;
}

// ---------------------------------------------------------------------------
// Namespaces in XML 1.0

// XML 1.0 §3.1 WFC Unique Att Spec: no attribute name twice in a tag (quadratic,
// bounded by parse_limits::max_attributes).
inline bool scanner::unique_attributes() noexcept {
    const std::size_t n = attributes_.size();
    for (std::size_t i = 1; i < n; ++i) {
        const std::string_view a = attributes_[i].name;
        for (std::size_t j = 0; j < i; ++j) {
            const std::string_view b = attributes_[j].name;
            // Names are never empty. Names of one size mostly differ in their first byte
            // (id/to, type/from): tested inline, that spares a memcmp call.
            if (a.size() == b.size() && a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0) {
                fail(errc::duplicate_attribute, at(attributes_[i].name), "duplicate attribute '", clip(attributes_[i].name), "'");
                return false;
            }
        }
    }
    return true;
}

// The namespace part of the element just read (name at `name`, at `depth`), when its
// name or an attribute has a prefix or an attribute is xmlns: declarations, then
// prefix resolution. Declarations on an element apply to its own
// name and attributes whatever their order (Namespaces in XML 1.0 §6.1).
inline bool scanner::namespaces(const byte* name, std::string_view element, const byte* colon,
                                std::size_t depth, std::string_view& default_ns, std::string_view& element_ns) noexcept {
    const std::size_t n = attributes_.size();
    for (const attribute& a : attributes_) {
        if (!declare(a, depth)) return false;
        if (a.colon == npos && is(a.name, "xmlns")) default_ns = a.value;  // Namespaces in XML 1.0 §6.2
    }
    element_ns = default_ns;
    if (colon) {
        const std::string_view prefix = view(name, colon);
        // Namespaces in XML 1.0 §3: element names must not have the prefix xmlns
        if (is(prefix, "xmlns")) {
            fail(errc::invalid_namespace, name, "element <", clip(element), "> uses the reserved prefix 'xmlns'");
            return false;
        }
        if (!resolve(prefix, name, depth, element_ns)) return false;
    }
    std::size_t prefixed = 0;
    for (attribute& a : attributes_) {
        if (a.colon == npos) continue;  // Namespaces in XML 1.0 §6.2: unprefixed attributes have no namespace
        const std::string_view prefix = a.name.substr(0, a.colon);
        if (is(prefix, "xmlns")) continue;
        if (!resolve(prefix, at(a.name), depth, a.uri)) return false;
        ++prefixed;
    }
    if (prefixed < 2) return true;
    // Namespaces in XML 1.0 §6.3: no two attributes with the same local name and namespace name
    for (std::size_t i = 1; i < n; ++i) {
        const attribute& a = attributes_[i];
        if (a.uri.empty()) continue;
        for (std::size_t j = 0; j < i; ++j) {
            const attribute& b = attributes_[j];
            if (b.uri.empty() || !same(b.uri, a.uri) || !same(b.name.substr(b.colon), a.name.substr(a.colon))) continue;
            fail(errc::duplicate_attribute, at(a.name), "duplicate attribute '", clip(a.name), "': '", clip(b.name),
                 "' has the same namespace and local name");
            return false;
        }
    }
    return true;
}

// Namespaces in XML 1.0 §3: the attribute a, if a namespace declaration, binds a prefix.
inline bool scanner::declare(const attribute& a, std::size_t depth) noexcept {
    const byte* const where = at(a.name);
    if (a.colon == npos) {
        if (!is(a.name, "xmlns")) return true;
        // Namespaces in XML 1.0 §3: the default namespace may be neither the xml nor the
        // xmlns namespace (xmlns='' undeclares it, which is fine)
        if (same(a.value, xml_uri) || same(a.value, xmlns_uri)) {
            fail(errc::invalid_namespace, where, "the default namespace cannot be '", a.value, "'");
            return false;
        }
        return true;
    }
    if (!is(a.name.substr(0, a.colon), "xmlns")) return true;
    const std::string_view prefix = a.name.substr(a.colon + 1);
    // Namespaces in XML 1.0 §3: the prefix xmlns must not be declared
    if (is(prefix, "xmlns")) {
        fail(errc::invalid_namespace, where, "the prefix 'xmlns' must not be declared");
        return false;
    }
    // Namespaces in XML 1.0 §3: the prefix xml may be declared, but only to its own namespace
    if (is(prefix, "xml")) {
        if (same(a.value, xml_uri)) return true;  // always bound; nothing to push
        fail(errc::invalid_namespace, where, "the prefix 'xml' can only be bound to ", xml_uri);
        return false;
    }
    // Namespaces in XML 1.0 §3: a prefixed declaration must not be empty (1.0 cannot undeclare)
    if (a.value.empty()) {
        fail(errc::invalid_namespace, where, "empty namespace name for prefix '", clip(prefix), "'");
        return false;
    }
    // Namespaces in XML 1.0 §3: no other prefix is bound to the xml namespace
    if (same(a.value, xml_uri)) {
        fail(errc::invalid_namespace, where, "only the prefix 'xml' can be bound to ", xml_uri);
        return false;
    }
    // Namespaces in XML 1.0 §3: nothing is bound to the xmlns namespace
    if (same(a.value, xmlns_uri)) {
        fail(errc::invalid_namespace, where, "no prefix can be bound to ", xmlns_uri);
        return false;
    }
    // parse_limits::max_namespaces bounds the search resolve() makes for every prefixed name
    if (bindings_.size() >= limits_->max_namespaces) {
        fail(errc::attribute_limit, where, "more than ", scan_impl::decimal_text(limits_->max_namespaces),
             " namespace declarations in scope");
        return false;
    }
    binding* b = grow(bindings_, where);
    if (!b) return false;
    b->prefix = prefix;
    b->uri = a.value;
    b->depth = depth;
    return true;
}

// Finds the namespace bound to prefix in scope; marks the current root child when
// the binding comes from the root element.
inline bool scanner::resolve(std::string_view prefix, const byte* where, std::size_t depth,
                             std::string_view& uri) noexcept {
    // Namespaces in XML 1.0 §3: xml is bound by definition
    if (is(prefix, "xml")) {
        uri = xml_uri;
        return true;
    }
    for (std::size_t k = bindings_.size(); k-- > 0;) {
        const binding& b = bindings_[k];
        if (!same(b.prefix, prefix)) continue;
        if (b.depth == 1 && depth > 1) children_.back().outer_prefix = true;
        uri = b.uri;
        return true;
    }
    // Namespaces in XML 1.0 §5 NSC Prefix Declared
    fail(errc::undeclared_prefix, where, "undeclared namespace prefix '", clip(prefix), "'");
    return false;
}

}  // namespace xstanza::detail

#undef XSTANZA_SCAN_COLD
#undef XSTANZA_SCAN_HOT
#undef XSTANZA_SCAN_OUTLINE

#endif  // XSTANZA_XML_SCAN_HPP
