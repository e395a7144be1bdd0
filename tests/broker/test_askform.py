"""The question form's fields and the GitHub issue form generated from the content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.atlas import Atlas
from generator.broker.askform import (
    FIELD_IDS,
    ISSUE_FORM_PATH,
    NATIONWIDE,
    PRIVACY_FIELD,
    SEPARATOR,
    choices,
    issue_form_text,
    region_contact,
)
from generator.build import gather
from generator.config import AtlasConfig
from generator.vocab import Offer
from tests.conftest import REAL_CONTENT, CliResult

FIX = "run `.venv/bin/atlas issue-form` and commit .github/ISSUE_TEMPLATE/kennisvraag.yml"


@pytest.fixture(scope="module")
def real_atlas() -> Atlas:
    return gather(AtlasConfig(content_dir=REAL_CONTENT).resolve())


def committed_form() -> dict[str, object]:
    loaded = yaml.safe_load(ISSUE_FORM_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def elements() -> list[dict[str, object]]:
    body = committed_form()["body"]
    assert isinstance(body, list)
    return [element for element in body if element["type"] != "markdown"]


def described_choices(field_id: str) -> list[str]:
    element = next(e for e in elements() if e["id"] == field_id)
    attributes = element["attributes"]
    assert isinstance(attributes, dict)
    listed = str(attributes["description"]).split("uit: ", 1)[1].removesuffix(".")
    return listed.split(SEPARATOR)


def test_committed_issue_form_is_generated_from_the_real_content(real_atlas: Atlas) -> None:
    assert ISSUE_FORM_PATH.read_text(encoding="utf-8") == issue_form_text(real_atlas), FIX


def test_issue_form_fields_are_the_form_steps_and_the_privacy_checkbox() -> None:
    ids = [element["id"] for element in elements()]
    assert ids == [*FIELD_IDS, PRIVACY_FIELD], FIX
    privacy = elements()[-1]
    assert privacy["type"] == "checkboxes"
    assert privacy["attributes"]["options"][0]["required"] is True  # type: ignore[index]


@pytest.mark.parametrize(
    ("field_id", "kind"),
    [("themes", "theme"), ("region", "region"), ("needs", "offer")],
)
def test_issue_form_lists_the_atlas_choices(real_atlas: Atlas, field_id: str, kind: str) -> None:
    expected = {
        "theme": [theme.name for theme in real_atlas.of("theme")],
        "region": [NATIONWIDE, *(region.name for region in real_atlas.of("region"))],
        "offer": [offer.label for offer in Offer],
    }[kind]
    assert described_choices(field_id) == expected == choices(real_atlas, kind), FIX


def test_no_name_holds_the_separator(real_atlas: Atlas) -> None:
    for kind in ("theme", "region", "offer"):
        for name in choices(real_atlas, kind):
            assert SEPARATOR.strip() not in name, f"{kind} {name!r}: the issue form could not tell names apart"


def test_region_contact_prefers_the_region_then_the_trekker(content: Path, write: Callable[[str, str], Path]) -> None:
    write(
        "regions/eigen.md",
        """
        ---
        id: eigen
        name: Eigen Regio
        scale: regio
        trekker: gemeente-voorbeeld
        contact: {email: schakelpunt@example.org}
        last_reviewed: 2026-01-01
        ---
        Met een eigen contactpunt.
        """,
    )
    write(
        "regions/zonder.md",
        """
        ---
        id: zonder
        name: Regio Zonder
        scale: regio
        last_reviewed: 2026-01-01
        ---
        Zonder contactpunt en zonder trekker.
        """,
    )
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    own = region_contact(atlas, atlas.get("region", "eigen"))
    assert own == ("schakelpunt@example.org", "het schakelpunt van Eigen Regio")
    email, via = region_contact(atlas, atlas.get("region", "voorbeeldregio"))
    assert email == "info@example.com"
    assert "trekker" in via
    assert region_contact(atlas, atlas.get("region", "zonder")) == (None, "")


def test_cli_check_fails_when_the_form_is_stale(
    content: Path, write: Callable[[str, str], Path], atlas_cli: Callable[..., CliResult]
) -> None:
    assert atlas_cli("issue-form", "--check").code == 0
    write(
        "themes/nieuw-thema.yml",
        """
        id: nieuw-thema
        name: Nieuw thema
        domains: [fysiek]
        description: Een thema dat het formulier nog niet kent.
        """,
    )
    stale = atlas_cli("issue-form", "--check", "--content", str(content))
    assert stale.code == 1
    assert "atlas issue-form" in stale.err
