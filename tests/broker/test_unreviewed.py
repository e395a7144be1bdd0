"""``upkeep.unreviewed``: the one selection of entries past their review date, for the signals and check-links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.broker.signals.kinds import signals
from generator.broker.signals.upkeep import REVIEW_MONTHS, REVIEWED_KINDS, unreviewed
from generator.build import gather
from generator.config import AtlasConfig
from generator.contribute.linkcheck.review import overdue, reviewed_kinds

Write = Callable[[str, str], Path]
# Every entry of the fixture tree with the field was last reviewed on 2026-11-01.
ALL_REVIEWED = [
    ("partner", "gemeente-voorbeeld"),
    ("partner", "voorbeeld-planbureau"),
    ("practice", "koele-wijken"),
    ("region", "voorbeeldregio"),
    ("network", "voorbeeldnetwerk"),
    ("research", "droogte-verkenning"),
]


def atlas_of(content: Path) -> Any:
    return gather(AtlasConfig(root=content.parent, content_dir=content).resolve())


@pytest.mark.parametrize(
    ("today", "months", "late", "age"),
    [
        (date(2027, 11, 1), REVIEW_MONTHS, [], 0),
        (date(2027, 11, 2), REVIEW_MONTHS, ALL_REVIEWED, 12),
        (date(2028, 1, 15), REVIEW_MONTHS, ALL_REVIEWED, 14),
        (date(2027, 5, 1), 6, [], 0),
        (date(2027, 5, 2), 6, ALL_REVIEWED, 6),
        (date(2026, 11, 30), 0, ALL_REVIEWED, 0),
    ],
)
def test_entries_past_the_threshold_with_their_age(
    content: Path, today: date, months: int, late: list[tuple[str, str]], age: int
) -> None:
    found = list(unreviewed(atlas_of(content), today, reviewed_kinds(), months))
    assert [(item.kind, item.entry.id) for item in found] == late
    assert {(item.last_reviewed, item.months) for item in found} <= {(date(2026, 11, 1), age)}


@pytest.mark.parametrize(
    ("kinds", "late"),
    [
        (("partner",), ALL_REVIEWED[:2]),
        (("research", "practice"), [("research", "droogte-verkenning"), ("practice", "koele-wijken")]),
        ((), []),
    ],
)
def test_only_the_kinds_asked_for_kind_by_kind(content: Path, kinds: tuple[str, ...], late: list[Any]) -> None:
    found = unreviewed(atlas_of(content), date(2028, 1, 1), kinds)
    assert [(item.kind, item.entry.id) for item in found] == late


@pytest.mark.parametrize(
    ("today", "late", "age"),
    [
        # Six months before 28 February is 28 August: the 31st is not yet late, and is on 1 March.
        (date(2026, 2, 28), False, 0),
        (date(2026, 3, 1), True, 6),
    ],
)
def test_a_month_without_the_day_counts_to_its_last_day(content: Path, today: date, late: bool, age: int) -> None:
    file = content / "partners" / "gemeente-voorbeeld.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("2026-11-01", "2025-08-31"), encoding="utf-8")
    found = list(unreviewed(atlas_of(content), today, ["partner"], 6))
    assert [(item.entry.id, item.months) for item in found] == ([("gemeente-voorbeeld", age)] if late else [])


@pytest.mark.parametrize("today", [date(2027, 11, 1), date(2027, 11, 2), date(2029, 6, 30)])
def test_the_signal_and_check_links_call_the_same_entries_late(content: Path, today: date) -> None:
    atlas = atlas_of(content)
    signalled = [signal for signal in signals(atlas, today) if "niet gecontroleerd" in signal.title]
    listed = overdue(atlas, today)
    assert sorted(signal.entries[0] for signal in signalled) == sorted(
        (item.kind, item.id) for item in listed if item.kind in REVIEWED_KINDS
    )
    assert {item.kind for item in listed} == ({kind for kind, _ in ALL_REVIEWED} if listed else set())
