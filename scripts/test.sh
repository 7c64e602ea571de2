#!/usr/bin/env bash
# Runs all xstanza tests (the README's "one command"):
#   1. g++ Release build            -> build/gcc-release, ctest
#   2. clang++ Debug + ASan/UBSan   -> build/clang-asan,  ctest (fuzzers built and smoke-run too; the unit
#      tests in checked mode, XSTANZA_CHECKED)
#   3. libFuzzer: every tests/fuzz target for XSTANZA_FUZZ_SECONDS (default 45) each, in turn,
#      with its seed corpus and dictionary (scripts/fuzz.sh, on build/clang-asan's fuzzers)
#   4. clang++ ThreadSanitizer      -> build/clang-tsan,  only xstanza-hostile-threads (hostile.threads)
#   5. single-header amalgamation check
# Installs missing Debian packages first (scripts/deps.sh). Every build is configured with
# XSTANZA_REQUIRE_ALL=ON: a missing tool or benchmark peer fails it instead of skipping
# tests, and after ctest scripts/check_required_tests.py fails the build if a test listed in
# tests/required_tests.txt is not registered. Every step runs even if an earlier one
# failed; the exit status is non-zero if any failed.
# Environment: JOBS (default 2), XSTANZA_CXX_STANDARD (default 17; e.g. 20), XSTANZA_FUZZ_SECONDS (45).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/deps.sh
source scripts/deps.sh

JOBS=${JOBS:-2}
STD=${XSTANZA_CXX_STANDARD:-17}
FUZZ_SECONDS=${XSTANZA_FUZZ_SECONDS:-45}
SUMMARY=()
FAILED=0

section() { printf '\n======== %s ========\n' "$*"; }

# build_and_test <name> <c++ compiler> <build type> [cmake args...]
build_and_test() {
  local name=$1 cxx=$2 type=$3
  shift 3
  local dir=build/$name
  section "$name: configure ($cxx, $type, C++$STD)"
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE="$type" \
        -DCMAKE_CXX_STANDARD="$STD" -DXSTANZA_REQUIRE_ALL=ON "$@" || return 1
  section "$name: build (-j$JOBS)"
  cmake --build "$dir" -j "$JOBS" || return 1
  section "$name: ctest"
  local rc=0
  (cd "$dir" && ctest --output-on-failure -j "$JOBS") 2>&1 | tee "$dir/ctest.log" || rc=1
  section "$name: required tests (tests/required_tests.txt [all] + [$name])"
  python3 scripts/check_required_tests.py "$dir" "$name" 2>&1 | tee -a "$dir/ctest.log" || rc=1
  return $rc
}

# The ThreadSanitizer build: one Parser per thread is the documented contract, and
# tests/hostile/hostile_threads.cpp is the only test about it, so only it is built.
tsan_threads() {
  local dir=build/clang-tsan
  section "clang-tsan: configure (clang++, RelWithDebInfo, thread sanitizer)"
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_STANDARD="$STD" -DXSTANZA_REQUIRE_ALL=ON -DXSTANZA_SANITIZE=thread -DXSTANZA_BUILD_BENCHMARKS=OFF \
        -DXSTANZA_BUILD_EXAMPLES=OFF -DXSTANZA_BUILD_TOOLS=OFF || return 1
  section "clang-tsan: build xstanza-hostile-threads"
  cmake --build "$dir" -j "$JOBS" --target xstanza-hostile-threads || return 1
  section "clang-tsan: ctest -R hostile.threads"
  (cd "$dir" && ctest --output-on-failure -R '^hostile\.threads$') 2>&1 | tee "$dir/ctest.log" || return 1
}

# step <label> <name> <command...>: runs a step, records PASS/FAIL and ctest's summary.
step() {
  local label=$1 name=$2
  shift 2
  local start=$SECONDS result=PASS
  rm -f "build/$name/ctest.log"
  "$@" || { result=FAIL; FAILED=1; }
  SUMMARY+=("$result  $label ($((SECONDS - start))s)")
  local log=build/$name/ctest.log
  if [[ -f $log ]]; then
    while IFS= read -r line; do SUMMARY+=("        $line"); done \
      < <(grep -E 'tests passed|tests failed out of|^[[:space:]]+[0-9]+ - .*\((Failed|Not Run|Timeout|SEGFAULT|Subprocess aborted|Exception)|^check_required_tests: ' "$log" || true)
  elif [[ $result == FAIL && $name != - ]]; then
    SUMMARY+=("        (configure or build failed; see above)")
  fi
}

section "dependencies"
xstanza_install_deps

step "g++ Release: build + ctest (build/gcc-release)" gcc-release \
  build_and_test gcc-release g++ Release
step "clang++ Debug, address,undefined sanitizers: build + ctest (build/clang-asan)" clang-asan \
  build_and_test clang-asan clang++ Debug -DXSTANZA_SANITIZE=address,undefined \
    -DXSTANZA_BUILD_BENCHMARKS=OFF -DXSTANZA_BUILD_FUZZERS=ON -DXSTANZA_COMPILE_FAIL_TESTS=OFF \
    -DXSTANZA_CHECKED_TESTS=ON
section "libFuzzer: scripts/fuzz.sh $FUZZ_SECONDS build/clang-asan"
step "libFuzzer: every target ${FUZZ_SECONDS}s in turn, seed corpus + dictionary (build/clang-asan)" - \
  scripts/fuzz.sh "$FUZZ_SECONDS" build/clang-asan
step "clang++ ThreadSanitizer: hostile.threads only (build/clang-tsan)" clang-tsan tsan_threads
section "single header: scripts/amalgamate.py --check"
step "single_include/xstanza.hpp up to date" - python3 scripts/amalgamate.py --check

section "summary"
printf '%s\n' "${SUMMARY[@]}"
if ((FAILED)); then
  echo "RESULT: FAILED"
  exit 1
fi
echo "RESULT: all passed"
