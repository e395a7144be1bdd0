"""Which form field stands for which model field, and how its answer is written.

The issue forms and ``atlas from-issue`` both read this table, so a form never asks for something the
parser cannot put back into a content file. Every field of a model gets one form field (id = the model's
field name), except those the tool fills in itself and the contact persons: names and e-mail addresses of
people do not belong in a public issue.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic.fields import FieldInfo

from ..fieldtypes import SUMMARY_MAX
from ..kinds import Kind
from ..models import ContactPoint, Link
from ..vocab import Vocabulary

FILLED_BY_TOOL = frozenset({"id", "last_reviewed", "submitted", "updated"})
"""The id comes from the name; dates are the day the issue becomes a pull request."""
LEFT_OUT = frozenset({"contact_persons"})
"""Personal data: added by a maintainer with recorded consent, never through a public issue."""

LABELS: dict[str, str] = {
    "name": "Naam",
    "title": "Titel",
    "abbreviation": "Afkorting",
    "kind": "Soort",
    "level": "Schaal",
    "domains": "Domeinen",
    "themes": "Thema's",
    "regions": "Regio's",
    "region": "Regio",
    "offers": "Aanbod",
    "expertise": "Expertise",
    "website": "Website",
    "contact": "Contactpunt",
    "summary": "Samenvatting",
    "who": "Wie doen er mee?",
    "what": "Wat doet de praktijk?",
    "needs": "Wat is er nodig?",
    "background": "Toelichting",
    "partners": "Kennispartners",
    "networks": "Netwerken",
    "variant": "Variant van de schakelfunctie",
    "evidence": "Bewijskracht",
    "links": "Links",
    "source": "Bron",
    "status": "Stand",
    "commissioned_by": "Opdrachtgevers",
    "target_groups": "Doelgroepen",
    "start": "Begin",
    "end": "Einde",
    "description": "Beschrijving",
    "location": "Plaats",
    "online": "Online",
    "organiser": "Organisator",
    "url": "Webpagina",
    "members": "Deelnemende partners",
    "coordinator": "Coördinator",
    "rhythm": "Ritme",
    "synonyms": "Andere namen of zoekwoorden",
    "provinces": "Provincies",
    "trekker": "Trekker",
    "scale": "Schaal",
    "question": "De vraag",
    "context": "Achtergrond",
    "asked_by": "Gesteld door",
    "practices": "Goede praktijken",
    "research": "Onderzoek",
    "answer": "Antwoord",
    "ibp_opgave": "IBP-opgave",
    "related": "Verwante thema's",
    "agenda_themes": "Kennisagenda: thema's",
    "agenda_questions": "Kennisagenda: vragen",
    "funding": "Financieringsscenario",
    "next_evaluation": "Volgende evaluatie",
    "contact_persons": "Contactpersonen",
}
"""Short Dutch labels; the model's description becomes the help text under them."""

LINK_FORMAT = "Eén link per regel: titel | https://…"
CONTACT_FORMAT = (
    "Eén per regel: een algemeen e-mailadres, een algemeen telefoonnummer en/of een contactpagina (https://…). "
    "Geen persoonlijke adressen."
)
LINES_FORMAT = "Eén per regel."
DATE_FORMAT = "Een datum als JJJJ-MM-DD."
MOMENT_FORMAT = "Een datum (JJJJ-MM-DD) of datum en tijd (JJJJ-MM-DDTUU:MM)."


@dataclass(frozen=True)
class FormField:
    """One question of an issue form, standing for one model field."""

    name: str
    """The model's field name; also the form field's id."""
    label: str
    description: str
    shape: str
    """How the answer is written: text, longtext, markdown, url, date, moment, lines, links, contact, flag,
    choice or reference."""
    required: bool
    multiple: bool = False
    vocabulary: type[Vocabulary] | None = None
    target: str = ""
    """For a reference: the kind of entry it names."""


def _enum_in(annotation: Any) -> type[Vocabulary] | None:
    """The vocabulary inside ``Level``, ``Level | None`` or ``list[Domain]``."""
    if isinstance(annotation, type) and issubclass(annotation, Vocabulary):
        return annotation
    for argument in typing.get_args(annotation):
        if (found := _enum_in(argument)) is not None:
            return found
    return None


def _mentions(annotation: Any, model: type) -> bool:
    return annotation is model or any(_mentions(argument, model) for argument in typing.get_args(annotation))


def _string_shape(schema: dict[str, Any]) -> str:
    """text, longtext, markdown, url, date or moment, from the field's JSON Schema (the field types set it there)."""
    options = [schema, *schema.get("anyOf", [])]
    for option in options:
        if option.get("contentMediaType") == "text/markdown":
            return "markdown"
        if option.get("format") == "uri":
            return "url"
        if option.get("format") == "date":
            return "date"
        if "|" in str(option.get("pattern", "")):
            return "moment"
    # A summary of a few sentences gets a text area; names and short texts a one-line field.
    return "longtext" if any(option.get("maxLength") == SUMMARY_MAX for option in options) else "text"


def _shape(name: str, info: FieldInfo, kind: Kind, schema: dict[str, Any]) -> str:
    annotation = info.annotation
    if name in kind.model.REFERENCES:
        return "reference"
    if _enum_in(annotation) is not None:
        return "choice"
    if _mentions(annotation, Link):
        return "links"
    if _mentions(annotation, ContactPoint):
        return "contact"
    if annotation is bool:
        return "flag"
    if typing.get_origin(annotation) is list:
        return "lines"
    return _string_shape(schema)


def _required(info: FieldInfo) -> bool:
    return info.is_required() or any(getattr(meta, "min_length", 0) for meta in info.metadata)


@cache
def form_fields(kind: Kind) -> tuple[FormField, ...]:
    """The form's questions in the model's field order."""
    properties = kind.model.model_json_schema()["properties"]
    fields = []
    for name, info in kind.model.model_fields.items():
        if name in FILLED_BY_TOOL or name in LEFT_OUT:
            continue
        shape = _shape(name, info, kind, properties[name])
        fields.append(
            FormField(
                name=name,
                label=LABELS[name],
                description=info.description or "",
                shape=shape,
                required=_required(info),
                multiple=typing.get_origin(info.annotation) is list and shape in ("choice", "reference"),
                vocabulary=_enum_in(info.annotation),
                target=kind.model.REFERENCES.get(name, ""),
            )
        )
    return tuple(fields)
