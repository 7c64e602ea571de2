// A small bot on a client stream: whatever arrives is parsed as AnyStanza; a chat message is
// answered, a subscription request approved, a stanza that breaks a rule answered with a
// stanza error while the stream goes on. The stream comes in 7-byte chunks, as a network
// would cut it. Exits non-zero if a reply differs from the one expected.
#include <cstdio>
#include <string>
#include <vector>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {

std::vector<std::string> sent;

template <class S>
void send(const S& stanza) {
    std::string out;
    if (codec_error e = serialize(stanza, out)) {
        std::printf("not sent: %s\n", e.message().data());
        return;
    }
    std::printf("-> %s\n", out.c_str());
    sent.push_back(out);
}

int ids = 0;
std::string next_id() { return "bot" + std::to_string(++ids); }

void handle(const AnyStanza& stanza) {
    if (const AnyMessage* m = stanza.message()) {
        if (m->type != MessageType::chat || !m->body()) return;
        Message<Chat> answer;
        static std::string text;  // outlives the reply: a stanza holds views, not copies
        text = "You said: " + std::string(*m->body());
        answer.bodies = std::string_view(text);
        answer.to = m->from;
        answer.thread = m->thread;  // RFC 6121 §5.2.5: the same conversation
        send(answer);
    } else if (const AnyPresence* p = stanza.presence()) {
        if (p->type == PresenceType::subscribe) {
            static std::string id;
            id = next_id();
            if (result<Presence<Subscribed>> yes = approve(p->typed<Subscribe>(), id)) send(*yes);
        } else if (p->type == PresenceType::available) {
            std::printf("   %s is %s (priority %d)\n", p->from ? p->from->to_string().c_str() : "?",
                        p->show == Show::none ? "online" : std::string(to_string(p->show)).c_str(),
                        p->priority.value_or(0));
        }
    }
}

}  // namespace

int main() {
    std::string wire =
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
        "from='example.net' to='bot@example.net' id='s1' version='1.0' xml:lang='en'>"
        "<message from='romeo@example.net/orchard' to='bot@example.net' type='chat' id='m1'>"
        "<body>Wherefore art thou?</body><thread>t-7</thread></message>"
        "<presence from='juliet@example.com/balcony' to='bot@example.net' id='s1' type='subscribe'/>"
        "<presence from='nurse@example.com/kitchen'><show>dnd</show><priority>5225</priority></presence>"
        "<presence from='nurse@example.com/kitchen'><show>away</show><priority>2</priority></presence>";
    StreamReader reader;
    Parser parser;
    std::string chunk;
    for (std::size_t at = 0; at < wire.size(); at += 7) {
        chunk.assign(wire, at, 7);  // its terminator is the padding byte feed() needs
        reader.feed(chunk.data(), chunk.size());
        for (StreamEvent ev = reader.next(); ev.type != StreamEventType::need_more; ev = reader.next()) {
            if (ev.type == StreamEventType::error) return std::printf("stream error\n"), 1;
            if (ev.type != StreamEventType::element) continue;
            result<AnyStanza> stanza = parser.parse_in_situ<AnyStanza>(ev.data, ev.size, reader.context());
            if (!stanza) {  // that stanza's error: answer it, and read on
                std::printf("   refused: %s\n", stanza.error().message().data());
                if (std::optional<AnyStanza> reply = stanza_error_reply(stanza.error())) send(*reply);
                continue;
            }
            handle(*stanza);
        }
    }
    const char* const expected[] = {
        "<message type='chat' to='romeo@example.net/orchard'><body>You said: Wherefore art thou?</body>"
        "<thread>t-7</thread></message>",
        "<presence type='subscribed' id='bot1' to='juliet@example.com'/>",
        "<presence type='error' to='nurse@example.com/kitchen'><error type='modify'>"
        "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' "
        "xml:lang='en'>&lt;priority&gt;5225&lt;/priority&gt;: the value is an integer from -128 to 127 (RFC 6121 "
        "\xc2\xa7" "4.7.2.3)</text></error></presence>",
    };
    if (sent.size() != 3) return std::printf("expected 3 replies, sent %zu\n", sent.size()), 1;
    for (std::size_t i = 0; i < 3; ++i)
        if (sent[i] != expected[i]) return std::printf("reply %zu differs from\n   %s\n", i + 1, expected[i]), 1;
    return 0;
}
