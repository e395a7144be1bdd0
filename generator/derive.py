"""Stage 3, derive: relations seen from both sides, and the groupings pages need.

A reference is written once, on one side (a practice names its partners); the
``Links`` graph makes it visible from the other side too (the partner page
lists the practice). Nothing here writes files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .atlas import Atlas
from .models import Entity
from .vocab import Level, PartnerKind, QuestionStatus

Key = tuple[str, str]


def field_value(entity: Any, name: str, default: Any = None) -> Any:
    """A field if this kind has it. (getattr on a pydantic model for a missing name is slow:
    across 20,000 entries and a dozen optional names it cost seconds.)"""
    return entity.__dict__.get(name, default)


def label(entity: Any) -> str:
    """What an entry is called on the site."""
    return str(field_value(entity, "name") or field_value(entity, "title") or entity.id)


def sort_key(entity: Any) -> tuple[str, str]:
    return (label(entity).casefold(), entity.id)


class Links:
    """Every reference between entries, traversable in both directions."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._edges: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for kind, entries in atlas.entries.items():
            for entity in entries.values():
                self._add_references(kind, entity)

    def _add_references(self, kind: str, entity: Entity) -> None:
        for _, target, ref in entity.references():
            self._edges[(kind, entity.id)][target].add(ref)
            self._edges[(target, ref)][kind].add(entity.id)

    def linked(self, kind: str, key: str, target: str) -> list[Any]:
        """Entries of kind ``target`` linked to (kind, key) either way, by label."""
        ids = self._edges.get((kind, key), {}).get(target, set())
        found = [self.atlas.entries[target][ref] for ref in ids if ref in self.atlas.entries[target]]
        return sorted(found, key=sort_key)

    def linked_ids(self, kind: str, key: str, target: str) -> set[str]:
        return set(self._edges.get((kind, key), {}).get(target, set()))


def by_level(partners: Iterable[Any]) -> list[tuple[Level, list[Any]]]:
    """Partners grouped lokaal → regionaal → landelijk; empty groups left out."""
    groups = [(level, [p for p in partners if p.level == level]) for level in Level]
    return [(level, members) for level, members in groups if members]


def by_partner_kind(partners: Iterable[Any]) -> list[tuple[PartnerKind, list[Any]]]:
    listed = list(partners)
    groups = [(kind, [p for p in listed if p.kind == kind]) for kind in PartnerKind]
    return [(kind, members) for kind, members in groups if members]


def split_open(questions: Iterable[Any]) -> tuple[list[Any], list[Any]]:
    """(open questions, answered questions)."""
    listed = list(questions)
    answered = [q for q in listed if q.status == QuestionStatus.BEANTWOORD]
    return [q for q in listed if q.status != QuestionStatus.BEANTWOORD], answered


def whom_to_ask(links: Links, theme_id: str) -> list[tuple[Any, list[Any]]]:
    """Per region, the partners that know this theme and work in that region."""
    theme_partners = links.linked_ids("theme", theme_id, "partner")
    result = []
    for region in sorted(links.atlas.entries["region"].values(), key=sort_key):
        local = [p for p in links.linked("region", region.id, "partner") if p.id in theme_partners]
        if local:
            result.append((region, local))
    return result


def national_partners(links: Links, theme_ids: Iterable[str]) -> list[Any]:
    """Landelijke partners working on any of the themes (all of them when there are none)."""
    themes = set(theme_ids)
    partners = [p for p in links.atlas.of("partner") if p.level == Level.LANDELIJK]
    if themes:
        partners = [p for p in partners if themes & links.linked_ids("partner", p.id, "theme")]
    return sorted(partners, key=sort_key)


def group_by_links(links: Links, entries: Iterable[Any], kind: str, target: str) -> list[tuple[Any, list[Any]]]:
    """Entries grouped under each linked ``target`` entry; unlinked ones under None (last)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    loose = []
    for entry in entries:
        targets = links.linked_ids(kind, entry.id, target)
        for ref in targets:
            groups[ref].append(entry)
        if not targets:
            loose.append(entry)
    ordered: list[tuple[Any, list[Any]]] = [
        (links.atlas.entries[target][ref], sorted(members, key=sort_key))
        for ref, members in groups.items()
        if ref in links.atlas.entries[target]
    ]
    ordered.sort(key=lambda pair: sort_key(pair[0]))
    if loose:
        ordered.append((None, sorted(loose, key=sort_key)))
    return ordered


def agendas_with(links: Links, question_id: str) -> list[Any]:
    """Regions that put this question on their kennisagenda."""
    return [r for r in links.linked("question", question_id, "region") if question_id in r.agenda_questions]


REGION_THEME_SOURCES = ("practice", "question", "research", "network", "event", "partner")


def region_themes(links: Links, region_id: str) -> list[Any]:
    """The themes of a region: its agenda, and the themes of what happens and who works there."""
    found = {theme.id: theme for theme in links.linked("region", region_id, "theme")}
    for kind in REGION_THEME_SOURCES:
        for entry in links.linked("region", region_id, kind):
            found.update((theme.id, theme) for theme in links.linked(kind, entry.id, "theme"))
    return sorted(found.values(), key=sort_key)
