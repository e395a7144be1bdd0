"""One signal, and what every kind of signal reads: the atlas, its links and the date.

A ``Signal`` says what fired, why (a Dutch sentence with the numbers and dates) and
which entries it is about. The rules that make them live in ``demand``, ``recurring`` and
``upkeep``; ``kinds`` runs them all in a fixed order.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...atlas import Atlas
from ...derive import Links, label
from ...kinds import KIND_BY_KEY
from ...search.lunrbuild import index_terms
from ...vocab import RegionScale

EntryRef = tuple[str, str]
"""(kind key, id) of an entry a signal links."""


@dataclass(frozen=True)
class Signal:
    """Something in the atlas worth a look: a pattern across entries, or upkeep that is due."""

    kind: str
    """Kind of signal, a key of ``signals.SIGNAL_KINDS`` (``herhaling``, ``lacune``, …)."""
    title: str
    """Short Dutch title."""
    reason: str
    """Dutch sentence: why it fired, with the numbers and dates that made it fire."""
    entries: tuple[EntryRef, ...]
    """The entries it is about, most important first."""
    region: str | None = None
    """The region it is about, if one (id)."""
    theme: str | None = None
    """The theme it is about, if one (id)."""


@dataclass(frozen=True)
class Context:
    """What a signal rule reads."""

    atlas: Atlas
    links: Links
    today: date


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier; the last day of the month when it has no such day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def age_nl(months: int) -> str:
    """``7 maanden``; from two years on in years: ``ruim 6 jaar``."""
    if months < 24:
        return f"{months} {'maand' if months == 1 else 'maanden'}"
    years, rest = divmod(months, 12)
    return f"ruim {years} jaar" if rest else f"{years} jaar"


def place_words(atlas: Atlas) -> frozenset[str]:
    """Stemmed words of the regions' names, synonyms and provinces, without the words for a scale
    ("provincie", "regio"): texts from two regions differ in them by nature, so comparisons leave them out."""
    names = (name for region in atlas.of("region") for name in (region.name, *region.synonyms, *region.provinces))
    scales = {word for scale in RegionScale for word in index_terms(f"{scale.value} {scale.label}")}
    return frozenset(word for name in names for word in index_terms(name) if word not in scales)


def ref(entity: Any) -> EntryRef:
    return (type(entity).KIND, entity.id)


def name_of(atlas: Atlas, kind: str, key: str | None) -> str:
    """The label of an entry, or its id when it is not in the atlas."""
    entity = atlas.get(kind, key)
    return label(entity) if entity is not None else str(key)


def quoted(names: Iterable[str]) -> str:
    """'a', 'b' en 'c'."""
    listed = [f"‘{name}’" for name in names]
    if len(listed) < 2:
        return "".join(listed)
    return ", ".join(listed[:-1]) + " en " + listed[-1]


def site_url(entry: EntryRef) -> str:
    """The site path of an entry's page, such as ``vragen/zijn-er-genoeg-mantelzorgers/``."""
    kind, key = entry
    return f"{KIND_BY_KEY[kind].section}/{key}/"


def unique(refs: Iterable[EntryRef]) -> Iterator[EntryRef]:
    """Each reference once, in first-seen order."""
    seen: set[EntryRef] = set()
    for item in refs:
        if item not in seen:
            seen.add(item)
            yield item
