"""``atlas new`` writes a commented template that validates straight away, through the writer new files share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic.fields import FieldInfo

from generator.exchange.entryfiles import new_file_text
from generator.kinds import KIND_BY_KEY, KINDS, Kind
from generator.scaffold import (
    PLACEHOLDER_BODY,
    PLACEHOLDER_CONTACT_URL,
    PLACEHOLDER_PLACE,
    PLACEHOLDER_SOURCE,
    PLACEHOLDER_TEXT,
    PLACEHOLDER_URL,
    _options,
    entry_file_text,
    template_text,
)
from tests.conftest import REAL_CONTENT, CliResult

# What a contributor might write instead of each example value (longest first: one URL contains the other).
FILLED_IN = {
    PLACEHOLDER_CONTACT_URL: "https://www.gemeente-ergens.nl/contact",
    PLACEHOLDER_URL: "https://www.gemeente-ergens.nl",
    PLACEHOLDER_BODY: "Een tekst die de bijdrager zelf schreef.",
    PLACEHOLDER_TEXT: "Een echte naam",
    PLACEHOLDER_PLACE: "Utrecht",
    PLACEHOLDER_SOURCE: "Eigen waarneming",
}


def _new(content: Path, atlas_cli: Callable[..., CliResult], kind: str) -> Path:
    created = atlas_cli("new", kind, "nieuw-item", "--content", str(content))
    assert created.code == 0, created.err
    return next(content.glob("*/nieuw-item.md"))


@pytest.mark.parametrize("kind", [kind.key for kind in KINDS])
def test_new_entry_validates_once_filled_in(content: Path, atlas_cli: Callable[..., CliResult], kind: str) -> None:
    path = _new(content, atlas_cli, kind)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        f"---\n# yaml-language-server: $schema=../../schemas/{KIND_BY_KEY[kind].folder}.frontmatter.schema.json\n"
    )
    assert "id: nieuw-item" in text
    for placeholder, value in FILLED_IN.items():
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    checked = atlas_cli("validate", "--content", str(content))
    assert checked.code == 0, checked.err


def _placeholder_lines(text: str, body_field: str) -> dict[int, str]:
    """{line number: field} for every example value the template writes outside a comment."""
    expected = {}
    parent = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            continue
        key = line.split(":", 1)[0].strip()
        if not line.startswith(" ") and ":" in line:
            parent = key
        if line.strip() == PLACEHOLDER_BODY:
            expected[number] = body_field
        elif any(placeholder in line for placeholder in FILLED_IN):
            expected[number] = f"{parent}.{key}" if line.startswith(" ") else key
    return expected


@pytest.mark.parametrize("kind", [kind.key for kind in KINDS])
def test_untouched_template_is_rejected_field_by_field(
    content: Path, atlas_cli: Callable[..., CliResult], kind: str
) -> None:
    path = _new(content, atlas_cli, kind)
    expected = _placeholder_lines(path.read_text(encoding="utf-8"), KIND_BY_KEY[kind].model.BODY_FIELD)
    assert expected, "the template has example values to fill in"
    checked = atlas_cli("validate", "--content", str(content))
    assert checked.code == 1
    found = {}
    errors = [line for line in checked.err.splitlines() if line.startswith(f"{path}:")]
    assert len(errors) == len(expected), checked.err
    for line in errors:
        location, field, message = line[len(f"{path}:") :].split(": ", 2)
        assert message.startswith("veld nog niet ingevuld: vervang de voorbeeldwaarde '"), line
        found[int(location.split(":")[0])] = field
    assert found == expected


def test_new_refuses_bad_id_and_existing_file(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    bad = atlas_cli("new", "theme", "Geen_Id", "--content", str(content))
    assert bad.code == 1
    assert "geen geldige id" in bad.err
    existing = atlas_cli("new", "theme", "droogte", "--content", str(content))
    assert existing.code == 1
    assert "bestaat al" in existing.err


def _marked(name: str, info: FieldInfo) -> str:
    """A stand-in for a writer's field lines: says which field it was asked for."""
    return f"{name}: <{name}>"


@pytest.mark.parametrize("kind_key", [kind.key for kind in KINDS])
@pytest.mark.parametrize("body", ["", "Eerste alinea.\n\nTweede alinea."])
def test_entry_file_text_writes_each_field_under_its_description(kind_key: str, body: str) -> None:
    kind = KIND_BY_KEY[kind_key]
    model = kind.model
    text = entry_file_text(kind, "Proef: een intro.", _marked, body)
    hint = f"# Onder de '---' volgt de tekst: {model.model_fields[model.BODY_FIELD].description}"
    front, closing, rest = text.partition(f"\n{hint}\n---\n")
    assert closing, "the body field's hint and the closing '---' follow the fields"
    assert rest == (f"\n{body}\n" if body else "")
    lines = front.split("\n")
    assert lines[:4] == [
        "---",
        f"# yaml-language-server: $schema=../../schemas/{kind.folder}.frontmatter.schema.json",
        "# Proef: een intro. Velden met # ervoor zijn optioneel: haal het # weg om ze te gebruiken.",
        f"# Het schema staat in schemas/{kind.folder}.schema.json.",
    ]
    fields = {name: info for name, info in model.model_fields.items() if name != model.BODY_FIELD}
    assert lines[4::2] == [f"# {info.description}{_options(info)}" for info in fields.values()]
    assert lines[5::2] == [f"{name}: <{name}>" for name in fields]
    assert yaml.safe_load(front) == {name: f"<{name}>" for name in fields}


def _descriptions(kind: Kind) -> list[str]:
    """The comment line above each field of the front matter, as ``atlas new`` writes it."""
    model = kind.model
    fields = model.model_fields
    return [f"# {info.description}{_options(info)}" for name, info in fields.items() if name != model.BODY_FIELD]


@pytest.mark.parametrize("kind_key", [kind.key for kind in KINDS])
def test_atlas_new_and_import_write_the_same_layout(kind_key: str) -> None:
    """``atlas new`` and ``atlas import`` (and ``atlas from-issue``, see tests/contribute) share one writer."""
    kind = KIND_BY_KEY[kind_key]
    wanted = _descriptions(kind)
    new = template_text(kind, "nieuw-item", REAL_CONTENT)
    imported = new_file_text(kind, {"id": "nieuw-item"}, "blad.csv (rij 2)")
    for text in (new, imported):
        assert [line for line in text.splitlines() if line in wanted] == wanted
        assert "\nid: nieuw-item\n" in text
    assert new.split("\n")[2].startswith(f"# Nieuw: {kind.singular.lower()}. Velden met #")
    assert imported.split("\n")[2].startswith(f"# {kind.singular}, ingelezen uit blad.csv (rij 2). Velden met #")
    assert new.endswith(f"---\n\n{PLACEHOLDER_BODY}\n")
    assert imported.endswith("---\n")
