"""Raw HTML blocks that Python-Markdown passes through whole, recognised without an HTML parser.

Python-Markdown's ``HtmlBlockPreprocessor`` (``markdown.htmlparser.HTMLExtractor``) takes a block-level start
tag at a line start as the start of a raw block, keeps a stack of the tags opened in it (a closing tag pops
up to its match) and ends the block at the closing tag that empties the stack. mkdocs' ``_RawHTMLPreprocessor``
parses the same text again for the ``id`` attributes (and ``name`` on ``a``) it may link to.

``scan_block`` follows that stack on a deliberately small grammar: lowercase tags with quoted attribute values,
text without ``<``, well-formed character references, ``script``/``style`` content without ``<``. On that
grammar ``html.parser`` (the copy Python-Markdown patches) has only one reading, so the block's extent and its
anchors are certain; anything outside it (comments, declarations, bare ``<``, unquoted values, upper case,
elements whose content newer Pythons parse as raw text) makes the scan decline, and the page takes mkdocs'
own path.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass

_NAME = r"[a-z][a-z0-9]*"
_REFERENCE = r"&(?:[a-zA-Z][a-zA-Z0-9]*|\#[0-9]+|\#[xX][0-9a-fA-F]+);"  # "#" escaped: used in verbose patterns
_ATTRIBUTE = re.compile(
    rf"""[ ]+(?P<name>[a-z][a-z0-9-]*)
    (?:=(?:"(?P<double>(?:[^"<>`&\n]|{_REFERENCE})*)"|'(?P<single>(?:[^'<>`&\n]|{_REFERENCE})*)'))?""",
    re.VERBOSE,
)
_TOKEN = re.compile(
    rf"""(?P<text>[^<&]+)
    |(?P<reference>{_REFERENCE})
    |</(?P<end>{_NAME})>
    |<(?P<start>{_NAME})(?P<attributes>(?:{_ATTRIBUTE.pattern})*)[ ]*(?P<empty>/?)>""",
    re.VERBOSE,
)
_SCRIPT_CONTENT = re.compile(r"[^<]*")

RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
"""Elements whose content ``html.parser`` reads as text up to their closing tag."""
DECLINED_ELEMENTS = frozenset({"textarea", "title", "iframe", "noembed", "noframes", "noscript", "xmp", "plaintext"})
"""Elements whose content some Python versions read as (escapable) raw text: left to mkdocs."""
EMPTY_BLOCK_TAGS = frozenset({"hr"})
"""``HTMLExtractor.empty_tags``: never pushed on the block's stack."""


@dataclass(frozen=True)
class RawBlock:
    """A raw HTML block: ``text[start:end]`` of the source, and the anchors mkdocs finds in it."""

    start: int
    end: int
    anchors: frozenset[str]


def scan_block(text: str, start: int, block_level: Collection[str]) -> RawBlock | None:
    """The raw block that starts at ``text[start]`` (a line start), or None when it is not certainly one."""
    first = _TOKEN.match(text, start)
    if first is None or first.group("start") not in block_level or first.group("empty"):
        return None
    if first.group("start") in EMPTY_BLOCK_TAGS:  # a block of its own, with rules of its own
        return None
    stack: list[str] = []
    anchors: set[str] = set()
    position = start
    while True:
        token = _TOKEN.match(text, position)
        if token is None:
            return None
        position = token.end()
        if (tag := token.group("start")) is not None:
            if tag in DECLINED_ELEMENTS or not _add_anchors(tag, token.group("attributes"), anchors):
                return None
            if tag in RAW_TEXT_ELEMENTS:
                if token.group("empty"):
                    return None
                position = _SCRIPT_CONTENT.match(text, position).end()  # type: ignore[union-attr]  # always matches
                if not text.startswith(f"</{tag}>", position):
                    return None
            if not token.group("empty") and tag not in EMPTY_BLOCK_TAGS:
                stack.append(tag)
        elif (tag := token.group("end")) is not None and tag in stack:
            while stack.pop() != tag:
                pass
            if not stack:
                return RawBlock(start, position, frozenset(anchors))


def _add_anchors(tag: str, attributes: str, anchors: set[str]) -> bool:
    """Add the tag's anchors as ``html.parser`` reads them (values unescaped); False when one has no value."""
    if "id" not in attributes and "name" not in attributes:
        return True
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute.group("name")
        if name == "id" or (name == "name" and tag == "a"):
            value = attribute.group("double")
            value = attribute.group("single") if value is None else value
            if value is None:  # mkdocs would record None: rare enough to leave to it
                return False
            anchors.add(html.unescape(value) if value else value)
    return True
