"""`atlas summary --base REF`: a throwaway git repository, a commit, then adds, changes, removes and a new signal."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.build import gather
from generator.config import AtlasConfig
from generator.contribute.gitbase import atlas_at
from generator.contribute.summary import compare, new_signals, summary_markdown
from tests.conftest import FIXTURE_CONTENT, CliResult

TODAY = "2026-11-30"

NEW_PARTNER = """\
id: nieuw-bureau
name: Nieuw Bureau
kind: adviesbureau
level: landelijk
domains: [fysiek]
themes: [droogte]
offers: [advies]
expertise: Advies over droogte.
website: https://www.example.net
contact:
  url: https://www.example.net/contact
last_reviewed: 2026-11-01
"""

NEW_QUESTION = """\
id: wie-helpt-bij-droogte
title: Wie helpt bij droogte?
question: Wie kan ons helpen met een droogteplan?
themes: [droogte]
domains: [fysiek]
status: ingediend
submitted: 2026-11-20
"""


def git(repository: Path, *arguments: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "-C", str(repository), *identity, *arguments], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the fixture content; the working tree is then changed."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    content = root / "content"
    (content / "partners" / "nieuw-bureau.yml").write_text(NEW_PARTNER, encoding="utf-8")
    (content / "questions" / "wie-helpt-bij-droogte.yml").write_text(NEW_QUESTION, encoding="utf-8")
    (content / "questions" / "is-er-genoeg-water.yml").unlink()
    partner = content / "partners" / "gemeente-voorbeeld.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("example.com", "example.nl"), encoding="utf-8")
    return root


def test_compare_finds_adds_changes_and_removes(repository: Path) -> None:
    base, _ = atlas_at(repository / "content", "HEAD")
    head = gather(AtlasConfig(root=repository, content_dir=repository / "content").resolve())
    changes = {item.kind.key: item for item in compare(base, head)}
    assert changes["partner"].added == [("nieuw-bureau", "Nieuw Bureau")]
    assert [(item.id, item.fields) for item in changes["partner"].changed] == [
        ("gemeente-voorbeeld", ("website", "contact"))
    ]
    assert changes["question"].added == [("wie-helpt-bij-droogte", "Wie helpt bij droogte?")]
    assert changes["question"].removed == [("is-er-genoeg-water", "Is er genoeg water?")]
    assert [key for key, item in changes.items() if item] == ["partner", "question"]


def test_only_signals_the_base_did_not_have_are_new(repository: Path) -> None:
    base, _ = atlas_at(repository / "content", "HEAD")
    head = gather(AtlasConfig(root=repository, content_dir=repository / "content").resolve())
    found = new_signals(base, head, date.fromisoformat(TODAY))
    # The waiting question of the base ("Hoe houden we wijken koel?") waits in the head too: not new.
    assert [(signal.kind, signal.entries) for signal in found] == [("wacht", (("question", "wie-helpt-bij-droogte"),))]


def test_summary_command_prints_markdown(repository: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("summary", "--base", "HEAD", "--content", str(repository / "content"), "--today", TODAY)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "## Wijzigingen in de atlas"
    assert lines[2].startswith("Vergeleken met `HEAD` (commit `")
    assert "| Kennispartners | 1 | 1 | 0 |" in lines
    assert "| Kennisvragen | 1 | 0 | 1 |" in lines
    assert "| Thema's | 0 | 0 | 0 |" not in lines
    assert "- Toegevoegd: `nieuw-bureau` — Nieuw Bureau" in lines
    # Contributors' names are escaped: no Markdown emphasis, no raw HTML.
    assert (
        "- Gewijzigd: `gemeente-voorbeeld` — Gemeente Voorbeeld &amp; Co \\*test\\* (velden: `website`, `contact`)"
        in lines
    )
    assert "- Verwijderd: `is-er-genoeg-water` — Is er genoeg water?" in lines
    assert "### Nieuwe signalen (1)" in lines
    assert [line for line in lines if line.startswith("- **")] == [
        "- **Vragen die wachten**: Vraag wacht: Wie helpt bij droogte? — Nog aan geen kennispartner gekoppeld."
    ]


def test_no_changes(repository: Path, atlas_cli: Callable[..., CliResult]) -> None:
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "head")
    result = atlas_cli("summary", "--base", "HEAD", "--content", str(repository / "content"), "--today", TODAY)
    assert result.code == 0, result.err
    assert "Geen items toegevoegd, gewijzigd of verwijderd." in result.out
    assert "Deze wijziging geeft geen nieuwe signalen." in result.out


def test_a_base_without_content_has_everything_new(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README").write_text("leeg\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "no content yet")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    base, _ = atlas_at(root / "content", "HEAD")
    head = gather(AtlasConfig(root=root, content_dir=root / "content").resolve())
    text = summary_markdown(base, head, date.fromisoformat(TODAY), "`HEAD`")
    assert "| Kennispartners | 2 | 0 | 0 |" in text


@pytest.mark.parametrize("ref", ["geen-branch", "--output=/tmp/x", "HEAD~5"])
def test_unknown_ref_is_a_clear_error(repository: Path, atlas_cli: Callable[..., CliResult], ref: str) -> None:
    result = atlas_cli("summary", f"--base={ref}", "--content", str(repository / "content"))
    assert result.code == 1
    assert f"'{ref}' is geen bekende commit" in result.err
    assert result.out == ""


def test_an_invalid_base_is_named(repository: Path, atlas_cli: Callable[..., CliResult]) -> None:
    (repository / "content" / "themes" / "droogte.yml").write_text("id: droogte\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "broken")
    (repository / "content" / "themes" / "droogte.yml").write_text(
        (FIXTURE_CONTENT / "themes" / "droogte.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = atlas_cli("summary", "--base", "HEAD", "--content", str(repository / "content"))
    assert result.code == 1
    assert "de content op 'HEAD'" in result.err
    assert "is niet geldig" in result.err
