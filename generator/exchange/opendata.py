"""The open-data folder of the site: every file under ``open-data/``, and the page that explains them.

Each file comes from a *producer*: a function from ``OpenData`` (the validated atlas, its
``atlas.json`` document, the site's address and the commit) to ``{docs path: bytes}``. A new
kind of file is one more producer in ``PRODUCERS``; the page lists whatever the producers made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..atlas import Atlas
from ..derive import Links
from ..errors import BuildError
from ..schemas import rendered_schemas
from .calendar import calendar_files
from .document import atlas_document
from .feeds import feed_files
from .sheets import sheet_files

FOLDER = "open-data"
PAGE = f"{FOLDER}/index.md"


@dataclass(frozen=True)
class OpenData:
    """What every producer may draw on: one atlas, read once."""

    atlas: Atlas
    links: Links
    document: dict[str, Any]
    site_url: str
    commit: str | None


Producer = Callable[[OpenData], dict[str, bytes]]


def json_files(data: OpenData) -> dict[str, bytes]:
    """``atlas.json``: the whole atlas (see document.py), indented so a diff between versions reads."""
    return {f"{FOLDER}/atlas.json": indented_json(data.document)}


def indented_json(document: dict[str, Any]) -> bytes:
    """``json.dumps(document, ensure_ascii=False, indent=1)`` and a new line, in UTF-8, made entry by entry.

    With an indent, ``json`` encodes in Python and joins a list of every piece of the whole document: at 20,000
    entries some 150 MB for 34 MB of text. Encoding each entry of the last key, ``entries``, on its own and
    indenting it by its depth gives the same text (a JSON string holds no raw line break, so every line break
    is the layout's), with only one entry's pieces at a time."""
    entries = document.get("entries")
    head = json.dumps({**document, "entries": []}, ensure_ascii=False, indent=1)
    if not entries or not isinstance(entries, list) or not head.endswith('\n "entries": []\n}'):
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")  # small, or not last
    items = (
        ("  " + json.dumps(entry, ensure_ascii=False, indent=1).replace("\n", "\n  ")).encode("utf-8")
        for entry in entries
    )
    return b"".join([head[: -len("]\n}")].encode("utf-8"), b"\n", b",\n".join(items), b"\n ]\n}\n"])


def schema_files(data: OpenData) -> dict[str, bytes]:
    """The JSON Schemas of ``schemas/``, made from the same models, so they match this build."""
    return {f"{FOLDER}/schemas/{name}": text.encode("utf-8") for name, text in sorted(rendered_schemas().items())}


def spreadsheet_files(data: OpenData) -> dict[str, bytes]:
    """A CSV per kind (``;`` with BOM for Dutch Excel, and a comma twin) and one workbook (see sheets.py)."""
    return {f"{FOLDER}/{name}": content for name, content in sheet_files(data.document).items()}


PRODUCERS: tuple[Producer, ...] = (json_files, spreadsheet_files, schema_files, feed_files, calendar_files)
"""Every producer of open data, in the order the page lists their files."""


def open_data(atlas: Atlas, *, name: str, site_url: str, commit: str | None) -> OpenData:
    links = Links(atlas)
    return OpenData(atlas, links, atlas_document(atlas, name=name, site_url=site_url, commit=commit), site_url, commit)


def produced_files(data: OpenData, producers: Sequence[Producer] = PRODUCERS) -> dict[str, bytes]:
    """Every producer's files; a file outside ``open-data/`` or made twice fails the build."""
    files: dict[str, bytes] = {}
    for producer in producers:
        for path, content in producer(data).items():
            if not path.startswith(f"{FOLDER}/") or path == PAGE:
                raise BuildError(f"open data: {producer.__name__} schrijft {path!r}, buiten {FOLDER}/")
            if path in files:
                raise BuildError(f"open data: {path} wordt twee keer gemaakt")
            files[path] = content
    return files


def open_data_files(
    atlas: Atlas, *, name: str, site_url: str, commit: str | None, producers: Sequence[Producer] = PRODUCERS
) -> dict[str, bytes]:
    """The folder ``open-data/`` of the docs: every produced file and the page that lists them."""
    from .page import open_data_page  # the page describes the files; it imports FOLDER from here

    data = open_data(atlas, name=name, site_url=site_url, commit=commit)
    files = produced_files(data, producers)
    files[PAGE] = open_data_page(data, sorted(files)).encode("utf-8")
    return files
