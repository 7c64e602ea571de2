// The IQ model (RFC 6120 §8.2.3): answering requests, AnyIq::visit, Parser::cast,
// equality, and owned copies that outlive their buffer and parser.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/helpers.hpp"

using namespace xstanza;
using namespace test_helpers;

namespace {

const char* const get_xml =
    "<iq type='get' id='g1' from='juliet@example.com/balcony' to='example.com'><query xmlns='jabber:iq:roster' ver='v1'/></iq>";
const char* const set_xml =
    "<iq type='set' id='s1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com'/>"
    "</query></iq>";
const char* const result_xml =
    "<iq type='result' id='r1' to='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'><item jid='a@b.c'/>"
    "<item jid='d@e.f'/></query></iq>";
const char* const error_xml =
    "<iq type='error' id='e1' from='example.com'><ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
    "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";

}  // namespace

BOOST_AUTO_TEST_SUITE(iq)

// RFC 6120 §8.2.3: the answer has the request's id; it goes back to the requester.
BOOST_AUTO_TEST_CASE(answers_copy_id_and_swap_addresses) {
    Iq<Get, RosterGet> req("q7", RosterGet{std::string_view("v3")});
    req.from = jid("juliet@example.com/balcony");
    req.to = jid("example.com");

    Iq<Result> ack = make_result(req);
    static_assert(std::is_same_v<decltype(ack), Iq<Result>>);
    BOOST_TEST(ack.id == "q7");
    BOOST_TEST(ack.to->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(ack.from->to_string() == "example.com");
    BOOST_TEST(xml_of(ack) == "<iq type='result' id='q7' from='example.com' to='juliet@example.com/balcony'/>");

    RosterItem item;
    item.jid = jid("nurse@example.com");
    const RosterItem items[] = {item};
    auto full = make_result(req, RosterQuery{std::string_view("v4"), items});
    static_assert(std::is_same_v<decltype(full), Iq<Result, RosterQuery>>);
    BOOST_TEST(full.id == "q7");
    BOOST_TEST(full.to->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(full.from->to_string() == "example.com");
    BOOST_TEST(xml_of(full) == "<iq type='result' id='q7' from='example.com' to='juliet@example.com/balcony'>"
                               "<query xmlns='jabber:iq:roster' ver='v4'><item jid='nurse@example.com'/></query></iq>");

    Iq<Error> err = make_error(req, StanzaError(Condition::service_unavailable));
    BOOST_TEST(err.id == "q7");
    BOOST_TEST(err.to->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(err.from->to_string() == "example.com");
    BOOST_TEST((err.error.condition == Condition::service_unavailable));
    BOOST_TEST((err.error.type == ErrorType::cancel));
    BOOST_TEST(xml_of(err) == "<iq type='error' id='q7' from='example.com' to='juliet@example.com/balcony'>"
                              "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                              "</error></iq>");

    auto echo = make_error_echo(req, StanzaError(ErrorType::modify, Condition::bad_request));
    static_assert(std::is_same_v<decltype(echo), Iq<Error, RosterGet>>);
    BOOST_TEST(echo.id == "q7");
    BOOST_TEST(echo.to->to_string() == "juliet@example.com/balcony");
    BOOST_REQUIRE(echo.payload.has_value());
    BOOST_TEST((*echo.payload == req.payload));
    BOOST_TEST(xml_of(echo) == "<iq type='error' id='q7' from='example.com' to='juliet@example.com/balcony'>"
                               "<query xmlns='jabber:iq:roster' ver='v3'/><error type='modify'>"
                               "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

    // A request without addresses (a client talking to its own server) gets an answer
    // without addresses; a set is answered like a get.
    Iq<Set, RosterSet> set("s1", RosterSet{item});
    Iq<Result> set_ack = make_result(set);
    BOOST_TEST(set_ack.id == "s1");
    BOOST_TEST(!set_ack.to.has_value());
    BOOST_TEST(!set_ack.from.has_value());
    BOOST_TEST(xml_of(set_ack) == "<iq type='result' id='s1'/>");
    auto set_echo = make_error_echo(set, StanzaError(Condition::not_allowed));
    BOOST_TEST((set_echo.payload->item == item));
    // The parsed request answers the same way.
    Parser p;
    auto parsed = p.parse<Iq<Get, RosterGet>>(get_xml);
    BOOST_REQUIRE(parsed);
    BOOST_TEST(xml_of(make_result(*parsed)) ==
               "<iq type='result' id='g1' from='example.com' to='juliet@example.com/balcony'/>");
}

// visit() hands the typed IQ of the runtime type to the visitor.
BOOST_AUTO_TEST_CASE(visit_dispatches_on_each_type) {
    auto describe = [](const AnyIq& any) {
        return any.visit([](const auto& iq) -> std::string {
            using T = std::decay_t<decltype(iq)>;
            static_assert(std::is_same_v<typename T::payload_type, AnyPayload>);
            using Type = typename T::type_tag;
            if constexpr (std::is_same_v<Type, Get> || std::is_same_v<Type, Set>) {
                // A request: answerable both ways.
                std::string a = xml_of(make_result(iq));
                std::string b = xml_of(make_error(iq, StanzaError(Condition::feature_not_implemented)));
                std::string c = xml_of(make_error_echo(iq, StanzaError(Condition::bad_request)));
                return std::string(Type::name) + "|" + std::string(iq.payload.name()) + "|" + a + "|" + b + "|" + c;
            } else if constexpr (std::is_same_v<Type, Result>) {
                return "result|" + std::string(iq.payload.name()) + "|" + std::to_string(iq.payload.roster()->items.size());
            } else {
                return "error|" + std::string(to_string(iq.error.condition)) + "|" +
                       std::string(iq.payload ? iq.payload->name() : "none");
            }
        });
    };
    // Each stanza, and what the visitor makes of it.
    const std::pair<const char*, const char*> described[] = {
        {get_xml,
         "get|query|<iq type='result' id='g1' from='example.com' to='juliet@example.com/balcony'/>|"
         "<iq type='error' id='g1' from='example.com' to='juliet@example.com/balcony'><error type='cancel'>"
         "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>|"
         "<iq type='error' id='g1' from='example.com' to='juliet@example.com/balcony'>"
         "<query xmlns='jabber:iq:roster' ver='v1'/><error type='modify'>"
         "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"},
        {set_xml,
         "set|query|<iq type='result' id='s1' to='juliet@example.com/balcony'/>|"
         "<iq type='error' id='s1' to='juliet@example.com/balcony'><error type='cancel'>"
         "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>|"
         "<iq type='error' id='s1' to='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'>"
         "<item jid='nurse@example.com'/></query><error type='modify'>"
         "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"},
        {result_xml, "result|query|2"},
        {error_xml, "error|service-unavailable|ping"},
        {"<iq type='error' id='e'><error code='404'/></iq>", "error|item-not-found|none"},
    };
    Parser p;
    for (const auto& [xml, description] : described) {
        BOOST_TEST_CONTEXT(xml) {
            auto any = p.parse<AnyIq>(xml);
            BOOST_REQUIRE(any);
            BOOST_TEST(describe(*any) == description);
        }
    }

    // The typed view carries the header over.
    int calls = 0;
    p.parse<AnyIq>(get_xml)->visit([&](const auto& iq) {
        ++calls;
        BOOST_TEST(iq.id == "g1");
        BOOST_TEST(iq.from->to_string() == "juliet@example.com/balcony");
        BOOST_TEST(iq.to->to_string() == "example.com");
    });
    BOOST_TEST(calls == 1);
}

// Parser::cast: AnyIq to a typed IQ, with the same checks as a typed parse.
BOOST_AUTO_TEST_CASE(cast_to_typed) {
    Parser p;
    auto get = p.parse<AnyIq>(get_xml);
    BOOST_REQUIRE(get);
    auto typed_get = p.cast<Iq<Get, RosterGet>>(*get);
    BOOST_REQUIRE_MESSAGE(typed_get, typed_get.error().message());
    BOOST_TEST(*typed_get->payload.ver == "v1");
    BOOST_TEST(typed_get->from->to_string() == "juliet@example.com/balcony");
    Parser direct;
    auto parsed_get = direct.parse<Iq<Get, RosterGet>>(get_xml);
    BOOST_REQUIRE(parsed_get);
    BOOST_TEST((*typed_get == *parsed_get));
    auto any_get = p.cast<Iq<Get, AnyPayload>>(*get);
    BOOST_REQUIRE(any_get);
    BOOST_TEST(any_get->payload.is_roster());
    auto wrong = p.cast<Iq<Set, RosterSet>>(*get);
    BOOST_TEST(to_string(wrong.error().code()) == "type_mismatch");
    BOOST_TEST(wrong.error().message() == "expected a set IQ, found get");
    BOOST_TEST(to_string(p.cast<Iq<Result>>(*get).error().code()) == "type_mismatch");

    auto result = p.parse<AnyIq>(result_xml);
    BOOST_REQUIRE(result);
    auto typed_result = p.cast<Iq<Result, RosterQuery>>(*result);
    BOOST_REQUIRE(typed_result);
    BOOST_TEST(typed_result->payload.items.size() == 2u);
    BOOST_TEST(typed_result->payload.items[1].jid.to_string() == "d@e.f");
    auto not_empty = p.cast<Iq<Result>>(*result);
    BOOST_TEST(to_string(not_empty.error().code()) == "payload_mismatch");
    BOOST_TEST(not_empty.error().message() == "expected an empty result, found <query>");

    auto empty = p.parse<AnyIq>("<iq type='result' id='r'/>");
    BOOST_REQUIRE(empty);
    BOOST_TEST(bool(p.cast<Iq<Result>>(*empty)));
    BOOST_TEST(bool(p.cast<Iq<Result, AnyPayload>>(*empty)));
    auto needs_payload = p.cast<Iq<Result, RosterQuery>>(*empty);
    BOOST_TEST(to_string(needs_payload.error().code()) == "payload_mismatch");
    BOOST_TEST(needs_payload.error().message() == "expected a payload, found none");

    auto error = p.parse<AnyIq>(error_xml);
    BOOST_REQUIRE(error);
    auto typed_error = p.cast<Iq<Error>>(*error);
    BOOST_REQUIRE(typed_error);
    BOOST_TEST((typed_error->error.condition == Condition::service_unavailable));
    BOOST_TEST(typed_error->from->to_string() == "example.com");
    auto echoed = p.cast<Iq<Error, AnyPayload>>(*error);
    BOOST_REQUIRE(echoed);
    BOOST_TEST(echoed->payload->name() == "ping");
    // The echoed payload is a ping, not a roster query.
    auto roster_echo = p.cast<Iq<Error, RosterGet>>(*error);
    BOOST_TEST(to_string(roster_echo.error().code()) == "payload_mismatch");
    BOOST_TEST(roster_echo.error().message() == "expected <query xmlns='jabber:iq:roster'>, found <ping xmlns='urn:xmpp:ping'>");

    auto opaque = p.parse<AnyIq>("<iq type='get' id='v'><query xmlns='jabber:iq:version'/></iq>");
    BOOST_REQUIRE(opaque);
    auto not_roster = p.cast<Iq<Get, RosterGet>>(*opaque);
    BOOST_TEST(to_string(not_roster.error().code()) == "payload_mismatch");
    BOOST_TEST(not_roster.error().message() == "expected <query xmlns='jabber:iq:roster'>, found <query xmlns='jabber:iq:version'>");

    // A roster set cast needs exactly one item; a built AnyIq can hold two.
    RosterItem item;
    item.jid = jid("a@b.c");
    const RosterItem two[] = {item, item};
    AnyIq built;
    built.type = IqType::set;
    built.id = "b";
    built.payload = RosterQuery{std::nullopt, two};
    BOOST_TEST(to_string(p.cast<Iq<Set, RosterSet>>(built).error().code()) == "roster_item_count");
    built.type = IqType::get;
    BOOST_TEST(to_string(p.cast<Iq<Get, RosterGet>>(built).error().code()) == "roster_item_count");
}

BOOST_AUTO_TEST_CASE(equality) {
    Iq<Get, RosterGet> a("x", RosterGet{});
    a.from = jid("juliet@example.com/balcony");
    Iq<Get, RosterGet> b = a;
    BOOST_TEST((a == b));
    b.from = jid("JULIET@Example.COM/balcony");  // RFC 7622: localpart and domainpart compare case-insensitively
    BOOST_TEST((a == b));
    b.from = jid("juliet@example.com/Balcony");  // the resourcepart exactly
    BOOST_TEST((a != b));
    b = a;
    b.id = "y";
    BOOST_TEST((a != b));
    b = a;
    b.to = jid("example.com");
    BOOST_TEST((a != b));
    b = a;
    b.lang = "en";
    BOOST_TEST((a != b));
    b = a;
    b.payload.ver = std::string_view("");
    BOOST_TEST((a != b));  // ver='' differs from no ver

    Iq<Error> e1("x", StanzaError(Condition::conflict));
    Iq<Error> e2("x", StanzaError(ErrorType::cancel, Condition::conflict));
    BOOST_TEST((e1 == e2));
    e2.error.type = ErrorType::wait;
    BOOST_TEST((e1 != e2));
    Iq<Error, RosterGet> echo1("x", StanzaError(Condition::conflict), RosterGet{});
    Iq<Error, RosterGet> echo2("x", StanzaError(Condition::conflict));
    BOOST_TEST((echo1 != echo2));  // an echoed payload differs from none
    echo2.payload = RosterGet{};
    BOOST_TEST((echo1 == echo2));

    // AnyIq: every field, and a parse of the same stanza, compare.
    Parser p1, p2;
    auto x = p1.parse<AnyIq>(error_xml);
    auto y = p2.parse<AnyIq>(std::string(error_xml));
    BOOST_REQUIRE(x);
    BOOST_REQUIRE(y);
    BOOST_TEST((*x == *y));
    AnyIq z = *y;
    z.error->text = std::string_view("t");
    BOOST_TEST((*x != z));
    z = *y;
    z.type = IqType::result;
    BOOST_TEST((*x != z));
    z = *y;
    z.payload = AnyPayload{};
    BOOST_TEST((*x != z));
}

// make_owned: a copy with its own storage, valid after the buffer and the parser are gone.
BOOST_AUTO_TEST_CASE(owned_copies_survive_buffer_and_parser) {
    std::unique_ptr<owned<Iq<Result, RosterQuery>>> typed;
    std::unique_ptr<owned<AnyIq>> any;
    std::unique_ptr<owned<Iq<Error, AnyPayload>>> error;
    {
        auto parser = std::make_unique<Parser>();
        std::string wire = "<iq type='result' id='o&amp;1' to='juliet@example.com/balcony'><query xmlns='jabber:iq:roster' "
                           "ver='v9'><item jid='a@b.c' name='A &lt;3'><group>G1</group><group>G2</group></item>"
                           "<item jid='d@e.f' subscription='both'/></query></iq>";
        auto r = parser->parse_in_situ<Iq<Result, RosterQuery>>(wire);
        BOOST_REQUIRE(r);
        auto o = make_owned(*r);
        BOOST_REQUIRE_MESSAGE(o, o.error().message());
        typed = std::make_unique<owned<Iq<Result, RosterQuery>>>(std::move(*o));

        std::string wire2 = std::string("<iq type='get' id='a1'>\n<query xmlns=\"jabber:iq:version\" ><name>x &amp; y</name></query></iq>");
        auto r2 = parser->parse_in_situ<AnyIq>(wire2);
        BOOST_REQUIRE(r2);
        auto o2 = make_owned(*r2);
        BOOST_REQUIRE_MESSAGE(o2, o2.error().message());
        any = std::make_unique<owned<AnyIq>>(std::move(*o2));

        std::string wire3 = error_xml;
        auto r3 = parser->parse_in_situ<Iq<Error, AnyPayload>>(wire3);
        BOOST_REQUIRE(r3);
        auto o3 = make_owned(*r3);
        BOOST_REQUIRE_MESSAGE(o3, o3.error().message());
        error = std::make_unique<owned<Iq<Error, AnyPayload>>>(std::move(*o3));

        // The source buffers and the parser go away.
        wire.assign(wire.size(), 'X');
        wire2.assign(wire2.size(), 'X');
        wire3.assign(wire3.size(), 'X');
        parser.reset();
        Parser other;  // reuses freed memory, if anything still pointed there
        BOOST_TEST(bool(other.parse<AnyIq>(result_xml)));
    }
    const auto& t = **typed;
    BOOST_TEST(t.id == "o&1");
    BOOST_TEST(t.to->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(*t.payload.ver == "v9");
    BOOST_REQUIRE(t.payload.items.size() == 2u);
    BOOST_TEST(*t.payload.items[0].name == "A <3");
    BOOST_REQUIRE(t.payload.items[0].groups.size() == 2u);
    BOOST_TEST(t.payload.items[0].groups[1] == "G2");
    BOOST_TEST((t.payload.items[1].subscription == Subscription::both));
    BOOST_TEST(typed->xml() == xml_of(t));

    const AnyIq& a = **any;
    BOOST_TEST(a.id == "a1");
    BOOST_REQUIRE(a.payload.is_opaque());
    BOOST_TEST(!Parser{}.view(*a.payload.opaque()));  // no parser's payload: it is the copy's own
    BOOST_TEST(a.payload.opaque()->xml == "<query xmlns=\"jabber:iq:version\" ><name>x &amp; y</name></query>");
    BOOST_TEST(xml_of(a) == "<iq type='get' id='a1'><query xmlns=\"jabber:iq:version\" ><name>x &amp; y</name></query></iq>");

    const auto& e = **error;
    BOOST_TEST((e.error.condition == Condition::service_unavailable));
    BOOST_REQUIRE(e.payload.has_value());
    BOOST_TEST(!Parser{}.view(*e.payload->opaque()));
    BOOST_TEST(xml_of(e) == error_xml);

    // Moving an owned copy keeps its views valid.
    std::vector<owned<Iq<Result, RosterQuery>>> kept;
    kept.push_back(std::move(*typed));
    for (int i = 0; i < 10; ++i) {
        auto more = make_owned(Iq<Result, RosterQuery>("m", RosterQuery{}));
        BOOST_REQUIRE(more);
        kept.push_back(std::move(*more));  // reallocates the vector
    }
    BOOST_TEST(kept[0]->payload.items[0].groups[0] == "G1");
    BOOST_TEST(kept[0]->id == "o&1");

    // A built stanza is copied too, and what cannot be serialized cannot be owned.
    std::string id = "built";
    Iq<Get, RosterGet> built(id, RosterGet{std::string_view("")});
    auto ob = make_owned(built);
    BOOST_REQUIRE(ob);
    id.assign("XXXXX");
    BOOST_TEST((*ob)->id == "built");
    BOOST_TEST((*ob)->payload.ver.has_value());
    auto bad = make_owned(Iq<Result>(""));
    BOOST_TEST(!bad);
    BOOST_TEST(to_string(bad.error().code()) == "invalid_data");
}

// make_owned keeps whatever the Parser accepted, whatever its limits: a stanza parsed with
// limits above the defaults (here a deeper payload, more attributes and a larger input)
// is copied, not refused on the copy's re-parse.
BOOST_AUTO_TEST_CASE(owned_copies_keep_stanzas_parsed_with_raised_limits) {
    const std::string deep = nested(200, "d");
    const std::string many = "<m" + numbered_attributes(100, "v") + "/>";
    std::string big(200, 'x');
    while (big.size() < (std::size_t{17} << 20)) big += big;  // over the 16 MiB default
    std::string wire = "<iq type='result' id='big'><query xmlns='urn:example:big'>" + deep + many + "<b>" + big +
                       "</b></query></iq>";
    parse_limits raised;
    raised.max_depth = 256;
    raised.max_attributes = 128;
    raised.max_input_bytes = std::size_t{64} << 20;
    BOOST_TEST(!Parser().parse<AnyIq>(wire));  // refused with the default limits
    Parser parser(raised);
    auto r = parser.parse<AnyIq>(wire);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    auto o = make_owned(*r);
    BOOST_REQUIRE_MESSAGE(o, o.error().message());
    BOOST_TEST((o->get() == *r));
    BOOST_TEST(o->xml() == wire);
}

BOOST_AUTO_TEST_SUITE_END()
