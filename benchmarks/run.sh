#!/usr/bin/env bash
# Builds xstanza-bench in Release, runs every benchmark in one process, and writes
# RESULTS.md, results.png (MB/s, log scale) and results_vs_rapidxml.png (each parser's speed
# ratio to RapidXML, linear); the charts with gnuplot, else python3-matplotlib.
#
#   benchmarks/run.sh            full run: 5 repetitions, interleaved at random; writes
#                                benchmarks/RESULTS.md and the two charts
#   benchmarks/run.sh --short    quick run (small min time, 1 repetition); writes into
#                                $BUILD/benchmarks/ so the committed results stay as they are
#   benchmarks/run.sh --out DIR  write RESULTS.md and the charts to DIR instead
#   extra arguments go to xstanza-bench (e.g. --benchmark_filter=parse/.*/roster10k)
#
# A full run without extra arguments also counts instructions per stanza with callgrind
# (benchmarks/instructions.sh, about 40 s) when valgrind is installed.
#
# Environment: XSTANZA_BUILD_DIR (an existing build directory to use; default
# build/bench, configured here), JOBS (default 2), REPETITIONS (5), MIN_TIME (0.5 s).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SHORT=0
OUT=""
EXTRA=()
while (($#)); do
  case $1 in
    --short) SHORT=1 ;;
    --out) OUT=${2:?--out needs a directory}; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) EXTRA+=("$1") ;;
  esac
  shift
done

JOBS=${JOBS:-2}
section() { printf '\n-------- %s --------\n' "$*"; }

# --- build (Release)
if [[ -n ${XSTANZA_BUILD_DIR:-} ]]; then
  BUILD=$XSTANZA_BUILD_DIR
  if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXSTANZA_BUILD_BENCHMARKS=ON
  fi
else
  BUILD=$ROOT/build/bench
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXSTANZA_BUILD_BENCHMARKS=ON \
        -DXSTANZA_BUILD_TESTS=OFF -DXSTANZA_BUILD_EXAMPLES=OFF -DXSTANZA_BUILD_TOOLS=OFF >/dev/null
fi
TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
if [[ $TYPE != Release ]]; then
  echo "run.sh: $BUILD is a '${TYPE:-no type}' build; timings need Release (unset XSTANZA_BUILD_DIR to use build/bench)" >&2
  exit 1
fi
section "build: xstanza-bench ($BUILD)"
if ! cmake --build "$BUILD" --target xstanza-bench -j "$JOBS"; then
  echo "run.sh: cannot build xstanza-bench: is Google Benchmark installed (libbenchmark-dev) and XSTANZA_BUILD_BENCHMARKS on?" >&2
  exit 1
fi
BIN=$BUILD/benchmarks/xstanza-bench

# --- where results go
if [[ -z $OUT ]]; then
  if ((SHORT)); then OUT=$BUILD/benchmarks; else OUT=$ROOT/benchmarks; fi
fi
mkdir -p "$OUT"
JSON=$BUILD/benchmarks/results.json

# --- the chart tool: gnuplot, else matplotlib; installed through apt when root
chart_tool() {
  if command -v gnuplot >/dev/null 2>&1; then echo gnuplot; return; fi
  if python3 -c 'import matplotlib' >/dev/null 2>&1; then echo matplotlib; return; fi
  echo none
}
CHART=$(chart_tool)
if [[ $CHART == none && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  section "installing a chart tool (gnuplot-nox, else python3-matplotlib)"
  export DEBIAN_FRONTEND=noninteractive
  # Wait up to 10 minutes for a dpkg lock another process holds, as scripts/deps.sh does.
  apt=(apt-get -o DPkg::Lock::Timeout=600)
  for pkg in gnuplot-nox python3-matplotlib; do
    if "${apt[@]}" install -y --no-install-recommends "$pkg" >/dev/null 2>&1 ||
       { "${apt[@]}" update >/dev/null 2>&1 && "${apt[@]}" install -y --no-install-recommends "$pkg" >/dev/null 2>&1; }; then
      break
    fi
  done
  CHART=$(chart_tool)
fi
if [[ $CHART == none ]]; then
  echo "run.sh: neither gnuplot nor python3-matplotlib is available (and apt could not install one): no chart" >&2
fi

# --- run
if ((SHORT)); then
  RUN_ARGS=(--benchmark_min_time=0.02 --benchmark_repetitions=1)
  RUNS="short mode: 1 repetition, min time 0.02 s per benchmark (indicative only)"
else
  REPS=${REPETITIONS:-5}
  MIN=${MIN_TIME:-0.5}
  RUN_ARGS=(--benchmark_min_time="$MIN" --benchmark_repetitions="$REPS"
            --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true)
  RUNS="$REPS repetitions interleaved at random, min time $MIN s each; median reported"
fi
section "run: xstanza-bench ${RUN_ARGS[*]} ${EXTRA[*]:-}"
"$BIN" "${RUN_ARGS[@]}" --benchmark_out="$JSON" --benchmark_out_format=json "${EXTRA[@]}"

# --- instructions per stanza (callgrind; full runs only, when valgrind is installed)
INSTR_ARGS=()
if ((!SHORT)) && ((${#EXTRA[@]} == 0)); then
  INSTR=$BUILD/benchmarks/instructions.md
  rm -f "$INSTR"
  if command -v valgrind >/dev/null 2>&1; then
    section "instructions per stanza: benchmarks/instructions.sh"
    if XSTANZA_BUILD_DIR=$BUILD bash "$ROOT/benchmarks/instructions.sh" >"$INSTR.tmp"; then
      mv "$INSTR.tmp" "$INSTR"
      cat "$INSTR"
    else
      echo "run.sh: benchmarks/instructions.sh failed; RESULTS.md says the counts are missing" >&2
    fi
  fi
  INSTR_ARGS=(--instructions "$INSTR")
fi

# --- report
MACHINE=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
MACHINE="${MACHINE:-unknown CPU} ($(nproc) cores visible)"
PACKAGES=$(dpkg-query -W -f='${Package} ${Version}, ' librapidxml-dev libpugixml-dev libexpat1-dev \
             libgloox-dev libstrophe-dev libbenchmark-dev 2>/dev/null | sed 's/, $//' || true)
COMMAND="benchmarks/run.sh"
((SHORT)) && COMMAND+=" --short"
((${#EXTRA[@]})) && COMMAND+=" ${EXTRA[*]}"
rm -f "$OUT/results.png" "$OUT/results_vs_rapidxml.png"
python3 "$ROOT/benchmarks/report.py" "$JSON" --md "$OUT/RESULTS.md" --png "$OUT/results.png" --chart "$CHART" \
  --machine "$MACHINE" --packages "${PACKAGES:-?}" --runs "$RUNS" --command "$COMMAND" "${INSTR_ARGS[@]}"
echo "run.sh: results in $OUT/RESULTS.md (raw: $JSON)"
