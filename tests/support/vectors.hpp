// Reads the case files of tests/adversarial/ (format: README.md there) and parses a case
// with the target it names. Used by tests/properties/test_adversarial.cpp,
// tests/properties/test_mutation.cpp and the executables of tests/hostile/.
#ifndef XSTANZA_TESTS_SUPPORT_VECTORS_HPP
#define XSTANZA_TESTS_SUPPORT_VECTORS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#include "stanza_check.hpp"

namespace vectors {

using namespace xstanza;

constexpr std::size_t unchecked = std::size_t(-1);
constexpr std::size_t at_end = std::size_t(-2);

struct test_case {
    std::string file;          ///< "xml.txt"
    std::size_t line = 0;      ///< 1-based
    errc code = errc::ok;
    std::size_t offset = unchecked;
    std::string target;        ///< "any", "get-roster", ..., "jid"
    parse_limits limits;
    xstanza::rules rules;      ///< the receiver's rules of a client unless the case says otherwise
    std::string input;         ///< decoded bytes
    std::string source;        ///< the input as written in the file

    std::size_t expected_offset() const { return offset == at_end ? input.size() : offset; }
    bool is_jid() const { return target == "jid"; }
    bool default_limits() const {
        const parse_limits d;
        return limits.max_depth == d.max_depth && limits.max_attributes == d.max_attributes &&
               limits.max_namespaces == d.max_namespaces && limits.max_input_bytes == d.max_input_bytes;
    }
};

inline std::ostream& operator<<(std::ostream& os, const test_case& c) {
    return os << c.file << ':' << c.line << ' ' << to_string(c.code) << ' ' << c.target << ' '
              << (c.source.size() > 100 ? c.source.substr(0, 100) + "..." : c.source);
}

/// The directory of the case files: $XSTANZA_ADVERSARIAL_DIR, else tests/adversarial/, beside
/// this header's tests/support/.
inline std::string directory() {
    if (const char* env = std::getenv("XSTANZA_ADVERSARIAL_DIR")) return env;
    std::string here = __FILE__;
    return here.substr(0, here.find_last_of("/\\")) + "/../adversarial";
}

inline const char* const files[] = {"valid.txt",  "xml.txt",     "encoding.txt", "forbidden.txt", "structure.txt",
                                    "iq.txt",     "conditions.txt", "roster.txt",  "jid.txt",       "limits.txt",
                                    "message.txt", "presence.txt"};

inline std::optional<errc> code_from_name(std::string_view name) {
    for (int i = 0; i < 256; ++i)
        if (to_string(errc(i)) == name) return errc(i);
    return std::nullopt;
}

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes s from i up to an unmatched "\)" (or the end); index is the enclosing
// repetition's counter for "\#".
inline std::string decode(std::string_view s, std::size_t& i, long index, bool nested) {
    std::string out;
    while (i < s.size()) {
        char c = s[i++];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i == s.size()) throw std::runtime_error("dangling '\\'");
        char e = s[i++];
        switch (e) {
        case '\\': out += '\\'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '0': out += '\0'; break;
        case 's': out += ' '; break;
        case '#':
            if (index < 0) throw std::runtime_error("'\\#' outside a repetition");
            out += std::to_string(index);
            break;
        case 'x': {
            if (i + 2 > s.size() || hex_digit(s[i]) < 0 || hex_digit(s[i + 1]) < 0)
                throw std::runtime_error("bad '\\x' escape");
            out += char(hex_digit(s[i]) * 16 + hex_digit(s[i + 1]));
            i += 2;
            break;
        }
        case '(': {
            std::size_t colon = s.find(':', i);
            if (colon == std::string_view::npos) throw std::runtime_error("'\\(' without ':'");
            long n = std::stol(std::string(s.substr(i, colon - i)));
            std::size_t body = colon + 1;
            if (n > 0) {
                // Decode the body once; only a body that uses its index (\#) is decoded again
                // per repetition (the 1,000,000-fold cases load at every test start-up).
                std::size_t j = body;
                const std::string first = decode(s, j, 0, true);
                const bool indexed = s.substr(body, j - body).find("\\#") != std::string_view::npos;
                out.reserve(out.size() + first.size() * std::size_t(n));
                out += first;
                for (long k = 1; k < n; ++k) {
                    if (!indexed) {
                        out += first;
                        continue;
                    }
                    std::size_t jk = body;
                    out += decode(s, jk, k, true);
                }
                i = j;
            }
            if (n == 0) {  // skip the body
                std::size_t j = body;
                (void)decode(s, j, 0, true);
                i = j;
            }
            break;
        }
        case ')':
            if (!nested) throw std::runtime_error("unmatched '\\)'");
            return out;
        default: throw std::runtime_error(std::string("unknown escape '\\") + e + "'");
        }
    }
    if (nested) throw std::runtime_error("'\\(' without '\\)'");
    return out;
}

inline std::string decode(std::string_view s) {
    std::size_t i = 0;
    return decode(s, i, -1, false);
}

/// The rule set a case names: receiver-client (the default), receiver-server, sender-client, sender-server.
inline xstanza::rules rules_from_name(const std::string& name) {
    for (side s : {side::receiver, side::sender})
        for (role r : {role::client, role::server})
            if (name == std::string(to_string(s)) + "-" + std::string(to_string(r))) return xstanza::rules{s, r};
    throw std::runtime_error("unknown rules '" + name + "' (receiver-client, receiver-server, sender-client, sender-server)");
}

inline std::vector<test_case> load_file(const std::string& name) {
    std::ifstream in(directory() + "/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + directory() + "/" + name);
    std::vector<test_case> cases;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        try {
            test_case c;
            c.file = name;
            c.line = number;
            std::size_t sp1 = line.find(' ');
            std::string head = line.substr(0, sp1);
            std::size_t sp2 = sp1 == std::string::npos ? std::string::npos : line.find(' ', sp1 + 1);
            std::string target = sp1 == std::string::npos ? "" : line.substr(sp1 + 1, sp2 - sp1 - 1);
            c.source = sp2 == std::string::npos ? "" : line.substr(sp2 + 1);
            std::size_t at = head.find('@');
            std::optional<errc> code = code_from_name(head.substr(0, at));
            if (!code) throw std::runtime_error("unknown code '" + head.substr(0, at) + "'");
            c.code = *code;
            if (at != std::string::npos) {
                std::string off = head.substr(at + 1);
                c.offset = off == "end" ? at_end : std::size_t(std::stoul(off));
            }
            std::stringstream opts(target);
            std::string opt;
            std::getline(opts, c.target, ';');
            while (std::getline(opts, opt, ';')) {
                std::size_t eq = opt.find('=');
                std::string key = opt.substr(0, eq);
                if (key == "rules") {
                    c.rules = rules_from_name(opt.substr(eq + 1));
                    continue;
                }
                std::size_t value = std::size_t(std::stoul(opt.substr(eq + 1)));
                if (key == "max_depth") c.limits.max_depth = value;
                else if (key == "max_attributes") c.limits.max_attributes = value;
                else if (key == "max_input_bytes") c.limits.max_input_bytes = value;
                else if (key == "max_namespaces") c.limits.max_namespaces = value;
                else throw std::runtime_error("unknown limit '" + key + "'");
            }
            c.input = decode(c.source);
            cases.push_back(std::move(c));
        } catch (const std::exception& e) {
            throw std::runtime_error(name + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    return cases;
}

/// Every case of every file, in file order.

inline const std::vector<test_case>& all() {
    static const std::vector<test_case> cases = [] {
        std::vector<test_case> v;
        for (const char* f : files) {
            std::vector<test_case> part = load_file(f);
            v.insert(v.end(), part.begin(), part.end());
        }
        return v;
    }();
    return cases;
}

/// The cases expected to parse, optionally only the small ones; `seeds` leaves out
/// conditions.txt (22 stanzas that differ by one name), for the mutation tests.
inline std::vector<test_case> valid(std::size_t max_size = std::size_t(-1), bool seeds = false) {
    std::vector<test_case> v;
    for (const test_case& c : all())
        if (c.code == errc::ok && c.input.size() <= max_size && !(seeds && c.file == "conditions.txt"))
            v.push_back(c);
    return v;
}

/// Calls f(static_cast<T*>(nullptr)) with the stanza type a target names ("any" -> AnyIq,
/// "stanza" -> AnyStanza, "chat" -> Message<Chat>...; README.md lists them).
/// Returns false for an unknown target (and for "jid").
template <class F>
bool with_target(std::string_view target, F&& f) {
    using namespace xstanza;
    if (target == "any") f(static_cast<AnyIq*>(nullptr));
    else if (target == "get-roster") f(static_cast<Iq<Get, RosterGet>*>(nullptr));
    else if (target == "set-roster") f(static_cast<Iq<Set, RosterSet>*>(nullptr));
    else if (target == "result-roster") f(static_cast<Iq<Result, RosterQuery>*>(nullptr));
    else if (target == "result") f(static_cast<Iq<Result>*>(nullptr));
    else if (target == "error") f(static_cast<Iq<Error>*>(nullptr));
    else if (target == "get-any") f(static_cast<Iq<Get, AnyPayload>*>(nullptr));
    else if (target == "set-any") f(static_cast<Iq<Set, AnyPayload>*>(nullptr));
    else if (target == "result-any") f(static_cast<Iq<Result, AnyPayload>*>(nullptr));
    else if (target == "error-any") f(static_cast<Iq<Error, AnyPayload>*>(nullptr));
    else if (target == "error-roster-get") f(static_cast<Iq<Error, RosterGet>*>(nullptr));
    else if (target == "error-roster-set") f(static_cast<Iq<Error, RosterSet>*>(nullptr));
    else if (target == "stanza") f(static_cast<AnyStanza*>(nullptr));
    else if (target == "message") f(static_cast<AnyMessage*>(nullptr));
    else if (target == "normal") f(static_cast<Message<Normal>*>(nullptr));
    else if (target == "chat") f(static_cast<Message<Chat>*>(nullptr));
    else if (target == "groupchat") f(static_cast<Message<Groupchat>*>(nullptr));
    else if (target == "headline") f(static_cast<Message<Headline>*>(nullptr));
    else if (target == "message-error") f(static_cast<Message<Error>*>(nullptr));
    else if (target == "chat-receipt") f(static_cast<Message<Chat, test_ext::Receipt>*>(nullptr));
    else if (target == "presence") f(static_cast<AnyPresence*>(nullptr));
    else if (target == "available") f(static_cast<Presence<Available>*>(nullptr));
    else if (target == "unavailable") f(static_cast<Presence<Unavailable>*>(nullptr));
    else if (target == "subscribe") f(static_cast<Presence<Subscribe>*>(nullptr));
    else if (target == "subscribed") f(static_cast<Presence<Subscribed>*>(nullptr));
    else if (target == "unsubscribe") f(static_cast<Presence<Unsubscribe>*>(nullptr));
    else if (target == "unsubscribed") f(static_cast<Presence<Unsubscribed>*>(nullptr));
    else if (target == "probe") f(static_cast<Presence<Probe>*>(nullptr));
    else if (target == "presence-error") f(static_cast<Presence<Error>*>(nullptr));
    else if (target == "available-caps") f(static_cast<Presence<Available, test_ext::Caps>*>(nullptr));
    else return false;
    return true;
}

/// The outcome of parsing a case's input (or any other bytes) with the case's target.
struct outcome {
    parse_error error;       ///< code ok on success
    std::string round_trip;  ///< the broken invariant, or empty
};

/// Parses `input` as `c`'s target with `c`'s limits (Parser::parse, which copies) and,
/// on success, checks the round trip; for "jid", Jid::parse and its invariants.
inline outcome run(const test_case& c, std::string_view input, Parser& parser, Parser& scratch) {
    outcome o;
    if (c.is_jid()) {
        result<Jid> j = Jid::parse(input);
        if (!j) o.error = j.error();
        o.round_trip = stanza_check::check_jid(input);
        return o;
    }
    parser.set_limits(c.limits);
    scratch.set_limits(c.limits);
    parser.set_rules(c.rules);
    const bool default_limits = c.default_limits();
    // Above 1 MiB, only serialize, parse, compare, serialize: the other serializers and
    // make_owned add nothing but minutes in sanitizer builds.
    const bool thorough = input.size() <= (std::size_t{1} << 20);
    bool known = with_target(c.target, [&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        result<T> r = parser.parse<T>(input);
        if (!r) {
            o.error = r.error();
            o.round_trip = stanza_check::check_error(r.error(), input.size());
        } else {
            o.round_trip = stanza_check::check_round_trip(*r, scratch, default_limits && thorough, thorough);
        }
    });
    if (!known) o.round_trip = "unknown target '" + c.target + "'";
    return o;
}

}  // namespace vectors

#endif  // XSTANZA_TESTS_SUPPORT_VECTORS_HPP
