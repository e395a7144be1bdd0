"""One setting names the repository and branch: ``extra.atlas`` in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.config import PROJECT_ROOT
from generator.contribute.repository import DEFAULT_BRANCH, Repository, read_repository
from generator.errors import AtlasError


def _mkdocs(tmp_path: Path, atlas: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: Test\nextra:\n  atlas:\n{atlas}", encoding="utf-8")
    return path


def test_the_real_setting_is_read_from_mkdocs_yml() -> None:
    settings = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["atlas"]
    repository = read_repository(PROJECT_ROOT / "mkdocs.yml")
    assert repository == Repository(settings["repo_url"], settings["branch"])


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "    repo_url: https://github.com/regio/atlas\n",
            Repository("https://github.com/regio/atlas", DEFAULT_BRANCH),
        ),
        (
            "    repo_url: https://github.com/regio/atlas/\n    branch: release/2027\n",
            Repository("https://github.com/regio/atlas", "release/2027"),
        ),
    ],
)
def test_branch_defaults_to_main(tmp_path: Path, lines: str, expected: Repository) -> None:
    assert read_repository(_mkdocs(tmp_path, lines)) == expected


def test_mkdocs_tags_of_other_settings_do_not_stop_the_reading(tmp_path: Path) -> None:
    path = _mkdocs(tmp_path, "    repo_url: https://github.com/regio/atlas\n")
    path.write_text(path.read_text(encoding="utf-8") + "site_url: !ENV [SITE_URL, 'https://x.nl/']\n", encoding="utf-8")
    assert read_repository(path).url == "https://github.com/regio/atlas"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("    repo_url: https://gitlab.com/regio/atlas\n", "geen GitHub-repository"),
        ("    repo_url: https://github.com/regio\n", "geen GitHub-repository"),
        ("    repo_url: 'javascript:alert(1)'\n", "geen GitHub-repository"),
        ("    contact_email: ''\n", "geen GitHub-repository"),
        ("    repo_url: https://github.com/regio/atlas\n    branch: 'a b'\n", "geen geldige branchnaam"),
        ("    repo_url: https://github.com/regio/atlas\n    branch: a/../b\n", "geen geldige branchnaam"),
        ("    repo_url: https://github.com/regio/atlas\n    branch: '?x=1'\n", "geen geldige branchnaam"),
        ("    []\n", "extra.atlas ontbreekt"),
    ],
)
def test_a_bad_setting_is_refused_with_its_name(tmp_path: Path, lines: str, message: str) -> None:
    with pytest.raises(AtlasError, match=message):
        read_repository(_mkdocs(tmp_path, lines))


def test_links_into_github() -> None:
    repository = Repository("https://github.com/regio/atlas", "werk")
    assert (
        repository.edit("content/partners/a b.yml")
        == "https://github.com/regio/atlas/edit/werk/content/partners/a%20b.yml"
    )
    assert repository.blob("CONTRIBUTING.md") == "https://github.com/regio/atlas/blob/werk/CONTRIBUTING.md"
    assert (
        repository.issue_form("correctie.yml", title="Correctie: A & B")
        == "https://github.com/regio/atlas/issues/new?template=correctie.yml&title=Correctie%3A%20A%20%26%20B"
    )
    assert (
        repository.new_file("content/themes", "x.md", "id: x\n# a&b=c")
        == "https://github.com/regio/atlas/new/werk/content/themes?filename=x.md&value=id%3A%20x%0A%23%20a%26b%3Dc"
    )
