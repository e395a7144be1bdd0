"""Derive the search documents: one short, flat record per entry.

Documents are deliberately small (title, keywords, a bounded text) because
the index has to stay light at 20,000 entries. Facet values are ids; their
labels travel once, in the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..atlas import Atlas
from ..derive import Links, field_value, label, region_themes
from ..kinds import KIND_BY_KEY, KINDS

NATIONAL = "landelijk"
TEXT_WORDS = 80
SNIPPET_CHARACTERS = 160
_MARKDOWN_NOISE = re.compile(r"[*_`#>\[\]()|]|https?://\S+")


@dataclass
class SearchDocument:
    """What the search page needs of one entry."""

    kind: str
    id: str
    title: str
    keywords: str
    """The entry's own other names: abbreviation, kind of organisation or network, synonyms."""
    text: str
    """The entry's prose as plain text, at most TEXT_WORDS words."""
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    level: str = ""
    domains: list[str] = field(default_factory=list)
    status: str = ""

    @property
    def url(self) -> str:
        return f"{KIND_BY_KEY[self.kind].section}/{self.id}/"

    @property
    def shards(self) -> list[str]:
        """The full-text shards the document goes into: its regions, or the national one."""
        return self.regions or [NATIONAL]

    @property
    def snippet(self) -> str:
        if len(self.text) <= SNIPPET_CHARACTERS:
            return self.text
        return self.text[:SNIPPET_CHARACTERS].rsplit(" ", 1)[0] + " …"


def plain_text(*parts: str | None, words: int = TEXT_WORDS) -> str:
    """Markdown prose → plain words, bounded."""
    text = " ".join(part for part in parts if part)
    return " ".join(_MARKDOWN_NOISE.sub(" ", text).split()[:words])


def _value(value: Any) -> str:
    return str(value.value) if hasattr(value, "value") else str(value or "")


def _prose(entity: Any) -> str:
    fields = ("summary", "question", "description", "expertise", "who", "what", "needs", "context", "answer")
    return plain_text(*(field_value(entity, name) for name in fields))


def own_keywords(entity: Any) -> list[str]:
    """Other names of the entry itself. Names of its themes and regions are not repeated per
    entry (that would multiply the index); the search page widens a match on a theme or
    region to the entries filed under it."""
    words = [field_value(entity, "abbreviation") or "", *field_value(entity, "synonyms", [])]
    kind = field_value(entity, "kind")
    if kind is not None and hasattr(kind, "label"):
        words.append(kind.label)
    return [word for word in words if word]


def document_for(entity: Any, kind_key: str, links: Links) -> SearchDocument:
    # Ids, not entries: sorting 20,000 entries' neighbours by label would cost seconds.
    themes = sorted(links.linked_ids(kind_key, entity.id, "theme"))
    regions = sorted(links.linked_ids(kind_key, entity.id, "region"))
    if kind_key == "theme":
        themes = [entity.id]
    if kind_key == "region":
        regions = [entity.id]
        themes = [theme.id for theme in region_themes(links, entity.id)]
    return SearchDocument(
        kind=kind_key,
        id=entity.id,
        title=label(entity),
        keywords=" ".join(own_keywords(entity)),
        text=_prose(entity),
        themes=themes,
        regions=regions,
        level=_value(field_value(entity, "level", "")),
        domains=[_value(d) for d in field_value(entity, "domains", [])],
        status=_value(field_value(entity, "status", "")),
    )


def search_documents(atlas: Atlas) -> list[SearchDocument]:
    """Every entry as a search document, in a stable order (kind, then id)."""
    links = Links(atlas)
    return [document_for(entity, kind.key, links) for kind in KINDS for entity in atlas.of(kind.key)]
