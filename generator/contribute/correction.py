"""A correction issue → the existing content file with the named field replaced.

The correction form names one entry, one field and its new value. The new value is read like the answer
to that field in the kind's own form (names one per line instead of a dropdown), and replaces the field's
lines in the file; every other line, comments included, stays as it was. What the form cannot express
('Iets anders', the id, contact persons) is not guessed at: the comment says a maintainer will do it.
"""

from __future__ import annotations

from pathlib import Path

from ..atlas import Atlas
from ..config import AtlasConfig
from ..errors import display_path
from ..kinds import KIND_BY_KEY, Kind
from ..load import split_front_matter
from ..trial import errors_of_text
from .answers import to_value
from .entryfile import field_yaml
from .formfields import FormField, form_fields
from .fromissue import IssueProblem, IssueProblems, labelled
from .issuebody import read_body
from .issueforms import (
    FIELD_FIELD,
    ITEM_FIELD,
    OTHER,
    REASON_FIELD,
    VALUE_FIELD,
    correction_form,
    field_options,
    item_options,
    options_of,
)

BY_HAND = "dit kan de atlas niet zelf aanpassen; een beheerder past {path} met de hand aan"


def _labels(atlas: Atlas) -> dict[str, str]:
    """Field id → label of the correction form."""
    return {
        element["id"]: element["attributes"]["label"]
        for element in correction_form(atlas)["body"]
        if element.get("id") in (ITEM_FIELD, FIELD_FIELD, VALUE_FIELD, REASON_FIELD)
    }


def _field_end(lines: list[str], start: int, end: int) -> int:
    """The line after the value of the key at ``start``: its indented lines (and a list's '- ' lines, which YAML
    allows at the key's own indent), without the blank lines after them."""
    after = start + 1
    while after < end and (not lines[after].strip() or lines[after].startswith((" ", "- ")) or lines[after] == "-"):
        after += 1
    while after > start + 1 and not lines[after - 1].strip():
        after -= 1
    return after


def replace_field(text: str, markdown: bool, name: str, new: str, description: str) -> str:
    """``text`` with the top-level field ``name`` set to the YAML lines ``new`` (added at the end if absent)."""
    lines = text.split("\n")
    if markdown:
        end = next(index for index in range(1, len(lines)) if lines[index].rstrip() == "---")
    else:
        end = len(lines)
        while end > 0 and not lines[end - 1].strip():
            end -= 1
    start = next((index for index in range(end) if lines[index].startswith(f"{name}:")), None)
    if start is None:
        lines[end:end] = [f"# {description}", *new.split("\n")]
    else:
        lines[start : _field_end(lines, start, end)] = new.split("\n")
    return "\n".join(lines)


def replace_body(text: str, body: str) -> str:
    """A Markdown file with a new text under its fields."""
    lines = text.split("\n")
    end = next(index for index in range(1, len(lines)) if lines[index].rstrip() == "---")
    return "\n".join([*lines[: end + 1], "", body.strip(), ""])


def corrected_text(text: str, path: Path, kind: Kind, field: FormField, value: object) -> str:
    markdown = path.suffix == ".md"
    front = split_front_matter(text) if markdown else None
    if field.name == kind.model.BODY_FIELD and front is not None and f"\n{field.name}:" not in f"\n{front.fields}":
        return replace_body(text, str(value))
    return replace_field(text, markdown, field.name, field_yaml(field.name, value), field.description)


def _chosen_field(atlas: Atlas, kind: Kind, field_text: str | None, shown: str) -> FormField:
    labels = _labels(atlas)
    name = field_options().get(field_text or "")
    if field_text == OTHER or name is None:
        raise IssueProblems([IssueProblem(labels[FIELD_FIELD], BY_HAND.format(path=shown))], by_hand=True)
    for field in form_fields(kind):
        if field.name == name:
            return field
    message = f"een {kind.singular.lower()} heeft geen gegeven '{field_text}'; " + BY_HAND.format(path=shown)
    raise IssueProblems([IssueProblem(labels[FIELD_FIELD], message)], by_hand=True)


def apply_correction(config: AtlasConfig, atlas: Atlas, body_text: str, out_dir: Path) -> Path:
    """Write the corrected file into ``out_dir``/<folder>/<file>; raises ``IssueProblems``."""
    labels = _labels(atlas)
    body = read_body(body_text, labels.values())
    if body.problems:
        raise IssueProblems([IssueProblem(label, message) for label, message in body.problems])
    chosen = item_options(atlas).get(body.answers.get(labels[ITEM_FIELD]) or "")
    if chosen is None:
        raise IssueProblems([IssueProblem(labels[ITEM_FIELD], "kies een item uit de lijst")])
    kind = KIND_BY_KEY[chosen[0]]
    record = atlas.sources[chosen]
    source = config.root / record.path
    shown = display_path(source, config.root)
    field = _chosen_field(atlas, kind, body.answers.get(labels[FIELD_FIELD]), shown)
    value, found = to_value(field, body.answers.get(labels[VALUE_FIELD]), options_of(atlas, field), one_per_line=True)
    if value in (None, [], {}) and not found:
        found = ["geef de nieuwe waarde"]
    if found:
        raise IssueProblems([IssueProblem(labels[VALUE_FIELD], message) for message in found])
    before = source.read_text(encoding="utf-8")
    text = corrected_text(before, source, kind, field, value)
    if text == before:
        raise IssueProblems([IssueProblem(labels[VALUE_FIELD], "dit staat al zo in de atlas")])
    errors = errors_of_text(config, source, text)
    if errors:
        name_field = "name" if "name" in kind.model.model_fields else "title"
        problems = labelled(errors, form_fields(kind), name_field)
        raise IssueProblems([IssueProblem(labels[VALUE_FIELD], f"{p.label}: {p.message}") for p in problems])
    target = out_dir / kind.folder / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
