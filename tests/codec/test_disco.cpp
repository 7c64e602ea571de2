// Service Discovery (XEP-0030) through the extension point: the XEP's own examples as
// known-good vectors (typed parse, canonical output, round trip), every rule of
// codec/disco.hpp refused on reading and on writing, and the Parser's storage reused.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"

using namespace xstanza;
using namespace test_helpers;

static_assert(is_payload_v<DiscoInfoQuery> && is_payload_v<DiscoItemsQuery>);
static_assert(is_reply_v<DiscoInfoQuery, DiscoInfoQuery> && !is_reply_v<DiscoInfoQuery, void>);
static_assert(is_reply_v<DiscoItemsQuery, DiscoItemsQuery> && !is_reply_v<DiscoItemsQuery, DiscoInfoQuery>);

namespace {

std::string info_result(std::string_view children, std::string_view query_attrs = {}) {
    return "<iq type='result' id='r'><query xmlns='http://jabber.org/protocol/disco#info'" + std::string(query_attrs) + ">" +
           std::string(children) + "</query></iq>";
}
std::string items_result(std::string_view children) {
    return "<iq type='result' id='r'><query xmlns='http://jabber.org/protocol/disco#items'>" + std::string(children) +
           "</query></iq>";
}
constexpr std::string_view disco_feature = "<feature var='http://jabber.org/protocol/disco#info'/>";

// Serializing `iq` fails with `code` and a message containing `part`.
template <class T>
void expect_write_error(const T& iq, errc code, std::string_view part) {
    std::string out = "kept";
    codec_error e = serialize(iq, out);
    BOOST_TEST_CONTEXT(e.message()) {
        BOOST_TEST(to_string(e.code()) == to_string(code));
        BOOST_TEST(e.message().find(part) != std::string_view::npos);
        BOOST_TEST(out == "kept");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disco)

// XEP-0030 Examples 1 and 2: the request and the filled answer.
BOOST_AUTO_TEST_CASE(info_xep_examples_1_2) {
    Parser p;
    auto get = p.parse<Iq<Get, DiscoInfoQuery>>(
        "<iq type='get'\n    from='romeo@montague.net/orchard'\n    to='plays.shakespeare.lit'\n    id='info1'>\n"
        "  <query xmlns='http://jabber.org/protocol/disco#info'/>\n</iq>");
    BOOST_REQUIRE_MESSAGE(get, get.error().message());
    BOOST_TEST(!get->payload.node.has_value());
    BOOST_TEST(get->payload.identities.empty());
    BOOST_TEST(get->payload.features.empty());

    const DiscoIdentity ids[] = {{"conference", "text", std::string_view("Play-Specific Chatrooms")},
                                 {"directory", "chatroom", std::string_view("Play-Specific Chatrooms")}};
    const std::string_view features[] = {"http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                                         "http://jabber.org/protocol/muc", "jabber:iq:register", "jabber:iq:search",
                                         "jabber:iq:time", "jabber:iq:version"};
    auto answer = make_result(*get, DiscoInfoQuery{std::nullopt, ids, features});
    std::string xml;
    BOOST_TEST(!serialize(answer, xml));
    const std::string canonical =
        "<iq type='result' id='info1' from='plays.shakespeare.lit' to='romeo@montague.net/orchard'>"
        "<query xmlns='http://jabber.org/protocol/disco#info'>"
        "<identity category='conference' type='text' name='Play-Specific Chatrooms'/>"
        "<identity category='directory' type='chatroom' name='Play-Specific Chatrooms'/>"
        "<feature var='http://jabber.org/protocol/disco#info'/><feature var='http://jabber.org/protocol/disco#items'/>"
        "<feature var='http://jabber.org/protocol/muc'/><feature var='jabber:iq:register'/>"
        "<feature var='jabber:iq:search'/><feature var='jabber:iq:time'/><feature var='jabber:iq:version'/>"
        "</query></iq>";
    BOOST_TEST(xml == canonical);

    // The XEP's own text of Example 2, laid out over lines.
    Parser p2;  // a second Parser: `get` and `answer` keep p's views
    auto r = p2.parse<Iq<Result, DiscoInfoQuery>>(
        "<iq type='result'\n    from='plays.shakespeare.lit'\n    to='romeo@montague.net/orchard'\n    id='info1'>\n"
        "  <query xmlns='http://jabber.org/protocol/disco#info'>\n"
        "    <identity\n        category='conference'\n        type='text'\n        name='Play-Specific Chatrooms'/>\n"
        "    <identity\n        category='directory'\n        type='chatroom'\n        name='Play-Specific Chatrooms'/>\n"
        "    <feature var='http://jabber.org/protocol/disco#info'/>\n"
        "    <feature var='http://jabber.org/protocol/disco#items'/>\n"
        "    <feature var='http://jabber.org/protocol/muc'/>\n"
        "    <feature var='jabber:iq:register'/>\n    <feature var='jabber:iq:search'/>\n"
        "    <feature var='jabber:iq:time'/>\n    <feature var='jabber:iq:version'/>\n  </query>\n</iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST((r->payload == answer.payload));
    BOOST_TEST(r->payload.identities.size() == 2u);
    BOOST_TEST(r->payload.features.size() == 7u);
    BOOST_TEST(*r->payload.identities[1].name == "Play-Specific Chatrooms");

    // Round trip of the canonical form.
    Parser p3;
    auto back = p3.parse<Iq<Result, DiscoInfoQuery>>(canonical);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == answer));
}

// XEP-0030 Examples 8 and 9 (§3.2): a node, mirrored by the result.
BOOST_AUTO_TEST_CASE(info_node_xep_examples_8_9) {
    Parser p;
    auto get = p.parse<Iq<Get, DiscoInfoQuery>>(
        "<iq type='get' from='romeo@montague.net/orchard' to='mim.shakespeare.lit' id='info3'>"
        "<query xmlns='http://jabber.org/protocol/disco#info' node='http://jabber.org/protocol/commands'/></iq>");
    BOOST_REQUIRE_MESSAGE(get, get.error().message());
    BOOST_TEST(*get->payload.node == "http://jabber.org/protocol/commands");
    const DiscoIdentity id[] = {{"automation", "command-list"}};
    const std::string_view feature[] = {"http://jabber.org/protocol/disco#info"};
    auto answer = make_result(*get, DiscoInfoQuery{get->payload.node, id, feature});
    std::string xml;
    BOOST_TEST(!serialize(answer, xml));
    BOOST_TEST(xml == "<iq type='result' id='info3' from='mim.shakespeare.lit' to='romeo@montague.net/orchard'>"
                      "<query xmlns='http://jabber.org/protocol/disco#info' node='http://jabber.org/protocol/commands'>"
                      "<identity category='automation' type='command-list'/>"
                      "<feature var='http://jabber.org/protocol/disco#info'/></query></iq>");
    Parser p2;  // a second Parser: `answer` keeps p's views
    auto back = p2.parse<Iq<Result, DiscoInfoQuery>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == answer));
}

// XEP-0115 §5.3's disco#info result: identities in two languages (same category and type,
// different xml:lang: allowed), and a XEP-0128 form, skipped.
BOOST_AUTO_TEST_CASE(info_languages_and_skipped_form) {
    Parser p;
    auto r = p.parse<Iq<Result, DiscoInfoQuery>>(
        "<iq from='benvolio@capulet.lit/230193' id='disco1' to='juliet@capulet.lit/chamber' type='result'>"
        "<query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
        "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
        "<identity xml:lang='el' category='client' name='&#936; 0.11' type='pc'/>"
        "<feature var='http://jabber.org/protocol/caps'/><feature var='http://jabber.org/protocol/disco#info'/>"
        "<feature var='http://jabber.org/protocol/disco#items'/><feature var='http://jabber.org/protocol/muc'/>"
        "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'>"
        "<value>urn:xmpp:dataforms:softwareinfo</value></field><field var='os'><value>Mac</value></field></x>"
        "</query></iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->payload.identities.size() == 2u);
    BOOST_TEST(r->payload.identities[0].lang == "en");
    BOOST_TEST(r->payload.identities[1].lang == "el");
    BOOST_TEST(*r->payload.identities[1].name == "\xCE\xA8 0.11");
    BOOST_TEST(r->payload.features.size() == 4u);
    std::string xml;
    BOOST_TEST(!serialize(*r, xml));
    BOOST_TEST(xml.find("<identity category='client' type='pc' name='Psi 0.11' xml:lang='en'/>") != std::string::npos, xml);
    BOOST_TEST(xml.find("jabber:x:data") == std::string::npos, xml);  // not modelled: not written
}

// XEP-0030 Examples 16-18, 20-21 (§4.1, §4.2): items, the empty list, nodes.
BOOST_AUTO_TEST_CASE(items_xep_examples) {
    Parser p;
    auto get = p.parse<Iq<Get, DiscoItemsQuery>>(
        "<iq type='get' from='romeo@montague.net/orchard' to='shakespeare.lit' id='items1'>"
        "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
    BOOST_REQUIRE_MESSAGE(get, get.error().message());
    BOOST_TEST(get->payload.items.empty());

    Parser p2;  // a second Parser: `get` keeps p's views
    auto r = p2.parse<Iq<Result, DiscoItemsQuery>>(
        "<iq type='result'\n    from='shakespeare.lit'\n    to='romeo@montague.net/orchard'\n    id='items1'>\n"
        "  <query xmlns='http://jabber.org/protocol/disco#items'>\n"
        "    <item jid='people.shakespeare.lit'\n          name='Directory of Characters'/>\n"
        "    <item jid='plays.shakespeare.lit'\n          name='Play-Specific Chatrooms'/>\n"
        "    <item jid='mim.shakespeare.lit'\n          name='Gateway to Marlowe IM'/>\n"
        "    <item jid='words.shakespeare.lit'\n          name='Shakespearean Lexicon'/>\n"
        "    <item jid='globe.shakespeare.lit'\n          name='Calendar of Performances'/>\n"
        "    <item jid='headlines.shakespeare.lit'\n          name='Latest Shakespearean News'/>\n"
        "    <item jid='catalog.shakespeare.lit'\n          name='Buy Shakespeare Stuff!'/>\n"
        "    <item jid='en2fr.shakespeare.lit'\n          name='French Translation Service'/>\n"
        "  </query>\n</iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(r->payload.items.size() == 8u);
    BOOST_TEST(r->payload.items[7].jid.to_string() == "en2fr.shakespeare.lit");
    BOOST_TEST(*r->payload.items[7].name == "French Translation Service");

    // The empty result (§4.1: an entity with no items answers an empty query).
    auto none = make_result(*get, DiscoItemsQuery{});
    std::string xml;
    BOOST_TEST(!serialize(none, xml));
    BOOST_TEST(xml == "<iq type='result' id='items1' from='shakespeare.lit' to='romeo@montague.net/orchard'>"
                      "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
    BOOST_TEST((p2.parse<Iq<Result, DiscoItemsQuery>>(xml).has_value()));

    // §4.2, Example 21: nodes.
    const DiscoItem nodes[] = {
        {*Jid::parse("catalog.shakespeare.lit"), std::string_view("books"), std::string_view("Books by and about Shakespeare")},
        {*Jid::parse("catalog.shakespeare.lit"), std::string_view("clothing"),
         std::string_view("Wear your literary taste with pride")},
        {*Jid::parse("catalog.shakespeare.lit"), std::string_view("music"),
         std::string_view("Music from the time of Shakespeare")}};
    Iq<Result, DiscoItemsQuery> list("items2", DiscoItemsQuery{std::nullopt, nodes});
    list.from = *Jid::parse("catalog.shakespeare.lit");
    list.to = *Jid::parse("romeo@montague.net/orchard");
    xml.clear();
    BOOST_TEST(!serialize(list, xml));
    BOOST_TEST(xml == "<iq type='result' id='items2' from='catalog.shakespeare.lit' to='romeo@montague.net/orchard'>"
                      "<query xmlns='http://jabber.org/protocol/disco#items'>"
                      "<item jid='catalog.shakespeare.lit' node='books' name='Books by and about Shakespeare'/>"
                      "<item jid='catalog.shakespeare.lit' node='clothing' name='Wear your literary taste with pride'/>"
                      "<item jid='catalog.shakespeare.lit' node='music' name='Music from the time of Shakespeare'/>"
                      "</query></iq>");
    Parser p3;
    auto back = p3.parse<Iq<Result, DiscoItemsQuery>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == list));
}

// XEP-0030 Example 3: the error echoes the empty request.
BOOST_AUTO_TEST_CASE(info_error_echo) {
    Parser p;
    auto e = p.parse<Iq<Error, DiscoInfoQuery>>(
        "<iq type='error' from='plays.shakespeare.lit' to='romeo@montague.net/orchard' id='info1'>"
        "<query xmlns='http://jabber.org/protocol/disco#info'/><error type='cancel'>"
        "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE_MESSAGE(e, e.error().message());
    BOOST_TEST(e->payload.has_value());
}

// Runtime-typed: AnyIq keeps the query opaque, Parser::cast decodes it.
BOOST_AUTO_TEST_CASE(cast_from_any) {
    Parser p;
    const std::string xml = info_result("<identity category='client' type='pc'/>" + std::string(disco_feature));
    auto any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE(any);
    BOOST_TEST(any->payload.is_opaque());
    auto typed = p.cast<Iq<Result, DiscoInfoQuery>>(*any);
    BOOST_REQUIRE_MESSAGE(typed, typed.error().message());
    BOOST_TEST(typed->payload.identities[0].category == "client");
    // An owning copy keeps the lists.
    auto kept = make_owned(*typed);
    BOOST_REQUIRE(kept);
    BOOST_TEST(kept->xml() == xml);
}

// XEP-0030 §3.1: a get is an empty query; a result has at least one identity and one feature.
BOOST_AUTO_TEST_CASE(info_counts) {
    const std::string get_with_feature = "<iq type='get' id='g'><query xmlns='http://jabber.org/protocol/disco#info'>" +
                                         std::string(disco_feature) + "</query></iq>";
    expect_error<Iq<Get, DiscoInfoQuery>>(get_with_feature, errc::invalid_payload, at("<feature"),
                                          "a disco#info request is an empty <query/> (XEP-0030 §3.1)");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result(disco_feature), errc::invalid_payload, at("<query"),
                                             "at least one <identity/> (XEP-0030 §3.1)");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc'/>"), errc::invalid_payload,
                                             at("<query"), "at least one <feature/> (XEP-0030 §3.1)");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result(""), errc::invalid_payload, at("<query"), "<identity/>");

    // Writing: the same rules.
    Iq<Result, DiscoInfoQuery> empty("r", DiscoInfoQuery{});
    expect_write_error(empty, errc::invalid_data, "at least one <identity/> (XEP-0030 §3.1)");
    const std::string_view feature[] = {"http://jabber.org/protocol/disco#info"};
    const DiscoIdentity id[] = {{"client", "pc"}};
    Iq<Get, DiscoInfoQuery> full_get("g", DiscoInfoQuery{std::nullopt, id, feature});
    expect_write_error(full_get, errc::invalid_data, "a disco#info request is an empty <query/>");
}

// XEP-0030 §3.1: every identity has category and type; every feature a var and no children;
// only <identity/> and <feature/> in the namespace.
BOOST_AUTO_TEST_CASE(info_required_attributes) {
    const std::string f(disco_feature);
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity type='pc'/>" + f), errc::invalid_payload, at("<identity"),
                                             "without 'category' (XEP-0030 §3.1: every identity has category and type)");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client'/>" + f), errc::invalid_payload,
                                             at("<identity"), "without 'type'");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc'/><feature/>"),
                                             errc::invalid_payload, at("<feature"), "without 'var' (XEP-0030 §3.1)");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc'/><feature var='a'>x</feature>"),
                                             errc::invalid_payload, at("<feature"), "no children (XEP-0030 §3.1)");
    expect_error<Iq<Result, DiscoInfoQuery>>(
        info_result("<identity category='client' type='pc'/><feature var='a'><x xmlns='urn:x'/></feature>"),
        errc::invalid_payload, at("<feature"), "no children");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc'/>" + f + "<item jid='a'/>"),
                                             errc::invalid_payload, at("<item"), "unexpected <item/> in a disco#info query");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc' xml:lang='1 2'/>" + f),
                                             errc::invalid_lang, value_at("xml:lang='"), "RFC 6120 §8.1.5");
    // §4.2: a node is never null.
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='client' type='pc'/>" + f, " node=''"),
                                             errc::invalid_payload, value_at("node='"), "XEP-0030 §4.2");

    // Writing.
    const std::string_view feature[] = {"urn:a"};
    const DiscoIdentity no_type[] = {{"client", ""}};
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, no_type, feature}), errc::invalid_data,
                       "every identity has category and type");
    const DiscoIdentity id[] = {{"client", "pc"}};
    const std::string_view empty_var[] = {""};
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, id, empty_var}), errc::invalid_data,
                       "without 'var'");
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::string_view(), id, feature}), errc::invalid_data,
                       "XEP-0030 §4.2");
    const DiscoIdentity bad_lang[] = {{"client", "pc", std::nullopt, "e n"}};
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, bad_lang, feature}), errc::invalid_data,
                       "RFC 6120 §8.1.5");
}

// XEP-0030 §3.1 (same category+type+xml:lang with different names) and XEP-0115 §5.4 (the same
// identity or feature twice): refused, at the repeat, on both sides, whatever the list's size.
BOOST_AUTO_TEST_CASE(info_duplicates) {
    const std::string f(disco_feature);
    const std::string pc = "<identity category='client' type='pc' name='A'/>";
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result(pc + "<identity category='client' type='pc' name='B'/>" + f),
                                             errc::invalid_payload, at("<identity category='client' type='pc' name='B'"),
                                             "XEP-0030 §3.1");
    expect_error<Iq<Result, DiscoInfoQuery>>(info_result(pc + pc + f), errc::invalid_payload,
                                             info_result(pc).size() - std::string("</query></iq>").size(), "XEP-0115 §5.4");
    // Same category and type in another language: allowed.
    BOOST_TEST((Parser().parse<Iq<Result, DiscoInfoQuery>>(
                    info_result(pc + "<identity category='client' type='pc' name='B' xml:lang='fr'/>" + f))
                    .has_value()));
    const std::string feature_twice = info_result(pc + f + "<feature var='urn:a'/>" + f);
    expect_error<Iq<Result, DiscoInfoQuery>>(feature_twice, errc::invalid_payload, feature_twice.rfind("<feature"),
                                             "a duplicate <feature/> (XEP-0115 §5.4");
    // Beyond eight, the sorted path: the first repeat in document order is named.
    std::string many = pc;
    for (int i = 0; i < 40; ++i) many += "<feature var='urn:f" + std::to_string(i) + "'/>";
    const std::string repeat = "<feature var='urn:f7'/>";
    std::string with_repeat = info_result(many + repeat + "<feature var='urn:f3'/>");
    expect_error<Iq<Result, DiscoInfoQuery>>(with_repeat, errc::invalid_payload, with_repeat.find(repeat, with_repeat.find("urn:f39")),
                                             "'urn:f7'");
    BOOST_TEST((Parser().parse<Iq<Result, DiscoInfoQuery>>(info_result(many)).has_value()));
    std::string ids;
    for (int i = 0; i < 12; ++i) ids += "<identity category='c' type='t" + std::to_string(i) + "'/>";
    std::string id_repeat = info_result(ids + "<identity category='c' type='t5'/>" + f);
    expect_error<Iq<Result, DiscoInfoQuery>>(id_repeat, errc::invalid_payload, id_repeat.rfind("<identity"), "XEP-0115 §5.4");

    // Writing.
    const std::string_view twice[] = {"urn:a", "urn:b", "urn:a"};
    const DiscoIdentity id[] = {{"client", "pc"}};
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, id, twice}), errc::invalid_data,
                       "a duplicate <feature/> (XEP-0115 §5.4");
    const DiscoIdentity names[] = {{"client", "pc", std::string_view("A")}, {"client", "pc", std::string_view("B")}};
    const std::string_view feature[] = {"urn:a"};
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, names, feature}), errc::invalid_data,
                       "XEP-0030 §3.1");
    std::vector<std::string> vars;
    for (int i = 0; i < 30; ++i) vars.push_back("urn:f" + std::to_string(i % 20));
    std::vector<std::string_view> views(vars.begin(), vars.end());
    expect_write_error(Iq<Result, DiscoInfoQuery>("r", DiscoInfoQuery{std::nullopt, id, views}), errc::invalid_data, "'urn:f0'");
}

// XEP-0030 §4.1: a get is an empty query; every item has a valid 'jid' and no character data.
BOOST_AUTO_TEST_CASE(items_rules) {
    expect_error<Iq<Get, DiscoItemsQuery>>(
        "<iq type='get' id='g'><query xmlns='http://jabber.org/protocol/disco#items'><item jid='a.example'/></query></iq>",
        errc::invalid_payload, at("<item"), "a disco#items request is an empty <query/> (XEP-0030 §4.1)");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<item name='x'/>"), errc::invalid_payload, at("<item"),
                                              "without 'jid' (XEP-0030 §4.1)");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<item jid='a@b@c'/>"), errc::invalid_payload,
                                              value_at("jid='", 3), "XEP-0030 §4.1");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<item jid=''/>"), errc::invalid_payload, value_at("jid='"),
                                              "disco item 'jid'");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<item jid='a.example' node=''/>"), errc::invalid_payload,
                                              value_at("node='"), "XEP-0030 §4.2");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<item jid='a.example'>text</item>"), errc::invalid_payload,
                                              at("<item"), "no character data (XEP-0030 §4.1)");
    expect_error<Iq<Result, DiscoItemsQuery>>(items_result("<feature var='x'/>"), errc::invalid_payload, at("<feature"),
                                              "only <item/> is defined");
    // Data in another namespace inside an item is ignored (§4.1).
    auto ok = Parser().parse<Iq<Result, DiscoItemsQuery>>(items_result("<item jid='a.example'><x xmlns='urn:x'/></item>"));
    BOOST_TEST(ok.has_value());

    // Writing.
    const DiscoItem no_jid[] = {{Jid{}, std::nullopt, std::string_view("x")}};
    expect_write_error(Iq<Result, DiscoItemsQuery>("r", DiscoItemsQuery{std::nullopt, no_jid}), errc::invalid_data,
                       "without 'jid' (XEP-0030 §4.1)");
    const DiscoItem one[] = {{*Jid::parse("a.example")}};
    expect_write_error(Iq<Get, DiscoItemsQuery>("g", DiscoItemsQuery{std::nullopt, one}), errc::invalid_data,
                       "a disco#items request is an empty <query/>");
    const DiscoItem null_node[] = {{*Jid::parse("a.example"), std::string_view()}};
    expect_write_error(Iq<Result, DiscoItemsQuery>("r", DiscoItemsQuery{std::nullopt, null_node}), errc::invalid_data,
                       "XEP-0030 §4.2");
}

// Lists live in the Parser's storage: a second parse reuses it, and a failed parse leaves no
// entry behind for the next one.
BOOST_AUTO_TEST_CASE(storage_reused) {
    Parser p;
    const std::string f(disco_feature);
    auto big = p.parse<Iq<Result, DiscoInfoQuery>>(
        info_result("<identity category='a' type='b'/><identity category='a' type='c'/>" + f));
    BOOST_REQUIRE(big);
    BOOST_TEST(big->payload.identities.size() == 2u);
    BOOST_TEST(!(p.parse<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='x' type='y'/><identity type='z'/>" + f))));
    auto small = p.parse<Iq<Result, DiscoInfoQuery>>(info_result("<identity category='q' type='r'/>" + f));
    BOOST_REQUIRE(small);
    BOOST_TEST(small->payload.identities.size() == 1u);
    BOOST_TEST(small->payload.identities[0].category == "q");
    BOOST_TEST(small->payload.features.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
