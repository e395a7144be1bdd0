"""``atlas new`` writes a commented template that validates straight away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.kinds import KINDS
from tests.conftest import CliResult


@pytest.mark.parametrize("kind", [kind.key for kind in KINDS])
def test_new_entry_validates(content: Path, atlas_cli: Callable[..., CliResult], kind: str) -> None:
    created = atlas_cli("new", kind, "nieuw-item", "--content", str(content))
    assert created.code == 0, created.err
    path = next(content.glob("*/nieuw-item.md"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# Nieuw:")
    assert "id: nieuw-item" in text
    checked = atlas_cli("validate", "--content", str(content))
    assert checked.code == 0, checked.err


def test_new_refuses_bad_id_and_existing_file(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    bad = atlas_cli("new", "theme", "Geen_Id", "--content", str(content))
    assert bad.code == 1
    assert "geen geldige id" in bad.err
    existing = atlas_cli("new", "theme", "droogte", "--content", str(content))
    assert existing.code == 1
    assert "bestaat al" in existing.err
