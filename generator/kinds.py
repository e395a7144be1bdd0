"""The kinds of entries: where their files live, where their pages go, what they are called.

One table, so that loading, rendering, exports and search agree on names.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import MODELS, Entity


@dataclass(frozen=True)
class Kind:
    """One kind of entry and its names."""

    key: str
    """Model key, as in ``models.MODELS`` (English, singular)."""
    folder: str
    """Folder under ``content/``."""
    section: str
    """URL section on the site (Dutch)."""
    singular: str
    """Dutch label for one entry."""
    plural: str
    """Dutch label for the overview."""

    @property
    def model(self) -> type[Entity]:
        return MODELS[self.key]


KINDS: tuple[Kind, ...] = (
    Kind("theme", "themes", "themas", "Thema", "Thema's"),
    Kind("partner", "partners", "partners", "Kennispartner", "Kennispartners"),
    Kind("practice", "practices", "praktijken", "Goede praktijk", "Goede praktijken"),
    Kind("region", "regions", "regios", "Regio", "Regio's"),
    Kind("network", "networks", "netwerken", "Netwerk", "Netwerken"),
    Kind("question", "questions", "vragen", "Kennisvraag", "Kennisvragen"),
    Kind("research", "research", "onderzoek", "Onderzoek", "Onderzoek"),
    Kind("event", "events", "agenda", "Bijeenkomst", "Agenda"),
)
KIND_BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}
KIND_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
