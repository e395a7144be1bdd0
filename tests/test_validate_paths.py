"""``atlas validate PATH…``: errors of just the given files, each checked against the whole atlas."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.config import PROJECT_ROOT
from tests.conftest import CliResult


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def two_broken(content: Path) -> tuple[Path, Path]:
    """A theme with a misspelt domain, and a practice that names a theme no file has."""
    theme = content / "themes" / "droogte.yml"
    practice = content / "practices" / "koele-wijken.md"
    _break(theme, "domains: [fysiek]", "domains: [fysik]")
    _break(practice, "themes: [klimaatadaptatie]", "themes: [klimaat-adaptatie]")
    return theme, practice


def test_only_the_given_files_are_reported(
    content: Path, atlas_cli: Callable[..., CliResult], two_broken: tuple[Path, Path]
) -> None:
    theme, practice = two_broken
    everything = atlas_cli("validate", "--content", str(content))
    assert everything.code == 1
    assert "2 fouten in 2 bestanden" in everything.err
    for given, other in ((theme, practice), (practice, theme)):
        checked = atlas_cli("validate", "--content", str(content), str(given))
        assert checked.code == 1
        assert f"{given}:" in checked.err
        assert str(other) not in checked.err
        assert "1 fout in 1 bestand" in checked.err


def test_references_are_checked_against_the_whole_atlas(
    content: Path, atlas_cli: Callable[..., CliResult], two_broken: tuple[Path, Path]
) -> None:
    _, practice = two_broken
    checked = atlas_cli("validate", "--content", str(content), str(practice))
    assert "themes[0]: 'klimaat-adaptatie' is geen bekend thema (bedoelde je 'klimaatadaptatie'?)" in checked.err
    valid = [content / "partners" / "gemeente-voorbeeld.yml", content / "themes" / "klimaatadaptatie.md"]
    clean = atlas_cli("validate", "--content", str(content), *map(str, valid))
    assert clean.code == 0, clean.err
    assert clean.out == "Alles in orde: 2 bestanden gecontroleerd.\n"


def test_a_path_outside_the_content_or_missing_is_refused(
    content: Path, tmp_path: Path, atlas_cli: Callable[..., CliResult]
) -> None:
    outside = tmp_path / "elders.yml"
    outside.write_text("id: elders\n", encoding="utf-8")
    refused = atlas_cli("validate", "--content", str(content), str(outside))
    assert refused.code == 1
    assert "staat niet in de contentmap" in refused.err
    missing = atlas_cli("validate", "--content", str(content), str(content / "themes" / "bestaat-niet.yml"))
    assert missing.code == 1
    assert "bestaat niet" in missing.err


def test_pre_commit_hook_validates_the_changed_content_files() -> None:
    """The hook's own entry, run the way pre-commit runs it: from the project root, with the matching files."""
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "atlas-validate"]
    matches = re.compile(hook["files"]).search
    assert matches("content/partners/cbs.yml")
    assert matches("content/themes/droogte.md")
    assert not matches("generator/cli.py")
    assert not matches("tests/fixtures/content/themes/droogte.yml")
    changed = ["content/partners/cbs.yml", "content/themes/droogte.md"]
    run = subprocess.run([*shlex.split(hook["entry"]), *changed], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "Alles in orde: 2 bestanden gecontroleerd.\n"
