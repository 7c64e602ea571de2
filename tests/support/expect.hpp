// Refusals, for the unit test files (Boost.Test): where in an input a refusal must point,
// found in the input itself, and that a parse refuses it with a given code, offset and message.
#ifndef XSTANZA_TESTS_SUPPORT_EXPECT_HPP
#define XSTANZA_TESTS_SUPPORT_EXPECT_HPP

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string_view>

#include <xstanza/xstanza.hpp>

namespace test_helpers {

/// Offset of the first occurrence of `marker` in `xml` (the test fails if it is absent).
inline std::size_t at(std::string_view xml, std::string_view marker) {
    std::size_t p = xml.find(marker);
    BOOST_REQUIRE_MESSAGE(p != std::string_view::npos, "marker '" << marker << "' not in " << xml);
    return p;
}
/// Offset of the value that follows `marker` (e.g. "subscription='").
inline std::size_t value_at(std::string_view xml, std::string_view marker) { return at(xml, marker) + marker.size(); }

/// A place in an input not yet given: the first occurrence of a marker, or `skip` bytes into
/// the value that follows it.
struct place {
    std::string_view marker;
    bool value = false;
    std::size_t skip = 0;
    std::size_t in(std::string_view xml) const { return value ? value_at(xml, marker) + skip : at(xml, marker); }
};
/// The first occurrence of `marker`.
inline place at(std::string_view marker) { return {marker}; }
/// `skip` bytes into the value that follows the first `marker` (e.g. "code='").
inline place value_at(std::string_view marker, std::size_t skip = 0) { return {marker, true, skip}; }

/// Parsing `xml` as T under the rules `applied` fails with `code` at `offset`, with a message
/// that contains `message_part`.
template <class T = xstanza::AnyIq>
void expect_error(std::string_view xml, xstanza::errc code, std::size_t offset, std::string_view message_part = {},
                  xstanza::rules applied = xstanza::rules::receiver()) {
    using xstanza::to_string;
    xstanza::Parser p(xstanza::parse_limits{}, applied);
    xstanza::result<T> r = p.parse<T>(xml);
    BOOST_TEST_CONTEXT(xml << " -> " << to_string(r.error().code()) << " at " << r.error().offset() << ": "
                           << r.error().message()) {
        BOOST_TEST(!r);
        BOOST_TEST(to_string(r.error().code()) == to_string(code));
        BOOST_TEST(r.error().offset() == offset);
        BOOST_TEST(r.error().message().find(message_part) != std::string_view::npos);
    }
}
/// The same, the offset being `where` in `xml`.
template <class T = xstanza::AnyIq>
void expect_error(std::string_view xml, xstanza::errc code, place where, std::string_view message_part = {},
                  xstanza::rules applied = xstanza::rules::receiver()) {
    expect_error<T>(xml, code, where.in(xml), message_part, applied);
}

}  // namespace test_helpers

#endif  // XSTANZA_TESTS_SUPPORT_EXPECT_HPP
