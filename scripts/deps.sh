# shellcheck shell=bash
# Sourced by scripts/test.sh, scripts/demo.sh and .ci/run. Defines
# xstanza_install_deps: installs the Debian 12 packages xstanza's build, tests,
# benchmarks and fuzzers need. apt runs only when something is missing, through
# sudo only when not root.

XSTANZA_DEB_PACKAGES=(
  cmake make g++ clang libclang-rt-14-dev python3   # toolchain; clang runtime for sanitizers/libFuzzer
  librapidxml-dev                                   # the library's one dependency
  libboost-test-dev                                 # unit tests
  libfmt-dev                                        # unit.fmt: the optional fmt::formatter (XSTANZA_FMT)
  nlohmann-json3-dev                                # `xstanza dump` writes JSON (the tool only, never
                                                    # the library); its test cli.dump needs it
  libbenchmark-dev libpugixml-dev libexpat1-dev     # benchmarks and their peer parsers
  libgloox-dev libstrophe-dev                       # the XMPP libraries' parsers benchmarks/RESULTS.md
                                                    # compares (required in CI: XSTANZA_REQUIRE_ALL)
  prosody                                           # interop test server (tests/interop/)
  gnuplot-nox                                       # benchmarks/run.sh's charts (results*.png)
  doxygen                                           # scripts/docs.sh's HTML reference; docs.reference
)

# Prints the packages of XSTANZA_DEB_PACKAGES that are not installed, one a line.
xstanza_missing_packages() {
  local p
  for p in "${XSTANZA_DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

xstanza_install_deps() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps: not a Debian-like system; make sure these (or equivalents) are installed: ${XSTANZA_DEB_PACKAGES[*]}" >&2
    return 0
  fi
  local missing
  mapfile -t missing < <(xstanza_missing_packages)
  if ((${#missing[@]} == 0)); then
    echo "deps: all ${#XSTANZA_DEB_PACKAGES[@]} packages present, skipping apt"
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "deps: missing packages (${missing[*]}) and not root, with no sudo; install them and rerun" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "deps: installing ${missing[*]}"
  # Another apt or dpkg (unattended-upgrades, a parallel CI job) may hold the dpkg lock:
  # wait up to 10 minutes for it instead of failing at once.
  local lock_wait=(-o DPkg::Lock::Timeout=600)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock_wait[@]}" update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock_wait[@]}" install -y --no-install-recommends "${missing[@]}"
}
