#!/usr/bin/env python3
"""CTest docs.reference: every public name of xstanza has a `///` comment.

Runs doxygen with docs/Doxyfile (EXTRACT_ALL=NO, WARN_IF_UNDOCUMENTED=YES) into a work
directory, then fails naming each warning about an undocumented compound or member of the
namespace xstanza outside xstanza::detail (the Doxyfile leaves detail/ out already).
Other warnings are printed but do not fail the test.

usage: reference.py DOXYGEN SOURCE_DIR WORK_DIR
"""
import os
import re
import subprocess
import sys

# Headers whose undocumented names are tolerated for now, relative to the source root.
# Keep it empty: a header listed here is a header whose names the reference does not explain.
EXCLUDED_FILES = []

UNDOCUMENTED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): warning: (?P<text>.* is not documented\.)$")


def public(text):
    """True when the warning names something in xstanza but outside any detail namespace."""
    names = re.findall(r"xstanza(?:::[A-Za-z_0-9<>, ]+)*", text)
    if not names and " of file " in text:
        return True
    if not names:
        return False
    return not any("::detail" in n or n.startswith("detail") for n in names)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    doxygen, source, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    warnings_file = os.path.join(work, "warnings.txt")
    with open(os.path.join(source, "docs", "Doxyfile"), encoding="utf-8") as f:
        config = f.read()
    config += f'\nOUTPUT_DIRECTORY = "{work}"\nWARN_LOGFILE = "{warnings_file}"\n'
    run = subprocess.run([doxygen, "-"], input=config, text=True, cwd=source,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if run.returncode != 0:
        print(run.stdout)
        print(f"docs.reference: doxygen exited with {run.returncode}")
        return 1
    with open(warnings_file, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    failures, others = [], []
    for line in lines:
        m = UNDOCUMENTED.match(line)
        if not m:
            if line.strip():
                others.append(line)
            continue
        path = os.path.relpath(m["file"], source)
        if path in EXCLUDED_FILES or not public(m["text"]):
            continue
        failures.append(f"{path}:{m['line']}: {m['text']}")
    for line in others:
        print(f"note: {line}")
    if failures:
        print("\n".join(sorted(set(failures))))
        print(f"docs.reference: {len(set(failures))} public names without a /// comment "
              "(document them in the header; the reference is built by scripts/docs.sh)")
        return 1
    print("docs.reference: every public name is documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
