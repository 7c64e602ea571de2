// The canonical serializer: exact bytes, escaping, refusal of data that is not XML, the
// three output forms (string, fixed buffer, iterator), and opaque payloads.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/helpers.hpp"

using namespace xstanza;
using namespace test_helpers;

namespace {




// A result with a few items and groups, long enough to cross the writer's 512-byte buffer.
struct big_roster {
    std::vector<std::string> names;
    std::vector<std::string_view> groups = {"Friends", "Lovers"};
    std::vector<RosterItem> items;
    big_roster() {
        for (int i = 0; i < 40; ++i) names.push_back("contact" + std::to_string(i) + "@example.com");
        for (const std::string& n : names) {
            RosterItem it;
            it.jid = jid(n);
            it.subscription = Subscription::both;
            it.groups = groups;
            items.push_back(it);
        }
    }
    Iq<Result, RosterQuery> iq() const { return Iq<Result, RosterQuery>("big", RosterQuery{std::string_view("v1"), items}); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serialize)

// One form: attributes type, id, from, to, xml:lang; single quotes; xmlns only where the
// namespace changes; '/>' for empty elements.
BOOST_AUTO_TEST_CASE(canonical_form) {
    Iq<Get, RosterGet> get("q1", RosterGet{});
    get.lang = "en";
    get.to = jid("example.com");
    get.from = jid("juliet@example.com/balcony");
    BOOST_TEST(xml_of(get) == "<iq type='get' id='q1' from='juliet@example.com/balcony' to='example.com' xml:lang='en'>"
                              "<query xmlns='jabber:iq:roster'/></iq>");
    BOOST_TEST(xml_of(Iq<Result>("r")) == "<iq type='result' id='r'/>");

    // Any spelling of the same stanza gives the same bytes.
    const char* const spellings[] = {
        "<iq type='get' id='q1' from='juliet@example.com/balcony' to='example.com' xml:lang='en'><query xmlns='jabber:iq:roster'/></iq>",
        "<iq xml:lang=\"en\" to=\"example.com\" id=\"q1\" from=\"juliet@example.com/balcony\" type=\"get\" >\n"
        "  <query xmlns=\"jabber:iq:roster\" ></query>\n</iq>",
        "<c:iq xmlns:c='jabber:client' from='juliet@example.com/balcony' id='&#x71;1' to='example.com' type='get' "
        "xml:lang='en'><r:query xmlns:r='jabber:iq:roster'/></c:iq>",
    };
    Parser p;
    for (const char* s : spellings) {
        auto r = p.parse<AnyIq>(s);
        BOOST_REQUIRE_MESSAGE(r, r.error().message());
        BOOST_TEST(xml_of(*r) == xml_of(get), s);
    }

    // xmlns on the first element of each namespace only: roster items inherit the query's,
    // each stanzas-namespace child of <error/> declares its own.
    std::string_view groups[] = {"G"};
    RosterItem item;
    item.jid = jid("a@b.c");
    item.groups = groups;
    Iq<Set, RosterSet> set("s", RosterSet{item});
    StanzaError e(ErrorType::cancel, Condition::conflict);
    e.text = std::string_view("t");
    e.app = AppCondition{"x", "urn:app"};
    Iq<Error, RosterSet> error = make_error_echo(set, e);
    BOOST_TEST(xml_of(error) ==
               "<iq type='error' id='s'><query xmlns='jabber:iq:roster'><item jid='a@b.c'><group>G</group></item></query>"
               "<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
               "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>t</text><x xmlns='urn:app'/></error></iq>");
    // Serializing appends.
    std::string two = "A";
    BOOST_REQUIRE(!xstanza::serialize(Iq<Result>("1"), two));
    BOOST_REQUIRE(!xstanza::serialize(Iq<Result>("2"), two));
    BOOST_TEST(two == "A<iq type='result' id='1'/><iq type='result' id='2'/>");
}

// Minimal escaping; whitespace that XML would normalise is written as references.
BOOST_AUTO_TEST_CASE(escaping_and_round_trip) {
    const std::string_view id = "a&b<c>d'e\"f\tg\nh\ri";
    const std::string_view text = "a&b<c>d'e\"f\tg\nh\ri]]>j";
    StanzaError e(Condition::bad_request);
    e.text = text;
    Iq<Error> iq(id, e);
    iq.to = jid("juliet@example.com/a'b&c<d");
    std::string xml = xml_of(iq);
    BOOST_TEST(xml == "<iq type='error' id='a&amp;b&lt;c>d&apos;e\"f&#9;g&#10;h&#13;i' to='juliet@example.com/a&apos;b&amp;c&lt;d'>"
                      "<error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                      "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>a&amp;b&lt;c&gt;d'e\"f\tg\nh&#13;i]]&gt;j</text>"
                      "</error></iq>");
    Parser p;
    auto back = p.parse<Iq<Error>>(xml);
    BOOST_REQUIRE_MESSAGE(back, back.error().message());
    BOOST_TEST(back->id == id);
    BOOST_TEST(*back->error.text == text);
    BOOST_TEST(back->to->resource() == "a'b&c<d");
    BOOST_TEST((*back == iq));

    // Non-ASCII is written as UTF-8, not as references.
    std::string_view groups[] = {"\xC3\xA9t\xC3\xA9", "\xE2\x98\x83", "\xF0\x9F\x98\x80"};
    RosterItem item;
    item.jid = jid("n\xC3\xBCrse@example.com");
    item.name = std::string_view("J\xC3\xBCliet & <co>");
    item.groups = groups;
    Iq<Set, RosterSet> set("u", RosterSet{item});
    std::string u = xml_of(set);
    BOOST_TEST(u == "<iq type='set' id='u'><query xmlns='jabber:iq:roster'><item jid='n\xC3\xBCrse@example.com' "
                    "name='J\xC3\xBCliet &amp; &lt;co>'><group>\xC3\xA9t\xC3\xA9</group><group>\xE2\x98\x83</group>"
                    "<group>\xF0\x9F\x98\x80</group></item></query></iq>");
    auto uback = p.parse<Iq<Set, RosterSet>>(u);
    BOOST_REQUIRE(uback);
    BOOST_TEST((*uback == set));
}

// A JID's localpart and domainpart are written without the escaping scan: the Jid type's
// checks leave nothing in them to escape (RFC 7622 §3.2, §3.3.1). Every shape of domainpart
// (LDH, U-labels, an IPv6 literal) and a resourcepart that needs escaping, written and read back.
BOOST_AUTO_TEST_CASE(jid_parts_written_as_checked) {
    const char* const jids[] = {"romeo+x.y~z@example.net/orchard",
                                ("n\xC3\xBCrse@b\xC3\xBC" "cher.example/\xE2\x98\x83"),
                                "admin@[2001:db8::1]/a'b&c<d>e\"f",
                                "[::ffff:192.0.2.1]",
                                "x!#$%()*+,-.;=?[]^_`{|}~@example.com"};
    for (const char* text : jids) {
        Iq<Result> iq("j");
        iq.to = jid(text);
        const std::string xml = xml_of(iq);
        Parser p;
        auto back = p.parse<Iq<Result>>(xml);
        BOOST_REQUIRE_MESSAGE(back, text << ": " << back.error().message() << " in " << xml);
        BOOST_TEST(back->to->to_string() == std::string(text));
        BOOST_TEST(xml.find(std::string(iq.to->local()) + (iq.to->local().empty() ? "" : "@") + std::string(iq.to->domain())) !=
                   std::string::npos);
    }
}

// RFC 6120 §11.6 (UTF-8) and XML 1.0 §2.2 (Char): data that is not XML text is refused
// in every string field, and nothing is written.
BOOST_AUTO_TEST_CASE(invalid_text_refused_everywhere) {
    struct bad_string {
        std::string_view bytes;
        const char* what;
    };
    const bad_string bad[] = {
        {"a\xC0\xAFz", "invalid UTF-8"},          // overlong '/'
        {"a\xE0\x80\xAFz", "invalid UTF-8"},      // overlong, 3 bytes
        {"a\xF0\x80\x80\xAFz", "invalid UTF-8"},  // overlong, 4 bytes
        {"a\xE2\x98", "invalid UTF-8"},           // truncated at the end
        {"a\xE2\x98z", "invalid UTF-8"},          // truncated inside
        {"a\x80z", "invalid UTF-8"},              // stray continuation byte
        {"a\xED\xA0\x80z", "invalid UTF-8"},      // surrogate U+D800
        {"a\xED\xBF\xBFz", "invalid UTF-8"},      // surrogate U+DFFF
        {"a\xF4\x90\x80\x80z", "invalid UTF-8"},  // above U+10FFFF
        {"a\xFFz", "invalid UTF-8"},
        {std::string_view("a\0z", 3), "NUL"},
        {"a\x01z", "control character"},
        {"a\x1Bz", "control character"},
        {"a\xEF\xBF\xBEz", "U+FFFE"},  // U+FFFE
        {"a\xEF\xBF\xBFz", "U+FFFE"},  // U+FFFF (same message)
    };
    using writer = std::function<parse_error(std::string_view, std::string&)>;
    const Jid a = jid("a@b.c");
    const std::pair<const char*, writer> fields[] = {
        {"id", [](std::string_view s, std::string& out) { return xstanza::serialize(Iq<Result>(s), out); }},
        {"lang", [](std::string_view s, std::string& out) {
             Iq<Result> r("x");
             r.lang = s;
             return xstanza::serialize(r, out);
         }},
        {"item name", [&](std::string_view s, std::string& out) {
             RosterItem it;
             it.jid = a;
             it.name = s;
             return xstanza::serialize(Iq<Set, RosterSet>("x", RosterSet{it}), out);
         }},
        {"group", [&](std::string_view s, std::string& out) {
             std::string_view g[] = {"ok", s};
             RosterItem it;
             it.jid = a;
             it.groups = g;
             return xstanza::serialize(Iq<Set, RosterSet>("x", RosterSet{it}), out);
         }},
        {"ver", [](std::string_view s, std::string& out) {
             return xstanza::serialize(Iq<Get, RosterGet>("x", RosterGet{s}), out);
         }},
        {"error text", [](std::string_view s, std::string& out) {
             StanzaError e(Condition::conflict);
             e.text = s;
             return xstanza::serialize(Iq<Error>("x", e), out);
         }},
        {"text lang", [](std::string_view s, std::string& out) {
             StanzaError e(Condition::conflict);
             e.text = std::string_view("t");
             e.text_lang = s;
             return xstanza::serialize(Iq<Error>("x", e), out);
         }},
        {"gone uri", [](std::string_view s, std::string& out) {
             StanzaError e(Condition::gone);
             e.uri = s;
             return xstanza::serialize(Iq<Error>("x", e), out);
         }},
        {"app namespace", [](std::string_view s, std::string& out) {
             StanzaError e(Condition::conflict);
             e.app = AppCondition{"x", s};
             return xstanza::serialize(Iq<Error>("x", e), out);
         }},
    };
    for (const auto& [field, write] : fields) {
        for (const bad_string& b : bad) {
            std::string out = "previous";
            parse_error e = write(b.bytes, out);
            BOOST_TEST_CONTEXT(field << " with " << b.what << ": " << e.message()) {
                BOOST_TEST(to_string(e.code()) == "invalid_data");
                BOOST_TEST(e.message().find(b.what) != std::string_view::npos);
                BOOST_TEST(out == "previous");
            }
        }
        // The same field with good data serializes (a language tag and a URI have a syntax:
        // RFC 6120 §8.1.5, §8.3.3.5).
        const std::string_view field_name = field;
        const char* good = field_name == "lang" || field_name == "text lang" ? "de-CH"
                           : field_name == "gone uri"                        ? "xmpp:fine@\xE2\x98\x83.example"
                                                                             : "fine \xE2\x98\x83";
        std::string ok;
        BOOST_TEST(!write(good, ok), field);
    }
    // Element names are checked as names.
    for (std::string_view name : {std::string_view("1x"), std::string_view("a b"), std::string_view(""),
                                  std::string_view("a\xC0\xAF"), std::string_view("x\xEF\xBF\xBE")}) {
        StanzaError e(Condition::conflict);
        e.app = AppCondition{name, "urn:x"};
        expect_refused(Iq<Error>("x", e), "not an XML name");
    }
}

// RFC 6120 §8.2.3: a non-empty id; JIDs that exist.
BOOST_AUTO_TEST_CASE(empty_id_and_jid_refused) {
    expect_refused(Iq<Result>(""), "an IQ needs a non-empty id");
    AnyIq any;
    any.type = IqType::result;
    expect_refused(any, "an IQ needs a non-empty id");

    Iq<Result> to("x");
    to.to = Jid{};
    expect_refused(to, "'to' is an empty JID");
    Iq<Result> from("x");
    from.from = Jid{};
    expect_refused(from, "'from' is an empty JID");
    RosterItem no_jid;
    expect_refused(Iq<Set, RosterSet>("x", RosterSet{no_jid}), "'jid' is an empty JID");
}

// An enumeration value made by a cast from a number names nothing: to_string gives "" (it
// never reads outside its table) and the serializer refuses the stanza.
BOOST_AUTO_TEST_CASE(enum_values_outside_the_enumeration_refused) {
    BOOST_TEST(to_string(static_cast<Condition>(22)).empty());
    BOOST_TEST(to_string(static_cast<Condition>(255)).empty());
    BOOST_TEST(to_string(static_cast<ErrorType>(5)).empty());
    BOOST_TEST(to_string(static_cast<Subscription>(5)).empty());
    BOOST_TEST(to_string(static_cast<IqType>(4)).empty());
    BOOST_TEST(to_string(static_cast<StreamCondition>(200)).empty());
    BOOST_TEST(to_string(Condition::unexpected_request) == "unexpected-request");  // the last one still named
    BOOST_TEST(to_string(ErrorType::wait) == "wait");
    BOOST_TEST(to_string(Subscription::remove) == "remove");

    expect_refused(Iq<Error>("e", StanzaError(static_cast<ErrorType>(7), Condition::conflict)),
                   "stanza error type outside the enumeration");
    expect_refused(Iq<Error>("e", StanzaError(ErrorType::cancel, static_cast<Condition>(99))),
                   "stanza error condition outside the enumeration");
    RosterItem item;
    item.jid = jid("a@b.c");
    item.subscription = static_cast<Subscription>(9);
    expect_refused(Iq<Result, RosterQuery>("r", RosterQuery{std::nullopt, span<const RosterItem>(&item, 1)}),
                   "roster item subscription outside the enumeration");
    AnyIq any;
    any.type = static_cast<IqType>(6);
    any.id = "x";
    expect_refused(any, "IQ type outside the enumeration");

    std::string out;
    BOOST_REQUIRE(append_stream_error(out, static_cast<StreamCondition>(200)));
    BOOST_TEST(out.find("<stream:error><undefined-condition xmlns=") == 0);
}

BOOST_AUTO_TEST_CASE(serialize_into_fixed_buffer) {
    big_roster big;
    const Iq<Result, RosterQuery> iq = big.iq();
    const std::string expected = xml_of(iq);
    const std::size_t n = expected.size();
    BOOST_TEST(n > 1024u);  // crosses the writer's internal buffer more than once

    // Exact fit; the byte after the buffer is untouched.
    std::vector<char> exact(n + 1, '#');
    serialize_result fit = serialize_into(iq, exact.data(), n);
    BOOST_TEST(bool(fit), fit.error.message());
    BOOST_TEST(fit.size == n);
    BOOST_TEST(std::string_view(exact.data(), n) == expected);
    BOOST_TEST(exact[n] == '#');

    // Too small by one, and much too small: the needed size is reported, the bytes that
    // fit are the output's prefix, and the guard byte just past capacity is untouched.
    for (std::size_t capacity : {n - 1, std::size_t(600), std::size_t(511), std::size_t(512), std::size_t(1)}) {
        std::vector<char> small(capacity + 1, '#');
        serialize_result r = serialize_into(iq, small.data(), capacity);
        BOOST_TEST_CONTEXT("capacity " << capacity) {
            BOOST_TEST(!r);
            BOOST_TEST(to_string(r.error.code()) == "buffer_too_small");
            BOOST_TEST(r.error.offset() == capacity);
            BOOST_TEST(r.size == n);
            BOOST_TEST(small[capacity] == '#');
            BOOST_TEST(std::string_view(small.data(), capacity) == std::string_view(expected).substr(0, capacity));
        }
    }
    // Zero capacity, even with no buffer at all.
    serialize_result none = serialize_into(iq, nullptr, 0);
    BOOST_TEST(to_string(none.error.code()) == "buffer_too_small");
    BOOST_TEST(none.size == n);
    // Retrying with the reported size succeeds.
    std::vector<char> retry(none.size);
    BOOST_TEST(bool(serialize_into(iq, retry.data(), retry.size())));
    BOOST_TEST(std::string_view(retry.data(), retry.size()) == expected);

    // Invalid data is reported as such, whatever the capacity.
    BOOST_TEST(to_string(serialize_into(Iq<Result>(""), nullptr, 0).error.code()) == "invalid_data");
    char small_iq[32];
    serialize_result tiny = serialize_into(Iq<Result>("x"), small_iq, sizeof small_iq);
    BOOST_TEST(bool(tiny));
    BOOST_TEST(std::string_view(small_iq, tiny.size) == "<iq type='result' id='x'/>");
}

BOOST_AUTO_TEST_CASE(serialize_to_iterator_and_to_xml) {
    big_roster big;
    const Iq<Result, RosterQuery> iq = big.iq();
    const std::string expected = xml_of(iq);

    std::vector<char> v = {'>'};
    result<std::back_insert_iterator<std::vector<char>>> r = serialize_to(iq, std::back_inserter(v));
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_TEST(std::string_view(v.data(), v.size()) == ">" + expected);
    // The returned iterator continues the output.
    *(*r)++ = '<';
    BOOST_TEST(v.back() == '<');

    // A raw pointer as the iterator: returns one past the last byte written.
    std::vector<char> raw(expected.size() + 1, '#');
    result<char*> end = serialize_to(iq, raw.data());
    BOOST_REQUIRE(end);
    BOOST_TEST(std::size_t(*end - raw.data()) == expected.size());
    BOOST_TEST(raw.back() == '#');

    result<std::string> s = to_xml(iq);
    BOOST_REQUIRE(s);
    BOOST_TEST(*s == expected);
    result<std::string> bad = to_xml(Iq<Result>(""));
    BOOST_TEST(!bad);
    BOOST_TEST(to_string(bad.error().code()) == "invalid_data");
}

// RFC 6120 §8.2.3, §8.3.1: what an AnyIq of each type must and must not carry.
BOOST_AUTO_TEST_CASE(any_iq_consistency) {
    AnyIq any;
    any.id = "x";
    any.type = IqType::get;
    expect_refused(any, "a get IQ carries exactly one payload");
    any.type = IqType::set;
    expect_refused(any, "a set IQ carries exactly one payload");
    any.type = IqType::error;
    expect_refused(any, "an error IQ needs a StanzaError");
    any.type = IqType::result;
    BOOST_TEST(xml_of(any) == "<iq type='result' id='x'/>");
    any.error = StanzaError(Condition::conflict);
    expect_refused(any, "only an error IQ carries a StanzaError");
    any.type = IqType::get;
    any.payload = OpaqueElement{"ping", "urn:xmpp:ping", "<ping xmlns='urn:xmpp:ping'/>"};
    expect_refused(any, "only an error IQ carries a StanzaError");
    any.error.reset();
    BOOST_TEST(xml_of(any) == "<iq type='get' id='x'><ping xmlns='urn:xmpp:ping'/></iq>");
    any.type = IqType::error;
    any.error = StanzaError(Condition::service_unavailable);
    BOOST_TEST(xml_of(any) == "<iq type='error' id='x'><ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                              "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

    // The typed forms with a runtime payload check the same.
    expect_refused(Iq<Get, AnyPayload>("x", AnyPayload{}), "a get IQ carries exactly one payload");
    expect_refused(Iq<Set, AnyPayload>("x", AnyPayload{}), "a set IQ carries exactly one payload");
    BOOST_TEST(xml_of(Iq<Result, AnyPayload>("x", AnyPayload{})) == "<iq type='result' id='x'/>");
}

// Opaque payloads: parsed bytes come back unchanged; built ones must be one element.
BOOST_AUTO_TEST_CASE(opaque_payloads) {
    const std::string payload =
        "<query xmlns=\"jabber:iq:version\" ><name>x &amp; y &#x263A;</name>\n  "
        "<v:version xmlns:v='urn:v' v:a = \"1\"><![CDATA[<0.1>]]></v:version></query >";
    Parser p;
    auto r = p.parse<AnyIq>("<iq type='result' id='v'>\n" + payload + "\n</iq>");
    BOOST_REQUIRE_MESSAGE(r, r.error().message());
    BOOST_REQUIRE(r->payload.is_opaque());
    BOOST_TEST(r->payload.opaque()->xml == payload);
    BOOST_TEST(xml_of(*r) == "<iq type='result' id='v'>" + payload + "</iq>");
    // Also when echoed in an error, and through the typed AnyPayload form.
    auto echo = p.parse<Iq<Error, AnyPayload>>("<iq type='error' id='v'>" + payload +
                                               "<error type='cancel'><service-unavailable "
                                               "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    BOOST_REQUIRE_MESSAGE(echo, echo.error().message());
    BOOST_TEST(xml_of(*echo) == "<iq type='error' id='v'>" + payload + "<error type='cancel'><service-unavailable "
                                "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

    // Built: validated before being written verbatim.
    AnyIq built;
    built.type = IqType::get;
    built.id = "b";
    built.payload = OpaqueElement{"ping", "urn:xmpp:ping", "<ping xmlns=\"urn:xmpp:ping\" ></ping >"};
    BOOST_TEST(xml_of(built) == "<iq type='get' id='b'><ping xmlns=\"urn:xmpp:ping\" ></ping ></iq>");
    const char* const malformed[] = {
        "<ping xmlns='urn:xmpp:ping'>",             // unclosed
        "<ping xmlns='urn:xmpp:ping'></pong>",      // mismatched
        "<ping xmlns='urn:xmpp:ping' a='<'/>",      // '<' in a value
        "<p:ping/>",                                 // undeclared prefix
        "<ping xmlns='urn:xmpp:ping'>&nbsp;</ping>", // undefined entity
        "<!-- c --><ping xmlns='urn:xmpp:ping'/>",   // comment
        "",                                          // nothing
        "text",
    };
    for (const char* m : malformed) {
        built.payload = OpaqueElement{"ping", "urn:xmpp:ping", m};
        BOOST_TEST_CONTEXT(m) { expect_refused(built, "opaque payload is not well-formed XML"); }
    }
    const char* const surrounded[] = {
        "<ping xmlns='urn:xmpp:ping'/> ",
        " <ping xmlns='urn:xmpp:ping'/>",
        "\n<ping xmlns='urn:xmpp:ping'/>\n",
    };
    for (const char* m : surrounded) {
        built.payload = OpaqueElement{"ping", "urn:xmpp:ping", m};
        BOOST_TEST_CONTEXT(m) { expect_refused(built, "opaque payload has bytes around its element"); }
    }
    // Two elements, or trailing text, are not one element either.
    for (const char* m : {"<a xmlns='urn:a'/><b xmlns='urn:b'/>", "<ping xmlns='urn:xmpp:ping'/>x"}) {
        built.payload = OpaqueElement{"ping", "urn:xmpp:ping", m};
        BOOST_TEST_CONTEXT(m) { expect_refused(built, "opaque payload"); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
