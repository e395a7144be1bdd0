"""A deterministic synthetic atlas: N entries over the eight kinds, written exactly like ``content/``.

One file per entry (file name = id), every reference resolving, vocabulary
values from ``generator.vocab``, https addresses, ISO dates no later than
``REFERENCE_DATE`` and questions that follow the status rules of
``generator.crossrules``. The prose is Dutch-looking text made from the word
lists below: about 40–60 words per entry, like the real documents.

Everything comes from one ``random.Random(seed)``: the same entries, seed and
Python version give a byte-identical tree. Nothing is downloaded.

    python -m bench.synthetic OUT_DIR --entries 20000 [--seed 2020]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from random import Random
from typing import TypeVar

from generator.kinds import KIND_BY_KEY, KINDS
from generator.progress import QUIET, Progress, counted
from generator.terminal import terminal_progress
from generator.vocab import (
    Domain,
    EventKind,
    Evidence,
    FundingScenario,
    Level,
    NetworkKind,
    Offer,
    PartnerKind,
    QuestionStatus,
    ResearchStatus,
    Variant,
    Vocabulary,
)

DEFAULT_ENTRIES = 20_000
DEFAULT_SEED = 2020
REFERENCE_DATE = date(2026, 6, 30)
"""The synthetic atlas' "today": reviews, submissions and updates lie on or before it."""
PROSE_WORDS = (42, 60)
"""Words of searchable prose per entry (the fields ``generator.search`` indexes)."""
ID_MAX = 80
FOLD_AT = 90
"""Strings longer than this are written as folded block scalars (``>-``), as in content/."""

# ---------------------------------------------------------------- word lists

# fmt: off

# (name, domains, synonyms): the themes, in the order they are used.
THEMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Klimaatadaptatie", ("fysiek",), ("hittestress", "wateroverlast", "klimaatbestendig")),
    ("Droogte", ("fysiek",), ("watertekort", "grondwaterstand", "verdroging")),
    ("Langer thuis wonen", ("sociaal",), ("ouderen", "zelfstandigheid", "levensloopbestendig")),
    ("Mantelzorg", ("sociaal",), ("mantelzorgers", "respijtzorg", "overbelasting")),
    ("Energietransitie", ("fysiek", "sociaal"), ("warmtetransitie", "isolatie", "aardgasvrij")),
    ("Wonen en woningmarkt", ("fysiek", "sociaal"), ("woningbouw", "betaalbaarheid", "huurwoningen")),
    ("Kwetsbare groepen", ("sociaal",), ("kwetsbaarheid", "laaggeletterdheid", "statushouders")),
    ("Inwonersparticipatie", ("sociaal",), ("burgerparticipatie", "inspraak", "burgerinitiatief")),
    ("Circulaire economie", ("fysiek",), ("hergebruik", "grondstoffen", "afvalscheiding")),
    ("Bodem en ondergrond", ("fysiek",), ("bodemdaling", "grondwater", "bodemkwaliteit")),
    ("Natuurbeleid", ("fysiek",), ("natuurbeheer", "natuurnetwerk", "natuurpact")),
    ("Biodiversiteit", ("fysiek",), ("soortenrijkdom", "insecten", "ecologie")),
    ("Stikstof", ("fysiek",), ("stikstofdepositie", "ammoniak", "emissies")),
    ("Landbouw en voedsel", ("fysiek",), ("boeren", "voedselketen", "kringlooplandbouw")),
    ("Vitaal platteland", ("fysiek", "sociaal"), ("leefbaarheid", "dorpen", "platteland")),
    ("Waterkwaliteit", ("fysiek",), ("waterbeheer", "zoetwater", "waterzuivering")),
    ("Luchtkwaliteit", ("fysiek",), ("fijnstof", "luchtvervuiling")),
    ("Ruimtelijke ordening", ("fysiek",), ("omgevingsvisie", "inrichting", "bestemmingsplan")),
    ("Omgevingswet", ("fysiek",), ("omgevingsplan", "omgevingsvergunning")),
    ("Vergunningverlening, toezicht en handhaving", ("fysiek",), ("vth", "toezicht", "handhaving")),
    ("Openbaar vervoer", ("fysiek", "sociaal"), ("bereikbaarheid", "buslijnen", "dienstregeling")),
    ("Mobiliteit", ("fysiek",), ("verkeer", "fietsbeleid", "deelmobiliteit")),
    ("Sociale samenhang", ("sociaal",), ("buurtcohesie", "ontmoeting", "vrijwilligers")),
    ("Armoede en schulden", ("sociaal",), ("armoede", "schuldhulp", "bestaanszekerheid")),
    ("Jeugd en gezin", ("sociaal",), ("jeugdzorg", "opvoeding", "jongeren")),
    ("Onderwijs", ("sociaal",), ("scholen", "kansengelijkheid", "leerlingen")),
    ("Werk en inkomen", ("sociaal",), ("arbeidsmarkt", "participatiewet", "werkloosheid")),
    ("Gezondheid", ("sociaal",), ("preventie", "leefstijl", "gezondheidsverschillen")),
    ("Eenzaamheid", ("sociaal",), ("isolement", "eenzaam")),
    ("Zorg en welzijn", ("sociaal",), ("wmo", "welzijnswerk", "wijkteams")),
    ("Psychische gezondheid", ("sociaal",), ("ggz", "verward", "depressie")),
    ("Veiligheid", ("fysiek", "sociaal"), ("criminaliteit", "ondermijning", "overlast")),
    ("Digitalisering", ("fysiek", "sociaal"), ("digitale", "privacy", "datagebruik")),
    ("Cultuur", ("sociaal",), ("cultuureducatie", "musea", "theater")),
    ("Erfgoed", ("fysiek", "sociaal"), ("monumenten", "archeologie", "cultuurhistorie")),
    ("Sport en bewegen", ("sociaal",), ("sportverenigingen", "beweegaanbod")),
    ("Integratie en inburgering", ("sociaal",), ("inburgering", "nieuwkomers", "taalles")),
    ("Dakloosheid", ("sociaal",), ("daklozen", "maatschappelijke opvang")),
    ("Krimp en bevolkingsdaling", ("fysiek", "sociaal"), ("krimp", "vergrijzing", "voorzieningen")),
    ("Kennisinfrastructuur", ("fysiek", "sociaal"), ("kennisdeling", "kennisagenda", "schakelfunctie")),
)

# (name, scale, provinces, synonyms): the regions, in the order they are used.
REGIONS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Fryslân", "provincie", ("Fryslân",), ("Friesland",)),
    ("Twente", "regio", ("Overijssel",), ("Enschede",)),
    ("Utrecht", "provincie", ("Utrecht",), ()),
    ("Zuid-Holland", "provincie", ("Zuid-Holland",), ()),
    ("Noord-Brabant", "provincie", ("Noord-Brabant",), ("Brabant",)),
    ("Amsterdam", "gemeente", ("Noord-Holland",), ("Mokum",)),
    ("Groningen", "provincie", ("Groningen",), ("Stad en Ommelanden",)),
    ("Drenthe", "provincie", ("Drenthe",), ()),
    ("Regio Zwolle", "regio", ("Overijssel", "Gelderland", "Flevoland", "Drenthe"), ("Zwolle",)),
    ("Achterhoek", "regio", ("Gelderland",), ("Doetinchem",)),
    ("Veluwe", "regio", ("Gelderland",), ("Apeldoorn",)),
    ("Arnhem-Nijmegen", "regio", ("Gelderland",), ("Arnhem", "Nijmegen")),
    ("Foodvalley", "regio", ("Gelderland", "Utrecht"), ("Ede", "Wageningen")),
    ("Amersfoort", "gemeente", ("Utrecht",), ()),
    ("Noord-Nederland", "landsdeel", ("Groningen", "Fryslân", "Drenthe"), ("het Noorden",)),
    ("Rotterdam", "gemeente", ("Zuid-Holland",), ()),
    ("Haaglanden", "regio", ("Zuid-Holland",), ("Den Haag",)),
    ("Holland Rijnland", "regio", ("Zuid-Holland",), ("Leiden",)),
    ("Drechtsteden", "regio", ("Zuid-Holland",), ("Dordrecht",)),
    ("Zeeland", "provincie", ("Zeeland",), ()),
    ("West-Brabant", "regio", ("Noord-Brabant",), ("Breda",)),
    ("Midden-Brabant", "regio", ("Noord-Brabant",), ("Tilburg",)),
    ("Brainport Eindhoven", "regio", ("Noord-Brabant",), ("Eindhoven",)),
    ("Zuid-Limburg", "regio", ("Limburg",), ("Parkstad", "Maastricht")),
    ("Flevoland", "provincie", ("Flevoland",), ("Almere", "Lelystad")),
)

PLACES = (
    "Zwolle", "Deventer", "Enschede", "Hengelo", "Almelo", "Apeldoorn", "Ede", "Arnhem", "Nijmegen", "Zutphen",
    "Doetinchem", "Winterswijk", "Amersfoort", "Utrecht", "Zeist", "Nieuwegein", "Houten", "Veenendaal",
    "Hilversum", "Amsterdam", "Haarlem", "Zaanstad", "Alkmaar", "Den Helder", "Hoorn", "Purmerend", "Leiden",
    "Delft", "Den Haag", "Zoetermeer", "Gouda", "Rotterdam", "Schiedam", "Dordrecht", "Gorinchem", "Middelburg",
    "Vlissingen", "Goes", "Terneuzen", "Breda", "Roosendaal", "Bergen op Zoom", "Tilburg", "Oss", "Den Bosch",
    "Eindhoven", "Helmond", "Venlo", "Venray", "Roermond", "Sittard", "Heerlen", "Maastricht", "Kerkrade",
    "Groningen", "Delfzijl", "Veendam", "Assen", "Emmen", "Hoogeveen", "Meppel", "Leeuwarden", "Sneek",
    "Drachten", "Heerenveen", "Harlingen", "Lelystad", "Almere", "Emmeloord", "Dronten", "Kampen", "Harderwijk",
    "Wageningen", "Tiel", "Culemborg", "Lochem", "Steenwijk", "Oldenzaal", "Barneveld", "Woerden",
)
PROVINCES = (
    "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht", "Noord-Holland",
    "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
)
WATERS = (
    "Vallei en Veluwe", "Rijn en IJssel", "Vechtstromen", "Drents Overijsselse Delta", "Noorderzijlvest",
    "Hunze en Aa's", "Wetterskip Fryslân", "Zuiderzeeland", "Amstel, Gooi en Vecht", "Rijnland", "Delfland",
    "Schieland", "Hollandse Delta", "Brabantse Delta", "De Dommel", "Aa en Maas", "Limburg", "Scheldestromen",
    "Rivierenland", "De Stichtse Rijnlanden", "Hollands Noorderkwartier",
)
SURNAMES = (
    "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot", "Bos", "Vos",
    "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits", "De Graaf",
    "Van der Meer", "Van der Linden", "Kok", "Jacobs", "De Haan", "Vermeulen", "Van den Berg", "Van der Heijden",
    "Van der Veen", "Van den Broek", "De Bruijn", "De Jong", "Schouten", "Willems", "Hoekstra", "Koster", "Prins",
)
GROUPS = (
    "inwoners", "ouderen", "jongeren", "mantelzorgers", "statushouders", "boeren", "ondernemers", "huurders",
    "gezinnen", "vrijwilligers", "scholen", "wijkteams", "huisartsen", "gemeenten", "woningcorporaties",
)

NOUNS = (
    "gemeente", "gemeenten", "inwoners", "bewoners", "buurt", "wijk", "wijken", "dorp", "stad", "regio",
    "provincie", "samenwerking", "aanpak", "kennis", "onderzoek", "praktijk", "beleid", "opgave", "opgaven",
    "netwerk", "partners", "professionals", "beleidsmedewerkers", "onderzoekers", "bestuurders", "ervaring",
    "ervaringen", "resultaten", "inzichten", "gegevens", "monitor", "evaluatie", "uitvoering", "ondersteuning",
    "zorg", "welzijn", "woningen", "ouderen", "jongeren", "gezinnen", "kinderen", "vrijwilligers",
    "organisaties", "instellingen", "corporaties", "scholen", "huisartsen", "wijkteams", "verenigingen",
    "bedrijven", "ondernemers", "waterschap", "maatregelen", "oplossingen", "kansen", "knelpunten", "vragen",
    "behoeften", "middelen", "budget", "subsidie", "financiering", "programma", "project", "pilot", "proeftuin",
    "werkplaats", "bijeenkomst", "gesprekken", "afspraken", "agenda", "rapport", "advies", "handreiking",
    "methode", "instrument", "leeromgeving", "casus", "voorbeelden", "toekomst", "ontwikkeling", "verandering",
    "transitie", "kwaliteit", "gezondheid", "veiligheid", "leefomgeving", "ruimte", "grond", "water", "groen",
    "hitte", "energie", "warmte", "klimaat", "natuur", "landschap", "voorzieningen", "vervoer", "arbeidsmarkt",
    "onderwijs", "participatie", "draagvlak", "vertrouwen", "signalen", "trends", "lacunes", "overlap",
    "schakelfunctie", "kennisvraag", "kennispartners", "hogeschool", "universiteit", "planbureau", "lectoraat",
    "studenten", "cijfers", "regelgeving", "taken", "rol", "verantwoordelijkheid", "besluitvorming", "keuzes",
    "prioriteiten", "doelen", "effecten", "impact", "werkwijze", "expertise", "begeleiding", "uitwisseling",
)
VERBS = (
    "versterkt", "ontwikkelt", "deelt", "verbindt", "ondersteunt", "onderzoekt", "verbetert", "organiseert",
    "verzamelt", "begeleidt", "stimuleert", "benut", "vergroot", "vermindert", "voorkomt", "signaleert",
    "agendeert", "helpt", "biedt", "brengt", "zoekt", "vindt", "maakt", "kiest", "bepaalt", "meet", "volgt",
    "toetst", "vertaalt", "betrekt", "bundelt", "verkent", "beschrijft", "koppelt", "verspreidt",
)
INFINITIVES = (
    "versterken", "ontwikkelen", "delen", "verbinden", "ondersteunen", "onderzoeken", "verbeteren",
    "organiseren", "verzamelen", "begeleiden", "stimuleren", "benutten", "vergroten", "verminderen",
    "voorkomen", "signaleren", "agenderen", "uitwisselen", "leren", "aanpakken", "opschalen", "vertalen",
    "betrekken", "bundelen", "evalueren", "verkennen", "beschrijven", "koppelen", "verspreiden", "meten",
)
ADJECTIVES = (
    "lokale", "regionale", "landelijke", "sociale", "fysieke", "duurzame", "integrale", "praktische", "nieuwe",
    "bestaande", "kwetsbare", "gezonde", "veilige", "betaalbare", "toegankelijke", "goede", "betere",
    "gezamenlijke", "structurele", "tijdelijke", "concrete", "belangrijke", "verschillende", "kleine", "grote",
    "jonge", "oudere", "digitale", "wetenschappelijke", "maatschappelijke", "bestuurlijke", "financiële",
    "ruimtelijke", "groene", "klimaatbestendige", "effectieve",
)
DETERMINERS = ("de", "het", "een", "de", "de", "deze")
PREPOSITIONS = ("in", "voor", "met", "op", "bij", "door", "naar", "over", "tussen", "rond")
MODALS = ("wil", "kan", "gaat", "moet", "wil", "helpt")
FILLERS = ("ook", "nog", "samen", "vaker", "steeds", "vooral", "daarom")
CONJUNCTIONS = ("en", "en", "of")
COMPOUND_HEADS = (
    "klimaat", "water", "zorg", "buurt", "wijk", "woning", "energie", "kennis", "onderzoek", "jeugd", "school",
    "gezondheids", "natuur", "bodem", "groen", "hitte", "droogte", "armoede", "schuld", "mantelzorg",
    "vrijwilligers", "inwoners", "dorps", "stads", "regio", "provincie", "gemeente", "verkeers", "fiets",
    "ouderen", "jongeren", "data", "beleids", "leer", "sport", "cultuur", "erfgoed", "voedsel", "land", "wijkzorg",
)
COMPOUND_TAILS = (
    "plan", "aanpak", "beleid", "netwerk", "agenda", "monitor", "team", "fonds", "tafel", "raad", "loket",
    "punt", "platform", "programma", "werkplaats", "project", "coalitie", "akkoord", "visie", "strategie",
    "opgave", "kaart", "scan", "regeling", "centrum", "huis", "route", "coach", "café", "atlas",
)

SENTENCES = ("DANVDNPL", "DNMDANI", "PLVDNFDAC", "DCVDNPDT", "DNJDNMPDTDNI", "FVDANPDT", "DTVDAC", "PDCMDNDTI")
"""Sentence shapes, one letter per slot: D determiner, A adjective, N noun, V verb, I infinitive, M modal,
P preposition, L place, T topic (a theme term of the entry), C compound, J conjunction, F filler."""

PRACTICE_HEADS = (
    "Buurtaanpak", "Wijkaanpak", "Leernetwerk", "Proeftuin", "Kennistafel", "Living lab", "Werkplaats", "Pilot",
    "Samenwerking", "Buurtteam", "Inwonerspanel", "Coalitie", "Leerkring", "Regiodeal", "Stadsgesprek",
    "Kennisagenda", "Netwerkaanpak", "Innovatieprogramma",
)
RESEARCH_HEADS = (
    "Onderzoek naar", "Verkenning van", "Evaluatie van", "Monitor", "Kennissynthese over", "Effectstudie",
    "Quickscan", "Literatuurstudie naar", "Promotieonderzoek naar", "Lerende evaluatie van",
)
QUESTION_TITLES = (
    "Hoe pakken we {topic} aan in {place}?",
    "Wat werkt bij {topic} voor {group}?",
    "Welke kennis is er over {topic} in {area}?",
    "Hoe betrekken we {group} bij {topic}?",
    "Wat betekent {topic} voor {group} in {place}?",
    "Hoe meten we het effect van de {compound} op {topic}?",
    "Wie weet meer over {topic} in {area}?",
    "Hoe organiseren we {topic} samen met {group}?",
)
QUESTION_OPENERS = ("Hoe kunnen", "Welke", "Wat moeten", "Hoe zorgen", "Waarom")
PARTNER_NAMES: dict[PartnerKind, tuple[str, ...]] = {
    PartnerKind.GEMEENTE: ("Gemeente {place}",),
    PartnerKind.PROVINCIE: ("Provincie {province}",),
    PartnerKind.WATERSCHAP: ("Waterschap {water}",),
    PartnerKind.RIJKSOVERHEID: ("Rijksdienst voor {Topic}", "Directie {Topic}"),
    PartnerKind.KOEPELORGANISATIE: ("Vereniging van {Group}", "Landelijke Koepel {Topic}"),
    PartnerKind.ADVIESRAAD: ("Raad voor {Topic}", "Adviesraad {Topic}"),
    PartnerKind.PLANBUREAU: ("Planbureau voor {Topic}", "Sociaal Planbureau {area}"),
    PartnerKind.KENNISINSTITUUT: ("Kenniscentrum {Topic}", "Instituut voor {Topic}", "Kennisinstituut {Compound}"),
    PartnerKind.UNIVERSITEIT: ("Universiteit {place}", "Universiteit van {place}"),
    PartnerKind.HOGESCHOOL: ("Hogeschool {place}", "Lectoraat {Topic} Hogeschool {place}"),
    PartnerKind.GGD: ("GGD {area}",),
    PartnerKind.MAATSCHAPPELIJKE_ORGANISATIE: (
        "Stichting {Compound} {place}",
        "Welzijn {place}",
        "Vereniging {Topic} {place}",
        "Buurtcentrum {Compound} {place}",
    ),
    PartnerKind.NETWERKORGANISATIE: ("Netwerk {Topic} {area}", "Platform {Compound} {area}"),
    PartnerKind.ADVIESBUREAU: ("{surname} {surname2} Advies", "{surname} & Partners", "Bureau {Compound}"),
}
PARTNER_WEIGHTS: dict[PartnerKind, int] = {
    PartnerKind.GEMEENTE: 14,
    PartnerKind.PROVINCIE: 2,
    PartnerKind.WATERSCHAP: 2,
    PartnerKind.RIJKSOVERHEID: 2,
    PartnerKind.KOEPELORGANISATIE: 3,
    PartnerKind.ADVIESRAAD: 1,
    PartnerKind.PLANBUREAU: 1,
    PartnerKind.KENNISINSTITUUT: 10,
    PartnerKind.UNIVERSITEIT: 3,
    PartnerKind.HOGESCHOOL: 6,
    PartnerKind.GGD: 3,
    PartnerKind.MAATSCHAPPELIJKE_ORGANISATIE: 27,
    PartnerKind.NETWERKORGANISATIE: 10,
    PartnerKind.ADVIESBUREAU: 16,
}
NATIONAL_KINDS = {PartnerKind.RIJKSOVERHEID, PartnerKind.KOEPELORGANISATIE, PartnerKind.ADVIESRAAD}
LOCAL_KINDS = {PartnerKind.GEMEENTE, PartnerKind.MAATSCHAPPELIJKE_ORGANISATIE}
QUESTION_WEIGHTS: dict[QuestionStatus, int] = {
    QuestionStatus.INGEDIEND: 25,
    QuestionStatus.VERHELDERD: 20,
    QuestionStatus.GEKOPPELD: 25,
    QuestionStatus.IN_ONDERZOEK: 15,
    QuestionStatus.BEANTWOORD: 15,
}
SHARES: dict[str, int] = {"partner": 22, "practice": 20, "network": 3, "question": 27, "research": 22, "event": 6}
"""Shares of the entries that are not themes or regions, in percent."""
# fmt: on
MIN_ENTRIES = 2 + 1 + len(SHARES)


def _zipf(count: int) -> list[float]:
    """Cumulative Zipf weights: the first words of a list are the common ones."""
    return list(accumulate(1 / (rank + 1) for rank in range(count)))


_NOUN_WEIGHTS = _zipf(len(NOUNS))
_ID_UNSAFE = re.compile(r"[^a-z0-9]+")
_PLAIN = re.compile(r"[^\W_][\w .,/()'?&+:@-]*")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_AMBIGUOUS = re.compile(r"(?i:y|n|yes|no|on|off|true|false|null|~)|[-+.0-9_eExXoObB]+")

# ---------------------------------------------------------------- plan: ids and titles first

V = TypeVar("V", bound=Vocabulary)
Value = str | bool | list[str] | dict[str, str] | list[dict[str, str]]
Fields = dict[str, Value]


@dataclass(frozen=True)
class Header:
    """What is decided about an entry before any entry is written: its id, title and main links."""

    id: str
    title: str
    themes: tuple[int, ...]
    """Indexes into ``THEMES``; the first is the main theme."""
    regions: tuple[int, ...]
    """Indexes into ``REGIONS``."""
    place: str
    flavour: str = ""
    """The entry's own vocabulary value: partner kind, network kind, event kind or status."""


class Plan:
    """Every entry's header, by kind key, so that references can point anywhere."""

    def __init__(self, headers: dict[str, list[Header]]) -> None:
        self.headers = headers
        self._ids = {kind: [header.id for header in listed] for kind, listed in headers.items()}

    def ids(self, kind: str) -> list[str]:
        return self._ids[kind]


def kind_counts(entries: int) -> dict[str, int]:
    """Entries per kind key: up to 40 themes and 25 regions, the rest by ``SHARES`` (largest remainder)."""
    if entries < MIN_ENTRIES:
        raise ValueError(f"a synthetic atlas needs at least {MIN_ENTRIES} entries")
    counts = {"theme": max(2, min(len(THEMES), entries // 20)), "region": max(1, min(len(REGIONS), entries // 30))}
    rest = entries - counts["theme"] - counts["region"] - len(SHARES)
    total = sum(SHARES.values())
    exact = {kind: rest * share / total for kind, share in SHARES.items()}
    shares = {kind: 1 + int(value) for kind, value in exact.items()}
    left = entries - sum(counts.values()) - sum(shares.values())
    for kind in sorted(SHARES, key=lambda k: (-(exact[k] - int(exact[k])), k))[:left]:
        shares[kind] += 1
    counts.update(shares)
    return {kind.key: counts[kind.key] for kind in KINDS}


def member(vocabulary: type[V], value: str) -> V:
    """The member of a vocabulary with this value."""
    return next(item for item in vocabulary if item.value == value)


def slug(text: str) -> str:
    """An id from a title: ASCII, lower case, hyphens, at most 80 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = _ID_UNSAFE.sub("-", ascii_text.lower()).strip("-")
    return value if len(value) <= ID_MAX else value[:ID_MAX].rsplit("-", 1)[0]


def numbered(key: str, number: int) -> str:
    """``key-2``, still at most 80 characters."""
    return f"{key[: ID_MAX - len(str(number)) - 1].rstrip('-')}-{number}"


def topic(rng: Random, theme: int) -> str:
    """A term for a theme as it appears in running text: its name or one of its synonyms."""
    name, _, synonyms = THEMES[theme]
    return rng.choice((name.lower(), *synonyms))


def compound(rng: Random) -> str:
    return rng.choice(COMPOUND_HEADS) + rng.choice(COMPOUND_TAILS)


def area(rng: Random, regions: Sequence[int]) -> str:
    return REGIONS[regions[0]][0] if regions else rng.choice(("Nederland", "heel Nederland", "het land"))


def some(rng: Random, count: int, low: int, high: int) -> tuple[int, ...]:
    """Between ``low`` and ``high`` distinct indexes below ``count``, in random order."""
    return tuple(rng.sample(range(count), min(count, rng.randint(low, high))))


def optional_region(rng: Random, regions: int, chance: float) -> tuple[int, ...]:
    return (rng.randrange(regions),) if rng.random() < chance else ()


Draft = tuple[str, tuple[int, ...], tuple[int, ...], str]
"""(title, themes, regions, flavour) of one attempt at a header."""
DraftMaker = Callable[[Random, dict[str, int]], Draft]


def claim(rng: Random, taken: set[str], draft: DraftMaker, counts: dict[str, int]) -> Header:
    """A header with an id nobody has yet: redraw a few times, then number the title."""
    for _ in range(25):
        title, themes, regions, flavour = draft(rng, counts)
        if slug(title) not in taken:
            break
    key, unique, number = slug(title), title, 2
    while key in taken:
        key, unique, number = numbered(slug(title), number), f"{title} {number}", number + 1
    taken.add(key)
    return Header(key, unique, themes, regions, rng.choice(PLACES), flavour)


def partner_draft(rng: Random, counts: dict[str, int]) -> Draft:
    kind = rng.choices(list(PARTNER_WEIGHTS), weights=list(PARTNER_WEIGHTS.values()))[0]
    themes = some(rng, counts["theme"], 1, 4)
    if kind in NATIONAL_KINDS or (kind not in LOCAL_KINDS and rng.random() < 0.3):
        regions: tuple[int, ...] = ()
    else:
        regions = some(rng, counts["region"], 1, 1 if kind in LOCAL_KINDS else 2)
    surname, surname2 = rng.sample(SURNAMES, 2)
    title = rng.choice(PARTNER_NAMES[kind]).format(
        place=rng.choice(PLACES),
        province=rng.choice(PROVINCES),
        water=rng.choice(WATERS),
        Topic=THEMES[themes[0]][0],
        Group=rng.choice(GROUPS).capitalize(),
        Compound=compound(rng).capitalize(),
        area=area(rng, regions),
        surname=surname,
        surname2=surname2,
    )
    return title, themes, regions, kind.value


def practice_draft(rng: Random, counts: dict[str, int]) -> Draft:
    themes = some(rng, counts["theme"], 1, 3)
    regions = some(rng, counts["region"], 1, 2) if rng.random() < 0.8 else ()
    where = rng.choice(PLACES) if regions and rng.random() < 0.6 else area(rng, regions)
    title = f"{rng.choice(PRACTICE_HEADS)} {topic(rng, themes[0])} in {where}"
    return title, themes, regions, ""


def network_draft(rng: Random, counts: dict[str, int]) -> Draft:
    kind = rng.choice(list(NetworkKind))
    themes = some(rng, counts["theme"], 1, 3)
    regions = some(rng, counts["region"], 0, 2)
    title = f"{kind.label} {topic(rng, themes[0])} {area(rng, regions)}"
    return title, themes, regions, kind.value


def question_draft(rng: Random, counts: dict[str, int]) -> Draft:
    status = rng.choices(list(QUESTION_WEIGHTS), weights=list(QUESTION_WEIGHTS.values()))[0]
    themes = some(rng, counts["theme"], 1, 2)
    regions = optional_region(rng, counts["region"], 0.7)
    title = rng.choice(QUESTION_TITLES).format(
        topic=topic(rng, themes[0]),
        place=rng.choice(PLACES),
        group=rng.choice(GROUPS),
        area=area(rng, regions),
        compound=compound(rng),
    )
    return title[0].upper() + title[1:], themes, regions, status.value


def research_draft(rng: Random, counts: dict[str, int]) -> Draft:
    status = rng.choice(list(ResearchStatus))
    themes = some(rng, counts["theme"], 1, 3)
    regions = optional_region(rng, counts["region"], 0.6)
    where = f"in {area(rng, regions)}" if regions else rng.choice(("", "in Nederland", "voor gemeenten"))
    title = f"{rng.choice(RESEARCH_HEADS)} {topic(rng, themes[0])} {where}".strip()
    return title, themes, regions, status.value


def event_draft(rng: Random, counts: dict[str, int]) -> Draft:
    kind = rng.choice(list(EventKind))
    themes = some(rng, counts["theme"], 1, 2)
    regions = optional_region(rng, counts["region"], 0.6)
    where = rng.choice(PLACES) if regions else "online"
    title = f"{kind.label} {topic(rng, themes[0])} {where} {rng.choice(('voorjaar', 'najaar', 'zomer', 'winter'))}"
    return title, themes, regions, kind.value


DRAFTS: dict[str, DraftMaker] = {
    "partner": partner_draft,
    "practice": practice_draft,
    "network": network_draft,
    "question": question_draft,
    "research": research_draft,
    "event": event_draft,
}


def make_plan(rng: Random, counts: dict[str, int]) -> Plan:
    """Headers for every entry, kind by kind; ids are unique within a kind."""
    headers: dict[str, list[Header]] = {
        "theme": [Header(slug(THEMES[i][0]), THEMES[i][0], (i,), (), PLACES[i]) for i in range(counts["theme"])],
        "region": [Header(slug(REGIONS[i][0]), REGIONS[i][0], (), (i,), PLACES[-i]) for i in range(counts["region"])],
    }
    for kind, draft in DRAFTS.items():
        taken: set[str] = set()
        headers[kind] = [claim(rng, taken, draft, counts) for _ in range(counts[kind])]
    return Plan(headers)


# ---------------------------------------------------------------- prose


def sentence(rng: Random, topics: Sequence[str], place: str) -> list[str]:
    """One sentence's words, lower case, following one of ``SENTENCES``."""
    slots: dict[str, Callable[[], str]] = {
        "D": lambda: rng.choice(DETERMINERS),
        "A": lambda: rng.choice(ADJECTIVES),
        "N": lambda: rng.choices(NOUNS, cum_weights=_NOUN_WEIGHTS)[0],
        "V": lambda: rng.choice(VERBS),
        "I": lambda: rng.choice(INFINITIVES),
        "M": lambda: rng.choice(MODALS),
        "P": lambda: rng.choice(PREPOSITIONS),
        "L": lambda: place if rng.random() < 0.5 else rng.choice(PLACES),
        "T": lambda: rng.choice(topics),
        "C": lambda: compound(rng),
        "J": lambda: rng.choice(CONJUNCTIONS),
        "F": lambda: rng.choice(FILLERS),
    }
    return " ".join(slots[slot]() for slot in rng.choice(SENTENCES)).split()


def prose(rng: Random, words: int, topics: Sequence[str], place: str) -> str:
    """Sentences of Dutch-looking text, ``words`` words long (two fewer at most)."""
    sentences = []
    remaining = words
    while remaining >= 3:
        tokens = sentence(rng, topics, place)[:remaining]
        remaining -= len(tokens)
        text = " ".join(tokens)
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)


def question_sentence(rng: Random, topics: Sequence[str], place: str, words: int) -> str:
    """One question of ``words`` words."""
    body: list[str] = []
    while len(body) < words - 1:
        body += sentence(rng, topics, place)
    return f"{rng.choice(QUESTION_OPENERS)} {' '.join(body[: words - 1])}?"


def split(rng: Random, total: int, parts: int) -> list[int]:
    """``total`` words over ``parts`` fields, at least 6 each (``total`` is at least ``6 * parts``)."""
    cuts = sorted(rng.randint(0, total - 6 * parts) for _ in range(parts - 1))
    return [6 + b - a for a, b in zip([0, *cuts], [*cuts, total - 6 * parts], strict=True)]


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class EntryFile:
    """One content file: front-matter fields, and a Markdown body for ``.md`` files."""

    folder: str
    id: str
    fields: Fields
    body: str | None = None

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.id}.{'md' if self.body else 'yml'}"

    def text(self) -> str:
        front = yaml_text(self.fields)
        return f"---\n{front}---\n{self.body}\n" if self.body else front


class Writer:
    """Turns headers into entry files; holds the random source and the plan."""

    def __init__(self, rng: Random, plan: Plan) -> None:
        self.rng = rng
        self.plan = plan

    # helpers

    def pick(self, kind: str, low: int, high: int, *, without: str = "") -> list[str]:
        pool = self.plan.ids(kind)
        if without:
            pool = [key for key in pool if key != without]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def one(self, kind: str) -> str:
        return self.rng.choice(self.plan.ids(kind))

    def theme_ids(self, header: Header) -> list[str]:
        return [self.plan.headers["theme"][i].id for i in header.themes]

    def region_ids(self, header: Header) -> list[str]:
        return [self.plan.headers["region"][i].id for i in header.regions]

    def topics(self, header: Header) -> list[str]:
        terms = [topic(self.rng, theme) for theme in header.themes for _ in range(2)]
        return terms + [REGIONS[region][0] for region in header.regions]

    def text(self, header: Header, words: int) -> str:
        return prose(self.rng, words, self.topics(header), header.place)

    def prose_words(self) -> int:
        return self.rng.randint(*PROSE_WORDS)

    def day(self, earliest: int, latest: int = 0) -> date:
        """A day between ``earliest`` and ``latest`` days after ``REFERENCE_DATE`` (negative: before)."""
        return REFERENCE_DATE + timedelta(days=self.rng.randint(earliest, latest))

    def reviewed(self) -> str:
        return self.day(-700).isoformat()

    def website(self, title: str) -> str:
        return f"https://www.{slug(title)[:40].strip('-')}.nl"

    def links(self, header: Header, high: int) -> list[dict[str, str]]:
        links = []
        for number in range(1, self.rng.randint(0, high) + 1):
            label = self.rng.choice(("Rapport", "Projectpagina", "Verslag", "Factsheet"))
            section = self.rng.choice(("publicaties", "project", "nieuws"))
            links.append(
                {"title": f"{label}: {header.title}", "url": f"{self.website(header.title)}/{section}/{number}"}
            )
        return links

    @staticmethod
    def add(fields: Fields, **values: Value | None) -> Fields:
        """Set the values that are given and not empty, in order, like a hand-written file."""
        fields.update({key: value for key, value in values.items() if value not in (None, [], "")})
        return fields

    # one function per kind

    def theme(self, header: Header) -> EntryFile:
        name, domains, synonyms = THEMES[header.themes[0]]
        fields = self.add(
            {"id": header.id, "name": name},
            domains=list(domains),
            synonyms=list(synonyms),
            related=self.pick("theme", 1, 3, without=header.id),
            ibp_opgave=self.rng.choice([None, "Toekomstbestendig wonen", "Samen sterk in de regio"]),
        )
        return EntryFile("themes", header.id, fields, self.text(header, self.prose_words()))

    def region(self, header: Header) -> EntryFile:
        name, scale, provinces, synonyms = REGIONS[header.regions[0]]
        partners = self.pick("partner", 2, 10)
        fields = self.add(
            {"id": header.id, "name": name},
            synonyms=list(synonyms),
            scale=scale,
            provinces=list(provinces),
            contact={"email": f"schakelfunctie@{slug(name)}.nl", "phone": "030 123 4567"}
            if self.rng.random() < 0.6
            else None,
            variant=self.rng.choice([None, *(v.value for v in Variant)]),
            trekker=partners[0] if self.rng.random() < 0.7 else None,
            partners=partners,
            agenda_themes=self.pick("theme", 0, 4),
            agenda_questions=self.pick("question", 0, 3),
            funding=self.rng.choice([None, *(f.value for f in FundingScenario)]),
            next_evaluation=self.day(30, 400).isoformat() if self.rng.random() < 0.4 else None,
            last_reviewed=self.reviewed(),
        )
        return EntryFile("regions", header.id, fields, self.text(header, self.prose_words()))

    def partner(self, header: Header) -> EntryFile:
        kind = member(PartnerKind, header.flavour)
        regions = self.region_ids(header)
        level = Level.LANDELIJK if not regions else Level.LOKAAL if kind in LOCAL_KINDS else Level.REGIONAAL
        website = self.website(header.title)
        abbreviation = "".join(word[0] for word in header.title.split() if word[0].isupper())
        fields = self.add(
            {"id": header.id, "name": header.title},
            abbreviation=abbreviation if len(abbreviation) >= 3 and self.rng.random() < 0.3 else None,
            kind=kind.value,
            level=level.value,
            domains=[d.value for d in self.rng.sample(list(Domain), self.rng.randint(1, 2))],
            themes=self.theme_ids(header),
            regions=regions,
            offers=[o.value for o in self.rng.sample(list(Offer), self.rng.randint(1, 4))],
            expertise=self.text(header, self.prose_words()),
            website=website,
            contact={"url": f"{website}/contact"} if self.rng.random() < 0.5 else {"email": f"info@{website[12:]}"},
            last_reviewed=self.reviewed(),
        )
        return EntryFile("partners", header.id, fields)

    def practice(self, header: Header) -> EntryFile:
        summary, who, what, needs = split(self.rng, self.prose_words(), 4)
        fields = self.add(
            {"id": header.id, "title": header.title},
            summary=self.text(header, summary),
            who=self.text(header, who),
            what=self.text(header, what),
            needs=self.text(header, needs),
            themes=self.theme_ids(header),
            regions=self.region_ids(header),
            partners=self.pick("partner", 1, 4),
            networks=self.pick("network", 0, 1),
            variant=self.rng.choice(list(Variant)).value,
            evidence=self.rng.choice([None, *(e.value for e in Evidence)]),
            links=self.links(header, 2),
            source=f"Beschrijving door {self.rng.choice(self.plan.headers['partner']).title}",
            last_reviewed=self.reviewed(),
        )
        return EntryFile("practices", header.id, fields, self.text(header, self.rng.randint(10, 20)))

    def network(self, header: Header) -> EntryFile:
        members = self.pick("partner", 2, 8)
        fields = self.add(
            {"id": header.id, "name": header.title, "kind": header.flavour},
            regions=self.region_ids(header),
            themes=self.theme_ids(header),
            members=members,
            coordinator=members[0] if self.rng.random() < 0.6 else None,
            rhythm=self.rng.choice([None, "eens per kwartaal", "eens per half jaar", "maandelijks"]),
            website=self.website(header.title) if self.rng.random() < 0.5 else None,
            last_reviewed=self.reviewed(),
        )
        return EntryFile("networks", header.id, fields, self.text(header, self.prose_words()))

    def question_links(self, status: QuestionStatus) -> dict[str, list[str]]:
        """Partners, practices and research as ``crossrules.question_status_fits`` demands."""
        linked = {
            "partners": self.pick("partner", 0, 2),
            "practices": self.pick("practice", 0, 1),
            "research": self.pick("research", 0, 1),
        }
        if status == QuestionStatus.IN_ONDERZOEK and not linked["research"]:
            linked["research"] = self.pick("research", 1, 2)
        if status in (QuestionStatus.GEKOPPELD, QuestionStatus.BEANTWOORD) and not any(linked.values()):
            linked["partners"] = self.pick("partner", 1, 2)
        if status == QuestionStatus.INGEDIEND:
            linked = {"partners": [], "practices": [], "research": []}
        return linked

    def question(self, header: Header) -> EntryFile:
        status = member(QuestionStatus, header.flavour)
        answered = status == QuestionStatus.BEANTWOORD
        question, context, *answer = split(self.rng, self.prose_words(), 3 if answered else 2)
        submitted = self.day(-1500, -10)
        updated = submitted + timedelta(days=self.rng.randint(0, (REFERENCE_DATE - submitted).days))
        topics = self.topics(header)
        fields = self.add(
            {"id": header.id, "title": header.title},
            question=question_sentence(self.rng, topics, header.place, question),
            asked_by=self.one("partner") if self.rng.random() < 0.7 else None,
            region=next(iter(self.region_ids(header)), None),
            themes=self.theme_ids(header),
            domains=[d.value for d in self.rng.sample(list(Domain), self.rng.randint(1, 2))],
            status=status.value,
            submitted=submitted.isoformat(),
            updated=updated.isoformat() if status != QuestionStatus.INGEDIEND else None,
            **self.question_links(status),
            answer=self.text(header, answer[0]) if answer else None,
            links=self.links(header, 1),
        )
        return EntryFile("questions", header.id, fields, self.text(header, context))

    def research(self, header: Header) -> EntryFile:
        status = member(ResearchStatus, header.flavour)
        start = end = None
        if status == ResearchStatus.LOPEND:
            start = self.day(-900, -30)
            end = start + timedelta(days=self.rng.randint(180, 1100))
        elif status == ResearchStatus.AFGEROND:
            start = self.day(-2500, -400)
            end = min(start + timedelta(days=self.rng.randint(180, 1100)), REFERENCE_DATE)
        fields = self.add(
            {"id": header.id, "title": header.title, "status": status.value},
            partners=self.pick("partner", 1, 3),
            commissioned_by=self.pick("partner", 0, 2),
            region=next(iter(self.region_ids(header)), None),
            themes=self.theme_ids(header),
            target_groups=self.rng.sample(GROUPS, self.rng.randint(0, 2)),
            start=start.isoformat() if start else None,
            end=end.isoformat() if end else None,
            links=self.links(header, 2),
            last_reviewed=self.reviewed(),
        )
        return EntryFile("research", header.id, fields, self.text(header, self.prose_words()))

    def event(self, header: Header) -> EntryFile:
        day = self.day(-365, 365)
        hour = self.rng.randint(9, 19)
        timed = self.rng.random() < 0.6
        start = f"{day.isoformat()}T{hour:02d}:{self.rng.choice((0, 30)):02d}" if timed else day.isoformat()
        end = f"{day.isoformat()}T{hour + 2:02d}:00" if timed else (day + timedelta(days=1)).isoformat()
        online = not header.regions or self.rng.random() < 0.4
        fields = self.add(
            {"id": header.id, "title": header.title, "kind": header.flavour},
            start=start,
            end=end if self.rng.random() < 0.7 else None,
            location=header.place if header.regions else None,
            online=online,
            region=next(iter(self.region_ids(header)), None),
            themes=self.theme_ids(header),
            organiser=self.one("partner") if self.rng.random() < 0.8 else None,
            networks=self.pick("network", 0, 1),
            url=f"{self.website(header.title)}/aanmelden" if self.rng.random() < 0.7 else None,
        )
        return EntryFile("events", header.id, fields, self.text(header, self.prose_words()))

    def entry(self, kind: str, header: Header) -> EntryFile:
        make: dict[str, Callable[[Header], EntryFile]] = {
            "theme": self.theme,
            "partner": self.partner,
            "practice": self.practice,
            "region": self.region,
            "network": self.network,
            "question": self.question,
            "research": self.research,
            "event": self.event,
        }
        return make[kind](header)


# ---------------------------------------------------------------- YAML, written like content/


def scalar(value: str) -> str:
    """Plain when YAML (and ``generator.yamlstrict``) reads it back as this text, else double-quoted."""
    plain = bool(_PLAIN.fullmatch(value)) and ": " not in value and not value.endswith(":")
    if _PLAIN_DATE.fullmatch(value) or (plain and not _AMBIGUOUS.fullmatch(value)):
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_field(key: str, value: Value, indent: str = "") -> list[str]:
    if isinstance(value, bool):
        return [f"{indent}{key}: {'true' if value else 'false'}"]
    if isinstance(value, str):
        if len(value) > FOLD_AT:
            wrapped = textwrap.wrap(value, 100, break_long_words=False, break_on_hyphens=False)
            return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in wrapped)]
        return [f"{indent}{key}: {scalar(value)}"]
    if isinstance(value, dict):
        return [f"{indent}{key}:", *(line for k, v in value.items() for line in yaml_field(k, v, indent + "  "))]
    lines = [f"{indent}{key}:"]
    for item in value:
        if isinstance(item, dict):
            inner = [line for k, v in item.items() for line in yaml_field(k, v, indent + "    ")]
            lines += [f"{indent}  - {inner[0].lstrip()}", *inner[1:]]
        else:
            lines.append(f"{indent}  - {scalar(item)}")
    return lines


def yaml_text(fields: Fields) -> str:
    return "".join(f"{line}\n" for key, value in fields.items() for line in yaml_field(key, value))


ABOUT_PAGE = """# Over deze atlas

Deze atlas is synthetisch: de items zijn gemaakt door `bench/synthetic.py` om de zoekfunctie en de bouw van
de Kennisatlas te meten bij veel inhoud. Namen, regio's en teksten lijken echt, maar beschrijven niets.
"""
# The other pages every atlas must have (generator/validate.py REQUIRED_PAGES): the footer links to them.
ACCESSIBILITY_PAGE = "# Toegankelijkheid\n\nDeze synthetische atlas heeft geen eigen toegankelijkheidsverklaring.\n"
PRIVACY_PAGE = "# Privacy\n\nDeze synthetische atlas zet geen cookies en volgt niemand.\n"


def generate(entries: int = DEFAULT_ENTRIES, seed: int = DEFAULT_SEED) -> dict[str, str]:
    """{path relative to the content folder: file text} for a synthetic atlas of ``entries`` entries."""
    rng = Random(seed)
    plan = make_plan(rng, kind_counts(entries))
    writer = Writer(rng, plan)
    files = {
        "pages/over.md": ABOUT_PAGE,
        "pages/toegankelijkheid.md": ACCESSIBILITY_PAGE,
        "pages/privacy.md": PRIVACY_PAGE,
    }
    for kind in KINDS:
        for header in plan.headers[kind.key]:
            entry = writer.entry(kind.key, header)
            files[entry.path] = entry.text()
    return files


def write_synthetic_atlas(
    out_dir: Path, entries: int = DEFAULT_ENTRIES, seed: int = DEFAULT_SEED, progress: Progress = QUIET
) -> dict[str, int]:
    """Write the tree into ``out_dir`` (which must be empty or missing); returns the entries per kind."""
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty")
    progress.stage("Genereren")
    files = generate(entries, seed)
    progress.stage("Schrijven", len(files))
    for relative, text in counted(progress, files.items()):
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return kind_counts(entries)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description="Write a synthetic atlas.")
    parser.add_argument("out_dir", type=Path, help="content folder to create (must be empty or missing)")
    parser.add_argument("--entries", type=int, default=DEFAULT_ENTRIES, help="number of entries (default 20000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 2020)")
    args = parser.parse_args(argv)
    try:
        with terminal_progress() as progress:
            counts = write_synthetic_atlas(args.out_dir, args.entries, args.seed, progress)
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    summary = ", ".join(f"{count} {KIND_BY_KEY[kind].folder}" for kind, count in counts.items())
    print(f"{sum(counts.values())} entries in {args.out_dir}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
