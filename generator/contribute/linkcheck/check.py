"""One run of the link check: find the addresses, check each once, review the dates."""

from __future__ import annotations

from datetime import date

from ...atlas import Atlas
from ...broker.signals.upkeep import REVIEW_MONTHS
from .fetch import LinkChecker
from .politeness import Politeness
from .report import LinkReport
from .review import overdue, reviewed_kinds
from .urls import occurrences


def check_links(
    atlas: Atlas, today: date, politeness: Politeness | None = None, review_months: int = REVIEW_MONTHS
) -> LinkReport:
    """Check every address in ``atlas`` and every ``last_reviewed`` date against ``today``."""
    places = occurrences(atlas)
    results = LinkChecker(politeness or Politeness()).check_all(place.url for place in places)
    reviewed = sum(len(atlas.entries[kind]) for kind in reviewed_kinds())
    return LinkReport(today, places, results, overdue(atlas, today, review_months), review_months, reviewed)
