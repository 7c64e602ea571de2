// Delayed Delivery (XEP-0203) through the extension point. A <delay/> rides on messages and
// presence, not in an IQ: its codec is called directly, reading an element view (the opaque
// payload of a parsed IQ, through Parser::view) and writing through an xml_writer, as a
// message or presence codec calls it. The XEP's examples are the known-good vectors.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/expect.hpp"

using namespace xstanza;
using namespace test_helpers;

static_assert(is_payload_v<Delay>);
static_assert(payload_traits<Delay>::in_message && payload_traits<Delay>::in_presence);
static_assert(!payload_traits<Delay>::in_get && !payload_traits<Delay>::in_set && !payload_traits<Delay>::in_result);
// XEP-0082 §3.2's examples: the same instant, in UTC and in Houston time.
static_assert(check_datetime("1969-07-21T02:56:15Z").seconds == -14159025);
static_assert(check_datetime("1969-07-20T21:56:15-05:00").seconds == -14159025);
static_assert(check_datetime("1969-07-21T02:56:15Z").utc && !check_datetime("1969-07-20T21:56:15-05:00").utc);

namespace {

// `element` carried as the opaque payload of an IQ (the prefix below), read by payload_parser<Delay>.
constexpr std::string_view iq_prefix = "<iq type='get' id='d'>";
result<Delay> read(Parser& p, std::string_view element) {
    const std::string xml = std::string(iq_prefix) + std::string(element) + "</iq>";
    auto any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE_MESSAGE(any, any.error().message());
    BOOST_REQUIRE(any->payload.opaque());
    std::optional<xstanza::element> e = p.view(*any->payload.opaque());
    BOOST_REQUIRE(e);
    return payload_parser<Delay>::parse(*e);
}

// Reading `element` fails with invalid_payload at `where` (an offset in `element`), naming `part`.
void expect_refused(std::string_view element, std::size_t where, std::string_view part) {
    Parser p;
    result<Delay> r = read(p, element);
    BOOST_TEST_CONTEXT(element << " -> " << r.error().message()) {
        BOOST_TEST(!r);
        BOOST_TEST(to_string(r.error().code()) == to_string(errc::invalid_payload));
        BOOST_TEST(r.error().offset() == iq_prefix.size() + where);
        BOOST_TEST(r.error().message().find(part) != std::string_view::npos);
    }
}

// `d` written by payload_serializer<Delay> through an xml_writer into a string.
std::string write(const Delay& d, codec_error& error) {
    std::string out;
    xml_writer w(&detail::append_to_string, &out, "jabber:client");
    payload_serializer<Delay>::write(d, w);
    error = w.finish();
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(delay)

// XEP-0203 Examples 1-3.
BOOST_AUTO_TEST_CASE(xep_examples) {
    Parser p;
    auto offline = read(p, "<delay xmlns='urn:xmpp:delay'\n     from='capulet.com'\n     stamp='2002-09-10T23:08:25Z'>\n"
                           "    Offline Storage\n  </delay>");
    BOOST_REQUIRE_MESSAGE(offline, offline.error().message());
    BOOST_TEST(offline->stamp == "2002-09-10T23:08:25Z");
    BOOST_TEST(offline->from->to_string() == "capulet.com");
    BOOST_TEST(offline->reason == "\n    Offline Storage\n  ");
    BOOST_TEST(*offline->seconds_since_epoch() == 1031699305);

    auto presence = read(p, "<delay xmlns='urn:xmpp:delay'\n     from='juliet@capulet.com/balcony'\n"
                            "     stamp='2002-09-10T23:41:07Z'/>");
    BOOST_REQUIRE_MESSAGE(presence, presence.error().message());
    BOOST_TEST(presence->from->to_string() == "juliet@capulet.com/balcony");
    BOOST_TEST(presence->reason.empty());

    auto room = read(p, "<delay xmlns='urn:xmpp:delay'\n     from='coven@macbeth.shakespeare.lit'\n"
                        "     stamp='2002-09-10T23:05:37Z'/>");
    BOOST_REQUIRE_MESSAGE(room, room.error().message());
    BOOST_TEST(*room->seconds_since_epoch() == 1031699137);
}

// The canonical form, and reading it back.
BOOST_AUTO_TEST_CASE(round_trip) {
    const Delay d{"2002-09-10T23:08:25Z", *Jid::parse("capulet.com"), "Offline Storage"};
    codec_error err;
    const std::string xml = write(d, err);
    BOOST_TEST(!err, err.message());
    BOOST_TEST(xml == "<delay xmlns='urn:xmpp:delay' from='capulet.com' stamp='2002-09-10T23:08:25Z'>Offline Storage</delay>");
    Parser p;
    auto back = read(p, xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST((*back == d));

    const Delay plain{"2002-09-10T23:41:07.123456Z", std::nullopt, "a < b & 'c'"};
    const std::string escaped = write(plain, err);
    BOOST_TEST(!err, err.message());
    BOOST_TEST(escaped == "<delay xmlns='urn:xmpp:delay' stamp='2002-09-10T23:41:07.123456Z'>a &lt; b &amp; 'c'</delay>");
    auto again = read(p, escaped);
    BOOST_REQUIRE_MESSAGE(again, again.error().message());
    BOOST_TEST((*again == plain));
}

// XEP-0203 §2: 'stamp' is REQUIRED, a XEP-0082 DateTime (§3.2), in UTC.
BOOST_AUTO_TEST_CASE(stamp_rules) {
    expect_refused("<delay xmlns='urn:xmpp:delay' from='capulet.com'/>", 0, "without 'stamp' (XEP-0203 §2: REQUIRED)");
    struct bad {
        const char* stamp;
        const char* part;
    };
    const bad cases[] = {
        {"2002-09-10T23:08:25-05:00", "not in UTC (XEP-0203 §2"},
        {"2002-09-10T23:08:25+01:00", "not in UTC"},
        {"2002-09-10T23:08:25", "no time zone"},
        {"20020910T23:08:25", "four-digit year"},  // XEP-0091's legacy format (XEP-0082 §4)
        {"2002-09-10 23:08:25Z", "no 'T'"},
        {"2002-13-10T23:08:25Z", "month"},
        {"2002-02-29T23:08:25Z", "day"},
        {"2002-09-31T23:08:25Z", "day"},
        {"2002-09-10T24:00:00Z", "hour"},
        {"2002-09-10T23:60:00Z", "minutes"},
        {"2002-09-10T23:08:60Z", "seconds"},
        {"2002-09-10T23:08:25.Z", "no digit after '.'"},
        {"2002-09-10T23:08:25Zjunk", "after the time zone"},
        {"2002-09-10T23:08:25+0000", "(+|-)hh:mm"},
        {"02-09-10T23:08:25Z", "four-digit year"},
        {"", "without 'stamp'"},
    };
    for (const bad& c : cases) {
        const std::string element = "<delay xmlns='urn:xmpp:delay' stamp='" + std::string(c.stamp) + "'/>";
        expect_refused(element, element.find("stamp='") + 7, c.part);
        codec_error err;
        const std::string out = write(Delay{c.stamp}, err);
        BOOST_TEST_CONTEXT(c.stamp << " -> " << err.message()) {
            BOOST_TEST(to_string(err.code()) == to_string(errc::invalid_data));
            BOOST_TEST(err.message().find(c.part) != std::string_view::npos);
        }
    }
    // UTC as an offset of zero, leap days, fractions of any length: DateTimes in UTC.
    Parser p;
    for (const char* good : {"2002-09-10T23:08:25+00:00", "2002-09-10T23:08:25-00:00", "2000-02-29T00:00:00Z",
                             "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z"}) {
        auto r = read(p, "<delay xmlns='urn:xmpp:delay' stamp='" + std::string(good) + "'/>");
        BOOST_TEST(bool(r), good << ": " << r.error().message());
    }
    BOOST_TEST(*Delay{"1970-01-01T00:00:00Z"}.seconds_since_epoch() == 0);
    BOOST_TEST(*Delay{"2000-02-29T00:00:01.75Z"}.seconds_since_epoch() == 951782401);
    BOOST_TEST(!Delay{"yesterday"}.seconds_since_epoch().has_value());
}

// XEP-0203 §2: 'from' is a Jabber ID; §8: the content is character data.
BOOST_AUTO_TEST_CASE(from_and_content) {
    const std::string bad_from = "<delay xmlns='urn:xmpp:delay' from='a@@b' stamp='2002-09-10T23:08:25Z'/>";
    Parser p;
    result<Delay> r = read(p, bad_from);
    BOOST_TEST(!r);
    BOOST_TEST(to_string(r.error().code()) == to_string(errc::invalid_payload));
    BOOST_TEST(r.error().message().find("XEP-0203 §2") != std::string_view::npos, r.error().message());
    BOOST_TEST(r.error().offset() >= iq_prefix.size() + bad_from.find("from='") + 6);
    BOOST_TEST(r.error().offset() < iq_prefix.size() + bad_from.find("' stamp"));

    const std::string child = "<delay xmlns='urn:xmpp:delay' stamp='2002-09-10T23:08:25Z'><b/></delay>";
    expect_refused(child, 0, "character data only (XEP-0203 §2, §8)");

    codec_error err;
    Delay empty_from{"2002-09-10T23:08:25Z", Jid{}};
    (void)write(empty_from, err);
    BOOST_TEST(to_string(err.code()) == to_string(errc::invalid_data));
}

BOOST_AUTO_TEST_SUITE_END()
