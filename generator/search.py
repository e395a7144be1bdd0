"""Derive the search documents: one short, flat record per entry.

Documents are deliberately small (title, keywords, a bounded text) because
the index has to stay light at 20,000 entries. Facet values are ids; their
labels travel once, in the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .atlas import Atlas
from .derive import Links, label, region_themes
from .kinds import KIND_BY_KEY, KINDS

NATIONAL = "landelijk"
TEXT_WORDS = 120
SNIPPET_CHARACTERS = 160
_MARKDOWN_NOISE = re.compile(r"[*_`#>\[\]()|]|https?://\S+")


@dataclass
class SearchDocument:
    """What the search page needs of one entry."""

    kind: str
    url: str
    title: str
    keywords: str
    """Kind, abbreviation, theme names and synonyms, region names, level, domains, status."""
    text: str
    """The entry's prose as plain text, at most TEXT_WORDS words."""
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    level: str = ""
    domains: list[str] = field(default_factory=list)
    status: str = ""

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
    return plain_text(*(getattr(entity, name, None) for name in fields))


def document_for(entity: Any, kind_key: str, links: Links) -> SearchDocument:
    kind = KIND_BY_KEY[kind_key]
    themes = links.linked(kind_key, entity.id, "theme")
    regions = links.linked(kind_key, entity.id, "region")
    if kind_key == "theme":
        themes = [entity]
    if kind_key == "region":
        regions = [entity]
        themes = region_themes(links, entity.id)
    keywords = [kind.singular, getattr(entity, "abbreviation", None) or ""]
    for theme in themes:
        keywords += [theme.name, *theme.synonyms]
    for region in regions:
        keywords += [region.name, *region.synonyms]
    domains = [_value(d) for d in getattr(entity, "domains", [])]
    level = _value(getattr(entity, "level", ""))
    status = _value(getattr(entity, "status", ""))
    for labelled in (getattr(entity, "level", None), getattr(entity, "status", None), *getattr(entity, "domains", [])):
        if labelled is not None:
            keywords.append(labelled.label)
    return SearchDocument(
        kind=kind_key,
        url=f"{kind.section}/{entity.id}/",
        title=label(entity),
        keywords=" ".join(word for word in keywords if word),
        text=_prose(entity),
        themes=[theme.id for theme in themes],
        regions=[region.id for region in regions],
        level=level,
        domains=domains,
        status=status,
    )


def search_documents(atlas: Atlas) -> list[SearchDocument]:
    """Every entry as a search document, in a stable order (kind, then id)."""
    links = Links(atlas)
    return [document_for(entity, kind.key, links) for kind in KINDS for entity in atlas.of(kind.key)]
