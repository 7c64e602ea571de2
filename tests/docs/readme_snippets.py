#!/usr/bin/env python3
"""CTest docs.readme_snippets: every ```cpp block of README.md compiles.

A block with `int main(` is a whole program: it is compiled and linked (against
single_include/ and include/, as the README's own command line does), and when the block is
followed by a ```sh block with `# <output>` lines, as the Quick start is, it is run and its
standard output compared with those lines.

Any other block is a fragment. The line just before it must declare its prelude,
`<!-- prelude: NAME -->`, a file tests/docs/preludes/NAME.cpp that declares what the fragment
uses (a Parser `parser`, a std::string `buffer`, a `send(...)`) and holds the line
`// @fragment` where the fragment goes (inside a block of its own, so a fragment may declare
again a name the prelude declares). The fragment's `#include` lines move to the top of the file.
It is compiled with -fsyntax-only.

A paragraph right before a block that calls it an "N-line program" must be right about N (lines
that are not blank).

A block that is meant not to compile says so just before it: `<!-- snippet: does-not-compile -->`;
it is then checked to fail.

The tables of the README's "## Reference" section name only what the headers have: every
identifier in their `code` spans must appear in include/xstanza/ (a renamed function or
member then fails here until the table follows).

usage: readme_snippets.py --source DIR --work DIR --cxx COMPILER -- FLAGS...
"""
import argparse
import os
import re
import subprocess
import sys

MARK = re.compile(r"^<!--\s*(prelude|snippet):\s*([A-Za-z0-9_.-]+)\s*-->\s*$")


def blocks(lines):
    """Yields (start line number, language, body lines, marker line or None) for each fence."""
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(\S*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, lang = m.group(1), m.group(2)
        start = i
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        body = [l[len(indent):] if l.startswith(indent) else l for l in lines[i + 1:j]]
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        marker = lines[k].strip() if k >= 0 and MARK.match(lines[k].strip()) else None
        yield start + 1, lang, body, marker, j
        i = j + 1


def expected_output(lines, end):
    """The `# ` lines of a ```sh block right after line index `end`, or None."""
    k = end + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k >= len(lines) or lines[k].strip() != "```sh":
        return None
    out = []
    k += 1
    while k < len(lines) and lines[k].strip() != "```":
        if lines[k].startswith("# "):
            out.append(lines[k][2:])
        k += 1
    return out or None


NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}


def claimed_lines(lines, start):
    """The N of an "N-line program" in the paragraph before line index `start`, or None."""
    k = start - 1
    while k >= 0 and (not lines[k].strip() or MARK.match(lines[k].strip())):
        k -= 1
    while k >= 0 and lines[k].strip():
        m = re.search(r"\b([A-Za-z]+|\d+)-line program", lines[k])
        if m:
            word = m.group(1).lower()
            return int(word) if word.isdigit() else NUMBERS.get(word, -1)
        k -= 1
    return None


def compile_cmd(args, flags, src, out=None):
    cmd = [args.cxx] + flags + ["-I" + os.path.join(args.source, "single_include")]
    if out:
        return cmd + [src, "-o", out]
    return cmd + ["-fsyntax-only", src]


def reference_names_missing(source, lines):
    """Identifiers in `code` spans of the Reference section's table rows that no header has."""
    words = set()
    for root, _, files in os.walk(os.path.join(source, "include", "xstanza")):
        for f in files:
            if f.endswith(".hpp"):
                with open(os.path.join(root, f), encoding="utf-8") as h:
                    words.update(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", h.read()))
    missing, inside = [], False
    for n, l in enumerate(lines, 1):
        if l.startswith("## "):
            inside = l.strip() == "## Reference"
            continue
        if not inside or not l.startswith("|"):
            continue
        for span in re.findall(r"`([^`]+)`", l):
            for t in re.findall(r"[A-Za-z_][A-Za-z_0-9]*", span):
                if len(t) > 1 and t not in words:
                    missing.append(f"README.md:{n}: the Reference table names `{t}`, which no header has")
    return missing


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--source", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--cxx", required=True)
    p.add_argument("--readme", default="README.md")
    p.add_argument("flags", nargs="*")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    readme = os.path.join(args.source, args.readme)
    with open(readme, encoding="utf-8") as f:
        lines = f.read().splitlines()
    preludes = os.path.join(args.source, "tests", "docs", "preludes")
    failures = []
    count = 0
    for line, lang, body, marker, end in blocks(lines):
        if lang not in ("cpp", "c++"):
            continue
        count += 1
        name = f"README.md:{line}"
        stem = os.path.join(args.work, f"block_{line}")
        text = "\n".join(body) + "\n"
        kind, value = (MARK.match(marker).groups() if marker else (None, None))
        negative = kind == "snippet" and value == "does-not-compile"
        if kind == "snippet" and not negative:
            failures.append(f"{name}: unknown marker {marker!r}")
            continue
        whole = re.search(r"\bint\s+main\s*\(", text) is not None
        claim = claimed_lines(lines, line - 1)
        code_lines = sum(1 for l in body if l.strip())
        if claim is not None and claim != code_lines:
            failures.append(f"{name}: the text calls it a {claim}-line program; it has {code_lines} lines of code")
            continue
        if whole:
            src = stem + ".cpp"
            with open(src, "w", encoding="utf-8") as f:
                f.write(text)
            cmd = compile_cmd(args, args.flags, src, None if negative else stem)
        else:
            if kind != "prelude" and not negative:
                failures.append(f"{name}: a fragment without `<!-- prelude: NAME -->` on the line before it")
                continue
            prelude_text = "// @fragment\n"
            if kind == "prelude":
                path = os.path.join(preludes, value + ".cpp")
                if not os.path.exists(path):
                    failures.append(f"{name}: no prelude {os.path.relpath(path, args.source)}")
                    continue
                with open(path, encoding="utf-8") as f:
                    prelude_text = f.read()
                if "// @fragment" not in prelude_text:
                    failures.append(f"{name}: {value}.cpp has no `// @fragment` line")
                    continue
            includes = [l for l in body if l.lstrip().startswith("#include")]
            rest = [l if not l.lstrip().startswith("#include") else "" for l in body]
            frag = "{\n" + f"#line {line + 1} \"{readme}\"\n" + "\n".join(rest) + "\n}\n"
            src = stem + ".cpp"
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(includes) + "\n" + prelude_text.replace("// @fragment", frag, 1))
            cmd = compile_cmd(args, args.flags, src)
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if negative:
            if run.returncode == 0:
                failures.append(f"{name}: marked does-not-compile, but it compiles")
            else:
                print(f"ok   {name}: does not compile, as marked")
            continue
        if run.returncode != 0:
            failures.append(f"{name}: does not compile ({' '.join(cmd)}):\n{run.stdout}")
            continue
        if run.stdout.strip():
            failures.append(f"{name}: warnings:\n{run.stdout}")
            continue
        if whole:
            want = expected_output(lines, end)
            if want is not None:
                exe = subprocess.run([stem], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     cwd=args.work, timeout=60)
                got = exe.stdout.splitlines()
                if exe.returncode != 0 or got != want:
                    failures.append(f"{name}: the program's output (exit {exe.returncode}) is not the README's:\n"
                                    + "  got:  " + "\n        ".join(got) + "\n  want: " + "\n        ".join(want))
                    continue
                print(f"ok   {name}: a program, its output as the README shows")
                continue
            print(f"ok   {name}: a program, compiles and links")
        else:
            print(f"ok   {name}: a fragment in prelude {value}")
    failures.extend(reference_names_missing(args.source, lines))
    if count == 0:
        failures.append("README.md has no ```cpp block: is this the right file?")
    for f in failures:
        print(f"FAIL {f}")
    if failures:
        print(f"docs.readme_snippets: {len(failures)} of {count} blocks fail")
        return 1
    print(f"docs.readme_snippets: {count} blocks compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
