"""Entries whose ``last_reviewed`` date is past the review threshold.

The selection is the one the signals make for partners and practices (``upkeep.unreviewed``,
``REVIEW_MONTHS``: twelve months), here over every kind that has the field: partners, practices,
regions, networks and research; each found entry is located at the line of its date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...atlas import Atlas
from ...broker.signals.upkeep import REVIEW_MONTHS, REVIEWED_FIELD, unreviewed
from ...derive import label
from ...kinds import KINDS


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
    found = []
    for late in unreviewed(atlas, today, reviewed_kinds(), months):
        record = atlas.sources[(late.kind, late.entry.id)]
        line = record.document.position((REVIEWED_FIELD,))[0]
        entry = late.entry
        found.append(Overdue(record.path, line, late.kind, entry.id, label(entry), late.last_reviewed, late.months))
    return sorted(found)
