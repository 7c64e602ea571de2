// Tests of the codec layer's extension point: a user's payload and the built-in roster go
// through the same template, with the same context (the IQ's type, the rules, the parse's
// storage), and the parse storage is reused, released and kept as documented.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/helpers.hpp"

using namespace xstanza;
using test_helpers::xml_of;

namespace {
// A list payload written as the roster is: a list kept in the parse's storage, a rule that
// depends on the IQ's type (a set carries exactly one <tag/>), the three-argument forms.
struct Tags {
    span<const std::string_view> names{};
};
struct tags_tag {};
}  // namespace

template <>
struct xstanza::payload_traits<Tags> {
    static constexpr std::string_view name = "tags";
    static constexpr std::string_view ns = "urn:example:tags";
    static constexpr bool in_get = false, in_set = true, in_result = true;
};
template <>
struct xstanza::payload_parser<Tags> {
    static codec_error parse(const element& e, payload_context& ctx, Tags& out) noexcept {
        std::vector<std::string_view>* names = ctx.storage().list<std::string_view, tags_tag>();
        if (!names) return codec_error(errc::out_of_memory, e.offset(), "out of memory");
        for (element c : e) {
            try {
                names->push_back(c.text());
            } catch (...) {
                return codec_error(errc::out_of_memory, c.offset(), "out of memory");
            }
        }
        if (ctx.iq_type() == IqType::set && names->size() != 1)
            return codec_error(errc::invalid_payload, e.offset(), "a set carries exactly one <tag/>");
        out.names = span<const std::string_view>(names->data(), names->size());
        return {};
    }
};
template <>
struct xstanza::payload_serializer<Tags> {
    static void write(const Tags& t, xml_writer& w, const write_context& ctx) noexcept {
        if (ctx.iq_type == IqType::set && t.names.size() != 1)
            return w.fail(errc::invalid_data, "a set carries exactly one <tag/>");
        w.open("tags", "urn:example:tags");
        for (std::string_view n : t.names) {
            w.open("tag", "urn:example:tags");
            w.text(n);
            w.close();
        }
        w.close();
    }
};

BOOST_AUTO_TEST_SUITE(codec)

// The built-in roster codec has the very form a user's payload may have: the engine calls
// both through payload_parser<P>::parse(element, payload_context, P&), nothing else.
BOOST_AUTO_TEST_CASE(builtin_and_user_payload_share_the_extension_point) {
    using roster_parse = decltype(&payload_parser<RosterQuery>::parse);
    using tags_parse = decltype(&payload_parser<Tags>::parse);
    static_assert(std::is_same_v<roster_parse, codec_error (*)(const element&, payload_context&, RosterQuery&) noexcept>);
    static_assert(std::is_same_v<tags_parse, codec_error (*)(const element&, payload_context&, Tags&) noexcept>);
    using roster_write = decltype(&payload_serializer<RosterQuery>::write);
    static_assert(std::is_same_v<roster_write, void (*)(const RosterQuery&, xml_writer&, const write_context&) noexcept>);

    // Both decoded from the same element view, by hand, as the Parser does it.
    Parser p;
    const std::string xml = "<iq type='result' id='r'><tags xmlns='urn:example:tags'><tag>a</tag><tag>b</tag></tags></iq>";
    auto any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE_MESSAGE(any, any.error().message());
    BOOST_REQUIRE(any->payload.is_opaque());
    std::optional<element> view = p.view(*any->payload.opaque());
    BOOST_REQUIRE(view);
    parse_storage storage;
    payload_context ctx(IqType::result, rules::receiver(), storage);
    Tags by_hand;
    BOOST_REQUIRE(!payload_parser<Tags>::parse(*view, ctx, by_hand));
    BOOST_TEST(by_hand.names.size() == 2u);
    BOOST_TEST(by_hand.names[1] == "b");
    auto cast = p.cast<Iq<Result, Tags>>(*any);
    BOOST_REQUIRE_MESSAGE(cast, cast.error().message());
    BOOST_TEST(cast->payload.names.size() == 2u);
}

// The IQ's type reaches the codec on both sides: a set's rule holds when reading and writing.
BOOST_AUTO_TEST_CASE(context_carries_the_iq_type_both_ways) {
    Parser p;
    auto two = p.parse<Iq<Set, Tags>>("<iq type='set' id='s'><tags xmlns='urn:example:tags'><tag>a</tag><tag>b</tag></tags></iq>");
    BOOST_TEST(to_string(two.error().code()) == "invalid_payload");
    auto one = p.parse<Iq<Set, Tags>>("<iq type='set' id='s'><tags xmlns='urn:example:tags'><tag>a</tag></tags></iq>");
    BOOST_REQUIRE_MESSAGE(one, one.error().message());
    BOOST_TEST(xml_of(*one) == "<iq type='set' id='s'><tags xmlns='urn:example:tags'><tag>a</tag></tags></iq>");
    std::string_view names[] = {"a", "b"};
    test_helpers::expect_refused(Iq<Set, Tags>("s", Tags{span<const std::string_view>(names, 2)}),
                                 "a set carries exactly one <tag/>");
    BOOST_TEST(xml_of(Iq<Result, Tags>("r", Tags{span<const std::string_view>(names, 2)})).size() > 0u);
}

// The parse's storage is reused: once warm, a list keeps its memory from parse to parse;
// release_storage hands it over with the views, which stay valid.
BOOST_AUTO_TEST_CASE(storage_is_reused_and_released) {
    Parser p;
    const std::string xml = "<iq type='result' id='r'><tags xmlns='urn:example:tags'><tag>a</tag><tag>b</tag></tags></iq>";
    auto first = p.parse<Iq<Result, Tags>>(xml);
    BOOST_REQUIRE(first);
    const std::string_view* where = first->payload.names.data();
    auto second = p.parse<Iq<Result, Tags>>(xml);
    BOOST_REQUIRE(second);
    BOOST_TEST(second->payload.names.data() == where);  // the same memory, no new allocation

    parse_storage kept;
    p.release_storage(kept);
    const auto held = second->payload.names;
    auto third = p.parse<Iq<Result, Tags>>("<iq type='result' id='t'><tags xmlns='urn:example:tags'><tag>c</tag></tags></iq>");
    BOOST_REQUIRE(third);
    BOOST_TEST(third->payload.names.data() != held.data());  // the Parser now uses other memory
    BOOST_TEST(held.data() == where);
    BOOST_TEST(held.size() == 2u);

    // Lists of one type under distinct tags are distinct; a list reads empty in a new parse.
    parse_storage s;
    s.list<int>()->push_back(1);
    const bool other_tag_empty = s.list<int, tags_tag>()->empty();
    BOOST_TEST(other_tag_empty);
    BOOST_TEST(s.list<int>()->size() == 1u);
    s.clear();
    BOOST_TEST(s.list<int>()->empty());
}

BOOST_AUTO_TEST_SUITE_END()
