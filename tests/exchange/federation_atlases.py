"""Two small regional atlases for the federation tests, written as ``atlas.json`` with ``atlas_document``.

The local atlas is the fixture tree (``tests/fixtures/content``). Against it:

- ``noord`` has a theme with the local theme's name (Klimaatadaptatie, id ``klimaat``), one with a
  local id (``droogte``), one of its own (``eenzaamheid``); a region of its own; the local planbureau
  under another id but on the same website host (without ``www.``); a municipality of its own; and the
  local question about cool neighbourhoods, asked in its own region.
- ``zuid`` has the ``noord`` municipality under another id, on the same host, and a theme matching
  ``noord``'s by a synonym.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from generator.build import gather
from generator.config import AtlasConfig
from generator.exchange.document import atlas_document

NOORD = {
    "themes/klimaat.yml": """
        id: klimaat
        name: Klimaatadaptatie
        domains: [fysiek]
        description: Hitte en wateroverlast in het noorden.
        """,
    "themes/droogte.yml": """
        id: droogte
        name: Droogte in het noorden
        domains: [fysiek]
        description: Droge zomers op het platteland.
        """,
    "themes/eenzaamheid.yml": """
        id: eenzaamheid
        name: Eenzaamheid
        domains: [sociaal]
        description: Eenzaamheid onder ouderen en jongeren.
        synonyms: [sociaal isolement]
        """,
    "regions/noordregio.md": """
        ---
        id: noordregio
        name: Noordregio
        scale: provincie
        partners: [gemeente-noord]
        agenda_themes: [eenzaamheid]
        last_reviewed: 2026-10-01
        ---
        De regio in het noorden.
        """,
    "partners/planbureau.yml": """
        id: planbureau
        name: Het Voorbeeld Planbureau
        kind: planbureau
        level: landelijk
        domains: [fysiek, sociaal]
        themes: [eenzaamheid]
        offers: [onderzoek]
        expertise: Onderzoek naar sociale samenhang.
        website: https://example.org/over-ons
        contact:
          url: https://example.org/contact
        last_reviewed: 2026-10-01
        """,
    "partners/gemeente-noord.yml": """
        id: gemeente-noord
        name: Gemeente Noord
        kind: gemeente
        level: lokaal
        domains: [sociaal]
        themes: [eenzaamheid]
        regions: [noordregio]
        offers: [praktijkkennis, advies]
        expertise: Aanpak van eenzaamheid onder ouderen met buurtkamers.
        website: https://www.noord.example.net
        contact:
          email: info@noord.example.net
        last_reviewed: 2026-10-01
        """,
    "questions/wijken-koel-noord.yml": """
        id: wijken-koel-noord
        title: Hoe houden we oude wijken koel?
        question: Welke maatregelen helpen het best tegen hittestress in oude wijken?
        region: noordregio
        themes: [klimaat]
        domains: [fysiek]
        status: ingediend
        submitted: 2026-03-01
        """,
    "practices/buurtkamers.md": """
        ---
        id: buurtkamers
        title: Buurtkamers tegen eenzaamheid
        summary: Ouderen ontmoeten elkaar in buurtkamers.
        who: De gemeente en vrijwilligers.
        what: Een kamer in elke wijk, elke dag open.
        needs: Vrijwilligers en een ruimte.
        themes: [eenzaamheid]
        regions: [noordregio]
        partners: [gemeente-noord]
        variant: actief
        source: Gemeente Noord
        last_reviewed: 2026-10-01
        ---
        Achtergrond bij de buurtkamers.
        """,
}
ZUID = {
    "themes/alleen.yml": """
        id: alleen
        name: Alleen zijn
        domains: [sociaal]
        description: Mensen die er alleen voor staan.
        synonyms: [eenzaamheid]
        """,
    "partners/noordgemeente.yml": """
        id: noordgemeente
        name: Gemeente Noord (zuidelijk kantoor)
        kind: gemeente
        level: regionaal
        domains: [sociaal]
        themes: [alleen]
        offers: [netwerk]
        expertise: Netwerken van vrijwilligers.
        website: https://noord.example.net/zuid
        contact:
          email: zuid@noord.example.net
        last_reviewed: 2026-10-01
        """,
}
SITE_URLS = {"noord": "https://noord.example.nl/", "zuid": "https://zuid.example.nl/"}


REQUIRED_PAGES = ("over", "privacy", "toegankelijkheid")


def write_tree(folder: Path, files: dict[str, str]) -> Path:
    """A content tree: ``files`` and the pages every atlas must have."""
    for page in REQUIRED_PAGES:
        (folder / "pages").mkdir(parents=True, exist_ok=True)
        (folder / "pages" / f"{page}.md").write_text(f"# {page.capitalize()}\n\nEen testpagina.\n", encoding="utf-8")
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def document_of(content: Path, name: str, site_url: str) -> dict[str, Any]:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    return atlas_document(atlas, name=name, site_url=site_url, commit=None)


def write_atlas_json(folder: Path, key: str, files: dict[str, str]) -> Path:
    """A regional atlas from ``files``, validated, written as ``folder/<key>.json``."""
    content = write_tree(folder / f"{key}-content", files)
    target = folder / f"{key}.json"
    document = document_of(content, f"Kennisatlas {key.capitalize()}", SITE_URLS[key])
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target
