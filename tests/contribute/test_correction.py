"""Correction issues: the named field of the existing file is replaced, every other line stays; or a comment."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.contribute.correction import replace_body, replace_field
from tests.conftest import REAL_CONTENT, CliResult

BODIES = Path(__file__).parent / "bodies"


@pytest.fixture
def correct(run_issue: Callable[[str, str], CliResult]) -> Callable[[str], CliResult]:
    """from-issue with the correction form (``run_issue`` in conftest.py)."""
    return lambda text: run_issue("correctie.yml", text)


def changed_lines(before: Path, after: Path) -> list[str]:
    diff = difflib.ndiff(
        before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
    )
    return [line for line in diff if line[:2] in ("+ ", "- ")]


def body(name: str) -> str:
    return (BODIES / name).read_text(encoding="utf-8")


def test_a_list_is_replaced_in_place(tmp_path: Path, correct: Callable[[str], CliResult]) -> None:
    result = correct(body("correctie-thema.md"))
    assert result.code == 0, result.err
    assert "`content/partners/cbs.yml` is aangepast volgens dit issue" in (tmp_path / "comment.md").read_text(
        encoding="utf-8"
    )
    assert changed_lines(REAL_CONTENT / "partners" / "cbs.yml", tmp_path / "out" / "partners" / "cbs.yml") == [
        "+   - wonen-en-woningmarkt"
    ]


def test_an_absent_field_is_added_with_its_description(
    tmp_path: Path, correct: Callable[[str], CliResult], atlas_cli: Callable[..., CliResult]
) -> None:
    result = correct(body("correctie-website.md"))
    assert result.code == 0, result.err
    after = tmp_path / "out" / "networks" / "veluweberaad.md"
    assert changed_lines(REAL_CONTENT / "networks" / "veluweberaad.md", after) == [
        "+ # Website van het netwerk.",
        "+ website: https://www.veluweberaad.nl",
    ]
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    shutil.copy(after, content / "networks" / "veluweberaad.md")
    assert atlas_cli("validate", "--content", str(content), str(content / "networks" / "veluweberaad.md")).code == 0


def test_the_text_of_a_markdown_entry_is_replaced(tmp_path: Path, correct: Callable[[str], CliResult]) -> None:
    text = body("correctie-website.md").replace("Website (website)", "Beschrijving (description)")
    text = text.replace("https://www.veluweberaad.nl", "Het Veluweberaad is een landelijk overleg.\n\nNieuwe alinea.")
    assert correct(text).code == 0
    after = (tmp_path / "out" / "networks" / "veluweberaad.md").read_text(encoding="utf-8")
    assert after.endswith("---\n\nHet Veluweberaad is een landelijk overleg.\n\nNieuwe alinea.\n")
    fields = (REAL_CONTENT / "networks" / "veluweberaad.md").read_text(encoding="utf-8").split("\n---\n")[0]
    assert after.startswith(fields + "\n---\n")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (("Maatschappelijke impact van corona", "Hitte"), "'Hitte' staat niet in de lijst"),
        (("Kennispartner: Centraal Bureau voor de Statistiek", "Kennispartner: Bestaat Niet"), "kies een item"),
    ],
)
def test_a_bad_correction_gets_a_comment_and_no_file(
    change: tuple[str, str], says: str, tmp_path: Path, correct: Callable[[str], CliResult]
) -> None:
    result = correct(body("correctie-thema.md").replace(*change))
    assert result.code == 1
    assert not (tmp_path / "out").exists()
    assert says in (tmp_path / "comment.md").read_text(encoding="utf-8")


def test_a_correction_that_changes_nothing_is_said_so(tmp_path: Path, correct: Callable[[str], CliResult]) -> None:
    text = body("correctie-thema.md").replace("Wonen en woningmarkt\n", "")
    result = correct(text)
    assert result.code == 1
    assert not (tmp_path / "out").exists()
    assert "dit staat al zo in de atlas" in result.err


def test_a_value_the_model_refuses_is_named(tmp_path: Path, correct: Callable[[str], CliResult]) -> None:
    result = correct(body("correctie-website.md").replace("https://www.veluweberaad.nl", "http://www.veluweberaad.nl"))
    assert result.code == 1
    assert not (tmp_path / "out").exists()
    assert "**Wat moet het zijn?**: Website: " in result.err
    assert "https-adres" in result.err


@pytest.mark.parametrize(
    "field", ["Iets anders", "Coördinator (coordinator)"], ids=["something else", "a field partners lack"]
)
def test_what_the_form_cannot_express_is_left_to_a_maintainer(
    field: str, tmp_path: Path, correct: Callable[[str], CliResult]
) -> None:
    result = correct(body("correctie-anders.md").replace("Iets anders", field))
    assert result.code == 1
    assert not (tmp_path / "out").exists()
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert "niet zelf uit" in comment
    assert "content/partners/cbs.yml met de hand" in comment


@pytest.mark.parametrize(
    ("text", "markdown", "expected"),
    [
        ("id: a\nname: Oud\nkind: x\n", False, "id: a\nname: Nieuw\nkind: x\n"),
        ("id: a\nthemes:\n  - b\n\n  - c\n# uitleg\nkind: x\n", False, "id: a\nthemes: []\n# uitleg\nkind: x\n"),
        ("id: a\ntext: |\n  regel\n\n  regel\n\nkind: x", False, "id: a\ntext: Kort\n\nkind: x"),
        ("---\nid: a\nthemes:\n- b\n-\n---\nTekst", True, "---\nid: a\nthemes: []\n---\nTekst"),
        ("---\nid: a\n---\nTekst", True, "---\nid: a\n# Uitleg\nname: Nieuw\n---\nTekst"),
        ("id: a\n\n\n", False, "id: a\n# Uitleg\nname: Nieuw\n\n\n"),
    ],
)
def test_replace_field(text: str, markdown: bool, expected: str) -> None:
    name, value = (
        ("themes", "themes: []")
        if "themes" in text
        else ("text", "text: Kort")
        if "text:" in text
        else (
            "name",
            "name: Nieuw",
        )
    )
    assert replace_field(text, markdown, name, value, "Uitleg") == expected


def test_replace_body() -> None:
    assert replace_body("---\nid: a\n---\n\nOud\n\nnog oud\n", " Nieuw ") == "---\nid: a\n---\n\nNieuw\n"
