"""The numbers of the Overzicht page: coverage, counts and the question lifecycle of the whole atlas.

Pure functions from ``Atlas``/``Links`` to small frozen dataclasses; drawing lives in
``svg`` and the network picture's graph in ``network``. Every picture and
its table read the same dataclass, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ...derive import Links, label, sort_key
from ...vocab import Domain, Level, PartnerKind, QuestionStatus, Variant

NATIONAL = "Landelijk"
"""The column (and network node) for what is not tied to one region."""


@dataclass(frozen=True)
class Column:
    """A region of the coverage matrix, or the national column (``region_id`` None)."""

    region_id: str | None
    label: str


@dataclass(frozen=True)
class Cell:
    questions: int
    supply: int

    @property
    def gap(self) -> bool:
        """Questions asked where the atlas knows no supply."""
        return self.questions > 0 and self.supply == 0


@dataclass(frozen=True)
class CoverageRow:
    theme_id: str
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Coverage:
    """Theme × region: how many questions and how much supply (partners, practices, research)."""

    columns: tuple[Column, ...]
    rows: tuple[CoverageRow, ...]


def is_national_partner(links: Links, partner: Any) -> bool:
    """Landelijk partners, and partners that name no region: they count in the national column."""
    return bool(partner.level == Level.LANDELIJK or not links.linked_ids("partner", partner.id, "region"))


def _places(links: Links, kind: str, entry: Any) -> set[str | None]:
    """The columns an entry counts in: its regions, and None for national."""
    if kind == "partner":
        places: set[str | None] = set(links.linked_ids("partner", entry.id, "region"))
        if is_national_partner(links, entry):
            places.add(None)
        return places
    if kind == "practice":
        return set(entry.regions) or {None}
    return {entry.region}  # research and questions: one region or national


SUPPLY_KINDS = ("partner", "practice", "research")


def coverage(links: Links) -> Coverage:
    """Questions and supply per theme and region.

    Supply in a cell: partners, practices and research on the theme that work in the region
    (partner: its regions, either side of the reference; practice: its regions; research: its
    region). The national column holds landelijk partners and partners without a region, and
    practices and research without a region. Questions: those on the theme from that region
    (no region: national). overview.md.j2 says the same in one Dutch sentence.
    """
    atlas = links.atlas
    regions = sorted(atlas.entries["region"].values(), key=sort_key)
    columns = (*(Column(region.id, label(region)) for region in regions), Column(None, NATIONAL))
    supply: dict[tuple[str, str | None], int] = {}
    questions: dict[tuple[str, str | None], int] = {}
    for kind in (*SUPPLY_KINDS, "question"):
        counter = questions if kind == "question" else supply
        for entry in atlas.entries[kind].values():
            places = _places(links, kind, entry)
            for theme_id in links.linked_ids(kind, entry.id, "theme"):
                for place in places:
                    counter[(theme_id, place)] = counter.get((theme_id, place), 0) + 1
    rows = tuple(
        CoverageRow(
            theme.id,
            label(theme),
            tuple(
                Cell(questions.get((theme.id, c.region_id), 0), supply.get((theme.id, c.region_id), 0)) for c in columns
            ),
        )
        for theme in sorted(atlas.entries["theme"].values(), key=sort_key)
    )
    return Coverage(columns, rows)


@dataclass(frozen=True)
class CountRow:
    label: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class CountTable:
    """One count: rows (a vocabulary) against one or more series (kinds of entries)."""

    key: str
    caption: str
    row_header: str
    series: tuple[str, ...]
    rows: tuple[CountRow, ...]


def _count(entries: Iterable[Any], values: Iterable[Any], pick: Callable[[Any], Iterable[Any]]) -> dict[Any, int]:
    counts = {value: 0 for value in values}
    for entry in entries:
        for value in pick(entry):
            counts[value] += 1
    return counts


def counts(links: Links) -> tuple[CountTable, ...]:
    """Entries per variant, domain, level and partner kind, every vocabulary value listed (zeros too)."""
    atlas = links.atlas
    partners = atlas.of("partner")
    variants: list[Variant | None] = [*Variant, None]
    per_practice = _count(atlas.of("practice"), variants, lambda e: [e.variant])
    per_region = _count(atlas.of("region"), variants, lambda e: [e.variant])
    variant_rows = tuple(
        CountRow(v.label if v else "Nog geen variant gekozen", (per_practice[v], per_region[v])) for v in variants
    )
    domain_kinds = ("theme", "partner", "question")
    per_domain = [_count(atlas.of(kind), Domain, lambda e: set(e.domains)) for kind in domain_kinds]
    per_level = _count(partners, Level, lambda e: [e.level])
    per_kind = _count(partners, PartnerKind, lambda e: [e.kind])
    return (
        CountTable(
            "variant",
            "Goede praktijken en regio's per variant",
            "Variant",
            ("Goede praktijken", "Regio's"),
            variant_rows,
        ),
        CountTable(
            "domain",
            "Thema's, kennispartners en kennisvragen per domein",
            "Domein",
            ("Thema's", "Kennispartners", "Kennisvragen"),
            tuple(CountRow(d.label, tuple(counted[d] for counted in per_domain)) for d in Domain),
        ),
        CountTable(
            "level",
            "Kennispartners per schaal",
            "Schaal",
            ("Kennispartners",),
            tuple(CountRow(level.label, (per_level[level],)) for level in Level),
        ),
        CountTable(
            "partner-kind",
            "Kennispartners per soort organisatie",
            "Soort organisatie",
            ("Kennispartners",),
            tuple(CountRow(kind.label, (per_kind[kind],)) for kind in PartnerKind),
        ),
    )


@dataclass(frozen=True)
class Stage:
    """One step of the question lifecycle: questions now in it, and questions that reached it."""

    status: QuestionStatus
    current: int
    reached: int


def funnel(links: Links) -> tuple[Stage, ...]:
    """Questions per status in vocabulary order; ``reached`` counts this stage and every later one."""
    order = list(QuestionStatus)
    current = _count(links.atlas.of("question"), order, lambda e: [e.status])
    return tuple(
        Stage(status, current[status], sum(current[later] for later in order[index:]))
        for index, status in enumerate(order)
    )
