// Deterministic stanza corpora shared by `xstanza bench` and benchmarks/ (no files committed).
#ifndef XSTANZA_TOOLS_CORPUS_HPP
#define XSTANZA_TOOLS_CORPUS_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace xstanza_corpus {

/// One roster get, about 100 bytes.
inline std::string small_get() {
    return "<iq type='get' id='roster_1' from='juliet@example.com/balcony'><query xmlns='jabber:iq:roster'/></iq>";
}

/// An error reply with condition, text and xml:lang.
inline std::string error_reply() {
    return "<iq type='error' id='ping-7' from='capulet.example' to='juliet@example.com/balcony'>"
           "<ping xmlns='urn:xmpp:ping'/>"
           "<error type='cancel' by='capulet.example'>"
           "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
           "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>The service &amp; its feature are unavailable</text>"
           "</error></iq>";
}

/// A roster result with n items: varied subscription, some ask='subscribe', names with
/// entities, two groups each.
inline std::string roster(std::size_t n) {
    static const char* const subs[] = {"both", "to", "from", "none"};
    static const char* const groups[] = {"Friends", "Family", "Work &amp; Co", "Capulets", "Montagues", "Verona"};
    std::string s = "<iq type='result' id='roster_1' to='juliet@example.com/balcony'><query xmlns='jabber:iq:roster' ver='ver14'>";
    s.reserve(n * 150 + 200);
    for (std::size_t i = 0; i < n; ++i) {
        std::string idx = std::to_string(i);
        s += "<item jid='contact" + idx + "@example.net' name='Contact " + idx + " &amp; &apos;friend&apos;' subscription='";
        s += subs[i % 4];
        s += "'";
        if (i % 7 == 3) s += " ask='subscribe'";
        s += "><group>";
        s += groups[i % 6];
        s += "</group><group>";
        s += groups[(i + 1) % 6];
        s += "</group></item>";
    }
    s += "</query></iq>";
    return s;
}

/// n small stanzas of every kind (get, set, result, error, ping), each its own document.
inline std::vector<std::string> mixed(std::size_t n) {
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string id = "id" + std::to_string(i);
        switch (i % 5) {
        case 0:
            v.push_back("<iq type='get' id='" + id + "' from='romeo@example.net/orchard'><query xmlns='jabber:iq:roster'/></iq>");
            break;
        case 1:
            v.push_back("<iq type='set' id='" + id + "'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com' name='Nurse'><group>Servants</group></item></query></iq>");
            break;
        case 2:
            v.push_back("<iq type='result' id='" + id + "' to='romeo@example.net/orchard'/>");
            break;
        case 3:
            v.push_back("<iq type='error' id='" + id + "' from='example.net'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            break;
        default:
            v.push_back("<iq type='get' id='" + id + "' to='example.net' from='romeo@example.net/orchard'><ping xmlns='urn:xmpp:ping'/></iq>");
            break;
        }
    }
    return v;
}

}  // namespace xstanza_corpus

#endif  // XSTANZA_TOOLS_CORPUS_HPP
