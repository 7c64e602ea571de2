#!/usr/bin/env python3
"""Turns xstanza-bench's Google Benchmark JSON into RESULTS.md and two bar charts.

Usage: report.py JSON --md RESULTS.md [--png results.png --chart gnuplot|matplotlib|none]
                 [--ratio-png results_vs_rapidxml.png]
                 [--machine TEXT] [--packages TEXT] [--command TEXT]
Charts: --png, MB/s of every parse and serialize impl per corpus (log scale); --ratio-png
(default: --png's name with _vs_rapidxml), each parse peer's speed ratio to RapidXML per
corpus on a linear scale, RapidXML's 1.0 drawn as a line.
Statistic: the median over repetitions of CPU time (aggregates), or the single run.
Ratios are speed ratios: parse/rapidxml's time over the impl's time (> 1: faster).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import OrderedDict

PARSE_ORDER = ["xstanza", "rapidxml", "rapidxml_fastest", "pugixml", "expat", "gloox", "libstrophe", "memchr"]
SER_ORDER = ["xstanza", "xstanza_into", "rapidxml_print", "string_builder"]
CORPUS_ORDER = ["small_get", "error", "roster100", "roster10k", "roster100k", "mixed",
                "presence_caps", "muc_presence", "chat_message", "groupchat_delay", "login_burst", "room_join",
                "mixed_stream"]

# What each corpus is (tools/corpus.hpp builds them) and what parse/xstanza parses it as.
CORPUS_NOTES = OrderedDict([
    ("small_get", "one roster get, ~100 bytes (AnyIq)"),
    ("error", "one IQ error with condition, text and xml:lang (AnyIq)"),
    ("roster100", "a roster result with 100 items (Iq<Result, RosterQuery>)"),
    ("roster10k", "the same with 10,000 items"),
    ("roster100k", "the same with 100,000 items"),
    ("mixed", "10,000 small IQs of every type, each its own document (AnyIq)"),
    ("presence_caps", "an available presence with show, status, priority and a XEP-0115 caps `<c/>`, "
                      "~430 bytes (Presence<Available, Caps>)"),
    ("muc_presence", "a MUC occupant's presence: caps and a muc#user `<x/>` with affiliation, role and jid, "
                     "~400 bytes (Presence<Available, Caps>; the `<x/>` opaque, its `<item/>` read through Parser::view)"),
    ("chat_message", "a chat message with body, thread, a XEP-0184 receipt request and a XEP-0085 chat state, "
                     "~500 bytes (Message<Chat>)"),
    ("groupchat_delay", "a groupchat history message with a XEP-0203 delay, ~500 bytes (Message<Groupchat, Delay>)"),
    ("login_burst", "500 available presences as a server sends them after login, show, status, priority and "
                    "caps varied (Presence<Available, Caps>)"),
    ("room_join", "a 5,000-occupant room join: 5,000 MUC presences (Presence<Available, Caps>)"),
    ("mixed_stream", "10,000 stanzas: 60% presence, 30% message, 10% IQ (AnyStanza; messages and available "
                     "presences then cast to Message<Type, Delay> and Presence<Available, Caps>)"),
])

NOTES = {
    "xstanza": "copy to a reused buffer; Parser::parse_in_situ, full validation "
               "(Iq<Result, RosterQuery> for rosters, AnyIq for the other IQ corpora, the typed message or "
               "presence for the others, AnyStanza then Parser::cast for mixed_stream); walk of the typed result",
    "rapidxml": "copy; parse<0> in situ (decodes references) into a reused document; walk (the baseline)",
    "rapidxml_fastest": "copy; parse_fastest (no reference decoding, no terminators); walk",
    "pugixml": "copy; load_buffer_inplace (parse_default, UTF-8) into a reused document; walk",
    "expat": "one parser reused via XML_ParserReset (salted once); walk as SAX callbacks; no copy",
    "gloox": "gloox::Parser reused; builds gloox::Tag trees (std::string everywhere); walk in handleTag",
    "libstrophe": "xmpp_stanza_new_from_string (a new expat-based parser per call, its only public "
                  "string parser); walk; quadratic in sibling count, so skipped on roster100k",
    "memchr": "counts '<' with memchr: no parse, no walk; the floor",
}
SER_NOTES = {
    "xstanza": "xstanza::serialize into a reused std::string (validating, escaping)",
    "xstanza_into": "xstanza::serialize_into a fixed buffer",
    "rapidxml_print": "rapidxml::print of a DOM built once, into a reused std::string (back_inserter)",
    "string_builder": "hand-written std::string appends with escaping, no validation",
}


def load(path):
    with open(path) as f:
        data = json.load(f)
    runs = OrderedDict()
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"])
        kind = b.get("run_type", "iteration")
        agg = b.get("aggregate_name", "")
        r = runs.setdefault(name, {"iterations": [], "median": None, "cv": None})
        if kind == "aggregate":
            if agg == "median":
                r["median"] = b
            elif agg == "cv":
                r["cv"] = b
        else:
            r["iterations"].append(b)
    results = {}
    for name, r in runs.items():
        base = r["median"]
        if base is None:
            if not r["iterations"]:
                continue
            its = r["iterations"]
            base = dict(its[0])
            for key in ("cpu_time", "real_time", "bytes_per_second", "items_per_second", "allocs"):
                vals = [i[key] for i in its if key in i]
                if vals:
                    base[key] = sorted(vals)[len(vals) // 2]
        parts = name.split("/")
        if len(parts) != 3:
            continue
        cv = r["cv"]["cpu_time"] if r["cv"] else None
        results[tuple(parts)] = {
            "cpu_time": base["cpu_time"],
            "unit": base.get("time_unit", "ns"),
            "bps": base.get("bytes_per_second", 0.0),
            "ips": base.get("items_per_second", 0.0),
            "allocs": base.get("allocs"),
            "label": base.get("label", ""),
            "cv": cv,
        }
    return data.get("context", {}), results


def fmt_rate(v):
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if v >= div:
            return f"{v / div:.3g}{suffix}"
    return f"{v:.3g}"


def fmt_allocs(v):
    if v is None:
        return "-"
    if v == int(v):
        return f"{int(v)}"
    return f"{v:.3g}"


def fmt_cv(v):
    return "-" if v is None else f"{100 * v:.1f}"


def ordered(keys, order):
    known = [k for k in order if k in keys]
    return known + sorted(k for k in keys if k not in order)


def corpus_documents(context):
    """{corpus: documents}, from the binary's `corpora` context ("name=<bytes>B/<documents> ...")."""
    docs = {}
    for entry in context.get("corpora", "").split():
        name, _, size = entry.partition("=")
        try:
            docs[name] = int(size.split("/")[1])
        except (IndexError, ValueError):
            pass
    return docs


def write_md(args, context, results):
    parse = {k: v for k, v in results.items() if k[0] == "parse"}
    ser = {k: v for k, v in results.items() if k[0] == "serialize"}
    corpora = ordered({k[2] for k in results}, CORPUS_ORDER)
    out = []
    w = out.append
    w("# xstanza benchmarks")
    w("")
    w(f"Generated by `{args.command}` on {context.get('date', '?')}; do not edit by hand. "
      "Rerun: `benchmarks/run.sh` (10 to 15 minutes on 2 cores; `--short` for a quick look, written to the build directory).")
    w("")
    w("| | |")
    w("|---|---|")
    w(f"| machine | {args.machine or '?'}; {context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz; "
      f"load average at start {', '.join(f'{x:.2f}' for x in context.get('load_avg', [])) or '?'} |")
    w(f"| compiler | {context.get('compiler', '?')} |")
    w(f"| flags | `{context.get('cxx_flags', '?')}` (CMake Release) |")
    w(f"| peers | {args.packages or '?'} |")
    w(f"| runs | {args.runs} |")
    w(f"| allocations | counted by a replaced `{context.get('allocs_counted_by', '?')}`, per iteration (one pass over the corpus) |")
    if context.get("malloc"):
        w(f"| malloc | {context['malloc']} |")
    w(f"| corpora (bytes/documents) | {context.get('corpora', '?')} |")
    if context.get("library_build_type") == "debug":
        w("| harness | Debian's libbenchmark calls itself a debug build: that is the harness's loop, not the timed code (built as above) |")
    if context.get("skipped"):
        w(f"| skipped | {context['skipped']} |")
    w("")
    w("Times are CPU time (robust to preemption on a shared machine; the wall clock was not). "
      "**vs rapidxml** is parse/rapidxml's time over this row's time on the same corpus: above 1 is faster. "
      "**cv** is the coefficient of variation of the CPU time over the repetitions.")
    w("")
    w("## Parse")
    w("")
    w("Every `parse/` impl does the same typed walk (iq type, id, from, to; payload name and namespace; roster ver; "
      "item jid, name, subscription, ask, groups; error type, condition, text, xml:lang; for messages and presence "
      "type, id, from, to, xml:lang, bodies, subjects, thread, delay, show, priority, statuses, caps, muc#user items "
      "and every other extension's name and namespace) and `xstanza-bench` checks at "
      "start-up that each one's result digest equals parse/rapidxml's (sizes differ only for rapidxml_fastest, which "
      "does not decode references). **allocs/stanza** is allocs/iter over the corpus's documents.")
    w("")
    docs = corpus_documents(context)
    w("| corpus | what it is |")
    w("|---|---|")
    for c in corpora:
        if any(k[2] == c for k in parse):
            w(f"| {c} | {CORPUS_NOTES.get(c, '')} |")
    w("")
    for c in corpora:
        rows = {k[1]: v for k, v in parse.items() if k[2] == c}
        if not rows:
            continue
        base = rows.get("rapidxml")
        unit = next(iter(rows.values()))["label"] or "items"
        w(f"### {c}")
        w("")
        w(f"| impl | MB/s | {unit}/s | vs rapidxml | allocs/iter | allocs/stanza | cv % |")
        w("|---|---:|---:|---:|---:|---:|---:|")
        for impl in ordered(rows.keys(), PARSE_ORDER):
            r = rows[impl]
            ratio = base["cpu_time"] / r["cpu_time"] if base else float("nan")
            name = f"**{impl}**" if impl == "xstanza" else impl
            per_doc = r["allocs"] / docs[c] if r["allocs"] is not None and docs.get(c) else None
            w(f"| {name} | {r['bps'] / 1e6:.1f} | {fmt_rate(r['ips'])} | {ratio:.2f} | {fmt_allocs(r['allocs'])} | "
              f"{fmt_allocs(per_doc)} | {fmt_cv(r['cv'])} |")
        w("")
    stage = {k: v for k, v in results.items() if k[0] == "stage"}
    if stage:
        w("## Where parse/xstanza's time goes")
        w("")
        w("`stage/xstanza_scan` is the validating XML scan alone (well-formedness, namespaces, UTF-8, limits; "
          "no tree), `stage/xstanza_tree` the same scan indexing the elements, as Parser does; "
          "parse/xstanza adds the typed layer (RFC checks, JIDs, the typed result) and the walk. Each copies "
          "the input, as every parse/ impl does. The shares are of parse/xstanza's time; **scan vs rapidxml** "
          "is parse/rapidxml's time (parse and walk) over the scan's.")
        w("")
        w("| corpus | scan MB/s | scan + tree MB/s | parse/xstanza MB/s | scan | tree | typed layer | scan vs rapidxml |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|")
        for c in corpora:
            sc = stage.get(("stage", "xstanza_scan", c))
            tr = stage.get(("stage", "xstanza_tree", c))
            full = parse.get(("parse", "xstanza", c))
            base = parse.get(("parse", "rapidxml", c))
            if not (sc and tr and full):
                continue
            t = full["cpu_time"]
            shares = [sc["cpu_time"] / t, (tr["cpu_time"] - sc["cpu_time"]) / t, (t - tr["cpu_time"]) / t]
            vs = f"{base['cpu_time'] / sc['cpu_time']:.2f}" if base else "-"
            w(f"| {c} | {sc['bps'] / 1e6:.1f} | {tr['bps'] / 1e6:.1f} | {full['bps'] / 1e6:.1f} | "
              + " | ".join(f"{100 * x:.0f}%" for x in shares) + f" | {vs} |")
        w("")
    if args.instructions:
        w("### Instructions per stanza")
        w("")
        if os.path.exists(args.instructions):
            with open(args.instructions) as f:
                w(f.read().rstrip("\n"))
        else:
            w("Not counted in this run: `benchmarks/instructions.sh` needs valgrind (`apt-get install valgrind`); "
              "when it fails, run.sh says so.")
        w("")
    if ser:
        w("## Serialize")
        w("")
        w("A roster result parsed once by xstanza is the source; MB/s counts output bytes. **vs rapidxml_print** "
          "compares with serialize/rapidxml_print, **vs parse/rapidxml** with parsing the same corpus.")
        w("")
        for c in corpora:
            rows = {k[1]: v for k, v in ser.items() if k[2] == c}
            if not rows:
                continue
            base = rows.get("rapidxml_print")
            pbase = parse.get(("parse", "rapidxml", c))
            w(f"### {c}")
            w("")
            w("| impl | MB/s | items/s | vs rapidxml_print | vs parse/rapidxml | allocs/iter | cv % |")
            w("|---|---:|---:|---:|---:|---:|---:|")
            for impl in ordered(rows.keys(), SER_ORDER):
                r = rows[impl]
                ratio = base["cpu_time"] / r["cpu_time"] if base else float("nan")
                pratio = pbase["cpu_time"] / r["cpu_time"] if pbase else float("nan")
                name = f"**{impl}**" if impl.startswith("xstanza") else impl
                w(f"| {name} | {r['bps'] / 1e6:.1f} | {fmt_rate(r['ips'])} | {ratio:.2f} | {pratio:.2f} | "
                  f"{fmt_allocs(r['allocs'])} | {fmt_cv(r['cv'])} |")
            w("")
    charts = [(alt, path) for alt, path in (("parse and serialize throughput", args.png),
                                            ("parse speed relative to RapidXML", args.ratio_png))
              if path and os.path.exists(path)]
    if charts:
        w("## Charts")
        w("")
        for alt, path in charts:
            w(f"![{alt}]({os.path.basename(path)})")
            w("")
    w("## What each impl does")
    w("")
    for impl in ordered({k[1] for k in parse}, PARSE_ORDER):
        w(f"- parse/{impl}: {NOTES.get(impl, '')}")
    for impl in ordered({k[1] for k in ser}, SER_ORDER):
        w(f"- serialize/{impl}: {SER_NOTES.get(impl, '')}")
    w("")
    w("Sources: `benchmarks/impl_*.hpp` (one adapter per peer), `benchmarks/dom_walk.hpp` (the shared walk), "
      "`tools/corpus.hpp` (the corpora).")
    with open(args.md, "w") as f:
        f.write("\n".join(out) + "\n")


def chart_series(results):
    corpora = ordered({k[2] for k in results if k[0] == "parse"}, CORPUS_ORDER)
    impls = ordered({k[1] for k in results if k[0] == "parse"}, PARSE_ORDER)
    parse = [[results.get(("parse", i, c), {}).get("bps") for i in impls] for c in corpora]
    scorp = ordered({k[2] for k in results if k[0] == "serialize"}, CORPUS_ORDER)
    simpls = ordered({k[1] for k in results if k[0] == "serialize"}, SER_ORDER)
    ser = [[results.get(("serialize", i, c), {}).get("bps") for i in simpls] for c in scorp]
    return (corpora, impls, parse), (scorp, simpls, ser)


# The ratio chart leaves out the baseline itself (its 1.0 is a line) and memchr, which does
# not parse: at 7-13x RapidXML it would flatten every parser's bar on a linear scale.
RATIO_BASE = "rapidxml"
RATIO_LEFT_OUT = {RATIO_BASE, "memchr"}


def ratio_series(results):
    """(corpora, peers, rows): rows[c][p] is parse/rapidxml's CPU time over peer p's on corpus
    c (above 1: faster than RapidXML), None where either is missing."""
    corpora = ordered({k[2] for k in results if k[0] == "parse"}, CORPUS_ORDER)
    peers = [i for i in ordered({k[1] for k in results if k[0] == "parse"}, PARSE_ORDER) if i not in RATIO_LEFT_OUT]
    rows = []
    for c in corpora:
        base = results.get(("parse", RATIO_BASE, c))
        row = []
        for i in peers:
            r = results.get(("parse", i, c))
            row.append(base["cpu_time"] / r["cpu_time"] if base and r and r["cpu_time"] > 0 else None)
        rows.append(row)
    return corpora, peers, rows


def ratio_png_path(png):
    stem, ext = os.path.splitext(png)
    return stem + "_vs_rapidxml" + (ext or ".png")


RATIO_TITLE = "parse speed relative to RapidXML parse<0> + walk (1.0; above: faster), linear scale"


def gnuplot_terminal(size):
    terms = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    if "pngcairo" in (terms.stdout + terms.stderr):
        return f"pngcairo size {size} font 'sans,10'"
    return f"png size {size}"


def ratio_top(rows):
    """The top of the ratio chart's y axis: room above the highest bar and above 1.0."""
    return 1.15 * max([1.0] + [v for row in rows for v in row if v is not None])


def gnuplot_ratio_script(dat, count, top, png, title, term):
    """The gnuplot script of the ratio chart: clustered bars per corpus, linear y from 0 to
    `top`, RapidXML's 1.0 as a dashed line across the plot."""
    return f"""
set terminal {term}
set termoption noenhanced
set output '{png}'
set datafile missing '?'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set yrange [0:{top:.3f}]
set grid ytics
set key below horizontal
set ylabel 'speed / RapidXML parse<0> (median CPU time)'
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead front lw 2 dt 2 lc rgb 'black'
set label 1 'RapidXML = 1.0' at graph 0.99, first 1 right offset 0,0.7 front
set title "{title}"
plot for [i=2:{count + 1}] '{dat}' using i:xtic(1) title columnheader(i)
"""


def ratio_chart_gnuplot(results, png, title):
    corpora, peers, rows = ratio_series(results)
    if not corpora or not peers:
        return False
    tmp = tempfile.mkdtemp(prefix="xstanza-bench-")
    dat = os.path.join(tmp, "ratio.dat")
    with open(dat, "w") as f:
        f.write("corpus " + " ".join(peers) + "\n")
        for c, row in zip(corpora, rows):
            f.write(c + " " + " ".join("?" if v is None else f"{v:.4f}" for v in row) + "\n")
    script = gnuplot_ratio_script(dat, len(peers), ratio_top(rows), png, title, gnuplot_terminal("1200,600"))
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        return False
    return True


def ratio_chart_matplotlib(results, png, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    corpora, peers, rows = ratio_series(results)
    if not corpora or not peers:
        return False
    fig, ax = plt.subplots(figsize=(12, 6))
    width = 0.8 / len(peers)
    for j, peer in enumerate(peers):
        xs = [i + j * width for i in range(len(corpora))]
        ax.bar(xs, [row[j] or 0 for row in rows], width, label=peer)
    ax.axhline(1.0, color="black", linestyle="--", linewidth=1.5, label="RapidXML = 1.0")
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(corpora))])
    ax.set_xticklabels(corpora)
    ax.set_ylim(0, ratio_top(rows))
    ax.set_ylabel("speed / RapidXML parse<0> (median CPU time)")
    ax.set_title(RATIO_TITLE)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    return True


def chart_gnuplot(results, png, title):
    (pc, pi, pv), (sc, si, sv) = chart_series(results)
    tmp = tempfile.mkdtemp(prefix="xstanza-bench-")

    def dat(name, corpora, impls, values):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write("corpus " + " ".join(impls) + "\n")
            for c, row in zip(corpora, values):
                f.write(c + " " + " ".join("?" if v is None else f"{v / 1e6:.3f}" for v in row) + "\n")
        return path

    # The panels that have data (a filtered run may have only parse/ or only serialize/ rows).
    panels = [(t, dat(f, c, i, v), len(i), w) for t, f, c, i, v, w in
              (("parse (each impl: same typed walk)", "parse.dat", pc, pi, pv, 0.72),
               ("serialize (output bytes)", "serialize.dat", sc, si, sv, 0.28)) if c and i]
    if not panels:
        return False
    term = gnuplot_terminal("1600,650")
    plots = ""
    origin = 0.0
    for t, path, count, width in panels:
        width = width if len(panels) > 1 else 1.0
        plots += (f"set size {width},0.94\nset origin {origin},0\nset title '{t}'\n"
                  f"plot for [i=2:{count + 1}] '{path}' using i:xtic(1) title columnheader(i)\n")
        origin += width
    script = f"""
set terminal {term}
set termoption noenhanced
set output '{png}'
set datafile missing '?'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set yrange [1:*]
set grid ytics
set key below horizontal
set ylabel 'MB/s (median CPU time, log scale)'
set multiplot layout 1,{len(panels)} title "{title}"
{plots}unset multiplot
"""
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        return False
    return True


def chart_matplotlib(results, png, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (pc, pi, pv), (sc, si, sv) = chart_series(results)
    panels = [(c, i, v, t, r) for c, i, v, t, r in ((pc, pi, pv, "parse (each impl: same typed walk)", 2.6),
                                                    (sc, si, sv, "serialize (output bytes)", 1)) if c and i]
    if not panels:
        return False
    fig, axes = plt.subplots(1, len(panels), figsize=(16, 6.5), squeeze=False,
                             gridspec_kw={"width_ratios": [p[4] for p in panels]})
    for ax, (corpora, impls, values, sub, _) in zip(axes[0], panels):
        width = 0.8 / max(1, len(impls))
        for j, impl in enumerate(impls):
            xs = [i + j * width for i in range(len(corpora))]
            ys = [(row[j] or 0) / 1e6 for row in values]
            ax.bar(xs, ys, width, label=impl)
        ax.set_xticks([i + 0.4 - width / 2 for i in range(len(corpora))])
        ax.set_xticklabels(corpora)
        ax.set_yscale("log")
        ax.set_ylabel("MB/s (median CPU time, log scale)")
        ax.set_title(sub)
        ax.grid(axis="y", which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("json")
    p.add_argument("--md", required=True)
    p.add_argument("--png")
    p.add_argument("--ratio-png", help="the ratio chart (default: --png's name with _vs_rapidxml)")
    p.add_argument("--chart", default="none", choices=["gnuplot", "matplotlib", "none"])
    p.add_argument("--machine", default="")
    p.add_argument("--packages", default="")
    p.add_argument("--runs", default="")
    p.add_argument("--command", default="benchmarks/run.sh")
    p.add_argument("--instructions", help="benchmarks/instructions.sh's table (its section says so when the file is missing)")
    args = p.parse_args()
    context, results = load(args.json)
    if not results:
        sys.exit("report.py: no benchmark results in " + args.json)
    if args.png and not args.ratio_png:
        args.ratio_png = ratio_png_path(args.png)
    if args.png and args.chart != "none":
        title = f"xstanza-bench: {args.machine or 'unknown CPU'}, {context.get('compiler', '')}"
        ok = chart_gnuplot(results, args.png, title) if args.chart == "gnuplot" else chart_matplotlib(results, args.png, title)
        print(f"report.py: chart {'written to ' + args.png if ok else 'failed'} ({args.chart})")
        draw = ratio_chart_gnuplot if args.chart == "gnuplot" else ratio_chart_matplotlib
        ok = draw(results, args.ratio_png, f"{title}\\n{RATIO_TITLE}" if args.chart == "gnuplot" else title)
        print(f"report.py: ratio chart {'written to ' + args.ratio_png if ok else 'failed'} ({args.chart})")
    write_md(args, context, results)
    print(f"report.py: {args.md}")


if __name__ == "__main__":
    main()
