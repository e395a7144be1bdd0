"""The build date: explicit, else SOURCE_DATE_EPOCH, else the clock."""

from __future__ import annotations

from datetime import date

import pytest

from generator.clock import today
from generator.errors import AtlasError


def test_explicit_date_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert today(date(2024, 5, 1)) == date(2024, 5, 1)


def test_source_date_epoch_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert today() == date(2023, 11, 14)


def test_clock_without_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert today() == date.today()


@pytest.mark.parametrize("value", ["gisteren", "1e99"])
def test_bad_epoch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(AtlasError, match="SOURCE_DATE_EPOCH"):
        today()
