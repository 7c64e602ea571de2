// xstanza: IQ bookkeeping for an entity on a stream (RFC 6120 §8.2.3). IqTracker makes
// unpredictable unique ids, remembers each get/set it sends, matches every result or error
// to its request by id AND expected sender, gives each request exactly one outcome (result,
// error or timeout), and answers incoming requests nobody handles with service-unavailable
// (RFC 6120 §8.4). It does no I/O: the caller sends what it writes and feeds what arrives.
#ifndef XSTANZA_SESSION_TRACKER_HPP
#define XSTANZA_SESSION_TRACKER_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../stanza/ostream.hpp"
#include "../stanza/parser.hpp"
#include "../model/payload.hpp"
#include "../stanza/reply.hpp"
#include "../model/roster.hpp"
#include "../stanza/serialize.hpp"
#include "../model/stanza_error.hpp"

namespace xstanza {

/// How a tracked request ended. Each request gets exactly one.
enum class IqOutcomeType : unsigned char {
    result,   ///< a type='result' answer from the expected sender
    error,    ///< a type='error' answer from the expected sender (RFC 6120 §8.3)
    timeout,  ///< no answer before the deadline, or the stream ended (cancel_all)
};

/// The enumerator's name ("timeout"); empty for a value outside the enumeration.
constexpr std::string_view to_string(IqOutcomeType t) noexcept {
    switch (t) {
    case IqOutcomeType::result: return "result";
    case IqOutcomeType::error: return "error";
    case IqOutcomeType::timeout: return "timeout";
    }
    return {};
}
/// The enumerator's name; IqOutcomeType(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, IqOutcomeType t) {
    return detail::print_enum(os, t, to_string(t), "IqOutcomeType");
}
template <> struct is_printable<IqOutcomeType> : std::true_type {};

/// What an outcome handler receives. Views are valid during the call only.
struct IqOutcome {
    /// How it ended.
    IqOutcomeType type = IqOutcomeType::timeout;
    std::string_view id{};         ///< the request's id
    const AnyIq* reply = nullptr;  ///< the answer (null on timeout)
    /// The Parser that parsed `reply`, for typed access: parser->cast<Iq<Result, P>>(*reply).
    Parser* parser = nullptr;
    /// The answer's StanzaError when type is error.
    const StanzaError* error() const noexcept { return reply && reply->error ? &*reply->error : nullptr; }
};

/// What IqTracker::dispatch did with an incoming IQ.
enum class IqDisposition : unsigned char {
    matched,       ///< a result/error answering a tracked request: its handler ran
    unmatched,     ///< a result/error with an id nobody is waiting for: dropped (never answered, RFC 6120 §8.2.3)
    wrong_sender,  ///< a result/error with a pending id but from another entity: dropped, the request still waits (RFC 6120 §8.2.3, §10.1)
    handled,       ///< a get/set a registered handler took: `answer` holds its reply (empty if it answers later)
    unhandled,     ///< a get/set nobody handles: `answer` holds service-unavailable (RFC 6120 §8.4)
    failed,        ///< an answer could not be written (out of memory, or data not writable as XML)
    ignored,       ///< a roster push from another entity than the account's server: dropped unanswered (RFC 6121 §2.1.6)
};

/// The enumerator's name ("wrong_sender"); empty for a value outside the enumeration.
constexpr std::string_view to_string(IqDisposition d) noexcept {
    switch (d) {
    case IqDisposition::matched: return "matched";
    case IqDisposition::unmatched: return "unmatched";
    case IqDisposition::wrong_sender: return "wrong_sender";
    case IqDisposition::handled: return "handled";
    case IqDisposition::unhandled: return "unhandled";
    case IqDisposition::failed: return "failed";
    case IqDisposition::ignored: return "ignored";
    }
    return {};
}
/// The enumerator's name; IqDisposition(N) outside the enumeration.
inline std::ostream& operator<<(std::ostream& os, IqDisposition d) {
    return detail::print_enum(os, d, to_string(d), "IqDisposition");
}
template <> struct is_printable<IqDisposition> : std::true_type {};

/// An IQ id: short, printable, made of [0-9A-Za-z_-]. Converts to std::string_view; keep it
/// alive while an Iq built from it is in use.
struct IqId {
    /// The characters; the first `size` are the id.
    char text[32] = {};
    /// The number of characters.
    std::size_t size = 0;
    /// The id as a view of `text`.
    std::string_view view() const noexcept { return {text, size}; }
    /// The id as a view of `text`.
    operator std::string_view() const noexcept { return view(); }
};

/// Tracks the IQs of one stream. Not thread-safe. Never throws (handlers it calls should not
/// either: an exception from one is caught; see dispatch()).
class IqTracker {
public:
    /// Deadlines are steady_clock time points; pass the current time to expire().
    using clock = std::chrono::steady_clock;
    /// Called once per tracked request with its outcome.
    using outcome_handler = std::function<void(const IqOutcome&)>;
    /// Called for an incoming get/set with the registered payload. Returns true when it took
    /// the request: it wrote its answer to `answer` (serialize(make_result(...), answer)) or
    /// will answer later (RFC 6120 §8.2.3 still requires an answer). Returning false lets the
    /// tracker answer service-unavailable.
    using request_handler = std::function<bool(const AnyIq& request, Parser& parser, std::string& answer)>;

    /// `account` is the user's JID (bare, or full once bound); it may also be set later with
    /// set_account(). Until it is known, a request without 'to' accepts only answers without 'from'.
    explicit IqTracker(std::string_view account = {}) noexcept {
        // Deliberately ignored: a constructor cannot report it, and an account that is not a
        // JID leaves none set (call set_account() to see the error).
        (void)set_account(account);
    }

    /// Sets the account whose server answers requests that have no 'to' (RFC 6120 §10.3).
    /// A full JID is reduced to its bare JID. Empty clears it.
    parse_error set_account(std::string_view jid) noexcept {
        if (jid.empty()) {
            account_.clear();
            return {};
        }
        result<Jid> j = Jid::parse(jid);
        if (!j) return j.error();
        try {
            account_ = j->bare().to_string();
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory");
        }
        return {};
    }

    /// A fresh id: a counter (unique within this tracker) and 64 bits from std::random_device
    /// (unpredictable, so an off-path attacker cannot forge answers; RFC 6120 §8.1.3, §13.2).
    /// If the random device fails, a clock-seeded mix is used instead (unique, weaker).
    IqId new_id() noexcept {
        static constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
        std::uint64_t r = random64();
        IqId id;
        for (int i = 0; i < 11; ++i, r >>= 6) id.text[id.size++] = digits[r & 63];
        id.text[id.size++] = '.';
        std::uint64_t c = ++counter_;
        char tmp[16];
        std::size_t n = 0;
        do {
            tmp[n++] = digits[c % 36];
            c /= 36;
        } while (c);
        while (n) id.text[id.size++] = tmp[--n];
        return id;
    }

    /// Remembers an outgoing get or set (send it yourself, before or after): `on_outcome` runs
    /// exactly once, with its answer or at `deadline` (see expire()). Fails if the id is empty
    /// or already pending.
    template <class Type, class P>
    parse_error track(const Iq<Type, P>& request, clock::time_point deadline, outcome_handler on_outcome) noexcept {
        static_assert(std::is_same_v<Type, Get> || std::is_same_v<Type, Set>,
                      "IqTracker::track: only a get or set request gets an answer to wait for (RFC 6120 8.2.3)");
        return add(request.id, request.to, iq_type_of<Type>, deadline, std::move(on_outcome));
    }
    /// The same for a runtime-typed request; fails unless its type is get or set.
    parse_error track(const AnyIq& request, clock::time_point deadline, outcome_handler on_outcome) noexcept {
        if (request.type != IqType::get && request.type != IqType::set)
            return parse_error(errc::invalid_data, 0, "only a get or set request gets an answer to wait for (RFC 6120 §8.2.3)");
        return add(request.id, request.to, request.type, deadline, std::move(on_outcome));
    }

    /// Registers the handler of incoming requests of `type` (get or set) whose payload is
    /// <name xmlns='ns'/>; replaces an earlier one for the same triple.
    parse_error on_request(IqType type, std::string_view name, std::string_view ns, request_handler handler) noexcept {
        if (type != IqType::get && type != IqType::set)
            return parse_error(errc::invalid_data, 0, "only get and set requests are handled (RFC 6120 §8.2.3)");
        try {
            for (route& r : routes_) {
                if (r.type == type && r.name == name && r.ns == ns) {
                    r.handler = std::move(handler);
                    return {};
                }
            }
            routes_.push_back(route{type, std::string(name), std::string(ns), std::move(handler)});
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory");
        }
        return {};
    }

    /// Typed registration: `handler(const Iq<Type, P>& request, std::string& answer) -> bool`.
    /// A request whose payload payload_parser<P> rejects is answered bad-request (RFC 6120 §8.3.3.1).
    template <class Type, class P, class F>
    parse_error on(F handler) noexcept {
        static_assert(std::is_same_v<Type, Get> || std::is_same_v<Type, Set>,
                      "IqTracker::on<Type, P>: only get and set requests are handled (RFC 6120 8.2.3)");
        static_assert(is_payload_v<P>, "IqTracker::on<Type, P>: P needs payload_traits<P>");
        try {
            return on_request(iq_type_of<Type>, payload_traits<P>::name, payload_traits<P>::ns,
                              [h = std::move(handler)](const AnyIq& any, Parser& parser, std::string& answer) -> bool {
                                  result<Iq<Type, P>> typed = parser.cast<Iq<Type, P>>(any);
                                  if (!typed) {
                                      // Deliberately ignored: when even the error cannot be written, the
                                      // request stays unanswered, and nothing better can be done here.
                                      (void)write_error(any, StanzaError(ErrorType::modify, Condition::bad_request), answer);
                                      return true;
                                  }
                                  return h(*typed, answer);
                              });
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory");
        }
    }

    /// Handles an incoming IQ parsed by `parser` (its latest parse):
    ///  - result/error: matched to the pending request with its id, if it comes from the entity
    ///    the request went to (RFC 6120 §8.2.3, §10.1); a request sent without 'to' is answered
    ///    by the user's server for the account: no 'from', the account's bare JID (RFC 6120
    ///    §8.1.2.1) or its domain. Never answered.
    ///  - get/set: given to the registered handler for its payload, else answered with
    ///    service-unavailable (RFC 6120 §8.4). A handler that throws gets internal-server-error.
    /// The answer to send, if any, is appended to `answer`.
    ///  - a roster push (a set of jabber:iq:roster) is taken only without 'from' or from the
    ///    account's bare JID; any other is ignored (RFC 6121 §2.1.6), unanswered.
    IqDisposition dispatch(const AnyIq& iq, Parser& parser, std::string& answer) noexcept {
        if (iq.type == IqType::result || iq.type == IqType::error) return match(iq, parser);
        if (iq.type == IqType::set && iq.payload.ns() == roster_ns && iq.from) {
            // RFC 6121 §2.1.6: a client MUST ignore a push unless it comes from its own account.
            std::optional<Jid> own = account();
            if (!own || !(*iq.from == *own)) return IqDisposition::ignored;
        }
        std::string_view name = iq.payload.name(), ns = iq.payload.ns();
        for (route& r : routes_) {
            if (r.type != iq.type || r.name != name || r.ns != ns || !r.handler) continue;
            std::size_t before = answer.size();
            try {
                if (r.handler(iq, parser, answer)) return IqDisposition::handled;
            } catch (...) {
                answer.resize(before);
                // RFC 6120 §8.3.3.6: the handler failed
                return write_error(iq, StanzaError(ErrorType::cancel, Condition::internal_server_error), answer)
                           ? IqDisposition::handled
                           : IqDisposition::failed;
            }
            answer.resize(before);
            break;
        }
        // RFC 6120 §8.4: a get/set whose payload nobody understands gets service-unavailable.
        return write_error(iq, StanzaError(ErrorType::cancel, Condition::service_unavailable), answer)
                   ? IqDisposition::unhandled
                   : IqDisposition::failed;
    }

    /// Times out every request whose deadline is at or before `now`; returns how many.
    std::size_t expire(clock::time_point now) noexcept {
        std::size_t n = 0;
        for (;;) {
            auto it = pending_.begin();
            while (it != pending_.end() && it->second.deadline > now) ++it;
            if (it == pending_.end()) return n;
            time_out(it);
            ++n;
        }
    }

    /// Ends one pending request now with a timeout outcome (the caller gave up on it); false
    /// when no request with this id is pending. A late answer is then unmatched.
    bool cancel(std::string_view id) noexcept {
        auto it = pending_.find(id);
        if (it == pending_.end()) return false;
        time_out(it);
        return true;
    }

    /// Times out every pending request (the stream ended: no answer can come); returns how many.
    std::size_t cancel_all() noexcept {
        std::size_t n = 0;
        while (!pending_.empty()) {
            time_out(pending_.begin());
            ++n;
        }
        return n;
    }

    /// The earliest deadline among pending requests.
    std::optional<clock::time_point> next_deadline() const noexcept {
        std::optional<clock::time_point> t;
        for (const auto& [id, p] : pending_)
            if (!t || p.deadline < *t) t = p.deadline;
        return t;
    }

    /// Requests waiting for an answer.
    std::size_t pending() const noexcept { return pending_.size(); }
    /// True when a request with this id waits.
    bool is_pending(std::string_view id) const noexcept { return pending_.find(id) != pending_.end(); }

    /// Appends an error answer to `request` (RFC 6120 §8.3.1: same id, 'from' and 'to' swapped,
    /// payload not echoed). False when it could not be written.
    [[nodiscard]] static bool write_error(const AnyIq& request, const StanzaError& error, std::string& out) noexcept {
        Iq<Error> e(request.id, error);
        e.to = request.from;
        e.from = request.to;
        return !serialize(e, out);
    }

    /// Answers a get or set the parser refused, `e` being its parse error (RFC 6120 §8.2.3:
    /// every request is answered): appends error_reply(e) (reply.hpp: bad-request, or the
    /// condition the RFC names for the problem) to `out`. False when `e` is not to be
    /// answered (a result or error, XML that is not well-formed) or the reply could not be
    /// written; `out` is then unchanged.
    static bool answer_refused(const parse_error& e, std::string& out) noexcept {
        std::optional<Iq<Error>> reply = error_reply(e);
        return reply && !serialize(*reply, out);
    }

private:
    struct pending_request {
        IqType type;
        std::string to;  // '' when the request had no 'to'
        clock::time_point deadline;
        outcome_handler handler;
    };
    struct route {
        IqType type;
        std::string name;
        std::string ns;
        request_handler handler;
    };
    using map = std::map<std::string, pending_request, std::less<>>;

    parse_error add(std::string_view id, const std::optional<Jid>& to, IqType type, clock::time_point deadline,
                    outcome_handler&& handler) noexcept {
        // RFC 6120 §8.2.3: the id pairs the answer with its request, so it must be unique among pending ones.
        if (id.empty()) return parse_error(errc::missing_id, 0, "a request needs a non-empty id (RFC 6120 §8.2.3)");
        if (pending_.find(id) != pending_.end())
            return parse_error::make(errc::invalid_data, 0, "id '", id, "' is already pending");
        try {
            pending_request p{type, to ? to->to_string() : std::string(), deadline, std::move(handler)};
            pending_.emplace(std::string(id), std::move(p));
        } catch (...) {
            return parse_error(errc::out_of_memory, 0, "out of memory");
        }
        return {};
    }

    // RFC 6120 §8.2.3, §10.1: only the entity the request went to may answer it.
    // The account's bare JID, when it is known.
    std::optional<Jid> account() const noexcept {
        if (account_.empty()) return std::nullopt;
        result<Jid> a = Jid::parse(account_);
        return a ? std::optional<Jid>(*a) : std::nullopt;
    }

    bool expected_sender(const pending_request& p, const std::optional<Jid>& from) const noexcept {
        std::optional<Jid> account = this->account();
        if (!p.to.empty()) {
            result<Jid> to = Jid::parse(p.to);
            if (!to) return false;
            if (from && *from == *to) return true;
            // Sent to the account's own bare JID: its server answers for it, maybe without 'from' (RFC 6120 §8.1.2.1).
            return !from && account && *to == *account;
        }
        // No 'to': the server processes it on behalf of the account (RFC 6120 §10.3) and answers
        // without 'from', from the account's bare JID (§8.1.2.1), or from its own domain.
        if (!from) return true;
        if (!account) return false;
        return *from == *account || (from->local().empty() && from->is_bare() && detail::iequal(from->domain(), account->domain()));
    }

    IqDisposition match(const AnyIq& iq, Parser& parser) noexcept {
        auto it = pending_.find(iq.id);
        if (it == pending_.end()) return IqDisposition::unmatched;
        if (!expected_sender(it->second, iq.from)) return IqDisposition::wrong_sender;
        // Out of the map before the call: exactly one outcome, and the handler may track new requests.
        map::node_type node = pending_.extract(it);
        IqOutcome o;
        o.type = iq.type == IqType::result ? IqOutcomeType::result : IqOutcomeType::error;
        o.id = node.key();
        o.reply = &iq;
        o.parser = &parser;
        call(node.mapped().handler, o);
        return IqDisposition::matched;
    }

    void time_out(map::iterator it) noexcept {
        map::node_type node = pending_.extract(it);
        IqOutcome o;
        o.type = IqOutcomeType::timeout;
        o.id = node.key();
        call(node.mapped().handler, o);
    }

    static void call(outcome_handler& h, const IqOutcome& o) noexcept {
        if (!h) return;
        try {
            h(o);
        } catch (...) {
            // A handler's exception must not escape a noexcept function; the outcome was delivered.
        }
    }

    static std::uint64_t splitmix(std::uint64_t& s) noexcept {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15u);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        return z ^ (z >> 31);
    }

    std::uint64_t random64() noexcept {
        try {
            if (!device_) device_ = std::make_unique<std::random_device>();
            return (std::uint64_t((*device_)()) << 32) ^ std::uint64_t((*device_)());
        } catch (...) {
            if (!fallback_seeded_) {
                fallback_ = std::uint64_t(clock::now().time_since_epoch().count()) ^
                            std::uint64_t(reinterpret_cast<std::uintptr_t>(this));
                fallback_seeded_ = true;
            }
            return splitmix(fallback_);
        }
    }

    map pending_;
    std::vector<route> routes_;
    std::string account_;  // bare JID, '' when unknown
    std::unique_ptr<std::random_device> device_;
    std::uint64_t counter_ = 0;
    std::uint64_t fallback_ = 0;
    bool fallback_seeded_ = false;
};

}  // namespace xstanza

#endif  // XSTANZA_SESSION_TRACKER_HPP
