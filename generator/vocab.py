"""Controlled vocabularies of the atlas.

Values are Dutch because contributors type them and visitors read them; each
enum carries the label shown on the site. Adding a value here is a design
decision: it changes the schemas, the filters and the overviews at once.
"""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A controlled value with a Dutch label for the site."""

    label: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Domain(Vocabulary):
    FYSIEK = ("fysiek", "Fysiek domein")
    SOCIAAL = ("sociaal", "Sociaal domein")


class Level(Vocabulary):
    LOKAAL = ("lokaal", "Lokaal")
    REGIONAAL = ("regionaal", "Regionaal")
    LANDELIJK = ("landelijk", "Landelijk")


class PartnerKind(Vocabulary):
    GEMEENTE = ("gemeente", "Gemeente")
    PROVINCIE = ("provincie", "Provincie")
    WATERSCHAP = ("waterschap", "Waterschap")
    RIJKSOVERHEID = ("rijksoverheid", "Rijksoverheid")
    KOEPELORGANISATIE = ("koepelorganisatie", "Koepelorganisatie")
    ADVIESRAAD = ("adviesraad", "Adviesraad")
    PLANBUREAU = ("planbureau", "Planbureau")
    KENNISINSTITUUT = ("kennisinstituut", "Kennisinstituut")
    UNIVERSITEIT = ("universiteit", "Universiteit")
    HOGESCHOOL = ("hogeschool", "Hogeschool")
    GGD = ("ggd", "GGD")
    MAATSCHAPPELIJKE_ORGANISATIE = ("maatschappelijke-organisatie", "Maatschappelijke organisatie")
    NETWERKORGANISATIE = ("netwerkorganisatie", "Netwerkorganisatie")
    ADVIESBUREAU = ("adviesbureau", "Adviesbureau")


class Offer(Vocabulary):
    ONDERZOEK = ("onderzoek", "Onderzoek")
    DATA = ("data", "Data")
    ADVIES = ("advies", "Advies")
    TRAINING = ("training", "Training")
    NETWERK = ("netwerk", "Netwerk")
    PRAKTIJKKENNIS = ("praktijkkennis", "Praktijkkennis")


class Variant(Vocabulary):
    ACTIEF = ("actief", "Actieve variant")
    PROACTIEF = ("proactief", "Proactieve variant")
    PRODUCTIEF = ("productief", "Productieve variant")


class Evidence(Vocabulary):
    BESCHREVEN = ("beschreven", "Beschreven")
    ONDERBOUWD = ("onderbouwd", "Theoretisch onderbouwd")
    EFFECTIEF = ("effectief", "Effectief")


class RegionScale(Vocabulary):
    GEMEENTE = ("gemeente", "Gemeente")
    REGIO = ("regio", "Regio (samenwerkende gemeenten)")
    PROVINCIE = ("provincie", "Provincie")
    LANDSDEEL = ("landsdeel", "Landsdeel")


class FundingScenario(Vocabulary):
    NUL = ("nul", "0-scenario")
    BASIS = ("basis", "Basisscenario")
    PLUS = ("plus", "Plusscenario")


class NetworkKind(Vocabulary):
    KENNISCOMMUNITY = ("kenniscommunity", "Kenniscommunity")
    WERKPLAATS = ("werkplaats", "Werkplaats")
    KENNISPLATFORM = ("kennisplatform", "Kennisplatform")
    CITY_DEAL = ("city-deal", "City Deal")
    PROGRAMMA = ("programma", "Programma")
    MONITOR = ("monitor", "Monitor")
    NETWERK = ("netwerk", "Netwerk")


class QuestionStatus(Vocabulary):
    INGEDIEND = ("ingediend", "Ingediend")
    VERHELDERD = ("verhelderd", "Verhelderd")
    GEKOPPELD = ("gekoppeld", "Gekoppeld")
    IN_ONDERZOEK = ("in-onderzoek", "In onderzoek")
    BEANTWOORD = ("beantwoord", "Beantwoord")


class ResearchStatus(Vocabulary):
    WENS = ("wens", "Onderzoekswens")
    LOPEND = ("lopend", "Lopend onderzoek")
    AFGEROND = ("afgerond", "Afgerond onderzoek")


class EventKind(Vocabulary):
    KENNISCAFE = ("kenniscafe", "Kenniscafé")
    TRAINING = ("training", "Training")
    WERKSESSIE = ("werksessie", "Werksessie")
    CONGRES = ("congres", "Congres")
    WEBINAR = ("webinar", "Webinar")
