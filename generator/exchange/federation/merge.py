"""Merging one source's entries into the atlas.

Ids are namespaced by source: entry ``hitte`` of source ``utrecht`` becomes ``utrecht-hitte``.
Both parts are ids (lowercase letters, digits, single hyphens), so the result is one too, and it
is its page's path (``/themas/utrecht-hitte/``). References inside the source are rewritten the
same way. Some entries are not added but joined to one already here, and references to them
point there:

- a theme or a region with the same id, or whose name or a synonym equals the other's name or a synonym;
- an organisation (partner) whose website has the same host (``www.`` ignored).

A joined entry keeps its own fields and gains the references the source adds (themes, regions, …).
Entries are matched against the atlas as it was before this source: two organisations of one source
that share a website both stay. Everything is checked before anything changes (``plan_source``),
so a source is merged whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ...atlas import Atlas
from ...config import SourceSpec
from ...fieldtypes import ID_MAX
from ...models import Entity
from ..document import DocumentEntry
from .fetch import SourceError
from .origin import Federation, MergedSource, Origin, safe_page_url

JOINED_BY_NAME = ("theme", "region")
SHOWN_PROBLEMS = 20


def namespaced(source: str, entry_id: str) -> str:
    """The id of a source's entry in this atlas."""
    return f"{source}-{entry_id}"


def website_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def names_of(entity: Any) -> set[str]:
    """A theme's or region's name and synonyms, compared without case and extra spaces."""
    return {" ".join(text.casefold().split()) for text in [entity.name, *entity.synonyms]}


class Counterparts:
    """The entries already in the atlas that an incoming entry can be the same as."""

    def __init__(self, atlas: Atlas) -> None:
        self.ids = {kind: set(atlas.entries[kind]) for kind in JOINED_BY_NAME}
        self.names: dict[str, dict[str, str]] = {kind: {} for kind in JOINED_BY_NAME}
        for kind in JOINED_BY_NAME:
            for entity in atlas.of(kind):
                for name in names_of(entity):
                    self.names[kind].setdefault(name, entity.id)
        self.hosts: dict[str, str] = {}
        for partner in atlas.of("partner"):
            self.hosts.setdefault(website_host(partner.website), partner.id)

    def find(self, kind: str, entity: Any) -> str | None:
        """The id of the entry here that ``entity`` is the same as, if any."""
        if kind in JOINED_BY_NAME:
            if entity.id in self.ids[kind]:
                return str(entity.id)
            found = [self.names[kind][name] for name in sorted(names_of(entity)) if name in self.names[kind]]
            return found[0] if found else None
        if kind == "partner":
            return self.hosts.get(website_host(entity.website))
        return None


@dataclass(frozen=True)
class Placed:
    """One incoming entry, references rewritten, with the id it gets here."""

    kind: str
    target_id: str
    entity: Entity
    joined: bool
    origin: Origin


@dataclass(frozen=True)
class Plan:
    source: SourceSpec
    title: str
    placed: list[Placed]


def unique_ids(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def rewritten(entity: Entity, kind: str, mapping: dict[tuple[str, str], str], problems: list[str]) -> Entity:
    """``entity`` with every reference pointing at the id it has here; unknown references are problems."""
    update: dict[str, Any] = {}
    for name, target in entity.REFERENCES.items():
        value = entity.__dict__[name]
        refs: list[str] = value if isinstance(value, list) else [value] if value else []
        for ref in refs:
            if (target, ref) not in mapping:
                problems.append(f"{kind} '{entity.id}', veld {name}: verwijst naar '{ref}', dat niet in de bron staat")
        mapped = [mapping.get((target, ref), ref) for ref in refs]
        update[name] = unique_ids(mapped) if isinstance(value, list) else (mapped[0] if mapped else None)
    return entity.model_copy(update=update)


def joined(existing: Entity, incoming: Entity) -> Entity:
    """An entry already here, with the references the source adds."""
    update: dict[str, Any] = {}
    for name in existing.REFERENCES:
        mine, theirs = existing.__dict__[name], incoming.__dict__[name]
        if isinstance(mine, list):
            update[name] = unique_ids([*mine, *theirs])
        elif not mine and theirs:
            update[name] = theirs
    return existing.model_copy(update=update)


def id_mapping(atlas: Atlas, spec: SourceSpec, entries: list[DocumentEntry], problems: list[str]) -> dict[Any, str]:
    """(kind, id in the source) → id here, for every entry of the source."""
    counterparts = Counterparts(atlas)
    mapping: dict[tuple[str, str], str] = {}
    for entry in entries:
        key = (entry.kind, entry.entity.id)
        if key in mapping:
            problems.append(f"{entry.kind} '{entry.entity.id}' staat twee keer in de bron")
            continue
        found = counterparts.find(entry.kind, entry.entity)
        target = found or namespaced(spec.name, entry.entity.id)
        if found is None and len(target) > ID_MAX:
            problems.append(f"{entry.kind} '{entry.entity.id}': de id '{target}' wordt langer dan {ID_MAX} tekens")
        elif found is None and target in atlas.entries[entry.kind]:
            problems.append(f"{entry.kind} '{entry.entity.id}': de id '{target}' bestaat hier al")
        mapping[key] = target
    return mapping


def plan_source(atlas: Atlas, spec: SourceSpec, title: str, entries: list[DocumentEntry]) -> Plan:
    """Every entry of the source placed in this atlas, or ``SourceError`` listing every problem."""
    problems: list[str] = []
    mapping = id_mapping(atlas, spec, entries, problems)
    placed = []
    for entry in entries:
        target = mapping[(entry.kind, entry.entity.id)]
        origin = Origin(spec.name, title, entry.entity.id, safe_page_url(entry.url))
        entity = rewritten(entry.entity, entry.kind, mapping, problems)
        is_joined = target in atlas.entries[entry.kind]
        placed.append(Placed(entry.kind, target, entity.model_copy(update={"id": target}), is_joined, origin))
    if problems:
        more = f"\n… en nog {len(problems) - SHOWN_PROBLEMS}" if len(problems) > SHOWN_PROBLEMS else ""
        raise SourceError(spec, "geen geldige atlas:\n" + "\n".join(problems[:SHOWN_PROBLEMS]) + more)
    return Plan(spec, title, placed)


def apply_plan(atlas: Atlas, plan: Plan, federation: Federation) -> MergedSource:
    """Put a checked source into the atlas; remember each entry's origin."""
    for item in plan.placed:
        entries = atlas.entries[item.kind]
        entries[item.target_id] = joined(entries[item.target_id], item.entity) if item.joined else item.entity
        origins = federation.origins.setdefault((item.kind, item.target_id), [])
        if item.origin not in origins:
            origins.append(item.origin)
    added = sum(1 for item in plan.placed if not item.joined)
    return MergedSource(plan.source.name, plan.title, plan.source.location, added, len(plan.placed) - added)
