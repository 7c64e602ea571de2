// Parsing IQs: the RFC and seed examples, typed and runtime-typed targets, every IQ rule.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {

struct vector_case {
    const char* xml;
    errc code;
    std::size_t offset;  // SIZE_MAX: not checked
    const char* message_part;
};

constexpr std::size_t any_offset = std::size_t(-1);

template <class T = AnyIq>
result<T> parse_copy(Parser& p, const std::string& s) {
    return p.parse<T>(s);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parse)

// The seed (../shared/seed/) in its corrected form: each example must parse.
BOOST_AUTO_TEST_CASE(seed_examples_corrected) {
    Parser p;
    const char* const good[] = {
        "<iq from = 'jane@longbourn.lit/garden'\n\ntype = 'get'\n\nid = 'roster1'>\n\n<query xmlns='jabber:iq:roster'/>\n\n</iq>",
        "<iq to = 'jane@longbourn.lit/garden'\n\ntype = 'error'\n\nid = 'roster1'>\n\n<query xmlns='jabber:iq:roster'/>\n\n"
        "<error type='cancel'>\n\n<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\n\n</error>\n\n</iq>",
        "<iq from = 'jane@longbourn.lit/garden'\n\ntype = 'get'\n\nid='roster2'>\n\n<query xmlns='jabber:iq:roster'/>\n\n</iq>",
        "<iq to='jane@longbourn.lit/garden'\n\ntype='result'\n\nid='roster2'>\n\n<query xmlns='jabber:iq:roster'>\n\n"
        "<item jid='elizabeth@longbourn.lit' name = 'Elizabeth'/>\n\n<item jid='bingley@netherfield.lit' name = 'Bingley'/>\n\n</query>\n\n</iq>",
        "<iq from = 'jane@longbourn.lit/garden'\n\ntype = 'set'\n\nid = 'roster3'>\n\n<query xmlns = 'jabber:iq:roster'>\n\n"
        "<item jid='darcy@pemberley.lit' name = 'Mr.Dancy'/>\n\n</query>\n\n</iq>",
        "<iq to = 'jane@longbourn.lit/garden'\n\ntype = 'result'\n\nid = 'roster3'/>",
    };
    for (const char* s : good) {
        auto r = parse_copy(p, s);
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(bool(r), r.error().message()); }
    }
    auto result = p.parse<Iq<Result, RosterQuery>>(good[3]);
    BOOST_REQUIRE(result);
    BOOST_TEST(result->id == "roster2");
    BOOST_TEST(result->to->to_string() == "jane@longbourn.lit/garden");
    BOOST_REQUIRE(result->payload.items.size() == 2u);
    BOOST_TEST(result->payload.items[0].jid.to_string() == "elizabeth@longbourn.lit");
    BOOST_TEST(*result->payload.items[1].name == "Bingley");
    auto set = p.parse<Iq<Set, RosterSet>>(good[4]);
    BOOST_REQUIRE(set);
    BOOST_TEST(*set->payload.item.name == "Mr.Dancy");
    auto error = p.parse<Iq<Error, RosterGet>>(good[1]);
    BOOST_REQUIRE(error);
    BOOST_TEST((error->error.condition == Condition::feature_not_implemented));
    BOOST_TEST((error->error.type == ErrorType::cancel));
    BOOST_TEST(error->payload.has_value());
}

// The seed's typos, each rejected with a precise message.
BOOST_AUTO_TEST_CASE(seed_typos_rejected_precisely) {
    Parser p;
    auto wrong_root = parse_copy(p,
        "<id to = 'jane@longbourn.lit/garden' type = 'error' id = 'roster1'><query xmlns='jabber:iq:roster'/>"
        "<error type='cancel'><feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></id>");
    BOOST_TEST((wrong_root.error().code() == errc::not_iq));
    BOOST_TEST(wrong_root.error().message() == "expected <iq>, found <id>");
    BOOST_TEST(wrong_root.error().offset() == 0u);

    // The misspelt condition: an error for a sender (a validator: rules::sender); a receiver
    // treats it as undefined-condition and keeps the name (RFC 6120 §8.3.2).
    const std::string typo = "<iq type='error' id='roster1'><error type='cancel'>"
                             "<feature-not-implementer xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
    Parser lint(parse_limits{}, rules::sender());
    auto bad_condition = parse_copy(lint, typo);
    BOOST_TEST((bad_condition.error().code() == errc::unknown_condition));
    BOOST_TEST(bad_condition.error().message().find("unknown stanza error condition 'feature-not-implementer'") == 0u);
    BOOST_TEST(bad_condition.error().offset() == 51u);
    auto received = parse_copy(p, typo);
    BOOST_REQUIRE(received);
    BOOST_TEST((received->error->condition == Condition::undefined_condition));
    BOOST_TEST(received->error->unknown_condition == "feature-not-implementer");

    auto bad_ns = parse_copy(p,
        "<iq type='error' id='roster1'><error type='cancel'>"
        "<feature-not-implemented xmlns='urn:left:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_TEST((bad_ns.error().code() == errc::condition_namespace));
    BOOST_TEST(bad_ns.error().message().find(
                   "in namespace 'urn:left:params:xml:ns:xmpp-stanzas', expected 'urn:ietf:params:xml:ns:xmpp-stanzas'") !=
               std::string_view::npos);

    // The seed's exact second example: both typos; the first one met is reported.
    auto both = parse_copy(p,
        "<id to = 'jane@longbourn.lit/garden'\n\ntype = 'error'\n\nid = 'roster1'>\n\n<query xmlns='jabber:iq:roster'/>\n\n"
        "<error type='cancel'>\n\n<feature-not-implementer xmlns='urn:left:params:xml:ns:xmpp-stanzas'/>\n\n</error>\n\n</iq>");
    BOOST_TEST((both.error().code() == errc::mismatched_tag));  // <id> ... </iq> is not even well-formed
}

BOOST_AUTO_TEST_CASE(any_iq_and_visit) {
    Parser p;
    auto r = parse_copy(p, "<iq type='get' id='p1' to='example.net'><ping xmlns='urn:xmpp:ping'/></iq>");
    BOOST_REQUIRE(r);
    BOOST_TEST((r->type == IqType::get));
    BOOST_REQUIRE(r->payload.is_opaque());
    BOOST_TEST(r->payload.opaque()->name == "ping");
    BOOST_TEST(r->payload.opaque()->ns == "urn:xmpp:ping");
    BOOST_TEST(r->payload.opaque()->xml == "<ping xmlns='urn:xmpp:ping'/>");
    int visited = 0;
    r->visit([&](const auto& iq) {
        using T = std::decay_t<decltype(iq)>;
        if constexpr (std::is_same_v<typename T::type_tag, Get>) {
            auto reply = make_result(iq);
            BOOST_TEST(reply.id == "p1");
            BOOST_TEST(reply.from->to_string() == "example.net");
            BOOST_TEST(!reply.to.has_value());
            visited = 1;
        } else {
            visited = 2;
        }
    });
    BOOST_TEST(visited == 1);
}

BOOST_AUTO_TEST_CASE(namespaces_resolve) {
    Parser p;
    // Prefixed stanza and payload elements resolve through their declarations.
    auto r = parse_copy(p,
        "<c:iq xmlns:c='jabber:client' type='set' id='s1'><r:query xmlns:r='jabber:iq:roster'>"
        "<r:item jid='a@b.c'><r:group>G</r:group></r:item></r:query></c:iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_REQUIRE(r->payload.is_roster());
    BOOST_TEST(r->payload.roster()->items.size() == 1u);
    BOOST_TEST(r->payload.roster()->items[0].groups[0] == "G");
    // jabber:server is a stanza namespace too.
    BOOST_TEST(bool(parse_copy(p, "<iq xmlns='jabber:server' type='result' id='x' from='a.example' to='b.example'/>")));
    // A roster query in another namespace is an opaque payload, not a roster.
    auto other = parse_copy(p, "<iq type='get' id='x'><query xmlns='jabber:iq:version'/></iq>");
    BOOST_REQUIRE(other);
    BOOST_TEST(other->payload.is_opaque());
    // Wrong stanza namespace.
    auto wrong = parse_copy(p, "<iq xmlns='jabber:component:accept' type='result' id='x'/>");
    BOOST_TEST((wrong.error().code() == errc::wrong_namespace));
    // An undeclared prefix.
    auto undeclared = parse_copy(p, "<iq type='get' id='x'><r:query/></iq>");
    BOOST_TEST((undeclared.error().code() == errc::undeclared_prefix));
    // A payload relying on a prefix declared on <iq> cannot be kept as self-contained bytes.
    auto outer = parse_copy(p, "<iq xmlns:v='jabber:iq:version' type='get' id='x'><v:query/></iq>");
    BOOST_TEST((outer.error().code() == errc::unsupported));
}

BOOST_AUTO_TEST_CASE(iq_rules) {
    const vector_case cases[] = {
        {"<iq id='a'/>", errc::missing_type, 0, "no 'type'"},
        {"<iq type='get'><query xmlns='jabber:iq:roster'/></iq>", errc::missing_id, 0, "no 'id'"},
        {"<iq type='result' id=''/>", errc::missing_id, 22, "empty 'id'"},
        {"<iq type='fetch' id='a'/>", errc::unknown_type, 10, "unknown IQ type 'fetch'"},
        {"<iq type='GET' id='a'/>", errc::unknown_type, 10, "unknown IQ type 'GET'"},
        {"<iq type='get' id='a'/>", errc::payload_count, 0, "found none"},
        {"<iq type='set' id='a'/>", errc::payload_count, 0, "found none"},
        {"<iq type='get' id='a'><a xmlns='x'/><b xmlns='y'/></iq>", errc::payload_count, 36, "second one <b>"},
        {"<iq type='result' id='a'><a xmlns='x'/><b xmlns='y'/></iq>", errc::payload_count, 39, "at most one"},
        {"<iq type='error' id='a'/>", errc::missing_error, 0, "no <error/>"},
        {"<iq type='error' id='a'><a xmlns='x'/></iq>", errc::missing_error, 0, "no <error/>"},
        {"<iq type='result' id='a'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>",
         errc::unexpected_error, 25, "inside a result IQ"},
        {"<iq type='error' id='a'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
         "<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>",
         errc::invalid_error, any_offset, "second"},
        {"<iq type='get' id='a' to='not a jid'><ping xmlns='urn:xmpp:ping'/></iq>", errc::invalid_jid, 29, "'to'"},
        {"<iq type='get' id='a' from='@x'><ping xmlns='urn:xmpp:ping'/></iq>", errc::invalid_jid, 28, "'from'"},
        {"<iq type='result' id='a'>hello</iq>", errc::unexpected_text, 25, "text directly inside <iq>"},
        {"<message type='chat' id='a'/>", errc::not_iq, 0, "expected <iq>, found <message>"},
        {"<presence/>", errc::not_iq, 0, "found <presence>"},
        {"<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'/></iq><iq/>", errc::trailing_content, any_offset, ""},
        {"  ", errc::empty_input, any_offset, ""},
        {"<!-- hi --><iq type='result' id='a'/>", errc::forbidden_comment, 0, ""},
        {"<?xml version='1.0'?><iq type='result' id='a'/>", errc::forbidden_pi, 0, ""},
        {"<iq type='result' id='a&nbsp;'/>", errc::undefined_entity, any_offset, "nbsp"},
    };
    Parser p;
    for (const vector_case& c : cases) {
        auto r = parse_copy(p, c.xml);
        BOOST_TEST_CONTEXT(c.xml << " -> " << r.error().message()) {
            BOOST_TEST(!r);
            BOOST_TEST(to_string(r.error().code()) == to_string(c.code));
            if (c.offset != any_offset) BOOST_TEST(r.error().offset() == c.offset);
            BOOST_TEST(r.error().message().find(c.message_part) != std::string_view::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(typed_target_mismatches) {
    Parser p;
    std::string get = "<iq type='get' id='a'><query xmlns='jabber:iq:roster'/></iq>";
    BOOST_TEST((p.parse<Iq<Set, RosterSet>>(get).error().code() == errc::type_mismatch));
    BOOST_TEST((p.parse<Iq<Set, RosterSet>>(get).error().message() == "expected a set IQ, found get"));
    BOOST_TEST(bool(p.parse<Iq<Get, RosterGet>>(get)));
    BOOST_TEST(bool(p.parse<Iq<Get, AnyPayload>>(get)));
    std::string ping = "<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'/></iq>";
    auto mismatch = p.parse<Iq<Get, RosterGet>>(ping);
    BOOST_TEST((mismatch.error().code() == errc::payload_mismatch));
    BOOST_TEST(mismatch.error().message() ==
               "expected <query xmlns='jabber:iq:roster'>, found <ping xmlns='urn:xmpp:ping'>");
    std::string empty_result = "<iq type='result' id='a'/>";
    BOOST_TEST(bool(p.parse<Iq<Result>>(empty_result)));
    BOOST_TEST((p.parse<Iq<Result, RosterQuery>>(empty_result).error().code() == errc::payload_mismatch));
    std::string full_result = "<iq type='result' id='a'><query xmlns='jabber:iq:roster'/></iq>";
    BOOST_TEST((p.parse<Iq<Result>>(full_result).error().code() == errc::payload_mismatch));
}

BOOST_AUTO_TEST_CASE(in_situ_views_point_into_the_buffer) {
    Parser p;
    std::string wire = "<iq type='result' id='r&amp;1'><query xmlns='jabber:iq:roster'>"
                       "<item jid='a@b.c' name='A &lt;3'><group>x&#x41;y</group></item></query></iq>";
    auto r = p.parse_in_situ<Iq<Result, RosterQuery>>(wire);
    BOOST_REQUIRE(r);
    const char* begin = wire.data();
    const char* end = wire.data() + wire.size();
    auto inside = [&](std::string_view v) { return v.data() >= begin && v.data() + v.size() <= end; };
    BOOST_TEST(r->id == "r&1");
    BOOST_TEST(inside(r->id));
    BOOST_TEST(*r->payload.items[0].name == "A <3");
    BOOST_TEST(inside(*r->payload.items[0].name));
    BOOST_TEST(r->payload.items[0].groups[0] == "xAy");
    BOOST_TEST(inside(r->payload.items[0].groups[0]));
    BOOST_TEST(inside(r->payload.items[0].jid.domain()));
}

BOOST_AUTO_TEST_CASE(attribute_value_normalisation) {
    Parser p;
    // XML 1.0 §3.3.3: literal tab/LF/CR in attribute values become spaces; references keep them.
    auto r = parse_copy(p, "<iq type='result' id='a\tb\r\nc&#9;d'/>");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->id == "a b c\td");
    // XML 1.0 §2.11: CR LF in text becomes LF.
    auto t = parse_copy(p,
        "<iq type='error' id='e'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>line1\r\nline2\rline3</text></error></iq>");
    BOOST_REQUIRE(t);
    BOOST_TEST(*t->error->text == "line1\nline2\nline3");
}

BOOST_AUTO_TEST_CASE(cdata_joins_text) {
    Parser p;
    auto r = parse_copy<Iq<Set, RosterSet>>(p,
        "<iq type='set' id='a'><query xmlns='jabber:iq:roster'><item jid='a@b.c'>"
        "<group>a&amp;<![CDATA[<b>&amp;]]>c</group></item></query></iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->payload.item.groups[0] == "a&<b>&amp;c");
}

BOOST_AUTO_TEST_CASE(parser_reuse_and_limits) {
    Parser p;
    for (int i = 0; i < 100; ++i) {
        std::string s = "<iq type='result' id='n" + std::to_string(i) + "'/>";
        auto r = p.parse<AnyIq>(s);
        BOOST_REQUIRE(r);
        BOOST_TEST(r->id == "n" + std::to_string(i));
    }
    parse_limits small;
    small.max_input_bytes = 20;
    Parser limited(small);
    auto r = limited.parse<AnyIq>("<iq type='result' id='toolong'/>");
    BOOST_TEST((r.error().code() == errc::input_too_large));
    parse_limits shallow;
    shallow.max_depth = 3;
    Parser flat(shallow);
    BOOST_TEST(bool(flat.parse<AnyIq>("<iq type='get' id='a'><x xmlns='y'><z/></x></iq>")));
    BOOST_TEST((flat.parse<AnyIq>("<iq type='get' id='a'><x xmlns='y'><z><w/></z></x></iq>").error().code() ==
                errc::depth_limit));
}

BOOST_AUTO_TEST_CASE(every_proper_prefix_is_rejected) {
    const char* const valid[] = {
        "<iq type='get' id='roster_1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'/></iq>",
        "<iq type='result' id='r'><query xmlns='jabber:iq:roster' ver='v1'><item jid='a@b.c' name='A &amp; B' "
        "subscription='both'><group>G1</group><group>G2</group></item></query></iq>",
        "<iq type='error' id='e'><error type='cancel' by='example.net'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>gone &#x263A;</text></error></iq>",
    };
    Parser p;
    for (const char* s : valid) {
        std::string full = s;
        BOOST_REQUIRE_MESSAGE(p.parse<AnyIq>(full), full);
        for (std::size_t n = 0; n < full.size(); ++n) {
            auto r = p.parse<AnyIq>(std::string_view(full).substr(0, n));
            BOOST_TEST_CONTEXT("prefix " << n << " of " << full) {
                BOOST_TEST(!r);
                BOOST_TEST((r.error().code() == errc::unexpected_eof || r.error().code() == errc::empty_input));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(cast_from_any) {
    Parser p;
    auto any = p.parse<AnyIq>("<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='a@b.c' subscription='remove'/></query></iq>");
    BOOST_REQUIRE(any);
    auto set = p.cast<Iq<Set, RosterSet>>(*any);
    BOOST_REQUIRE(set);
    BOOST_TEST((set->payload.item.subscription == Subscription::remove));
    BOOST_TEST((p.cast<Iq<Get, RosterGet>>(*any).error().code() == errc::type_mismatch));
}

// result<T>'s in-place constructor (what Parser builds its results with) holds a value and
// no error.
BOOST_AUTO_TEST_CASE(result_in_place) {
    result<Iq<Result>> r(std::in_place, std::string_view("r1"));
    BOOST_REQUIRE(r);
    BOOST_TEST(r->id == "r1");
    BOOST_TEST(!r->from);
    BOOST_TEST((r.error().code() == errc::ok));
    result<Jid> j(std::in_place);
    BOOST_REQUIRE(j);
    BOOST_TEST(j->domain().empty());
}

// A parse fills the IQ in place and may stop half way; that parse reports only its error,
// and the next one on the same Parser starts from an empty IQ (nothing of the first leaks).
BOOST_AUTO_TEST_CASE(failed_parse_leaves_nothing_behind) {
    Parser p;
    // Fails after the frame (from, to and id read): the error element has no condition.
    auto bad = p.parse<AnyIq>("<iq type='error' id='e1' from='a@b.c/r' to='d@e.f' xml:lang='en'>"
                              "<error type='cancel'/></iq>");
    BOOST_REQUIRE(!bad);
    BOOST_TEST((bad.error().code() == errc::missing_condition));
    auto good = p.parse<AnyIq>("<iq type='result' id='r2'/>");
    BOOST_REQUIRE(good);
    BOOST_TEST(good->id == "r2");
    BOOST_TEST(!good->from);
    BOOST_TEST(!good->to);
    BOOST_TEST(good->lang.empty());
    BOOST_TEST(!good->error);
    BOOST_TEST(good->payload.empty());
    // Typed: fails at the type check, after the frame and the error element were read.
    auto typed = p.parse<Iq<Error, RosterGet>>("<iq type='result' id='r3' from='a@b.c'/>");
    BOOST_REQUIRE(!typed);
    BOOST_TEST((typed.error().code() == errc::type_mismatch));
    auto echoed = p.parse<Iq<Error, RosterGet>>("<iq type='error' id='e4'><query xmlns='jabber:iq:roster' ver='v1'/>"
                                                "<error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE(echoed);
    BOOST_TEST(!echoed->from);
    BOOST_TEST((echoed->error.type == ErrorType::wait));
    BOOST_TEST((echoed->error.condition == Condition::resource_constraint));
    BOOST_TEST(!echoed->error.text);
    BOOST_REQUIRE(echoed->payload);
    BOOST_TEST(echoed->payload->ver.value_or("") == "v1");
}

BOOST_AUTO_TEST_SUITE_END()
