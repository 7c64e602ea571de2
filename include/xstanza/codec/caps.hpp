// xstanza: Entity Capabilities (XEP-0115), read next to its write, through the extension
// point (payload_traits in model/caps.hpp). A <c/> rides on presence, not in an IQ: the
// presence codec calls payload_parser<Caps> and payload_serializer<Caps> as the IQ engine
// calls any payload's.
#ifndef XSTANZA_CODEC_CAPS_HPP
#define XSTANZA_CODEC_CAPS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../model/caps.hpp"
#include "../model/disco.hpp"
#include "../model/error.hpp"
#include "../model/payload.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"
#include "disco.hpp"

namespace xstanza {
namespace detail {

// XEP-0115 §12: 'hash' is an xs:NMTOKEN: one or more name characters (letters, digits, '.',
// '-', '_', ':'; non-ASCII is taken as name characters).
inline bool is_nmtoken(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '-' || c == '_' || c == ':';
        if (!ok) return false;
    }
    return true;
}

// XEP-0115 §4: 'hash', 'node' and 'ver' are REQUIRED. §13: without 'hash' the <c/> is in the
// legacy format, which a receiver accepts ("applications SHOULD appropriately handle the
// Legacy Format"; 'node' stays REQUIRED there) and a sender never writes. The problem, or null.
inline const char* caps_problem(const Caps& c, const rules& r) noexcept {
    if (c.node.empty()) return "a <c/> without 'node' (XEP-0115 §4, §13: REQUIRED)";
    if (c.ver.empty()) return "a <c/> without 'ver' (XEP-0115 §4: REQUIRED)";
    if (c.hash.empty() && r.strict())
        return "a <c/> without 'hash' (XEP-0115 §4: REQUIRED; the legacy format of §13 is accepted from others, never sent)";
    if (!c.hash.empty() && !is_nmtoken(c.hash)) return "'hash' is not an NMTOKEN (XEP-0115 §12)";
    return nullptr;
}

// ---- reading ----

/// XEP-0115 §4: <c xmlns='http://jabber.org/protocol/caps'/>, under the parse's rules.
inline codec_error read_caps(const element& e, const payload_context& ctx, Caps& out) noexcept {
    for (attribute a : e.attributes()) {
        const std::string_view n = a.qname();
        if (is(n, "hash")) {
            out.hash = a.value();
            // Present but empty is no NMTOKEN, not the legacy format.
            if (!is_nmtoken(out.hash)) return codec_error(errc::invalid_payload, a.offset(), "'hash' is not an NMTOKEN (XEP-0115 §12)");
        } else if (is(n, "node")) {
            out.node = a.value();
        } else if (is(n, "ver")) {
            out.ver = a.value();
        } else if (is(n, "ext")) {
            out.ext = a.value();
        }
    }
    if (const char* problem = caps_problem(out, ctx.rules())) return codec_error(errc::invalid_payload, e.offset(), problem);
    // XEP-0115 §12: the element is empty. Children of other namespaces are extensions, skipped.
    for (element c : e)
        if (same(c.ns(), caps_ns))
            return codec_error::make(errc::invalid_payload, c.offset(), "unexpected <", c.name(), "/>: a <c/> is empty (XEP-0115 §12)");
    if (!trim_space(e.text()).empty())
        return codec_error(errc::invalid_payload, e.offset(), "character data in a <c/>, which is empty (XEP-0115 §12)");
    return {};
}

// ---- writing ----

inline void write_caps(xml_writer& w, const Caps& c) noexcept {
    if (const char* problem = caps_problem(c, w.rules())) return w.fail(errc::invalid_data, problem);
    writer_access::open(w, "c", caps_ns);
    w.attribute("hash", c.hash);
    w.attribute("node", c.node);
    w.attribute("ver", c.ver);
    if (c.ext) w.attribute("ext", *c.ext);
    w.close();
}

// ---- the verification string (XEP-0115 §5.1) ----

// RFC 3174: SHA-1, the hash XEP-0115 §5.1 names and §9.1 makes mandatory to implement, for the
// verification string only (a cache key, not a security measure: §9.2 on preimages).
class sha1 {
public:
    void update(std::string_view s) noexcept {
        for (char c : s) put(static_cast<unsigned char>(c));
        bytes_ += s.size();
    }
    // The 20-byte digest; the object is spent.
    void finish(unsigned char out[20]) noexcept {
        const std::uint64_t bits = bytes_ * 8;
        put(0x80);
        while (used_ != 56) put(0);
        for (int i = 7; i >= 0; --i) put(static_cast<unsigned char>(bits >> (8 * i)));
        for (int i = 0; i < 20; ++i) out[i] = static_cast<unsigned char>(h_[i / 4] >> (24 - 8 * (i % 4)));
    }

private:
    static std::uint32_t rol(std::uint32_t x, int n) noexcept { return (x << n) | (x >> (32 - n)); }
    void put(unsigned char c) noexcept {
        block_[used_++] = c;
        if (used_ == 64) {
            compress();
            used_ = 0;
        }
    }
    void compress() noexcept {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block_[4 * i]) << 24 | std::uint32_t(block_[4 * i + 1]) << 16 |
                   std::uint32_t(block_[4 * i + 2]) << 8 | std::uint32_t(block_[4 * i + 3]);
        for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20) f = (b & c) | (~b & d), k = 0x5A827999;
            else if (i < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
            else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
            else f = b ^ c ^ d, k = 0xCA62C1D6;
            const std::uint32_t t = rol(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = rol(b, 30);
            b = a;
            a = t;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
    }
    std::uint32_t h_[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    unsigned char block_[64] = {};
    std::size_t used_ = 0;
    std::uint64_t bytes_ = 0;
};

// RFC 4648 §4: Base64 with padding, no white space (XEP-0115 §5.1 step 9).
inline void base64(const unsigned char* p, std::size_t n, std::string& out) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < n; i += 3) {
        const std::uint32_t v = std::uint32_t(p[i]) << 16 | (i + 1 < n ? std::uint32_t(p[i + 1]) << 8 : 0) |
                                (i + 2 < n ? std::uint32_t(p[i + 2]) : 0);
        out += digits[v >> 18 & 63];
        out += digits[v >> 12 & 63];
        out += i + 1 < n ? digits[v >> 6 & 63] : '=';
        out += i + 2 < n ? digits[v & 63] : '=';
    }
}

}  // namespace detail

/// XEP-0115 §5.1: the verification string of a disco#info answer, with SHA-1 (hash='sha-1'):
/// identities sorted by category, type and xml:lang, each appended as category/type/lang/name
/// and '<'; features sorted, each appended and '<'; sorting by "i;octet" (bytes); the SHA-1 of
/// that, in Base64. An answer §5.4 calls ill-formed (an identity or a feature twice) is
/// refused with errc::invalid_payload. XEP-0128 forms are not modelled (model/disco.hpp): the
/// string is that of an answer without them; an entity that adds forms needs them hashed too.
inline result<std::string> caps_verification_string(const DiscoInfoQuery& info) noexcept {
    for (const DiscoIdentity& id : info.identities)
        if (const char* problem = detail::disco_identity_problem(id)) return codec_error(errc::invalid_payload, 0, problem);
    for (std::string_view var : info.features)
        if (const char* problem = detail::disco_feature_problem(var)) return codec_error(errc::invalid_payload, 0, problem);
    try {
        std::vector<std::size_t> scratch;
        bool oom = false;
        // XEP-0115 §5.4 steps 3.3, 3.4: a repeated identity or feature makes the answer ill-formed.
        const std::size_t id_repeat =
            detail::first_repeat(info.identities, scratch, oom, detail::identity_key_less, detail::identity_key_equal);
        if (id_repeat < info.identities.size())
            return codec_error(errc::invalid_payload, 0, detail::disco_duplicate_identity_message(info.identities, id_repeat));
        const std::size_t feature_repeat =
            detail::first_repeat(info.features, scratch, oom, detail::feature_less, detail::feature_equal);
        if (feature_repeat < info.features.size())
            return codec_error::make(errc::invalid_payload, 0, detail::disco_duplicate_feature_message, ": '",
                                     info.features[feature_repeat], "'");
        if (oom) return codec_error(errc::out_of_memory, 0, "out of memory checking disco#info lists");
        std::vector<const DiscoIdentity*> ids;
        for (const DiscoIdentity& id : info.identities) ids.push_back(&id);
        // string_view compares bytes as unsigned char: the "i;octet" collation (RFC 4790 §9.3).
        std::sort(ids.begin(), ids.end(), [](const DiscoIdentity* a, const DiscoIdentity* b) {
            return detail::identity_key_less(*a, *b);
        });
        std::vector<std::string_view> features(info.features.begin(), info.features.end());
        std::sort(features.begin(), features.end());
        detail::sha1 h;
        for (const DiscoIdentity* id : ids) {
            h.update(id->category);
            h.update("/");
            h.update(id->type);
            h.update("/");
            h.update(id->lang);
            h.update("/");
            h.update(id->name.value_or(std::string_view()));
            h.update("<");
        }
        for (std::string_view f : features) {
            h.update(f);
            h.update("<");
        }
        unsigned char digest[20];
        h.finish(digest);
        std::string ver;
        detail::base64(digest, sizeof digest, ver);
        return ver;
    } catch (...) {
        return codec_error(errc::out_of_memory, 0, "out of memory computing the verification string");
    }
}

/// XEP-0115: the capabilities element of a presence.
template <>
struct payload_parser<Caps> {
    /// Reads the element into a Caps, checking its rules; an error names the first one broken.
    static codec_error parse(const element& e, payload_context& ctx, Caps& out) noexcept { return detail::read_caps(e, ctx, out); }
};
/// How a Caps is written as its element.
template <>
struct payload_serializer<Caps> {
    /// Writes the Caps as its element; data that cannot be written marks the writer failed.
    static void write(const Caps& c, xml_writer& w) noexcept { detail::write_caps(w, c); }
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_CAPS_HPP
