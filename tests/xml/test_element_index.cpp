// Tests of the scanner's element index (include/xstanza/xml/dom.hpp, builder.hpp): the views
// it backs, its blocks reused from parse to parse, and the RapidXML tree built on request
// (include/xstanza/xml/rapidxml_tree.hpp).
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <rapidxml/rapidxml.hpp>
#include <rapidxml/rapidxml_print.hpp>

#include <xstanza/xstanza.hpp>

#include "../support/strings.hpp"

using xstanza::AnyIq;
using xstanza::element;
using xstanza::Parser;

BOOST_AUTO_TEST_SUITE(element_index)

namespace {

// Every element's qualified name, depth first, with its attributes and its text: what the
// index must give back through the views.
void describe(const element& e, std::string& out) {
    out += "<" + std::string(e.qname());
    for (const xstanza::attribute a : e.attributes()) out += " " + std::string(a.qname()) + "=" + std::string(a.value());
    out += ">" + std::string(e.text());
    for (const element c : e) describe(c, out);
    out += "</>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(views_follow_document_order) {
    Parser p;
    auto r = p.parse<AnyIq>(
        "<iq type='result' id='1'><x xmlns='urn:x' a='1' b='&amp;'><y>t&lt;</y><z/><y c='2'><w/></y></x></iq>");
    BOOST_TEST_REQUIRE(bool(r));
    auto v = p.view(*r->payload.opaque());
    BOOST_TEST_REQUIRE(v.has_value());
    std::string d;
    describe(*v, d);
    BOOST_TEST(d == "<x xmlns=urn:x a=1 b=&><y>t<</><z></><y c=2><w></></></>");
}

// The blocks are kept: many elements once, then fewer, then many again, each parse reads its own.
BOOST_AUTO_TEST_CASE(blocks_are_reused_across_parses) {
    Parser p;
    for (std::size_t n : {3000u, 5u, 700u, 4000u, 1u}) {
        std::string in = "<iq type='result' id='r'><x xmlns='urn:x'>";
        for (std::size_t i = 0; i < n; ++i) in += "<e i='" + std::to_string(i) + "' j='" + std::to_string(i * 2) + "'/>";
        in += "</x></iq>";
        auto r = p.parse<AnyIq>(in);
        BOOST_TEST_REQUIRE(bool(r));
        auto v = p.view(*r->payload.opaque());
        BOOST_TEST_REQUIRE(v.has_value());
        std::size_t i = 0;
        bool ok = true;
        for (const element c : *v) {
            ok = ok && c.attribute("i") == std::to_string(i) && c.attribute("j") == std::to_string(i * 2);
            ++i;
        }
        BOOST_TEST(ok);
        BOOST_TEST(i == n);
    }
}

// An element with more attributes than a block holds gets a block of its own.
BOOST_AUTO_TEST_CASE(more_attributes_than_a_block) {
    xstanza::parse_limits limits;
    limits.max_attributes = 2000;
    Parser p(limits);
    const std::string attrs = test_helpers::numbered_attributes(1500);
    auto r = p.parse<AnyIq>("<iq type='result' id='r'><x xmlns='urn:x' " + attrs + "/></iq>");
    BOOST_TEST_REQUIRE(bool(r), r.error().message());
    auto v = p.view(*r->payload.opaque());
    BOOST_TEST_REQUIRE(v.has_value());
    std::size_t n = 0;
    for (const xstanza::attribute a : v->attributes()) n += a.qname() != "xmlns";
    BOOST_TEST(n == 1500u);
}

BOOST_AUTO_TEST_CASE(rapidxml_tree_of_an_opaque_payload) {
    Parser p;
    auto r = p.parse<xstanza::AnyMessage>(
        "<message to='a@b'><x xmlns='urn:x' k='v&amp;w'><i n='1'>one &lt;1&gt;</i><i n='2'><deep><er/></deep></i></x>"
        "</message>");
    BOOST_TEST_REQUIRE(bool(r));
    BOOST_TEST_REQUIRE(r->extensions.size() == 1u);
    auto v = p.view(r->extensions[0]);
    BOOST_TEST_REQUIRE(v.has_value());
    rapidxml::xml_document<char> doc;
    rapidxml::xml_node<char>* x = xstanza::to_rapidxml(*v, doc);
    BOOST_TEST_REQUIRE(x != nullptr);
    doc.append_node(x);
    std::string printed;
    rapidxml::print(std::back_inserter(printed), doc, rapidxml::print_no_indenting);
    BOOST_TEST(printed ==
               "<x xmlns=\"urn:x\" k=\"v&amp;w\"><i n=\"1\">one &lt;1&gt;</i><i n=\"2\"><deep><er/></deep></i></x>");
    BOOST_TEST(std::string_view(x->first_node("i")->value(), x->first_node("i")->value_size()) == "one <1>");
}

// Deeper than any recursion would like: the bridge keeps its own stack.
BOOST_AUTO_TEST_CASE(rapidxml_tree_of_a_deep_element) {
    xstanza::parse_limits limits;
    limits.max_depth = 20000;
    Parser p(limits);
    limits.max_input_bytes = 1 << 20;
    p.set_limits(limits);
    auto r = p.parse<AnyIq>("<iq type='result' id='d'><x xmlns='urn:x'>" + test_helpers::nested(10000, "e") + "</x></iq>");
    BOOST_TEST_REQUIRE(bool(r), r.error().message());
    auto v = p.view(*r->payload.opaque());
    BOOST_TEST_REQUIRE(v.has_value());
    rapidxml::xml_document<char> doc;
    rapidxml::xml_node<char>* n = xstanza::to_rapidxml(*v, doc);
    std::size_t depth = 0;
    for (; n; n = n->first_node()) ++depth;
    BOOST_TEST(depth == 10001u);  // <x/> and its descendants
    BOOST_TEST(xstanza::to_rapidxml(element(), doc) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
