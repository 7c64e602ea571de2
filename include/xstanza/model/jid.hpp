// xstanza: Jabber identifiers (RFC 7622). A Jid is a view: its parts point into
// the string it was parsed from, or into strings the caller keeps alive.
#ifndef XSTANZA_MODEL_JID_HPP
#define XSTANZA_MODEL_JID_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "detail/simd.hpp"
#include "detail/utf8.hpp"
#include "detail/views.hpp"
#include "error.hpp"
#include "limits.hpp"
#include "syntax.hpp"

#if XSTANZA_SIMD_SSE2
#include <emmintrin.h>
#endif

namespace xstanza {

namespace detail {

struct jid_test_access;  // lets the tests call the fast path alone
struct jid_access;       // lets the codecs call the fast path for JIDs inside an input

inline parse_error jid_error(std::size_t offset, std::string_view what, std::string_view jid) noexcept {
    // Quote only the leading part that is text (valid UTF-8, no NUL or control byte): the
    // message stays valid UTF-8 whatever bytes the caller passed.
    const text_check t = check_xml_text(jid);
    if (t.code != errc::ok)
        return parse_error::make(errc::invalid_jid, offset, "invalid JID '", jid.substr(0, t.offset), "...': ", what);
    return parse_error::make(errc::invalid_jid, offset, "invalid JID '", jid, "': ", what);
}

// Valid UTF-8 with no control characters (C0, DEL, C1): the common floor of the PRECIS
// IdentifierClass and FreeformClass (RFC 8264 §9.11, §9.12: controls are disallowed).
inline bool check_jid_chars(std::string_view part, std::size_t& bad) noexcept {
    auto* p = reinterpret_cast<const unsigned char*>(part.data());
    auto* end = p + part.size();
    auto* begin = p;
    while (p < end) {
        if (*p < 0x80) {
            if (*p < 0x20 || *p == 0x7F) { bad = std::size_t(p - begin); return false; }
            ++p;
            continue;
        }
        char32_t cp;
        int n = decode_utf8(p, end, cp);
        if (n == 0 || (cp >= 0x80 && cp <= 0x9F) || !is_xml_char(cp)) { bad = std::size_t(p - begin); return false; }
        p += n;
    }
    return true;
}

// Byte classes for the fast path of JID checks: printable ASCII (resourcepart), allowed in
// a localpart (RFC 7622 §3.3.1 exclusions removed), letter-digit-hyphen and dot (domainpart).
enum : unsigned char { jid_printable = 1, jid_local = 2, jid_ldh = 4, jid_dot = 8 };
struct jid_class_table {
    unsigned char v[256] = {};
    constexpr jid_class_table() {
        for (int c = 0x20; c < 0x7F; ++c) {
            v[c] = jid_printable;
            bool excluded = c == '"' || c == '&' || c == '\'' || c == '/' || c == ':' || c == '<' || c == '>' ||
                            c == '@' || c == ' ';
            if (!excluded) v[c] |= jid_local;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') v[c] |= jid_ldh;
            if (c == '.') v[c] |= jid_dot;
        }
    }
};
inline constexpr jid_class_table jid_classes{};

#if XSTANZA_SIMD_SSE2
// The classes of sixteen bytes at once, as bit masks (bit i: byte i), for
// Jid::parse_ascii_in: the same classes as jid_classes, and the bytes with a role.
struct jid_block_masks {
    // odd: printable bytes below 'A' other than digits, '.', '-', '@' and '/': rare in
    // JIDs, and the only printable bytes whose class differs between the localpart rules
    // and the rest (space and " & ' : < > are among them). Where there are none, the
    // localpart's bytes are the printable ones other than '@' and '/'.
    std::uint32_t ldh, dot, hyphen, printable, at, slash, odd;

    void shift_down(unsigned k) noexcept {
        ldh >>= k;
        dot >>= k;
        hyphen >>= k;
        printable >>= k;
        at >>= k;
        slash >>= k;
        odd >>= k;
    }
    // Drops the bits of bytes past the JID (read from the region around it).
    void keep(std::uint32_t all) noexcept {
        ldh &= all;
        dot &= all;
        hyphen &= all;
        printable &= all;
        at &= all;
        slash &= all;
        odd &= all;
    }
    // Adds the masks of a block that starts k bytes after this one's start.
    void merge_up(const jid_block_masks& o, unsigned k) noexcept {
        ldh |= o.ldh << k;
        dot |= o.dot << k;
        hyphen |= o.hyphen << k;
        printable |= o.printable << k;
        at |= o.at << k;
        slash |= o.slash << k;
        odd |= o.odd << k;
    }
};

inline jid_block_masks jid_block(const char* p) noexcept {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto eq = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // A range lo..hi is one signed compare after adding 0x80 - lo (lo..hi onto -128..).
    auto in = [](__m128i x, char lo, int count) {
        return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(char(0x80 - lo))), _mm_set1_epi8(char(0x80 + count)));
    };
    auto bits = [](__m128i x) { return std::uint32_t(_mm_movemask_epi8(x)); };
    const __m128i at = eq('@'), slash = eq('/'), dot = eq('.'), hyphen = eq('-');
    const __m128i printable = in(v, 0x20, 0x5F);  // 0x20..0x7E
    const __m128i digit = in(v, '0', 10);
    const __m128i alnum = _mm_or_si128(in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26), digit);
    const __m128i below_a = _mm_and_si128(printable, _mm_cmplt_epi8(v, _mm_set1_epi8('A')));
    const __m128i usual = _mm_or_si128(_mm_or_si128(digit, _mm_or_si128(dot, hyphen)), _mm_or_si128(at, slash));
    return {bits(_mm_or_si128(alnum, hyphen)), bits(dot), bits(hyphen), bits(printable),
            bits(at), bits(slash), bits(_mm_andnot_si128(usual, below_a))};
}
#endif

// True when every byte of s has one of the class bits in `mask` (the common, all-ASCII case).
inline bool all_in_class(std::string_view s, unsigned char mask) noexcept {
    for (char c : s)
        if (!(jid_classes.v[static_cast<unsigned char>(c)] & mask)) return false;
    return true;
}

// Fast acceptance of an all-ASCII domain name: LDH labels of 1..63 bytes, no edge hyphens.
inline bool quick_domain_ok(std::string_view d) noexcept {
    std::size_t label = 0;
    char prev = '.';
    for (char c : d) {
        unsigned char k = jid_classes.v[static_cast<unsigned char>(c)];
        if (k & jid_ldh) {
            if (prev == '.' && c == '-') return false;
            if (++label > 63) return false;
        } else if (k & jid_dot) {
            if (label == 0 || prev == '-') return false;
            label = 0;
        } else {
            return false;
        }
        prev = c;
    }
    return label != 0 && prev != '-';
}

constexpr bool is_hex(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986 §3.2.2 IPv6address (the text inside the brackets of an IP-literal).
constexpr bool is_ipv6(std::string_view s) noexcept {
    std::size_t groups = 0, i = 0;
    bool compressed = false;
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') { compressed = true; i = 2; }
    else if (!s.empty() && s[0] == ':') return false;
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && is_hex(s[i]) && i - start < 5) ++i;
        std::size_t len = i - start;
        if (len == 0 || len > 4) {
            // maybe an embedded IPv4 address as the last 32 bits
            return false;
        }
        if (i < s.size() && s[i] == '.') {
            // dotted IPv4 tail: four decimal octets, counts as two groups
            std::size_t j = start, octets = 0;
            while (j <= s.size()) {
                std::size_t os = j;
                unsigned value = 0;
                while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - os < 4) value = value * 10 + unsigned(s[j++] - '0');
                if (j == os || j - os > 3 || value > 255 || (j - os > 1 && s[os] == '0')) return false;
                ++octets;
                if (j == s.size()) break;
                if (s[j] != '.') return false;
                ++j;
            }
            if (octets != 4) return false;
            groups += 2;
            i = s.size();
            break;
        }
        ++groups;
        if (i == s.size()) break;
        if (s[i] != ':') return false;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (compressed) return false;
            compressed = true;
            ++i;
        } else if (i == s.size()) {
            return false;  // trailing single ':'
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

}  // namespace detail

/// A JID `[localpart@]domainpart[/resourcepart]` (RFC 7622 §3).
///
/// What is checked: each present part is 1 to 1023 bytes of valid UTF-8 without
/// control characters; the localpart excludes `" & ' / : < > @` and space
/// (RFC 7622 §3.3.1); the domainpart is an IP-literal in brackets (RFC 3986), or
/// dot-separated labels of 1 to 63 bytes where ASCII labels are letters, digits
/// and inner hyphens (RFC 5890 LDH) and non-ASCII labels are taken as U-labels;
/// one trailing dot is removed (RFC 7622 §3.2). Not checked: PRECIS mapping and
/// normalisation (RFC 8265), IDNA2008 U-label validity. Comparison is ASCII
/// case-insensitive for localpart and domainpart, exact for the resourcepart.
class Jid {
public:
    /// An empty JID; use Jid::parse or the part constructor to get a valid one.
    constexpr Jid() noexcept = default;

    /// Parses a JID; the parts are views into `text`, which must outlive the Jid.
    static result<Jid> parse(std::string_view text) noexcept {
        Jid j;
        if (parse_ascii(text, j)) return j;
        return parse_detailed(text);
    }

    /// Not from a temporary std::string: the parts would view a string destroyed at the end of
    /// the statement. Parse a string that outlives the Jid (a literal, a variable, a buffer).
    template <class S, std::enable_if_t<detail::is_temporary_string_v<S>, int> = 0>
    static result<Jid> parse(S&&) noexcept {
        static_assert(detail::dependent_false_v<S>,
                      "Jid::parse(text): the Jid's parts are views into text, and this std::string is a temporary "
                      "destroyed at the end of the statement; parse a string that outlives the Jid");
        return Jid{};
    }

    /// parse() without its one-pass fast path for common ASCII JIDs: the same results,
    /// slower (the tests compare the two). Kept out of line: it is the rare path, and GCC 12
    /// inlining it into callers raises a false -Wstringop-overread on string_view::find.
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::noinline]]
#endif
    static result<Jid> parse_detailed(std::string_view text) noexcept {
        Jid j;
        if (text.empty()) return detail::jid_error(0, "empty", text);
        std::size_t slash = text.find('/');  // RFC 7622 §3.1: the first '/' starts the resourcepart
        std::string_view bare = text.substr(0, slash);
        std::size_t at = bare.find('@');     // ... and the first '@' before it ends the localpart
        std::size_t domain_begin = 0;
        if (at != std::string_view::npos) {
            j.local_ = bare.substr(0, at);
            domain_begin = at + 1;
        }
        j.domain_ = bare.substr(domain_begin);
        if (slash != std::string_view::npos) {
            j.resource_ = text.substr(slash + 1);
            if (j.resource_.empty()) return detail::jid_error(slash, "empty resourcepart after '/' (RFC 7622 §3.4)", text);
        }
        if (at != std::string_view::npos && j.local_.empty())
            return detail::jid_error(0, "empty localpart before '@' (RFC 7622 §3.3)", text);
        // RFC 7622 §3.2: a trailing label separator is stripped before any other step.
        if (!j.domain_.empty() && j.domain_.back() == '.') j.domain_.remove_suffix(1);
        if (parse_error e = j.check(domain_begin, slash == std::string_view::npos ? 0 : slash + 1, text)) return e;
        return j;
    }

    /// Builds a JID from parts (views the caller keeps alive) and validates it.
    static result<Jid> from_parts(std::string_view local, std::string_view domain,
                                  std::string_view resource = {}) noexcept {
        Jid j;
        j.local_ = local;
        j.domain_ = domain;
        j.resource_ = resource;
        if (parse_error e = j.check(0, 0, domain)) return e;
        return j;
    }

    /// Not from a temporary std::string: the parts are kept as views.
    template <class L, class D, class R = std::string_view,
              std::enable_if_t<detail::all_views_v<L, D, R> && detail::any_temporary_string_v<L, D, R>, int> = 0>
    static result<Jid> from_parts(L&&, D&&, R&& = {}) noexcept {
        static_assert(detail::dependent_false_v<L>,
                      "Jid::from_parts(local, domain, resource): the parts are kept as views, and a temporary "
                      "std::string is destroyed at the end of the statement; pass strings that outlive the Jid");
        return Jid{};
    }

    /// The localpart ("juliet"); empty when there is none.
    constexpr std::string_view local() const noexcept { return local_; }
    /// The domainpart ("example.com").
    constexpr std::string_view domain() const noexcept { return domain_; }
    /// The resourcepart ("balcony"); empty when there is none.
    constexpr std::string_view resource() const noexcept { return resource_; }
    /// True for a default-constructed JID (no domainpart).
    constexpr bool empty() const noexcept { return domain_.empty(); }
    /// A bare JID has no resourcepart (RFC 7622 §3.2.1 "bare JID").
    constexpr bool is_bare() const noexcept { return resource_.empty(); }
    /// A full JID has a resourcepart (RFC 7622 §3.2.2 "full JID").
    constexpr bool is_full() const noexcept { return !resource_.empty(); }
    /// The same JID without its resourcepart.
    constexpr Jid bare() const noexcept {
        Jid j = *this;
        j.resource_ = {};
        return j;
    }
    /// Bytes to_string() produces.
    constexpr std::size_t size() const noexcept {
        return (local_.empty() ? 0 : local_.size() + 1) + domain_.size() + (resource_.empty() ? 0 : resource_.size() + 1);
    }
    /// Appends the string form to `out`.
    void append_to(std::string& out) const {
        if (!local_.empty()) { out.append(local_); out.push_back('@'); }
        out.append(domain_);
        if (!resource_.empty()) { out.push_back('/'); out.append(resource_); }
    }
    /// The string form `local@domain/resource`.
    std::string to_string() const {
        std::string s;
        s.reserve(size());
        append_to(s);
        return s;
    }

    /// RFC 7622 §3.2, §3.3: domainpart and localpart compare case-insensitively (ASCII
    /// only here; see the class comment), the resourcepart exactly.
    friend constexpr bool operator==(const Jid& a, const Jid& b) noexcept {
        return detail::iequal(a.domain_, b.domain_) && detail::iequal(a.local_, b.local_) &&
               a.resource_ == b.resource_;
    }
    friend constexpr bool operator!=(const Jid& a, const Jid& b) noexcept { return !(a == b); }

private:
    friend struct detail::jid_test_access;
    friend struct detail::jid_access;  // the codecs read attribute JIDs with parse_ascii_in

    // The common case in one pass: printable ASCII, a localpart without the characters RFC
    // 7622 §3.3.1 excludes, an LDH domain name (one trailing dot removed, RFC 7622 §3.2),
    // parts of at most 1023 bytes. It accepts exactly what parse()'s detailed path accepts
    // for such input; false sends anything else there, which also names the problem.
    static bool parse_ascii(std::string_view text, Jid& j) noexcept {
        const auto* const b = reinterpret_cast<const unsigned char*>(text.data());
        const auto* const e = b + text.size();
        const auto& cls = detail::jid_classes.v;
        // RFC 7622 §3.1: the first '/' starts the resourcepart, the first '@' before it ends
        // the localpart. Neither is a localpart character, so this stops at the first of them.
        const unsigned char* q = b;
        while (q != e && (cls[*q] & detail::jid_local)) ++q;
        const unsigned char* d = b;
        if (q != e && *q == '@') {
            if (q == b || q - b > std::ptrdiff_t(max_jid_part_bytes)) return false;
            d = q + 1;
        }
        // Domainpart: labels of letters, digits and hyphens, 1..63 bytes, no edge hyphen,
        // separated by single dots; one trailing dot is removed (RFC 7622 §3.2). Each label
        // is skipped in one tight loop and checked at its end.
        const unsigned char* r = d;
        const unsigned char* domain_end;
        for (;;) {
            const unsigned char* const label = r;
            while (r != e && (cls[*r] & detail::jid_ldh)) ++r;
            if (r == label) {  // an empty label: only the end, after a trailing dot
                if (label == d || (r != e && *r != '/')) return false;
                domain_end = label - 1;
                break;
            }
            if (r - label > 63 || *label == '-' || r[-1] == '-') return false;
            if (r == e || *r != '.') {
                if (r != e && *r != '/') return false;
                domain_end = r;
                break;
            }
            ++r;
        }
        if (domain_end - d > std::ptrdiff_t(max_jid_part_bytes)) return false;
        if (r != e) {  // at '/': the resourcepart, printable ASCII, not empty
            const unsigned char* res = r + 1;
            if (res == e || e - res > std::ptrdiff_t(max_jid_part_bytes)) return false;
            for (const unsigned char* t = res; t != e; ++t)
                if (!(cls[*t] & detail::jid_printable)) return false;
            j.resource_ = std::string_view(reinterpret_cast<const char*>(res), std::size_t(e - res));
        }
        if (d != b) j.local_ = std::string_view(text.data(), std::size_t(q - b));
        j.domain_ = std::string_view(reinterpret_cast<const char*>(d), std::size_t(domain_end - d));
        return true;
    }

    // parse_ascii() for a JID of at most 32 bytes lying inside [lo, hi), a region readable
    // in whole (a parser's input buffer): it reads the JID as one or two 16-byte blocks,
    // which may extend past the JID into the region, classifies every byte at once and
    // finds the parts with bit operations, without a branch per byte whose exit the branch
    // predictor would miss. Other JIDs, machines without SSE2 and the scalar path
    // (active_simd_path(), model/detail/simd.hpp) take parse_ascii(); avx2 takes these
    // sixteen-byte blocks too. Accepts exactly what parse_ascii() accepts, with the same
    // parts (the tests compare).
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::always_inline]]  // into read_jid: the load above would otherwise keep it out of line
#endif
    static bool parse_ascii_in(std::string_view text, const char* lo, const char* hi, Jid& j) noexcept {
#if XSTANZA_SIMD_SSE2
        const std::size_t n = text.size();
        const char* const s = text.data();
        // simd_jid_max: 32, or 0 on the scalar path (model/detail/simd.hpp): one load in a
        // test of n made anyway
        if (n == 0 || n > detail::simd_jid_max.load(std::memory_order_relaxed)) return parse_ascii(text, j);
        // The 32-bit masks below: bit i is about text[i].
        detail::jid_block_masks m;
        if (n <= 16) {
            if (hi - s >= 16) {
                m = detail::jid_block(s);
            } else if ((s + n) - lo >= 16) {
                m = detail::jid_block(s + n - 16);
                m.shift_down(unsigned(16 - n));
            } else {
                return parse_ascii(text, j);
            }
        } else {  // two blocks, the second ending at the JID's end (they overlap)
            m = detail::jid_block(s);
            detail::jid_block_masks m2 = detail::jid_block(s + n - 16);
            m.merge_up(m2, unsigned(n - 16));
        }
        const std::uint32_t all = n == 32 ? ~std::uint32_t(0) : (std::uint32_t(1) << n) - 1;
        m.keep(all);
        // A printable byte below 'A' that is not a digit, '.', '-', '@' or '/': the one-pass
        // path sorts it out (it is rare in JIDs).
        if (m.odd) return parse_ascii(text, j);
        const std::uint32_t local = m.printable & ~(m.at | m.slash);
        auto first = [n](std::uint32_t bits) { return bits ? std::size_t(__builtin_ctz(bits)) : n; };
        // RFC 7622 §3.1: the localpart ends at the first '@', if no other character that a
        // localpart excludes (the first '/' among them) comes before it.
        const std::size_t q = first(~local & all);
        std::size_t d = 0;
        if (q != n && (m.at >> q & 1)) {
            if (q == 0) return false;
            d = q + 1;
        }
        const std::uint32_t from_d = d >= 32 ? 0 : all & (~std::uint32_t(0) << d);
        // The domainpart: LDH labels and dots from d up to the first other byte, which must
        // be the '/' of a resourcepart (RFC 7622 §3.2).
        const std::size_t stop = first(~(m.ldh | m.dot) & from_d);
        if (stop != n && !(m.slash >> stop & 1)) return false;
        if (stop == d || (m.dot >> d & 1)) return false;  // empty, or an empty first label
        const std::uint32_t domain = from_d & ~(stop >= 32 ? 0 : ~std::uint32_t(0) << stop);
        if (m.dot & (m.dot >> 1) & domain) return false;  // an empty label between two dots
        // No label starts or ends with '-' (labels of at most 32 bytes: the 63 limit holds).
        const std::uint32_t last = std::uint32_t(1) << (stop - 1);
        if (m.hyphen & domain & ((m.dot << 1) | (std::uint32_t(1) << d) | (m.dot >> 1) | last)) return false;
        // One trailing dot is removed (RFC 7622 §3.2).
        const std::size_t domain_end = (m.dot & last) ? stop - 1 : stop;
        if (stop != n) {  // a resourcepart: not empty, printable ASCII
            if (stop + 1 == n) return false;
            const std::uint32_t resource = all & (~std::uint32_t(0) << (stop + 1));
            if (~m.printable & resource) return false;
            j.resource_ = std::string_view(s + stop + 1, n - stop - 1);
        }
        if (d) j.local_ = std::string_view(s, q);
        j.domain_ = std::string_view(s + d, domain_end - d);
        return true;
#else
        (void)lo;
        (void)hi;
        return parse_ascii(text, j);
#endif
    }

    parse_error check(std::size_t domain_at, std::size_t resource_at, std::string_view whole) const noexcept {
        // Fast path: all-ASCII JIDs that pass need one table lookup per byte. Anything else
        // takes the detailed checks below, which find and name the problem.
        if (local_.size() <= max_jid_part_bytes && domain_.size() <= max_jid_part_bytes &&
            resource_.size() <= max_jid_part_bytes && detail::all_in_class(local_, detail::jid_local) &&
            detail::all_in_class(resource_, detail::jid_printable) && detail::quick_domain_ok(domain_))
            return {};
        std::size_t bad = 0;
        // RFC 7622 §3.1: each part at most 1023 bytes.
        if (local_.size() > max_jid_part_bytes)
            return detail::jid_error(0, "localpart longer than 1023 bytes (RFC 7622 §3.1)", whole.substr(0, 64));
        if (domain_.size() > max_jid_part_bytes)
            return detail::jid_error(domain_at, "domainpart longer than 1023 bytes (RFC 7622 §3.1)", whole.substr(0, 64));
        if (resource_.size() > max_jid_part_bytes)
            return detail::jid_error(resource_at, "resourcepart longer than 1023 bytes (RFC 7622 §3.1)", whole.substr(0, 64));
        if (!local_.empty()) {
            if (!detail::check_jid_chars(local_, bad))
                return detail::jid_error(bad, "localpart has a control character or invalid UTF-8 (RFC 7622 §3.3)", whole);
            // RFC 7622 §3.3.1: these characters are excluded from localparts.
            for (std::size_t i = 0; i < local_.size(); ++i) {
                char c = local_[i];
                if (c == '"' || c == '&' || c == '\'' || c == '/' || c == ':' || c == '<' || c == '>' || c == '@' || c == ' ')
                    return detail::jid_error(i, "localpart contains a forbidden character (RFC 7622 §3.3.1)", whole);
            }
        }
        if (domain_.empty()) return detail::jid_error(domain_at, "empty domainpart (RFC 7622 §3.2)", whole);
        if (parse_error e = check_domain(domain_at, whole)) return e;
        if (!resource_.empty() && !detail::check_jid_chars(resource_, bad))
            return detail::jid_error(resource_at + bad, "resourcepart has a control character or invalid UTF-8 (RFC 7622 §3.4)", whole);
        return {};
    }

    // RFC 7622 §3.2: an IP-literal, an IPv4 address or a fully qualified domain name.
    parse_error check_domain(std::size_t at, std::string_view whole) const noexcept {
        std::string_view d = domain_;
        if (d.front() == '[') {
            if (d.size() < 3 || d.back() != ']' || !detail::is_ipv6(d.substr(1, d.size() - 2)))
                return detail::jid_error(at, "domainpart is not a valid IPv6 literal (RFC 7622 §3.2, RFC 3986 §3.2.2)", whole);
            return {};
        }
        std::size_t bad = 0;
        if (!detail::check_jid_chars(d, bad))
            return detail::jid_error(at + bad, "domainpart has a control character or invalid UTF-8 (RFC 7622 §3.2)", whole);
        std::size_t label_start = 0;
        for (std::size_t i = 0; i <= d.size(); ++i) {
            if (i < d.size() && d[i] != '.') continue;
            std::string_view label = d.substr(label_start, i - label_start);
            if (label.empty())
                return detail::jid_error(at + label_start, "domainpart has an empty label (RFC 7622 §3.2)", whole);
            if (label.size() > 63)
                return detail::jid_error(at + label_start, "domainpart label longer than 63 bytes (RFC 1035 §2.3.4)", whole);
            if (label.front() == '-' || label.back() == '-')
                return detail::jid_error(at + label_start, "domainpart label starts or ends with '-' (RFC 5890 §2.3.1)", whole);
            for (std::size_t k = 0; k < label.size(); ++k) {
                unsigned char c = static_cast<unsigned char>(label[k]);
                bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok)
                    return detail::jid_error(at + label_start + k, "domainpart contains a character not allowed in a domain name (RFC 7622 §3.2)", whole);
            }
            label_start = i + 1;
        }
        return {};
    }

    std::string_view local_;
    std::string_view domain_;
    std::string_view resource_;
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_JID_HPP
