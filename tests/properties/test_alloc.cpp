// After warm-up, a reused Parser parses a small stanza (an IQ, a message, a presence) with
// zero heap allocations, and serialization to a reused buffer allocates nothing either. Counted by replacing
// the global operator new (and, outside sanitizer builds, glibc's malloc family).
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include <xstanza/xstanza.hpp>

#include "../support/replace_new.hpp"
#include "../support/test_extensions.hpp"

namespace {
std::atomic<long> allocations{0};

void* counted(std::size_t n) {
    ++allocations;
    return std::malloc(n ? n : 1);
}
}  // namespace

XSTANZA_TEST_REPLACE_NEW(counted, std::free)

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define XSTANZA_TEST_NO_MALLOC_HOOK
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define XSTANZA_TEST_NO_MALLOC_HOOK
#endif

#if defined(__GLIBC__) && !defined(XSTANZA_TEST_NO_MALLOC_HOOK)
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
std::atomic<long> malloc_calls{0};
void* malloc(std::size_t n) {
    ++malloc_calls;
    return __libc_malloc(n);
}
void* calloc(std::size_t a, std::size_t b) {
    ++malloc_calls;
    return __libc_calloc(a, b);
}
void* realloc(void* p, std::size_t n) {
    ++malloc_calls;
    return __libc_realloc(p, n);
}
}
#define XSTANZA_TEST_MALLOC_HOOKED 1
#endif

namespace {
long total_allocations() {
#ifdef XSTANZA_TEST_MALLOC_HOOKED
    return allocations.load() + malloc_calls.load();
#else
    return allocations.load();
#endif
}
}  // namespace

BOOST_AUTO_TEST_SUITE(alloc)

BOOST_AUTO_TEST_CASE(steady_state_parse_allocates_nothing) {
    using namespace xstanza;
    Parser parser;
    const std::string inputs[] = {
        "<iq type='get' id='roster_1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'/></iq>",
        "<iq type='set' id='s1'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com' name='N &amp; N'>"
        "<group>Servants</group></item></query></iq>",
        "<iq type='error' id='e1'><ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
        "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>no</text></error></iq>",
        "<iq type='result' id='r1'><query xmlns='jabber:iq:roster' ver='v'><item jid='a@b.c'/><item jid='d@e.f' subscription='both'>"
        "<group>A</group><group>B</group></item></query></iq>",
    };
    std::string buffer;
    buffer.reserve(4096);
    std::string out;
    out.reserve(4096);
    // Warm-up: the parser's reusable storage grows to its working size.
    for (int round = 0; round < 3; ++round)
        for (const std::string& s : inputs) {
            buffer.assign(s);
            auto r = parser.parse_in_situ<AnyIq>(buffer);
            BOOST_REQUIRE(r);
            out.clear();
            BOOST_REQUIRE(!serialize(*r, out));
        }
    long before = total_allocations();
    long parsed = 0;
    for (int round = 0; round < 100; ++round)
        for (const std::string& s : inputs) {
            buffer.assign(s);
            auto r = parser.parse_in_situ<AnyIq>(buffer);
            if (!r) continue;  // counted: `parsed` falls short (no test macro here: it may allocate)
            ++parsed;
            out.clear();
            parse_error e = serialize(*r, out);
            parsed += !e;
        }
    long after = total_allocations();
    BOOST_TEST(parsed == 800);
    BOOST_TEST(after - before == 0);
    // The counter itself works: a fresh parser's first parse allocates (its construction does not).
    long probe = total_allocations();
    {
        Parser fresh;
        BOOST_TEST(total_allocations() == probe);
        buffer.assign(inputs[0]);
        (void)fresh.parse_in_situ<AnyIq>(buffer);
    }
    BOOST_TEST(total_allocations() > probe);
}

BOOST_AUTO_TEST_CASE(typed_parse_allocates_nothing_in_steady_state) {
    using namespace xstanza;
    Parser parser;
    const std::string wire = "<iq type='result' id='r1'><query xmlns='jabber:iq:roster'><item jid='a@b.c'><group>G</group></item></query></iq>";
    std::string buffer;
    buffer.reserve(512);
    for (int i = 0; i < 3; ++i) {
        buffer.assign(wire);
        BOOST_REQUIRE(bool(parser.parse_in_situ<Iq<Result, RosterQuery>>(buffer)));
    }
    long before = total_allocations();
    int good = 0;
    for (int i = 0; i < 100; ++i) {
        buffer.assign(wire);
        auto r = parser.parse_in_situ<Iq<Result, RosterQuery>>(buffer);
        if (!r || r->payload.items.size() != 1u) continue;
        char fixed[512];
        good += bool(serialize_into(*r, fixed, sizeof fixed));
    }
    BOOST_TEST(total_allocations() - before == 0);
    BOOST_TEST(good == 100);
}

// XEP-0030: a disco#info result's identities and features, and a disco#items result's items,
// live in the Parser's storage, reused from parse to parse (codec/disco.hpp).
BOOST_AUTO_TEST_CASE(disco_parse_allocates_nothing_in_steady_state) {
    using namespace xstanza;
    Parser parser;
    const std::string info =
        "<iq type='result' id='i1'><query xmlns='http://jabber.org/protocol/disco#info'>"
        "<identity category='client' type='pc' name='A' xml:lang='en'/><identity category='client' type='pc' xml:lang='fr'/>"
        "<feature var='http://jabber.org/protocol/disco#info'/><feature var='urn:a'/><feature var='urn:b'/>"
        "<feature var='urn:c'/><feature var='urn:d'/><feature var='urn:e'/><feature var='urn:f'/><feature var='urn:g'/>"
        "<feature var='urn:h'/><feature var='urn:i'/></query></iq>";  // ten features: the sorted duplicate check
    const std::string items =
        "<iq type='result' id='i2'><query xmlns='http://jabber.org/protocol/disco#items'>"
        "<item jid='a.example' name='A'/><item jid='b.example' node='n'/><item jid='c@d.example/e'/></query></iq>";
    std::string buffer;
    buffer.reserve(1024);
    auto round = [&]() {
        int good = 0;
        buffer.assign(info);
        auto i = parser.parse_in_situ<Iq<Result, DiscoInfoQuery>>(buffer);
        good += i && i->payload.identities.size() == 2u && i->payload.features.size() == 10u;
        buffer.assign(items);
        auto t = parser.parse_in_situ<Iq<Result, DiscoItemsQuery>>(buffer);
        good += t && t->payload.items.size() == 3u;
        return good;
    };
    for (int i = 0; i < 3; ++i) BOOST_REQUIRE(round() == 2);
    long before = total_allocations();
    int good = 0;
    for (int i = 0; i < 100; ++i) good += round();
    BOOST_TEST(total_allocations() - before == 0);
    BOOST_TEST(good == 200);
}

// RFC 6121 §5.2, §4.7: a chat message with two bodies, a thread and two extensions, and a
// presence with show, two statuses, priority and entity capabilities; parsed (in situ and
// copying, as AnyStanza and typed, a typed extension decoded) and serialized into a reserved
// string, 100 times each after warm-up: no allocation.
BOOST_AUTO_TEST_CASE(message_and_presence_allocate_nothing_in_steady_state) {
    using namespace xstanza;
    Parser parser;
    const std::string message =
        "<message from='juliet@example.com/balcony' id='zh3v72s8' to='romeo@example.net' type='chat' xml:lang='en'>"
        "<body>Art thou not Romeo, and a Montague?</body><body xml:lang='cs'>Nejsi ty Romeo?</body>"
        "<thread parent='e0ffe42b28561960c6b12b944a092794b9683a38'>0e3141cd80894871a68e6fe6b1ec56fa</thread>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/><request xmlns='urn:xmpp:receipts'/></message>";
    const std::string presence =
        "<presence from='romeo@example.net/orchard' id='jx62vs97' xml:lang='en'><show>dnd</show>"
        "<status>Wooing Juliet</status><status xml:lang='cs'>Dvo&#x0159;&#x00ED;m se Julii</status><priority>1</priority>"
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>"
        "</presence>";
    std::string buffer, out;
    buffer.reserve(4096);
    out.reserve(4096);
    // One round of every operation; returns how many succeeded (6 when all did).
    auto round = [&]() {
        int good = 0;
        for (const std::string* s : {&message, &presence}) {
            buffer.assign(*s);
            result<AnyStanza> r = parser.parse_in_situ<AnyStanza>(buffer);
            if (!r) continue;
            out.clear();
            good += !serialize(*r, out);
            result<AnyStanza> c = parser.parse<AnyStanza>(*s);  // copies into the Parser's reused buffer
            if (!c) continue;
            out.clear();
            good += !serialize(*c, out);
        }
        buffer.assign(message);
        result<Message<Chat, test_ext::Receipt>> m = parser.parse_in_situ<Message<Chat, test_ext::Receipt>>(buffer);
        if (m && m->bodies.size() == 2u && m->thread && m->get<test_ext::Receipt>() && m->extensions.size() == 1u) {
            out.clear();
            good += !serialize(*m, out);
        }
        buffer.assign(presence);
        result<Presence<Available, test_ext::Caps>> p = parser.parse_in_situ<Presence<Available, test_ext::Caps>>(buffer);
        if (p && p->statuses.size() == 2u && p->priority == 1 && p->show == Show::dnd && p->get<test_ext::Caps>()) {
            out.clear();
            good += !serialize(*p, out);
        }
        return good;
    };
    for (int i = 0; i < 3; ++i) BOOST_REQUIRE(round() == 6);
    long before = total_allocations();
    int good = 0;
    for (int i = 0; i < 100; ++i) good += round();
    long after = total_allocations();
    BOOST_TEST(good == 600);
    BOOST_TEST(after - before == 0);
}

BOOST_AUTO_TEST_SUITE_END()
