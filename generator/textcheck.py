"""Checks on contributed text, shared by the fields of entries and the free pages.

One checker, so a ``<script>`` or a ``javascript:`` link gets the same
located error wherever it is written. The renderer's nh3 sanitizing stays as
a second line of defence; this module makes sure the contributor hears about
it instead of seeing the text vanish.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MARKDOWN_UNSAFE = (
    "HTML en javascript: zijn niet toegestaan (ook geen vbscript:- of data:-links); gebruik Markdown en https-adressen"
)
TEMPLATE_SYNTAX = "sjabloon- of invoegcode ({{ }}, {% %}, {# #}, --8<--) is niet toegestaan"

# Bidi controls reorder what a reader sees; zero-width characters hide inside names and addresses.
INVISIBLE = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u200c\u200d\ufeff\u2060"
)
_RAW_HTML = re.compile(r"<[a-zA-Z!/?]")
# An event-handler attribute needs no tag of its own: mkdocs' attr_list writes `{: onclick=...}` into the page.
_EVENT_ATTRIBUTE = re.compile(r"\{[^}]{0,300}\bon[a-zA-Z]+\s*=")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#|--8<--")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
_SCRIPT_SCHEME = re.compile(r"(javascript|vbscript):")
# data: only where a link target starts: inline links, reference definitions.
_DATA_LINK = re.compile(r"(\]\(|\]:)<?data:")


@dataclass(frozen=True)
class TextProblem:
    """A problem in a text; ``line`` counts from 0 within the text, ``column`` from 1 within that line."""

    line: int
    column: int
    message: str


def invisible_message(character: str) -> str:
    return f"onzichtbaar stuurteken U+{ord(character):04X} is niet toegestaan; haal het weg"


def _normalised(line: str) -> tuple[str, list[int]]:
    """The line as a browser reads a link: entities decoded, spaces and control characters gone, lower case.

    Returns the text and, per character, its column (0-based) in ``line``.
    """
    chars: list[str] = []
    columns: list[int] = []
    position = 0
    while position < len(line):
        entity = _ENTITY.match(line, position) if line[position] == "&" else None
        decoded = html.unescape(entity.group(0)) if entity else line[position]
        for character in decoded:
            if ord(character) > 0x20 and not 0x7F <= ord(character) <= 0x9F and character not in INVISIBLE:
                chars.append(character.lower())
                columns.append(position)
        position = entity.end() if entity else position + 1
    return "".join(chars), columns


def unsafe_link_column(line: str, *, anywhere: bool) -> int | None:
    """Column (0-based) of a javascript:/vbscript:/data: link in any spelling, or None.

    ``anywhere``: a URL field, whose whole value is the link; else Markdown,
    where javascript:/vbscript: count anywhere and data: as a link target.
    """
    text, columns = _normalised(line)
    if anywhere:
        return 0 if re.match(r"(javascript|vbscript|data):", text) else None
    found = _SCRIPT_SCHEME.search(text)
    data = _DATA_LINK.search(text)
    starts = [columns[found.start()]] if found else []
    if data:
        starts.append(columns[data.end() - len("data:")])
    return min(starts) if starts else None


def _line_problems(line: str, number: int, *, markdown: bool) -> list[TextProblem]:
    problems = [
        TextProblem(number, column + 1, invisible_message(character))
        for column, character in enumerate(line)
        if character in INVISIBLE
    ]
    problems += [TextProblem(number, found.start() + 1, TEMPLATE_SYNTAX) for found in _TEMPLATE.finditer(line)]
    if markdown:
        link = unsafe_link_column(line, anywhere=False)
        starts = [found.start() for pattern in (_RAW_HTML, _EVENT_ATTRIBUTE) if (found := pattern.search(line))]
        starts += [link] if link is not None else []
        if starts:
            problems.append(TextProblem(number, min(starts) + 1, MARKDOWN_UNSAFE))
    return problems


def text_problems(text: str, *, markdown: bool) -> list[TextProblem]:
    """Every problem of ``text``, line by line; Markdown is also checked for HTML and script links."""
    problems: list[TextProblem] = []
    for number, line in enumerate(text.split("\n")):
        problems += _line_problems(line, number, markdown=markdown)
    return sorted(problems, key=lambda problem: (problem.line, problem.column))
