"""Stage 2, validate: records → a typed, cross-checked ``Atlas``.

Per file the pydantic model decides; across files the rules in
``crossrules`` do. Every error is collected with its position before anything
is raised, so a contributor sees all problems of a change at once.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .atlas import Atlas
from .crossrules import check_cross_file
from .errors import ContentError, ContentErrors, suggest
from .kinds import KINDS, Kind
from .load import Loaded, Page, Record
from .models import Entity
from .yamlstrict import field_name


def _message(error: ErrorDetails, model: type[Entity]) -> str:
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        return "onbekend veld" + suggest(name, list(model.model_fields))
    if kind == "enum":
        options = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"'{given}' is geen toegestane waarde; kies uit: {options}"
    if kind in ("string_type", "str_type"):
        return f"verwacht tekst, niet {given!r}; zet de waarde tussen aanhalingstekens"
    if kind == "list_type":
        return "verwacht een lijst (regels die beginnen met '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "verwacht velden (sleutel: waarde)"
    if kind in ("bool_type", "bool_parsing"):
        return "verwacht true of false"
    if kind == "too_short":
        return (
            "mag niet leeg zijn" if ctx.get("min_length") == 1 else f"verwacht minstens {ctx.get('min_length')} waarden"
        )
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")).startswith("^https"):
            return f"{given!r} moet een https-adres zijn (https://…)"
        return f"{given!r}: gebruik kleine letters, cijfers en koppeltekens (zoals 'langer-thuis-wonen')"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _prepare(record: Record) -> tuple[dict[str, Any], list[ContentError]]:
    """The record's data with the Markdown body in its field."""
    data = dict(record.document.data)
    body_field = record.kind.model.BODY_FIELD
    if record.body is None:
        return data, []
    if body_field in data:
        line, column = record.document.position((body_field,))
        return data, [
            ContentError(
                record.path,
                line,
                column,
                body_field,
                "staat zowel in de velden als in de tekst onder de '---'; kies één plek",
            )
        ]
    data[body_field] = record.body
    record.document.positions[(body_field,)] = (record.body_line, 1)
    return data, []


def validate_record(record: Record) -> tuple[Entity | None, list[ContentError]]:
    """One file against its model; errors located at the offending value."""
    data, errors = _prepare(record)
    model = record.kind.model
    try:
        entity = model.model_validate(data)
    except ValidationError as failure:
        for detail in failure.errors():
            path = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
            line, column = record.document.position(path)
            errors.append(ContentError(record.path, line, column, field_name(path), _message(detail, model)))
        return None, errors
    if entity.id != record.stem:
        line, column = record.document.position(("id",))
        errors.append(
            ContentError(
                record.path, line, column, "id", f"'{entity.id}' moet gelijk zijn aan de bestandsnaam '{record.stem}'"
            )
        )
    return entity, errors


def _add(atlas: Atlas, kind: Kind, record: Record, entity: Entity) -> ContentError | None:
    earlier = atlas.sources.get((kind.key, entity.id))
    if earlier is not None:
        line, column = record.document.position(("id",))
        return ContentError(record.path, line, column, "id", f"'{entity.id}' bestaat al in {earlier.path}")
    atlas.entries[kind.key][entity.id] = entity
    atlas.sources[(kind.key, entity.id)] = record
    return None


REQUIRED_PAGES = ("over", "toegankelijkheid", "privacy")  # the footer of every page links to the last two
RESERVED_SLUGS = {"index", "vraag-stellen", "zoeken", "assets", *(kind.section for kind in KINDS)}
_RAW_HTML = re.compile(r"<[a-zA-Z!/]|javascript:", re.IGNORECASE)


def check_pages(pages: list[Page], content_dir_label: str) -> list[ContentError]:
    """Free pages: the required ones exist, none takes a generated path, none carries raw HTML."""
    errors = []
    slugs = {page.slug for page in pages}
    for required in REQUIRED_PAGES:
        if required not in slugs:
            path = f"{content_dir_label}/pages/{required}.md"
            errors.append(ContentError(path, 1, 1, "", "deze pagina is verplicht en ontbreekt"))
    for page in pages:
        if page.slug in RESERVED_SLUGS:
            errors.append(ContentError(page.path, 1, 1, "", f"de naam '{page.slug}' is al in gebruik door de site"))
        for number, line in enumerate(page.text.splitlines(), start=1):
            found = _RAW_HTML.search(line)
            if found:
                errors.append(
                    ContentError(
                        page.path,
                        number,
                        found.start() + 1,
                        "",
                        "HTML en javascript: zijn niet toegestaan in pagina's; gebruik Markdown",
                    )
                )
    return errors


def validate(loaded: Loaded, content_dir_label: str = "content") -> Atlas:
    """Validate everything; raise ``ContentErrors`` with every error, or return the atlas."""
    atlas = Atlas(pages=loaded.pages)
    errors = list(loaded.errors)
    for record in loaded.records:
        entity, record_errors = validate_record(record)
        errors.extend(record_errors)
        if entity is not None and entity.id == record.stem:
            duplicate = _add(atlas, record.kind, record, entity)
            if duplicate:
                errors.append(duplicate)
    errors.extend(check_cross_file(atlas))
    errors.extend(check_pages(loaded.pages, content_dir_label))
    if errors:
        raise ContentErrors(errors)
    return atlas
