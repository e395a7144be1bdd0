"""The Atom feeds as ElementTree wrote them before feeds.py wrote them as text: the reference the text is compared
with. ``_add``, ``_entry`` and ``atom_feed`` are the former ones of ``generator/exchange/feeds.py``, unchanged."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from generator.derive import field_value, label
from generator.exchange.document import entry_url
from generator.exchange.feeds import ATOM, SUMMARY_FIELDS, FeedItem, FeedSite, atom_time, xml_text
from generator.kinds import KIND_BY_KEY

ET.register_namespace("", ATOM)  # Atom as the default namespace: <feed>, not <ns0:feed>


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {key: xml_text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _entry(feed: ET.Element, item: FeedItem, site_url: str) -> None:
    kind = KIND_BY_KEY[item.kind]
    url = entry_url(site_url, item.kind, item.entity.id)
    entry = _add(feed, "entry")
    _add(entry, "id", url)
    _add(entry, "title", f"{kind.singular}: {label(item.entity)}", type="text")
    _add(entry, "updated", atom_time(item.changed))
    if isinstance(submitted := field_value(item.entity, "submitted"), date):
        _add(entry, "published", atom_time(submitted))
    _add(entry, "link", rel="alternate", type="text/html", href=url)
    _add(entry, "category", term=item.kind, label=kind.singular)
    if (field := SUMMARY_FIELDS.get(item.kind)) and (summary := field_value(item.entity, field)):
        _add(entry, "summary", str(summary), type="text")


def elementtree_atom_feed(site: FeedSite, title: str, path: str, page_url: str, items: list[FeedItem]) -> bytes:
    """One Atom document; ``path`` is the feed's place in the docs."""
    site_url = site.url
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    feed_url = site_url + path
    _add(feed, "id", feed_url)
    _add(feed, "title", title, type="text")
    _add(feed, "updated", atom_time(max((item.changed for item in items), default=site.fallback)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(_add(feed, "author"), "name", site.name)
    for item in items:
        _entry(feed, item, site_url)
    ET.indent(feed)
    written: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return written + b"\n"
