"""Atom feeds of new and changed entries: the whole atlas, per theme and per region.

An entry's date is the newest of its content dates (``last_reviewed``, ``submitted``,
``updated``), never the build clock, so a rebuild of the same content gives the same feeds.
Themes carry no date and are left out; events are too: their date is when they happen, not
when they changed, and they have their own calendar files (calendar.py). The open-data page
says both. Written as text, escaped as ElementTree escapes it; characters XML 1.0 cannot hold at
all (control characters) are dropped first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..derive import field_value, label
from ..kinds import KIND_BY_KEY, KINDS
from .document import entry_url

if TYPE_CHECKING:
    from ..atlas import Atlas
    from .opendata import OpenData

ATOM = "http://www.w3.org/2005/Atom"
DATE_FIELDS = ("last_reviewed", "submitted", "updated")
UNDATED_KINDS = ("theme", "event")
FEED_LIMIT = 200
"""Entries per feed, newest first: a feed reader wants what changed, atlas.json holds everything."""
NO_DATE = date(1970, 1, 1)
"""A feed's date when the atlas has no dated entry at all (Atom requires one)."""
FEEDS = "open-data/feeds"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SUMMARY_FIELDS = {"practice": "summary", "question": "question"}
"""The one-sentence field of a kind that has one; shown as the entry's summary."""


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: without control characters (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", text)


def content_date(entity: Any) -> date | None:
    """The newest of an entry's content dates; None for an entry without any."""
    dates = [value for name in DATE_FIELDS if isinstance(value := field_value(entity, name), date)]
    return max(dates, default=None)


def latest_content_date(atlas: Atlas) -> date:
    """The newest content date in the whole atlas: the date of a feed or calendar with nothing newer."""
    dates = (content_date(entity) for entries in atlas.entries.values() for entity in entries.values())
    return max((found for found in dates if found is not None), default=NO_DATE)


@dataclass(frozen=True)
class FeedItem:
    kind: str
    entity: Any
    changed: date


def feed_items(entities: Iterable[tuple[str, Any]]) -> list[FeedItem]:
    """The dated ones of (kind, entry) pairs, newest first, at most ``FEED_LIMIT``."""
    items = [
        FeedItem(kind, entity, changed)
        for kind, entity in entities
        if kind not in UNDATED_KINDS and (changed := content_date(entity)) is not None
    ]
    items.sort(key=lambda item: (-item.changed.toordinal(), item.kind, item.entity.id))
    return items[:FEED_LIMIT]


def atom_time(day: date) -> str:
    """Midnight UTC of a content date: a reader shows the day the content names."""
    return f"{day.isoformat()}T00:00:00Z"


_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
"""What ElementTree escapes in an attribute value besides ``&``, ``<`` and ``>``."""


def _attribute(value: str) -> str:
    """An attribute value as ElementTree escapes it."""
    return escape(xml_text(value), _ATTRIBUTE_ENTITIES)


def _element(depth: int, tag: str, text: str | None = None, **attributes: str) -> str:
    """One indented line: an element with its text, or an empty element, as ElementTree writes it."""
    found = "".join(f' {name}="{_attribute(value)}"' for name, value in attributes.items())
    text = escape(xml_text(text or ""))
    return f"{'  ' * depth}<{tag}{found}>{text}</{tag}>\n" if text else f"{'  ' * depth}<{tag}{found} />\n"


def _entry(item: FeedItem, site_url: str) -> str:
    kind = KIND_BY_KEY[item.kind]
    url = entry_url(site_url, item.kind, item.entity.id)
    lines = [
        "  <entry>\n",
        _element(2, "id", url),
        _element(2, "title", f"{kind.singular}: {label(item.entity)}", type="text"),
        _element(2, "updated", atom_time(item.changed)),
    ]
    if isinstance(submitted := field_value(item.entity, "submitted"), date):
        lines.append(_element(2, "published", atom_time(submitted)))
    lines.append(_element(2, "link", rel="alternate", type="text/html", href=url))
    lines.append(_element(2, "category", term=item.kind, label=kind.singular))
    if (field := SUMMARY_FIELDS.get(item.kind)) and (summary := field_value(item.entity, field)):
        lines.append(_element(2, "summary", str(summary), type="text"))
    return "".join([*lines, "  </entry>\n"])


@dataclass(frozen=True)
class FeedSite:
    """What every feed of one atlas shares."""

    name: str
    url: str
    fallback: date
    """The date of a feed without entries: the atlas' newest content date."""


def atom_feed(site: FeedSite, title: str, path: str, page_url: str, items: list[FeedItem]) -> bytes:
    """One Atom document; ``path`` is the feed's place in the docs. Written as text, line by line, the way
    ElementTree wrote the indented tree before (tests/exchange/elementtree_feeds.py, compared byte for byte)."""
    site_url = site.url
    feed_url = site_url + path
    lines = [
        f"<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns=\"{ATOM}\" xml:lang=\"nl\">\n",
        _element(1, "id", feed_url),
        _element(1, "title", title, type="text"),
        _element(1, "updated", atom_time(max((item.changed for item in items), default=site.fallback))),
        _element(1, "link", rel="self", type="application/atom+xml", href=feed_url),
        _element(1, "link", rel="alternate", type="text/html", href=page_url),
        "  <author>\n",
        _element(2, "name", site.name),
        "  </author>\n",
        *(_entry(item, site_url) for item in items),
        "</feed>\n",
    ]
    return "".join(lines).encode("utf-8")


def feed_files(data: OpenData) -> dict[str, bytes]:
    """``feeds/atlas.xml`` for everything, ``feeds/themas/<id>.xml`` and ``feeds/regios/<id>.xml``."""
    atlas, name = data.atlas, str(data.document["name"])
    site = FeedSite(name, data.site_url, latest_content_date(atlas))
    everything = [(kind.key, entity) for kind in KINDS for entity in atlas.of(kind.key)]
    files = {
        f"{FEEDS}/atlas.xml": atom_feed(
            site, f"{name}: nieuw en gewijzigd", f"{FEEDS}/atlas.xml", site.url, feed_items(everything)
        )
    }
    for group, section, title in (("theme", "themas", "thema"), ("region", "regios", "regio")):
        for owner in atlas.of(group):
            own = [(group, owner)] if group not in UNDATED_KINDS else []
            linked = [(kind.key, entity) for kind in KINDS for entity in data.links.linked(group, owner.id, kind.key)]
            path = f"{FEEDS}/{section}/{owner.id}.xml"
            files[path] = atom_feed(
                site,
                f"{name}: nieuw en gewijzigd bij {title} {label(owner)}",
                path,
                entry_url(site.url, group, owner.id),
                feed_items(own + linked),
            )
    return files
