#!/usr/bin/env python3
"""Check docs/CONFORMANCE.md against the RFC sentence lists and the test tree.

docs/conformance/*-sentences.txt list the normative sentences of the RFC sections xstanza
covers, one `<id> TAB <sentence>` per line ('#' lines are comments). docs/CONFORMANCE.md
holds tables with the header `| id | rule | binds | xstanza | test |`, one row per id.
This script fails (exit 1, one line per problem) when:

  - a sentence id has no row, or a row id is in no sentence list, or an id has two rows;
  - a row has not five cells, or an empty xstanza column, or one that does not start with
    the vocabulary of CONFORMANCE.md: `application: <reason>`, `partial: ...`, or terms
    from compile-time, parse, serialize, stream reader, tracker joined with ' + ';
  - a row whose xstanza column does not start with `application:` has an empty test column;
  - a test reference does not exist. References are separated by commas, optionally in
    backticks:
      unit:<suite>/<case>   tests/**/*.cpp has BOOST_AUTO_TEST_SUITE(<suite>) (or
                            BOOST_FIXTURE_TEST_SUITE) enclosing BOOST_AUTO_TEST_CASE(<case>),
                            BOOST_DATA_TEST_CASE(<case>, ...) or BOOST_FIXTURE_TEST_CASE(<case>, ...)
      compile_fail:<name>   tests/compile_fail/<name>.cpp exists
      vector:<path>         tests/vectors/<path> exists and is listed in tests/vectors/MANIFEST
      cli:<case>            tests/cli/run.cmake has CASE STREQUAL "<case>"
      interop:<name>        the string <name> appears in a file under tests/interop/
    Anything else is an error.

On success it prints one summary line. Paths are relative to the repository root (the
parent of this script's directory), so it runs from any working directory; CTest runs it
as `docs.conformance`.

    python3 scripts/check_conformance.py
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "CONFORMANCE.md"
SENTENCES = ROOT / "docs" / "conformance"
TESTS = ROOT / "tests"

HEADER = ["id", "rule", "binds", "xstanza", "test"]
TERMS = {"compile-time", "parse", "serialize", "stream reader", "tracker"}

# C++ tokens that can hide a comment marker (string and character literals, raw strings
# first), and the comments themselves.
CXX_LEXEMES = re.compile(
    r'R"(?P<delim>[^()\\\s]{0,16})\(.*?\)(?P=delim)"'
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'(?:\\.|[^'\\\n])*'"
    r"|//[^\n]*"
    r"|/\*.*?\*/",
    re.S,
)
BOOST_MACRO = re.compile(
    r"\b(BOOST_AUTO_TEST_SUITE|BOOST_FIXTURE_TEST_SUITE|BOOST_AUTO_TEST_SUITE_END"
    r"|BOOST_AUTO_TEST_CASE|BOOST_DATA_TEST_CASE|BOOST_FIXTURE_TEST_CASE)\s*\(\s*(\w*)"
)


def rel(path):
    return path.relative_to(ROOT).as_posix()


def strip_comments(text):
    def blank(m):
        s = m.group(0)
        if s.startswith("//") or s.startswith("/*"):
            return re.sub(r"[^\n]", " ", s)
        return s

    return CXX_LEXEMES.sub(blank, text)


def unit_cases():
    """{(suite, case)} for every test case, suite being the innermost enclosing suite."""
    cases = set()
    for path in sorted(TESTS.rglob("*.cpp")):
        stack = []
        text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
        for m in BOOST_MACRO.finditer(text):
            macro, name = m.group(1), m.group(2)
            if macro.endswith("_SUITE"):
                stack.append(name)
            elif macro == "BOOST_AUTO_TEST_SUITE_END":
                if stack:
                    stack.pop()
            elif stack and name:
                cases.add((stack[-1], name))
    return cases


def manifest_entries():
    path = TESTS / "vectors" / "MANIFEST"
    if not path.is_file():
        return set()
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.add(line.split()[0])
    return entries


def cli_cases():
    path = TESTS / "cli" / "run.cmake"
    if not path.is_file():
        return set()
    return set(re.findall(r'CASE\s+STREQUAL\s+"([^"]*)"', path.read_text(encoding="utf-8")))


def interop_texts():
    folder = TESTS / "interop"
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file()]


class Resolver:
    def __init__(self):
        self.units = unit_cases()
        self.manifest = manifest_entries()
        self.cli = cli_cases()
        self.interop = interop_texts()

    def problem(self, ref):
        """None when `ref` names an existing test, else what is wrong."""
        kind, sep, name = ref.partition(":")
        if not sep or not name:
            return "not a test reference (unit:, compile_fail:, vector:, cli:, interop:)"
        if kind == "unit":
            suite, slash, case = name.partition("/")
            if not slash or not re.fullmatch(r"\w+", suite) or not re.fullmatch(r"\w+", case):
                return "expected unit:<suite>/<case>"
            if (suite, case) not in self.units:
                return f"no BOOST test case {case} in suite {suite} under tests/"
            return None
        if kind == "compile_fail":
            if "/" in name or not (TESTS / "compile_fail" / f"{name}.cpp").is_file():
                return f"no tests/compile_fail/{name}.cpp"
            return None
        if kind == "vector":
            path = TESTS / "vectors" / name
            if ".." in Path(name).parts or not path.is_file():
                return f"no tests/vectors/{name}"
            if name not in self.manifest:
                return f"tests/vectors/{name} is not listed in tests/vectors/MANIFEST"
            return None
        if kind == "cli":
            if name not in self.cli:
                return f'no CASE STREQUAL "{name}" in tests/cli/run.cmake'
            return None
        if kind == "interop":
            if not any(name in text for text in self.interop):
                return f"'{name}' appears in no file under tests/interop/"
            return None
        return f"unknown reference kind '{kind}:'"


def read_sentences(problems):
    """{id: file name} from docs/conformance/*-sentences.txt."""
    ids = {}
    files = sorted(SENTENCES.glob("*-sentences.txt"))
    if not files:
        problems.append(f"{rel(SENTENCES)}: no *-sentences.txt file")
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            sid, tab, sentence = line.partition("\t")
            where = f"{rel(path)}:{n}"
            if not tab or not sid.strip() or not sentence.strip():
                problems.append(f"{where}: not '<id> TAB <sentence>'")
                continue
            if sid in ids:
                problems.append(f"{where}: sentence id {sid} listed twice")
            ids[sid] = path.name
    return ids


def split_row(line):
    """The cells of a markdown table row; '\\|' is a literal bar."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", body)]


def read_rows(problems):
    """[(line number, cells)] of every row of every conformance table."""
    rows = []
    in_table = False
    for n, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.lstrip().startswith("|"):
            in_table = False
            continue
        cells = split_row(line)
        if [c.lower() for c in cells] == HEADER:
            in_table = True
            continue
        if not in_table or all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue
        rows.append((n, cells))
    return rows


def status_problem(status):
    if not status:
        return "empty xstanza column"
    head, colon, rest = status.partition(":")
    head = head.strip()
    if head in ("application", "partial"):
        if not colon or not rest.strip():
            return f"'{head}:' needs what follows it"
        return None
    terms = [t.strip() for t in head.split("+")]
    unknown = [t for t in terms if t not in TERMS]
    if unknown:
        return ("xstanza column starts with '" + head + "'; expected 'application: ...', 'partial: ...' "
                "or terms from " + ", ".join(sorted(TERMS)) + " joined with ' + '")
    return None


def main():
    problems = []
    if not DOC.is_file():
        print(f"{rel(DOC)}: missing")
        return 1
    sentences = read_sentences(problems)
    resolver = Resolver()
    doc = rel(DOC)
    seen = {}
    references = set()
    rows = read_rows(problems)
    for n, cells in rows:
        where = f"{doc}:{n}"
        if len(cells) != len(HEADER):
            problems.append(f"{where}: {len(cells)} cells, expected {len(HEADER)} ({' | '.join(HEADER)})")
            continue
        rid, _rule, _binds, status, tests = cells
        rid = rid.strip("`")
        if rid in seen:
            problems.append(f"{where}: id {rid} has a second row (first at line {seen[rid]})")
        else:
            seen[rid] = n
        if rid not in sentences:
            problems.append(f"{where}: id {rid} is in no docs/conformance/*-sentences.txt")
        if (p := status_problem(status)) is not None:
            problems.append(f"{where}: {rid}: {p}")
        refs = [r.strip().strip("`").strip() for r in tests.split(",")] if tests else []
        if any(not r for r in refs):
            problems.append(f"{where}: {rid}: empty test reference (stray comma)")
        refs = [r for r in refs if r]
        if not refs and not status.startswith("application:"):
            problems.append(f"{where}: {rid}: no test named, and the row is not 'application:'")
        for ref in refs:
            if (p := resolver.problem(ref)) is not None:
                problems.append(f"{where}: {rid}: {ref}: {p}")
            else:
                references.add(ref)
    for sid, name in sentences.items():
        if sid not in seen:
            problems.append(f"{doc}: sentence {sid} ({name}) has no row")
    for p in problems:
        print(p)
    if problems:
        print(f"check_conformance: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    application = sum(1 for _, c in rows if c[3].startswith("application:"))
    print(f"check_conformance: {len(rows)} rows ({len(rows) - application} xstanza, {application} application) "
          f"for {len(sentences)} sentences, {len(references)} distinct tests referenced: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
