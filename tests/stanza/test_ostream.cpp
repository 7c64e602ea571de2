// operator<< (ostream.hpp): what a log line or a test failure shows for each type.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include <xstanza/xstanza.hpp>

#include "../support/helpers.hpp"

using namespace xstanza;
using namespace test_helpers;

namespace {
template <class T>
std::string str(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ostream)

BOOST_AUTO_TEST_CASE(jid_prints_its_string_form) {
    BOOST_TEST(str(jid("juliet@example.com/balcony")) == "juliet@example.com/balcony");
    BOOST_TEST(str(jid("example.com")) == "example.com");
    BOOST_TEST(str(jid("juliet@example.com")) == jid("juliet@example.com").to_string());
}

BOOST_AUTO_TEST_CASE(enums_print_their_protocol_names) {
    BOOST_TEST(str(IqType::result) == "result");
    BOOST_TEST(str(ErrorType::continue_) == "continue");
    BOOST_TEST(str(Condition::item_not_found) == "item-not-found");
    BOOST_TEST(str(Subscription::both) == "both");
    BOOST_TEST(str(errc::invalid_utf8) == "invalid_utf8");
    BOOST_TEST(str(role::server) == "server");
    BOOST_TEST(str(side::receiver) == "receiver");
}

BOOST_AUTO_TEST_CASE(every_public_enum_prints_its_name) {
    BOOST_TEST(str(StreamCondition::not_well_formed) == "not-well-formed");
    BOOST_TEST(str(StreamEventType::stream_error) == "stream_error");
    BOOST_TEST(str(ElementKind::presence) == "presence");
    BOOST_TEST(str(IqOutcomeType::timeout) == "timeout");
    BOOST_TEST(str(IqDisposition::wrong_sender) == "wrong_sender");
    BOOST_TEST(str(static_cast<StreamEventType>(50)) == "StreamEventType(50)");
    BOOST_TEST(str(static_cast<IqDisposition>(60)) == "IqDisposition(60)");
}

BOOST_AUTO_TEST_CASE(stanza_error_prints_type_condition_and_text) {
    BOOST_TEST(str(StanzaError(Condition::item_not_found)) == "cancel item-not-found");
    StanzaError e(ErrorType::modify, Condition::redirect);
    e.uri = "xmpp:balcony@example.com";
    e.text = "moved";
    BOOST_TEST(str(e) == "modify redirect (xmpp:balcony@example.com): moved");
}

BOOST_AUTO_TEST_CASE(enum_values_outside_the_enumeration_print_their_number) {
    BOOST_TEST(str(static_cast<IqType>(9)) == "IqType(9)");
    BOOST_TEST(str(static_cast<Condition>(200)) == "Condition(200)");
    BOOST_TEST(str(static_cast<Subscription>(77)) == "Subscription(77)");
}

BOOST_AUTO_TEST_CASE(parse_error_prints_code_offset_and_message) {
    Parser parser;
    result<AnyIq> r = parser.parse<AnyIq>("<id type='get' id='x'/>");
    BOOST_REQUIRE(!r);
    std::string expected = std::string(to_string(r.error().code())) + " at byte " + std::to_string(r.error().offset()) +
                           ": " + std::string(r.error().message());
    BOOST_TEST(str(r.error()) == expected);
    BOOST_TEST(str(r.error()) == "not_iq at byte 0: expected <iq>, found <id>");
    BOOST_TEST(str(parse_error()) == "ok");
}

BOOST_AUTO_TEST_CASE(stanzas_print_their_serialized_form) {
    Iq<Get, RosterGet> get("g1", {});
    get.to = jid("example.com");
    std::string wire;
    BOOST_REQUIRE(!serialize(get, wire));
    BOOST_TEST(str(get) == wire);
    BOOST_TEST(str(make_result(get)) == "<iq type='result' id='g1' from='example.com'/>");

    Parser parser;
    result<AnyIq> any = parser.parse<AnyIq>(wire);
    BOOST_REQUIRE(any);
    BOOST_TEST(str(*any) == wire);
    BOOST_TEST(str(make_error(get, StanzaError(Condition::item_not_found))) == xml_of(make_error(get, StanzaError(Condition::item_not_found))));
}

BOOST_AUTO_TEST_CASE(stanzas_that_do_not_serialize_print_why) {
    Iq<Result> no_id("");
    std::string out;
    parse_error e = serialize(no_id, out);
    BOOST_REQUIRE(e);
    BOOST_TEST(str(no_id) == "<invalid: " + std::string(e.message()) + ">");

    AnyIq bad;
    bad.type = IqType::get;
    bad.id = "q1";   // a get without payload
    BOOST_TEST(str(bad).rfind("<invalid: ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
