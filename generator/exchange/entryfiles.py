"""Content files from sheet rows: a new file in the house style of ``atlas new``, or an existing one updated.

A new entry becomes ``<folder>/<id>.md``: front matter with each field under its Dutch description (empty
optional fields commented out, as ``atlas new`` writes them) and the kind's body field as Markdown under it.
An update rewrites only the fields whose value changed, through ruamel.yaml's round trip, so comments and the
layout of the other fields stay as they were.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from pydantic.fields import FieldInfo
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..errors import AtlasError
from ..kinds import Kind
from ..scaffold import entry_file_text

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WIDTH = 4096
"""Texts are not folded: a round trip must leave an unchanged field as it was written."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.preserve_quotes = True
    return yaml


def yaml_value(value: Any) -> Any:
    """A JSON value as ruamel should write it: dates plain, texts with line breaks as ``|`` blocks."""
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        return date.fromisoformat(value) if DATE.match(value) else value
    if isinstance(value, list):
        return CommentedSeq([yaml_value(item) for item in value])
    if isinstance(value, dict):
        return CommentedMap((key, yaml_value(item)) for key, item in value.items())
    return value


def is_empty(value: Any) -> bool:
    """A field that is not there: absent, empty list or empty object count the same."""
    return value is None or value == [] or value == {}


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _front(text: str) -> tuple[str, str] | None:
    """(front matter, everything after its closing line) of a ``.md`` text, or None when it has none."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1 :])
    return None


def new_file_text(kind: Kind, data: dict[str, Any], origin: str) -> str:
    """The ``.md`` file of a new entry; ``origin`` says where it came from (file and row)."""

    def field_lines(name: str, info: FieldInfo) -> str:
        value = data.get(name)
        return f"# {name}:" if is_empty(value) else _dump({name: yaml_value(value)}).rstrip("\n")

    body = data.get(kind.model.BODY_FIELD)
    text = body if isinstance(body, str) else ""
    return entry_file_text(kind, f"{kind.singular}, ingelezen uit {origin}.", field_lines, text)


def _is_block(value: Any) -> bool:
    """A non-empty list or object written one item per line (not ``[a, b]``): it keeps the comment after it."""
    return isinstance(value, (CommentedSeq, CommentedMap)) and bool(value) and not value.fa.flow_style()


def _trailing(holder: CommentedMap, name: str) -> Any:
    """The comment after a field's value (with the lines before the next field), wherever ruamel keeps it."""
    value = holder[name]
    if not _is_block(value):
        return (holder.ca.items.pop(name, None) or [None, None, None])[2]
    if isinstance(value, CommentedSeq):
        return (value.ca.items.pop(len(value) - 1, None) or [None])[0]
    return (value.ca.items.pop(list(value)[-1], None) or [None, None, None])[2]


def _set_trailing(holder: CommentedMap, name: str, token: Any) -> None:
    if token is None:
        return
    value = holder[name]
    if not _is_block(value):
        holder.ca.items[name] = [None, None, token, None]
    elif isinstance(value, CommentedSeq):
        value.ca.items[len(value) - 1] = [token, None, None, None]
    else:
        value.ca.items[list(value)[-1]] = [None, None, token, None]


def _previous_key(holder: CommentedMap, order: list[str], name: str) -> str | None:
    present = [field for field in order[: order.index(name)] if field in holder]
    return present[-1] if present else None


def _split_trailing(token: Any) -> tuple[Any, Any]:
    """(comment on the field's own line, the comment lines after it) of a trailing comment token."""
    if token is None or token.value.startswith("\n"):
        return None, token
    own, _, after = token.value.partition("\n")
    own_token = CommentToken(own + "\n", token.start_mark, None)
    return own_token, CommentToken("\n" + after, token.start_mark, None) if after else None


def _set_field(holder: CommentedMap, order: list[str], name: str, value: Any) -> None:
    """Replace, add (in model order) or remove one field; the comments around it stay in their place."""
    current = holder.get(name)
    if isinstance(current, CommentedMap) and isinstance(value, dict) and value:
        # A nested object: only its changed fields, so the others keep their quotes and comments.
        inner_order = list(dict.fromkeys([*current, *value]))
        for key in inner_order:
            if current.get(key) != value.get(key):
                _set_field(current, inner_order, key, value.get(key))
        return
    if name in holder:
        token = _trailing(holder, name)
        if is_empty(value):
            del holder[name]
            previous = _previous_key(holder, order, name)
            if previous is not None:
                _set_trailing(holder, previous, token)
            return
        replacement = yaml_value(value)
        if isinstance(current, (CommentedSeq, CommentedMap)) and current.fa.flow_style():
            replacement.fa.set_flow_style()  # [a, b] stays [a, b]
        holder[name] = replacement
        _set_trailing(holder, name, token)
        return
    if is_empty(value):
        return
    previous = _previous_key(holder, order, name)
    position = list(holder).index(previous) + 1 if previous is not None else 0
    own, after = _split_trailing(_trailing(holder, previous) if previous is not None else None)
    if previous is not None:
        _set_trailing(holder, previous, own)
    holder.insert(position, name, yaml_value(value))
    _set_trailing(holder, name, after)


def changed_fields(kind: Kind, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The fields whose value differs, in model order; empty and absent are the same."""
    return [
        name
        for name in kind.model.model_fields
        if not (is_empty(old.get(name)) and is_empty(new.get(name))) and old.get(name) != new.get(name)
    ]


def updated_file_text(kind: Kind, text: str, markdown: bool, changes: dict[str, Any]) -> str:
    """The file with each field in ``changes`` set to its new value (empty: removed), the rest untouched."""
    body_field = kind.model.BODY_FIELD
    front = _front(text) if markdown else (text, "")
    if front is None:
        raise AtlasError("een .md-bestand zonder velden tussen twee regels '---'")
    fields_text, rest = front
    holder = _yaml().load(fields_text) or CommentedMap()
    order = list(kind.model.model_fields)
    for name, value in changes.items():
        if markdown and name == body_field and name not in holder:
            # The text under the front matter: replaced as a whole, with the blank line before it as it was.
            rest = ("\n" if rest.startswith("\n") else "") + (f"{value}\n" if value else "")
            continue
        _set_field(holder, order, name, value)
    if not markdown:
        return _dump(holder)
    return f"---\n{_dump(holder)}---\n{rest}"
