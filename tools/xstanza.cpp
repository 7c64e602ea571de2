// xstanza: command-line tool on the public API. check, canon, dump, bench, help, --version.
#include <rapidxml/rapidxml.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
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

// Prints the usage: on stderr after a mistake (returns exit_usage), on stdout when asked
// for with help, --help or -h (returns exit_ok).
int usage(std::FILE* to = stderr) {
    std::fputs(
        "usage: xstanza check [OPTIONS] FILE...  validate: one line per file, 'ok' or 'error: CODE at byte N: MESSAGE'\n"
        "       xstanza canon [OPTIONS] FILE     print the canonical serialization on one line\n"
        "       xstanza dump [OPTIONS] FILE      print the typed view (AnyIq) as JSON\n"
        "       xstanza bench [FILE...]          parse/serialize throughput next to raw RapidXML, on\n"
        "                                        built-in corpora or the given stanzas; exit 1 if a\n"
        "                                        stanza fails to parse or serialize\n"
        "       xstanza help | --help | -h       this text, on standard output\n"
        "       xstanza --version                the version of xstanza\n"
        "Options of check, canon and dump:\n"
        "  --sender        the sender's rules, every MUST a sender has (the default: a validator)\n"
        "  --receiver      the receiver's rules: accept, ignore or map what RFC 6120/6121 tell a\n"
        "                  receiver to; what was mapped or ignored is reported on stderr\n"
        "  --role=client   the entity whose rules apply is a client (the default)\n"
        "  --role=server   ... a server (e.g. a server's roster push may carry 'ask' and 'approved')\n"
        "canon writes as the input's sender: the role itself with --sender, its peer with --receiver.\n"
        "FILE may be '-' for standard input. Exit: 0 all valid, 1 any invalid, 2 usage or I/O error\n"
        "(check reads every file it can, then exits 2 if any could not be read).\n",
        to);
    return to == stderr ? exit_usage : exit_ok;
}

bool is_help(std::string_view a) { return a == "help" || a == "--help" || a == "-h"; }

// True when a verb's arguments (argv[2...]) ask for help: --help or -h.
bool wants_help(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") return true;
    return false;
}

// Reads a whole file ("-" is stdin), at most `limit` + 1 bytes so that an oversized input
// is reported by the parser's limit rather than exhausting memory.
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

void print_error(const xstanza::parse_error& e) {
    std::printf("error: %.*s at byte %zu: %.*s\n", int(xstanza::to_string(e.code()).size()),
                xstanza::to_string(e.code()).data(), e.offset(), int(e.message().size()), e.message().data());
}

// The options of check and canon, and the files they name.
struct options {
    xstanza::rules rules = xstanza::rules::sender();
    std::vector<const char*> files;
    // The role the input's sender has: the rules' own with --sender, the peer's with --receiver.
    xstanza::role writer() const noexcept {
        if (rules.strict()) return rules.of;
        return rules.of == xstanza::role::client ? xstanza::role::server : xstanza::role::client;
    }
};

// Reads argv[2...]; false (after a message) on an unknown option.
bool parse_options(int argc, char** argv, options& o) {
    xstanza::role r = xstanza::role::client;
    bool receiver = false;
    for (int i = 2; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--receiver") receiver = true;
        else if (a == "--sender") receiver = false;
        else if (a == "--role=client") r = xstanza::role::client;
        else if (a == "--role=server") r = xstanza::role::server;
        else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "xstanza: unknown option '%s'\n", argv[i]);
            return false;
        } else {
            o.files.push_back(argv[i]);
        }
    }
    o.rules = receiver ? xstanza::rules::receiver(r) : xstanza::rules::sender(r);
    return true;
}

// With the receiver's rules: what they mapped or ignored, on stderr (RFC 6120 §8.3.2, RFC 6121 §2.1.2.5).
void report_leniency(const char* file, const xstanza::AnyIq& iq) {
    if (iq.error && !iq.error->unknown_condition.empty())
        std::fprintf(stderr, "%s: mapped the unknown condition <%.*s/> to <undefined-condition/> (RFC 6120 §8.3.2)\n", file,
                     int(iq.error->unknown_condition.size()), iq.error->unknown_condition.data());
    if (const xstanza::RosterQuery* q = iq.payload.roster())
        for (const xstanza::RosterItem& item : q->items) {
            if (!item.ignored_subscription) continue;
            std::string jid = item.jid.to_string();
            std::fprintf(stderr, "%s: ignored subscription='%.*s' of item '%s' (RFC 6121 §2.1.2.5)\n", file,
                         int(item.ignored_subscription->size()), item.ignored_subscription->data(), jid.c_str());
        }
}

int check(int argc, char** argv) {
    if (wants_help(argc, argv)) return usage(stdout);
    options o;
    if (!parse_options(argc, argv, o) || o.files.empty()) return usage();
    xstanza::Parser parser(xstanza::parse_limits{}, o.rules);
    std::string input;
    int status = exit_ok;
    bool unreadable = false;
    bool many = o.files.size() > 1;
    for (const char* file : o.files) {
        if (!read_input(file, parser.limits().max_input_bytes, input)) {
            // Reported, and the other files are still checked; the exit status says it (2).
            std::fflush(stdout);
            std::fprintf(stderr, "xstanza: cannot read '%s': %s\n", file, std::strerror(errno));
            unreadable = true;
            continue;
        }
        if (many) std::printf("%s: ", file);
        xstanza::result<xstanza::AnyIq> r = parser.parse_in_situ<xstanza::AnyIq>(input);
        if (r) {
            std::puts("ok");
            report_leniency(file, *r);
        } else {
            print_error(r.error());
            status = exit_invalid;
        }
    }
    return unreadable ? exit_usage : status;
}

// What canon and dump share: their options and one FILE, read and parsed as AnyIq under the
// options' rules (what those mapped or ignored is reported on stderr). Returns -1 with the
// stanza in `out` (views into `parser` and `input`), else the exit status to stop with.
int parse_one(int argc, char** argv, options& o, xstanza::Parser& parser, std::string& input, xstanza::AnyIq& out) {
    if (!parse_options(argc, argv, o) || o.files.size() != 1) return usage();
    const char* file = o.files[0];
    parser.set_rules(o.rules);
    if (!read_input(file, parser.limits().max_input_bytes, input)) {
        std::fprintf(stderr, "xstanza: cannot read '%s': %s\n", file, std::strerror(errno));
        return exit_usage;
    }
    xstanza::result<xstanza::AnyIq> r = parser.parse_in_situ<xstanza::AnyIq>(input);
    if (!r) {
        print_error(r.error());
        return exit_invalid;
    }
    report_leniency(file, *r);
    out = *r;
    return -1;
}

int canon(int argc, char** argv) {
    if (wants_help(argc, argv)) return usage(stdout);
    options o;
    xstanza::Parser parser;
    std::string input;
    xstanza::AnyIq iq;
    if (int status = parse_one(argc, argv, o, parser, input, iq); status >= 0) return status;
    std::string out;
    if (xstanza::parse_error e = xstanza::serialize(iq, out, o.writer())) {
        print_error(e);
        return exit_invalid;
    }
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
    return exit_ok;
}

#ifdef XSTANZA_CLI_JSON
// The typed view of an IQ as JSON, keys in a fixed order; absent optional fields are null.
nlohmann::ordered_json to_json(const xstanza::AnyIq& iq) {
    using json = nlohmann::ordered_json;
    auto str = [](std::string_view s) { return json(std::string(s)); };
    auto opt = [&](const auto& o) { return o ? str(*o) : json(nullptr); };
    auto jid = [](const std::optional<xstanza::Jid>& j) { return j ? json(j->to_string()) : json(nullptr); };
    json j;
    j["type"] = str(to_string(iq.type));
    j["id"] = str(iq.id);
    j["from"] = jid(iq.from);
    j["to"] = jid(iq.to);
    j["lang"] = iq.lang.empty() ? json(nullptr) : str(iq.lang);
    if (const xstanza::RosterQuery* q = iq.payload.roster()) {
        json items = json::array();
        for (const xstanza::RosterItem& item : q->items) {
            json groups = json::array();
            for (std::string_view g : item.groups) groups.push_back(str(g));
            items.push_back(json{{"jid", item.jid.to_string()},
                                 {"name", opt(item.name)},
                                 {"subscription", str(to_string(item.subscription))},
                                 {"ask", item.ask},
                                 {"approved", item.approved},
                                 {"groups", std::move(groups)}});
        }
        j["payload"] = json{{"kind", "roster"}, {"ver", opt(q->ver)}, {"items", std::move(items)}};
    } else if (const xstanza::OpaqueElement* o = iq.payload.opaque()) {
        j["payload"] = json{{"kind", "opaque"}, {"name", str(o->name)}, {"ns", str(o->ns)}, {"xml", str(o->xml)}};
    } else {
        j["payload"] = nullptr;
    }
    if (iq.error) {
        const xstanza::StanzaError& e = *iq.error;
        j["error"] = json{{"type", str(to_string(e.type))},
                          {"condition", str(to_string(e.condition))},
                          {"unknown_condition", e.unknown_condition.empty() ? json(nullptr) : str(e.unknown_condition)},
                          {"uri", e.uri.empty() ? json(nullptr) : str(e.uri)},
                          {"text", opt(e.text)},
                          {"text_lang", e.text_lang.empty() ? json(nullptr) : str(e.text_lang)},
                          {"app", e.app ? json{{"name", str(e.app->name)}, {"ns", str(e.app->ns)}} : json(nullptr)},
                          {"by", jid(e.by)}};
    } else {
        j["error"] = nullptr;
    }
    return j;
}
#endif

// dump [OPTIONS] FILE: the typed view as JSON (2-space indented), or the error as check prints it.
int dump(int argc, char** argv) {
    if (wants_help(argc, argv)) return usage(stdout);
#ifdef XSTANZA_CLI_JSON
    options o;
    xstanza::Parser parser;
    std::string input;
    xstanza::AnyIq iq;
    if (int status = parse_one(argc, argv, o, parser, input, iq); status >= 0) return status;
    std::string text = to_json(iq).dump(2);
    text.push_back('\n');
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_ok;
#else
    std::fputs("xstanza: dump needs nlohmann-json (Debian: nlohmann-json3-dev), which this build did not find\n", stderr);
    return exit_usage;
#endif
}

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
// stanza is checked once before timing (RapidXML parses it, xstanza parses it as AnyIq and
// serializes it); the timed loops count failures, and any failure exits 1 with a message.
int bench(int argc, char** argv) {
    struct named {
        const char* name;
        std::vector<std::string> stanzas;
    };
    std::vector<named> corpora;
    if (wants_help(argc, argv)) return usage(stdout);
    for (int i = 2; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "xstanza: unknown option '%s'\n", argv[i]);
            return usage();
        }
    }
    if (argc > 2) {
        named files{"files", {}};
        std::string input;
        for (int i = 2; i < argc; ++i) {
            if (!read_input(argv[i], xstanza::parse_limits{}.max_input_bytes, input)) {
                std::fprintf(stderr, "xstanza: cannot read '%s': %s\n", argv[i], std::strerror(errno));
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
        };
    }
    xstanza::Parser parser;
    std::string buffer;
    rapidxml::xml_document<char> doc;
    std::size_t sink = 0;
    std::printf("%-10s %-22s %10s %14s %8s\n", "corpus", "operation", "MB/s", "stanzas/s", "ratio");
    for (const named& c : corpora) {
        // Before timing: every stanza parses with both, and xstanza's result serializes.
        // Parsed once, and kept, for the serialize timing.
        std::vector<xstanza::owned<xstanza::AnyIq>> parsed;
        std::size_t bytes = 0, out_bytes = 0;
        std::string out, why;
        for (std::size_t i = 0; i < c.stanzas.size(); ++i) {
            const std::string& s = c.stanzas[i];
            bytes += s.size();
            if (!rapidxml_parse(s, buffer, doc, &why)) return bench_failed(c.name, i, "RapidXML rejects it", why);
            xstanza::result<xstanza::AnyIq> r = parser.parse<xstanza::AnyIq>(s);
            if (!r) return bench_failed(c.name, i, "xstanza rejects it", describe(r.error()));
            xstanza::result<xstanza::owned<xstanza::AnyIq>> o = xstanza::make_owned(*r);
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
            auto r = parser.parse_in_situ<xstanza::AnyIq>(buffer);
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
            std::printf("%-10s %-22s %10.1f %14.0f %7.2fx\n", c.name, op, double(b) / secs / 1e6, n / secs, ratio);
        };
        row("parse rapidxml<0>", t_rapid, bytes, 1.0);
        row("parse xstanza AnyIq", t_parse, bytes, t_rapid / t_parse);
        row("serialize xstanza", t_ser, out_bytes, t_rapid / t_ser);
    }
    std::printf("(ratio: speed relative to RapidXML parse<0> of the same input, which only builds a DOM;\n"
                " xstanza parses, validates and types the stanza. sink=%zu)\n", sink % 10);
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) return usage();
        std::string_view cmd = argv[1];
        if (cmd == "check") return check(argc, argv);
        if (cmd == "canon") return canon(argc, argv);
        if (cmd == "dump") return dump(argc, argv);
        if (cmd == "bench") return bench(argc, argv);
        if (is_help(cmd)) return usage(stdout);
        if (cmd == "--version") {
            std::printf("xstanza %d.%d.%d\n", XSTANZA_VERSION_MAJOR, XSTANZA_VERSION_MINOR, XSTANZA_VERSION_PATCH);
            return exit_ok;
        }
        if (cmd.size() > 1 && cmd[0] == '-')
            std::fprintf(stderr, "xstanza: unknown option '%s'\n", argv[1]);
        else
            std::fprintf(stderr, "xstanza: unknown command '%s'\n", argv[1]);
        return usage();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "xstanza: %s\n", e.what());
        return exit_usage;
    }
}
