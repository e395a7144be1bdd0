"""The site's address from mkdocs.yml, its base path, and the commit a build comes from."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.config import PROJECT_ROOT
from generator.errors import BuildError
from generator.exchange.siteurl import base_path, commit_of, read_site


def test_the_real_site_url_is_absolute_and_ends_in_a_slash() -> None:
    site = read_site()
    assert site.url.startswith("https://")
    assert site.url.endswith("/")
    assert site.name == "Kennisatlas"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("site_name: X\nsite_url: https://example.org/atlas\n", "https://example.org/atlas/"),
        ("site_name: X\nsite_url: https://example.org/\n", "https://example.org/"),
    ],
)
def test_site_url_gets_its_slash(tmp_path: Path, text: str, url: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert read_site(tmp_path / "mkdocs.yml").url == url


@pytest.mark.parametrize("text", ["site_name: X\n", "site_url: /atlas/\n", "- a list\n", "site_url: [\n"])
def test_a_missing_or_relative_site_url_fails_the_build(tmp_path: Path, text: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match=r"mkdocs\.yml"):
        read_site(tmp_path / "mkdocs.yml")


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://kennisatlas.github.io/kennisatlas/", "/kennisatlas/"),
        ("https://example.org/", "/"),
        ("https://example.org", "/"),
        ("https://example.org/a/b", "/a/b/"),
    ],
)
def test_base_path(url: str, base: str) -> None:
    assert base_path(url) == base


def test_commit_is_head_in_a_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert commit_of(PROJECT_ROOT / "content") == head.stdout.strip()


def test_github_sha_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GITHUB_SHA", "a" * 40)
    assert commit_of(tmp_path) == "a" * 40


def test_no_commit_outside_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert commit_of(tmp_path) is None
