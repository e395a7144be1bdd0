"""Stage 2, validate: records → a typed, cross-checked ``Atlas``.

Per file the pydantic model decides; across files the rules in
``crossrules`` do. Every error is collected with its position before anything
is raised, so a contributor sees all problems of a change at once.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .atlas import Atlas
from .crossrules import check_cross_file
from .errors import ContentError, ContentErrors, suggest
from .fieldtypes import TextProblemError
from .kinds import KINDS, Kind
from .load import Loaded, Page, Record
from .models import Entity
from .progress import QUIET, Progress, counted
from .textcheck import text_problems
from .yamlstrict import FieldPath, field_name


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the (nested) model at ``loc``, such as ``contact`` or ``links[0]``."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        nested = [kind for kind in _types_in(field.annotation if field else None) if _is_model(kind)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)


def _types_in(annotation: Any) -> list[Any]:
    """``ContactPoint | None`` and ``list[Link]`` → the types inside."""
    arguments = get_args(annotation)
    return [inner for argument in arguments for inner in _types_in(argument)] if arguments else [annotation]


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _suggestion(error: ErrorDetails, model: type[Entity]) -> str:
    """For an unknown field: ' (bedoelde je ...?)' from the fields at its own level."""
    return suggest(str(error["loc"][-1]), _fields_at(model, tuple(error["loc"][:-1])))


def _one_per_mistake(errors: list[ErrorDetails], model: type[Entity]) -> list[ErrorDetails]:
    """A misspelt field name is one mistake: keep 'unknown field (did you mean x?)', drop 'x is missing'."""
    meant = set()
    for error in errors:
        if error["type"] == "extra_forbidden" and (suggestion := _suggestion(error, model)):
            meant.add((*error["loc"][:-1], suggestion.split("'")[1]))
    return [error for error in errors if not (error["type"] == "missing" and tuple(error["loc"]) in meant)]


def _message(error: ErrorDetails, model: type[Entity]) -> str:
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "extra_forbidden":
        return "onbekend veld" + _suggestion(error, model)
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
    if kind == "too_long":
        unit = "tekens" if isinstance(given, str) else "waarden"
        return f"is te lang ({ctx.get('actual_length')} {unit}, hoogstens {ctx.get('max_length')})"
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
    record.document.positions[(body_field,)] = (record.body_line, record.body_column)
    return data, []


def _position(record: Record, path: FieldPath, error: ErrorDetails) -> tuple[int, int]:
    """Where the error stands; a problem inside a text at its very line and column, as in free pages."""
    line, column = record.document.position(path)
    inside = (error.get("ctx") or {}).get("error")
    if not isinstance(inside, TextProblemError):
        return line, column
    if record.body is not None and path == (record.kind.model.BODY_FIELD,):
        return (line + inside.line, inside.column) if inside.line else (line, column + inside.column - 1)
    return _in_yaml_source(record, path, inside) or (line, column)


def _in_yaml_source(record: Record, path: FieldPath, inside: TextProblemError) -> tuple[int, int] | None:
    """The same problem found in the lines the value is written on (None if folding or escapes hide it)."""
    written = record.document.source_lines(path)
    if written is None:
        return None
    first_line, lines = written
    for problem in text_problems(lines, markdown=inside.markdown):
        if problem.message == str(inside):
            return first_line + problem.line, problem.column
    return None


def validate_record(record: Record) -> tuple[Entity | None, list[ContentError]]:
    """One file against its model; errors located at the offending value."""
    data, errors = _prepare(record)
    model = record.kind.model
    try:
        entity = model.model_validate(data)
    except ValidationError as failure:
        for detail in _one_per_mistake(failure.errors(), model):
            path = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
            if field_name(path) in record.flagged:
                continue
            line, column = _position(record, path, detail)
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


def add_entry(atlas: Atlas, kind: Kind, record: Record, entity: Entity) -> ContentError | None:
    """The entry put in the atlas with its file; or, when an earlier file has its id, the error (and nothing put)."""
    earlier = atlas.sources.get((kind.key, entity.id))
    if earlier is not None:
        line, column = record.document.position(("id",))
        return ContentError(record.path, line, column, "id", f"'{entity.id}' bestaat al in {earlier.path}")
    atlas.entries[kind.key][entity.id] = entity
    atlas.sources[(kind.key, entity.id)] = record
    return None


REQUIRED_PAGES = ("over", "toegankelijkheid", "privacy")  # the footer of every page links to the last two
RESERVED_SLUGS = {"index", "vraag-stellen", "zoeken", "assets", *(kind.section for kind in KINDS)}


def check_pages(pages: list[Page], content_dir_label: str) -> list[ContentError]:
    """Free pages: the required ones exist, none takes a generated path; their text passes the Markdown check."""
    errors = []
    slugs = {page.slug for page in pages}
    for required in REQUIRED_PAGES:
        if required not in slugs:
            path = f"{content_dir_label}/pages/{required}.md"
            errors.append(ContentError(path, 1, 1, "", "deze pagina is verplicht en ontbreekt"))
    for page in pages:
        if page.slug in RESERVED_SLUGS:
            errors.append(ContentError(page.path, 1, 1, "", f"de naam '{page.slug}' is al in gebruik door de site"))
        for problem in text_problems(page.text, markdown=True):
            errors.append(ContentError(page.path, problem.line + 1, problem.column, "", problem.message))
    return errors


def validate(loaded: Loaded, content_dir_label: str = "content", progress: Progress = QUIET) -> Atlas:
    """Validate everything; raise ``ContentErrors`` with every error, or return the atlas."""
    atlas = Atlas(pages=loaded.pages)
    errors = list(loaded.errors)
    unvalidated = []
    progress.stage("Controleren", len(loaded.records))
    for record in counted(progress, loaded.records):
        entity, record_errors = validate_record(record)
        errors.extend(record_errors)
        duplicate = (
            add_entry(atlas, record.kind, record, entity) if entity is not None and entity.id == record.stem else None
        )
        if duplicate:
            errors.append(duplicate)
        if entity is None or entity.id != record.stem or duplicate:
            unvalidated.append(record)
    errors.extend(check_cross_file(atlas, unvalidated))
    errors.extend(check_pages(loaded.pages, content_dir_label))
    if errors:
        raise ContentErrors(errors)
    return atlas
