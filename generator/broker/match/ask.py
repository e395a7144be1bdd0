"""An ``Ask`` from what the asker gave, with every id checked against the atlas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...errors import AtlasError, suggest
from .matcher import Ask


def known(kind_label: str, value: str, table: dict[str, Any]) -> str:
    if value not in table:
        raise AtlasError(f"onbekende {kind_label} '{value}'{suggest(value, sorted(table))}")
    return value


def ask_from_arguments(
    data: dict[str, Any],
    text: str,
    region: str | None,
    themes: Sequence[str],
    needs: Sequence[str],
    domain: str | None,
) -> Ask:
    """The ask, or ``AtlasError`` naming an unknown region or theme id (with a suggestion)."""
    return Ask(
        text=text,
        region=known("regio", region, data["regions"]) if region else None,
        themes=tuple(known("thema", theme, data["themes"]) for theme in themes),
        needs=tuple(needs),
        domain=domain,
    )
