#!/usr/bin/env bash
# Times and counts the same program (probe.cpp) compiled against two revisions' headers:
# xstanza's parse + walk, its scan alone and RapidXML's parse<0> + walk per corpus, and
# serializing a roster100 result. Times: the fastest of ROUNDS runs of each binary, the
# two binaries taking turns (a noisy machine slows runs, never speeds them up). With
# valgrind installed, instructions per document (per item on roster100 and serialize),
# which do not drift between runs.
#
#   benchmarks/revisions/compare.sh [-n ROUNDS] REV_A REV_B
#
# A revision is anything git names (a commit, a tag, HEAD~3) or "work" for the working tree.
# Needs g++ (or $CXX) and librapidxml-dev; run it with nothing else busy.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROUNDS=8
if [[ ${1:-} == -n ]]; then ROUNDS=$2; shift 2; fi
if [[ $# -ne 2 ]]; then
  echo "usage: benchmarks/revisions/compare.sh [-n ROUNDS] REV_A REV_B" >&2
  exit 2
fi
CXX=${CXX:-g++}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

build() {  # build <rev> <name>
  local rev=$1 dir=$TMP/$2
  mkdir -p "$dir"
  if [[ $rev == work ]]; then
    cp -r include "$dir/"
    mkdir -p "$dir/tools" && cp tools/corpus.hpp "$dir/tools/"
  else
    git archive "$rev" include tools/corpus.hpp | tar -x -C "$dir"
  fi
  "$CXX" -std=c++17 -O3 -DNDEBUG -I"$dir/include" -I"$dir/tools" benchmarks/revisions/probe.cpp -o "$dir/probe"
}
build "$1" a
build "$2" b

CORPORA=(small_get error roster100 mixed)
: >"$TMP/times"
for ((r = 0; r < ROUNDS; ++r)); do
  for side in a b; do "$TMP/$side/probe" | sed "s/^/$side /" >>"$TMP/times"; done
done

declare -A COUNT=([small_get]=2000 [error]=1000 [roster100]=20 [mixed]=1 [ser]=20)
declare -A PER=([small_get]=2000 [error]=1000 [roster100]=2000 [mixed]=10000 [ser]=2000)
: >"$TMP/instr"
if command -v valgrind >/dev/null; then
  for side in a b; do
    for c in "${CORPORA[@]}" ser; do
      fn=counted_passes; [[ $c == ser ]] && fn=counted_serialize
      n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no --toggle-collect="*${fn}*" \
            "$TMP/$side/probe" "$c" "${COUNT[$c]}" 2>&1 | grep -Eo 'Collected : [0-9]+' | grep -Eo '[0-9]+$')
      echo "$side $c $((n / PER[$c]))" >>"$TMP/instr"
    done
  done
fi

python3 - "$1" "$2" "$ROUNDS" "$TMP/times" "$TMP/instr" <<'PY'
import sys
rev_a, rev_b, rounds, times, instr = sys.argv[1:]
best = {}
for line in open(times):
    f = line.split()
    side, corpus, vals = f[0], f[1], dict(zip(f[2::2], map(float, f[3::2])))
    for k, v in vals.items():
        key = (side, corpus, k)
        best[key] = min(best.get(key, v), v)
ins = {}
for line in open(instr):
    side, corpus, n = line.split()
    ins[(side, corpus)] = int(n)
print(f"A = {rev_a}, B = {rev_b}; ns per document, the fastest of {rounds} runs each "
      "(roster100: per document of 100 items; ser: serializing roster100)\n")
print("| corpus | A xstanza | B xstanza | B/A | A scan | B scan | A vs RapidXML | B vs RapidXML |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for c in ["small_get", "error", "roster100", "mixed"]:
    ax, bx = best[("a", c, "xstanza")], best[("b", c, "xstanza")]
    ra, rb = best[("a", c, "rapidxml")], best[("b", c, "rapidxml")]
    print(f"| {c} | {ax:.1f} | {bx:.1f} | {bx/ax:.3f} | {best[('a', c, 'scan')]:.1f} | "
          f"{best[('b', c, 'scan')]:.1f} | {ra/ax:.3f} | {rb/bx:.3f} |")
ax, bx = best[("a", "ser", "xstanza")], best[("b", "ser", "xstanza")]
print(f"| serialize roster100 | {ax:.1f} | {bx:.1f} | {bx/ax:.3f} | | | | |")
if ins:
    print("\nInstructions per document (callgrind; per item on roster100 and serialize):\n")
    print("| corpus | A | B | B/A |")
    print("|---|---:|---:|---:|")
    for c in ["small_get", "error", "roster100", "mixed", "ser"]:
        a, b = ins[("a", c)], ins[("b", c)]
        print(f"| {'serialize roster100' if c == 'ser' else c} | {a} | {b} | {b/a:.3f} |")
PY
