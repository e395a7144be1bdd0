"""The issue forms: valid for GitHub, generated from the models and the content, and current in the repository."""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.atlas import Atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.contribute.formfields import FILLED_BY_TOOL, LEFT_OUT, form_fields
from generator.contribute.formnames import CORRECTION_FORM, ISSUE_FORMS
from generator.contribute.issueforms import (
    NEW_ENTRY_KINDS,
    TEMPLATE_DIR,
    field_options,
    form_texts,
    item_options,
    reference_options,
    stale_forms,
    write_forms,
)
from generator.derive import label
from generator.kinds import KIND_BY_KEY, KINDS
from tests.conftest import REAL_CONTENT, CliResult

FIX = "run `.venv/bin/atlas issue-form` and commit .github/ISSUE_TEMPLATE/"
FORM_FILES = sorted([*ISSUE_FORMS.values(), CORRECTION_FORM])
# GitHub's issue-form schema as SchemaStore publishes it, vendored by check-jsonschema: read offline.
ISSUE_FORM_SCHEMA = json.loads(
    files("check_jsonschema").joinpath("builtin_schemas/vendor/github-issue-forms.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def real_atlas() -> Atlas:
    return gather(AtlasConfig(content_dir=REAL_CONTENT).resolve())


def committed(name: str) -> dict[str, Any]:
    loaded = yaml.safe_load((TEMPLATE_DIR / name).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def fields_of(name: str) -> dict[str, dict[str, Any]]:
    return {element["id"]: element for element in committed(name)["body"] if element["type"] != "markdown"}


def required_fields(kind_key: str) -> set[str]:
    """What a contributor must fill in: required or non-empty in the model, without what the tool fills in."""
    model = KIND_BY_KEY[kind_key].model
    return {
        name
        for name, info in model.model_fields.items()
        if (info.is_required() or any(getattr(meta, "min_length", 0) for meta in info.metadata))
        and name not in FILLED_BY_TOOL
    }


def test_the_schema_is_githubs_issue_form_schema() -> None:
    assert ISSUE_FORM_SCHEMA["$id"] == "https://json.schemastore.org/github-issue-forms.json"


@pytest.mark.parametrize("name", FORM_FILES)
def test_committed_form_is_current(real_atlas: Atlas, name: str) -> None:
    assert (TEMPLATE_DIR / name).read_text(encoding="utf-8") == form_texts(real_atlas)[name], FIX


@pytest.mark.parametrize("name", FORM_FILES)
def test_form_is_valid_for_github(name: str) -> None:
    errors = [error.message for error in jsonschema.Draft7Validator(ISSUE_FORM_SCHEMA).iter_errors(committed(name))]
    assert errors == []


def test_the_schema_refuses_a_broken_form() -> None:
    broken = committed("kennispartner.yml")
    broken["body"][1]["attributes"]["multiple"] = "ja"
    del broken["name"]
    assert len(list(jsonschema.Draft7Validator(ISSUE_FORM_SCHEMA).iter_errors(broken))) == 2


@pytest.mark.parametrize("kind_key", NEW_ENTRY_KINDS)
def test_form_covers_every_required_field_and_marks_it_required(kind_key: str) -> None:
    fields = fields_of(ISSUE_FORMS[kind_key])
    required = required_fields(kind_key)
    assert required <= set(fields)
    marked = {name for name, element in fields.items() if element.get("validations", {}).get("required")}
    assert marked == required


@pytest.mark.parametrize("kind_key", NEW_ENTRY_KINDS)
def test_every_form_field_is_one_model_field(kind_key: str) -> None:
    model = KIND_BY_KEY[kind_key].model
    fields = fields_of(ISSUE_FORMS[kind_key])
    expected = [name for name in model.model_fields if name not in FILLED_BY_TOOL | LEFT_OUT]
    assert list(fields) == expected
    labels = [element["attributes"]["label"] for element in fields.values()]
    assert len(set(labels)) == len(labels), "GitHub writes the labels into the body: they must tell fields apart"
    for name, element in fields.items():
        if element["type"] != "checkboxes":
            description = model.model_fields[name].description or ""
            assert description.split(" (")[0] in element["attributes"]["description"]


@pytest.mark.parametrize("name", FORM_FILES)
def test_no_field_is_pre_filled(name: str) -> None:
    """A pre-filled value would pass unchanged; hints are placeholders, which GitHub does not submit."""
    assert [element for element in committed(name)["body"][1:] if "value" in element["attributes"]] == []


@pytest.mark.parametrize("kind_key", NEW_ENTRY_KINDS)
def test_vocabularies_and_references_are_dropdowns_of_todays_atlas(real_atlas: Atlas, kind_key: str) -> None:
    kind = KIND_BY_KEY[kind_key]
    fields = fields_of(ISSUE_FORMS[kind_key])
    dropdowns = 0
    for field in form_fields(kind):
        element = fields[field.name]
        if field.vocabulary is not None:
            assert element["attributes"]["options"] == [member.label for member in field.vocabulary]
        elif field.target:
            names = sorted(label(entry) for entry in real_atlas.of(field.target))
            assert sorted(element["attributes"]["options"]) == names
        else:
            continue
        dropdowns += 1
        assert element["type"] == "dropdown"
        is_list = "list" in str(kind.model.model_fields[field.name].annotation)
        assert element["attributes"]["multiple"] is is_list
    assert dropdowns >= 3


@pytest.mark.parametrize(
    ("kind_key", "name", "hint", "example"),
    [
        ("practice", "links", "titel | https://", True),
        ("research", "links", "titel | https://", True),
        ("partner", "contact", "Eén per regel", True),
        ("research", "target_groups", "Eén per regel", False),
        ("research", "start", "JJJJ-MM-DD", True),
        ("event", "start", "JJJJ-MM-DDTUU:MM", True),
    ],
)
def test_text_fields_explain_their_one_line_format(kind_key: str, name: str, hint: str, example: bool) -> None:
    element = fields_of(ISSUE_FORMS[kind_key])[name]
    assert element["type"] in ("textarea", "input")
    assert hint in element["attributes"]["description"]
    assert ("placeholder" in element["attributes"]) is example


def test_correction_form_lists_every_entry_and_every_field(real_atlas: Atlas) -> None:
    fields = fields_of(CORRECTION_FORM)
    entries = sum(len(real_atlas.entries[kind.key]) for kind in KINDS)
    assert len(fields["item"]["attributes"]["options"]) == entries == len(item_options(real_atlas))
    assert fields["field"]["attributes"]["options"] == [*field_options(), "Iets anders"]
    assert "Website (website)" in field_options()
    assert all(element["validations"]["required"] for element in fields.values())


def test_a_name_two_entries_share_gets_their_ids(content: Path, write: Callable[[str, str], Path]) -> None:
    write(
        "themes/droogte-twee.yml",
        """
        id: droogte-twee
        name: Droogte
        domains: [fysiek]
        description: Dezelfde naam als een ander thema.
        """,
    )
    options = reference_options(gather(AtlasConfig(content_dir=content).resolve()), "theme")
    assert options["Droogte (droogte)"] == "droogte"
    assert options["Droogte (droogte-twee)"] == "droogte-twee"
    assert "Droogte" not in options


def test_cli_check_names_each_stale_form(tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> None:
    assert atlas_cli("issue-form", "--check").code == 0
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    (content / "partners" / "nieuwe-partner.yml").write_text(
        textwrap.dedent(
            """
        id: nieuwe-partner
        name: Nieuwe Partner
        kind: gemeente
        level: lokaal
        domains: [sociaal]
        offers: [advies]
        expertise: Een partner die de formulieren nog niet kennen.
        website: https://www.nieuwe-partner.nl
        contact: {url: https://www.nieuwe-partner.nl/contact}
        last_reviewed: 2026-01-01
        """
        ),
        encoding="utf-8",
    )
    stale = atlas_cli("issue-form", "--check", "--content", str(content))
    assert stale.code == 1
    stale_names = {line.split(":")[0] for line in stale.err.splitlines()}
    # Partners are a choice in the practice, research, event and network forms, and an item to correct.
    assert stale_names == {"praktijk.yml", "onderzoek.yml", "bijeenkomst.yml", "netwerk.yml", "correctie.yml"}
    assert "atlas issue-form" in stale.err


def test_written_forms_are_current(tmp_path: Path, content: Path) -> None:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    folder = tmp_path / "ISSUE_TEMPLATE"
    assert stale_forms(atlas, folder) == sorted(FORM_FILES, key=list(form_texts(atlas)).index)
    written = write_forms(atlas, folder)
    assert sorted(path.name for path in written) == FORM_FILES
    assert stale_forms(atlas, folder) == []
