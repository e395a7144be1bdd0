"""The list of sources: ``extra.atlas.sources`` in mkdocs.yml and ``--source``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.config import PROJECT_ROOT, SourceSpec
from generator.exchange.federation.sources import SourceConfigError, source_argument, sources_in, unique


def mkdocs_with(tmp_path: Path, sources: str) -> Path:
    path = tmp_path / "site" / "mkdocs.yml"
    path.parent.mkdir()
    text = "site_name: Test\nextra:\n  atlas:\n    repo_url: !ENV [REPO, 'x']\n" + textwrap.indent(
        textwrap.dedent(sources), "    "
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_the_project_configures_no_sources() -> None:
    assert sources_in(PROJECT_ROOT / "mkdocs.yml") == []


def test_sources_from_mkdocs_yml(tmp_path: Path) -> None:
    path = mkdocs_with(
        tmp_path,
        """
        sources:
          - name: utrecht
            url: https://kennisatlas-utrecht.nl/open-data/atlas.json
            title: Kennisatlas Utrecht
          - name: fryslan
            url: ../bronnen/fryslan.json
        """,
    )
    assert sources_in(path) == [
        SourceSpec("utrecht", "https://kennisatlas-utrecht.nl/open-data/atlas.json", "Kennisatlas Utrecht"),
        SourceSpec("fryslan", str((tmp_path / "bronnen" / "fryslan.json").resolve())),
    ]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("sources: utrecht\n", "verwacht een lijst van bronnen"),
        ("sources:\n  - name: utrecht\n", "bron 1: geef 'name' en 'url'"),
        ("sources:\n  - {name: Utrecht, url: a.json}\n", "naam 'Utrecht' is geen korte id"),
        ("sources:\n  - {name: utrecht--oost, url: a.json}\n", "naam 'utrecht--oost' is geen korte id"),
        (f"sources:\n  - {{name: {'a' * 31}, url: a.json}}\n", "hoogstens 30 tekens"),
    ],
)
def test_a_wrong_list_of_sources_is_named(tmp_path: Path, sources: str, message: str) -> None:
    with pytest.raises(SourceConfigError, match=message):
        sources_in(mkdocs_with(tmp_path, sources))


def test_source_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert source_argument("noord=bronnen/noord.json") == SourceSpec("noord", str(tmp_path / "bronnen/noord.json"))
    assert source_argument("zuid=https://zuid.example.nl/atlas.json").location == "https://zuid.example.nl/atlas.json"
    with pytest.raises(SourceConfigError, match="schrijf NAAM=URL-OF-PAD"):
        source_argument("noord")


def test_a_name_used_twice_is_refused() -> None:
    with pytest.raises(SourceConfigError, match="de bron 'noord' staat twee keer"):
        unique([SourceSpec("noord", "a.json"), SourceSpec("noord", "b.json")])
