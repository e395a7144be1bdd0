"""Signals of demand and supply: knowledge gaps, and research that may be done twice.

Supply of a theme is every partner, practice and research entry linked to it. Where it
is active: a landelijke partner, a practice without regions and research without a
region count for every region; other partners count in the regions they are linked to,
practices in their regions, research in its region. A partner that is not landelijk and
names no region is supply somewhere, but in no region in particular.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from ...derive import label, sort_key
from ...render import date_nl
from ...search.lunrbuild import index_terms
from ...vocab import Level, QuestionStatus, ResearchStatus
from .signal import Context, EntryRef, Signal, name_of, place_words, quoted, ref

SUPPLY_KINDS = ("partner", "practice", "research")
NATIONAL = ""
"""Where national supply is active: every region."""


def supply_places(ctx: Context, entry: Any) -> set[str]:
    """The regions a supply entry is active in; ``{NATIONAL}`` for all of them."""
    kind = type(entry).KIND
    if kind == "partner":
        if entry.level == Level.LANDELIJK:
            return {NATIONAL}
        return ctx.links.linked_ids("partner", entry.id, "region")
    if kind == "practice":
        return set(entry.regions) or {NATIONAL}
    return {entry.region or NATIONAL}


def supply_of(ctx: Context) -> dict[str, set[str]]:
    """Per theme id: the places (region ids, ``NATIONAL``) where some supply on it is active.

    A theme with supply only in no particular place maps to an empty set; a theme with no
    supply at all is missing from the result."""
    places: dict[str, set[str]] = {}
    for kind in SUPPLY_KINDS:
        for entry in ctx.atlas.of(kind):
            where = supply_places(ctx, entry)
            for theme in ctx.links.linked_ids(kind, entry.id, "theme"):
                places.setdefault(theme, set()).update(where)
    return places


def open_questions_by_theme(ctx: Context) -> dict[str, list[Any]]:
    """Per theme id: its questions that are not answered, by submission date."""
    found: dict[str, list[Any]] = defaultdict(list)
    for question in ctx.atlas.of("question"):
        if question.status != QuestionStatus.BEANTWOORD:
            for theme in question.themes:
                found[theme].append(question)
    for questions in found.values():
        questions.sort(key=lambda q: (q.submitted, q.id))
    return found


def sentence_start(text: str) -> str:
    """The text with a capital first letter (``str.capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


def count_questions(count: int) -> str:
    return f"{count} open {'vraag' if count == 1 else 'vragen'}"


def gaps(ctx: Context) -> Iterator[Signal]:
    """Themes with open questions and no supply: nationally, then per region (with the kennisagenda)."""
    supply = supply_of(ctx)
    demand = open_questions_by_theme(ctx)
    national_gaps = {theme for theme in demand if theme not in supply and ctx.atlas.get("theme", theme)}
    for theme in sorted(national_gaps, key=lambda key: sort_key(ctx.atlas.get("theme", key))):
        questions = demand[theme]
        regions = sorted({name_of(ctx.atlas, "region", q.region) if q.region else "landelijk" for q in questions})
        yield Signal(
            kind="lacune",
            title=f"Geen kennisaanbod: {name_of(ctx.atlas, 'theme', theme)}",
            reason=(
                f"Er {'is' if len(questions) == 1 else 'zijn'} {count_questions(len(questions))} over dit thema "
                f"({', '.join(regions)}), maar geen kennispartner, goede praktijk of onderzoek is eraan gekoppeld."
            ),
            entries=(("theme", theme), *(ref(q) for q in questions)),
            theme=theme,
        )
    for region in ctx.atlas.of("region"):
        yield from regional_gaps(ctx, region, supply, demand, national_gaps)


def regional_gaps(
    ctx: Context, region: Any, supply: dict[str, set[str]], demand: dict[str, list[Any]], national_gaps: set[str]
) -> Iterator[Signal]:
    """Themes asked about in the region or on its kennisagenda, with no supply there nor nationally.

    A theme without any supply is signalled once nationally; here only when it is on the agenda."""
    asked = {theme: [q for q in questions if q.region == region.id] for theme, questions in demand.items()}
    themes = {theme for theme, questions in asked.items() if questions and theme not in national_gaps}
    themes.update(region.agenda_themes)
    for theme in sorted(themes, key=lambda key: sort_key(ctx.atlas.get("theme", key))):
        places = supply.get(theme, set())
        if NATIONAL in places or region.id in places:
            continue
        questions = asked.get(theme, [])
        facts = []
        if questions:
            facts.append(f"{count_questions(len(questions))} uit {region.name}")
        if theme in region.agenda_themes:
            facts.append("het thema staat op de kennisagenda van de regio")
        elsewhere = len(places - {NATIONAL})
        regions = "regio" if elsewhere == 1 else "regio's"
        where = f" Wel in {elsewhere} andere {regions}." if elsewhere else ""
        yield Signal(
            kind="lacune",
            title=f"Geen aanbod in {region.name}: {name_of(ctx.atlas, 'theme', theme)}",
            reason=(
                f"{sentence_start(' en '.join(facts))}, maar geen kennispartner, goede praktijk of onderzoek over "
                f"dit thema is actief in {region.name} of landelijk.{where}"
            ),
            entries=(ref(region), ("theme", theme), *(ref(q) for q in questions)),
            region=region.id,
            theme=theme,
        )


# ---------------------------------------------------------------- research overlap


@dataclass(frozen=True)
class Study:
    """What the overlap rule compares of one research entry."""

    entry: Any
    period: tuple[date, date | None]
    groups: frozenset[str]
    """Stemmed words of its target groups, stop words left out."""


def research_period(research: Any, today: date) -> tuple[date, date | None] | None:
    """(first day, last day or None while open-ended) of what is known for certain; None when unknown.

    A start without an end is still running, unless it is finished (then its end is unknown).
    Without a start only ``lopend`` research has a known period: it runs today, by its status.
    A wish or finished research without dates never overlaps anything."""
    if research.start is not None:
        if research.end is None and research.status == ResearchStatus.AFGEROND:
            return None
        return (research.start, research.end)
    if research.status == ResearchStatus.LOPEND:
        if research.end is not None and research.end < today:
            return (research.end, research.end)
        return (today, research.end)
    return None


def periods_overlap(one: tuple[date, date | None], other: tuple[date, date | None]) -> bool:
    return (one[1] is None or other[0] <= one[1]) and (other[1] is None or one[0] <= other[1])


def period_nl(research: Any) -> str:
    if research.start and research.end:
        return f"{date_nl(research.start)} tot {date_nl(research.end)}"
    if research.start:
        return f"vanaf {date_nl(research.start)}"
    if research.end:
        return f"lopend tot {date_nl(research.end)}"
    return "lopend"


def studies(ctx: Context) -> dict[str, list[Study]]:
    """Per theme id: the research on it with a known period and named target groups.

    Place names are left out of the target groups: "inwoners van Utrecht" and "ondernemers
    in Utrecht" are different groups."""
    found: dict[str, list[Study]] = defaultdict(list)
    places = place_words(ctx.atlas)
    for research in ctx.atlas.of("research"):
        period = research_period(research, ctx.today)
        groups = frozenset(term for group in research.target_groups for term in index_terms(group)) - places
        if period is not None and groups:
            for theme in research.themes:
                found[theme].append(Study(research, period, groups))
    return found


def overlapping(one: Study, other: Study) -> bool:
    """Same target group, overlapping periods, no executing partner in common, compatible regions."""
    a, b = one.entry, other.entry
    return (
        bool(one.groups & other.groups)
        and periods_overlap(one.period, other.period)
        and not set(a.partners) & set(b.partners)
        and (a.region is None or b.region is None or a.region == b.region)
    )


def overlaps(ctx: Context) -> Iterator[Signal]:
    """Pairs of research entries that may be the same research twice, or ask the same group twice."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    pairs: dict[tuple[str, str], tuple[Study, Study]] = {}
    for theme, listed in studies(ctx).items():
        for one, other in combinations(listed, 2):
            key = (one.entry.id, other.entry.id)
            if key in pairs or overlapping(one, other):
                pairs[key] = (one, other)
                shared[key].append(theme)
    for key in sorted(pairs):
        yield overlap_signal(ctx, *pairs[key], shared[key])


def overlap_signal(ctx: Context, one: Study, other: Study, themes: list[str]) -> Signal:
    a, b = one.entry, other.entry

    def by(research: Any) -> str:
        names = [name_of(ctx.atlas, "partner", key) for key in research.partners]
        return quoted(names) if names else "(geen uitvoerder genoemd)"

    theme_names = sorted(name_of(ctx.atlas, "theme", theme) for theme in themes)
    partners: list[EntryRef] = [("partner", key) for key in (*a.partners, *b.partners)]
    return Signal(
        kind="overlap",
        title=f"Mogelijk dubbel onderzoek: {label(a)} en {label(b)}",
        reason=(
            f"Beide gaan over {quoted(theme_names)} en over dezelfde doelgroep "
            f"({quoted(a.target_groups)}; {quoted(b.target_groups)}), in dezelfde periode "
            f"({period_nl(a)}; {period_nl(b)}), door verschillende partners ({by(a)}; {by(b)})."
        ),
        entries=(ref(a), ref(b), *partners),
        region=a.region or b.region,
        theme=sorted(themes)[0],
    )
