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


// ---------------------------------------------------------------------------
// Messages and presence, as a client receives them. Server-style serialisation: single
// quotes, no white space between elements, no stream prefix (the stream's default
// namespace, jabber:client, is in scope).

/// The caps <c/> of a few well-known clients (XEP-0115 §4: hash, node, ver).
inline const char* caps_of(std::size_t i) {
    static const char* const caps[] = {
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>",
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://gajim.org' ver='SxnO1jl9zE3ioQDTUVwBp3xA8hU='/>",
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://dino.im' ver='rEORdQ4nNHbeVBZHtnFm2D+DAUs='/>",
        "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>",
    };
    return caps[i % 4];
}

/// An available presence with show, status, priority and an XEP-0115 caps <c/>, about 430 bytes.
inline std::string presence_caps() {
    return "<presence from='juliet@capulet.example/balcony-4e2b9c' to='romeo@montague.example/orchard-7f1d' "
           "id='pres-4d1f7a2c' xml:lang='en'><show>away</show>"
           "<status>Out on the balcony &amp; back in ten minutes, then off to the market with the nurse to buy rosemary and cords</status>"
           "<priority>5</priority>"
           "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im' "
           "ver='QgayPKawpkPSDYmwT/WM94uAlu0='/></presence>";
}

/// A MUC occupant's presence (XEP-0045 §7.2.3): caps and the muc#user <x/> with the
/// occupant's affiliation, role and real JID (a non-anonymous room), about 400 bytes.
inline std::string muc_presence(std::size_t i = 0) {
    static const char* const affiliations[] = {"member", "none", "member", "admin", "owner", "none"};
    static const char* const roles[] = {"participant", "participant", "visitor", "moderator", "moderator", "participant"};
    const std::string n = std::to_string(i);
    return "<presence from='verona-square@conference.capulet.example/Occupant " + n +
           "' to='romeo@montague.example/orchard-7f1d' id='mp-" + n + "'>" + caps_of(i) +
           "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='" + affiliations[i % 6] + "' role='" +
           roles[i % 6] + "' jid='occupant" + n + "@verona.example/phone-" + n + "'/></x></presence>";
}

/// A chat message with body, thread, a XEP-0184 receipt request and a XEP-0085 chat state,
/// about 500 bytes.
inline std::string chat_message(std::size_t i = 0) {
    const std::string n = std::to_string(i);
    return "<message type='chat' from='juliet@capulet.example/balcony-4e2b9c' to='romeo@montague.example/orchard-7f1d' "
           "id='msg-8a7f" + n + "' xml:lang='en'>"
           "<body>Wherefore art thou Romeo? Deny thy father and refuse thy name; or, if thou wilt not, be but "
           "sworn my love, and I&apos;ll no longer be a Capulet. &apos;Tis but thy name that is my enemy.</body>"
           "<thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread>"
           "<request xmlns='urn:xmpp:receipts'/><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
}

/// A groupchat history message (XEP-0045 §7.2.15) with a XEP-0203 delay, about 490 bytes.
inline std::string groupchat_delay(std::size_t i = 0) {
    const std::string n = std::to_string(i);
    return "<message type='groupchat' from='verona-square@conference.capulet.example/Mercutio' "
           "to='romeo@montague.example/orchard-7f1d' id='hist-" + n + "'>"
           "<body>A plague o&apos; both your houses! They have made worms&apos; meat of me: I have it, and soundly "
           "too. Your houses! Why the devil came you between us? I was hurt under your arm. Ask for me tomorrow, "
           "and you shall find me a grave man.</body>"
           "<delay xmlns='urn:xmpp:delay' from='verona-square@conference.capulet.example' stamp='2026-07-14T18:"
           "2" + std::to_string(i % 10) + ":03Z'/></message>";
}

/// The i-th contact's available presence after login: show, status, priority and caps varied.
inline std::string login_presence(std::size_t i) {
    static const char* const shows[] = {"", "<show>away</show>", "<show>chat</show>", "<show>dnd</show>", "<show>xa</show>"};
    static const char* const statuses[] = {"", "<status>In a meeting until 3</status>", "<status>On the phone &amp; busy</status>",
                                           "<status>Travelling: Verona &#x2192; Mantua</status>"};
    const std::string idx = std::to_string(i);
    std::string s = "<presence from='contact" + idx + "@example.net/" + (i % 3 == 0 ? "phone-" : "laptop-") + idx +
                    "' to='juliet@example.com/balcony'>";
    s += shows[i % 5];
    s += statuses[i % 4];
    if (i % 3 != 2) s += "<priority>" + std::to_string(int(i % 11) - 1) + "</priority>";
    if (i % 5 != 4) s += caps_of(i);
    s += "</presence>";
    return s;
}

/// n available presences as a server sends them after login (RFC 6121 §4.4.2: the
/// contacts' current presence).
inline std::vector<std::string> login_burst(std::size_t n) {
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(login_presence(i));
    return v;
}

/// A room join (XEP-0045 §7.2.3): the presence of each of n occupants.
inline std::vector<std::string> room_join(std::size_t n) {
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(muc_presence(i));
    return v;
}

/// n stanzas in roughly the proportions of a client's traffic: 60% presence, 30% message,
/// 10% IQ. Presence dominates because every contact's and every room occupant's change of
/// status fans out to every subscriber (RFC 6121 §4.4.2, XEP-0045 §7.2.3) while a message
/// goes to one recipient or room; IQs are the client's own requests and their results. A
/// rough estimate from that fan-out, not a measurement of one server's traffic.
inline std::vector<std::string> mixed_stream(std::size_t n) {
    const std::vector<std::string> small = mixed(10);
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = i % 10;
        if (k < 3) v.push_back(login_presence(i));
        else if (k < 5) v.push_back(muc_presence(i));
        else if (k == 5) v.push_back("<presence type='unavailable' from='contact" + std::to_string(i) + "@example.net/phone'/>");
        else if (k < 8) v.push_back(chat_message(i));
        else if (k == 8) v.push_back(groupchat_delay(i));
        else v.push_back(small[i % 5]);
    }
    return v;
}

}  // namespace xstanza_corpus

#endif  // XSTANZA_TOOLS_CORPUS_HPP
