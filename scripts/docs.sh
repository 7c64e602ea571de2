#!/usr/bin/env bash
# Builds the HTML reference from the headers' `///` comments: docs/Doxyfile into build/docs/html
# (not committed). Needs doxygen (Debian: doxygen, in scripts/deps.sh). Warnings, among them every
# undocumented public name, go to build/docs/warnings.txt; CTest docs.reference fails on those.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v doxygen >/dev/null 2>&1; then
  echo "docs: doxygen not found (apt-get install doxygen, or scripts/deps.sh)" >&2
  exit 1
fi
mkdir -p build/docs
doxygen docs/Doxyfile
echo "docs: build/docs/html/index.html ($(grep -c . build/docs/warnings.txt || true) warnings in build/docs/warnings.txt)"
