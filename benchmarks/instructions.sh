#!/usr/bin/env bash
# Counts the instructions each parse/ impl executes per stanza (per item on rosters), with
# callgrind: unlike timings on a shared machine these do not move between runs, so they show
# what a change to the parser costs or saves, and where xstanza's time goes next to RapidXML's.
#
#   benchmarks/instructions.sh [corpus...]   default: small_get error roster100 roster10k mixed
#                                            presence_caps chat_message mixed_stream
#
# Needs valgrind (Debian: valgrind) and a built xstanza-bench (benchmarks/run.sh builds one;
# XSTANZA_BUILD_DIR picks another build directory). Instructions are not time: a mispredicted
# branch or a cache miss costs many, so compare the timings of benchmarks/run.sh as well.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${XSTANZA_BUILD_DIR:-$ROOT/build/bench}/benchmarks/xstanza-bench
if ! command -v valgrind >/dev/null; then
  echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2
  exit 1
fi
if [[ ! -x $BIN ]]; then
  echo "instructions.sh: no $BIN; build it first (benchmarks/run.sh --short, or cmake --build <dir> --target xstanza-bench)" >&2
  exit 1
fi
CORPORA=("$@")
((${#CORPORA[@]})) || CORPORA=(small_get error roster100 roster10k mixed presence_caps chat_message mixed_stream)
IMPLS=(rapidxml rapidxml_fastest pugixml xstanza_scan xstanza_tree xstanza)

# Passes per corpus: enough that the count dwarfs the call itself.
passes() {
  case $1 in
    small_get) echo 2000 ;; error | presence_caps | chat_message) echo 1000 ;; roster100) echo 20 ;; *) echo 1 ;;
  esac
}

# Instructions inside counted_passes (harness.hpp), divided by passes x items.
count() {
  local impl=$1 corpus=$2 n out items
  n=$(passes "$corpus")
  out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
          --toggle-collect='*counted_passes*' "$BIN" --count="$impl/$corpus/$n" 2>&1) || { echo "-"; return; }
  items=$(sed -n 's/.*documents, \([0-9]*\) items each.*/\1/p' <<<"$out")
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out" | awk -v n="$n" -v i="$items" '{ printf "%d", $1 / (n * i) }'
}

CXX=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$(dirname "$(dirname "$BIN")")/CMakeCache.txt" 2>/dev/null || true)
echo "Instructions per stanza (per item on rosters), counted by callgrind on $(date -u +%Y-%m-%d); ${CXX:-c++}: $("${CXX:-c++}" --version | head -1)"
echo
printf '| corpus |'; for i in "${IMPLS[@]}"; do printf ' %s |' "$i"; done
printf ' scan | tree | typed layer | xstanza / rapidxml |\n'
printf '|---|'; for _ in "${IMPLS[@]}"; do printf -- '---:|'; done; printf -- '---:|---:|---:|---:|\n'
for c in "${CORPORA[@]}"; do
  declare -A v=()
  for i in "${IMPLS[@]}"; do v[$i]=$(count "$i" "$c"); done
  printf '| %s |' "$c"
  for i in "${IMPLS[@]}"; do printf ' %s |' "${v[$i]}"; done
  if [[ ${v[xstanza]} != - && ${v[xstanza_tree]} != - && ${v[xstanza_scan]} != - && ${v[rapidxml]} != - ]]; then
    awk -v s="${v[xstanza_scan]}" -v t="${v[xstanza_tree]}" -v x="${v[xstanza]}" -v r="${v[rapidxml]}" \
      'BEGIN { printf " %d | %d | %d | %.2f |\n", s, t - s, x - t, x / r }'
  else
    printf ' - | - | - | - |\n'
  fi
  unset v
done
echo
echo "scan: the validating scan alone; tree: what indexing the elements adds; typed layer: what the"
echo "IQ, roster and error rules, the JIDs, the typed result and the walk add. Each impl's count includes"
echo "copying the input and the walk, as in benchmarks/run.sh."
