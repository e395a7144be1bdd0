"""One table shape per kind, derived from its model: the columns of the CSV files and the workbook.

The shape, column by column, in model order (``id`` first):

- a plain field is one column named after the field (``name``, ``last_reviewed``); a yes/no field holds
  ``true`` or ``false`` (import also reads ``ja``/``nee``);
- a nested object is one column per field of it, dotted: ``contact.email``, ``contact.phone``, ``contact.url``;
- a list of ids or of fixed values is one cell, the items separated by a comma (``droogte, hittestress``);
  import also accepts a semicolon or a new line between them;
- a list of free texts (``synonyms``, ``provinces``, ``target_groups``) is one cell, one item per line;
- a list of objects (``links``, ``contact_persons``) is one cell, one object per line, its fields separated by
  ``" | "`` in model order: ``Titel | https://…`` or ``Naam | rol | e-mail | 2026-01-31``; only the first field
  may itself contain a ``|``;
- dates are text, ``JJJJ-MM-DD`` (an event's start and end may carry a time: ``JJJJ-MM-DDTUU:MM:SS``);
- the Markdown text of an entry is one cell, its line breaks kept;
- read-only columns follow the fields: ``page_url`` (the entry's page on the site); import ignores them.

Excel runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula. Export therefore puts an
apostrophe before such a cell (``'=…``, ``'+31 30 …``, ``'- punt``) and before a cell that starts with an
apostrophe itself; import removes exactly that one apostrophe again. A cell that still starts with ``=`` on
import is a formula, not a value, and is refused.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from ..kinds import Kind

Style = Literal["text", "flag", "items", "lines", "records"]
ITEM_SEPARATOR = ", "
FIELD_SEPARATOR = " | "
READ_ONLY = ("page_url",)
"""Columns that export writes and import ignores."""
FORMULA_STARTS = ("=", "+", "-", "@")
NEUTRALISER = "'"
TRUE_WORDS = ("true", "ja", "waar", "1")
FALSE_WORDS = ("false", "nee", "onwaar", "0")


@dataclass(frozen=True)
class Column:
    """One column of a kind's table."""

    name: str
    """The header: the field name, dotted for a field of a nested object."""
    field: str
    """The top-level field of the model."""
    style: Style
    parts: tuple[str, ...] = ()
    """The fields of the objects in a ``records`` cell, in model order."""

    @property
    def sub(self) -> str | None:
        """The nested field of a dotted column."""
        return self.name.split(".", 1)[1] if "." in self.name else None


def _unwrapped(annotation: Any) -> Any:
    """``X | None`` → ``X``; ``Annotated[X, …]`` → ``X``."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        arguments = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(arguments) == 1:
            annotation = arguments[0]
            continue
        return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _columns_of_field(name: str, annotation: Any, is_reference: bool) -> list[Column]:
    annotation = _unwrapped(annotation)
    if _is_model(annotation):
        return [Column(f"{name}.{sub}", name, "text") for sub in annotation.model_fields]
    if typing.get_origin(annotation) is list:
        item = _unwrapped(typing.get_args(annotation)[0])
        if _is_model(item):
            return [Column(name, name, "records", tuple(item.model_fields))]
        fixed = is_reference or (isinstance(item, type) and issubclass(item, Enum))
        return [Column(name, name, "items" if fixed else "lines")]
    if annotation is bool:
        return [Column(name, name, "flag")]
    return [Column(name, name, "text")]


@cache
def columns(kind: Kind) -> tuple[Column, ...]:
    """The field columns of a kind, in model order (``id`` first)."""
    model = kind.model
    found: list[Column] = []
    for name, info in model.model_fields.items():
        found += _columns_of_field(name, info.annotation, name in model.REFERENCES)
    return tuple(found)


def header(kind: Kind) -> list[str]:
    """Every column name of a kind's table: the fields, then the read-only columns."""
    return [column.name for column in columns(kind)] + list(READ_ONLY)


def neutralised(text: str) -> str:
    """The cell as export writes it: an apostrophe before what Excel would run as a formula."""
    return NEUTRALISER + text if text.startswith((*FORMULA_STARTS, NEUTRALISER)) else text


def restored(text: str) -> str:
    """Undo ``neutralised``: drop the one apostrophe export put there."""
    if text.startswith(NEUTRALISER) and text[1:].startswith((*FORMULA_STARTS, NEUTRALISER)):
        return text[1:]
    return text


def _cell(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.style == "flag":
        return "true" if value else "false"
    if column.style == "items":
        return ITEM_SEPARATOR.join(str(item) for item in value)
    if column.style == "lines":
        return "\n".join(str(item) for item in value)
    if column.style == "records":
        return "\n".join(FIELD_SEPARATOR.join(str(item.get(part, "")) for part in column.parts) for item in value)
    return str(value)


def row(kind: Kind, data: Mapping[str, Any], page_url: str) -> list[str]:
    """One entry as the cells of its row (``data`` as in ``atlas.json``), neutralised for Excel."""
    cells = []
    for column in columns(kind):
        value = data.get(column.field)
        if column.sub is not None:
            value = value.get(column.sub) if isinstance(value, dict) else None
        cells.append(neutralised(_cell(column, value)))
    return [*cells, neutralised(page_url)]


Problem = tuple[str, str]
"""(column, message) about one cell of one row."""


def _split_items(text: str) -> list[str]:
    for separator in (";", "\n"):
        text = text.replace(separator, ",")
    return [item.strip() for item in text.split(",") if item.strip()]


def _record(column: Column, line: str, number: int) -> tuple[dict[str, str] | None, Problem | None]:
    """One line of a ``records`` cell; only its first field may contain the separator."""
    values = [value.strip() for value in line.rsplit("|", len(column.parts) - 1)]
    if len(values) != len(column.parts):
        shape = FIELD_SEPARATOR.join(column.parts)
        return None, (column.name, f"regel {number}: verwacht {len(column.parts)} delen, als '{shape}'")
    return {part: value for part, value in zip(column.parts, values, strict=True) if value}, None


def _value(column: Column, text: str) -> tuple[Any, list[Problem]]:
    """The field value of a non-empty cell, as the content file would hold it."""
    if column.style == "flag":
        word = text.strip().lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS, []
        return text, [(column.name, f"'{text}' is geen ja of nee; gebruik true of false")]
    if column.style == "items":
        return _split_items(text), []
    if column.style == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()], []
    if column.style == "records":
        records, problems = [], []
        lines = [line for line in text.split("\n") if line.strip()]
        for number, line in enumerate(lines, start=1):
            record, problem = _record(column, line, number)
            records += [record] if record is not None else []
            problems += [problem] if problem is not None else []
        return records, problems
    return text, []


def _cell_text(column: str, raw: str) -> tuple[str, Problem | None]:
    """A cell as read, line breaks made plain, export's apostrophe undone; a formula is refused."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if text.startswith("="):
        return "", (column, "is een formule; alleen waarden worden ingelezen (zet een ' voor tekst die met = begint)")
    return restored(text), None


def row_data(kind: Kind, cells: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """The fields of one row (columns left out of the sheet are left out), and what is wrong with its cells.

    An empty cell leaves its field out; a nested object whose cells are all empty is left out too.
    """
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for column in columns(kind):
        if column.name not in cells:
            continue
        text, problem = _cell_text(column.name, cells[column.name])
        problems += [problem] if problem else []
        if not text:
            continue
        value, found = _value(column, text)
        problems += found
        if column.sub is None:
            data[column.field] = value
        else:
            data.setdefault(column.field, {})[column.sub] = value
    return data, problems


def given_fields(kind: Kind, names: list[str]) -> set[str]:
    """The fields a sheet with these columns speaks about; fields of other columns stay as they are."""
    return {column.field for column in columns(kind) if column.name in names}


def unknown_columns(kind: Kind, names: list[str]) -> list[str]:
    """Columns that are neither a field nor read-only."""
    known = set(header(kind))
    return [name for name in names if name not in known]
