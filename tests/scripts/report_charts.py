#!/usr/bin/env python3
"""CTest scripts.report_charts: benchmarks/report.py's charts, on a small hand-written
Google Benchmark JSON (tests/scripts/data/bench_small.json) in the format xstanza-bench writes.

    tests/scripts/report_charts.py REPO WORK_DIR

Checks the ratio chart's numbers (each parse peer's speed relative to RapidXML per corpus;
RapidXML and memchr left out, a missing run left empty), that its gnuplot script is linear
with RapidXML's 1.0 drawn in range, then runs report.py: both PNGs written next to each other
and shown in RESULTS.md. gnuplot must be installed; the matplotlib path is run when
matplotlib is importable.
"""
import importlib.util
import math
import os
import shutil
import subprocess
import sys

repo, work = sys.argv[1], sys.argv[2]
report_py = os.path.join(repo, "benchmarks", "report.py")
data = os.path.join(repo, "tests", "scripts", "data", "bench_small.json")
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


spec = importlib.util.spec_from_file_location("report", report_py)
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)

# --- the numbers: parse/rapidxml's CPU time over each peer's, per corpus
_, results = report.load(data)
corpora, peers, rows = report.ratio_series(results)
check(corpora == ["small_get", "roster10k"], f"corpora {corpora}")
check(peers == ["xstanza", "pugixml", "expat"], f"peers {peers} (no rapidxml, no memchr)")
expected = [[0.5, 0.25, 0.05], [0.8, None, 0.1]]


def same(a, b):
    return a is None and b is None or a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


check(all(same(a, b) for ra, rb in zip(rows, expected) for a, b in zip(ra, rb)) and len(rows) == 2,
      f"ratios {rows}, expected {expected}")
check(report.ratio_top(rows) > 1.0, f"the y axis reaches above RapidXML's 1.0 (top {report.ratio_top(rows)})")
check(report.ratio_png_path(os.path.join("out", "results.png")) == os.path.join("out", "results_vs_rapidxml.png"),
      "the ratio chart goes next to --png, as results_vs_rapidxml.png")

# --- the gnuplot script: linear, from 0, with the 1.0 line
script = report.gnuplot_ratio_script("r.dat", 3, report.ratio_top(rows), "r.png", "t", "png")
commands = [line.strip() for line in script.splitlines()]
check(not any(c.startswith("set logscale") for c in commands), "the ratio chart is linear")
check("set yrange [0:1.150]" in commands, "its y axis starts at 0 and shows 1.0")
check(any(c.startswith("set arrow") and "from graph 0, first 1 to graph 1, first 1 nohead" in c for c in commands),
      "RapidXML = 1.0 is a line across the plot")

# --- report.py end to end: two PNGs, both in RESULTS.md


def run_report(chart, out, *extra):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    md, png = os.path.join(out, "RESULTS.md"), os.path.join(out, "results.png")
    r = subprocess.run([sys.executable, report_py, data, "--md", md, "--png", png, "--chart", chart, *extra],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"report.py --chart {chart} {' '.join(extra)} exits 0 ({r.stdout.strip()} {r.stderr.strip()})")
    return md, png


def is_png(path):
    try:
        with open(path, "rb") as f:
            return f.read(8) == b"\x89PNG\r\n\x1a\n"
    except OSError:
        return False


charts = ["gnuplot"]
if importlib.util.find_spec("matplotlib"):
    charts.append("matplotlib")
else:
    print("note: matplotlib is not installed: its charts are not drawn here")
for chart in charts:
    md, png = run_report(chart, os.path.join(work, chart))
    ratio = os.path.join(os.path.dirname(png), "results_vs_rapidxml.png")
    check(is_png(png), f"{chart}: {png} is a PNG")
    check(is_png(ratio), f"{chart}: {ratio} is a PNG")
    with open(md) as f:
        text = f.read()
    check("![parse and serialize throughput](results.png)" in text and
          "![parse speed relative to RapidXML](results_vs_rapidxml.png)" in text,
          f"{chart}: RESULTS.md shows both charts")

# --ratio-png names the second chart.
md, png = run_report("gnuplot", os.path.join(work, "named"), "--ratio-png", os.path.join(work, "named", "ratio.png"))
check(is_png(os.path.join(work, "named", "ratio.png")), "--ratio-png names the ratio chart")

if failures:
    sys.exit(f"{len(failures)} failure(s)")
