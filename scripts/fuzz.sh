#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz/fuzz_*.cpp) for SECONDS each, one after the other.
#
#   scripts/fuzz.sh SECONDS [BUILD_DIR]
#
# BUILD_DIR (default build/fuzz) is configured with clang++ and XSTANZA_BUILD_FUZZERS=ON if
# needed, and only the fuzz targets are built. Each target starts from its seed corpus
# (tests/fuzz/corpus/<target>/, read-only) and its dictionary (tests/fuzz/<target>.dict);
# new inputs go to BUILD_DIR/fuzz-corpus/<target>/, crashes, leaks, timeouts and OOMs to
# BUILD_DIR/fuzz-artifacts/. Exit status: non-zero if any target found something.
# Reproduce a finding:  BUILD_DIR/fuzz_<x> BUILD_DIR/fuzz-artifacts/fuzz_<x>-crash-<sha1>
# Environment: JOBS (build parallelism, default 2), FUZZ_TIMEOUT (seconds one input may
# take, default 10), FUZZ_RSS_MB (memory limit, default 2048).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [BUILD_DIR]" >&2
  exit 2
fi
SECONDS_EACH=$1
DIR=${2:-build/fuzz}
JOBS=${JOBS:-2}

mapfile -t TARGETS < <(find tests/fuzz -maxdepth 1 -name 'fuzz_*.cpp' -printf '%f\n' | sed 's/\.cpp$//' | sort)
if ((${#TARGETS[@]} == 0)); then
  echo "fuzz: no tests/fuzz/fuzz_*.cpp" >&2
  exit 2
fi

if [[ ! -f $DIR/CMakeCache.txt ]]; then
  cmake -S . -B "$DIR" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DXSTANZA_BUILD_FUZZERS=ON \
        -DXSTANZA_BUILD_BENCHMARKS=OFF -DXSTANZA_BUILD_EXAMPLES=OFF -DXSTANZA_BUILD_TOOLS=OFF
fi
cmake --build "$DIR" -j "$JOBS" --target "${TARGETS[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$DIR/fuzz-artifacts"
FAILED=()
SUMMARY=()
for t in "${TARGETS[@]}"; do
  printf '\n======== fuzz %s: %ss ========\n' "$t" "$SECONDS_EACH"
  corpus=$DIR/fuzz-corpus/$t
  mkdir -p "$corpus"
  args=(-max_total_time="$SECONDS_EACH" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}"
        -print_final_stats=1 -artifact_prefix="$DIR/fuzz-artifacts/$t-")
  [[ -f tests/fuzz/$t.dict ]] && args+=(-dict="tests/fuzz/$t.dict")
  seeds=()
  [[ -d tests/fuzz/corpus/$t ]] && seeds=("tests/fuzz/corpus/$t")
  log=$DIR/fuzz-artifacts/$t.log
  start=$SECONDS
  if "$DIR/$t" "${args[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    result=PASS
  else
    result=FAIL
    FAILED+=("$t")
  fi
  tail -n 25 "$log"
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo '?')
  SUMMARY+=("$result  $t: $runs runs, $cov edges, $((SECONDS - start))s (log: $log)")
done

printf '\n======== fuzz summary ========\n'
printf '%s\n' "${SUMMARY[@]}"
if ((${#FAILED[@]})); then
  echo "fuzz: findings in ${FAILED[*]}; inputs in $DIR/fuzz-artifacts/" >&2
  exit 1
fi
