"""The guided question form (``/vraag-stellen/``) and the GitHub issue form it fills in.

One list of fields, in the order of the form's steps, names what the page asks, which query
parameters its GitHub link carries and which fields ``.github/ISSUE_TEMPLATE/kennisvraag.yml``
has. The issue form lists the atlas' themes, regions and offers, so it is generated from the
content (``atlas issue-form``) and a test fails when the file and the content drift apart.

Themes, region and needs are text inputs on GitHub, not dropdowns: GitHub fills in issue form
fields from the URL only for inputs and text areas (a dropdown in the URL makes it show the
blank form), and the page's link must carry every answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..atlas import Atlas
from ..config import PROJECT_ROOT
from ..models import Region
from ..vocab import Offer

ISSUE_FORM_PATH = PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE" / "kennisvraag.yml"
ISSUE_TEMPLATE = ISSUE_FORM_PATH.name
NATIONWIDE = "Landelijk / weet ik niet"
"""The region choice for a question that plays nationwide, or whose asker does not know."""
PRIVACY_FIELD = "privacy"
SEPARATOR = "; "
"""Between the names of several themes or needs in one GitHub field (theme names hold commas)."""


@dataclass(frozen=True)
class AskField:
    """One answer of the form: its id (form control name, URL parameter, issue field id)."""

    id: str
    step: int
    label: str
    kind: str
    """GitHub issue form type: ``input`` or ``textarea``."""
    required: bool = False
    choices: str = ""
    """Which list of the atlas the answer comes from: ``theme``, ``region`` or ``offer``."""


FIELDS: tuple[AskField, ...] = (
    AskField("question", 1, "Je vraag", "textarea", required=True),
    AskField("themes", 2, "Thema's", "input", choices="theme"),
    AskField("region", 3, "Regio", "input", choices="region"),
    AskField("involved", 4, "Wie zijn erbij betrokken?", "input"),
    AskField("target_group", 4, "Voor wie is het: de doelgroep", "input"),
    AskField("known", 5, "Wat is er al bekend of geprobeerd?", "textarea"),
    AskField("needs", 6, "Wat heb je nodig?", "input", choices="offer"),
    AskField("deadline", 6, "Wanneer heb je het nodig?", "input"),
)
FIELD_IDS: tuple[str, ...] = tuple(field.id for field in FIELDS)


def template_context() -> dict[str, Any]:
    """What the page template (templates/ask.md.j2) needs besides the atlas."""
    return {
        "fields": {field.id: field for field in FIELDS},
        "offers": list(Offer),
        "nationwide": NATIONWIDE,
        "region_contact": region_contact,
    }


def region_contact(atlas: Atlas, region: Region) -> tuple[str | None, str]:
    """(e-mail address, who answers it) of a region's contact point: its own, else its trekker's."""
    if region.contact and region.contact.email:
        return region.contact.email, f"het schakelpunt van {region.name}"
    trekker = atlas.get("partner", region.trekker)
    if trekker is not None and trekker.contact.email:
        return trekker.contact.email, f"{trekker.name}, trekker van de schakelfunctie in {region.name}"
    return None, ""


def choices(atlas: Atlas, kind: str) -> list[str]:
    """The names a GitHub field accepts, as the page writes them into its link."""
    if kind == "theme":
        return [theme.name for theme in atlas.of("theme")]
    if kind == "region":
        return [NATIONWIDE, *(region.name for region in atlas.of("region"))]
    return [offer.label for offer in Offer]


def _description(atlas: Atlas, field: AskField) -> str:
    if field.choices == "theme":
        return "Eén of meer, gescheiden door puntkomma's. Kies uit: " + SEPARATOR.join(choices(atlas, "theme")) + "."
    if field.choices == "region":
        return "Kies één uit: " + SEPARATOR.join(choices(atlas, "region")) + "."
    if field.choices == "offer":
        return "Eén of meer, gescheiden door puntkomma's. Kies uit: " + SEPARATOR.join(choices(atlas, "offer")) + "."
    if field.id == "deadline":
        return "Een datum (JJJJ-MM-DD), als er een termijn is."
    return ""


def _element(atlas: Atlas, field: AskField) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": field.label}
    description = _description(atlas, field)
    if description:
        attributes["description"] = description
    return {
        "type": field.kind,
        "id": field.id,
        "attributes": attributes,
        "validations": {"required": field.required},
    }


def issue_form(atlas: Atlas) -> dict[str, Any]:
    """The GitHub issue form for a kennisvraag, as data."""
    intro = (
        "Beschrijf je kennisvraag. De schakelfunctie helpt je de vraag scherp te krijgen en zoekt "
        "kennispartners, goede praktijken en onderzoek die kunnen helpen. Het formulier op de pagina "
        "*Vraag stellen* van de atlas vult deze velden voor je in."
    )
    privacy = {
        "type": "checkboxes",
        "id": PRIVACY_FIELD,
        "attributes": {
            "label": "Persoonsgegevens",
            "options": [
                {
                    "label": "Mijn vraag bevat geen namen of andere persoonsgegevens van mensen.",
                    "required": True,
                }
            ],
        },
    }
    return {
        "name": "Kennisvraag",
        "description": "Stel een kennisvraag aan de regionale kennis-schakelfunctie.",
        "title": "Kennisvraag: ",
        "labels": ["kennisvraag"],
        "body": [
            {"type": "markdown", "attributes": {"value": intro}},
            *(_element(atlas, field) for field in FIELDS),
            privacy,
        ],
    }


def issue_form_text(atlas: Atlas) -> str:
    header = (
        "# Generated by `atlas issue-form` from content/ (themes, regions) and generator/broker/askform.py.\n"
        "# Do not edit by hand: change the content or the code and run `atlas issue-form` again.\n"
    )
    return header + yaml.safe_dump(issue_form(atlas), allow_unicode=True, sort_keys=False, width=100)


def write_issue_form(atlas: Atlas, path: Path = ISSUE_FORM_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(issue_form_text(atlas), encoding="utf-8")
    return path


def issue_form_is_current(atlas: Atlas, path: Path = ISSUE_FORM_PATH) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == issue_form_text(atlas)
