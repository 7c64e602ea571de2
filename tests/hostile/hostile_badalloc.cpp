// No exception escapes a public function, even when the allocator throws std::bad_alloc.
// The global operator new of this executable fails on its k-th call once armed; for every
// k until a run completes without reaching it, each operation on each input must either
// give the result an unfailing run gives, or fail cleanly with errc::out_of_memory. Every
// operation tried is noexcept, so an escaping exception would call std::terminate, which
// this test turns into a report naming the operation, the input and k.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "../support/replace_new.hpp"
#include "../support/vectors.hpp"
#include "hostile.hpp"

namespace {

// Armed and read by one thread at a time (each run's thread is joined before the next).
long countdown = -1;    // allocations left before the failing one; -1: disarmed
bool reached = false;   // the armed failure happened
const char* operation = "";
std::string current_input;

void* allocate(std::size_t n) {
    if (countdown >= 0 && countdown-- == 0) {
        reached = true;
        return nullptr;
    }
    return std::malloc(n ? n : 1);
}

}  // namespace

XSTANZA_TEST_REPLACE_NEW(allocate, std::free)

using namespace xstanza;

// A user's payload, read through the element view as the extension point offers it: its
// text and an attribute are decoded out of place (the references make them allocate).
struct note {
    std::string_view text;
    std::string_view lang;
    friend bool operator==(const note& a, const note& b) { return a.text == b.text && a.lang == b.lang; }
};
template <>
struct xstanza::payload_traits<note> {
    static constexpr std::string_view name = "note";
    static constexpr std::string_view ns = "urn:example:note";
    static constexpr bool in_get = false, in_set = true, in_result = false;
};
template <>
struct xstanza::payload_parser<note> {
    static result<note> parse(const element& e) noexcept {
        note n{e.text(), e.attribute("label").value_or("")};
        if (n.text.empty()) return parse_error(errc::invalid_payload, e.offset(), "an empty note");
        return n;
    }
};
template <>
struct xstanza::payload_serializer<note> {
    static void write(const note& n, xml_writer& w) noexcept {
        w.open("note", payload_traits<note>::ns);
        w.attribute("label", n.lang);
        w.text(n.text);
        w.close();
    }
};

namespace {

// What an operation produced, comparable across runs.
struct outcome {
    errc code = errc::ok;
    std::size_t offset = 0;
    std::string text;  // the canonical serialization on success
    bool operator==(const outcome& o) const { return code == o.code && offset == o.offset && text == o.text; }
};

outcome from_error(const parse_error& e) { return {e.code(), e.offset(), {}}; }

// Runs op() with the k-th allocation failing (k = 0: none fails). Allocations made while
// building the comparison text are not counted (the counter is disarmed by then).
// Each run is on a new thread, with what it parses with made there: every allocation a
// first parse makes is counted.
template <class Op>
outcome with_failure(long k, Op op) {
    outcome o;
    std::thread([&] {
        countdown = k > 0 ? k - 1 : -1;
        reached = false;
        o = op();
        countdown = -1;
    }).join();
    return o;
}

// Copies text while the failure window is closed: building the report is not under test.
std::string unarmed_copy(std::string_view text) {
    const long saved = countdown;
    countdown = -1;
    std::string s(text);
    countdown = saved;
    return s;
}

// The canonical form of a parsed value, for comparing outcomes (outside the window); as a
// server writes it (a parsed roster push may carry 'ask', which a client's set may not).
template <class T>
std::string canonical(const T& v) {
    const long saved = countdown;
    countdown = -1;
    std::string s;
    if (parse_error e = serialize(v, s, role::server)) s = "serialize failed: " + std::string(to_string(e.code()));
    countdown = saved;
    return s;
}

template <class T>
outcome parse_copy(const std::string& input, const parse_limits& limits) {
    Parser parser(limits);  // may itself meet the failing allocation
    result<T> r = parser.parse<T>(input);
    if (!r) return from_error(r.error());
    return {errc::ok, 0, canonical(*r)};
}

// The in-situ buffer, reserved up front so that filling it allocates nothing.
std::vector<char>& situ_buffer() {
    static std::vector<char> buffer;
    return buffer;
}

template <class T>
outcome parse_in_place(const std::string& input, const parse_limits& limits) {
    std::vector<char>& buffer = situ_buffer();
    buffer.assign(input.begin(), input.end());
    buffer.push_back('\0');
    Parser parser(limits);
    result<T> r = parser.parse_in_situ<T>(buffer.data(), input.size());
    if (!r) return from_error(r.error());
    return {errc::ok, 0, canonical(*r)};
}

// The serializers and make_owned on a value parsed without failures.
template <class T>
outcome serialize_all(const T& v, int which) {
    outcome o;
    switch (which) {
    case 0: {
        std::string out;
        if (parse_error e = serialize(v, out)) return from_error(e);
        o.text = std::move(out);
        return o;
    }
    case 1: {
        result<std::string> x = to_xml(v);
        if (!x) return from_error(x.error());
        o.text = std::move(*x);
        return o;
    }
    case 2: {
        std::vector<char> out;
        auto r = serialize_to(v, std::back_inserter(out));
        if (!r) return from_error(r.error());
        o.text = unarmed_copy(std::string_view(out.data(), out.size()));
        return o;
    }
    default: {
        result<owned<T>> own = make_owned(v);
        if (!own) return from_error(own.error());
        o.text = unarmed_copy(own->xml());
        return o;
    }
    }
}

std::size_t runs = 0, failures_injected = 0;

// Every k: the outcome equals the unfailing one, or is out_of_memory.
template <class Op>
void every_k(const char* name, const vectors::test_case& c, Op op) {
    operation = name;
    const outcome expected = with_failure(0, op);
    for (long k = 1;; ++k) {
        const outcome got = with_failure(k, op);
        ++runs;
        if (!reached) break;  // fewer than k allocations: every one has been made to fail
        ++failures_injected;
        HOSTILE_CHECK(got == expected || got.code == errc::out_of_memory,
                      "%s, %s:%zu, allocation %ld failing: got %s, expected %s or out_of_memory", name,
                      c.file.c_str(), c.line, k, std::string(to_string(got.code)).c_str(),
                      std::string(to_string(expected.code)).c_str());
        if (k > 100000) {
            HOSTILE_CHECK(false, "%s: more than 100000 allocations", name);
            break;
        }
    }
}

void terminate_handler() {
    std::printf("std::terminate during %s (an exception escaped a noexcept function?) on input: %s\n", operation,
                stanza_check::printable(current_input, 300).c_str());
    std::fflush(stdout);
    std::abort();
}

}  // namespace

int main() {
    std::set_terminate(terminate_handler);
    situ_buffer().reserve(8192);
    std::size_t inputs = 0;
    for (const vectors::test_case& c : vectors::all()) {
        // All valid vectors and the invalid ones that fail late (after the element tree is built).
        if (c.input.size() > 4096 || c.is_jid()) continue;
        if (c.code != errc::ok && c.file != "iq.txt" && c.file != "roster.txt" && c.file != "message.txt" &&
            c.file != "presence.txt")
            continue;
        current_input = c.input;
        ++inputs;
        every_k("Parser::parse<AnyStanza>", c, [&] { return parse_copy<AnyStanza>(c.input, c.limits); });
        every_k("Parser::parse_in_situ<AnyStanza>", c, [&] { return parse_in_place<AnyStanza>(c.input, c.limits); });
        vectors::with_target(c.target, [&](auto* tag) {
            using T = std::remove_pointer_t<decltype(tag)>;
            every_k("Parser::parse<target>", c, [&] { return parse_copy<T>(c.input, c.limits); });
            if (c.code != errc::ok) return;
            Parser parser(c.limits);
            result<T> r = parser.parse<T>(c.input);
            if (!r) return;
            static const char* const names[] = {"serialize", "to_xml", "serialize_to", "make_owned"};
            for (int which = 0; which < 4; ++which)
                every_k(names[which], c, [&] { return serialize_all(*r, which); });
        });
    }
    // Payloads read through element views (ext/ and a user's), by every parse entry point:
    // a text that cannot be decoded is out_of_memory, never an empty field.
    auto named = [](const char* what) {
        vectors::test_case c;
        c.file = what;
        return c;
    };
    const vectors::test_case version = named("ext:version"), ping = named("ext:ping"), user = named("user payload");
    const std::string version_xml = "<iq type='result' id='v'><query xmlns='jabber:iq:version'><name>Psi &amp; Co</name>"
                                    "<version>1.0 &lt;beta&gt;</version><os>Linux &#x2014; x86</os></query></iq>";
    const std::string ping_xml = "<iq type='get' id='p'><ping xmlns='urn:xmpp:ping'/></iq>";
    const std::string note_xml = "<iq type='set' id='n'><note xmlns='urn:example:note' label='a&amp;b'>x &lt; y</note></iq>";
    auto payload_entry_points = [&](const vectors::test_case& c, const std::string& xml, auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        current_input = xml;
        ++inputs;
        every_k("Parser::parse<payload>", c, [&] { return parse_copy<T>(xml, {}); });
        every_k("Parser::parse_in_situ<payload>", c, [&] { return parse_in_place<T>(xml, {}); });
        every_k("Parser::cast<payload>", c, [&] {
            Parser parser;
            result<AnyIq> any = parser.parse<AnyIq>(xml);
            if (!any) return from_error(any.error());
            result<T> r = parser.cast<T>(*any);
            if (!r) return from_error(r.error());
            return outcome{errc::ok, 0, canonical(*r)};
        });
    };
    payload_entry_points(version, version_xml, static_cast<Iq<Result, ext::SoftwareVersion>*>(nullptr));
    payload_entry_points(ping, ping_xml, static_cast<Iq<Get, ext::Ping>*>(nullptr));
    payload_entry_points(user, note_xml, static_cast<Iq<Set, note>*>(nullptr));
    // The parse above must really have decoded out of place, or it proves nothing.
    HOSTILE_CHECK(with_failure(0, [&] { return parse_copy<Iq<Result, ext::SoftwareVersion>>(version_xml, {}); }).text ==
                      "<iq type='result' id='v'><query xmlns='jabber:iq:version'><name>Psi &amp; Co</name><version>1.0 "
                      "&lt;beta&gt;</version><os>Linux \xE2\x80\x94 x86</os></query></iq>",
                  "the version payload did not decode its references");

    // The stream reader (an element split across chunks is assembled in its buffer), the
    // tracker (its maps and the answers it writes) and the reply to a refused request.
    const vectors::test_case stream = named("StreamReader"), tracker = named("IqTracker"), reply = named("error_reply");
    const std::string wire = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                             "version='1.0' xml:lang='en'><iq type='get' id='s1'><ping xmlns='urn:xmpp:ping'/></iq>";
    every_k("StreamReader::feed/next", stream, [&] {
        StreamReader reader;
        std::vector<char>& buffer = situ_buffer();
        buffer.assign(wire.begin(), wire.end());
        buffer.push_back('\0');
        const std::size_t cut = wire.size() - 20;  // inside the <iq/>: it is assembled
        outcome o;
        std::size_t fed = 0;
        for (int steps = 0; steps < 16; ++steps) {
            StreamEvent ev = reader.next();
            if (ev.type == StreamEventType::error) return from_error(reader.error());
            if (ev.type == StreamEventType::need_more) {
                if (fed == wire.size()) break;
                const std::size_t n = fed == 0 ? cut : wire.size() - cut;
                reader.feed(buffer.data() + fed, n);
                fed += n;
                continue;
            }
            o.text += char('0' + int(ev.type));
        }
        return o;
    });
    every_k("IqTracker::track/dispatch", tracker, [&] {
        IqTracker t("juliet@example.com");
        const IqId id = t.new_id();  // the Iq keeps a view of it
        Iq<Get, ext::Ping> request(id, ext::Ping{});
        if (parse_error e = t.track(request, IqTracker::clock::now() + std::chrono::seconds(5), [](const IqOutcome&) {}))
            return from_error(e);
        Parser parser;
        result<AnyIq> get = parser.parse<AnyIq>(ping_xml);
        if (!get) return from_error(get.error());
        std::string answer;
        if (t.dispatch(*get, parser, answer) == IqDisposition::failed)
            return outcome{errc::out_of_memory, 0, {}};
        return outcome{errc::ok, 0, unarmed_copy(answer)};
    });
    every_k("error_reply + serialize", reply, [&] {
        Parser parser;
        result<AnyIq> bad = parser.parse<AnyIq>("<iq type='get' id='r' from='a@b.c'><x xmlns='u'/><y xmlns='u'/></iq>");
        if (bad) return outcome{errc::ok, 0, "accepted"};
        std::string answer;
        if (!IqTracker::answer_refused(bad.error(), answer)) return outcome{errc::out_of_memory, 0, {}};
        return outcome{errc::ok, 0, unarmed_copy(answer)};
    });

    // The answer to a refused message (stanza_error_reply, then serialize).
    const vectors::test_case message_reply = named("stanza_error_reply");
    every_k("stanza_error_reply + serialize", message_reply, [&] {
        Parser parser;
        result<AnyStanza> bad =
            parser.parse<AnyStanza>("<message from='a@b.c/d' id='m' type='chat'><body>x</body><body>y</body></message>");
        if (bad) return outcome{errc::ok, 0, "accepted"};
        // Refused for want of memory, it would be answered resource-constraint: a clean failure.
        if (bad.error().code() == errc::out_of_memory) return from_error(bad.error());
        std::optional<AnyStanza> answer = stanza_error_reply(bad.error());
        if (!answer) return outcome{errc::ok, 0, "no answer"};
        std::string xml;
        if (parse_error e = serialize(*answer, xml)) return from_error(e);
        return outcome{errc::ok, 0, unarmed_copy(xml)};
    });

    // Jid::parse allocates nothing; checked with every allocation failing.
    countdown = 0;
    reached = false;
    HOSTILE_CHECK(bool(Jid::parse("juliet@example.com/balcony")), "Jid::parse with a failing allocator");
    HOSTILE_CHECK(!reached, "Jid::parse allocated");
    countdown = -1;
    std::printf("%zu inputs, %zu runs, %zu allocation failures injected\n", inputs, runs, failures_injected);
    HOSTILE_CHECK(failures_injected > 1000, "too few failures injected: %zu", failures_injected);
    return hostile::exit_status();
}
