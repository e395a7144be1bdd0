"""The page ``/open-data/``: every open-data file, what it holds, its format, licence and citation.

The page lists the files it is given, so a new producer's files appear without a change here;
a file whose name it does not know is listed under "Overige bestanden" by its format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..derive import label
from ..kinds import KIND_BY_FOLDER
from ..render import md_escape
from .feeds import FEED_LIMIT, latest_content_date
from .opendata import FOLDER, OpenData

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
FORMATS = {
    ".json": "JSON (UTF-8)",
    ".xml": "Atom-feed (XML)",
    ".ics": "iCalendar (.ics)",
    ".csv": "CSV (UTF-8)",
    ".xlsx": "Excel-werkmap (.xlsx)",
}
CSV_SEMICOLON = "CSV met puntkomma's, UTF-8 met BOM: opent goed in Nederlandse Excel"
CSV_COMMA = "CSV met komma's, UTF-8 met BOM: voor andere programma's"


@dataclass(frozen=True)
class Row:
    section: str
    name: str
    holds: str
    format: str


Describe = Callable[[re.Match[str], OpenData], Row]


def _plural(folder: str) -> str:
    kind = KIND_BY_FOLDER.get(folder)
    return kind.plural.lower() if kind else md_escape(folder)


def _owner(kind: str, key: str, data: OpenData) -> str:
    entity = data.atlas.get(kind, key)
    return md_escape(label(entity)) if entity else md_escape(key)


SECTIONS = ("Alles in één bestand", "Tabellen", "Nieuw en gewijzigd", "Agenda", "Velden", "Overige bestanden")
PATTERNS: list[tuple[re.Pattern[str], Describe]] = [
    (
        re.compile(r"atlas\.json"),
        lambda m, d: Row(
            SECTIONS[0], m[0], "Alle items van alle soorten, met hun adres, verbanden en versie.", FORMATS[".json"]
        ),
    ),
    (
        re.compile(r"([a-z-]+)-komma\.csv"),
        lambda m, d: Row(SECTIONS[1], m[0], f"Alle {_plural(m[1])}, één rij per item.", CSV_COMMA),
    ),
    (
        re.compile(r"([a-z-]+)\.csv"),
        lambda m, d: Row(SECTIONS[1], m[0], f"Alle {_plural(m[1])}, één rij per item.", CSV_SEMICOLON),
    ),
    (
        re.compile(r"[a-z0-9-]+\.xlsx"),
        lambda m, d: Row(SECTIONS[1], m[0], "Alle items, met een tabblad per soort.", FORMATS[".xlsx"]),
    ),
    (
        re.compile(r"feeds/atlas\.xml"),
        lambda m, d: Row(SECTIONS[2], m[0], "Nieuwe en gewijzigde items in de hele atlas.", FORMATS[".xml"]),
    ),
    (
        re.compile(r"feeds/themas/(.+)\.xml"),
        lambda m, d: Row(SECTIONS[2], m[0], f"Bij het thema {_owner('theme', m[1], d)}.", FORMATS[".xml"]),
    ),
    (
        re.compile(r"feeds/regios/(.+)\.xml"),
        lambda m, d: Row(SECTIONS[2], m[0], f"In de regio {_owner('region', m[1], d)}.", FORMATS[".xml"]),
    ),
    (
        re.compile(r"agenda\.ics"),
        lambda m, d: Row(SECTIONS[3], m[0], "Alle bijeenkomsten.", FORMATS[".ics"]),
    ),
    (
        re.compile(r"agenda/(.+)\.ics"),
        lambda m, d: Row(SECTIONS[3], m[0], f"Bijeenkomsten in de regio {_owner('region', m[1], d)}.", FORMATS[".ics"]),
    ),
    (
        re.compile(r"schemas/([a-z-]+)\.frontmatter\.schema\.json"),
        lambda m, d: Row(SECTIONS[4], m[0], f"Velden van {_plural(m[1])} in een Markdown-bestand.", "JSON Schema"),
    ),
    (
        re.compile(r"schemas/([a-z-]+)\.schema\.json"),
        lambda m, d: Row(SECTIONS[4], m[0], f"Velden van {_plural(m[1])} in een YAML-bestand.", "JSON Schema"),
    ),
]


def describe(name: str, data: OpenData) -> Row:
    """What a file of ``open-data/`` (``name`` relative to it) holds."""
    for pattern, describer in PATTERNS:
        if found := pattern.fullmatch(name):
            return describer(found, data)
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    return Row(SECTIONS[-1], name, "Open data van de atlas.", FORMATS.get(suffix, "bestand"))


INTRO = """\
# Open data

Alles wat in deze Kennisatlas staat, kun je ook als bestand downloaden en zelf gebruiken.
De bestanden worden bij elke nieuwe versie van de site opnieuw gemaakt, uit dezelfde gegevens als de pagina's.

## Licentie

Je mag de gegevens gebruiken, delen en bewerken, ook voor andere doelen.
Noem dan wel de bron. Dat is de licentie [Creative Commons Naamsvermelding 4.0 (CC BY 4.0)]({licence}).

## Zo verwijs je naar de gegevens

{citation}

"""

NOTES = {
    SECTIONS[0]: "Het bestand `atlas.json` heeft per item de soort (`type`), de sleutel (`id`), het adres van de "
    "pagina (`url`), alle velden (`data`) en de verbanden met andere items, van beide kanten (`related`). "
    "De sleutel `commit` noemt de versie van de gegevens.",
    SECTIONS[1]: "Het bestand met puntkomma's opent goed in Nederlandse Excel: dubbelklik erop. "
    "Gebruik het bestand met komma's voor andere programma's. Beide zijn UTF-8 met een BOM, "
    "zodat letters als ë goed blijven.",
    SECTIONS[2]: "Met een feedlezer volg je nieuwe en gewijzigde items. De datum van een item is de nieuwste "
    "datum uit de gegevens: laatst gecontroleerd, ingediend of gewijzigd. Thema's staan er niet in, want "
    "die hebben geen datum. Bijeenkomsten staan er ook niet in: die vind je in de agenda hieronder. "
    f"Een feed toont de {FEED_LIMIT} nieuwste items; alle items staan in `atlas.json`.",
    SECTIONS[3]: "Zet de agenda in je eigen agenda-app, bijvoorbeeld door het adres van het bestand toe te "
    "voegen als abonnement. Tijden zijn Nederlandse tijd. Een bestand zonder bijeenkomsten is leeg, maar "
    "wel geldig.",
    SECTIONS[4]: "De JSON Schemas beschrijven elk veld, in het Nederlands. Ze zijn dezelfde als die in "
    "de map `schemas/` van de broncode.",
}


def citation(data: OpenData) -> str:
    """How to cite: name, year of the newest content, the version (commit) and the address."""
    name = md_escape(str(data.document["name"]))
    year = latest_content_date(data.atlas).year
    version = f"versie `{data.commit}`" if data.commit else "versie onbekend"
    address = f"{data.site_url}{FOLDER}/"
    return (
        f"{name} ({year}). *Open data van de {name}*, {version}. {address}. Licentie: CC BY 4.0.\n\n"
        "De versie is de commit in de broncode waaruit deze gegevens komen. Ze staat ook in `atlas.json`."
    )


def _table(rows: list[Row]) -> str:
    lines = ["| Bestand | Wat erin staat | Formaat |", "|---|---|---|"]
    lines += [f"| [{md_escape(row.name)}]({row.name}) | {row.holds} | {row.format} |" for row in rows]
    return "\n".join(lines) + "\n"


def open_data_page(data: OpenData, paths: list[str]) -> str:
    """The Markdown of ``open-data/index.md`` for these files (docs paths under ``open-data/``)."""
    rows = [describe(path.removeprefix(f"{FOLDER}/"), data) for path in paths]
    parts = [INTRO.format(licence=LICENCE_URL, citation=citation(data)), "## De bestanden\n"]
    for section in SECTIONS:
        if members := [row for row in rows if row.section == section]:
            parts.append(f"### {section}\n")
            if note := NOTES.get(section):
                parts.append(note + "\n")
            parts.append(_table(members))
    return "\n".join(parts)
