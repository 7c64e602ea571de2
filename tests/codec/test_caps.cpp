// Entity Capabilities (XEP-0115) through the extension point. A <c/> rides on presence, not
// in an IQ: its codec is called directly, reading an element view (the opaque payload of a
// parsed IQ, through Parser::view) under a payload_context, and writing through an
// xml_writer, as a presence codec calls it. The XEP's examples are the known-good vectors.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

static_assert(is_payload_v<Caps>);
static_assert(payload_traits<Caps>::in_presence && !payload_traits<Caps>::in_message);
static_assert(!payload_traits<Caps>::in_get && !payload_traits<Caps>::in_set && !payload_traits<Caps>::in_result);

namespace {

constexpr std::string_view iq_prefix = "<iq type='get' id='c'>";

// `element` carried as the opaque payload of an IQ, read by payload_parser<Caps> under `applied`.
codec_error read(Parser& p, std::string_view element, Caps& out, rules applied = rules::receiver()) {
    const std::string xml = std::string(iq_prefix) + std::string(element) + "</iq>";
    auto any = p.parse<AnyIq>(xml);
    BOOST_REQUIRE_MESSAGE(any, any.error().message());
    BOOST_REQUIRE(any->payload.opaque());
    std::optional<xstanza::element> e = p.view(*any->payload.opaque());
    BOOST_REQUIRE(e);
    parse_storage storage;
    payload_context ctx(IqType::get, applied, storage);
    return payload_parser<Caps>::parse(*e, ctx, out);
}

void expect_refused(std::string_view element, std::size_t where, std::string_view part, rules applied = rules::receiver()) {
    Parser p;
    Caps c;
    codec_error err = read(p, element, c, applied);
    BOOST_TEST_CONTEXT(element << " -> " << err.message()) {
        BOOST_TEST(to_string(err.code()) == to_string(errc::invalid_payload));
        BOOST_TEST(err.offset() == iq_prefix.size() + where);
        BOOST_TEST(err.message().find(part) != std::string_view::npos);
    }
}

std::string write(const Caps& c, codec_error& error) {
    std::string out;
    xml_writer w(&detail::append_to_string, &out, "jabber:client");
    payload_serializer<Caps>::write(c, w);
    error = w.finish();
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(caps)

// XEP-0115 Examples 1 and 2 (§6.1): the <c/> of a presence, and after a change of features.
BOOST_AUTO_TEST_CASE(xep_examples) {
    Parser p;
    Caps c;
    codec_error err = read(p, "<c xmlns='http://jabber.org/protocol/caps'\n     hash='sha-1'\n"
                              "     node='http://code.google.com/p/exodus'\n     ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>",
                           c);
    BOOST_REQUIRE_MESSAGE(!err, err.message());
    BOOST_TEST(c.hash == "sha-1");
    BOOST_TEST(c.node == "http://code.google.com/p/exodus");
    BOOST_TEST(c.ver == "QgayPKawpkPSDYmwT/WM94uAlu0=");
    BOOST_TEST(!c.ext.has_value());
    BOOST_TEST(!c.legacy());

    const std::string xml = write(c, err);
    BOOST_TEST(!err, err.message());
    BOOST_TEST(xml == "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://code.google.com/p/exodus' "
                      "ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>");
    Caps back;
    Parser again;  // p's next parse would end c's views
    err = read(again, xml, back, rules::sender());
    BOOST_TEST(!err, err.message());
    BOOST_TEST((back == c));

    const Caps changed{"sha-1", "http://code.google.com/p/exodus", "66/0NaeaBKkwk85efJTGmU47vXI="};
    const std::string xml2 = write(changed, err);
    BOOST_TEST(!err);
    Caps back2;
    BOOST_TEST(!read(p, xml2, back2));
    BOOST_TEST((back2 == changed));
}

// XEP-0115 §13: the legacy format (no 'hash') is accepted from others, never sent.
BOOST_AUTO_TEST_CASE(legacy_format) {
    const std::string legacy = "<c xmlns='http://jabber.org/protocol/caps' node='http://psi-im.org/caps' ver='0.11' "
                               "ext='cs ep-notify html'/>";
    Parser p;
    Caps c;
    codec_error err = read(p, legacy, c);
    BOOST_REQUIRE_MESSAGE(!err, err.message());
    BOOST_TEST(c.legacy());
    BOOST_TEST(c.ver == "0.11");
    BOOST_TEST(*c.ext == "cs ep-notify html");
    // A sender's rules (linting one's own output): refused.
    expect_refused(legacy, 0, "without 'hash' (XEP-0115 §4: REQUIRED", rules::sender());
    (void)write(c, err);
    BOOST_TEST(to_string(err.code()) == to_string(errc::invalid_data));
    BOOST_TEST(err.message().find("XEP-0115 §4") != std::string_view::npos, err.message());
    // §13: 'node' stays REQUIRED in the legacy format.
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' ver='0.11'/>", 0, "without 'node'");
}

// XEP-0115 §4: hash, node and ver are REQUIRED; §12: hash is an NMTOKEN, the element empty.
BOOST_AUTO_TEST_CASE(required_attributes) {
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' ver='x'/>", 0, "without 'node' (XEP-0115 §4");
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n'/>", 0, "without 'ver' (XEP-0115 §4");
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='' node='n' ver='v'/>", 49, "NMTOKEN (XEP-0115 §12)");
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='sha 1' node='n' ver='v'/>", 49, "NMTOKEN");
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'><c/></c>", 73,
                   "a <c/> is empty (XEP-0115 §12)");
    expect_refused("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'>text</c>", 0, "character data");
    // Children of other namespaces: extensions, skipped.
    Parser p;
    Caps c;
    BOOST_TEST(!read(p, "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'><x xmlns='urn:x'/></c>", c));

    codec_error err;
    for (const Caps& bad : {Caps{"sha-1", "", "v"}, Caps{"sha-1", "n", ""}, Caps{"sha 1", "n", "v"}}) {
        (void)write(bad, err);
        BOOST_TEST(to_string(err.code()) == to_string(errc::invalid_data));
        BOOST_TEST(err.message().find("XEP-0115 §") != std::string_view::npos, err.message());
    }
}

// RFC 3174 / FIPS 180 vectors for the SHA-1 behind the verification string, across the
// padding boundaries (55, 64, 119 bytes), in Base64 (RFC 4648 §4).
BOOST_AUTO_TEST_CASE(sha1_vectors) {
    auto digest = [](std::string_view m) {
        detail::sha1 h;
        h.update(m);
        unsigned char d[20];
        h.finish(d);
        std::string out;
        detail::base64(d, sizeof d, out);
        return out;
    };
    BOOST_TEST(digest("abc") == "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
    BOOST_TEST(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "hJg+RBw70m66rkqh+VEp5eVGcPE=");
    BOOST_TEST(digest("") == "2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
    BOOST_TEST(digest(std::string(55, 'a')) == "wci73CJ5bijA4VFj0giZtlYh1lo=");
    BOOST_TEST(digest(std::string(64, 'a')) == "AJi6gktcFkJ716ESKlpEKiXsZE0=");
    BOOST_TEST(digest(std::string(119, 'a')) == "7pcQZaqgF+BjKoymx3uzv4sd/FY=");
}

// XEP-0115 §5.2: the simple generation example, features given unsorted.
BOOST_AUTO_TEST_CASE(verification_string_simple_example) {
    const DiscoIdentity ids[] = {{"client", "pc", std::string_view("Exodus 0.9.1")}};
    const std::string_view features[] = {"http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                                         "http://jabber.org/protocol/muc", "http://jabber.org/protocol/caps"};
    auto ver = caps_verification_string(DiscoInfoQuery{std::nullopt, ids, features});
    BOOST_REQUIRE_MESSAGE(ver, ver.error().message());
    BOOST_TEST(*ver == "QgayPKawpkPSDYmwT/WM94uAlu0=");
}

// XEP-0115 §5.3's answer, read from the wire. Its XEP-0128 form is not modelled, so the string
// is that of the identities and features alone: S = "client/pc/el/Ψ 0.11<client/pc/en/Psi
// 0.11<" + the four features, whose SHA-1 (computed apart, with Python's hashlib) is below; the
// XEP's q07IKJEyjvHSyhy//CH0CxmKi8w= also hashes the form.
BOOST_AUTO_TEST_CASE(verification_string_of_a_parsed_answer) {
    Parser p;
    auto r = p.parse<Iq<Result, DiscoInfoQuery>>(
        "<iq from='benvolio@capulet.lit/230193' id='disco1' to='juliet@capulet.lit/chamber' type='result'>"
        "<query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
        "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
        "<identity xml:lang='el' category='client' name='&#936; 0.11' type='pc'/>"
        "<feature var='http://jabber.org/protocol/caps'/><feature var='http://jabber.org/protocol/disco#info'/>"
        "<feature var='http://jabber.org/protocol/disco#items'/><feature var='http://jabber.org/protocol/muc'/>"
        "</query></iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    auto ver = caps_verification_string(r->payload);
    BOOST_REQUIRE_MESSAGE(ver, ver.error().message());
    BOOST_TEST(*ver == "2ZC2Fe8xb+Ln321QG0/AaqNEfBU=");

    // XEP-0115 §5.4: an answer with a repeated feature or identity is ill-formed.
    const DiscoIdentity id[] = {{"client", "pc"}};
    const std::string_view twice[] = {"urn:a", "urn:a"};
    auto bad = caps_verification_string(DiscoInfoQuery{std::nullopt, id, twice});
    BOOST_TEST(to_string(bad.error().code()) == to_string(errc::invalid_payload));
    BOOST_TEST(bad.error().message().find("XEP-0115 §5.4") != std::string_view::npos, bad.error().message());
    const DiscoIdentity same[] = {{"client", "pc"}, {"client", "pc"}};
    const std::string_view one[] = {"urn:a"};
    BOOST_TEST(!caps_verification_string(DiscoInfoQuery{std::nullopt, same, one}));
}

BOOST_AUTO_TEST_SUITE_END()
