"""Where federated entries came from: kept on the ``Atlas`` so that pages can link back to their source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ...atlas import Atlas

_UNSAFE = re.compile(r"[\s<>\"'`\\]")


def safe_page_url(url: str) -> str | None:
    """An entry's address from another atlas, if it is one to link to: https, a host, nothing odd in it."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname or _UNSAFE.search(url):
        return None
    return url


@dataclass(frozen=True)
class Origin:
    """One source an entry came from."""

    source: str
    """The source's configured name (the prefix of namespaced ids)."""
    title: str
    """The source as shown on the site."""
    original_id: str
    """The entry's id in its own atlas."""
    page_url: str | None
    """The entry's page on the source's site, when that is a safe https address."""


@dataclass(frozen=True)
class MergedSource:
    name: str
    title: str
    location: str
    """Where its ``atlas.json`` was read."""
    added: int
    """Entries that became new entries here."""
    matched: int
    """Entries that are the same as one already here (a theme, a region, an organisation) and were joined."""


@dataclass(frozen=True)
class SkippedSource:
    name: str
    location: str
    reason: str


@dataclass
class Federation:
    """What federation did to one atlas: the sources merged and skipped, and each merged entry's origins."""

    merged: list[MergedSource] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)
    origins: dict[tuple[str, str], list[Origin]] = field(default_factory=dict)


@dataclass(frozen=True)
class PageSources:
    """What an entry page says about its sources: 'Bron: deze atlas, Kennisatlas Utrecht (link)'."""

    local: bool
    origins: list[Origin]


def page_sources(atlas: Atlas, entity: Any) -> PageSources | None:
    """The sources of an entry, or None for an entry of this atlas only (no line on the page)."""
    federation = atlas.federation
    key = (type(entity).KIND, entity.id)
    if federation is None or key not in federation.origins:
        return None
    return PageSources(local=key in atlas.sources, origins=federation.origins[key])
