// A minimal XMPP client session on plain TCP (POSIX sockets), built from xstanza's
// StreamReader, Parser, serialize and IqTracker. Every stanza it reads is parsed as an
// AnyStanza: IQs go to the IqTracker, messages and presence to on_stanza or a queue that
// wait_for() takes from. Used by roster_client.cpp and by the Prosody interop test
// (tests/interop/). Loopback and test servers only: it authenticates
// with SASL PLAIN without TLS (RFC 6120 §13.8 forbids offering that on a real network).
#ifndef XSTANZA_EXAMPLE_ROSTER_CLIENT_SESSION_HPP
#define XSTANZA_EXAMPLE_ROSTER_CLIENT_SESSION_HPP

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/codec/ping.hpp>
#include <xstanza/codec/version.hpp>
#include <xstanza/stream/reader.hpp>
#include <xstanza/session/tracker.hpp>
#include <xstanza/xstanza.hpp>

namespace roster_client {

/// RFC 6120 §7: resource binding, as a user-defined payload: the same three
/// specialisations as xstanza/codec/ping.hpp, written in application code.
struct Bind {
    std::string_view resource{};      ///< <resource/> the client asks for (RFC 6120 §7.7)
    std::optional<xstanza::Jid> jid;  ///< <jid/> the server bound (RFC 6120 §7.6.1)
};
inline constexpr std::string_view bind_ns = "urn:ietf:params:xml:ns:xmpp-bind";
inline constexpr std::string_view sasl_ns = "urn:ietf:params:xml:ns:xmpp-sasl";

}  // namespace roster_client

template <>
struct xstanza::payload_traits<roster_client::Bind> {
    static constexpr std::string_view name = "bind";
    static constexpr std::string_view ns = roster_client::bind_ns;
    static constexpr bool in_get = false, in_set = true, in_result = true;  // RFC 6120 §7.6, §7.7
};

template <>
struct xstanza::payload_parser<roster_client::Bind> {
    static xstanza::result<roster_client::Bind> parse(const xstanza::element& e) noexcept {
        roster_client::Bind b;
        for (xstanza::element c : e) {
            if (c.ns() != roster_client::bind_ns) continue;
            if (c.name() == "resource") {
                b.resource = c.text();
            } else if (c.name() == "jid") {
                xstanza::result<xstanza::Jid> j = xstanza::Jid::parse(c.text());
                if (!j) return j.error();
                b.jid = *j;
            }
        }
        return b;
    }
};

template <>
struct xstanza::payload_serializer<roster_client::Bind> {
    static void write(const roster_client::Bind& b, xstanza::xml_writer& w) noexcept {
        w.open("bind", roster_client::bind_ns);
        if (!b.resource.empty()) {
            w.open("resource", roster_client::bind_ns);
            w.text(b.resource);
            w.close();
        }
        w.close();
    }
};

namespace roster_client {

using clock = std::chrono::steady_clock;

/// A contact, copied out of a parsed roster (parsed stanzas are views into the read buffer).
struct Contact {
    std::string jid;
    std::optional<std::string> name;
    xstanza::Subscription subscription = xstanza::Subscription::none;
    bool ask = false;
    std::vector<std::string> groups;

    static Contact from(const xstanza::RosterItem& item) {
        Contact c;
        c.jid = item.jid.to_string();
        if (item.name) c.name = std::string(*item.name);
        c.subscription = item.subscription;
        c.ask = item.ask;
        for (std::string_view g : item.groups) c.groups.emplace_back(g);
        return c;
    }
    /// One line: jid 'name' [groups] subscription
    std::string describe() const {
        std::string s = jid;
        if (name) s += " '" + *name + "'";
        s += " [";
        for (std::size_t i = 0; i < groups.size(); ++i) s += (i ? "," : "") + groups[i];
        s += "] ";
        s += std::string(xstanza::to_string(subscription));
        return s;
    }
};

inline std::string base64(std::string_view in) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        std::uint32_t v = (std::uint32_t(std::uint8_t(in[i])) << 16) | (std::uint32_t(std::uint8_t(in[i + 1])) << 8) |
                          std::uint8_t(in[i + 2]);
        for (int k = 18; k >= 0; k -= 6) out += alphabet[(v >> k) & 63];
    }
    if (i < in.size()) {
        std::uint32_t v = std::uint32_t(std::uint8_t(in[i])) << 16;
        if (i + 1 < in.size()) v |= std::uint32_t(std::uint8_t(in[i + 1])) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += i + 1 < in.size() ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

/// One client connection: connect, SASL PLAIN, bind, then IQs through an IqTracker.
class Session {
public:
    struct Config {
        std::string host = "127.0.0.1";
        std::uint16_t port = 5222;
        std::string jid;       ///< the account, localpart@domainpart
        std::string password;
        std::string resource = "xstanza";
        std::chrono::milliseconds timeout{5000};  ///< per request, and per handshake step
        std::FILE* log = nullptr;                 ///< progress lines, prefixed with `label`
        std::FILE* record = nullptr;              ///< every byte received, raw
        std::string label = "client";
    };

    explicit Session(Config config) : config_(std::move(config)), buffer_(64 * 1024 + 1) {}
    ~Session() { close(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const std::string& error() const { return error_; }
    const std::string& full_jid() const { return full_jid_; }
    const std::string& domain() const { return domain_; }
    xstanza::IqTracker& tracker() { return tracker_; }
    const Config& config() const { return config_; }

    /// Called for each roster push (RFC 6121 §2.1.6) after the session answered it.
    std::function<void(const Contact&)> on_roster_push;
    /// Called for each ping this session answered (XEP-0199 §4.1): the sender.
    std::function<void(std::string_view from)> on_ping;
    /// Called with each message and presence as it is parsed (its views are valid during the
    /// call only). Return true when it was handled; false (or no handler) queues an owned copy
    /// of it for wait_for().
    std::function<bool(const xstanza::AnyStanza&)> on_stanza;

    /// A received message or presence with the storage its views point into.
    using Received = xstanza::owned<xstanza::AnyStanza>;
    /// At most this many are queued; beyond that the oldest is dropped (and logged).
    std::size_t max_received = 256;

    /// The messages and presences received and not yet taken by wait_for(), oldest first.
    std::deque<Received>& received() { return received_; }

    /// Processes the stream until a message or presence satisfying `match` has arrived (the
    /// queue first, oldest first), then takes it out of the queue. Nothing at the timeout or
    /// when the session failed (error() then says why). Stanzas that do not match stay queued.
    std::optional<Received> wait_for(const std::function<bool(const xstanza::AnyStanza&)>& match,
                                     std::chrono::milliseconds timeout) {
        std::optional<Received> found;
        auto take = [&] {
            for (auto it = received_.begin(); it != received_.end(); ++it) {
                if (!match(**it)) continue;
                found.emplace(std::move(*it));
                received_.erase(it);
                return true;
            }
            return false;
        };
        (void)pump_until(take, clock::now() + timeout);
        return found;
    }

    /// TCP connect, stream, SASL PLAIN, stream restart, resource binding.
    bool open() {
        xstanza::result<xstanza::Jid> account = xstanza::Jid::parse(config_.jid);
        if (!account || account->local().empty() || !account->is_bare())
            return fail("--jid must be a bare JID localpart@domainpart");
        domain_ = std::string(account->domain());
        std::string user(account->local());
        if (parse_error_to(tracker_.set_account(config_.jid))) return false;
        install_handlers();
        if (!connect_tcp()) return false;

        // RFC 6120 §4.2, §4.3: open the stream, read the server's header and features.
        if (!start_stream()) return false;
        // RFC 6120 §6.4.2, RFC 4616 §2: PLAIN's initial response is authzid NUL authcid NUL passwd.
        std::string plain;
        plain.push_back('\0');
        plain += user;
        plain.push_back('\0');
        plain += config_.password;
        if (!send_raw("<auth xmlns='" + std::string(sasl_ns) + "' mechanism='PLAIN'>" + base64(plain) + "</auth>"))
            return false;
        xstanza::StreamEvent ev;
        if (!wait_element(ev, "the SASL outcome")) return false;
        if (ev.ns != sasl_ns || ev.name != "success")
            return fail("SASL PLAIN failed (RFC 6120 §6.4.5): " + std::string(ev.data, ev.size));
        // RFC 6120 §6.4.6: after <success/> both sides restart the stream.
        reader_.restart();
        if (!start_stream()) return false;

        // RFC 6120 §7.7: bind, asking for our resource.
        xstanza::Iq<xstanza::Set, Bind> bind("bind", Bind{config_.resource, std::nullopt});
        bool ok = call(bind, [&](const xstanza::IqOutcome& o) {
            if (o.type != xstanza::IqOutcomeType::result) return;
            auto r = o.parser->cast<xstanza::Iq<xstanza::Result, Bind>>(*o.reply);
            if (r && r->payload.jid) full_jid_ = r->payload.jid->to_string();
        });
        if (!ok || full_jid_.empty()) return fail("resource binding failed (RFC 6120 §7)" + (error_.empty() ? "" : ": " + error_));
        (void)tracker_.set_account(full_jid_);
        log("bound %s", full_jid_.c_str());
        return true;
    }

    /// Serializes and sends a stanza.
    template <class T>
    bool send(const T& stanza) {
        std::string xml;
        if (xstanza::parse_error e = xstanza::serialize(stanza, xml)) return fail("serialize: " + std::string(e.message()));
        return send_raw(xml);
    }

    /// Sends a get/set with a fresh id; `f` runs once with its outcome, while the stream is
    /// processed (pump_until, call). Copy what you keep from the outcome: its views die with it.
    template <class T, class F>
    bool start(T request, F&& f, xstanza::IqId* sent_id = nullptr) {
        xstanza::IqId id = tracker_.new_id();
        if (sent_id) *sent_id = id;
        request.id = id;
        xstanza::parse_error e = tracker_.track(request, clock::now() + config_.timeout, std::forward<F>(f));
        if (e) return fail("track: " + std::string(e.message()));
        return send(request);
    }

    /// start(), then processes the stream until the outcome. False on timeout or failure.
    template <class T, class F>
    bool call(T request, F&& f) {
        bool done = false, answered = false;
        xstanza::IqId id;
        bool sent = start(std::move(request), [&](const xstanza::IqOutcome& o) {
            done = true;
            answered = o.type != xstanza::IqOutcomeType::timeout;
            f(o);
        }, &id);
        bool pumped = sent && pump_until([&] { return done; }, clock::now() + config_.timeout + std::chrono::milliseconds(500));
        // The handler refers to this frame: end the request now if it is still pending.
        tracker_.cancel(id);
        if (!pumped) return false;
        if (!answered) return fail("no answer within the timeout");
        return true;
    }

    /// Processes the stream (answering requests, matching answers) until done() or the deadline.
    bool pump_until(const std::function<bool()>& done, clock::time_point deadline) {
        for (;;) {
            if (done()) return true;
            tracker_.expire(clock::now());
            if (done()) return true;
            clock::time_point until = deadline;
            if (auto t = tracker_.next_deadline(); t && *t < until) until = *t;
            xstanza::StreamEvent ev;
            if (!next_event(ev, until)) {
                if (!error_.empty()) return false;
                if (clock::now() >= deadline) {
                    tracker_.expire(clock::now());
                    return done();
                }
                continue;  // a tracker deadline passed: expire() above reports it
            }
            if (!handle(ev)) return false;
        }
    }

    /// Processes the stream for `d`.
    bool pump_for(std::chrono::milliseconds d) {
        return pump_until([] { return false; }, clock::now() + d) || error_.empty();
    }

    /// RFC 6120 §4.4: closes our stream, waits briefly for the server's closing tag, closes TCP.
    void close() {
        if (fd_ < 0) return;
        if (stream_open_) {
            (void)send_raw("</stream:stream>");
            clock::time_point deadline = clock::now() + std::chrono::milliseconds(1500);
            xstanza::StreamEvent ev;
            while (next_event(ev, deadline)) {
                if (ev.type == xstanza::StreamEventType::closed || ev.type == xstanza::StreamEventType::error) break;
            }
            stream_open_ = false;
        }
        ::close(fd_);
        fd_ = -1;
        tracker_.cancel_all();
    }

    bool send_raw(std::string_view xml) {
        while (!xml.empty()) {
            ssize_t n = ::send(fd_, xml.data(), xml.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail(std::string("send: ") + std::strerror(errno));
            xml.remove_prefix(std::size_t(n));
        }
        return true;
    }

    template <class... Args>
    void log(const char* format, Args... args) const {
        if (!config_.log) return;
        std::fprintf(config_.log, "[%s] ", config_.label.c_str());
        if constexpr (sizeof...(Args) == 0) std::fputs(format, config_.log);
        else std::fprintf(config_.log, format, args...);
        std::fputc('\n', config_.log);
        std::fflush(config_.log);
    }

private:
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }
    bool parse_error_to(const xstanza::parse_error& e) {
        if (!e) return false;
        fail(std::string(e.message()));
        return true;
    }

    void install_handlers() {
        using namespace xstanza;
        // XEP-0199 §4.1: answer a ping with an empty result.
        (void)tracker_.on<Get, ext::Ping>([this](const Iq<Get, ext::Ping>& ping, std::string& answer) {
            if (serialize(make_result(ping), answer)) return false;
            std::string from = ping.from ? ping.from->to_string() : domain_;
            log("answered a ping from %s", from.c_str());
            if (on_ping) on_ping(from);
            return true;
        });
        // XEP-0092 §2: say who we are.
        (void)tracker_.on<Get, ext::VersionQuery>([](const Iq<Get, ext::VersionQuery>& q, std::string& answer) {
            return !serialize(make_result(q, ext::SoftwareVersion{"xstanza roster_client", "0.1.0", std::nullopt}), answer);
        });
        // RFC 6121 §2.1.6: a roster push. The tracker hands over only those from our own
        // account (no 'from', or our bare JID); it ignores the others (IqDisposition::ignored).
        (void)tracker_.on<Set, RosterSet>([this](const Iq<Set, RosterSet>& push, std::string& answer) {
            if (serialize(make_result(push), answer)) return false;
            Contact c = Contact::from(push.payload.item);
            log("roster push: %s", c.describe().c_str());
            if (on_roster_push) on_roster_push(c);
            return true;
        });
    }

    bool connect_tcp() {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* res = nullptr;
        std::string port = std::to_string(config_.port);
        if (int rc = ::getaddrinfo(config_.host.c_str(), port.c_str(), &hints, &res); rc != 0)
            return fail("resolve " + config_.host + ": " + gai_strerror(rc));
        for (addrinfo* a = res; a; a = a->ai_next) {
            int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (fd < 0) continue;
            if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
                fd_ = fd;
                break;
            }
            ::close(fd);
        }
        ::freeaddrinfo(res);
        if (fd_ < 0) return fail("connect " + config_.host + ":" + port + ": " + std::strerror(errno));
        // Stanzas are small and latency-bound: do not let Nagle hold back a second small write.
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        log("connected to %s:%s", config_.host.c_str(), port.c_str());
        return true;
    }

    // RFC 6120 §4.2: our header; then the server's header and its <stream:features/> (§4.3.2).
    bool start_stream() {
        if (!send_raw("<?xml version='1.0'?><stream:stream to='" + domain_ +
                      "' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"))
            return false;
        stream_open_ = true;
        xstanza::StreamEvent ev;
        clock::time_point deadline = clock::now() + config_.timeout;
        do {
            if (!next_event(ev, deadline)) return fail(error_.empty() ? "no stream header from the server" : error_);
        } while (ev.type == xstanza::StreamEventType::keepalive);
        if (ev.type != xstanza::StreamEventType::header) return unexpected(ev, "a stream header");
        const xstanza::StreamHeader& h = reader_.header();
        // RFC 6120 §4.7.5: we speak version 1.0; a server without it predates stream features.
        if (!h.version || *h.version != "1.0") return fail("the server's stream has no version='1.0' (RFC 6120 §4.7.5)");
        if (!wait_element(ev, "stream features")) return false;
        if (ev.kind != xstanza::ElementKind::features) return unexpected(ev, "<stream:features/>");
        return true;
    }

    bool unexpected(const xstanza::StreamEvent& ev, const char* wanted) {
        if (ev.type == xstanza::StreamEventType::stream_error)
            return fail(std::string("stream error from the server: ") +
                        std::string(xstanza::to_string(reader_.stream_error().condition)));
        if (ev.type == xstanza::StreamEventType::error)
            return fail("bad stream from the server: " + std::string(reader_.error().message()));
        return fail(std::string("expected ") + wanted + ", got " +
                    (ev.size ? std::string(ev.data, ev.size) : std::string("event ") + std::to_string(int(ev.type))));
    }

    bool wait_element(xstanza::StreamEvent& ev, const char* what) {
        clock::time_point deadline = clock::now() + config_.timeout;
        do {
            if (!next_event(ev, deadline)) return fail(error_.empty() ? std::string("timed out waiting for ") + what : error_);
        } while (ev.type == xstanza::StreamEventType::keepalive);
        if (ev.type != xstanza::StreamEventType::element) return unexpected(ev, what);
        return true;
    }

    // The next event from the stream, reading the socket as needed; false at the deadline
    // (error_ empty) or when the connection failed (error_ set).
    bool next_event(xstanza::StreamEvent& ev, clock::time_point deadline) {
        for (;;) {
            ev = reader_.next();
            if (ev.type != xstanza::StreamEventType::need_more) return true;
            if (fd_ < 0) return fail("not connected");
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
            if (left <= 0) return false;
            pollfd p{fd_, POLLIN, 0};
            int rc = ::poll(&p, 1, int(left > 60000 ? 60000 : left) + 1);
            if (rc < 0 && errno == EINTR) continue;
            if (rc < 0) return fail(std::string("poll: ") + std::strerror(errno));
            if (rc == 0) continue;  // the loop re-checks the deadline
            // One byte of the buffer stays free: the padding StreamReader hands to the in-situ parser.
            ssize_t n = ::recv(fd_, buffer_.data(), buffer_.size() - 1, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n == 0) return fail("the server closed the connection");
            if (n < 0) return fail(std::string("recv: ") + std::strerror(errno));
            if (config_.record) {
                std::fwrite(buffer_.data(), 1, std::size_t(n), config_.record);
                std::fflush(config_.record);
            }
            reader_.feed(buffer_.data(), std::size_t(n));
        }
    }

    // One event after the handshake.
    bool handle(const xstanza::StreamEvent& ev) {
        using xstanza::StreamEventType;
        switch (ev.type) {
        case StreamEventType::need_more:
        case StreamEventType::keepalive:
        case StreamEventType::header:
            return true;
        case StreamEventType::closed:
            stream_open_ = false;
            return fail("the server closed the stream");
        case StreamEventType::stream_error:
            return fail("stream error from the server: " + std::string(xstanza::to_string(reader_.stream_error().condition)));
        case StreamEventType::error: {
            // RFC 6120 §4.9.1.1: answer a broken stream with a stream error and close it.
            std::string out;
            if (xstanza::append_stream_error(out, reader_.error_condition())) (void)send_raw(out);
            stream_open_ = false;
            return fail("bad stream from the server: " + std::string(reader_.error().message()));
        }
        case StreamEventType::element:
            break;
        }
        if (ev.kind != xstanza::ElementKind::iq && ev.kind != xstanza::ElementKind::message &&
            ev.kind != xstanza::ElementKind::presence) {
            log("ignored <%.*s xmlns='%.*s'/>", int(ev.name.size()), ev.name.data(), int(ev.ns.size()), ev.ns.data());
            return true;
        }
        xstanza::result<xstanza::AnyStanza> stanza =
            parser_.parse_in_situ<xstanza::AnyStanza>(ev.data, ev.size, reader_.context());
        if (!stanza) {
            // RFC 6120 §8.2.3, §8.3.1: a refused get or set is still answered, with its id; a
            // refused message or presence may be (RFC 6121 §4.7.1: an unknown presence type is).
            if (std::optional<xstanza::AnyStanza> reply = xstanza::stanza_error_reply(stanza.error())) {
                log("answered an invalid <%.*s/> with an error: %s", int(ev.name.size()), ev.name.data(),
                    std::string(stanza.error().message()).c_str());
                return send(*reply);
            }
            log("dropped an invalid <%.*s/>: %s", int(ev.name.size()), ev.name.data(),
                std::string(stanza.error().message()).c_str());
            return true;
        }
        const xstanza::AnyIq* iq = stanza->iq();
        if (!iq) return keep(*stanza);
        std::string answer;
        xstanza::IqDisposition d = tracker_.dispatch(*iq, parser_, answer);
        if (d == xstanza::IqDisposition::unhandled)
            log("answered service-unavailable to a %s <%.*s xmlns='%.*s'/> (RFC 6120 §8.4)",
                std::string(xstanza::to_string(iq->type)).c_str(), int(iq->payload.name().size()), iq->payload.name().data(),
                int(iq->payload.ns().size()), iq->payload.ns().data());
        else if (d == xstanza::IqDisposition::wrong_sender)
            log("dropped an answer to %.*s from an unexpected sender (RFC 6120 §8.2.3)", int(iq->id.size()), iq->id.data());
        else if (d == xstanza::IqDisposition::unmatched)
            log("dropped an answer nobody waits for: id %.*s", int(iq->id.size()), iq->id.data());
        else if (d == xstanza::IqDisposition::ignored)
            log("ignored a roster push from %s (RFC 6121 §2.1.6)", iq->from ? iq->from->to_string().c_str() : "");
        if (!answer.empty() && !send_raw(answer)) return false;
        return true;
    }

    // A message or presence: to on_stanza, else an owned copy into the queue.
    bool keep(const xstanza::AnyStanza& s) {
        if (config_.log) {
            std::string type, from;
            if (const xstanza::AnyMessage* m = s.message()) {
                type = "message type='" + std::string(xstanza::to_string(m->type)) + "'";
                if (m->from) from = m->from->to_string();
            } else if (const xstanza::AnyPresence* p = s.presence()) {
                type = "presence" + (p->type == xstanza::PresenceType::available
                                         ? std::string()
                                         : " type='" + std::string(xstanza::to_string(p->type)) + "'");
                if (p->from) from = p->from->to_string();
            }
            log("received a %s from %s", type.c_str(), from.empty() ? "(no from)" : from.c_str());
        }
        if (on_stanza && on_stanza(s)) return true;
        xstanza::result<Received> copy = xstanza::make_owned(s);
        if (!copy) {
            log("dropped a stanza that could not be copied: %s", std::string(copy.error().message()).c_str());
            return true;
        }
        if (received_.size() >= max_received) {
            log("queue full: dropped the oldest received stanza");
            received_.pop_front();
        }
        received_.push_back(std::move(*copy));
        return true;
    }

    Config config_;
    std::vector<char> buffer_;
    int fd_ = -1;
    bool stream_open_ = false;
    std::string error_;
    std::string domain_;
    std::string full_jid_;
    xstanza::StreamReader reader_;
    xstanza::Parser parser_;
    xstanza::IqTracker tracker_;
    std::deque<Received> received_;
};

}  // namespace roster_client

#endif  // XSTANZA_EXAMPLE_ROSTER_CLIENT_SESSION_HPP
