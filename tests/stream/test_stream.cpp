// StreamReader: framing a recorded Prosody session split at every byte boundary, zero copy,
// stream headers and restarts, keepalives, stream errors, limits, and every stream-level rule.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include <xstanza/codec/ping.hpp>
#include <xstanza/stream/reader.hpp>
#include <xstanza/xstanza.hpp>

#include "../support/stream_feed.hpp"
#include "../support/strings.hpp"

using namespace xstanza;
using test_helpers::numbered_attributes;
using test_helpers::repeat;

namespace {

// What examples/roster_client received from Prosody 0.12.3 (tests/interop/run.sh
// --record), verbatim, then stanzas another account and the server sent in the interop
// run, a message and a presence, keepalives and the end of the stream.
const std::string recorded_session =
    "<?xml version='1.0'?><stream:stream id='4126dd94-4687-4263-b560-1e166a35894a' version='1.0' xmlns='jabber:client' "
    "xmlns:stream='http://etherx.jabber.org/streams' xml:lang='en' from='localhost'>"
    "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
    "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"
    "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
    "<?xml version='1.0'?><stream:stream id='fd24a826-66ba-4404-99a2-71b1068dc9a8' version='1.0' xmlns='jabber:client' "
    "xmlns:stream='http://etherx.jabber.org/streams' xml:lang='en' from='localhost'>"
    "<stream:features><ver xmlns='urn:xmpp:features:rosterver'/><sub xmlns='urn:xmpp:features:pre-approval'/>"
    "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required/></bind><session xmlns='urn:ietf:params:xml:ns:xmpp-session'>"
    "<optional/></session><c xmlns='http://jabber.org/protocol/caps' ver='NwK8xKP/VQHXi2XstvRlLUYsrRc=' "
    "node='http://prosody.im' hash='sha-1'/></stream:features>"
    "<iq id='vA67s4n1_T9.1' type='result'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
    "<jid>alice@localhost/roster_client</jid></bind></iq>"
    "<iq type='result' id='FoAA326-E77.2' to='alice@localhost/roster_client'><query xmlns='jabber:iq:roster' ver='1'/></iq>"
    "<iq type='result' id='zbORX6u7Zr3.3' to='alice@localhost/roster_client'/>"
    "<iq id='AaJu2jnUzt-u' type='set'><query xmlns='jabber:iq:roster' ver='1'><item name='Carol' jid='carol@localhost' "
    "subscription='none'><group>Friends</group></item></query></iq>"
    "<iq type='result' id='atOjazqXtB0.4' to='alice@localhost/roster_client'><query xmlns='jabber:iq:roster' ver='1'>"
    "<item name='Carol' jid='carol@localhost' subscription='none'><group>Friends</group></item></query></iq>"
    "<iq type='result' id='qPEQR6Cl4VA.5' to='alice@localhost/roster_client'/>"
    "<iq id='mIQ5-5B42o8O' type='set'><query xmlns='jabber:iq:roster' ver='2'><item name='Caroline' jid='carol@localhost' "
    "subscription='none'><group>Friends</group></item></query></iq>"
    "<iq type='result' id='S73hHAuFmdB.6' to='alice@localhost/roster_client'><query xmlns='jabber:iq:roster' ver='2'>"
    "<item name='Caroline' jid='carol@localhost' subscription='none'><group>Friends</group></item></query></iq>"
    "<iq type='result' id='98TSB1thY8B.7' to='alice@localhost/roster_client'/>"
    "<iq id='9IPs3DTwQLQ4' type='set'><query xmlns='jabber:iq:roster' ver='3'><item subscription='remove' "
    "jid='carol@localhost'/></query></iq>"
    "<iq type='result' id='wVpCKh-uY88.8' to='alice@localhost/roster_client'><query xmlns='jabber:iq:roster' ver='3'/></iq>"
    "<iq type='result' id='fpbiLuMThj2.9' from='localhost' to='alice@localhost/roster_client'/>"
    // From here on: what the interop run's other sessions caused, in Prosody's format.
    "\n \n"
    "<iq type='get' id='Tq3y0Lk2pZc.1' from='bob@localhost/desk' to='alice@localhost/roster_client'>"
    "<ping xmlns='urn:xmpp:ping'/></iq>"
    "<iq type='error' id='Rr0.2' from='localhost' to='alice@localhost/roster_client'><error type='cancel'>"
    "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq> "
    "<presence from='bob@localhost/desk' to='alice@localhost/roster_client'><show>chat</show>"
    "<status xml:lang='en'>x &amp; y</status></presence>"
    "<message from='bob@localhost/desk' type='chat' id='m1'><body a='1>0' b=\"it's\">hi &lt;3 "
    "<![CDATA[<not markup/>]]]]></body></message>\t"
    "<stream:error><system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>bye</text></stream:error>"
    "</stream:stream>";

struct seen {
    StreamEventType type;
    ElementKind kind;
    std::string name, ns, bytes;
    bool operator==(const seen& o) const {
        return type == o.type && kind == o.kind && name == o.name && ns == o.ns && bytes == o.bytes;
    }
};

std::ostream& operator<<(std::ostream& os, const seen& s) {
    return os << int(s.type) << '/' << int(s.kind) << ' ' << s.name << " {" << s.ns << "} " << s.bytes;
}

struct replay_result {
    std::vector<seen> events;
    std::size_t copied = 0, in_place = 0, iqs_parsed = 0;
};

// Feeds `session` in chunks ending at `cuts` (each in a fresh exact-size buffer, one padding
// byte), restarts after <success/>, parses each IQ in situ (so the padding write and its
// undoing are exercised), and records the events; adjacent keepalives are merged.
replay_result replay(const std::string& session, const std::vector<std::size_t>& cuts, stream_limits limits = {}) {
    replay_result out;
    StreamReader reader(limits);
    Parser parser;
    std::size_t next_cut = 0;
    const auto next_end = [&](std::size_t) { return next_cut < cuts.size() ? cuts[next_cut++] : session.size(); };
    test_helpers::feed_in_chunks(reader, session, '#', next_end, [&](const StreamEvent& ev) {
        seen s{ev.type, ev.kind, std::string(ev.name), std::string(ev.ns), ev.data ? std::string(ev.data, ev.size) : ""};
        if (ev.type == StreamEventType::header) {
            s.ns = std::string(reader.header().content_ns);
            s.bytes = std::string(reader.header().id.value_or(""));
        }
        if (ev.type == StreamEventType::keepalive && !out.events.empty() && out.events.back().type == ev.type) {
            out.events.back().bytes += s.bytes;
            return true;
        }
        if (ev.type == StreamEventType::element) {
            (ev.copied ? out.copied : out.in_place)++;
            if (ev.kind == ElementKind::iq) {
                result<AnyIq> iq = parser.parse_in_situ<AnyIq>(ev.data, ev.size);
                BOOST_REQUIRE_MESSAGE(iq, iq.error().message());
                ++out.iqs_parsed;
            }
            if (ev.name == "success") reader.restart();  // RFC 6120 §6.4.6
        }
        if (ev.type == StreamEventType::error) s.bytes = std::string(reader.error().message());
        out.events.push_back(std::move(s));
        return ev.type != StreamEventType::error;
    });
    return out;
}

// Feeds `text` whole and returns the events up to need_more or the first error.
std::vector<StreamEventType> run_all(StreamReader& r, std::string& text) {
    std::vector<StreamEventType> types;
    r.feed(text.data(), text.size());
    for (;;) {
        StreamEvent ev = r.next();
        if (ev.type == StreamEventType::need_more) break;
        types.push_back(ev.type);
        if (ev.type == StreamEventType::error) break;
    }
    return types;
}

const char* const header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                           "from='localhost' id='s1' version='1.0'>";

// The stream condition and code a bad input ends with.
struct bad_case {
    std::string text;
    StreamCondition condition;
    errc code;
};

void expect_failure(const bad_case& c) {
    BOOST_TEST_CONTEXT(c.text) {
        for (std::size_t split : {c.text.size(), std::size_t(1)}) {
            StreamReader r;
            std::string text = c.text;
            StreamEvent ev;
            for (std::size_t at = 0; at < text.size() && ev.type != StreamEventType::error; at += split) {
                std::string piece = text.substr(at, split);
                r.feed(piece.data(), piece.size());
                do ev = r.next();
                while (ev.type != StreamEventType::need_more && ev.type != StreamEventType::error);
            }
            BOOST_TEST((ev.type == StreamEventType::error));
            BOOST_TEST(to_string(r.error_condition()) == to_string(c.condition));
            BOOST_TEST(to_string(r.error().code()) == to_string(c.code));
            // The reader stays failed.
            BOOST_TEST((r.next().type == StreamEventType::error));
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stream)

BOOST_AUTO_TEST_CASE(recorded_session_whole) {
    replay_result r = replay(recorded_session, {});
    std::vector<std::string> names;
    for (const seen& s : r.events) names.push_back(std::to_string(int(s.type)) + ":" + s.name);
    // header, features, success, header, features, 12 iqs, keepalive, 2 iqs, keepalive, presence, message,
    // keepalive, stream error, closed
    BOOST_REQUIRE_EQUAL(r.events.size(), 26u);
    BOOST_TEST((r.events[0].type == StreamEventType::header));
    BOOST_TEST(r.events[0].bytes == "4126dd94-4687-4263-b560-1e166a35894a");
    BOOST_TEST(r.events[0].ns == "jabber:client");
    BOOST_TEST((r.events[1].kind == ElementKind::features));
    BOOST_TEST(r.events[1].ns == std::string(stream_ns));
    BOOST_TEST(r.events[2].name == "success");
    BOOST_TEST(r.events[2].ns == "urn:ietf:params:xml:ns:xmpp-sasl");
    BOOST_TEST((r.events[3].type == StreamEventType::header));
    BOOST_TEST(r.events[3].bytes == "fd24a826-66ba-4404-99a2-71b1068dc9a8");
    BOOST_TEST(r.iqs_parsed == 14u);
    BOOST_TEST((r.events[17].type == StreamEventType::keepalive));
    BOOST_TEST(r.events[17].bytes == "\n \n");
    BOOST_TEST((r.events[21].kind == ElementKind::presence));
    BOOST_TEST((r.events[22].kind == ElementKind::message));
    BOOST_TEST(r.events[22].bytes.find("]]]]></body></message>") != std::string::npos);
    BOOST_TEST((r.events[24].type == StreamEventType::stream_error));
    BOOST_TEST((r.events[25].type == StreamEventType::closed));
    // Whole in one chunk: only the elements using the header's "stream:" prefix were copied.
    BOOST_TEST(r.copied == 2u);
    BOOST_TEST(r.in_place == 17u);
}

// The requirement: split at every byte boundary, the same events.
BOOST_AUTO_TEST_CASE(recorded_session_split_at_every_byte) {
    replay_result whole = replay(recorded_session, {});
    for (std::size_t cut = 1; cut < recorded_session.size(); ++cut) {
        replay_result split = replay(recorded_session, {cut});
        if (split.events != whole.events) {
            BOOST_TEST_CONTEXT("split at byte " << cut) { BOOST_TEST(split.events == whole.events, boost::test_tools::per_element()); }
            break;
        }
    }
    std::vector<std::size_t> every_byte;
    for (std::size_t i = 1; i < recorded_session.size(); ++i) every_byte.push_back(i);
    replay_result bytewise = replay(recorded_session, every_byte);
    BOOST_TEST(bytewise.events == whole.events, boost::test_tools::per_element());
    BOOST_TEST(bytewise.in_place == 0u);  // nothing arrives whole in a one-byte chunk
    for (std::size_t step : {2u, 3u, 7u, 64u, 1000u}) {
        std::vector<std::size_t> cuts;
        for (std::size_t i = step; i < recorded_session.size(); i += step) cuts.push_back(i);
        BOOST_TEST_CONTEXT("chunks of " << step) {
            BOOST_TEST(replay(recorded_session, cuts).events == whole.events, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(zero_copy_and_padding_restored) {
    std::string text = std::string(header) + "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq><iq type='result' id='2'/>";
    StreamReader r;
    Parser p;
    r.feed(text.data(), text.size());
    BOOST_TEST((r.next().type == StreamEventType::header));
    StreamEvent a = r.next();
    BOOST_REQUIRE((a.type == StreamEventType::element));
    BOOST_TEST(!a.copied);
    BOOST_TEST((a.data >= text.data() && a.data + a.size < text.data() + text.size()));
    BOOST_TEST(a.data[a.size] == '<');
    auto ping = p.parse_in_situ<Iq<Get, ext::Ping>>(a.data, a.size);  // writes '\0' at a.data[a.size]
    BOOST_REQUIRE(ping);
    BOOST_TEST(a.data[a.size] == '\0');
    StreamEvent b = r.next();  // puts the '<' back first
    BOOST_REQUIRE((b.type == StreamEventType::element));
    BOOST_TEST(std::string(b.data, b.size) == "<iq type='result' id='2'/>");
    BOOST_TEST(!b.copied);
    BOOST_TEST(b.offset == std::strlen(header) + a.size);
    BOOST_TEST(p.parse_in_situ<Iq<Result>>(b.data, b.size).has_value());
    BOOST_TEST((r.next().type == StreamEventType::need_more));
}

BOOST_AUTO_TEST_CASE(header_attributes) {
    std::string text = "<?xml version='1.0' encoding='utf-8'?>\n<stream:stream xmlns='jabber:server' "
                       "xmlns:stream='http://etherx.jabber.org/streams' from='example.net' to='im.example.com' "
                       "id='t&amp;7' xml:lang='en' version='1.0' xmlns:db='jabber:server:dialback'>";
    StreamReader r;
    auto types = run_all(r, text);
    BOOST_REQUIRE(types.size() == 1u);
    BOOST_TEST((types[0] == StreamEventType::header));
    BOOST_REQUIRE(r.has_header());
    const StreamHeader& h = r.header();
    BOOST_TEST(h.qname == "stream:stream");
    BOOST_TEST(h.prefix == "stream");
    BOOST_TEST(h.content_ns == "jabber:server");
    BOOST_TEST(*h.from == "example.net");
    BOOST_TEST(*h.to == "im.example.com");
    BOOST_TEST(*h.id == "t&7");  // decoded
    BOOST_TEST(*h.lang == "en");
    BOOST_TEST(*h.version == "1.0");
    BOOST_REQUIRE(h.attributes.size() == 8u);
    BOOST_TEST(h.attributes[7].name == "xmlns:db");
    BOOST_TEST(h.attributes[7].value == "jabber:server:dialback");
    // A stanza of a jabber:server stream.
    std::string iq = "<iq type='result' id='x' from='example.net' to='im.example.com'/>";
    r.feed(iq.data(), iq.size());
    StreamEvent ev = r.next();
    BOOST_TEST((ev.kind == ElementKind::iq));
    BOOST_TEST(ev.ns == "jabber:server");
}

BOOST_AUTO_TEST_CASE(header_prefix_used_in_stanza_is_declared_on_a_copy) {
    // RFC 6120 §4.8.5 wants such declarations on the stanza; a peer may still put them on the header.
    std::string text = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                       "xmlns:p=\"urn:xmpp:ping\" version='1.0'>"
                       "<iq type='get' id='1'><p:ping/></iq><message><p:x xmlns:p='urn:other'/></message>";
    StreamReader r;
    r.feed(text.data(), text.size());
    BOOST_TEST((r.next().type == StreamEventType::header));
    StreamEvent ev = r.next();
    BOOST_REQUIRE((ev.type == StreamEventType::element));
    BOOST_TEST(ev.copied);
    BOOST_TEST(std::string(ev.data, ev.size) ==
               "<iq xmlns:stream='http://etherx.jabber.org/streams' xmlns:p=\"urn:xmpp:ping\" type='get' id='1'><p:ping/></iq>");
    Parser p;
    auto ping = p.parse_in_situ<Iq<Get, ext::Ping>>(ev.data, ev.size);
    BOOST_TEST(bool(ping), ping.error().message());
    // Declared where it is used: handed out as it is.
    ev = r.next();
    BOOST_TEST(!ev.copied);
    BOOST_TEST((ev.kind == ElementKind::message));
}

BOOST_AUTO_TEST_CASE(keepalives_and_close) {
    std::string text = std::string(header) + " \r\n\t<iq type='result' id='1'/>  </stream:stream >trailing bytes are ignored";
    StreamReader r;
    auto types = run_all(r, text);
    std::vector<StreamEventType> want = {StreamEventType::header, StreamEventType::keepalive, StreamEventType::element,
                                         StreamEventType::keepalive, StreamEventType::closed};
    BOOST_TEST(types == want, boost::test_tools::per_element());
    BOOST_TEST((r.next().type == StreamEventType::need_more));
}

BOOST_AUTO_TEST_CASE(empty_stream) {
    std::string text = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'/>";
    StreamReader r;
    auto types = run_all(r, text);
    std::vector<StreamEventType> want = {StreamEventType::header, StreamEventType::closed};
    BOOST_TEST(types == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stream_error_typed) {
    std::string text = std::string(header) +
                       "<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>[2001:db8::1]:5222</see-other-host>"
                       "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='fr'>d&#233;plac&#xe9;</text>"
                       "<moved xmlns='urn:example:app'/></stream:error></stream:stream>";
    StreamReader r;
    auto types = run_all(r, text);
    std::vector<StreamEventType> want = {StreamEventType::header, StreamEventType::stream_error, StreamEventType::closed};
    BOOST_TEST(types == want, boost::test_tools::per_element());
    const StreamError& e = r.stream_error();
    BOOST_TEST(e.has_condition);
    BOOST_TEST((e.condition == StreamCondition::see_other_host));
    BOOST_TEST(e.see_other_host == "[2001:db8::1]:5222");
    BOOST_TEST(*e.text == "d\xC3\xA9plac\xC3\xA9");
    BOOST_TEST(e.text_lang == "fr");
    BOOST_REQUIRE(e.app.has_value());
    BOOST_TEST(e.app->name == "moved");
    BOOST_TEST(e.app->ns == "urn:example:app");
}

BOOST_AUTO_TEST_CASE(stream_error_without_condition) {
    std::string text = std::string(header) + "<stream:error/>";
    StreamReader r;
    auto types = run_all(r, text);
    BOOST_TEST((types.back() == StreamEventType::stream_error));
    BOOST_TEST(!r.stream_error().has_condition);
    BOOST_TEST((r.stream_error().condition == StreamCondition::undefined_condition));
}

BOOST_AUTO_TEST_CASE(condition_names_round_trip) {
    BOOST_TEST(stream_condition_names.size() == 25u);
    for (std::size_t i = 0; i < stream_condition_names.size(); ++i)
        BOOST_TEST((stream_condition_from_string(stream_condition_names[i]) == StreamCondition(i)));
    BOOST_TEST(to_string(StreamCondition::policy_violation) == "policy-violation");  // RFC 6120 §4.9.3.14
    BOOST_TEST(!stream_condition_from_string("no-such-condition"));
    std::string out;
    BOOST_TEST(append_stream_error(out, StreamCondition::not_well_formed));
    BOOST_TEST(out == "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
}

BOOST_AUTO_TEST_CASE(size_limit_is_policy_violation_and_bounds_the_buffer) {
    stream_limits limits;
    limits.max_stanza_bytes = 10000;  // RFC 6120 §13.12's smallest allowed limit
    std::string hdr = header;
    std::string at_limit = "<message><body>" + std::string(10000 - 32, 'a') + "</body></message>";
    BOOST_REQUIRE(at_limit.size() == 10000u);
    // Exactly at the limit: accepted, also when split.
    for (std::size_t split : {std::size_t(4096), std::size_t(100000)}) {
        std::vector<std::size_t> cuts;
        std::string text = hdr + at_limit + "</stream:stream>";
        for (std::size_t i = split; i < text.size(); i += split) cuts.push_back(i);
        replay_result r = replay(text, cuts, limits);
        BOOST_REQUIRE(r.events.size() == 3u);
        BOOST_TEST((r.events[1].kind == ElementKind::message));
        BOOST_TEST(r.events[1].bytes.size() == 10000u);
    }
    // One byte more: policy-violation, found when byte 10001 of the element arrives.
    std::string over = "<message><body>" + std::string(10000 - 31, 'a') + "</body></message>";
    std::string text = hdr + over;
    for (std::size_t split : {std::size_t(1000), text.size()}) {
        StreamReader r(limits);
        StreamEvent ev;
        std::size_t fed = 0;
        std::vector<std::unique_ptr<std::string>> chunks;
        while (ev.type != StreamEventType::error && fed < text.size()) {
            chunks.push_back(std::make_unique<std::string>(text.substr(fed, split)));
            r.feed(chunks.back()->data(), chunks.back()->size());
            fed += chunks.back()->size();
            do ev = r.next();
            while (ev.type != StreamEventType::need_more && ev.type != StreamEventType::error);
        }
        BOOST_REQUIRE((ev.type == StreamEventType::error));
        BOOST_TEST((r.error_condition() == StreamCondition::policy_violation));
        BOOST_TEST((r.error().code() == errc::input_too_large));
        BOOST_TEST(r.error().offset() == hdr.size());
        BOOST_TEST(r.offset() == hdr.size() + 10000);  // read up to the limit, not one byte further
    }
}

BOOST_AUTO_TEST_CASE(cdata_quotes_and_gt_frame_correctly) {
    std::string stanza = "<message a='x>y' b=\"it's\"><body><![CDATA[</message> ]] ]>]]]]></body><x c='/>'/></message>";
    std::string text = std::string(header) + stanza;
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < text.size(); ++i) cuts.push_back(i);
    for (const auto& c : {std::vector<std::size_t>{}, cuts}) {
        replay_result r = replay(text, c);
        BOOST_REQUIRE(r.events.size() == 2u);
        BOOST_TEST(r.events[1].bytes == stanza);
    }
}

BOOST_AUTO_TEST_CASE(restart_keeps_unread_bytes) {
    std::string text = std::string(header) + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>" + header +
                       "<iq type='result' id='b'/>";
    StreamReader r;
    r.feed(text.data(), text.size());
    BOOST_TEST((r.next().type == StreamEventType::header));
    StreamEvent ev = r.next();
    BOOST_TEST(ev.name == "success");
    BOOST_TEST(!ev.copied);
    r.restart();  // RFC 6120 §6.4.6
    BOOST_TEST(!r.has_header());
    BOOST_TEST((r.next().type == StreamEventType::header));
    ev = r.next();
    BOOST_TEST((ev.kind == ElementKind::iq));
    // Without the restart, a second header is just an unclosed element: it never completes.
    StreamReader r2;
    std::string again = text;
    auto types = run_all(r2, again);
    BOOST_TEST(types.size() == 2u);
}

BOOST_AUTO_TEST_CASE(reset_after_failure) {
    StreamReader r;
    std::string bad = "hello";
    auto types = run_all(r, bad);
    BOOST_TEST((types.back() == StreamEventType::error));
    r.restart();  // a failed reader stays failed
    BOOST_TEST((r.next().type == StreamEventType::error));
    r.reset();
    std::string good = header;
    types = run_all(r, good);
    BOOST_TEST((types.back() == StreamEventType::header));
    BOOST_TEST(r.offset() == good.size());
}

BOOST_AUTO_TEST_CASE(feed_before_consumed_is_an_error) {
    std::string text = std::string(header) + "<iq type='result' id='1'/>";
    StreamReader r;
    r.feed(text.data(), text.size());
    BOOST_TEST((r.next().type == StreamEventType::header));
    r.feed(text.data(), text.size());
    BOOST_TEST((r.next().type == StreamEventType::error));
    BOOST_TEST((r.error().code() == errc::invalid_data));
}

// RFC 6120 §11.3 and §4.9.3: each broken stream ends with the right condition.
BOOST_AUTO_TEST_CASE(bad_streams) {
    std::string h = header;
    const bad_case cases[] = {
        // not-well-formed (§4.9.3.13, §11.3)
        {h + "<iq type='get' id='1'><a></b></iq>", StreamCondition::not_well_formed, errc::mismatched_tag},
        {h + "<iq type='get' id='1'><a></a></iqq>", StreamCondition::not_well_formed, errc::mismatched_tag},
        {h + "<iq type='get' id='1'><query xmlns='x'/></iq></stream:streamx>", StreamCondition::not_well_formed, errc::mismatched_tag},
        {h + "</foo>", StreamCondition::not_well_formed, errc::mismatched_tag},
        {h + "< iq/>", StreamCondition::not_well_formed, errc::malformed},
        {h + "<iq a=1/>", StreamCondition::not_well_formed, errc::malformed},
        {h + "<iq a='1'b='2'/>", StreamCondition::not_well_formed, errc::malformed},
        {h + "<iq a='1' a='2'/>", StreamCondition::not_well_formed, errc::duplicate_attribute},
        {h + "<iq><x:y/></iq>", StreamCondition::not_well_formed, errc::undeclared_prefix},
        {h + "<message><body>\xC3\x28</body></message>", StreamCondition::not_well_formed, errc::invalid_utf8},
        {h + "<message><body>a & b</body></message>", StreamCondition::not_well_formed, errc::invalid_reference},
        {h + "<message/ >", StreamCondition::not_well_formed, errc::malformed},
        {"junk" + h, StreamCondition::not_well_formed, errc::malformed},
        {"<?xml version='1.0'?><?xml version='1.0'?>" + h, StreamCondition::not_well_formed, errc::malformed},
        // restricted-xml (§4.9.3.18, §11.1)
        {h + "<!-- hi -->", StreamCondition::restricted_xml, errc::forbidden_comment},
        {h + "<iq><!-- hi --></iq>", StreamCondition::restricted_xml, errc::forbidden_comment},
        {h + "<?php ?>", StreamCondition::restricted_xml, errc::forbidden_pi},
        {h + "<iq><?php ?></iq>", StreamCondition::restricted_xml, errc::forbidden_pi},
        {"<!DOCTYPE x>" + h, StreamCondition::restricted_xml, errc::forbidden_dtd},
        {"<?xml-stylesheet href='x'?>" + h, StreamCondition::restricted_xml, errc::forbidden_pi},
        {h + "<iq><!DOCTYPE x></iq>", StreamCondition::restricted_xml, errc::forbidden_dtd},
        {h + "<message><body>&nbsp;</body></message>", StreamCondition::restricted_xml, errc::undefined_entity},
        // bad-format (§4.9.3.1, §11.7): only whitespace between stanzas
        {h + "hello", StreamCondition::bad_format, errc::unexpected_text},
        {h + "<![CDATA[x]]>", StreamCondition::bad_format, errc::unexpected_text},
        {"<stream:foo xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>", StreamCondition::bad_format,
         errc::malformed},
        // header namespaces (§4.8.1, §4.8.2, §4.9.3.2, §4.9.3.10)
        {"<stream:stream xmlns='jabber:client' xmlns:stream='urn:wrong'>", StreamCondition::invalid_namespace, errc::wrong_namespace},
        {"<stream:stream xmlns='urn:wrong' xmlns:stream='http://etherx.jabber.org/streams'>", StreamCondition::invalid_namespace,
         errc::wrong_namespace},
        {"<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>", StreamCondition::invalid_namespace, errc::wrong_namespace},
        {"<stream xmlns='http://etherx.jabber.org/streams'>", StreamCondition::bad_namespace_prefix, errc::wrong_namespace},
        {"<stream:stream xmlns='jabber:client'>", StreamCondition::bad_namespace_prefix, errc::undeclared_prefix},
        {h + "<s:features xmlns:s='http://etherx.jabber.org/streams'/>", StreamCondition::bad_namespace_prefix, errc::wrong_namespace},
        // unsupported-encoding (§4.9.3.22, §11.6)
        {"<?xml version='1.0' encoding='ISO-8859-1'?>" + h, StreamCondition::unsupported_encoding, errc::invalid_utf8},
        // policy-violation (§4.9.3.14, §13.12)
        {h + "<iq>" + repeat("<a>", 200), StreamCondition::policy_violation, errc::depth_limit},
        {h + "<iq" + numbered_attributes(100) + "/>", StreamCondition::policy_violation,
         errc::attribute_limit},
    };
    for (const bad_case& c : cases) expect_failure(c);
}

BOOST_AUTO_TEST_SUITE_END()
