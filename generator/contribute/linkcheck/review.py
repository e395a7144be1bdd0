"""Entries whose ``last_reviewed`` date is past the review threshold.

The threshold is the one the signals use for partners and practices (``REVIEW_MONTHS``,
twelve months), here applied to every kind that has the field: partners, practices,
regions, networks and research.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...atlas import Atlas
from ...broker.signals.signal import months_before, months_between
from ...broker.signals.upkeep import REVIEW_MONTHS
from ...derive import label
from ...kinds import KINDS

REVIEWED_FIELD = "last_reviewed"


@dataclass(frozen=True, order=True)
class Overdue:
    """An entry not reviewed within the threshold, and where its date is written."""

    path: str
    line: int
    kind: str
    id: str
    name: str
    last_reviewed: date
    months: int
    """Whole months from ``last_reviewed`` to today."""


def reviewed_kinds() -> list[str]:
    """The kinds whose model has a ``last_reviewed`` field."""
    return [kind.key for kind in KINDS if REVIEWED_FIELD in kind.model.model_fields]


def overdue(atlas: Atlas, today: date, months: int = REVIEW_MONTHS) -> list[Overdue]:
    """Every entry last reviewed before ``months`` months ago, sorted by file."""
    limit = months_before(today, months)
    found = []
    for kind in reviewed_kinds():
        for entry in atlas.of(kind):
            reviewed: date = getattr(entry, REVIEWED_FIELD)
            if reviewed < limit:
                record = atlas.sources[(kind, entry.id)]
                line = record.document.position((REVIEWED_FIELD,))[0]
                age = months_between(reviewed, today)
                found.append(Overdue(record.path, line, kind, entry.id, label(entry), reviewed, age))
    return sorted(found)
