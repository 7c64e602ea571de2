// Two extension elements defined the way a user defines them (the extension point,
// model/payload.hpp), so that the harnesses can parse typed messages and presences with a
// decoded extension (Message<Chat, Receipt>, Presence<Available, Caps>), not only opaque
// ones. They are small on purpose: what they test is the engine's handling of a typed
// extension (the first one decoded, every other kept opaque, typed ones written first).
#ifndef XSTANZA_TESTS_SUPPORT_TEST_EXTENSIONS_HPP
#define XSTANZA_TESTS_SUPPORT_TEST_EXTENSIONS_HPP

#include <optional>
#include <string_view>

#include <xstanza/xstanza.hpp>

namespace test_ext {

inline constexpr std::string_view receipts_ns = "urn:xmpp:receipts";
inline constexpr std::string_view caps_ns = "http://jabber.org/protocol/caps";

/// XEP-0184 §5: <request xmlns='urn:xmpp:receipts'/>, empty, on a message.
struct Receipt {
    friend bool operator==(const Receipt&, const Receipt&) noexcept { return true; }
    friend bool operator!=(const Receipt&, const Receipt&) noexcept { return false; }
};

/// XEP-0115 §4: <c xmlns='http://jabber.org/protocol/caps' hash='' node='' ver=''/> on a
/// presence, the three attributes required.
struct Caps {
    std::string_view hash, node, ver;
    friend bool operator==(const Caps& a, const Caps& b) noexcept {
        return a.hash == b.hash && a.node == b.node && a.ver == b.ver;
    }
    friend bool operator!=(const Caps& a, const Caps& b) noexcept { return !(a == b); }
};

}  // namespace test_ext

template <>
struct xstanza::payload_traits<test_ext::Receipt> {
    static constexpr std::string_view name = "request";
    static constexpr std::string_view ns = test_ext::receipts_ns;
    static constexpr bool in_get = false, in_set = false, in_result = false, in_message = true;
};
template <>
struct xstanza::payload_parser<test_ext::Receipt> {
    static xstanza::result<test_ext::Receipt> parse(const xstanza::element& e) noexcept {
        if (e.has_children()) return xstanza::parse_error(xstanza::errc::invalid_payload, e.offset(), "<request/> is empty (XEP-0184 §5)");
        for (char c : e.text())
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return xstanza::parse_error(xstanza::errc::invalid_payload, e.offset(), "<request/> has no text (XEP-0184 §5)");
        return test_ext::Receipt{};
    }
};
template <>
struct xstanza::payload_serializer<test_ext::Receipt> {
    static void write(const test_ext::Receipt&, xstanza::xml_writer& w) noexcept {
        w.open("request", test_ext::receipts_ns);
        w.close();
    }
};

template <>
struct xstanza::payload_traits<test_ext::Caps> {
    static constexpr std::string_view name = "c";
    static constexpr std::string_view ns = test_ext::caps_ns;
    static constexpr bool in_get = false, in_set = false, in_result = false, in_presence = true;
};
template <>
struct xstanza::payload_parser<test_ext::Caps> {
    static xstanza::result<test_ext::Caps> parse(const xstanza::element& e) noexcept {
        test_ext::Caps c;
        const std::string_view names[] = {"hash", "node", "ver"};
        std::string_view* const outs[] = {&c.hash, &c.node, &c.ver};
        for (int i = 0; i < 3; ++i) {
            std::optional<std::string_view> v = e.attribute(names[i]);
            if (!v)
                return xstanza::parse_error::make(xstanza::errc::invalid_payload, e.offset(), "<c/> without '", names[i],
                                                  "' (XEP-0115 §4)");
            *outs[i] = *v;
        }
        return c;
    }
};
template <>
struct xstanza::payload_serializer<test_ext::Caps> {
    static void write(const test_ext::Caps& c, xstanza::xml_writer& w) noexcept {
        w.open("c", test_ext::caps_ns);
        w.attribute("hash", c.hash);
        w.attribute("node", c.node);
        w.attribute("ver", c.ver);
        w.close();
    }
};

#endif  // XSTANZA_TESTS_SUPPORT_TEST_EXTENSIONS_HPP
