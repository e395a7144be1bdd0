"""The content model: one pydantic model per kind of entry.

Every field has a Dutch description: the JSON Schemas in ``schemas/`` are
generated from these models and editors show the descriptions to
contributors. ``REFERENCES`` names, per field, the kind an id must resolve to;
the validate stage checks them across files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fieldtypes import Email, EntityId, HttpsUrl, IsoDate, Markdown, Moment, Name, Phone, Summary, Text
from .vocab import (
    Domain,
    EventKind,
    Evidence,
    FundingScenario,
    Level,
    NetworkKind,
    Offer,
    PartnerKind,
    QuestionStatus,
    RegionScale,
    ResearchStatus,
    Variant,
)

Ids = list[EntityId]


def ids(description: str, *, min_length: int = 0) -> Any:
    """A list of references to other entries, without duplicates."""
    return Field(
        default_factory=list, description=description, min_length=min_length, json_schema_extra={"uniqueItems": True}
    )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(Strict):
    title: Name = Field(description="Omschrijving van de link, zoals die op de site verschijnt. Hoogstens 200 tekens.")
    url: HttpsUrl = Field(description="Het webadres (https).")


class ContactPoint(Strict):
    """A functional contact point: never a person's own address."""

    email: Email | None = Field(None, description="Algemeen e-mailadres (geen persoonlijk adres).")
    phone: Phone | None = Field(None, description="Algemeen telefoonnummer.")
    url: HttpsUrl | None = Field(None, description="Contactpagina of website waar je terechtkunt.")

    @model_validator(mode="after")
    def _at_least_one(self) -> ContactPoint:
        if not (self.email or self.phone or self.url):
            raise ValueError("geef minstens een e-mailadres, telefoonnummer of contactpagina")
        return self


class ContactPerson(Strict):
    name: Name = Field(description="Naam van de contactpersoon. Hoogstens 200 tekens.")
    role: Text = Field(description="Rol of functie.")
    email: Email | None = Field(None, description="Zakelijk e-mailadres, alleen met toestemming.")
    consent_date: IsoDate = Field(description="Datum waarop de persoon toestemming gaf voor publicatie (JJJJ-MM-DD).")


class Entity(Strict):
    """Fields every entry has."""

    KIND: ClassVar[str]
    BODY_FIELD: ClassVar[str]
    REFERENCES: ClassVar[dict[str, str]] = {}

    id: EntityId = Field(description="Unieke sleutel in kleine letters met koppeltekens; gelijk aan de bestandsnaam.")

    def references(self) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
        """Every id this entry refers to: (field path, target kind, id); lists and single fields alike."""
        for name, target in self.REFERENCES.items():
            value = self.__dict__[name]
            if isinstance(value, list):
                for index, ref in enumerate(value):
                    yield (name, index), target, ref
            elif value:
                yield (name,), target, value


class Theme(Entity):
    KIND: ClassVar[str] = "theme"
    BODY_FIELD: ClassVar[str] = "description"
    REFERENCES: ClassVar[dict[str, str]] = {"related": "theme"}

    name: Name = Field(description="Naam van de opgave of het thema. Hoogstens 200 tekens.")
    domains: list[Domain] = Field(
        min_length=1, description="Domeinen waarin het thema speelt: fysiek, sociaal of beide."
    )
    description: Markdown = Field(
        description="Wat het thema inhoudt en waarom het een integrale aanpak vraagt "
        "(Markdown, hoogstens 20.000 tekens)."
    )
    synonyms: list[Text] = Field(
        default_factory=list, description="Zoekwoorden en synoniemen, zoals 'hittestress' bij klimaatadaptatie."
    )
    related: Ids = ids("Verwante thema's (id's).")
    ibp_opgave: Text | None = Field(
        None, description="De opgave van het Interbestuurlijk Programma (IBP) waar het thema onder valt."
    )


class Partner(Entity):
    KIND: ClassVar[str] = "partner"
    BODY_FIELD: ClassVar[str] = "expertise"
    REFERENCES: ClassVar[dict[str, str]] = {"themes": "theme", "regions": "region"}

    name: Name = Field(description="Officiële naam van de organisatie. Hoogstens 200 tekens.")
    abbreviation: Text | None = Field(None, description="Gangbare afkorting, zoals RIVM of PBL.")
    kind: PartnerKind = Field(description="Soort organisatie.")
    level: Level = Field(description="Schaal waarop de organisatie werkt: lokaal, regionaal of landelijk.")
    domains: list[Domain] = Field(min_length=1, description="Domeinen waarin de organisatie kennis heeft.")
    themes: Ids = ids("Thema's waarop de organisatie kennis heeft (id's).")
    regions: Ids = ids("Regio's waarin de organisatie actief is (id's); leeg bij landelijke partners.")
    offers: list[Offer] = Field(
        min_length=1,
        description="Wat de organisatie biedt: onderzoek, data, advies, training, netwerk, praktijkkennis.",
    )
    expertise: Markdown = Field(
        description="Waar de organisatie verstand van heeft (Markdown, hoogstens 20.000 tekens)."
    )
    website: HttpsUrl = Field(description="Website van de organisatie.")
    contact: ContactPoint = Field(
        description="Functioneel contactpunt: algemeen e-mailadres, telefoonnummer of contactpagina."
    )
    contact_persons: list[ContactPerson] = Field(
        default_factory=list, description="Contactpersonen, alleen met vastgelegde toestemming."
    )
    last_reviewed: IsoDate = Field(description="Datum waarop deze gegevens voor het laatst zijn gecontroleerd.")


class Practice(Entity):
    KIND: ClassVar[str] = "practice"
    BODY_FIELD: ClassVar[str] = "background"
    REFERENCES: ClassVar[dict[str, str]] = {
        "themes": "theme",
        "regions": "region",
        "partners": "partner",
        "networks": "network",
    }

    title: Name = Field(description="Titel van de goede praktijk. Hoogstens 200 tekens.")
    summary: Summary = Field(description="Samenvatting in één of twee zinnen, hoogstens 500 tekens.")
    who: Markdown = Field(
        description="Wie: wie doen er mee en wie nam het initiatief (Markdown, hoogstens 20.000 tekens)."
    )
    what: Markdown = Field(
        description="Wat: wat doet de praktijk en hoe werkt het (Markdown, hoogstens 20.000 tekens)."
    )
    needs: Markdown = Field(
        description="Nodig: wat is nodig om het te laten werken (Markdown, hoogstens 20.000 tekens)."
    )
    background: Markdown | None = Field(None, description="Verdere toelichting (Markdown, hoogstens 20.000 tekens).")
    themes: Ids = ids("Thema's (id's).", min_length=1)
    regions: Ids = ids("Regio's (id's); leeg als de praktijk landelijk is.")
    partners: Ids = ids("Betrokken kennispartners (id's).")
    networks: Ids = ids("Netwerken waarin de praktijk is ondergebracht (id's).")
    variant: Variant = Field(description="De variant van de schakelfunctie die de praktijk laat zien.")
    evidence: Evidence | None = Field(None, description="Bewijskracht, als die bekend is.")
    links: list[Link] = Field(default_factory=list, description="Links naar meer informatie.")
    source: Text = Field(description="Bron van de beschrijving.")
    last_reviewed: IsoDate = Field(description="Datum waarop deze beschrijving voor het laatst is gecontroleerd.")


class Region(Entity):
    KIND: ClassVar[str] = "region"
    BODY_FIELD: ClassVar[str] = "description"
    REFERENCES: ClassVar[dict[str, str]] = {
        "trekker": "partner",
        "partners": "partner",
        "agenda_themes": "theme",
        "agenda_questions": "question",
    }

    name: Name = Field(description="Naam van de regio. Hoogstens 200 tekens.")
    synonyms: list[Text] = Field(
        default_factory=list, description="Andere namen waarop gezocht wordt, zoals 'Friesland' bij Fryslân."
    )
    scale: RegionScale = Field(description="Schaal van de regio.")
    provinces: list[Text] = Field(default_factory=list, description="Provincie(s) waarin de regio ligt.")
    description: Markdown = Field(
        description="Wat er in de regio aan kennisverbinding is (Markdown, hoogstens 20.000 tekens)."
    )
    contact: ContactPoint | None = Field(
        None, description="Het ene contactpunt van de schakelfunctie: telefoon, e-mail of web."
    )
    variant: Variant | None = Field(
        None, description="De variant van de schakelfunctie in deze regio, als die gekozen is."
    )
    trekker: EntityId | None = Field(None, description="De partner die de schakelfunctie trekt (id).")
    partners: Ids = ids("Deelnemende kennispartners (id's).")
    agenda_themes: Ids = ids("Kennisagenda: de thema's met voorrang (id's).")
    agenda_questions: Ids = ids("Kennisagenda: de vragen met voorrang (id's).")
    funding: FundingScenario | None = Field(None, description="Financieringsscenario: nul, basis of plus.")
    next_evaluation: IsoDate | None = Field(None, description="Datum van de volgende evaluatie van de schakelfunctie.")
    last_reviewed: IsoDate = Field(description="Datum waarop deze gegevens voor het laatst zijn gecontroleerd.")


class Network(Entity):
    KIND: ClassVar[str] = "network"
    BODY_FIELD: ClassVar[str] = "description"
    REFERENCES: ClassVar[dict[str, str]] = {
        "regions": "region",
        "themes": "theme",
        "members": "partner",
        "coordinator": "partner",
    }

    name: Name = Field(description="Naam van het netwerk. Hoogstens 200 tekens.")
    kind: NetworkKind = Field(description="Soort netwerk.")
    description: Markdown = Field(description="Doel en werkwijze van het netwerk (Markdown, hoogstens 20.000 tekens).")
    regions: Ids = ids("Regio's (id's); leeg bij een landelijk netwerk.")
    themes: Ids = ids("Thema's (id's).")
    members: Ids = ids("Deelnemende partners (id's).")
    coordinator: EntityId | None = Field(None, description="Coördinerende partner (id).")
    rhythm: Text | None = Field(None, description="Hoe vaak het netwerk bijeenkomt, zoals 'eens per half jaar'.")
    website: HttpsUrl | None = Field(None, description="Website van het netwerk.")
    last_reviewed: IsoDate = Field(description="Datum waarop deze gegevens voor het laatst zijn gecontroleerd.")


class Question(Entity):
    KIND: ClassVar[str] = "question"
    BODY_FIELD: ClassVar[str] = "context"
    REFERENCES: ClassVar[dict[str, str]] = {
        "asked_by": "partner",
        "region": "region",
        "themes": "theme",
        "partners": "partner",
        "practices": "practice",
        "research": "research",
    }

    title: Name = Field(description="Korte titel van de vraag. Hoogstens 200 tekens.")
    question: Text = Field(description="De kennisvraag zelf, als vraag geformuleerd.")
    context: Markdown | None = Field(None, description="Achtergrond bij de vraag (Markdown, hoogstens 20.000 tekens).")
    asked_by: EntityId | None = Field(None, description="De partner die de vraag stelt (id).")
    region: EntityId | None = Field(
        None, description="De regio waar de vraag speelt (id); leeg als de vraag landelijk speelt."
    )
    themes: Ids = ids("Thema's (id's).", min_length=1)
    domains: list[Domain] = Field(min_length=1, description="Domeinen van de vraag.")
    status: QuestionStatus = Field(
        description="Stand van de vraag: ingediend, verhelderd, gekoppeld, in-onderzoek of beantwoord."
    )
    submitted: IsoDate = Field(description="Datum waarop de vraag is ingediend.")
    updated: IsoDate | None = Field(None, description="Datum van de laatste wijziging in de status.")
    partners: Ids = ids("Partners aan wie de vraag is gekoppeld (id's).")
    practices: Ids = ids("Goede praktijken die bij de vraag helpen (id's).")
    research: Ids = ids("Onderzoek dat de vraag beantwoordt of zal beantwoorden (id's).")
    answer: Markdown | None = Field(
        None, description="Het antwoord, als de vraag beantwoord is (Markdown, hoogstens 20.000 tekens)."
    )
    links: list[Link] = Field(default_factory=list, description="Links naar meer informatie.")


class Research(Entity):
    KIND: ClassVar[str] = "research"
    BODY_FIELD: ClassVar[str] = "summary"
    REFERENCES: ClassVar[dict[str, str]] = {
        "partners": "partner",
        "commissioned_by": "partner",
        "region": "region",
        "themes": "theme",
    }

    title: Name = Field(description="Titel van het onderzoek of de onderzoekswens. Hoogstens 200 tekens.")
    status: ResearchStatus = Field(description="wens (onderzoekswens), lopend of afgerond.")
    summary: Markdown = Field(description="Waar het onderzoek over gaat (Markdown, hoogstens 20.000 tekens).")
    partners: Ids = ids("Uitvoerende partners (id's).")
    commissioned_by: Ids = ids("Opdrachtgevers of initiatiefnemers (id's).")
    region: EntityId | None = Field(None, description="Regio van het onderzoek (id); leeg bij landelijk onderzoek.")
    themes: Ids = ids("Thema's (id's).", min_length=1)
    target_groups: list[Text] = Field(default_factory=list, description="Doelgroepen van het onderzoek.")
    start: IsoDate | None = Field(None, description="Begindatum.")
    end: IsoDate | None = Field(None, description="(Verwachte) einddatum.")
    links: list[Link] = Field(default_factory=list, description="Links naar publicaties of projectpagina's.")
    last_reviewed: IsoDate = Field(description="Datum waarop deze gegevens voor het laatst zijn gecontroleerd.")

    @model_validator(mode="after")
    def _period_in_order(self) -> Research:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end ligt vóór start")
        return self


class Event(Entity):
    KIND: ClassVar[str] = "event"
    BODY_FIELD: ClassVar[str] = "description"
    REFERENCES: ClassVar[dict[str, str]] = {
        "region": "region",
        "themes": "theme",
        "organiser": "partner",
        "networks": "network",
    }

    title: Name = Field(description="Naam van de bijeenkomst. Hoogstens 200 tekens.")
    kind: EventKind = Field(description="Soort bijeenkomst.")
    description: Markdown = Field(description="Waar de bijeenkomst over gaat (Markdown, hoogstens 20.000 tekens).")
    start: Moment = Field(description="Begin: datum (JJJJ-MM-DD) of tijdstip (JJJJ-MM-DDTUU:MM).")
    end: Moment | None = Field(None, description="Einde: datum of tijdstip.")
    location: Text | None = Field(None, description="Plaats van de bijeenkomst.")
    online: bool = Field(False, description="true als de bijeenkomst (ook) online is.")
    region: EntityId | None = Field(None, description="Regio (id); leeg bij een landelijke bijeenkomst.")
    themes: Ids = ids("Thema's (id's).")
    organiser: EntityId | None = Field(None, description="Organiserende partner (id).")
    networks: Ids = ids("Netwerken die de bijeenkomst organiseren (id's).")
    url: HttpsUrl | None = Field(None, description="Pagina met informatie of aanmelding.")

    @property
    def start_key(self) -> str:
        """Sortable start, whether it is a date or a date and time."""
        return self.start.isoformat()

    @model_validator(mode="after")
    def _place_given(self) -> Event:
        if not self.location and not self.online:
            raise ValueError("geef een plaats (location) of zet online op true")
        if self.end is not None and self.end.isoformat() < self.start.isoformat():
            raise ValueError("end ligt vóór start")
        return self


MODELS: dict[str, type[Entity]] = {
    model.KIND: model for model in (Theme, Partner, Practice, Region, Network, Question, Research, Event)
}
