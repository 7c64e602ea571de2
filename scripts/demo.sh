#!/usr/bin/env bash
# The main job in one command: install missing packages, build Release
# (build/gcc-release, shared with scripts/test.sh), run every example, then
# `xstanza bench` and the Google Benchmark suite in short mode, when present.
# Environment: JOBS (default 2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/deps.sh
source scripts/deps.sh

JOBS=${JOBS:-2}
BUILD=build/gcc-release
section() { printf '\n======== %s ========\n' "$*"; }

section "dependencies"
xstanza_install_deps

section "build: g++ Release ($BUILD)"
cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD" -j "$JOBS"

shopt -s nullglob
for src in examples/*.cpp; do
  stem=$(basename "$src" .cpp)
  section "example: $stem"
  "$BUILD/example-$stem"
done

if [[ -x $BUILD/xstanza ]]; then
  section "xstanza bench"
  "$BUILD/xstanza" bench
fi

if [[ -f benchmarks/run.sh ]]; then
  section "benchmarks: benchmarks/run.sh --short"
  XSTANZA_BUILD_DIR="$PWD/$BUILD" bash benchmarks/run.sh --short
fi

section "demo done"
