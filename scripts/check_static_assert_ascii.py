#!/usr/bin/env python3
"""Every static_assert message in include/ is plain ASCII.

Clang 14 prints the bytes of a static_assert message above 0x7F as octal escapes
("\\302\\247" for the section sign), so the message a user reads would not be the one
written. Comments keep their section signs (grep 'RFC 6121 \u00a72.1.5' still finds a
rule); the messages say "RFC 6121 2.1.5". Exit 1 naming each offending assertion.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def static_asserts(text):
    """Yields (line, text) of each static_assert(...) call, string literals included."""
    for m in re.finditer(r"\bstatic_assert\s*\(", text):
        i, depth, in_string = m.end(), 1, False
        while depth and i < len(text):
            c = text[i]
            if in_string:
                if c == "\\":
                    i += 1
                elif c == '"':
                    in_string = False
            elif c == '"':
                in_string = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            i += 1
        yield text.count("\n", 0, m.start()) + 1, text[m.start():i]


def main():
    bad = []
    for path in sorted((ROOT / "include").rglob("*.hpp")):
        text = path.read_text(encoding="utf-8")
        for line, call in static_asserts(text):
            for literal in re.findall(r'"(?:[^"\\\n]|\\.)*"', call):
                if any(ord(c) > 0x7F for c in literal):
                    bad.append(f"{path.relative_to(ROOT)}:{line}: non-ASCII static_assert message {literal}")
    for b in bad:
        print(b)
    if bad:
        print(f"{len(bad)} static_assert message(s) with non-ASCII characters: clang prints them as octal escapes")
        return 1
    print("every static_assert message in include/ is ASCII")
    return 0


if __name__ == "__main__":
    sys.exit(main())
