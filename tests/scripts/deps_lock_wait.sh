#!/usr/bin/env bash
# CTest scripts.deps_lock_wait: scripts/deps.sh's apt-get calls wait for a dpkg lock that
# another process holds (-o DPkg::Lock::Timeout=600) instead of failing at once. Runs
# xstanza_install_deps against fake dpkg-query (every package missing), apt-get (records its
# arguments) and sudo, so nothing is installed.
#   tests/scripts/deps_lock_wait.sh <repo>
set -euo pipefail
repo=${1:?usage: deps_lock_wait.sh <repo>}
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
cat >"$fake/dpkg-query" <<'SH'
#!/bin/sh
echo "unknown ok not-installed"
SH
cat >"$fake/apt-get" <<SH
#!/bin/sh
printf '%s\n' "\$*" >>"$fake/apt.log"
SH
cat >"$fake/sudo" <<'SH'
#!/bin/sh
exec "$@"
SH
chmod +x "$fake"/dpkg-query "$fake"/apt-get "$fake"/sudo
PATH="$fake:$PATH"
# shellcheck source=/dev/null
source "$repo/scripts/deps.sh"
xstanza_install_deps >/dev/null
status=0
# apt-get update and install both ran, and every apt-get call waits for the lock.
for verb in update install; do
  if ! grep -qE "(^| )$verb( |$)" "$fake/apt.log"; then
    echo "FAIL: no apt-get $verb" >&2; status=1
  fi
done
while IFS= read -r line; do
  if [[ " $line " != *" -o DPkg::Lock::Timeout=600 "* ]]; then
    echo "FAIL: apt-get does not wait for the dpkg lock: apt-get $line" >&2; status=1
  else
    echo "ok: apt-get $line"
  fi
done <"$fake/apt.log"
exit $status
