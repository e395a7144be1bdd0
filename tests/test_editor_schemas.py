"""The schema an editor applies to a content file accepts every valid content file.

VS Code with the YAML extension picks the schema from ``.vscode/settings.json``
(``yaml.schemas``), or from the ``# yaml-language-server`` line that ``atlas
new`` writes. Both are checked here with the third-party ``jsonschema``
validator, on the data as an editor reads it (YAML 1.2: a date is text).
"""

from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from generator.config import PROJECT_ROOT
from generator.kinds import KINDS, Kind
from generator.load import split_front_matter
from generator.scaffold import template_text

CONTENT = PROJECT_ROOT / "content"
SETTINGS = PROJECT_ROOT / ".vscode" / "settings.json"


class EditorLoader(yaml.SafeLoader):
    """YAML as the editor's language server reads it: no timestamps, so a date stays text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapped_schemas(relative: str) -> list[Path]:
    """The schemas ``.vscode/settings.json`` maps a file (path relative to the project) to."""
    mapping: dict[str, list[str]] = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    return [PROJECT_ROOT / schema for schema, globs in mapping.items() if any(fnmatch(relative, g) for g in globs)]


def _fields(text: str, markdown: bool) -> Any:
    """The YAML an editor checks: the whole file, or the front matter of a Markdown file."""
    if markdown:
        front = split_front_matter(text)
        assert front is not None
        text = front.fields
    return yaml.load(text, Loader=EditorLoader)  # noqa: S506 - a SafeLoader subclass


def _problems(schema_path: Path, data: Any) -> list[str]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]


CONTENT_FILES = sorted(
    path for kind in KINDS for path in (CONTENT / kind.folder).glob("*") if path.suffix in (".yml", ".yaml", ".md")
)


def test_there_is_content_of_both_forms() -> None:
    assert {path.suffix for path in CONTENT_FILES} >= {".yml", ".md"}


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_content_file_passes_the_schema_its_editor_applies(path: Path) -> None:
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    schemas = _mapped_schemas(relative)
    assert len(schemas) == 1, f"{relative}: {schemas}"
    assert schemas[0].is_file()
    data = _fields(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md")
    assert _problems(schemas[0], data) == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_front_matter_schema_still_checks_the_fields(kind: Kind) -> None:
    """Only the body field is optional in front matter; for .yml the whole schema requires it if the model does."""
    text = template_text(kind, "nieuw-item", CONTENT)
    data = _fields(text, markdown=True)
    (front_schema,) = _mapped_schemas(f"content/{kind.folder}/nieuw-item.md")
    (whole_schema,) = _mapped_schemas(f"content/{kind.folder}/nieuw-item.yml")
    assert _problems(front_schema, data) == []
    body_required = kind.model.model_fields[kind.model.BODY_FIELD].is_required()
    missing_body = [f"[]: '{kind.model.BODY_FIELD}' is a required property"] if body_required else []
    assert _problems(whole_schema, data) == missing_body
    without_id = {name: value for name, value in data.items() if name != "id"}
    assert _problems(front_schema, without_id) == ["[]: 'id' is a required property"]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_new_entry_names_the_schema_settings_map_it_to(kind: Kind) -> None:
    first_field_line = template_text(kind, "nieuw-item", CONTENT).split("\n")[1]
    prefix = "# yaml-language-server: $schema="
    assert first_field_line.startswith(prefix)
    named = (CONTENT / kind.folder / first_field_line.removeprefix(prefix)).resolve()
    assert [named] == _mapped_schemas(f"content/{kind.folder}/nieuw-item.md")
