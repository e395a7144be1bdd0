"""``atlas new`` writes a commented template that validates straight away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.kinds import KIND_BY_KEY, KINDS
from generator.scaffold import (
    PLACEHOLDER_BODY,
    PLACEHOLDER_CONTACT_URL,
    PLACEHOLDER_PLACE,
    PLACEHOLDER_SOURCE,
    PLACEHOLDER_TEXT,
    PLACEHOLDER_URL,
)
from tests.conftest import CliResult

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
