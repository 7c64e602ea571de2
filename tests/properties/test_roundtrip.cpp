// Round-trip properties over seeded, generated stanzas (IQs, messages, presences):
//   parse(serialize(v)) == v, and serialize(parse(x)) is a fixed point.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {

// An XMPP IRI of a JID (RFC 5122): the ASCII characters a URI never holds, percent-encoded.
std::string iri_of(std::string_view jid) {
    static const char hex[] = "0123456789ABCDEF";
    std::string s = "xmpp:";
    for (char c : jid) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u > 0x20 && u < 0x7F && !std::strchr("\"<>\\^`{|}%#'&", c)) s += c;
        else if (u >= 0x80) s += c;
        else s += {'%', hex[u >> 4], hex[u & 15]};
    }
    return s;
}

// Owns every string and list a generated stanza's views point into.
struct arena {
    std::deque<std::string> strings;
    std::deque<std::vector<RosterItem>> item_lists;
    std::deque<std::vector<std::string_view>> group_lists;
    std::deque<std::vector<LangText>> text_lists;
    std::deque<std::vector<OpaqueElement>> extension_lists;
    std::string_view keep(std::string s) { return strings.emplace_back(std::move(s)); }
};

class generator {
public:
    explicit generator(std::uint32_t seed) : rng_(seed) {}

    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    bool coin() { return below(2) == 0; }

    // Text with everything that needs escaping or care: markup characters, quotes,
    // whitespace that normalisation would eat, multi-byte UTF-8 (2, 3 and 4 bytes).
    std::string text(std::size_t max_len, bool allow_empty = true) {
        static const char* const pieces[] = {"a", "Z", "0", " ", "&", "<", ">", "'", "\"", "\t", "\n", "\r", "]]>",
                                             "\xC3\xA9", "\xE2\x98\x83", "\xF0\x9F\x98\x80", "&amp;", ";", "#", "/", "@"};
        std::size_t n = below(max_len + 1);
        if (!allow_empty && n == 0) n = 1;
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += pieces[below(sizeof pieces / sizeof *pieces)];
        return s;
    }

    std::string_view jid_text(arena& a) {
        static const char* const locals[] = {"", "juliet", "romeo", "n\xC3\xBCrse", "x.y-z_1", "\xE4\xBD\xA0"};
        static const char* const domains[] = {"example.com", "capulet.lit", "[::1]", "192.0.2.7", "m\xC3\xBCnchen.example"};
        static const char* const resources[] = {"", "balcony", "a b/c@d", "\xF0\x9F\x8C\xB9", "r&<'>"};
        std::string s;
        std::string_view l = locals[below(6)];
        if (!l.empty()) { s += l; s += '@'; }
        s += domains[below(5)];
        std::string_view r = resources[below(5)];
        if (!r.empty()) { s += '/'; s += r; }
        return a.keep(std::move(s));
    }
    Jid jid(arena& a) { return *Jid::parse(jid_text(a)); }

    RosterItem item(arena& a, IqType type) {
        RosterItem it;
        it.jid = jid(a);
        if (coin()) it.name = a.keep(text(12));
        it.subscription = Subscription(below(type == IqType::set ? 5 : 4));
        it.ask = below(4) == 0;
        it.approved = below(4) == 0;
        auto& groups = a.group_lists.emplace_back();
        std::size_t n = below(4);
        for (std::size_t i = 0; i < n; ++i) {
            std::string g = text(8, false) + std::to_string(i);  // non-empty and unique
            groups.push_back(a.keep(std::move(g)));
        }
        it.groups = groups;
        return it;
    }

    RosterQuery roster(arena& a, IqType type) {
        RosterQuery q;
        if (coin()) q.ver = a.keep(text(6));
        auto& items = a.item_lists.emplace_back();
        std::size_t n = type == IqType::get ? 0 : type == IqType::set ? 1 : below(6);
        for (std::size_t i = 0; i < n; ++i) items.push_back(item(a, type));
        q.items = items;
        return q;
    }

    StanzaError error(arena& a) {
        StanzaError e(ErrorType(below(5)), Condition(below(22)));
        if ((e.condition == Condition::gone || e.condition == Condition::redirect) && coin())
            e.uri = a.keep(iri_of(jid_text(a)));
        if (coin()) {
            e.text = a.keep(text(20));
            if (coin()) e.text_lang = coin() ? "en" : "de-CH";
        }
        if (coin()) {
            static const char* const names[] = {"unsupported", "invalid-jid", "too-many-subscriptions", "x"};
            static const char* const nss[] = {"http://jabber.org/protocol/pubsub#errors", "urn:example:app", "jabber:iq:roster"};
            e.app = AppCondition{names[below(4)], nss[below(3)]};
        }
        if (coin()) e.by = jid(a);
        return e;
    }

    AnyPayload payload(arena& a, IqType type) {
        if (type == IqType::error && coin()) return {};
        if (type == IqType::result && below(3) == 0) return {};
        if (coin()) return roster(a, type);
        static const char* const opaque[] = {
            "<ping xmlns='urn:xmpp:ping'/>",
            "<query xmlns='jabber:iq:version'><name>xstanza &amp; co</name><version>0.1</version></query>",
            "<vCard xmlns=\"vcard-temp\"><FN>J\xC3\xBCliet</FN><x:y xmlns:x='urn:x' x:a='1'/></vCard>",
            "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource><![CDATA[bal<cony]]></resource></bind>",
        };
        std::size_t k = below(4);
        static const char* const names[] = {"ping", "query", "vCard", "bind"};
        static const char* const nss[] = {"urn:xmpp:ping", "jabber:iq:version", "vcard-temp", "urn:ietf:params:xml:ns:xmpp-bind"};
        return OpaqueElement{names[k], nss[k], opaque[k]};
    }

    AnyIq iq(arena& a) {
        AnyIq q;
        q.type = IqType(below(4));
        q.id = a.keep(text(10, false));
        if (coin()) q.from = jid(a);
        if (coin()) q.to = jid(a);
        if (below(4) == 0) q.lang = coin() ? "en" : "fr";
        q.payload = payload(a, q.type);
        if (q.type == IqType::error) q.error = error(a);
        return q;
    }

    // Texts of one kind (bodies, subjects, statuses): none, one in the stanza's language, or
    // several in distinct languages, one of them maybe inherited (RFC 6121 §5.2.3, §4.7.2.2).
    lang_texts texts(arena& a, std::string_view stanza_lang) {
        static const char* const langs[] = {"en", "cs", "de-CH", "ja", "ar", "zh-Hant", "x-klingon", "EN-gb"};
        static const char* const samples[] = {"Wherefore art thou, Romeo?", ("Pro\xC4\x8D" "e\xC5\xBE jsi ty, Romeo?"),
                                              "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF",
                                              "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", ""};
        const std::size_t n = below(5) == 0 ? 0 : below(4);
        if (n == 0) return {};
        auto& list = a.text_lists.emplace_back();
        const std::size_t first = below(8);
        const bool inherited = coin();  // the first text without xml:lang
        for (std::size_t i = 0, k = first; i < n; ++i) {
            LangText t;
            t.text = coin() ? std::string_view(samples[below(5)]) : a.keep(text(16));
            if (i > 0 || !inherited) {
                // Distinct languages ("EN-gb" and "en" differ), none the inherited one's.
                while (inherited && same_language(langs[k % 8], stanza_lang)) ++k;
                t.lang = langs[k++ % 8];
            }
            list.push_back(t);
        }
        return span<const LangText>(list);
    }

    extension_list extensions(arena& a) {
        static const OpaqueElement known[] = {
            {"active", "http://jabber.org/protocol/chatstates", "<active xmlns='http://jabber.org/protocol/chatstates'/>"},
            {"request", "urn:xmpp:receipts", "<request xmlns='urn:xmpp:receipts'/>"},
            {"c", "http://jabber.org/protocol/caps",
             "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>"},
            {"delay", "urn:xmpp:delay", "<delay xmlns='urn:xmpp:delay' from='capulet.com' stamp='2002-09-10T23:08:25Z'>Offline &amp; stored</delay>"},
            {"x", "vcard-temp:x:update", "<x xmlns=\"vcard-temp:x:update\"><photo/><y:z xmlns:y='urn:y' y:a='1'/></x>"},
        };
        const std::size_t n = below(4);
        if (n == 0) return {};
        auto& list = a.extension_lists.emplace_back();
        for (std::size_t i = 0; i < n; ++i) list.push_back(known[below(5)]);
        return extension_list(list);
    }

    AnyMessage message(arena& a) {
        AnyMessage m;
        m.type = MessageType(below(5));
        if (coin()) m.id = a.keep(text(10, false));
        if (coin()) m.from = jid(a);
        if (coin()) m.to = jid(a);
        if (below(3) == 0) m.lang = coin() ? "en" : "fr";
        m.bodies = texts(a, m.lang);
        m.subjects = texts(a, m.lang);
        if (coin()) {
            Thread t{a.keep("t" + text(8))};
            if (coin()) t.parent = a.keep("p" + text(8));
            m.thread = t;
        }
        m.extensions = extensions(a);
        if (m.type == MessageType::error) m.error = error(a);
        return m;
    }

    AnyPresence presence(arena& a) {
        AnyPresence p;
        p.type = PresenceType(below(8));
        if (coin()) p.id = a.keep(text(10, false));
        if (coin()) p.from = jid(a);
        if (coin()) p.to = jid(a);
        if (below(3) == 0) p.lang = coin() ? "en" : "cs";
        p.statuses = texts(a, p.lang);
        if (p.type == PresenceType::available) {
            p.show = Show(below(5));
            if (coin()) {
                static const int priorities[] = {-128, 127, 0, -1, 1, 5, 100};
                p.priority = priorities[below(7)];
            }
        }
        p.extensions = extensions(a);
        if (p.type == PresenceType::error) p.error = error(a);
        return p;
    }

    AnyStanza stanza(arena& a) {
        switch (below(3)) {
        case 0: return iq(a);
        case 1: return message(a);
        default: return presence(a);
        }
    }

private:
    std::mt19937 rng_;
};

}  // namespace

// The generated stanzas are anything a server may write: a roster push carries 'approved'
// and 'ask', which a client's own roster set may not (RFC 6121 §2.1.2.1, §2.1.2.2).
constexpr role writer = role::server;

BOOST_AUTO_TEST_SUITE(roundtrip)

namespace {

// What a generated stanza holds: the property is only as good as the shapes it saw.
void record_error(std::set<std::string>& shapes, const std::optional<StanzaError>& e) {
    if (!e) return;
    if (e->text) shapes.insert("text");
    if (!e->text_lang.empty()) shapes.insert("text_lang");
    if (e->app) shapes.insert("app");
    if (!e->uri.empty()) shapes.insert("uri");
    if (e->by) shapes.insert("by");
}

void record_texts(std::set<std::string>& shapes, const std::string& kind, const lang_texts& texts) {
    if (texts.size() == 1) shapes.insert(kind + " one");
    if (texts.size() > 1) shapes.insert(kind + " several");
    for (const LangText& t : texts) {
        if (t.lang.empty()) shapes.insert(kind + " inherited lang");
        else shapes.insert(kind + " lang " + std::string(t.lang));
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(parse_of_serialize_is_identity) {
    Parser parser;
    // What the generated stanzas held: the property is only as good as the shapes it saw.
    std::set<std::string> shapes;
    for (std::uint32_t seed = 1; seed <= 5000; ++seed) {
        generator g(seed);
        arena a;
        AnyIq v = g.iq(a);
        std::string xml;
        parse_error e = serialize(v, xml, writer);
        BOOST_TEST_CONTEXT("seed " << seed) {
            BOOST_REQUIRE_MESSAGE(!e, e.message());
            auto back = parser.parse<AnyIq>(xml);
            BOOST_REQUIRE_MESSAGE(back, std::string(back.error().message()) + " in " + xml);
            BOOST_TEST((*back == v), xml);
            // Fixed point: serializing the parse gives the same bytes again.
            std::string again;
            BOOST_REQUIRE(!serialize(*back, again, writer));
            BOOST_TEST(again == xml);
        }
        shapes.insert(std::string(to_string(v.type)));
        if (const RosterQuery* q = v.payload.roster()) {
            shapes.insert("roster");
            for (const RosterItem& item : q->items) {
                if (!item.groups.empty()) shapes.insert("groups");
                if (item.ask || item.approved) shapes.insert("approval");
                if (item.subscription == Subscription::remove) shapes.insert("remove");
            }
        }
        if (v.payload.is_opaque()) shapes.insert("opaque");
        if (v.lang.size()) shapes.insert("lang");
        if (v.from && v.to) shapes.insert("addresses");
        if (v.error) {
            if (v.error->text) shapes.insert("text");
            if (!v.error->text_lang.empty()) shapes.insert("text_lang");
            if (v.error->app) shapes.insert("app");
            if (!v.error->uri.empty()) shapes.insert("uri");
            if (v.error->by) shapes.insert("by");
        }
    }
    const std::set<std::string> wanted = {"get", "set", "result", "error", "roster", "groups", "approval", "remove",
                                          "opaque", "addresses", "text", "text_lang", "app", "uri", "by"};
    for (const std::string& w : wanted) BOOST_TEST(shapes.count(w) == 1u, "no generated stanza had " << w);
}

// Messages and presences of every shape: each type, texts in several languages (explicit and
// inherited), thread with and without parent, show, priority (-128, 127), extensions, errors.
// parse(serialize(x)) == x as AnyStanza, and as the typed stanza its visit() gives; the
// canonical form is a fixed point.
BOOST_AUTO_TEST_CASE(messages_and_presences_round_trip) {
    Parser parser, typed;
    std::set<std::string> shapes;
    for (std::uint32_t seed = 1; seed <= 6000; ++seed) {
        generator g(seed);
        arena a;
        const bool is_message = g.coin();
        const AnyStanza v = is_message ? AnyStanza(g.message(a)) : AnyStanza(g.presence(a));
        std::string xml;
        parse_error e = serialize(v, xml, writer);
        BOOST_TEST_CONTEXT("seed " << seed << ": " << xml) {
            BOOST_REQUIRE_MESSAGE(!e, e.message());
            result<AnyStanza> back = parser.parse<AnyStanza>(xml);
            BOOST_REQUIRE_MESSAGE(back, back.error().message());
            BOOST_TEST((*back == v));
            std::string again;
            BOOST_REQUIRE(!serialize(*back, again, writer));
            BOOST_TEST(again == xml);
            // The typed stanza writes the same bytes and parses back equal.
            auto typed_round_trip = [&](const auto& t) {
                using T = std::decay_t<decltype(t)>;
                std::string out;
                BOOST_REQUIRE(!serialize(t, out, writer));
                BOOST_TEST(out == xml);
                result<T> r = typed.parse<T>(out);
                BOOST_REQUIRE_MESSAGE(r, r.error().message());
                BOOST_TEST((*r == t));
            };
            if (const AnyMessage* m = v.message()) m->visit(typed_round_trip);
            else v.presence()->visit(typed_round_trip);
        }
        if (const AnyMessage* m = v.message()) {
            shapes.insert("message " + std::string(to_string(m->type)));
            record_texts(shapes, "body", m->bodies);
            record_texts(shapes, "subject", m->subjects);
            if (m->thread) shapes.insert(m->thread->parent.empty() ? "thread" : "thread parent");
            if (m->extensions.size() > 1) shapes.insert("message extensions");
            if (!m->lang.empty()) shapes.insert("message lang");
            record_error(shapes, m->error);
        } else {
            const AnyPresence* p = v.presence();
            const std::string_view t = to_string(p->type);
            shapes.insert("presence " + std::string(t.empty() ? "available" : t));
            record_texts(shapes, "status", p->statuses);
            if (p->show != Show::none) shapes.insert("show " + std::string(to_string(p->show)));
            if (p->priority) shapes.insert("priority " + std::to_string(*p->priority));
            if (p->extensions.size() > 1) shapes.insert("presence extensions");
            if (p->from && p->to) shapes.insert("presence addresses");
            record_error(shapes, p->error);
        }
    }
    std::vector<std::string> wanted = {"thread", "thread parent", "message extensions", "message lang",
                                       "presence extensions", "presence addresses", "priority -128", "priority 127",
                                       "text", "text_lang", "app", "uri", "by"};
    for (const char* t : {"normal", "chat", "groupchat", "headline", "error"}) wanted.push_back(std::string("message ") + t);
    for (const char* t : {"available", "unavailable", "subscribe", "subscribed", "unsubscribe", "unsubscribed", "probe", "error"})
        wanted.push_back(std::string("presence ") + t);
    for (const char* s : {"away", "chat", "dnd", "xa"}) wanted.push_back(std::string("show ") + s);
    for (const char* kind : {"body", "subject", "status"}) {
        for (const char* shape : {" one", " several", " inherited lang", " lang en", " lang cs", " lang ja", " lang EN-gb"})
            wanted.push_back(kind + std::string(shape));
    }
    for (const std::string& w : wanted) BOOST_TEST(shapes.count(w) == 1u, "no generated message or presence had " << w);
}

BOOST_AUTO_TEST_CASE(canonical_form_is_a_fixed_point_of_parsed_input) {
    // Non-canonical spellings: other quotes, spacing, prefixes, references, attribute order.
    const char* const inputs[] = {
        "<iq id=\"a\" type = \"get\"  ><query xmlns=\"jabber:iq:roster\" /></iq>",
        ("<c:iq xmlns:c='jabber:client' to='Example.COM' type='result' id='&#x61;&#98;'><r:query xmlns:r='jabber:iq:roster'>"
         "<r:item subscription='none' jid='x@y.z' approved='1'><r:group>&lt;g&gt;</r:group></r:item></r:query></c:iq>"),
        "<iq type='error' id='e' xml:lang='en'><error code='404'/></iq>",
        "<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='a@b.c' subscription='remove' /></query></iq>",
        "<iq type='get' id='v'>\n  <query xmlns='jabber:iq:version'/>\n</iq>\n",
        "<m:message xmlns:m='jabber:client' xml:lang='en' type=\"chat\">\n <m:thread parent='a'> b </m:thread>"
        "<x xmlns='urn:x'/><m:body xml:lang='de'>&#x48;allo</m:body><m:body>hi</m:body></m:message>",
        "<message><body/><subject xml:lang='EN'><![CDATA[<s>]]></subject></message>",
        "<presence>\n<priority> +07 </priority><show> xa </show><status xml:lang='cs'>a</status><status>b</status>"
        "<c xmlns='http://jabber.org/protocol/caps' ver='v' node='n' hash='h'/></presence>",
        "<presence type='unsubscribed' to='a@b' xml:lang=\"en-US\"/>",
    };
    Parser parser;
    for (const char* in : inputs) {
        auto first = parser.parse<AnyStanza>(in);
        BOOST_REQUIRE_MESSAGE(first, std::string(first.error().message()) + " in " + in);
        std::string canon1;
        BOOST_REQUIRE(!serialize(*first, canon1, writer));
        auto second = parser.parse<AnyStanza>(canon1);
        BOOST_REQUIRE_MESSAGE(second, canon1);
        std::string canon2;
        BOOST_REQUIRE(!serialize(*second, canon2, writer));
        BOOST_TEST(canon1 == canon2);
    }
}

BOOST_AUTO_TEST_CASE(typed_round_trip) {
    arena a;
    generator g(42);
    Parser parser;
    for (int i = 0; i < 500; ++i) {
        RosterQuery q = g.roster(a, IqType::result);
        Iq<Result, RosterQuery> iq(a.keep("r" + std::to_string(i)), q);
        iq.to = g.jid(a);
        std::string xml;
        BOOST_REQUIRE(!serialize(iq, xml, writer));
        auto back = parser.parse<Iq<Result, RosterQuery>>(xml);
        BOOST_REQUIRE_MESSAGE(back, back.error().message());
        BOOST_TEST((*back == iq));
    }
}

BOOST_AUTO_TEST_CASE(owned_copies_outlive_buffer_and_parser) {
    std::vector<owned<AnyIq>> kept;
    {
        Parser parser;
        for (int i = 0; i < 20; ++i) {
            std::string wire = "<iq type='result' id='k" + std::to_string(i) + "'><query xmlns='jabber:iq:roster'>"
                               "<item jid='a" + std::to_string(i) + "@b.c'><group>G</group></item></query></iq>";
            auto r = parser.parse_in_situ<AnyIq>(wire);
            BOOST_REQUIRE(r);
            auto o = make_owned(*r);
            BOOST_REQUIRE(o);
            kept.push_back(std::move(*o));
            wire.assign(wire.size(), 'X');  // the original buffer is gone
        }
    }
    for (int i = 0; i < 20; ++i) {
        BOOST_TEST(kept[std::size_t(i)]->id == "k" + std::to_string(i));
        BOOST_TEST(kept[std::size_t(i)]->payload.roster()->items[0].jid.local() == "a" + std::to_string(i));
        BOOST_TEST(kept[std::size_t(i)]->payload.roster()->items[0].groups[0] == "G");
    }
}

BOOST_AUTO_TEST_SUITE_END()
