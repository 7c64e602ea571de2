// xstanza: command-line tool on the public API. check, canon, dump, bench, help, --version.
#include <rapidxml/rapidxml.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <xstanza/xstanza.hpp>

#ifdef XSTANZA_CLI_JSON
#include <nlohmann/json.hpp>
#endif

#include "corpus.hpp"

namespace {

constexpr int exit_ok = 0, exit_invalid = 1, exit_usage = 2;

// ---------------------------------------------------------------------------------------------
// Arguments and usage

// What a verb was given: the rules (check, canon and dump) and the files.
struct options {
    xstanza::rules rules = xstanza::rules::sender();
    std::vector<const char*> files;
    // The role the input's sender has: the rules' own with --sender, the peer's with --receiver.
    xstanza::role writer() const noexcept {
        if (rules.strict()) return rules.of;
        return rules.of == xstanza::role::client ? xstanza::role::server : xstanza::role::client;
    }
};

constexpr const char* rule_options_help =
    "  --sender        the sender's rules, every MUST a sender has (the default: a validator)\n"
    "  --receiver      the receiver's rules: accept, ignore or map what RFC 6120/6121 tell a\n"
    "                  receiver to; what was mapped or ignored is reported on stderr\n"
    "  --role=client   the entity whose rules apply is a client (the default)\n"
    "  --role=server   ... a server (e.g. a server's roster push may carry 'ask' and 'approved')\n";

constexpr const char* common_options_help =
    "  --              end of the options: every argument after it is a FILE\n"
    "  -h, --help      this text\n"
    "FILE may be '-' for standard input.\n";

constexpr const char* stanza_exit_help =
    "Exit status: 0 every stanza valid; 1 a stanza invalid; 2 a usage error, or a FILE could\n"
    "not be read (reported on stderr; the other FILEs are still read).\n";

int check(const options& o);
int canon(const options& o);
int dump(const options& o);
int bench(const options& o);

// One verb: its synopsis (after "xstanza "), one line for the overview, the rest of its own
// usage, whether it takes --sender/--receiver/--role, how many FILEs, and what runs it.
struct verb {
    std::string_view name;
    const char* synopsis;
    const char* summary;
    const char* details;
    bool rule_options;
    std::size_t min_files, max_files;
    int (*run)(const options&);
};

constexpr std::size_t any_number = std::size_t(-1);

const verb verbs[] = {
    {"check", "check [OPTIONS] [--] FILE...", "validate: 'ok' or 'error: CODE at byte N: MESSAGE' per FILE",
     "Parses each FILE as one stanza, an <iq/>, <message/> or <presence/> (AnyStanza), and\n"
     "prints 'ok' or 'error: CODE at byte N: MESSAGE', after 'FILE: ' when there are several\n"
     "files.\n",
     true, 1, any_number, check},
    {"canon", "canon [OPTIONS] [--] FILE", "print the canonical serialization on one line",
     "Parses FILE (AnyStanza: an iq, message or presence) and prints its canonical\n"
     "serialization on one line, written as the input's sender: the role itself with\n"
     "--sender, its peer with --receiver. An invalid stanza prints\n"
     "'error: CODE at byte N: MESSAGE' as check does.\n",
     true, 1, 1, canon},
    {"dump", "dump [OPTIONS] [--] FILE...", "print the typed view (AnyStanza) of each stanza as JSON",
     "Parses each FILE (AnyStanza) and prints what it holds as one JSON document: kind (iq,\n"
     "message or presence), type, id, from, to, lang; an iq's payload (a roster: ver and items\n"
     "with jid, name, subscription, ask, approved, groups; another element: its name, ns and\n"
     "xml); a message's subjects and bodies (text and lang each), thread (id, parent) and\n"
     "ignored_type; a presence's show, statuses and priority; a message's or presence's\n"
     "extensions (name, ns, xml each); and error (the stanza error: type, condition, text,\n"
     "text_lang, app, by, ...); absent fields are null. A stanza that does not parse gives\n"
     "{\"error\": {\"code\", \"offset\", \"message\"}} (no \"kind\"). With several files, one\n"
     "document each, its first member \"file\".\n",
     true, 1, any_number, dump},
    {"bench", "bench [--] [FILE...]", "parse/serialize throughput next to RapidXML",
     "Times RapidXML's parse<0>, xstanza's parse (AnyStanza) and serialize on the built-in corpora,\n"
     "or on one corpus of the given stanzas, and prints MB/s, stanzas/s and the speed ratio to\n"
     "RapidXML. Every stanza is first checked to parse with both and to serialize.\n"
     "Options:\n"
     "  --              end of the options: every argument after it is a FILE\n"
     "  -h, --help      this text\n"
     "Exit status: 0 done; 1 a stanza failed to parse or serialize (named on stderr);\n"
     "2 a usage error, or a FILE could not be read.\n",
     false, 0, any_number, bench},
};

const verb* find_verb(std::string_view name) {
    for (const verb& v : verbs)
        if (v.name == name) return &v;
    return nullptr;
}

// The whole usage, on stdout: xstanza help, --help, -h.
int usage_all() {
    std::printf("usage: xstanza COMMAND [OPTIONS] [--] [FILE...]\n"
                "Checks, prints and times XMPP <iq/> stanzas with xstanza %d.%d.%d.\n\nCommands:\n",
                XSTANZA_VERSION_MAJOR, XSTANZA_VERSION_MINOR, XSTANZA_VERSION_PATCH);
    for (const verb& v : verbs) std::printf("  xstanza %-30s %s\n", v.synopsis, v.summary);
    std::printf("  xstanza %-30s %s\n", "help [COMMAND]", "this text, or COMMAND's (also --help, -h, COMMAND --help)");
    std::printf("  xstanza %-30s %s\n", "--version", "print the version");
    std::printf("\nOptions of check, canon and dump:\n%s%s\n"
                "Exit status of check, canon and dump: 0 every stanza valid; 1 a stanza invalid; 2 a usage\n"
                "error, or a FILE could not be read (reported on stderr; the other FILEs are still read).\n"
                "Exit status of bench: 0 done; 1 a stanza failed to parse or serialize; 2 a usage error or\n"
                "an unreadable FILE.\n",
                rule_options_help, common_options_help);
    return exit_ok;
}

// A verb's own usage, on stdout: xstanza VERB --help, xstanza help VERB.
int usage_of(const verb& v) {
    std::printf("usage: xstanza %s\n%s", v.synopsis, v.details);
    if (v.rule_options) std::printf("Options:\n%s%s%s", rule_options_help, common_options_help, stanza_exit_help);
    return exit_ok;
}

// After a mistake, already named on stderr: a short hint there, exit 2.
int usage_hint(const verb* v = nullptr) {
    if (v)
        std::fprintf(stderr, "usage: xstanza %s\nRun 'xstanza %.*s --help' for more.\n", v->synopsis,
                     int(v->name.size()), v->name.data());
    else
        std::fputs("usage: xstanza COMMAND [OPTIONS] [--] [FILE...]   (COMMAND: check, canon, dump, bench, help)\n"
                   "Run 'xstanza --help' for more.\n",
                   stderr);
    return exit_usage;
}

bool is_help_flag(std::string_view a) { return a == "--help" || a == "-h"; }

// Reads a verb's arguments, argv[2...]: options up to '--', FILEs. Returns -1 with `o` filled,
// else the exit status to stop with: 0 after printing the verb's usage (--help or -h before
// '--'), 2 after saying what was wrong.
int parse_args(const verb& v, int argc, char** argv, options& o) {
    for (int i = 2; i < argc && std::string_view(argv[i]) != "--"; ++i)
        if (is_help_flag(argv[i])) return usage_of(v);
    xstanza::role r = xstanza::role::client;
    bool receiver = false, options_end = false;
    for (int i = 2; i < argc; ++i) {
        std::string_view a = argv[i];
        bool is_option = !options_end && a.size() > 1 && a[0] == '-';
        if (!is_option) o.files.push_back(argv[i]);
        else if (a == "--") options_end = true;
        else if (v.rule_options && a == "--receiver") receiver = true;
        else if (v.rule_options && a == "--sender") receiver = false;
        else if (v.rule_options && a == "--role=client") r = xstanza::role::client;
        else if (v.rule_options && a == "--role=server") r = xstanza::role::server;
        else {
            std::fprintf(stderr, "xstanza %.*s: unknown option '%s'\n", int(v.name.size()), v.name.data(), argv[i]);
            return usage_hint(&v);
        }
    }
    o.rules = receiver ? xstanza::rules::receiver(r) : xstanza::rules::sender(r);
    if (o.files.size() < v.min_files || o.files.size() > v.max_files) {
        if (o.files.empty())
            std::fprintf(stderr, "xstanza %.*s: no FILE given\n", int(v.name.size()), v.name.data());
        else
            std::fprintf(stderr, "xstanza %.*s: takes one FILE, got %zu\n", int(v.name.size()), v.name.data(),
                         o.files.size());
        return usage_hint(&v);
    }
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Input

// Reads a whole file ("-" is stdin), at most `limit` + 1 bytes so that an oversized input
// is reported by the parser's limit rather than exhausting memory. errno says why on failure.
bool read_input(const char* path, std::size_t limit, std::string& out) {
    std::FILE* f = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
    if (!f) return false;
    out.clear();
    char chunk[65536];
    bool ok = true;
    while (out.size() <= limit) {
        std::size_t n = std::fread(chunk, 1, sizeof chunk, f);
        out.append(chunk, n);
        if (n < sizeof chunk) {
            ok = !std::ferror(f);
            break;
        }
    }
    if (f != stdin) std::fclose(f);
    return ok;
}

void report_unreadable(const char* file) {
    int err = errno;
    std::fflush(stdout);  // the lines before it first, when both go to one terminal or file
    std::fprintf(stderr, "xstanza: cannot read '%s': %s\n", file, std::strerror(err ? err : EIO));
}

void print_error(const xstanza::parse_error& e) {
    std::printf("error: %.*s at byte %zu: %.*s\n", int(xstanza::to_string(e.code()).size()),
                xstanza::to_string(e.code()).data(), e.offset(), int(e.message().size()), e.message().data());
}

// With the receiver's rules: what they mapped or ignored, on stderr (RFC 6120 §8.3.2, RFC 6121 §2.1.2.5, §5.2.2).
void report_unknown_condition(const char* file, const std::optional<xstanza::StanzaError>& error) {
    if (error && !error->unknown_condition.empty())
        std::fprintf(stderr, "%s: mapped the unknown condition <%.*s/> to <undefined-condition/> (RFC 6120 §8.3.2)\n", file,
                     int(error->unknown_condition.size()), error->unknown_condition.data());
}

void report_leniency(const char* file, const xstanza::AnyStanza& s) {
    if (const xstanza::AnyMessage* m = s.message()) {
        report_unknown_condition(file, m->error);
        if (!m->ignored_type.empty())
            std::fprintf(stderr, "%s: took the unknown message type '%.*s' as normal (RFC 6121 §5.2.2)\n", file,
                         int(m->ignored_type.size()), m->ignored_type.data());
        return;
    }
    if (const xstanza::AnyPresence* p = s.presence()) {
        report_unknown_condition(file, p->error);
        return;
    }
    const xstanza::AnyIq& iq = *s.iq();
    report_unknown_condition(file, iq.error);
    if (const xstanza::RosterQuery* q = iq.payload.roster())
        for (const xstanza::RosterItem& item : q->items) {
            if (!item.ignored_subscription) continue;
            std::string jid = item.jid.to_string();
            std::fprintf(stderr, "%s: ignored subscription='%.*s' of item '%s' (RFC 6121 §2.1.2.5)\n", file,
                         int(item.ignored_subscription->size()), item.ignored_subscription->data(), jid.c_str());
        }
}

// Reads and parses every FILE as AnyStanza under the options' rules, and hands each result to
// `each(file, result)`, which returns false for an invalid stanza. A file that cannot be read
// is reported on stderr and skipped. Returns the exit status: 2 if a file could not be read,
// else 1 if a stanza was invalid, else 0.
template <class Each>
int for_each_stanza(const options& o, Each each) {
    xstanza::Parser parser(xstanza::parse_limits{}, o.rules);
    std::string input;
    bool invalid = false, unreadable = false;
    for (const char* file : o.files) {
        errno = 0;
        if (!read_input(file, parser.limits().max_input_bytes, input)) {
            report_unreadable(file);
            unreadable = true;
            continue;
        }
        xstanza::result<xstanza::AnyStanza> r = parser.parse_in_situ<xstanza::AnyStanza>(input);
        if (!each(file, r)) invalid = true;
    }
    return unreadable ? exit_usage : invalid ? exit_invalid : exit_ok;
}

// ---------------------------------------------------------------------------------------------
// check, canon

int check(const options& o) {
    bool many = o.files.size() > 1;
    return for_each_stanza(o, [&](const char* file, const xstanza::result<xstanza::AnyStanza>& r) {
        if (many) std::printf("%s: ", file);
        if (!r) {
            print_error(r.error());
            return false;
        }
        std::puts("ok");
        std::fflush(stdout);
        report_leniency(file, *r);
        return true;
    });
}

int canon(const options& o) {
    return for_each_stanza(o, [&](const char* file, const xstanza::result<xstanza::AnyStanza>& r) {
        if (!r) {
            print_error(r.error());
            return false;
        }
        report_leniency(file, *r);
        std::string out;
        if (xstanza::parse_error e = xstanza::serialize(*r, out, o.writer())) {
            print_error(e);
            return false;
        }
        out.push_back('\n');
        std::fwrite(out.data(), 1, out.size(), stdout);
        return true;
    });
}

// ---------------------------------------------------------------------------------------------
// dump: one JSON building function per stanza kind (dump_iq, dump_message, dump_presence),
// over shared ones for what the kinds have in common (addresses, texts in languages,
// extensions, the stanza error).

#ifdef XSTANZA_CLI_JSON
using json = nlohmann::ordered_json;  // members in the order they are added

json dump_string(std::string_view s) { return json(std::string(s)); }
json dump_string_or_null(std::string_view s) { return s.empty() ? json(nullptr) : dump_string(s); }
json dump_optional(const std::optional<std::string_view>& s) { return s ? dump_string(*s) : json(nullptr); }
json dump_jid(const std::optional<xstanza::Jid>& j) { return j ? json(j->to_string()) : json(nullptr); }

// RFC 6120 §8.3: what every stanza kind's type='error' carries.
json dump_stanza_error(const xstanza::StanzaError& e) {
    json app = e.app ? json{{"name", dump_string(e.app->name)}, {"ns", dump_string(e.app->ns)}} : json(nullptr);
    return json{{"type", dump_string(to_string(e.type))},
                {"condition", dump_string(to_string(e.condition))},
                {"unknown_condition", dump_string_or_null(e.unknown_condition)},
                {"uri", dump_string_or_null(e.uri)},
                {"text", dump_optional(e.text)},
                {"text_lang", dump_string_or_null(e.text_lang)},
                {"app", std::move(app)},
                {"by", dump_jid(e.by)},
                {"legacy_code", e.legacy_code ? json(*e.legacy_code) : json(nullptr)}};
}

json dump_roster(const xstanza::RosterQuery& q) {
    json items = json::array();
    for (const xstanza::RosterItem& item : q.items) {
        json groups = json::array();
        for (std::string_view g : item.groups) groups.push_back(dump_string(g));
        items.push_back(json{{"jid", item.jid.to_string()},
                             {"name", dump_optional(item.name)},
                             {"subscription", dump_string(to_string(item.subscription))},
                             {"ask", item.ask},
                             {"approved", item.approved},
                             {"groups", std::move(groups)},
                             {"ignored_subscription", dump_optional(item.ignored_subscription)}});
    }
    return json{{"kind", "roster"}, {"ver", dump_optional(q.ver)}, {"items", std::move(items)}};
}

// An IQ's typed view: what AnyIq holds.
json dump_iq(const xstanza::AnyIq& iq) {
    json payload = nullptr;
    if (const xstanza::RosterQuery* q = iq.payload.roster())
        payload = dump_roster(*q);
    else if (const xstanza::OpaqueElement* e = iq.payload.opaque())
        payload = json{{"kind", "opaque"}, {"name", dump_string(e->name)}, {"ns", dump_string(e->ns)},
                       {"xml", dump_string(e->xml)}};
    return json{{"kind", "iq"},
                {"type", dump_string(to_string(iq.type))},
                {"id", dump_string(iq.id)},
                {"from", dump_jid(iq.from)},
                {"to", dump_jid(iq.to)},
                {"lang", dump_string_or_null(iq.lang)},
                {"payload", std::move(payload)},
                {"error", iq.error ? dump_stanza_error(*iq.error) : json(nullptr)}};
}

// A message's bodies and subjects, a presence's statuses (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2):
// each text with its own xml:lang (null: the stanza's).
json dump_texts(const xstanza::lang_texts& texts) {
    json list = json::array();
    for (const xstanza::LangText& t : texts)
        list.push_back(json{{"text", dump_string(t.text)}, {"lang", dump_string_or_null(t.lang)}});
    return list;
}

// The extension elements a message or presence kept (RFC 6120 §8.4), in order.
json dump_extensions(xstanza::extension_list list) {
    json out = json::array();
    for (const xstanza::OpaqueElement& e : list)
        out.push_back(json{{"name", dump_string(e.name)}, {"ns", dump_string(e.ns)}, {"xml", dump_string(e.xml)}});
    return out;
}

// A message's typed view: what AnyMessage holds (RFC 6121 §5.2).
json dump_message(const xstanza::AnyMessage& m) {
    json thread = m.thread ? json{{"id", dump_string(m.thread->id)}, {"parent", dump_string_or_null(m.thread->parent)}}
                           : json(nullptr);
    return json{{"kind", "message"},
                {"type", dump_string(to_string(m.type))},
                {"ignored_type", dump_string_or_null(m.ignored_type)},
                {"id", dump_string_or_null(m.id)},
                {"from", dump_jid(m.from)},
                {"to", dump_jid(m.to)},
                {"lang", dump_string_or_null(m.lang)},
                {"subjects", dump_texts(m.subjects)},
                {"bodies", dump_texts(m.bodies)},
                {"thread", std::move(thread)},
                {"extensions", dump_extensions(m.extensions)},
                {"error", m.error ? dump_stanza_error(*m.error) : json(nullptr)}};
}

// A presence's typed view: what AnyPresence holds (RFC 6121 §4.7); type "available" for the
// absent 'type', show null for none, priority null when absent (which means 0).
json dump_presence(const xstanza::AnyPresence& p) {
    const std::string_view type = to_string(p.type);
    return json{{"kind", "presence"},
                {"type", dump_string(type.empty() ? "available" : type)},
                {"id", dump_string_or_null(p.id)},
                {"from", dump_jid(p.from)},
                {"to", dump_jid(p.to)},
                {"lang", dump_string_or_null(p.lang)},
                {"show", dump_string_or_null(to_string(p.show))},
                {"statuses", dump_texts(p.statuses)},
                {"priority", p.priority ? json(*p.priority) : json(nullptr)},
                {"extensions", dump_extensions(p.extensions)},
                {"error", p.error ? dump_stanza_error(*p.error) : json(nullptr)}};
}

json dump_stanza(const xstanza::AnyStanza& s) {
    if (const xstanza::AnyMessage* m = s.message()) return dump_message(*m);
    if (const xstanza::AnyPresence* p = s.presence()) return dump_presence(*p);
    return dump_iq(*s.iq());
}

json dump_parse_error(const xstanza::parse_error& e) {
    return json{{"error", {{"code", dump_string(to_string(e.code()))},
                           {"offset", e.offset()},
                           {"message", dump_string(e.message())}}}};
}

int dump(const options& o) {
    bool many = o.files.size() > 1;
    return for_each_stanza(o, [&](const char* file, const xstanza::result<xstanza::AnyStanza>& r) {
        if (r) report_leniency(file, *r);
        json body = r ? dump_stanza(*r) : dump_parse_error(r.error());
        json doc = many ? json{{"file", file}} : json::object();
        doc.update(body);
        std::string text = doc.dump(2);  // UTF-8 as is; '"', '\\' and control characters escaped
        text.push_back('\n');
        std::fwrite(text.data(), 1, text.size(), stdout);
        return bool(r);
    });
}
#else
int dump(const options&) {
    std::fputs("xstanza: dump needs nlohmann-json (Debian: nlohmann-json3-dev), which this build did not find\n", stderr);
    return exit_usage;
}
#endif

// ---------------------------------------------------------------------------------------------
// bench

// Runs `op` on every stanza of the corpus until ~0.25 s have passed; returns seconds per pass.
template <class Op>
double time_passes(const std::vector<std::string>& corpus, Op op) {
    using clock = std::chrono::steady_clock;
    for (const std::string& s : corpus) op(s);  // warm-up
    std::size_t passes = 0;
    auto start = clock::now();
    double elapsed = 0;
    do {
        for (const std::string& s : corpus) op(s);
        ++passes;
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    } while (elapsed < 0.25);
    return elapsed / double(passes);
}

// Parses `s` with RapidXML parse<0> into `doc`, in situ in `buffer`; false, with RapidXML's
// message and the byte it stopped at in `why`, when RapidXML rejects it.
bool rapidxml_parse(const std::string& s, std::string& buffer, rapidxml::xml_document<char>& doc, std::string* why) {
    buffer.assign(s);
    doc.clear();
    try {
        doc.parse<0>(buffer.data());
    } catch (const rapidxml::parse_error& e) {
        if (why) *why = std::string(e.what()) + " at byte " + std::to_string(e.where<char>() - buffer.data());
        return false;
    }
    if (doc.first_node() == nullptr) {
        if (why) *why = "no element";
        return false;
    }
    return true;
}

std::string describe(const xstanza::parse_error& e) {
    return std::string(xstanza::to_string(e.code())) + " at byte " + std::to_string(e.offset()) + ": " +
           std::string(e.message());
}

// bench's failures: a message on stderr, exit status 1.
int bench_failed(const char* corpus, std::size_t stanza, const char* what, const std::string& why) {
    std::fprintf(stderr, "xstanza bench: %s, stanza %zu: %s: %s\n", corpus, stanza, what, why.c_str());
    return exit_invalid;
}

// bench [FILE...]: the built-in corpora, or one corpus "files" of the given stanzas. Every
// stanza is checked once before timing (RapidXML parses it, xstanza parses it as AnyStanza and
// serializes it); the timed loops count failures, and any failure exits 1 with a message.
int bench(const options& o) {
    struct named {
        const char* name;
        std::vector<std::string> stanzas;
    };
    std::vector<named> corpora;
    if (!o.files.empty()) {
        named files{"files", {}};
        std::string input;
        for (const char* file : o.files) {
            errno = 0;
            if (!read_input(file, xstanza::parse_limits{}.max_input_bytes, input)) {
                report_unreadable(file);
                return exit_usage;
            }
            files.stanzas.push_back(input);
        }
        corpora.push_back(std::move(files));
    } else {
        corpora = {
            {"small_get", {xstanza_corpus::small_get()}},
            {"error", {xstanza_corpus::error_reply()}},
            {"roster100", {xstanza_corpus::roster(100)}},
            {"roster10k", {xstanza_corpus::roster(10000)}},
            {"mixed", xstanza_corpus::mixed(10000)},
            {"presence_caps", {xstanza_corpus::presence_caps()}},
            {"chat_message", {xstanza_corpus::chat_message()}},
            {"mixed_stream", xstanza_corpus::mixed_stream(10000)},
        };
    }
    xstanza::Parser parser;
    std::string buffer;
    rapidxml::xml_document<char> doc;
    std::size_t sink = 0;
    // What this table is: a quick look, not benchmarks/ (which times typed parses with a walk of
    // their fields, against five peers, with repetitions).
    std::printf("Each stanza parsed as AnyStanza (runtime-typed, validated, no walk of its fields) from a reused\n"
                "buffer, next to RapidXML's parse<0> of the same bytes; serialize writes the parsed stanza back. A\n"
                "one-stanza corpus is parsed again and again (small_get: 101 bytes); mixed is 10,000 IQs, mixed_stream\n"
                "10,000 messages, presences and IQs. benchmarks/ (scripts/demo.sh) has the full table: typed parses, five peers.\n\n");
    std::printf("%-13s %-24s %10s %14s %8s\n", "corpus", "operation", "MB/s", "stanzas/s", "ratio");
    for (const named& c : corpora) {
        // Before timing: every stanza parses with both, and xstanza's result serializes.
        // Parsed once, and kept, for the serialize timing.
        std::vector<xstanza::owned<xstanza::AnyStanza>> parsed;
        std::size_t bytes = 0, out_bytes = 0;
        std::string out, why;
        for (std::size_t i = 0; i < c.stanzas.size(); ++i) {
            const std::string& s = c.stanzas[i];
            bytes += s.size();
            if (!rapidxml_parse(s, buffer, doc, &why)) return bench_failed(c.name, i, "RapidXML rejects it", why);
            xstanza::result<xstanza::AnyStanza> r = parser.parse<xstanza::AnyStanza>(s);
            if (!r) return bench_failed(c.name, i, "xstanza rejects it", describe(r.error()));
            xstanza::result<xstanza::owned<xstanza::AnyStanza>> o = xstanza::make_owned(*r);
            if (!o) return bench_failed(c.name, i, "xstanza cannot keep it (make_owned)", describe(o.error()));
            out.clear();
            if (xstanza::parse_error e = xstanza::serialize(o->get(), out))
                return bench_failed(c.name, i, "xstanza cannot serialize it", describe(e));
            out_bytes += o->xml().size();
            parsed.push_back(std::move(*o));
        }
        // The timed loops count failures (none is expected after the check above).
        std::size_t failures = 0;
        double n = double(c.stanzas.size());
        double t_rapid = time_passes(c.stanzas, [&](const std::string& s) {
            failures += !rapidxml_parse(s, buffer, doc, nullptr);
            sink += doc.first_node() != nullptr;
        });
        double t_parse = time_passes(c.stanzas, [&](const std::string& s) {
            buffer.assign(s);
            auto r = parser.parse_in_situ<xstanza::AnyStanza>(buffer);
            failures += !r;
            sink += r.has_value();
        });
        // Serialize: the stanzas parsed above, serialization alone.
        std::size_t k = 0;
        double t_ser = time_passes(c.stanzas, [&](const std::string&) {
            out.clear();
            failures += bool(xstanza::serialize(parsed[k++ % parsed.size()].get(), out));
            sink += out.size();
        });
        if (failures != 0)
            return bench_failed(c.name, 0, "timed loops", std::to_string(failures) + " parses or serializations failed");
        auto row = [&](const char* op, double secs, std::size_t b, double ratio) {
            std::printf("%-13s %-24s %10.1f %14.0f %7.2fx\n", c.name, op, double(b) / secs / 1e6, n / secs, ratio);
        };
        row("parse rapidxml<0>", t_rapid, bytes, 1.0);
        row("parse xstanza AnyStanza", t_parse, bytes, t_rapid / t_parse);
        row("serialize xstanza", t_ser, out_bytes, t_rapid / t_ser);
    }
    std::printf("(ratio: speed relative to RapidXML parse<0> of the same input, which only builds a DOM;\n"
                " xstanza parses, validates and types the stanza. sink=%zu)\n", sink % 10);
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::fputs("xstanza: no command given\n", stderr);
            return usage_hint();
        }
        std::string_view cmd = argv[1];
        if (const verb* v = find_verb(cmd)) {
            options o;
            if (int status = parse_args(*v, argc, argv, o); status >= 0) return status;
            return v->run(o);
        }
        if (cmd == "help" || is_help_flag(cmd)) {
            if (cmd != "help" || argc == 2) return usage_all();
            if (argc == 3 && (std::string_view(argv[2]) == "help" || is_help_flag(argv[2]))) return usage_all();
            if (const verb* v = find_verb(argv[2]); v && argc == 3) return usage_of(*v);
            if (argc > 3)
                std::fputs("xstanza help: takes one COMMAND\n", stderr);
            else
                std::fprintf(stderr, "xstanza: unknown command '%s'\n", argv[2]);
            return usage_hint();
        }
        if (cmd == "--version") {
            std::printf("xstanza %d.%d.%d\n", XSTANZA_VERSION_MAJOR, XSTANZA_VERSION_MINOR, XSTANZA_VERSION_PATCH);
            return exit_ok;
        }
        if (cmd.size() > 1 && cmd[0] == '-')
            std::fprintf(stderr, "xstanza: unknown option '%s'\n", argv[1]);
        else
            std::fprintf(stderr, "xstanza: unknown command '%s'\n", argv[1]);
        return usage_hint();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "xstanza: %s\n", e.what());
        return exit_usage;
    }
}
