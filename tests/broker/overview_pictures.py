"""Reading the Overzicht page back: each inline SVG and the table that carries its numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser

SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_BLOCK = re.compile(r"<svg\b[^>]*\batlas-svg--.*?</svg>", re.DOTALL)
NUMBER = re.compile(r"\d+")
NETWORK_COUNT_COLUMN = 2
"""In the network table only this column holds counts; the others name things, and names may hold digits."""


@dataclass
class Picture:
    key: str
    root: ET.Element

    def texts(self, css: str) -> list[str]:
        return ["".join(node.itertext()) for node in self.root.iter(f"{SVG_NS}text") if node.get("class") == css]

    def numbers(self) -> list[int]:
        return [int(n) for value in self.texts("atlas-svg-n") for n in NUMBER.findall(value)]

    def labels(self) -> list[str]:
        return self.texts("atlas-svg-label")


def pictures(page: str) -> dict[str, Picture]:
    """Every inline SVG of a page (rendered Markdown or built HTML), parsed as XML, by its key."""
    found = {}
    for block in SVG_BLOCK.findall(page):
        root = ET.fromstring(block)  # noqa: S314 - the page this project just rendered
        key = next(c[len("atlas-svg--") :] for c in root.get("class", "").split() if c.startswith("atlas-svg--"))
        found[key] = Picture(key, root)
    return found


class _Table(HTMLParser):
    """One table by id: header cells, and per body row its row header and data cells (text only)."""

    def __init__(self, table_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.table_id = table_id
        self.inside = False
        self.head: list[str] = []
        self.rows: list[tuple[str, list[str]]] = []
        self.cell: list[str] | None = None
        self.section = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", self.table_id) in attrs:
            self.inside = True
        if not self.inside:
            return
        if tag in ("thead", "tbody"):
            self.section = tag
        elif tag == "tr" and self.section == "tbody":
            self.rows.append(("", []))
        elif tag in ("th", "td"):
            self.cell = []

    def handle_data(self, data: str) -> None:
        if self.inside and self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "table":
            self.inside = False
        elif tag in ("th", "td") and self.cell is not None:
            value = " ".join("".join(self.cell).split())
            if self.section == "thead":
                self.head.append(value)
            elif tag == "th":
                self.rows[-1] = (value, self.rows[-1][1])
            else:
                self.rows[-1][1].append(value)
            self.cell = None


def table(page: str, table_id: str) -> _Table:
    parsed = _Table(table_id)
    parsed.feed(page)
    assert parsed.rows, f"no table #{table_id}"
    return parsed


def table_numbers(parsed: _Table, columns: list[int] | None = None) -> list[int]:
    return [
        int(n)
        for _, cells in parsed.rows
        for index, cell in enumerate(cells)
        if columns is None or index + 1 in columns
        for n in NUMBER.findall(cell)
    ]


def shown(label: str, drawn: list[str]) -> bool:
    """A table label appears in the picture, whole or shortened with an ellipsis."""
    return any(label == d or (d.endswith("…") and label.startswith(d[:-1])) for d in drawn)
