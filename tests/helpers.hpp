// Helpers shared by the unit test files (Boost.Test): building JIDs, serializing, and
// checking that the serializer refuses a stanza.
#ifndef XSTANZA_TESTS_HELPERS_HPP
#define XSTANZA_TESTS_HELPERS_HPP

#include <boost/test/unit_test.hpp>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

namespace test_helpers {

/// A JID that must be valid.
inline xstanza::Jid jid(std::string_view s) {
    xstanza::result<xstanza::Jid> j = xstanza::Jid::parse(s);
    BOOST_REQUIRE_MESSAGE(j, j.error().message());
    return *j;
}

/// The canonical XML of a stanza that must serialize.
template <class T>
std::string xml_of(const T& stanza) {
    std::string out;
    xstanza::parse_error e = xstanza::serialize(stanza, out);
    BOOST_TEST(!e, e.message());
    return out;
}

/// Serializing `stanza` fails with invalid_data naming `message_part`, the output string keeps
/// its previous content, and to_xml, serialize_into and serialize_to fail the same way.
template <class T>
void expect_refused(const T& stanza, std::string_view message_part) {
    using xstanza::to_string;
    std::string out = "previous";
    xstanza::parse_error e = xstanza::serialize(stanza, out);
    BOOST_TEST_CONTEXT(e.message()) {
        BOOST_TEST(to_string(e.code()) == "invalid_data");
        BOOST_TEST(e.message().find(message_part) != std::string_view::npos);
        BOOST_TEST(out == "previous");
        BOOST_TEST(to_string(xstanza::to_xml(stanza).error().code()) == "invalid_data");
        char buffer[4096];
        BOOST_TEST(to_string(xstanza::serialize_into(stanza, buffer, sizeof buffer).error.code()) == "invalid_data");
        std::vector<char> v;
        BOOST_TEST(to_string(xstanza::serialize_to(stanza, std::back_inserter(v)).error().code()) == "invalid_data");
    }
}

}  // namespace test_helpers

#endif  // XSTANZA_TESTS_HELPERS_HPP
