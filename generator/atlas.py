"""The gathered, validated content: one context that every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .kinds import KINDS
from .load import Page, Record
from .models import Entity

if TYPE_CHECKING:
    from .exchange.federation.origin import Federation


@dataclass
class Atlas:
    """Every valid entry, by kind key and id, with the file it came from."""

    entries: dict[str, dict[str, Entity]] = field(default_factory=lambda: {kind.key: {} for kind in KINDS})
    sources: dict[tuple[str, str], Record] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    federation: Federation | None = None
    """Other atlases merged into this one, and where each merged entry came from; None: no sources."""

    def of(self, kind: str) -> list[Any]:
        """Entries of one kind, sorted by id for stable output."""
        return [self.entries[kind][key] for key in sorted(self.entries[kind])]

    def get(self, kind: str, key: str | None) -> Any:
        return self.entries[kind].get(key) if key else None
