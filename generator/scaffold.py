"""``atlas new <type> <id>``: a valid, commented starting point for a new entry.

The template is made from the model itself, so it never drifts from the
schema: every field appears with its Dutch description; optional fields are
commented out. References are filled with an existing id; the other values
are examples (``PLACEHOLDERS``) that validation refuses until they are
replaced, so the file validates as soon as everything is filled in.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from .config import AtlasConfig
from .errors import AtlasError
from .fieldtypes import ID_PATTERN
from .kinds import KIND_BY_KEY, Kind
from .models import ContactPoint
from .schemas import schema_file

# Optional in the model, but an event needs a place or ``online: true``.
ALWAYS_FILLED = {"location"}
# The example values of a template. Validation refuses each one left as it is (crossrules.untouched_placeholders),
# so an untouched template never passes.
PLACEHOLDER_TEXT = "Vul dit in"
PLACEHOLDER_BODY = "Vul hier de tekst in."
PLACEHOLDER_URL = "https://www.voorbeeld.nl"
PLACEHOLDER_CONTACT_URL = f"{PLACEHOLDER_URL}/contact"
PLACEHOLDER_PLACE = "Plaatsnaam"
PLACEHOLDER_SOURCE = "Bron van deze beschrijving"
# The id of a template opened from the site (/bijdragen/): the contributor names the file and the entry.
PLACEHOLDER_ID = "vervang-deze-naam"
PLACEHOLDERS = frozenset(
    (
        PLACEHOLDER_TEXT,
        PLACEHOLDER_BODY,
        PLACEHOLDER_URL,
        PLACEHOLDER_CONTACT_URL,
        PLACEHOLDER_PLACE,
        PLACEHOLDER_SOURCE,
        PLACEHOLDER_ID,
    )
)
EXAMPLES: dict[str, str] = {
    "website": PLACEHOLDER_URL,
    "url": PLACEHOLDER_URL,
    "location": f'"{PLACEHOLDER_PLACE}"',
    "source": f'"{PLACEHOLDER_SOURCE}"',
}


def _enum_in(annotation: Any) -> type[Enum] | None:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
        inner = typing.get_args(candidate)
        if inner and isinstance(inner[0], type) and issubclass(inner[0], Enum):
            return inner[0]
    return None


def _first_id(content_dir: Path, kind: Kind) -> str | None:
    folder = content_dir / kind.folder
    files = sorted(p for p in folder.glob("*") if p.suffix in (".yml", ".yaml", ".md")) if folder.is_dir() else []
    return files[0].stem if files else None


def _value(name: str, info: FieldInfo, kind: Kind, content_dir: Path, today: date) -> str | None:
    """A valid YAML value for a field, or None when none can be made up."""
    target = kind.model.REFERENCES.get(name)
    annotation = info.annotation
    enum = _enum_in(annotation)
    is_list = typing.get_origin(annotation) is list
    if target:
        ref = _first_id(content_dir, KIND_BY_KEY[target])
        if ref is None:
            return "[]" if is_list else None
        return f"[{ref}]" if is_list else ref
    if enum is not None:
        first = next(iter(enum)).value
        return f"[{first}]" if is_list else str(first)
    if "date" in str(annotation).lower() or name in ("start", "end", "last_reviewed", "submitted"):
        return today.isoformat()
    if annotation is ContactPoint or "ContactPoint" in str(annotation):
        return f"\n  url: {PLACEHOLDER_CONTACT_URL}"
    if is_list:
        return "[]"
    if name in EXAMPLES:
        return EXAMPLES[name]
    return f'"{PLACEHOLDER_TEXT}"'


def _needs_value(name: str, info: FieldInfo) -> bool:
    """Required, or a list that must not be empty, or filled for a model-level rule."""
    non_empty = any(getattr(meta, "min_length", 0) for meta in info.metadata)
    return info.is_required() or non_empty or name in ALWAYS_FILLED


def _options(info: FieldInfo) -> str:
    enum = _enum_in(info.annotation)
    return f" Kies uit: {', '.join(str(m.value) for m in enum)}." if enum else ""


def entry_file_text(kind: Kind, intro: str, field_lines: Callable[[str, FieldInfo], str], body: str) -> str:
    """A new entry's file in the house style of ``atlas new``: front matter with every field under its Dutch
    description, then ``body`` as Markdown. ``intro`` opens the comment on top; ``field_lines`` gives the YAML
    lines (or the commented-out line) of one field. ``atlas new``, ``atlas from-issue`` and ``atlas import`` all
    write their new files through here."""
    model = kind.model
    lines = [
        "---",
        # Editors with a YAML language server check the fields against the schema while the contributor types.
        f"# yaml-language-server: $schema=../../schemas/{schema_file(kind, markdown=True)}",
        f"# {intro} Velden met # ervoor zijn optioneel: haal het # weg om ze te gebruiken.",
        f"# Het schema staat in schemas/{kind.folder}.schema.json.",
    ]
    for name, info in model.model_fields.items():
        if name != model.BODY_FIELD:
            lines += [f"# {info.description}{_options(info)}", field_lines(name, info)]
    hint = model.model_fields[model.BODY_FIELD].description or ""
    # The hint stays a YAML comment: HTML (a comment too) is refused in Markdown, see textcheck.
    lines += [f"# Onder de '---' volgt de tekst: {hint}", "---", ""]
    if body:
        lines += [body, ""]
    return "\n".join(lines)


def template_text(
    kind: Kind,
    entry_id: str,
    content_dir: Path,
    today: date | None = None,
    filled: Mapping[str, str] | None = None,
    body: str | None = None,
) -> str:
    """Front matter with every field, then the body field as Markdown; dates are ``today`` (default: the clock).

    ``filled`` (``atlas from-issue``): the YAML lines of the fields that have a value; every other field
    is then written commented out, and ``body`` replaces the example text.
    """

    def field_lines(name: str, info: FieldInfo) -> str:
        if name == "id":
            return f"id: {entry_id}"
        value = _value(name, info, kind, content_dir, today or date.today())
        if filled is not None and name in filled:
            return filled[name].rstrip("\n")
        if filled is None and _needs_value(name, info) and value is not None:
            return f"{name}: {value}"
        if name == "links":
            return f"# {name}:\n#   - title: Omschrijving\n#     url: {PLACEHOLDER_URL}"
        return f"# {name}: {value if value and not value.startswith(chr(10)) else ''}".rstrip()

    intro = f"Nieuw: {kind.singular.lower()}."
    text = PLACEHOLDER_BODY if filled is None else (body or "").strip()
    return entry_file_text(kind, intro, field_lines, text)


def write_template(config: AtlasConfig, kind_key: str, entry_id: str) -> Path:
    """Write ``content/<folder>/<id>.md``; refuses bad ids and existing files."""
    kind = KIND_BY_KEY[kind_key]
    if not re.match(ID_PATTERN, entry_id):
        raise AtlasError(f"'{entry_id}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens")
    folder = config.content_dir / kind.folder
    existing = [p for p in folder.glob(f"{entry_id}.*")] if folder.is_dir() else []
    if existing:
        raise AtlasError(f"{existing[0]} bestaat al")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{entry_id}.md"
    path.write_text(template_text(kind, entry_id, config.content_dir), encoding="utf-8")
    return path
