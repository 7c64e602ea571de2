// The roster payload (RFC 6121 §2): every item and query rule through the parser, the
// RFC's own examples, the typed targets, and the serializer's half of the same rules.
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"
#include "../support/helpers.hpp"

using namespace xstanza;
using namespace test_helpers;

namespace {

std::string result_with(std::string_view items, std::string_view query_attrs = {}) {
    return "<iq type='result' id='r'><query xmlns='jabber:iq:roster'" + std::string(query_attrs) + ">" +
           std::string(items) + "</query></iq>";
}
std::string set_with(std::string_view items) {
    return "<iq type='set' id='s'><query xmlns='jabber:iq:roster'>" + std::string(items) + "</query></iq>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(roster)

// RFC 6121 §2.1.2.3: 'jid' is required and must be a JID.
BOOST_AUTO_TEST_CASE(item_jid_required_and_valid) {
    std::string no_jid = result_with("<item name='Nurse'/>");
    expect_error(no_jid, errc::invalid_roster, at("<item"), "roster <item/> has no 'jid'");
    expect_error<Iq<Result, RosterQuery>>(no_jid, errc::invalid_roster, at("<item"), "no 'jid'");

    // The offset points at the offending byte inside the attribute value.
    expect_error(result_with("<item jid='@example.com'/>"), errc::invalid_jid, value_at("jid='"), "roster item 'jid'");
    expect_error(result_with("<item jid='nurse@exa mple.com'/>"), errc::invalid_jid,
                 value_at("jid='", std::strlen("nurse@exa")),
                 "domainpart contains a character not allowed");
    expect_error(result_with("<item jid=''/>"), errc::invalid_jid, value_at("jid='"), "roster item 'jid'");
}

// RFC 6121 §2.1.2.5: subscription is none, to, from, both, or (in a set) remove.
BOOST_AUTO_TEST_CASE(subscription_values) {
    Parser p;
    const std::array<std::pair<const char*, Subscription>, 4> ok = {{
        {"none", Subscription::none}, {"to", Subscription::to}, {"from", Subscription::from}, {"both", Subscription::both}}};
    for (const auto& [name, value] : ok) {
        std::string xml = result_with("<item jid='a@b.c' subscription='" + std::string(name) + "'/>");
        auto r = p.parse<Iq<Result, RosterQuery>>(xml);
        BOOST_REQUIRE_MESSAGE(r, r.error().message());
        BOOST_TEST((r->payload.items[0].subscription == value));
    }
    // Absent means none.
    auto absent = p.parse<Iq<Result, RosterQuery>>(result_with("<item jid='a@b.c'/>"));
    BOOST_REQUIRE(absent);
    BOOST_TEST((absent->payload.items[0].subscription == Subscription::none));

    for (const char* bad : {"Both", "pending", "", "none "}) {
        std::string xml = result_with("<item jid='a@b.c' subscription='" + std::string(bad) + "'/>");
        // A sender writes one of the defined values; a receiving client ignores any other (§2.1.2.5).
        expect_error(xml, errc::invalid_roster, value_at("subscription='"),
                     "unknown subscription '" + std::string(bad) + "'", rules::sender(role::server));
        auto r = p.parse<Iq<Result, RosterQuery>>(xml);
        BOOST_REQUIRE_MESSAGE(r, r.error().message());
        BOOST_TEST((r->payload.items[0].subscription == Subscription::none));
        BOOST_TEST((r->payload.items[0].ignored_subscription == bad));
    }
}

// RFC 6121 §2.1.2.5: 'remove' only in a roster set.
BOOST_AUTO_TEST_CASE(subscription_remove_only_in_a_set) {
    // The sender's rule; a receiving client ignores remove in a result (§2.1.2.5), and a get
    // with an item is refused for the item count.
    const rules sender = rules::sender(role::server);
    std::string in_result = result_with("<item jid='a@b.c' subscription='remove'/>");
    expect_error(in_result, errc::invalid_roster, value_at("subscription='"),
                 "subscription 'remove' appears only in a roster set", sender);
    expect_error<Iq<Result, RosterQuery>>(in_result, errc::invalid_roster, value_at("subscription='"), {},
                                          sender);
    // In a get the item is checked before the item count.
    std::string in_get = "<iq type='get' id='g'><query xmlns='jabber:iq:roster'><item jid='a@b.c' subscription='remove'/></query></iq>";
    expect_error(in_get, errc::invalid_roster, value_at("subscription='"), "only in a roster set", sender);
    expect_error(in_get, errc::roster_item_count, at("<item"), "a roster get carries no <item/>");

    Parser p;
    auto set = p.parse<Iq<Set, RosterSet>>(set_with("<item jid='a@b.c' subscription='remove'/>"));
    BOOST_REQUIRE_MESSAGE(set, set.error().message());
    BOOST_TEST((set->payload.item.subscription == Subscription::remove));
    // An error IQ may echo the set that carried it (RFC 6120 §8.3.1).
    auto echoed = p.parse<Iq<Error, RosterSet>>(
        "<iq type='error' id='s'><query xmlns='jabber:iq:roster'><item jid='a@b.c' subscription='remove'/></query>"
        "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE_MESSAGE(echoed, echoed.error().message());
    BOOST_REQUIRE(echoed->payload.has_value());
    BOOST_TEST((echoed->payload->item.subscription == Subscription::remove));
}

// RFC 6121 §2.1.2.2: the only value of 'ask' is 'subscribe'.
BOOST_AUTO_TEST_CASE(ask_values) {
    Parser p;
    auto r = p.parse<Iq<Result, RosterQuery>>(result_with("<item jid='a@b.c' ask='subscribe'/><item jid='d@e.f'/>"));
    BOOST_REQUIRE(r);
    BOOST_TEST(r->payload.items[0].ask);
    BOOST_TEST(!r->payload.items[1].ask);
    for (const char* bad : {"unsubscribe", "Subscribe", "true", ""}) {
        expect_error(result_with("<item jid='a@b.c' ask='" + std::string(bad) + "'/>"), errc::invalid_roster, value_at("ask='"),
                     "the only allowed value is 'subscribe'");
    }
}

// RFC 6121 §2.1.2.1: 'approved' is an xs:boolean.
BOOST_AUTO_TEST_CASE(approved_values) {
    Parser p;
    const std::array<std::pair<const char*, bool>, 4> ok = {{{"true", true}, {"1", true}, {"false", false}, {"0", false}}};
    for (const auto& [text, value] : ok) {
        auto r = p.parse<Iq<Result, RosterQuery>>(result_with("<item jid='a@b.c' approved='" + std::string(text) + "'/>"));
        BOOST_REQUIRE_MESSAGE(r, r.error().message());
        BOOST_TEST(r->payload.items[0].approved == value, text);
    }
    for (const char* bad : {"yes", "TRUE", "2", ""}) {
        expect_error(result_with("<item jid='a@b.c' approved='" + std::string(bad) + "'/>"), errc::invalid_roster,
                     value_at("approved='"), "is not a boolean");
    }
}

// RFC 6121 §2.1.2.6, §2.3.3: group names are character data, non-empty, unique per item.
BOOST_AUTO_TEST_CASE(group_rules) {
    std::string empty = set_with("<item jid='a@b.c'><group>G</group><group/></item>");
    expect_error(empty, errc::empty_group, at("<group/>"), "empty <group/> name");
    expect_error(set_with("<item jid='a@b.c'><group></group></item>"), errc::empty_group, at("<group>"), "empty <group/> name");
    expect_error(set_with("<item jid='a@b.c'><group><![CDATA[]]></group></item>"), errc::empty_group, at("<group>"),
                 "empty <group/> name");

    expect_error(set_with("<item jid='a@b.c'><group>G<b xmlns='urn:x'/></group></item>"), errc::invalid_roster, at("<group>"),
                 "<group/> holds character data only");

    // Duplicates, the small path (<= 8 groups, pairwise) ...
    expect_error(set_with("<item jid='a@b.c'><group>Friends</group><group>Lovers</group><group>Friends</group></item>"),
                 errc::invalid_roster, at("<item"), "duplicate group 'Friends'");
    // ... compared after decoding ...
    expect_error(set_with("<item jid='a@b.c'><group>a</group><group>&#97;</group></item>"), errc::invalid_roster, at("<item"),
                 "duplicate group 'a'");
    // ... and the large path (> 8 groups, sorted).
    std::string many;
    for (int i = 0; i < 9; ++i) many += "<group>g" + std::to_string(i) + "</group>";
    Parser p;
    auto nine = p.parse<Iq<Set, RosterSet>>(set_with("<item jid='a@b.c'>" + many + "</item>"));
    BOOST_REQUIRE_MESSAGE(nine, nine.error().message());
    BOOST_TEST(nine->payload.item.groups.size() == 9u);
    BOOST_TEST(nine->payload.item.groups[8] == "g8");
    expect_error(set_with("<item jid='a@b.c'>" + many + "<group>g4</group></item>"), errc::invalid_roster, at("<item"),
                 "duplicate group 'g4'");
    // The same name in two items is fine: uniqueness is per item.
    auto two = p.parse<Iq<Result, RosterQuery>>(
        result_with("<item jid='a@b.c'><group>G</group></item><item jid='d@e.f'><group>G</group></item>"));
    BOOST_REQUIRE(two);
    BOOST_TEST(two->payload.items[0].groups[0] == "G");
    BOOST_TEST(two->payload.items[1].groups[0] == "G");
}

// RFC 6121 §2.1: <query/> holds only <item/>s and <item/> only <group/>s in the roster
// namespace; elements in other namespaces are extensions and are ignored.
BOOST_AUTO_TEST_CASE(unknown_and_foreign_elements) {
    expect_error(result_with("<item jid='a@b.c'/><contact jid='d@e.f'/>"), errc::invalid_roster, at("<contact"),
                 "unexpected <contact/> in a roster query");
    expect_error(result_with("<item jid='a@b.c'><groups>G</groups></item>"), errc::invalid_roster, at("<groups"),
                 "unexpected <groups/> in a roster item");
    std::string prefixed = result_with("<r:note xmlns:r='jabber:iq:roster'/>");
    expect_error(prefixed, errc::invalid_roster, at("<r:note"), "unexpected <note/>");

    Parser p;
    auto r = p.parse<Iq<Result, RosterQuery>>(result_with(
        "<x xmlns='urn:example:ext'><item jid='not a jid'/></x>"
        "<item jid='a@b.c'><note xmlns='urn:example:ext'>hi</note><group>G</group><e:item xmlns:e='urn:e'/></item>"
        "<y:item xmlns:y='urn:y' jid='ignored@x.y'/>"));
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_REQUIRE(r->payload.items.size() == 1u);
    BOOST_TEST(r->payload.items[0].jid.to_string() == "a@b.c");
    BOOST_REQUIRE(r->payload.items[0].groups.size() == 1u);
    BOOST_TEST(r->payload.items[0].groups[0] == "G");

    // Namespaces in XML 1.0 §6.2: an unprefixed <item> inside a prefixed <r:query> is in the
    // default namespace in scope (here jabber:client), not in the roster namespace.
    auto foreign_default = p.parse<Iq<Result, RosterQuery>>(
        "<iq xmlns='jabber:client' type='result' id='r'><r:query xmlns:r='jabber:iq:roster'>"
        "<item jid='not a jid'/><r:item jid='a@b.c'><group>ignored</group><r:group>G</r:group></r:item></r:query></iq>");
    BOOST_REQUIRE_MESSAGE(foreign_default, foreign_default.error().message());
    BOOST_REQUIRE(foreign_default->payload.items.size() == 1u);
    BOOST_TEST(foreign_default->payload.items[0].jid.to_string() == "a@b.c");
    BOOST_REQUIRE(foreign_default->payload.items[0].groups.size() == 1u);
    BOOST_TEST(foreign_default->payload.items[0].groups[0] == "G");
}

// RFC 6121 §2.1.3: a roster get carries no item; §2.1.5: a roster set exactly one.
BOOST_AUTO_TEST_CASE(item_counts) {
    std::string get = "<iq type='get' id='g'><query xmlns='jabber:iq:roster'><item jid='a@b.c'/></query></iq>";
    expect_error(get, errc::roster_item_count, at("<item"), "a roster get carries no <item/>");
    expect_error<Iq<Get, RosterGet>>(get, errc::roster_item_count, at("<item"));
    // The offset is the item's even when an ignored extension element comes first.
    expect_error("<iq type='get' id='g'><query xmlns='jabber:iq:roster'><x xmlns='urn:x'/><item jid='a@b.c'/></query></iq>",
                 errc::roster_item_count, at("<item"), "a roster get carries no <item/>");

    std::string none = set_with("");
    expect_error(none, errc::roster_item_count, at("<query"), "found none");
    expect_error<Iq<Set, RosterSet>>(none, errc::roster_item_count, at("<query"), "found none");
    expect_error(set_with("<x xmlns='urn:x'/>"), errc::roster_item_count, at("<query"), "found none");
    std::string two = set_with("<item jid='a@b.c'/><item jid='d@e.f'/>");
    expect_error(two, errc::roster_item_count, at("<item jid='d"), "found more");
    expect_error<Iq<Set, RosterSet>>(two, errc::roster_item_count, at("<item jid='d"), "found more");

    // A result carries any number (RFC 6121 §2.1.4).
    Parser p;
    for (std::size_t n : {0u, 1u, 2u, 50u}) {
        std::string items;
        for (std::size_t i = 0; i < n; ++i)
            items += "<item jid='c" + std::to_string(i) + "@example.com'><group>G" + std::to_string(i) + "</group></item>";
        auto r = p.parse<Iq<Result, RosterQuery>>(result_with(items));
        BOOST_REQUIRE_MESSAGE(r, r.error().message());
        BOOST_REQUIRE(r->payload.items.size() == n);
        for (std::size_t i = 0; i < n; ++i) {
            BOOST_TEST(r->payload.items[i].jid.local() == "c" + std::to_string(i));
            BOOST_REQUIRE(r->payload.items[i].groups.size() == 1u);
            BOOST_TEST(r->payload.items[i].groups[0] == "G" + std::to_string(i));
        }
        auto any = p.parse<AnyIq>(result_with(items));
        BOOST_REQUIRE(any);
        BOOST_REQUIRE(any->payload.is_roster());
        BOOST_TEST(any->payload.roster()->items.size() == n);
    }
}

// RFC 6121 §2.6: 'ver' absent, empty (a client without a cached roster) or a version.
BOOST_AUTO_TEST_CASE(ver_present_empty_absent) {
    Parser p;
    auto absent = p.parse<Iq<Get, RosterGet>>("<iq type='get' id='g'><query xmlns='jabber:iq:roster'/></iq>");
    BOOST_REQUIRE(absent);
    BOOST_TEST(!absent->payload.ver.has_value());
    auto empty = p.parse<Iq<Get, RosterGet>>("<iq type='get' id='g'><query xmlns='jabber:iq:roster' ver=''/></iq>");
    BOOST_REQUIRE(empty);
    BOOST_REQUIRE(empty->payload.ver.has_value());
    BOOST_TEST(*empty->payload.ver == "");
    BOOST_TEST(xml_of(*empty) == "<iq type='get' id='g'><query xmlns='jabber:iq:roster' ver=''/></iq>");
    auto present = p.parse<Iq<Result, RosterQuery>>(result_with("", " ver='ver14'"));
    BOOST_REQUIRE(present);
    BOOST_REQUIRE(present->payload.ver.has_value());
    BOOST_TEST(*present->payload.ver == "ver14");
    BOOST_TEST(present->payload.items.empty());
    auto push = p.parse<Iq<Set, RosterSet>>(
        "<iq type='set' id='p'><query xmlns='jabber:iq:roster' ver=''><item jid='a@b.c'/></query></iq>");
    BOOST_REQUIRE(push);
    BOOST_REQUIRE(push->payload.ver.has_value());
    BOOST_TEST(push->payload.ver->empty());
    // The three states stay apart through AnyIq and the serializer.
    auto any_empty = p.parse<AnyIq>(result_with("", " ver=''"));
    BOOST_REQUIRE(any_empty);
    BOOST_TEST(any_empty->payload.roster()->ver.has_value());
    BOOST_TEST(xml_of(*any_empty) == "<iq type='result' id='r'><query xmlns='jabber:iq:roster' ver=''/></iq>");
    auto any_absent = p.parse<AnyIq>(result_with(""));
    BOOST_REQUIRE(any_absent);
    BOOST_TEST(!any_absent->payload.roster()->ver.has_value());
    BOOST_TEST(xml_of(*any_absent) == "<iq type='result' id='r'><query xmlns='jabber:iq:roster'/></iq>");
}

// RFC 6121 §2.1.3: roster get.
BOOST_AUTO_TEST_CASE(rfc6121_roster_get) {
    const char* xml = R"(<iq from='juliet@example.com/balcony'
       id='bv1bs71f'
       type='get'>
    <query xmlns='jabber:iq:roster'/>
  </iq>)";
    Parser p;
    auto r = p.parse<Iq<Get, RosterGet>>(xml);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->id == "bv1bs71f");
    BOOST_TEST(r->from->to_string() == "juliet@example.com/balcony");
    BOOST_TEST(!r->to.has_value());
    BOOST_TEST(!r->payload.ver.has_value());
    BOOST_TEST(xml_of(*r) == "<iq type='get' id='bv1bs71f' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'/></iq>");
}

// RFC 6121 §2.1.4: roster result (the RFC's three-contact roster, version ver11).
BOOST_AUTO_TEST_CASE(rfc6121_roster_result) {
    const char* xml = R"(<iq id='bv1bs71f'
       to='juliet@example.com/chamber'
       type='result'>
    <query xmlns='jabber:iq:roster' ver='ver11'>
      <item jid='romeo@example.net'
            name='Romeo'
            subscription='both'>
        <group>Friends</group>
      </item>
      <item jid='mercutio@example.com'
            name='Mercutio'
            subscription='from'/>
      <item jid='benvolio@example.net'
            name='Benvolio'
            subscription='both'/>
    </query>
  </iq>)";
    Parser p;
    auto r = p.parse<Iq<Result, RosterQuery>>(xml);
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->id == "bv1bs71f");
    BOOST_TEST(r->to->to_string() == "juliet@example.com/chamber");
    BOOST_TEST(*r->payload.ver == "ver11");
    const auto& items = r->payload.items;
    BOOST_REQUIRE(items.size() == 3u);
    BOOST_TEST(items[0].jid.to_string() == "romeo@example.net");
    BOOST_TEST(*items[0].name == "Romeo");
    BOOST_TEST((items[0].subscription == Subscription::both));
    BOOST_REQUIRE(items[0].groups.size() == 1u);
    BOOST_TEST(items[0].groups[0] == "Friends");
    BOOST_TEST(*items[1].name == "Mercutio");
    BOOST_TEST((items[1].subscription == Subscription::from));
    BOOST_TEST(items[1].groups.empty());
    BOOST_TEST(items[2].jid.local() == "benvolio");
    BOOST_TEST(xml_of(*r) ==
               "<iq type='result' id='bv1bs71f' to='juliet@example.com/chamber'><query xmlns='jabber:iq:roster' ver='ver11'>"
               "<item jid='romeo@example.net' name='Romeo' subscription='both'><group>Friends</group></item>"
               "<item jid='mercutio@example.com' name='Mercutio' subscription='from'/>"
               "<item jid='benvolio@example.net' name='Benvolio' subscription='both'/></query></iq>");

    // RFC 6121 §2.1.4: an empty roster is an empty query.
    auto empty = p.parse<Iq<Result, RosterQuery>>(R"(<iq id='bv1bs71f'
       to='juliet@example.com/chamber'
       type='result'>
    <query xmlns='jabber:iq:roster'/>
  </iq>)");
    BOOST_REQUIRE(empty);
    BOOST_TEST(empty->payload.items.empty());
    BOOST_TEST(!empty->payload.ver.has_value());
}

// RFC 6121 §2.1.5 roster set, §2.1.6 roster push and its empty result, §2.3.1 adding an
// item with a group, §2.4.1 updating with two groups.
BOOST_AUTO_TEST_CASE(rfc6121_roster_set_and_push) {
    Parser p;
    auto set = p.parse<Iq<Set, RosterSet>>(R"(<iq from='juliet@example.com/balcony'
       id='rs1'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='nurse@example.com'/>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(set, set.error().message());
    BOOST_TEST(set->payload.item.jid.to_string() == "nurse@example.com");
    BOOST_TEST(!set->payload.item.name.has_value());
    BOOST_TEST(xml_of(*set) ==
               "<iq type='set' id='rs1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'>"
               "<item jid='nurse@example.com'/></query></iq>");

    auto push = p.parse<Iq<Set, RosterSet>>(R"(<iq id='a78b4q6ha463'
       to='juliet@example.com/chamber'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='nurse@example.com'/>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(push, push.error().message());
    BOOST_TEST(push->to->resource() == "chamber");
    auto ack = p.parse<Iq<Result>>(R"(<iq from='juliet@example.com/balcony'
       id='a78b4q6ha463'
       type='result'/>)");
    BOOST_REQUIRE_MESSAGE(ack, ack.error().message());
    BOOST_TEST(ack->id == "a78b4q6ha463");

    auto add = p.parse<Iq<Set, RosterSet>>(R"(<iq from='juliet@example.com/balcony'
       id='ph1xaz53'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='nurse@example.com'
            name='Nurse'>
        <group>Servants</group>
      </item>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(add, add.error().message());
    BOOST_TEST(*add->payload.item.name == "Nurse");
    BOOST_REQUIRE(add->payload.item.groups.size() == 1u);
    BOOST_TEST(add->payload.item.groups[0] == "Servants");

    auto update = p.parse<Iq<Set, RosterSet>>(R"(<iq from='juliet@example.com/balcony'
       id='di43b2x9'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='romeo@example.net'
            name='Romeo'>
        <group>Friends</group>
        <group>Lovers</group>
      </item>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(update, update.error().message());
    BOOST_REQUIRE(update->payload.item.groups.size() == 2u);
    BOOST_TEST(update->payload.item.groups[1] == "Lovers");
    BOOST_TEST(xml_of(*update) ==
               "<iq type='set' id='di43b2x9' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'>"
               "<item jid='romeo@example.net' name='Romeo'><group>Friends</group><group>Lovers</group></item></query></iq>");

    // RFC 6121 §3.1.2: the push that records an outbound request (ask, subscription none).
    auto pending = p.parse<Iq<Set, RosterSet>>(R"(<iq id='b89c5r7ib574'
       to='romeo@example.net/foo'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item ask='subscribe'
            jid='juliet@example.com'
            subscription='none'/>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(pending, pending.error().message());
    BOOST_TEST(pending->payload.item.ask);
    BOOST_TEST(xml_of(*pending, role::server) ==  // a push: a server's (RFC 6121 §2.1.2.2)
               "<iq type='set' id='b89c5r7ib574' to='romeo@example.net/foo'><query xmlns='jabber:iq:roster'>"
               "<item jid='juliet@example.com' ask='subscribe'/></query></iq>");
}

// RFC 6121 §2.5.1: deleting an item; §2.5.2: the server's push of the removal.
BOOST_AUTO_TEST_CASE(rfc6121_roster_remove) {
    Parser p;
    auto remove = p.parse<Iq<Set, RosterSet>>(R"(<iq from='juliet@example.com/balcony'
       id='hm4hs97y'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='nurse@example.com'
            subscription='remove'/>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(remove, remove.error().message());
    BOOST_TEST((remove->payload.item.subscription == Subscription::remove));
    BOOST_TEST(xml_of(*remove) ==
               "<iq type='set' id='hm4hs97y' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'>"
               "<item jid='nurse@example.com' subscription='remove'/></query></iq>");
    auto push = p.parse<AnyIq>(R"(<iq id='zu2y3f571'
       to='juliet@example.com/balcony'
       type='set'>
    <query xmlns='jabber:iq:roster'>
      <item jid='nurse@example.com'
            subscription='remove'/>
    </query>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(push, push.error().message());
    BOOST_TEST((push->type == IqType::set));
    BOOST_TEST((push->payload.roster()->items[0].subscription == Subscription::remove));
}

// RFC 6121 §2.6.2: a roster get with the client's cached version.
BOOST_AUTO_TEST_CASE(rfc6121_versioned_get) {
    Parser p;
    auto r = p.parse<Iq<Get, RosterGet>>(R"(<iq from='romeo@example.net/home'
       id='r1h3vzp7'
       to='romeo@example.net'
       type='get'>
    <query xmlns='jabber:iq:roster' ver='ver14'/>
  </iq>)");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(*r->payload.ver == "ver14");
    BOOST_TEST(xml_of(*r) == "<iq type='get' id='r1h3vzp7' from='romeo@example.net/home' to='romeo@example.net'>"
                             "<query xmlns='jabber:iq:roster' ver='ver14'/></iq>");
}

// The typed targets accept exactly their IQ type and payload.
BOOST_AUTO_TEST_CASE(typed_targets) {
    std::string get = "<iq type='get' id='g'><query xmlns='jabber:iq:roster'/></iq>";
    std::string set = set_with("<item jid='a@b.c'/>");
    std::string result = result_with("<item jid='a@b.c'/>");
    Parser p;
    BOOST_TEST(bool(p.parse<Iq<Get, RosterGet>>(get)));
    BOOST_TEST(bool(p.parse<Iq<Set, RosterSet>>(set)));
    BOOST_TEST(bool(p.parse<Iq<Result, RosterQuery>>(result)));
    expect_error<Iq<Get, RosterGet>>(set, errc::type_mismatch, 0, "expected a get IQ, found set");
    expect_error<Iq<Set, RosterSet>>(result, errc::type_mismatch, 0, "expected a set IQ, found result");
    expect_error<Iq<Result, RosterQuery>>(get, errc::type_mismatch, 0, "expected a result IQ, found get");
    std::string version = "<iq type='result' id='v'><query xmlns='jabber:iq:version'/></iq>";
    expect_error<Iq<Result, RosterQuery>>(version, errc::payload_mismatch, at("<query"),
                                          "expected <query xmlns='jabber:iq:roster'>, found <query xmlns='jabber:iq:version'>");
    std::string item = "<iq type='get' id='g'><item xmlns='jabber:iq:roster' jid='a@b.c'/></iq>";
    expect_error<Iq<Get, RosterGet>>(item, errc::payload_mismatch, at("<item"), "found <item xmlns='jabber:iq:roster'>");
    // A roster query that is not <query> is an opaque payload to AnyIq.
    auto any = p.parse<AnyIq>(item);
    BOOST_REQUIRE(any);
    BOOST_TEST(any->payload.is_opaque());

    // Parser::cast gives the same typed values as a typed parse.
    auto any_result = p.parse<AnyIq>(result);
    BOOST_REQUIRE(any_result);
    auto cast = p.cast<Iq<Result, RosterQuery>>(*any_result);
    BOOST_REQUIRE(cast);
    BOOST_TEST(cast->payload.items[0].jid.to_string() == "a@b.c");
    BOOST_TEST((p.cast<Iq<Set, RosterSet>>(*any_result).error().code() == errc::type_mismatch));
    auto any_set = p.parse<AnyIq>(set);
    BOOST_REQUIRE(any_set);
    BOOST_TEST(bool(p.cast<Iq<Set, RosterSet>>(*any_set)));
    BOOST_TEST(bool(p.cast<Iq<Set, AnyPayload>>(*any_set)));
}

// Building and writing: exact canonical bytes.
BOOST_AUTO_TEST_CASE(serialize_roster_types) {
    Iq<Get, RosterGet> get("g1", RosterGet{});
    BOOST_TEST(xml_of(get) == "<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>");
    get.payload.ver = std::string_view("");
    BOOST_TEST(xml_of(get) == "<iq type='get' id='g1'><query xmlns='jabber:iq:roster' ver=''/></iq>");

    const std::string_view groups[] = {"Friends", "Lovers"};
    RosterItem romeo;
    romeo.jid = jid("romeo@example.net");
    romeo.name = std::string_view("Romeo");
    romeo.subscription = Subscription::none;  // the default: not written
    romeo.ask = true;
    romeo.approved = false;                    // not written
    romeo.groups = groups;
    // A server's roster push (a client's own set carries no 'ask', RFC 6121 §2.1.2.2).
    Iq<Set, RosterSet> set("s1", RosterSet{romeo});
    std::string push;
    BOOST_TEST(!serialize(set, push, role::server));
    BOOST_TEST(push == "<iq type='set' id='s1'><query xmlns='jabber:iq:roster'><item jid='romeo@example.net' "
                       "name='Romeo' ask='subscribe'><group>Friends</group><group>Lovers</group></item></query></iq>");

    RosterItem nurse;
    nurse.jid = jid("nurse@example.com");
    nurse.subscription = Subscription::both;
    nurse.approved = true;                     // written only when true
    const RosterItem items[] = {romeo, nurse};
    Iq<Result, RosterQuery> result("r1", RosterQuery{std::string_view("ver7"), items});
    result.to = jid("juliet@example.com/chamber");
    std::string xml = xml_of(result);
    BOOST_TEST(xml == "<iq type='result' id='r1' to='juliet@example.com/chamber'><query xmlns='jabber:iq:roster' ver='ver7'>"
                      "<item jid='romeo@example.net' name='Romeo' ask='subscribe'><group>Friends</group><group>Lovers</group>"
                      "</item><item jid='nurse@example.com' subscription='both' approved='true'/></query></iq>");
    Parser p;
    auto back = p.parse<Iq<Result, RosterQuery>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == result));

    RosterItem gone;
    gone.jid = jid("nurse@example.com");
    gone.subscription = Subscription::remove;
    Iq<Set, RosterSet> remove("s2", RosterSet{gone, std::string_view("ver8")});
    BOOST_TEST(xml_of(remove) == "<iq type='set' id='s2'><query xmlns='jabber:iq:roster' ver='ver8'>"
                                 "<item jid='nurse@example.com' subscription='remove'/></query></iq>");
    // The empty acknowledgement of a set.
    BOOST_TEST(xml_of(make_result(remove)) == "<iq type='result' id='s2'/>");
}

// The serializer enforces what the parser enforces, so that whatever it writes parses.
BOOST_AUTO_TEST_CASE(serializer_refusals) {
    RosterItem removed;
    removed.jid = jid("a@b.c");
    removed.subscription = Subscription::remove;
    const RosterItem one_removed[] = {removed};
    expect_refused(Iq<Result, RosterQuery>("r", RosterQuery{std::nullopt, one_removed}), "subscription 'remove' appears only in a roster set");

    RosterItem item;
    item.jid = jid("a@b.c");
    const std::string_view empty_group[] = {"G", ""};
    item.groups = empty_group;
    expect_refused(Iq<Set, RosterSet>("s", RosterSet{item}), "empty group name");
    const std::string_view dup_group[] = {"G", "H", "G"};
    item.groups = dup_group;
    expect_refused(Iq<Set, RosterSet>("s", RosterSet{item}), "duplicate group 'G'");
    std::string_view nine_dup[10];
    const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "e"};
    for (int i = 0; i < 10; ++i) nine_dup[i] = names[i];
    item.groups = nine_dup;
    expect_refused(Iq<Set, RosterSet>("s", RosterSet{item}), "duplicate group 'e'");

    RosterItem plain;
    plain.jid = jid("a@b.c");
    RosterItem no_jid;  // default: empty JID
    const RosterItem with_empty_jid[] = {no_jid};
    expect_refused(Iq<Result, RosterQuery>("r", RosterQuery{std::nullopt, with_empty_jid}), "'jid' is an empty JID");

    const RosterItem one[] = {plain};
    const RosterItem two[] = {plain, plain};
    AnyIq any;
    any.id = "x";
    any.type = IqType::get;
    any.payload = RosterQuery{std::nullopt, one};
    expect_refused(any, "a roster get carries no <item/>");
    any.type = IqType::set;
    any.payload = RosterQuery{};
    expect_refused(any, "a roster set carries exactly one <item/>");
    any.payload = RosterQuery{std::nullopt, two};
    expect_refused(any, "a roster set carries exactly one <item/>");
    any.payload = RosterQuery{std::nullopt, one};
    BOOST_TEST(xml_of(any) == "<iq type='set' id='x'><query xmlns='jabber:iq:roster'><item jid='a@b.c'/></query></iq>");
    // A result may carry any number, but no 'remove'.
    any.type = IqType::result;
    any.payload = RosterQuery{std::nullopt, two};
    BOOST_TEST(xml_of(any) == "<iq type='result' id='x'><query xmlns='jabber:iq:roster'><item jid='a@b.c'/>"
                              "<item jid='a@b.c'/></query></iq>");
    any.payload = RosterQuery{std::nullopt, one_removed};
    expect_refused(any, "only in a roster set");
}

BOOST_AUTO_TEST_SUITE_END()
