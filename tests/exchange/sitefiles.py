"""Reading the open data of a built site back: JSON-LD blocks, feeds and calendars."""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser


class _DataBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.blocks.append("".join(self._current))
            self._current = None


def json_ld(page: Path) -> list[Any]:
    """The parsed JSON-LD blocks of a built page, as a browser's HTML parser delimits them."""
    parser = _DataBlocks()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return [json.loads(block) for block in parser.blocks]


def parsed_feed(path: Path) -> Any:
    """A feed as feedparser reads it; fails on any XML error (feedparser's "bozo")."""
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    return feed


def entry_date(feed_entry: Any) -> date:
    parsed = feed_entry.updated_parsed
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
