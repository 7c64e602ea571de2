// The adversarial suite: hostile inputs from tests/adversarial/*.txt, each with the error
// code (and often the offset) it must get. Accepted inputs must round-trip.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/strings.hpp"
#include "../support/vectors.hpp"

using namespace xstanza;

namespace {

// Loading errors are reported by the loads test case, not at static initialisation.
std::string load_error;

const std::vector<vectors::test_case>& cases() {
    static const std::vector<vectors::test_case> loaded = [] {
        try {
            return vectors::all();
        } catch (const std::exception& e) {
            load_error = e.what();
            return std::vector<vectors::test_case>{};
        }
    }();
    return loaded;
}

std::string_view name(errc code) { return to_string(code); }

// Typed cross-checks parse a dozen times; keep them to inputs of a reasonable size.
constexpr std::size_t cross_check_max = 64 * 1024;

}  // namespace

BOOST_AUTO_TEST_SUITE(adversarial)

BOOST_AUTO_TEST_CASE(loads) {
    BOOST_TEST(load_error.empty(), load_error);
    // At least 100 hostile cases, and every file contributes.
    std::size_t hostile = 0;
    std::set<std::string> files;
    for (const vectors::test_case& c : cases()) {
        hostile += c.code != errc::ok;
        files.insert(c.file);
    }
    BOOST_TEST(hostile >= 100u);
    BOOST_TEST(files.size() == std::size(vectors::files));
}

// Every error code a parse can return is provoked by at least one case (the serializer's
// and the allocator's codes are covered by test_roundtrip and tests/hostile).
BOOST_AUTO_TEST_CASE(every_parse_error_is_covered) {
    std::set<errc> seen;
    for (const vectors::test_case& c : cases()) seen.insert(c.code);
    for (int i = 0; i <= int(errc::duplicate_child); ++i) {
        errc code = errc(i);
        if (code == errc::invalid_data || code == errc::buffer_too_small || code == errc::out_of_memory ||
            code == errc::invalid_payload)  // a user payload's own code (test_extension, test_ext)
            continue;
        BOOST_TEST_CONTEXT(name(code)) { BOOST_TEST(seen.count(code) == 1u); }
    }
}

// RFC 6120 §8.3.3: all 22 defined conditions parse.
BOOST_AUTO_TEST_CASE(all_conditions_are_covered) {
    std::set<std::string> seen;
    for (const vectors::test_case& c : cases()) {
        if (c.code != errc::ok || c.input.find("type='error'") == std::string::npos) continue;
        for (std::string_view cond : condition_names)
            if (c.input.find("<" + std::string(cond) + " xmlns='" + std::string(stanzas_ns)) != std::string::npos)
                seen.insert(std::string(cond));
    }
    BOOST_TEST(seen.size() == condition_names.size());
}

BOOST_DATA_TEST_CASE(cases_table, boost::unit_test::data::make(cases()), c) {
    Parser parser, scratch;
    const vectors::outcome o = vectors::run(c, c.input, parser, scratch);
    BOOST_TEST(name(o.error.code()) == name(c.code));
    if (c.offset != vectors::unchecked) BOOST_TEST(o.error.offset() == c.expected_offset());
    BOOST_TEST(o.round_trip.empty(), o.round_trip);
    BOOST_TEST_MESSAGE(o.error.message());
    if (c.is_jid()) return;
    if (c.default_limits()) {
        const std::string f = stanza_check::check_rules(c.input);
        BOOST_TEST(f.empty(), f);
    }

    // In situ, on a buffer of exactly size + 1 bytes: the same outcome as the copying parse.
    std::unique_ptr<char[]> buffer(new char[c.input.size() + 1]);
    std::memcpy(buffer.get(), c.input.data(), c.input.size());
    Parser in_situ(c.limits, c.rules);
    vectors::with_target(c.target, [&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        result<T> r = in_situ.parse_in_situ<T>(buffer.get(), c.input.size());
        BOOST_TEST(name(r.error().code()) == name(c.code));
        BOOST_TEST(r.error().offset() == o.error.offset());
    });

    // Every typed target agrees with AnyIq + Parser::cast (IQs), with AnyStanza and typed<Type>()
    // (messages and presences), and every outcome is clean.
    if (c.input.size() <= cross_check_max && c.default_limits()) {
        Parser typed(parse_limits{}, c.rules), any(parse_limits{}, c.rules);
        const std::string f = stanza_check::check_typed(typed, any, scratch, c.input);
        BOOST_TEST(f.empty(), f);
        const std::string g = stanza_check::check_typed_stanzas(typed, any, scratch, c.input);
        BOOST_TEST(g.empty(), g);
    }
}

// Regressions for the library fixes the hostile tests led to (README.md, "Security and limits" lists them).

BOOST_AUTO_TEST_CASE(parser_construction_never_throws_and_a_moved_from_parser_parses) {
    static_assert(std::is_nothrow_constructible_v<Parser>, "Parser() allocates without throwing");
    static_assert(std::is_nothrow_constructible_v<Parser, parse_limits>, "Parser(limits) too");
    Parser a;
    Parser b(std::move(a));
    const std::string s = "<iq type='result' id='1'/>";
    BOOST_TEST(bool(b.parse<AnyIq>(s)));
    BOOST_TEST(bool(a.parse<AnyIq>(s)));  // moved from: grows its element index again
}

BOOST_AUTO_TEST_CASE(cast_to_types_without_payload) {
    Parser p;
    result<AnyIq> r = p.parse<AnyIq>("<iq type='result' id='1'/>");
    BOOST_REQUIRE(r);
    BOOST_TEST(bool(p.cast<Iq<Result>>(*r)));
    BOOST_TEST(name(p.cast<Iq<Error>>(*r).error().code()) == name(errc::type_mismatch));
    result<AnyIq> e = p.parse<AnyIq>("<iq type='error' id='2'><error type='cancel'><gone xmlns='" +
                                     std::string(stanzas_ns) + "'/></error></iq>");
    BOOST_REQUIRE(e);
    result<Iq<Error>> c = p.cast<Iq<Error>>(*e);
    BOOST_REQUIRE(c);
    BOOST_TEST((c->error.condition == Condition::gone));
}

BOOST_AUTO_TEST_CASE(empty_result_as_any_payload_round_trips) {
    Iq<Result, AnyPayload> built("r1", AnyPayload{});
    std::string xml;
    BOOST_REQUIRE(!serialize(built, xml));
    Parser p;
    result<Iq<Result, AnyPayload>> parsed = p.parse<Iq<Result, AnyPayload>>(xml);
    BOOST_REQUIRE(parsed);
    BOOST_TEST(parsed->payload.empty());
    BOOST_TEST((*parsed == built));
    result<AnyIq> any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE(any);
    BOOST_TEST(bool(p.cast<Iq<Result, AnyPayload>>(*any)));
}

BOOST_AUTO_TEST_CASE(owned_xml_is_the_canonical_form) {
    Parser p;
    result<AnyIq> r = p.parse<AnyIq>("<iq type='result' id='&lt;1&amp;2&gt;' xml:lang='en'/>");
    BOOST_REQUIRE(r);
    std::string canonical;
    BOOST_REQUIRE(!serialize(*r, canonical));
    result<owned<AnyIq>> o = make_owned(*r);
    BOOST_REQUIRE(o);
    BOOST_TEST(o->xml() == canonical);  // not the buffer the copy was decoded in
    BOOST_TEST(o->get().id == "<1&2>");
}

BOOST_AUTO_TEST_CASE(truncated_messages_stay_utf8) {
    const std::string long_text = test_helpers::repeat("\xE2\x98\x83", 100);
    for (std::size_t shift = 0; shift < 4; ++shift) {
        parse_error e = parse_error::make(errc::malformed, 0, std::string(shift, 'x'), long_text);
        BOOST_TEST(e.message().size() <= parse_error::max_message);
        BOOST_TEST(e.message().size() > parse_error::max_message - 4);
        BOOST_TEST((detail::check_xml_text(e.message()).code == errc::ok));
    }
    result<Jid> j = Jid::parse(std::string_view("a\0b@\xFF", 5));
    BOOST_REQUIRE(!j);
    BOOST_TEST((detail::check_xml_text(j.error().message()).code == errc::ok));
}

// element::text() and attribute() decoded in place, in the bytes an opaque payload is
// re-emitted from: reading "&lt;evil/&gt;" through a payload parser put <evil/> on the wire.
BOOST_AUTO_TEST_CASE(reading_a_payload_does_not_inject_markup) {
    Parser p;
    result<AnyIq> r = p.parse<AnyIq>(
        "<iq type='set' id='1'><x xmlns='urn:x' a='&lt;evil/&gt;'><a>&lt;/a&gt;&lt;evil/&gt;&#13;</a>"
        "<b><![CDATA[<c/>]]>&amp;</b></x></iq>");
    BOOST_REQUIRE(r);
    std::string before;
    BOOST_REQUIRE(!serialize(*r, before));
    BOOST_REQUIRE(p.view(*r->payload.opaque()));
    element x = *p.view(*r->payload.opaque());
    BOOST_TEST(*x.attribute("a") == "<evil/>");
    std::vector<std::string> texts;
    for (element c : x) texts.emplace_back(c.text());
    BOOST_TEST(texts == (std::vector<std::string>{"</a><evil/>\r", "<c/>&"}), boost::test_tools::per_element());
    std::string after;
    BOOST_REQUIRE(!serialize(*r, after));
    BOOST_TEST(after == before);
    BOOST_TEST(stanza_check::check_views_keep_bytes(p, *r).empty());
}

// The serializer checked duplicate groups pairwise: 100,000 groups (which parse in
// milliseconds) took minutes to serialize. Now sorted beyond 8 groups.
BOOST_AUTO_TEST_CASE(many_groups_serialize_in_n_log_n) {
    std::vector<std::string> names;
    for (int i = 0; i < 100000; ++i) names.push_back("g" + std::to_string(i));
    std::vector<std::string_view> groups(names.begin(), names.end());
    RosterItem item;
    item.jid = *Jid::parse("a@b.example");
    item.groups = groups;
    Iq<Set, RosterSet> set("s", RosterSet{item, std::nullopt});
    std::string xml;
    BOOST_TEST(!serialize(set, xml));
    groups[99999] = groups[5];
    item.groups = groups;
    Iq<Set, RosterSet> dup("s", RosterSet{item, std::nullopt});
    xml.clear();
    BOOST_TEST(name(serialize(dup, xml).code()) == name(errc::invalid_data));
    groups.resize(9);
    groups[8] = groups[0];
    item.groups = groups;
    Iq<Set, RosterSet> few("s", RosterSet{item, std::nullopt});
    BOOST_TEST(name(serialize(few, xml).code()) == name(errc::invalid_data));
}

BOOST_AUTO_TEST_SUITE_END()
