"""The shape of a docs page: ATX headings and raw HTML blocks, or Markdown that Python-Markdown has to parse.

A page of only headings and raw HTML blocks that Python-Markdown passes through whole, each between blank
lines, is what the fast converter of the shard workers handles without Python-Markdown. ``markdown_left``
finds what else is on a page. Python-Markdown's own preprocessors (with the extensions of mkdocs.yml) decide
what a raw HTML block is, so the check agrees with the converter the pages go through otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import yaml

MKDOCS_YML = Path(__file__).parents[1] / "mkdocs.yml"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
ATX_HEADING = re.compile(r"#{1,6} \S[^\n]*")
PLACEHOLDER = re.compile(r"\x02wzxhzdk:\d+\x03")
BLANK_LINES = re.compile(r"\n[ \t]*\n")
HEADING_LINE = re.compile(r"^#{1,6} ", re.MULTILINE)
MARKDOWN_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+!|]")


def mkdocs_extensions() -> list[str]:
    """The Markdown extensions of mkdocs.yml, by name (none of them takes options there)."""
    config = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    return [entry if isinstance(entry, str) else next(iter(entry)) for entry in config["markdown_extensions"]]


def markdown_left(page: str, extensions: list[str]) -> list[str]:
    """What a docs page has besides ATX headings and whole raw HTML blocks, each between blank lines.

    Returns the offending lines (a raw block in them shown as ``<raw HTML>``): a Markdown list, emphasis, a
    link, a table, text after a closing tag, a paragraph that starts with an inline tag. Two raw blocks or a
    heading and a block without a blank line between them are returned as the source chunk that holds them.
    """
    body = FRONT_MATTER.sub("", page, count=1).strip("\n")
    if not body:
        return []
    converter = markdown.Markdown(extensions=extensions)
    lines = body.split("\n")
    for preprocessor in converter.preprocessors:
        lines = preprocessor.run(lines)
    left: list[str] = []
    wholes = 0
    for line in "\n".join(lines).split("\n"):
        if not line.strip():
            continue
        if PLACEHOLDER.fullmatch(line) or (ATX_HEADING.fullmatch(line) and not PLACEHOLDER.search(line)):
            wholes += 1
        else:
            left.append(PLACEHOLDER.sub("<raw HTML>", line))
    chunks = BLANK_LINES.split(body)
    if not left and wholes != len(chunks):
        # Each heading and each raw block must stand in a chunk of its own: as many chunks as blocks.
        left = [chunk for chunk in chunks if "\n" in chunk and HEADING_LINE.search(chunk)]
        left = left or [f"{wholes} headings and raw HTML blocks in {len(chunks)} chunks between blank lines"]
    return left


def markdown_escapes(page: str) -> list[str]:
    """Lines outside the headings with a Markdown backslash escape (``\\(``, ``\\*``): in a raw HTML block
    Python-Markdown leaves it, and the reader sees the backslash. Values there go through ``| html``."""
    body = FRONT_MATTER.sub("", page, count=1)
    return [line for line in body.split("\n") if MARKDOWN_ESCAPE.search(line) and not ATX_HEADING.fullmatch(line)]
