#!/usr/bin/env python3
"""Checks that a build directory registers every test CI requires.

    scripts/check_required_tests.py BUILD_DIR SECTION [--list tests/required_tests.txt]

Reads the list (sections [all] and [SECTION]; a line is a CTest test name, else a regex that
must match at least one test name in full), asks `ctest --show-only=json-v1` in BUILD_DIR
which tests exist, and exits 1 naming every requirement no test meets (2 on a usage error,
an unknown section or a ctest failure). scripts/test.sh runs it after each build's ctest.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_list(path, section):
    """The requirements of [all] and [section], with their line numbers."""
    wanted, current, sections = [], None, set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[([A-Za-z0-9_.-]+)\]", line)
        if m:
            current = m.group(1)
            sections.add(current)
            continue
        if current is None:
            raise SystemExit(f"{path}:{number}: a requirement before any [section]")
        if current in ("all", section):
            wanted.append((number, line))
    if section not in sections:
        raise SystemExit(f"{path}: no section [{section}] (have: {', '.join(sorted(sections))})")
    return wanted


def registered(build_dir):
    """The names of the tests CTest knows in build_dir."""
    try:
        out = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build_dir, check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise SystemExit(f"check_required_tests: ctest failed in {build_dir}: {e}")
    return [t["name"] for t in json.loads(out).get("tests", [])]


def met(requirement, names):
    if requirement in names:
        return True
    try:
        pattern = re.compile(requirement)
    except re.error:
        return False  # a name with regex metacharacters (header.cxx20.g++) that is not registered
    return any(pattern.fullmatch(n) for n in names)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", type=Path)
    ap.add_argument("section", help="the list's section for this build, e.g. gcc-release or clang-asan")
    ap.add_argument("--list", type=Path, default=ROOT / "tests" / "required_tests.txt")
    args = ap.parse_args()
    if not (args.build_dir / "CTestTestfile.cmake").is_file():
        print(f"check_required_tests: {args.build_dir} is not a configured build directory", file=sys.stderr)
        return 2
    try:
        wanted = read_list(args.list, args.section)
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 2
    names = set(registered(args.build_dir))
    missing = [(n, r) for n, r in wanted if not met(r, names)]
    for number, requirement in missing:
        print(f"check_required_tests: {args.build_dir}: no test '{requirement}' "
              f"({args.list.name}:{number}, [{args.section}] or [all])", file=sys.stderr)
    if missing:
        print(f"check_required_tests: {len(missing)} of {len(wanted)} required tests are not registered "
              f"in {args.build_dir}", file=sys.stderr)
        return 1
    print(f"check_required_tests: {args.build_dir}: all {len(wanted)} required tests registered "
          f"({len(names)} tests in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
