"""Layout rules of YAML that libyaml does not enforce, and what must not reach it at all.

libyaml reads a few malformed texts without complaint, and reads a few
well-formed ones wrongly (measured with the official YAML test suite). The
strict reader asks this module about every scalar and flow collection, with
the text it came from, and rejects what libyaml would get wrong. Before
parsing, it refuses tabs that indent and line breaks of YAML 1.1.
"""

from __future__ import annotations

import re

_OLD_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_BLOCK_HEADER = re.compile(r"[|>]([1-9][+-]?|[+-][1-9]?)?")
COMMENT_NEEDS_SPACE = "een opmerking (#) moet na een spatie komen"
QUESTION_MARK_KEY = "een '?' direct voor tekst wordt verkeerd gelezen; zet de tekst tussen aanhalingstekens"
NOT_INDENTED = "deze regel moet verder inspringen dan de sleutel waar de waarde bij hoort"
USE_NEWLINE = "gebruik een gewone nieuwe regel"
BLANK_TOO_WIDE = "een lege regel aan het begin van een tekstblok heeft meer spaties dan de eerste regel tekst"


def before_parsing(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) for what must not reach the parser: tabs that indent, and old line breaks.

    NEL, LS and PS are line breaks to libyaml (YAML 1.1) and text to YAML 1.2.
    """
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append((number, indent.index("\t") + 1, "tab gebruikt om in te springen; gebruik spaties"))
        if _OLD_LINE_BREAK.search(line):
            problems += [
                (number, column, f"het teken U+{ord(character):04X} is een ongewoon regeleinde; {USE_NEWLINE}")
                for column, character in enumerate(line, start=1)
                if _OLD_LINE_BREAK.match(character)
            ]
    return problems


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _continuation_indented(text: str, start: int, end: int, parent_column: int) -> bool:
    """Every further line of a quoted, plain or flow value stands right of its parent collection."""
    lines = text[start:end].split("\n")[1:]
    return all(_indent(line) > parent_column for line in lines if line.strip())


def _block_scalar_problem(text: str, start: int, parent_column: int) -> str | None:
    line_end = text.find("\n", start)
    header_line = text[start : len(text) if line_end < 0 else line_end]
    header = _BLOCK_HEADER.match(header_line)
    if header is None:
        return None
    if header_line[header.end() : header.end() + 1] == "#":
        return COMMENT_NEEDS_SPACE
    if header.group(1) or line_end < 0:
        return None
    widest_blank = 0
    start = line_end + 1
    while start <= len(text):
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end]
        if line.strip():
            first_content = _indent(line)
            if first_content > parent_column and widest_blank > first_content:
                return BLANK_TOO_WIDE
            return None
        widest_blank = max(widest_blank, len(line))
        if end < 0:
            break
        start = end + 1
    return None


def layout_problem(text: str, start: int, end: int, style: str | None, parent_column: int | None) -> str | None:
    """What is wrong with the node at ``text[start:end]``, or None.

    ``style`` is the scalar style (None or "" for plain, a quote, "|" or ">"),
    or "[" for a flow collection. ``parent_column`` is the column of the
    innermost block collection (-1 at the top), or None inside a flow
    collection, whose outermost collection is checked as a whole.
    """
    if style in ("|", ">"):
        return _block_scalar_problem(text, start, -1 if parent_column is None else parent_column)
    if not style and start > 0 and text[start - 1] == "?":
        return QUESTION_MARK_KEY
    if style in ('"', "'", "[") and text[end : end + 1] == "#":
        return COMMENT_NEEDS_SPACE
    if parent_column is not None and not _continuation_indented(text, start, end, parent_column):
        return NOT_INDENTED
    return None
