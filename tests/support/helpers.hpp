// Helpers shared by the unit test files (Boost.Test): building JIDs and stanza error
// conditions, serializing, and checking that the serializer refuses a stanza. Refused input:
// expect.hpp; strings made of pieces (included here): strings.hpp.
#ifndef XSTANZA_TESTS_SUPPORT_HELPERS_HPP
#define XSTANZA_TESTS_SUPPORT_HELPERS_HPP

#include <boost/test/unit_test.hpp>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "strings.hpp"

namespace test_helpers {

/// A JID that must be valid.
inline xstanza::Jid jid(std::string_view s) {
    xstanza::result<xstanza::Jid> j = xstanza::Jid::parse(s);
    BOOST_REQUIRE_MESSAGE(j, j.error().message());
    return *j;
}

/// A defined stanza error condition, <name xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/> (RFC 6120 §8.3.3).
inline std::string cond(std::string_view name) {
    return "<" + std::string(name) + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>";
}

/// The canonical XML of a stanza that must serialize, written by an entity of role `sender`.
template <class T>
std::string xml_of(const T& stanza, xstanza::role sender = xstanza::role::client) {
    std::string out;
    xstanza::parse_error e = xstanza::serialize(stanza, out, sender);
    BOOST_TEST(!e, e.message());
    return out;
}

/// Serializing `stanza` fails with invalid_data naming `message_part`, and the output string
/// keeps its previous content. Returns the error's message.
template <class T>
std::string expect_serialize_refused(const T& stanza, std::string_view message_part) {
    using xstanza::to_string;
    std::string out = "previous";
    xstanza::parse_error e = xstanza::serialize(stanza, out);
    BOOST_TEST_CONTEXT(e.message()) {
        BOOST_TEST(to_string(e.code()) == "invalid_data");
        BOOST_TEST(e.message().find(message_part) != std::string_view::npos);
        BOOST_TEST(out == "previous");
    }
    return std::string(e.message());
}

/// That, and to_xml, serialize_into and serialize_to fail the same way.
template <class T>
void expect_refused(const T& stanza, std::string_view message_part) {
    using xstanza::to_string;
    const std::string message = expect_serialize_refused(stanza, message_part);
    BOOST_TEST_CONTEXT(message) {
        BOOST_TEST(to_string(xstanza::to_xml(stanza).error().code()) == "invalid_data");
        char buffer[4096];
        BOOST_TEST(to_string(xstanza::serialize_into(stanza, buffer, sizeof buffer).error.code()) == "invalid_data");
        std::vector<char> v;
        BOOST_TEST(to_string(xstanza::serialize_to(stanza, std::back_inserter(v)).error().code()) == "invalid_data");
    }
}

}  // namespace test_helpers

#endif  // XSTANZA_TESTS_SUPPORT_HELPERS_HPP
