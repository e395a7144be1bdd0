"""An answer of an issue form → the value of its model field, as a content file holds it.

Names chosen in a dropdown become ids, vocabulary labels become values, the one-line formats of links
and contact points become their fields. What cannot be read back is a problem in the contributor's own
words, never a guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..errors import suggest
from .formfields import FormField
from .issuebody import split_choices, ticked

Converted = tuple[Any, list[str]]
"""The value (None: leave the field out) and the problems found."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BULLET = re.compile(r"^[-*]\s+")
CONTACT_NAMES = {"email": "e-mailadres", "url": "contactpagina", "phone": "telefoonnummer"}


def _lines(answer: str) -> list[str]:
    stripped = (_BULLET.sub("", line.strip()).strip() for line in answer.split("\n"))
    return [line for line in stripped if line]


def _links(answer: str) -> Converted:
    links, problems = [], []
    for number, line in enumerate(_lines(answer), start=1):
        title, bar, url = line.rpartition("|")
        if not bar or not title.strip() or not url.strip():
            problems.append(f"regel {number} ('{line}'): schrijf elke link als 'titel | https://…'")
            continue
        links.append({"title": title.strip(), "url": url.strip()})
    return links, problems


def _contact(answer: str) -> Converted:
    contact: dict[str, str] = {}
    problems = []
    for line in _lines(answer):
        key = "email" if "@" in line else "url" if line.lower().startswith(("http:", "https:")) else "phone"
        if key in contact:
            problems.append(f"'{line}': geef één {CONTACT_NAMES[key]}")
            continue
        contact[key] = line
    return contact, problems


def _chosen(field: FormField, answer: str, options: dict[str, str], *, one_per_line: bool) -> Converted:
    """Dropdown choices (``a, b``), or names one per line (a correction's text area) → values or ids."""
    # A value or id written as such is understood too (a correction may name 'fysiek' or 'cbs').
    accepted = {**{value: value for value in options.values()}, **options}
    by_text = {text.casefold(): value for text, value in accepted.items()}
    if one_per_line:
        parts = _lines(answer)
        chosen = [part for part in parts if part.casefold() in by_text]
        unknown = [part for part in parts if part.casefold() not in by_text]
    else:
        chosen, unknown = split_choices(answer, accepted)
    problems = [f"'{part}' staat niet in de lijst{suggest(part, list(options))}" for part in unknown]
    values = [by_text[text.casefold()] for text in chosen]
    if field.multiple:
        return values, problems
    if len(values) > 1:
        return None, [*problems, "kies er één"]
    return (values[0] if values else None), problems


def to_value(field: FormField, answer: str | None, options: dict[str, str], *, one_per_line: bool = False) -> Converted:
    """The field's value for ``answer``; ``options`` maps dropdown texts to values for choices and references."""
    if answer is None:
        return (False, []) if field.shape == "flag" else (None, [])
    if field.shape in ("choice", "reference"):
        return _chosen(field, answer, options, one_per_line=one_per_line)
    if field.shape == "flag":
        return bool(ticked(answer)) or answer.strip().casefold() in ("ja", "true"), []
    if field.shape == "lines":
        return _lines(answer), []
    if field.shape == "links":
        return _links(answer)
    if field.shape == "contact":
        return _contact(answer)
    if field.shape in ("date", "moment") and _DATE.match(answer.strip()):
        # Written as a date, like every hand-made file; the model says so when the date does not exist.
        try:
            return date.fromisoformat(answer.strip()), []
        except ValueError:
            return answer.strip(), []
    if field.shape in ("markdown", "longtext"):
        return answer.strip(), []
    return " ".join(answer.split()), []
