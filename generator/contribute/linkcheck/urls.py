"""Every web address in the content, with the file and line where it is written.

Addresses are found in the text values of each entry (``website``, ``links[].url``,
``contact.url``, ``url``, and links inside Markdown texts), in the Markdown body of ``.md``
entries and in the free pages. The line is found in the file's own text, so a report can
say ``content/partners/cbs.yml:21``. Comments are not content: an address in a YAML
comment is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...atlas import Atlas
from ...load import Record
from ...yamlstrict import FieldPath, field_name

URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`|\\^]+", re.IGNORECASE)
TRAILING = ".,;:!?*_~"
"""Punctuation after an address in running text belongs to the sentence, not to the address."""


@dataclass(frozen=True, order=True)
class Occurrence:
    """One place where an address is written."""

    path: str
    line: int
    url: str
    field: str
    """The field it is written in (``website``, ``links[0].url``), or '' in a body or a page."""


def urls_in(text: str) -> Iterator[tuple[int, str]]:
    """(offset in ``text``, address) of every http(s) address written in ``text``."""
    for found in URL.finditer(text):
        url = found.group(0).rstrip(TRAILING)
        if len(url) > len("https://"):
            yield found.start(), url


def _text_values(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value in a YAML document with its field path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_values(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_values(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def record_occurrences(record: Record) -> Iterator[Occurrence]:
    """The addresses of one entry file: its fields, then its Markdown body."""
    document = record.document
    for path, value in _text_values(document.data):
        span = document.spans.get(path)
        if span is None:
            line = document.position(path)[0]
            yield from (Occurrence(record.path, line, url, field_name(path)) for _, url in urls_in(value))
            continue
        # Searched in the file's text, not in the value: a folded or quoted value has other line breaks.
        start, end = span
        for offset, url in urls_in(document.source[start:end]):
            line = _line_of(document.source, start + offset, 1 + document.line_offset)
            yield Occurrence(record.path, line, url, field_name(path))
    if record.body:
        for offset, url in urls_in(record.body):
            yield Occurrence(record.path, _line_of(record.body, offset, record.body_line), url, "")


def occurrences(atlas: Atlas) -> list[Occurrence]:
    """Every place an address is written in the entries and the free pages, sorted by file and line."""
    found: list[Occurrence] = []
    for record in atlas.sources.values():
        found.extend(record_occurrences(record))
    for page in atlas.pages:
        found.extend(
            Occurrence(page.path, _line_of(page.text, offset, 1), url, "") for offset, url in urls_in(page.text)
        )
    return sorted(set(found))
