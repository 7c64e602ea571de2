#!/usr/bin/env bash
# CTest cli.completion: tools/xstanza-completion.bash completes what the tool accepts. Its
# commands and options are compared with those `xstanza --help` lists, so that neither can
# change without the other; then files, '--', help COMMAND and --role=.
#   tests/scripts/completion.sh <repo> <xstanza binary>
set -uo pipefail
repo=${1:?usage: completion.sh <repo> <xstanza>}
xstanza=${2:?usage: completion.sh <repo> <xstanza>}
# shellcheck source=/dev/null
source "$repo/tools/xstanza-completion.bash"
status=0

# Completes the words given (the last one is the word being completed); prints the
# candidates sorted, on one line.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _xstanza
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() {
  local expected=$1
  shift
  local got
  got=$(complete_words "$@")
  if [[ $got == "$expected" ]]; then
    echo "ok: [$*] -> $got"
  else
    echo "FAIL: [$*] -> [$got], expected [$expected]" >&2
    status=1
  fi
}

sorted() { tr ' ' '\n' | grep -v '^$' | sort | tr '\n' ' ' | sed 's/ $//'; }

# --- the same commands and options as the usage
usage=$("$xstanza" --help) || { echo "FAIL: xstanza --help exits $?" >&2; exit 1; }
verbs=$(sed -n 's/^  xstanza \([a-z][a-z]*\) .*/\1/p' <<<"$usage" | sorted)
rule_options=$(sed -n 's/^  \(--[a-z][a-z=]*\) .*/\1/p' <<<"$usage" | sorted)
if [[ $verbs != "bench canon check dump help" ]]; then
  echo "FAIL: the usage's commands are [$verbs]: update this test and the completion" >&2
  status=1
fi
expect "$(sorted <<<"$verbs --help -h --version")" xstanza ""
expect "$(sorted <<<"$rule_options --help -h --")" xstanza check -
expect "$(sorted <<<"$rule_options --help -h --")" xstanza dump file.xml -
# bench takes no rule options: its usage says which it takes.
bench_options=$("$xstanza" bench --help | grep -o '^  \(--[a-z=-]*\|-h, --help\)' | sed 's/,//' | sorted)
expect "$(sorted <<<"$bench_options")" xstanza bench -

# --- prefixes, help COMMAND, --role=, files, '--'
expect "check" xstanza ch
expect "--version" xstanza --v
expect "--receiver --role=client --role=server" xstanza check --r
expect "canon" xstanza help ca
expect "bench canon check dump" xstanza help ""
expect "" xstanza help check ""
expect "client server" xstanza check --role =
expect "server" xstanza check --role = s
expect "" xstanza frobnicate ""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/a.xml" "$work/b.xml" "$work/-dash.xml"
cd "$work" || exit 1
expect "-dash.xml a.xml b.xml" xstanza check ""
expect "a.xml" xstanza dump --receiver a
expect "-dash.xml" xstanza check -- -d
expect "" xstanza check -d
exit $status
