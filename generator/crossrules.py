"""Rules across files, each a tiny function yielding ``(field path, message)``.

A rule reads one entry in the context of the whole atlas. ``RULES`` lists them
all; ``check_cross_file`` locates each finding in its source file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from .atlas import Atlas
from .errors import ContentError, suggest
from .fieldtypes import ID_PATTERN
from .load import Record
from .models import Entity, Question
from .scaffold import PLACEHOLDERS
from .vocab import QuestionStatus
from .yamlstrict import FieldPath, field_name

Finding = tuple[FieldPath, str]
Rule = Callable[[Atlas, Entity], Iterator[Finding]]
Reference = tuple[FieldPath, str, str]
Known = dict[str, set[str]]
_ID = re.compile(ID_PATTERN)

UNKNOWN = {
    "theme": "geen bekend thema",
    "partner": "geen bekende partner",
    "practice": "geen bekende goede praktijk",
    "region": "geen bekende regio",
    "network": "geen bekend netwerk",
    "question": "geen bekende vraag",
    "research": "geen bekend onderzoek",
    "event": "geen bekende bijeenkomst",
}
LINKED_STATUSES = (QuestionStatus.GEKOPPELD, QuestionStatus.IN_ONDERZOEK, QuestionStatus.BEANTWOORD)


def unknown_references(references: Iterable[Reference], known: Known) -> Iterator[Finding]:
    """References to ids that no file has."""
    for path, target, ref in references:
        if ref not in known[target]:
            yield path, f"'{ref}' is {UNKNOWN[target]}{suggest(ref, sorted(known[target]))}"


def written_references(record: Record) -> Iterator[Reference]:
    """The references of a file whose entry failed validation, read from its data as written.

    Values that are no id at all already have their own error from the model.
    """
    for name, target in record.kind.model.REFERENCES.items():
        value = record.document.data.get(name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, ref in items:
            if isinstance(ref, str) and _ID.match(ref):
                yield ((name,) if index is None else (name, index)), target, ref


def no_duplicates_in_lists(atlas: Atlas, entity: Entity) -> Iterator[Finding]:
    for name in type(entity).model_fields:
        value = getattr(entity, name)
        if not isinstance(value, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(value):
            key = str(item)
            if key in seen:
                yield (name, index), f"'{key}' staat dubbel in de lijst"
            seen.add(key)


def no_self_reference(atlas: Atlas, entity: Entity) -> Iterator[Finding]:
    for path, target, ref in entity.references():
        if target == type(entity).KIND and ref == entity.id:
            yield path, "een item kan niet naar zichzelf verwijzen"


def question_status_fits(atlas: Atlas, entity: Entity) -> Iterator[Finding]:
    if not isinstance(entity, Question):
        return
    if entity.status in LINKED_STATUSES and not (entity.partners or entity.practices or entity.research):
        yield (
            ("status",),
            (
                f"status '{entity.status}' vraagt om minstens één gekoppelde partner, "
                "praktijk of onderzoek (partners, practices of research)"
            ),
        )
    if entity.status == QuestionStatus.IN_ONDERZOEK and not entity.research:
        yield ("status",), "status 'in-onderzoek' vraagt om het onderzoek (research)"
    if entity.status == QuestionStatus.BEANTWOORD and not entity.answer:
        yield ("answer",), "een beantwoorde vraag heeft een antwoord (answer)"
    if entity.answer and entity.status != QuestionStatus.BEANTWOORD:
        yield ("status",), "er is een antwoord; zet de status op 'beantwoord'"
    if entity.updated and entity.updated < entity.submitted:
        yield ("updated",), "ligt vóór de datum van indienen (submitted)"


def dates_not_in_future(atlas: Atlas, entity: Entity) -> Iterator[Finding]:
    today = date.today()
    for name in ("last_reviewed", "submitted", "updated"):
        value = getattr(entity, name, None)
        if isinstance(value, date) and value > today:
            yield (name,), f"{value.isoformat()} ligt in de toekomst"


def _placeholders_in(value: Any, path: FieldPath) -> Iterator[Finding]:
    if isinstance(value, str) and value.strip() in PLACEHOLDERS:
        yield path, f"veld nog niet ingevuld: vervang de voorbeeldwaarde '{value.strip()}'"
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _placeholders_in(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _placeholders_in(inner, (*path, index))


def untouched_placeholders(atlas: Atlas, entity: Entity) -> Iterator[Finding]:
    """The example values of ``atlas new`` left as they are: the field still has to be filled in."""
    yield from _placeholders_in(entity.model_dump(), ())


RULES: tuple[Rule, ...] = (
    no_duplicates_in_lists,
    no_self_reference,
    question_status_fits,
    dates_not_in_future,
    untouched_placeholders,
)


def _located(record: Record, findings: Iterable[Finding]) -> Iterator[ContentError]:
    for path, message in findings:
        line, column = record.document.position(path)
        yield ContentError(record.path, line, column, field_name(path), message)


def check_cross_file(atlas: Atlas, unvalidated: Sequence[Record] = ()) -> list[ContentError]:
    """Run every rule on every entry; locate each finding in its file.

    ``unvalidated`` are the files whose entry failed validation: their ids
    still count as known (one mistake, one error), and their own references
    are still checked, so every mistake shows at once.
    """
    known: Known = {kind: set(entries) for kind, entries in atlas.entries.items()}
    for record in unvalidated:
        known[record.kind.key].add(record.stem)
    errors: list[ContentError] = []
    for (kind, key), record in atlas.sources.items():
        entity = atlas.entries[kind][key]
        errors += _located(record, unknown_references(entity.references(), known))
        for rule in RULES:
            errors += _located(record, rule(atlas, entity))
    for record in unvalidated:
        errors += _located(record, unknown_references(written_references(record), known))
    return errors
