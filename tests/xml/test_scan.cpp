// Tests of the validating scanner (include/xstanza/xml/scan.hpp).
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xml/scan.hpp>

#include "../support/helpers.hpp"

using namespace std::string_literals;
using xstanza::errc;
using xstanza::parse_error;
using xstanza::parse_limits;
using xstanza::detail::scanner;
using test_helpers::nested;
using test_helpers::printable;
using test_helpers::repeat;

namespace {

constexpr std::size_t at_end = std::size_t(-1);  // the expected offset is the input's size

struct scan_case {
    std::string input;
    errc code;
    std::size_t offset;
    std::size_t max_depth = parse_limits{}.max_depth;
    std::size_t max_attributes = parse_limits{}.max_attributes;
};

std::ostream& operator<<(std::ostream& os, const scan_case& c) {
    return os << '"' << printable(c.input, 80) << "\" -> " << xstanza::to_string(c.code);
}

// Codes compare through their names, which Boost.Test can print.
std::string_view name(errc code) { return xstanza::to_string(code); }

// Scans a copy of s held in a buffer of exactly s.size() bytes, so that
// AddressSanitizer catches any read past the end.
parse_error scan_exact(scanner& sc, const std::string& s, const parse_limits& limits = {}) {
    std::vector<char> buf(s.begin(), s.end());
    return sc.scan(buf.data(), buf.size(), limits);
}

const std::string xml_ns = "http://www.w3.org/XML/1998/namespace";
const std::string xmlns_ns = "http://www.w3.org/2000/xmlns/";
const std::string billion_laughs =
    "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
    "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]><lolz>&lol2;</lolz>";

// Every rule of the scanner, valid and invalid. Offsets are of the offending byte.
const std::vector<scan_case> cases = {
    // --- valid documents
    {"<a/>", errc::ok, 0},
    {"<a></a>", errc::ok, 0},
    {" \t\r\n<a/> \t\r\n", errc::ok, 0},
    {"<iq type='get' id='1'><query xmlns='jabber:iq:roster'/></iq>", errc::ok, 0},
    {"<a b=\"1\" c='2'/>", errc::ok, 0},
    {"<a b = '1'\n c\t=\t\"x'y\" d='\"'/>", errc::ok, 0},
    {"<a >x</a >", errc::ok, 0},
    {"<a>text &lt; &gt; &amp; &quot; &apos; &#65; &#x41; &#x1F600; &#0000000000000065; &#x00000041;</a>", errc::ok, 0},
    {"<a>&#9;&#10;&#13;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;&#xaBc;</a>", errc::ok, 0},
    {"<a b='&lt;&#x3C;&amp;&quot;&apos;&gt;' c=\"&#65;\"/>", errc::ok, 0},
    {"<a b='>'>></a>", errc::ok, 0},
    {"<a>]] ]>]&gt;]]</a>", errc::ok, 0},
    {"<a>\t\r\n \x7F</a>", errc::ok, 0},
    {"<a b='\t\r\n'/>", errc::ok, 0},
    {"<p:a xmlns:p='urn:p'><p:b p:c='1'/></p:a>", errc::ok, 0},
    {"<a xml:lang='en'/>", errc::ok, 0},
    {"<a xmlns:xml='" + xml_ns + "' xml:lang='en'/>", errc::ok, 0},
    {"<a xmlns=''/>", errc::ok, 0},
    {"<a xmlns='urn:a'><b xmlns=''/></a>", errc::ok, 0},
    {"<a p:x='1' q:x='2' xmlns:p='urn:p' xmlns:q='urn:q'/>", errc::ok, 0},
    {"<a x='1' p:x='2' xmlns:p='urn:p'/>", errc::ok, 0},
    {"<a xmlns:p='urn:p'><b xmlns:p='urn:q'/><p:c/></a>", errc::ok, 0},
    {"<a xmlns:p='u' xmlns:q='u' p:x='1' q:y='2'/>", errc::ok, 0},
    {"<xmlns/>", errc::ok, 0},
    {"<a xmlns:xmlfoo='urn:x' xmlfoo:b='1'/>", errc::ok, 0},
    {"<a><![CDATA[<not> &markup; ]] ]>]]></a>", errc::ok, 0},
    {"<a><![CDATA[]]><![CDATA[\xC3\xA9]]></a>", errc::ok, 0},
    {"<caf\xC3\xA9 \xC3\xB1='\xC3\xBC'>\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80</caf\xC3\xA9>", errc::ok, 0},
    {"<\xE6\x97\xA5\xE6\x9C\xAC:\xE8\xAA\x9E xmlns:\xE6\x97\xA5\xE6\x9C\xAC='urn:j'/>", errc::ok, 0},
    {"<a\xC2\xB7\xCC\x80-.9_b/>", errc::ok, 0},  // U+00B7, U+0300 and '-.9' continue a name
    // an ASCII prefix with a local part that is, or goes on, non-ASCII (qname_general's fast path gives way)
    {"<p:\xC3\xA9 xmlns:p='u'/>", errc::ok, 0},
    {"<p:a\xC2\xB7" "b xmlns:p='u' p:c\xC2\xB7='1'/>", errc::ok, 0},
    {"<a>\xEF\xBF\xBD\xEE\x80\x80\xF4\x8F\xBF\xBD\xED\x9F\xBF</a>", errc::ok, 0},
    {"<_a.b-c/>", errc::ok, 0},
    {"<a><b><c/></b><b/></a>", errc::ok, 0},
    {"<a><b/></a>", errc::ok, 0, 2},        // depth exactly at the limit
    {"<a x='1' y='2'/>", errc::ok, 0, 128, 2},  // attributes exactly at the limit

    // --- input and encoding
    {"", errc::empty_input, at_end},
    {"   ", errc::empty_input, at_end},
    {" \t\r\n", errc::empty_input, at_end},
    {"\xEF\xBB\xBF<a/>", errc::byte_order_mark, 0},
    {"a", errc::malformed, 0},
    {"  x<a/>", errc::malformed, 2},
    {"\xC3\xA9<a/>", errc::malformed, 0},
    {"\xEF\xBB\xBF", errc::byte_order_mark, 0},
    {"\0<a/>"s, errc::nul_byte, 0},
    {"  \0"s, errc::nul_byte, 2},
    {"<a>\0</a>"s, errc::nul_byte, 3},
    {"<a b='\0'/>"s, errc::nul_byte, 6},
    {"<a\0/>"s, errc::nul_byte, 2},
    {"<a/>\0"s, errc::nul_byte, 4},
    {"<a><![CDATA[\0]]></a>"s, errc::nul_byte, 12},
    {"<a>\xC0\x80</a>", errc::invalid_utf8, 3},          // overlong NUL
    {"<a>\xC1\xBF</a>", errc::invalid_utf8, 3},
    {"<a>\xE0\x80\x80</a>", errc::invalid_utf8, 3},      // overlong, 3 bytes
    {"<a>\xF0\x80\x80\x80</a>", errc::invalid_utf8, 3},  // overlong, 4 bytes
    {"<a>\xED\xA0\x80</a>", errc::invalid_utf8, 3},      // surrogate U+D800
    {"<a>\xF4\x90\x80\x80</a>", errc::invalid_utf8, 3},  // U+110000
    {"<a>\xF5\x80\x80\x80</a>", errc::invalid_utf8, 3},
    {"<a>\xFF</a>", errc::invalid_utf8, 3},
    {"<a>\x80</a>", errc::invalid_utf8, 3},              // lone continuation byte
    {"<a>x\xC3</a>", errc::invalid_utf8, 4},             // missing continuation byte
    {"<a>\xE6\x97</a>", errc::invalid_utf8, 3},
    {"<a b='\xFF'/>", errc::invalid_utf8, 6},
    {"<a\xFF/>", errc::invalid_utf8, 2},
    {"<\xC3\xA9\xFF/>", errc::invalid_utf8, 3},
    {"<\xFF/>", errc::invalid_utf8, 1},
    {"<a><![CDATA[\xC0\x80]]></a>", errc::invalid_utf8, 12},
    {"<a/>\xFF", errc::invalid_utf8, 4},
    {"<a/>\xC3", errc::invalid_utf8, 4},                 // cut after the root: not an eof
    {"\xC3", errc::invalid_utf8, 0},
    {"<a>\x01</a>", errc::invalid_char, 3},
    {"<a>x\x1F</a>", errc::invalid_char, 4},
    {"<a>\x0B</a>", errc::invalid_char, 3},
    {"<a>\xEF\xBF\xBE</a>", errc::invalid_char, 3},      // U+FFFE
    {"<a>\xEF\xBF\xBF</a>", errc::invalid_char, 3},      // U+FFFF
    {"<a b='\x0C'/>", errc::invalid_char, 6},
    {"<a\x01/>", errc::invalid_char, 2},
    {"<a\xEF\xBF\xBE/>", errc::invalid_char, 2},
    {"<a><![CDATA[\x02]]></a>", errc::invalid_char, 12},
    {"\x01<a/>", errc::invalid_char, 0},

    // --- truncations
    {"<", errc::unexpected_eof, at_end},
    {"<a", errc::unexpected_eof, at_end},
    {"<a ", errc::unexpected_eof, at_end},
    {"<a b", errc::unexpected_eof, at_end},
    {"<a b=", errc::unexpected_eof, at_end},
    {"<a b='1", errc::unexpected_eof, at_end},
    {"<a b='1'", errc::unexpected_eof, at_end},
    {"<a/", errc::unexpected_eof, at_end},
    {"<a>", errc::unexpected_eof, at_end},
    {"<a>text", errc::unexpected_eof, at_end},
    {"<a></a", errc::unexpected_eof, at_end},
    {"<a><b/>", errc::unexpected_eof, at_end},
    {"<a>&amp", errc::unexpected_eof, at_end},
    {"<a>&#x1", errc::unexpected_eof, at_end},
    {"<a><![CDATA[x]]", errc::unexpected_eof, at_end},
    {"<a><![CDATA[x]]></a", errc::unexpected_eof, at_end},
    {"<a>\xC3", errc::unexpected_eof, at_end},
    {"<a>\xF0\x9F\x98", errc::unexpected_eof, at_end},
    {"<a><!-", errc::unexpected_eof, at_end},
    {"<a><!DOC", errc::unexpected_eof, at_end},

    // --- syntax
    {"<a b>", errc::malformed, 4},
    {"<a b c='1'/>", errc::malformed, 5},
    {"<a b=c>", errc::malformed, 5},
    {"<a b=/>", errc::malformed, 5},
    {"<a b='1'c='2'/>", errc::malformed, 8},
    {"<a b='1\"/>", errc::unexpected_eof, at_end},
    {"< a/>", errc::malformed, 1},
    {"<>", errc::malformed, 1},
    {"<a/ >", errc::malformed, 3},
    {"<a b='1'/x>", errc::malformed, 9},
    {"<a></a x>", errc::malformed, 7},
    {"<a><></a>", errc::malformed, 4},
    {"</a>", errc::malformed, 1},
    {"<a=b/>", errc::malformed, 2},
    {"<a b='1' $/>", errc::malformed, 9},
    {"<a b='1'=/>", errc::malformed, 8},
    {"<a b='<'/>", errc::malformed, 6},
    {"<a b=\"x<\"/>", errc::malformed, 7},
    {"<a>]]></a>", errc::malformed, 3},
    {"<a>x]]]></a>", errc::malformed, 5},
    {"<a><!x></a>", errc::malformed, 3},
    {"<a><![cdata[x]]></a>", errc::malformed, 3},
    {"<![CDATA[x]]><a/>", errc::malformed, 0},

    // --- names
    {"<1a/>", errc::invalid_name, 1},
    {"<-a/>", errc::invalid_name, 1},
    {"<.a/>", errc::invalid_name, 1},
    {"<\xCC\x80/>", errc::invalid_name, 1},          // U+0300 cannot start a name
    {"<:a/>", errc::invalid_name, 1},
    {"<a:/>", errc::invalid_name, 3},
    {"<a:b:c/>", errc::invalid_name, 4},
    {"<a::b/>", errc::invalid_name, 3},
    {"<a:1/>", errc::invalid_name, 3},
    {"<p:a\xC3\x97 xmlns:p='u'/>", errc::invalid_name, 4},  // U+00D7 after an ASCII local part
    {"<a p:b:c='1' xmlns:p='u'/>", errc::invalid_name, 6},
    {"<a$/>", errc::invalid_name, 2},
    {"<a\xC3\x97/>", errc::invalid_name, 2},         // U+00D7 is no NameChar
    {"<a b$='1'/>", errc::invalid_name, 4},
    {"<a 1b='1'/>", errc::invalid_name, 3},
    {"<a :b='1'/>", errc::invalid_name, 3},
    {"<a b:='1'/>", errc::invalid_name, 5},
    {"<a></1>", errc::invalid_name, 5},

    // --- tags
    {"<a></b>", errc::mismatched_tag, 3},
    {"<a><b></a></b>", errc::mismatched_tag, 6},
    {"<abc></ab>", errc::mismatched_tag, 5},
    {"<a></ab>", errc::mismatched_tag, 3},
    {"<a></a:b>", errc::mismatched_tag, 3},
    {"<a:b xmlns:a='u'></a>", errc::mismatched_tag, 17},
    {"<a></A>", errc::mismatched_tag, 3},
    {"<a></b", errc::mismatched_tag, 3},

    // --- attributes
    {"<a id='1' id='2'/>", errc::duplicate_attribute, 10},
    {"<a id='1' x='' id=\"1\"/>", errc::duplicate_attribute, 15},
    {"<a xmlns:p='u' xmlns:p='v'/>", errc::duplicate_attribute, 15},
    {"<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", errc::duplicate_attribute, 35},
    {"<a p:x='1' xmlns:p='u'><b xmlns:q='u' q:x='1' p:x='2'/></a>", errc::duplicate_attribute, 46},
    {"<a x='1' y='2' z='3'/>", errc::attribute_limit, 15, 128, 2},
    {"<a xmlns='u'/>", errc::attribute_limit, 3, 128, 0},

    // --- references
    {"<a>&#0;</a>", errc::invalid_reference, 3},
    {"<a>&#x0;</a>", errc::invalid_reference, 3},
    {"<a>&#x1;</a>", errc::invalid_reference, 3},
    {"<a>&#xD800;</a>", errc::invalid_reference, 3},
    {"<a>&#xDFFF;</a>", errc::invalid_reference, 3},
    {"<a>&#xFFFE;</a>", errc::invalid_reference, 3},
    {"<a>&#x110000;</a>", errc::invalid_reference, 3},
    {"<a>x&#1114112;</a>", errc::invalid_reference, 4},
    {"<a>&#99999999999999999999;</a>", errc::invalid_reference, 3},
    {"<a>&#xFFFFFFFFFFFFFFFFFFFF0041;</a>", errc::invalid_reference, 3},
    {"<a>&#;</a>", errc::invalid_reference, 3},
    {"<a>&#x;</a>", errc::invalid_reference, 3},
    {"<a>&#X41;</a>", errc::invalid_reference, 3},
    {"<a>&#65</a>", errc::invalid_reference, 3},
    {"<a>&#6A;</a>", errc::invalid_reference, 3},
    {"<a>&;</a>", errc::invalid_reference, 3},
    {"<a>& </a>", errc::invalid_reference, 3},
    {"<a>AT&T</a>", errc::invalid_reference, 5},
    {"<a>&amp </a>", errc::invalid_reference, 3},
    {"<a b='a&b'/>", errc::invalid_reference, 7},
    {"<a b='&#1;'/>", errc::invalid_reference, 6},
    {"<a>&nbsp;</a>", errc::undefined_entity, 3},
    {"<a>&AMP;</a>", errc::undefined_entity, 3},
    {"<a>&a:b;</a>", errc::undefined_entity, 3},
    {"<a b='&foo;'/>", errc::undefined_entity, 6},

    // --- RFC 6120 §11.1
    {"<!-- x --><a/>", errc::forbidden_comment, 0},
    {"<a><!-- x --></a>", errc::forbidden_comment, 3},
    {"<a/><!-- x -->", errc::forbidden_comment, 4},
    {"<?xml version='1.0'?><a/>", errc::forbidden_pi, 0},
    {"  <?xml version='1.0'?>", errc::forbidden_pi, 2},
    {"<a><?pi data?></a>", errc::forbidden_pi, 3},
    {"<a/><?pi?>", errc::forbidden_pi, 4},
    {billion_laughs, errc::forbidden_pi, 0},
    {billion_laughs.substr(21), errc::forbidden_dtd, 0},
    {"<!DOCTYPE a SYSTEM 'http://example.com/x.dtd'><a/>", errc::forbidden_dtd, 0},
    {"<a><!DOCTYPE a></a>", errc::forbidden_dtd, 3},
    {"<a/><!DOCTYPE a>", errc::forbidden_dtd, 4},
    {"<!doctype a><a/>", errc::malformed, 0},

    // --- one root
    {"<a/><b/>", errc::trailing_content, 4},
    {"<a/></a>", errc::trailing_content, 4},
    {"<a/>x", errc::trailing_content, 4},
    {"<a></a> \n x", errc::trailing_content, 10},
    {"<a/>\xC3\xA9", errc::trailing_content, 4},

    // --- limits
    {"<a><b><c/></b></a>", errc::depth_limit, 6, 2},
    {"<a/>", errc::depth_limit, 0, 0},
    {nested(128), errc::ok, 0},
    {nested(129), errc::depth_limit, 128 * 3},

    // --- namespaces
    {"<p:a/>", errc::undeclared_prefix, 1},
    {"<a p:b='1'/>", errc::undeclared_prefix, 3},
    {"<a><b xmlns:p='u'/><p:c/></a>", errc::undeclared_prefix, 20},
    {"<a><b xmlns:p='u'></b><c p:d=''/></a>", errc::undeclared_prefix, 25},
    {"<xmlns:a/>", errc::invalid_namespace, 1},
    {"<a xmlns:p=''/>", errc::invalid_namespace, 3},
    {"<a xmlns:p=\"\"/>", errc::invalid_namespace, 3},
    {"<a xmlns:xml='urn:x'/>", errc::invalid_namespace, 3},
    {"<a xmlns:xml='" + xmlns_ns + "'/>", errc::invalid_namespace, 3},
    {"<a xmlns:p='" + xml_ns + "'/>", errc::invalid_namespace, 3},
    {"<a xmlns='" + xml_ns + "'/>", errc::invalid_namespace, 3},
    {"<a xmlns:xmlns='urn:x'/>", errc::invalid_namespace, 3},
    {"<a xmlns:xmlns='" + xmlns_ns + "'/>", errc::invalid_namespace, 3},
    {"<a xmlns:p='" + xmlns_ns + "'/>", errc::invalid_namespace, 3},
    {"<a xmlns='" + xmlns_ns + "'/>", errc::invalid_namespace, 3},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(scan)

BOOST_DATA_TEST_CASE(cases_table, boost::unit_test::data::make(cases), c) {
    scanner sc;
    parse_limits limits;
    limits.max_depth = c.max_depth;
    limits.max_attributes = c.max_attributes;
    const parse_error e = scan_exact(sc, c.input, limits);
    BOOST_TEST(name(e.code()) == name(c.code));
    BOOST_TEST(e.offset() == (c.offset == at_end ? c.input.size() : c.offset));
    BOOST_TEST_MESSAGE(e.message());
    if (c.code != errc::ok) {
        // Messages are specific, and valid UTF-8 even when the input is not.
        BOOST_TEST(!e.message().empty());
        BOOST_TEST((xstanza::detail::check_xml_text(e.message()).code == errc::ok));
    }
}

// Every proper prefix of a valid document is rejected as cut short; the ones that are
// only whitespace as empty.
BOOST_DATA_TEST_CASE(prefixes_are_rejected, boost::unit_test::data::make(cases), c) {
    if (c.code != errc::ok) return;
    parse_limits limits;
    limits.max_depth = c.max_depth;
    limits.max_attributes = c.max_attributes;
    scanner sc;
    BOOST_TEST_REQUIRE(!scan_exact(sc, c.input, limits));
    const std::size_t root_end = sc.root_end();
    for (std::size_t n = 0; n < root_end; ++n) {
        const std::string prefix = c.input.substr(0, n);
        const parse_error e = scan_exact(sc, prefix, limits);
        const bool blank = prefix.find_first_not_of(" \t\r\n") == std::string::npos;
        BOOST_TEST_CONTEXT("prefix of " << n << " bytes") {
            BOOST_TEST(name(e.code()) == name(blank ? errc::empty_input : errc::unexpected_eof));
            BOOST_TEST(e.offset() == n);
        }
    }
}

BOOST_AUTO_TEST_CASE(messages) {
    scanner sc;
    auto message = [&](const std::string& s) { return std::string(scan_exact(sc, s).message()); };
    BOOST_TEST(message("<a></b>") == "closing tag </b> does not match <a>");
    BOOST_TEST(message("<a id='1' id='2'/>") == "duplicate attribute 'id'");
    BOOST_TEST(message("<a>&nbsp;</a>") == "undefined entity '&nbsp;'");
    BOOST_TEST(message("<foo:a/>") == "undeclared namespace prefix 'foo'");
    BOOST_TEST(message("x") == "expected '<' to start the root element");
    BOOST_TEST(message("<a/><b/>").find("second root element") != std::string::npos);
    BOOST_TEST(message("<a/>x").find("text after the root element") != std::string::npos);
    BOOST_TEST(message("<a b>") == "expected '=' after attribute name 'b'");
    BOOST_TEST(message("<a b=c/>") == "expected a quoted value for attribute 'b'");
    BOOST_TEST(message("<a><!-- x --></a>").find("RFC 6120 §11.1") != std::string::npos);
    BOOST_TEST(message("<a>\x01</a>") == "control character U+0001 is not allowed in XML");
    BOOST_TEST(message("<a>\xEF\xBF\xBE</a>") == "character U+FFFE is not allowed in XML");
    BOOST_TEST(message("<a>\xC0\x80</a>") == "invalid UTF-8: overlong encoding");
    BOOST_TEST(message("<a>\xED\xA0\x80</a>") == "invalid UTF-8: encoded surrogate (U+D800..U+DFFF)");
    BOOST_TEST(message("<a>&#0;</a>") == "character reference &#0; is not an XML character");
    BOOST_TEST(message("<a x='1' y='2' z='3'/>").empty());
    parse_limits small;
    small.max_attributes = 2;
    small.max_depth = 3;
    BOOST_TEST(std::string(scan_exact(sc, "<a x='1' y='2' z='3'/>", small).message()) ==
               "more than 2 attributes on <a>");
    BOOST_TEST(std::string(scan_exact(sc, nested(4), small).message()) ==
               "element nesting exceeds the depth limit of 3");
    small.max_input_bytes = 3;
    BOOST_TEST(std::string(scan_exact(sc, "<a/>", small).message()) ==
               "input of 4 bytes exceeds the limit of 3 bytes");
    BOOST_TEST(message("<a>x") == "unexpected end of input: <a> is not closed");
}

// Names quoted in messages are clipped at a character boundary: long non-ASCII
// names never leave a broken UTF-8 sequence in a message.
BOOST_AUTO_TEST_CASE(long_names_in_messages) {
    scanner sc;
    const std::string name = repeat("\xE6\x97\xA5Q", 100);  // 4 bytes per round
    const std::vector<std::string> inputs = {
        "<" + name + "></" + name + "x>",
        "<a " + name + "='1' " + name + "='2'/>",
        "<" + name + "!/>",
        "<a>&" + name + ";</a>",
        "<" + name + ">",
    };
    for (const std::string& s : inputs) {
        const parse_error e = scan_exact(sc, s);
        BOOST_TEST(bool(e));
        BOOST_TEST(e.message().size() < parse_error::max_message);
        BOOST_TEST((xstanza::detail::check_xml_text(e.message()).code == errc::ok));
        BOOST_TEST(e.message().find("...") != std::string_view::npos);
    }
}

BOOST_AUTO_TEST_CASE(input_too_large_is_checked_first) {
    scanner sc;
    parse_limits limits;
    limits.max_input_bytes = 4;
    BOOST_TEST(!scan_exact(sc, "<a/>", limits));
    const parse_error e = scan_exact(sc, "\0\xFF<a>"s, limits);
    BOOST_TEST(name(e.code()) == name(errc::input_too_large));
    BOOST_TEST(e.offset() == 0u);
}

// The scanner reuses its attribute slots from one tag to the next: nothing of a previous
// tag's attributes (a resolved namespace) may leak into the next tag's checks.
BOOST_AUTO_TEST_CASE(attribute_slots_start_clean) {
    scanner sc;
    BOOST_TEST(!scan_exact(sc, "<a xmlns:p='u' p:x='1' p:y='2'><b c='1' d='2' xmlns:q='u' q:z='1' q:w='2'/></a>"));
    BOOST_TEST(!scan_exact(sc, "<a xmlns:p='u' p:x='1' p:y='2'><b p:x='1' xmlns:q='v' q:x='2'/></a>"));
    const parse_error e = scan_exact(sc, "<a xmlns:p='u' p:x='1'><b c='1' xmlns:q='u' q:x='1' p:x='2'/></a>");
    BOOST_TEST(name(e.code()) == name(errc::duplicate_attribute));
}

BOOST_AUTO_TEST_CASE(children_and_root_text) {
    scanner sc;
    const std::string s =
        "  <iq xmlns='jabber:client' xmlns:p='urn:p'>\n"
        "  <a/><p:b>x</p:b><c><d p:x='1'/></c><e xmlns:p='urn:q'><p:f/></e>"
        "<g xml:lang='en'/>  text<h><![CDATA[y]]></h></iq>\n";
    BOOST_TEST_REQUIRE(!scan_exact(sc, s));
    BOOST_TEST(sc.root_begin() == 2u);
    BOOST_TEST(sc.root_end() == s.size() - 1);
    BOOST_TEST(sc.root_text() == s.find("text"));
    BOOST_TEST(sc.has_cdata());
    const std::vector<std::string> names = {"<a/>", "<p:b>x</p:b>", "<c><d p:x='1'/></c>",
                                            "<e xmlns:p='urn:q'><p:f/></e>", "<g xml:lang='en'/>",
                                            "<h><![CDATA[y]]></h>"};
    const std::vector<bool> outer = {false, true, true, false, false, false};
    BOOST_TEST_REQUIRE(sc.children().size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const xstanza::detail::child_span& c = sc.children()[i];
        BOOST_TEST(c.begin == s.find(names[i]));
        BOOST_TEST(s.substr(c.begin, c.end - c.begin) == names[i]);
        BOOST_TEST(c.outer_prefix == outer[i]);
    }
}

BOOST_AUTO_TEST_CASE(root_text_cases) {
    scanner sc;
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<a> \n<b>x</b>\t</a>"));
    BOOST_TEST(sc.root_text() == std::string_view::npos);
    BOOST_TEST(!sc.has_cdata());
    BOOST_TEST(sc.children().size() == 1u);
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<a> <![CDATA[]]></a>"));
    BOOST_TEST(sc.root_text() == 4u);
    BOOST_TEST(sc.has_cdata());
    BOOST_TEST(sc.children().empty());
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<a><b/> &amp;</a>"));
    BOOST_TEST(sc.root_text() == 8u);
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<a>\xC3\xA9</a>"));
    BOOST_TEST(sc.root_text() == 3u);
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<a/>"));
    BOOST_TEST(sc.root_text() == std::string_view::npos);
    BOOST_TEST(sc.root_begin() == 0u);
    BOOST_TEST(sc.root_end() == 4u);
    BOOST_TEST(sc.children().empty());
}

BOOST_AUTO_TEST_CASE(outer_prefix_on_attribute_and_redeclaration) {
    scanner sc;
    BOOST_TEST_REQUIRE(!scan_exact(sc, "<r xmlns:p='u'><a p:x='1'/><p:b xmlns:p='v'/><c xmlns:q='w'><q:d/></c></r>"));
    BOOST_TEST_REQUIRE(sc.children().size() == 3u);
    BOOST_TEST(sc.children()[0].outer_prefix);
    BOOST_TEST(!sc.children()[1].outer_prefix);
    BOOST_TEST(!sc.children()[2].outer_prefix);
}

BOOST_AUTO_TEST_CASE(million_deep_input) {
    const std::string s = repeat("<a>", 1000000);
    scanner sc;
    const parse_error e = scan_exact(sc, s);
    BOOST_TEST(name(e.code()) == name(errc::depth_limit));
    BOOST_TEST(e.offset() == 128u * 3);
}

BOOST_AUTO_TEST_CASE(scanner_is_reusable) {
    scanner sc;
    BOOST_TEST(name(scan_exact(sc, "<a><b/><c/>x</a>").code()) == name(errc::ok));
    BOOST_TEST(sc.children().size() == 2u);
    BOOST_TEST(name(scan_exact(sc, "<a><p:b/></a>").code()) == name(errc::undeclared_prefix));
    BOOST_TEST(name(scan_exact(sc, "<a xmlns:p='u'><p:b/></a>").code()) == name(errc::ok));
    BOOST_TEST(sc.children().size() == 1u);
    BOOST_TEST(sc.children()[0].outer_prefix);
    BOOST_TEST(sc.root_text() == std::string_view::npos);
    BOOST_TEST(!sc.has_cdata());
}

// A bad byte at every position of long text and attribute values: exercises the
// eight-bytes-at-a-time skipping around word boundaries.
BOOST_AUTO_TEST_CASE(bad_byte_at_every_position) {
    struct bad {
        std::string bytes;
        errc code;
        std::size_t at;  // offset of the error inside bytes
    };
    const std::vector<bad> bads = {
        {"\x01", errc::invalid_char, 0}, {"\0"s, errc::nul_byte, 0},     {"\xFF", errc::invalid_utf8, 0},
        {"&", errc::invalid_reference, 0}, {"]]>", errc::malformed, 0}, {"\xEF\xBF\xBE", errc::invalid_char, 0},
        {"<", errc::malformed, 0},
    };
    scanner sc;
    for (std::size_t len = 0; len < 40; ++len) {
        for (std::size_t pos = 0; pos <= len; ++pos) {
            std::string filler(len, 'x');
            for (std::size_t i = 0; i < len; i += 7) filler[i] = i % 2 ? '\n' : '>';
            for (const bad& b : bads) {
                std::string inner = filler.substr(0, pos) + b.bytes + filler.substr(pos);
                BOOST_TEST_CONTEXT("len " << len << " pos " << pos << " " << xstanza::to_string(b.code)) {
                    if (b.bytes != "<") {
                        const parse_error t = scan_exact(sc, "<a>" + inner + "</a>");
                        BOOST_TEST(name(t.code()) == name(b.code));
                        BOOST_TEST(t.offset() == 3 + pos + b.at);
                    }
                    if (b.bytes == "]]>") continue;
                    const parse_error v = scan_exact(sc, "<a b='" + inner + "'/>");
                    BOOST_TEST(name(v.code()) == name(b.code));
                    BOOST_TEST(v.offset() == 6 + pos + b.at);
                }
            }
            const std::string text = "<a>" + filler + "</a>";
            BOOST_TEST(name(scan_exact(sc, text).code()) == name(errc::ok));
            const std::string cdata = "<a><![CDATA[" + filler + "]]></a>";
            BOOST_TEST(name(scan_exact(sc, cdata).code()) == name(errc::ok));
        }
    }
}


// decode_in_place (dom.hpp) against a byte-by-byte reference, on generated values and texts
// of every length around the sixteen-byte steps, in buffers of exactly their size.
static std::string reference_decode(const std::string& s, bool attribute) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '&') {
            const std::size_t semi = s.find(';', i);
            const std::string ref = s.substr(i + 1, semi - i - 1);
            i = semi + 1;
            if (ref[0] != '#') {
                out += ref == "lt" ? '<' : ref == "gt" ? '>' : ref == "amp" ? '&' : ref == "apos" ? '\'' : '"';
                continue;
            }
            const unsigned long cp = ref[1] == 'x' ? std::stoul(ref.substr(2), nullptr, 16) : std::stoul(ref.substr(1));
            if (cp < 0x80) {
                out += char(cp);
            } else if (cp < 0x800) {
                out += char(0xC0 | (cp >> 6));
                out += char(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out += char(0xE0 | (cp >> 12));
                out += char(0x80 | ((cp >> 6) & 0x3F));
                out += char(0x80 | (cp & 0x3F));
            } else {
                out += char(0xF0 | (cp >> 18));
                out += char(0x80 | ((cp >> 12) & 0x3F));
                out += char(0x80 | ((cp >> 6) & 0x3F));
                out += char(0x80 | (cp & 0x3F));
            }
        } else if (c == '\r') {
            out += attribute ? ' ' : '\n';
            i += i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
        } else {
            out += attribute && (c == '\n' || c == '\t') ? ' ' : c;
            ++i;
        }
    }
    return out;
}

BOOST_AUTO_TEST_CASE(decode_matches_reference) {
    // mostly plain bytes, so that the runs between references vary in length
    test_helpers::piece_strings gen({"a", "bcdefgh", "ijklmnopqrstuvwxyz0123", "\xC3\xA9", "\xF0\x9F\x98\x80", " ",
                                     "&amp;", "&lt;", "&gt;", "&apos;", "&quot;", "&#233;", "&#x1F600;", "&#65;",
                                     "\r\n", "\r", "\n", "\t"},
                                    3, 12345);
    // The inputs must have held what the decoder works on: references next to CR LF pairs.
    std::size_t both = 0;
    for (int round = 0; round < 4000; ++round) {
        const std::string s = gen.make(gen.next() % 12);
        both += s.find('&') != std::string::npos && s.find("\r\n") != std::string::npos;
        for (const bool attribute : {true, false}) {
            std::vector<char> buf(s.begin(), s.end());  // exactly s.size() bytes: ASan sees overreads
            const std::size_t m = xstanza::detail::decode_in_place(buf.data(), buf.size(), attribute);
            BOOST_TEST_CONTEXT("input '" << s << "' attribute " << attribute) {
                BOOST_TEST(std::string(buf.data(), m) == reference_decode(s, attribute));
            }
        }
    }
    BOOST_TEST(both > 100u);
}

// XML 1.0 §2.11: line ends are normalised inside CDATA sections too, and in the text a
// CR starts (found by the expat differential fuzzer: CDATA bytes were copied as they were).
BOOST_AUTO_TEST_CASE(cdata_line_ends_normalised) {
    xstanza::Parser parser;
    const std::string xml = "<iq type='error' id='e'><error type='cancel'><conflict "
                            "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>"
                            "\r<![CDATA[a\r\nb\rc\r]]>\r\n<![CDATA[\n]]></text></error></iq>";
    auto r = parser.parse<xstanza::Iq<xstanza::Error>>(xml);
    BOOST_TEST_REQUIRE(bool(r), r.error().message());
    BOOST_TEST(*r->error.text == "\na\nb\nc\n\n\n");
}


BOOST_AUTO_TEST_SUITE_END()
