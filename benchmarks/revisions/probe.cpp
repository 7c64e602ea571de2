// One program, compiled against the headers of two revisions, to time and count the same
// work in both: what "performance does not move" needs when the benchmark code itself has
// changed between them (benchmarks/ grew with message and presence). It uses only the API
// that has not changed since the headers moved into layers (AnyIq and its roster payload,
// Iq<Result, RosterQuery>, serialize into a std::string, the scanner alone), and
// tools/corpus.hpp's corpora of that time. compare.sh builds and runs it.
//
//   probe                 every corpus: xstanza parse + walk, the scan alone, RapidXML
//                         parse<0> + walk, in ns per document (the fastest of 15 rounds);
//                         then serializing a parsed roster100 result
//   probe CORPUS          the same for one corpus (small_get, error, roster100, mixed)
//   probe CORPUS N        parses the corpus N times inside counted_passes() (for callgrind)
//   probe ser N           serializes roster100 N times inside counted_serialize()
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidxml/rapidxml.hpp>
#include <xstanza/xstanza.hpp>

#include "corpus.hpp"

namespace {

using roster_result = xstanza::Iq<xstanza::Result, xstanza::RosterQuery>;

// What every reader does with what it parsed: touches each string it hands out.
std::size_t sink;
void str(std::string_view s) { sink += s.size() + (s.empty() ? 0 : static_cast<unsigned char>(s[0])); }
void jid(const xstanza::Jid& j) {
    str(j.local());
    str(j.domain());
    str(j.resource());
}
void walk_roster(const xstanza::RosterQuery& q) {
    if (q.ver) str(*q.ver);
    for (const xstanza::RosterItem& it : q.items) {
        jid(it.jid);
        if (it.name) str(*it.name);
        sink += unsigned(it.subscription);
        for (std::string_view g : it.groups) str(g);
    }
}

struct typed_parse {
    xstanza::Parser parser;
    std::string buffer;

    bool any(const std::string& in) {
        buffer.assign(in);
        xstanza::result<xstanza::AnyIq> r = parser.parse_in_situ<xstanza::AnyIq>(buffer);
        if (!r) return false;
        const xstanza::AnyIq& iq = *r;
        sink += unsigned(iq.type);
        str(iq.id);
        if (iq.from) jid(*iq.from);
        if (iq.to) jid(*iq.to);
        if (!iq.payload.empty()) {
            str(iq.payload.name());
            str(iq.payload.ns());
            if (const xstanza::RosterQuery* q = iq.payload.roster()) walk_roster(*q);
        }
        if (iq.error) {
            sink += unsigned(iq.error->condition);
            if (iq.error->text) str(*iq.error->text);
        }
        return true;
    }
    bool roster(const std::string& in) {
        buffer.assign(in);
        xstanza::result<roster_result> r = parser.parse_in_situ<roster_result>(buffer);
        if (!r) return false;
        str(r->id);
        if (r->to) jid(*r->to);
        walk_roster(r->payload);
        return true;
    }
};

struct scan_only {
    std::string buffer;
    xstanza::detail::scanner scanner;
    xstanza::parse_limits limits;
    bool run(const std::string& in) {
        buffer.assign(in);
        if (scanner.scan(buffer.data(), buffer.size(), limits)) return false;
        ++sink;
        return true;
    }
};

struct rapidxml_parse {
    std::vector<char> buffer;
    rapidxml::xml_document<char> doc;
    void walk(rapidxml::xml_node<char>* n) {
        for (; n; n = n->next_sibling()) {
            str({n->name(), n->name_size()});
            str({n->value(), n->value_size()});
            for (auto* a = n->first_attribute(); a; a = a->next_attribute()) {
                str({a->name(), a->name_size()});
                str({a->value(), a->value_size()});
            }
            walk(n->first_node());
        }
    }
    bool run(const std::string& in) {
        buffer.assign(in.begin(), in.end());
        buffer.push_back('\0');
        doc.clear();
        doc.parse<0>(buffer.data());
        walk(doc.first_node());
        return true;
    }
};

struct roster_serialize {
    xstanza::Parser parser;
    std::string input, out;
    std::optional<xstanza::result<roster_result>> parsed;
    explicit roster_serialize(const std::string& xml) : input(xml) {
        parsed.emplace(parser.parse_in_situ<roster_result>(input));
        if (!*parsed) std::exit(2);
    }
    bool run() {
        out.clear();
        if (xstanza::serialize(**parsed, out)) return false;
        sink += out.size();
        return true;
    }
};

struct corpus {
    const char* name;
    std::vector<std::string> docs;
    bool roster;
};

// ns per document: the fastest of 15 rounds of at least 40 ms each.
template <class F>
double time_ns(const std::vector<std::string>& docs, F&& f) {
    using clock = std::chrono::steady_clock;
    double best = 1e300;
    for (int round = 0; round < 15; ++round) {
        std::size_t n = 0;
        const auto t0 = clock::now();
        do {
            for (const std::string& d : docs) {
                if (!f(d)) {
                    std::fprintf(stderr, "probe: a document failed to parse\n");
                    std::exit(1);
                }
                ++n;
            }
        } while (clock::now() - t0 < std::chrono::milliseconds(40));
        best = std::min(best, std::chrono::duration<double, std::nano>(clock::now() - t0).count() / double(n));
    }
    return best;
}

[[gnu::noinline]] void counted_passes(typed_parse& x, const corpus& c, int n) {
    for (int i = 0; i < n; ++i)
        for (const std::string& d : c.docs)
            if (!(c.roster ? x.roster(d) : x.any(d))) std::exit(1);
}
[[gnu::noinline]] void counted_serialize(roster_serialize& s, int n) {
    for (int i = 0; i < n; ++i)
        if (!s.run()) std::exit(3);
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<corpus> corpora = {{"small_get", {xstanza_corpus::small_get()}, false},
                                         {"error", {xstanza_corpus::error_reply()}, false},
                                         {"roster100", {xstanza_corpus::roster(100)}, true},
                                         {"mixed", xstanza_corpus::mixed(10000), false}};
    typed_parse typed;
    roster_serialize ser(xstanza_corpus::roster(100));
    const std::string only = argc > 1 ? argv[1] : "";
    if (argc > 2) {
        const int n = std::atoi(argv[2]);
        if (only == "ser") {
            ser.run();  // the first run grows the output string
            counted_serialize(ser, n);
            return 0;
        }
        for (const corpus& c : corpora)
            if (only == c.name) {
                // The first parse, not counted, sizes the Parser's storage.
                if (!(c.roster ? typed.roster(c.docs[0]) : typed.any(c.docs[0]))) return 1;
                counted_passes(typed, c, n);
                return 0;
            }
        return 2;
    }
    for (const corpus& c : corpora) {
        if (!only.empty() && only != c.name) continue;
        const double tx = time_ns(c.docs, [&](const std::string& d) { return c.roster ? typed.roster(d) : typed.any(d); });
        scan_only scan;
        const double ts = time_ns(c.docs, [&](const std::string& d) { return scan.run(d); });
        rapidxml_parse rx;
        const double tr = time_ns(c.docs, [&](const std::string& d) { return rx.run(d); });
        std::printf("%s xstanza %.1f scan %.1f rapidxml %.1f\n", c.name, tx, ts, tr);
    }
    if (only.empty() || only == "ser") {
        const std::vector<std::string> one{""};
        std::printf("ser xstanza %.1f\n", time_ns(one, [&](const std::string&) { return ser.run(); }));
    }
    return sink == 42 ? 1 : 0;  // keeps the walk's work observable
}
