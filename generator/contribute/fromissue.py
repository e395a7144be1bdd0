"""``atlas from-issue``: an issue made with a form → one new content file, or a comment that says what to fix.

The body is read with Python, never by a shell; answers become model values (``answers``), the file is
written in the layout of ``atlas new`` and checked against the whole atlas before it is written. Any
problem, in the answers or in the check, becomes one line of a Markdown comment for the issue, under
the label of the form field the contributor sees, and no file is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..atlas import Atlas
from ..config import AtlasConfig
from ..derive import label
from ..errors import AtlasError, ContentError, display_path
from ..fieldtypes import ID_PATTERN, id_from_name
from ..kinds import KIND_BY_KEY, Kind
from ..render import md_escape
from ..scaffold import template_text
from ..trial import errors_of_text
from .answers import to_value
from .entryfile import field_yaml
from .formfields import FILLED_BY_TOOL, FormField, form_fields
from .formnames import CORRECTION_FORM
from .issuebody import read_body
from .issueforms import NEW_ENTRY_KINDS, form_stem, options_of

GENERAL = "Algemeen"
"""The label of a problem that belongs to no single field, such as 'a place or online'."""
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class IssueProblem:
    label: str
    """The form field's label, as the contributor sees it."""
    message: str


class IssueProblems(AtlasError):
    """The issue cannot become a file yet; ``comment`` tells the contributor what to change."""

    def __init__(self, problems: list[IssueProblem], *, by_hand: bool = False) -> None:
        self.problems = problems
        # by_hand: nothing for the contributor to fix, a maintainer makes the change.
        self.by_hand = by_hand
        super().__init__(f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} in het issue")

    def comment(self) -> str:
        if self.by_hand:
            intro = (
                "**De atlas voert deze correctie niet zelf uit.** Je hoeft niets te doen: een beheerder pakt haar op."
            )
        else:
            intro = (
                "**Dit issue kan nog niet worden omgezet in een bestand voor de atlas.**\n\n"
                "Pas de beschrijving van het issue aan (via de drie puntjes, *Edit*) en vraag een beheerder om het "
                "label opnieuw te zetten. Dit moet nog anders:"
            )
        lines = [intro, ""]
        lines += [f"- **{_shown(problem.label)}**: {_shown(problem.message)}" for problem in self.problems]
        return "\n".join(lines) + "\n"


def _shown(text: str) -> str:
    """Text the contributor wrote, shown as written: no Markdown, no HTML, no @-mention (none inside code)."""
    return md_escape(text).replace("@", "`@`")


def form_kind(form_name: str) -> Kind:
    """The kind a new-entry form is for; refuses other names."""
    for key in NEW_ENTRY_KINDS:
        if form_stem(key) == Path(form_name).stem:
            return KIND_BY_KEY[key]
    names = ", ".join([*(f"{form_stem(key)}.yml" for key in NEW_ENTRY_KINDS), CORRECTION_FORM])
    raise AtlasError(f"'{form_name}' is geen formulier dat atlas from-issue kent; kies uit: {names}")


def _line_named(inner: str) -> str:
    """'[1].url' → 'regel 2, url': the contributor wrote one item of a list per line."""
    found = re.match(r"^\[(\d+)\]\.?", inner)
    if found is None:
        return inner.lstrip(".")
    rest = inner[found.end() :]
    return f"regel {int(found[1]) + 1}" + (f", {rest}" if rest else "")


def labelled(errors: list[ContentError], fields: tuple[FormField, ...], name_field: str) -> list[IssueProblem]:
    """Validation errors under the label of the form field they belong to."""
    labels = {field.name: field.label for field in fields}
    problems = []
    for error in errors:
        top = re.split(r"[.\[]", error.field, maxsplit=1)[0]
        if top == "id":
            top = name_field
        where = labels.get(top, GENERAL)
        inner = _line_named(error.field[len(top) :]) if top in labels else ""
        problems.append(IssueProblem(where, f"{inner}: {error.message}" if inner else error.message))
    return problems


def _answers(atlas: Atlas, kind: Kind, body_text: str) -> tuple[dict[str, Any], list[IssueProblem]]:
    fields = form_fields(kind)
    body = read_body(body_text, (field.label for field in fields))
    problems = [IssueProblem(label, message) for label, message in body.problems]
    values: dict[str, Any] = {}
    for field in fields:
        value, found = to_value(field, body.answers.get(field.label), options_of(atlas, field))
        problems += [IssueProblem(field.label, message) for message in found]
        if value not in (None, [], {}, False) and not found:
            values[field.name] = value
    return values, problems


def _same_name(
    atlas: Atlas, kind: Kind, fields: tuple[FormField, ...], name_field: str, values: dict[str, Any]
) -> list[IssueProblem]:
    """An entry of this kind with the same name is there already: the contributor means a correction."""
    name = str(values.get(name_field, "")).casefold()
    same = [entry for entry in atlas.of(kind.key) if label(entry).casefold() == name]
    if not name or not same:
        return []
    label_text = next(field.label for field in fields if field.name == name_field)
    message = (
        f"er is al een {kind.singular.lower()} met deze naam ({same[0].id}); "
        f"wil je die aanvullen, gebruik dan het formulier Correctie"
    )
    return [IssueProblem(label_text, message)]


def entry_text(config: AtlasConfig, kind: Kind, entry_id: str, values: dict[str, Any], today: date) -> str:
    """The content file, in the layout of ``atlas new``: the given fields filled in, the others commented out."""
    model_fields = kind.model.model_fields
    dated = {name: today for name in FILLED_BY_TOOL if name in model_fields and name not in ("id", "updated")}
    given = {**values, **dated}
    body = given.pop(kind.model.BODY_FIELD, None)
    filled = {name: field_yaml(name, value) for name, value in given.items()}
    return template_text(kind, entry_id, config.content_dir, filled=filled, body=body)


def new_entry(config: AtlasConfig, atlas: Atlas, form_name: str, body_text: str, today: date, out_dir: Path) -> Path:
    """Write the entry the issue describes into ``out_dir``/<folder>/<id>.md; raises ``IssueProblems``."""
    kind = form_kind(form_name)
    fields = form_fields(kind)
    name_field = "name" if "name" in kind.model.model_fields else "title"
    values, problems = _answers(atlas, kind, body_text)
    entry_id = id_from_name(str(values.get(name_field, "")))
    problems += _same_name(atlas, kind, fields, name_field, values)
    if name_field in values and not _ID.match(entry_id):
        name_label = next(field.label for field in fields if field.name == name_field)
        problems.append(IssueProblem(name_label, "gebruik letters of cijfers in de naam"))
    trial_id = entry_id if _ID.match(entry_id) else "nieuw-item"
    text = entry_text(config, kind, trial_id, values, today)
    target = config.content_dir / kind.folder / f"{trial_id}.md"
    answered = {problem.label for problem in problems}
    problems += [
        problem
        for problem in labelled(errors_of_text(config, target, text), fields, name_field)
        if problem.label not in answered
    ]
    if problems:
        order = [field.label for field in fields]
        raise IssueProblems(sorted(problems, key=lambda p: order.index(p.label) if p.label in order else len(order)))
    path = out_dir / kind.folder / f"{entry_id}.md"
    if path.exists():
        raise AtlasError(f"{path} bestaat al")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def success_comment(config: AtlasConfig, path: Path, *, corrected: bool) -> str:
    """The pull request's text: the file as it will stand in the repository (``--out`` may be elsewhere)."""
    shown = f"{display_path(config.content_dir, config.root)}/{path.parent.name}/{path.name}"
    done = "aangepast volgens" if corrected else "gemaakt uit"
    return f"Het bestand `{shown}` is {done} dit issue en voldoet aan de controles van de atlas.\n"
