"""Shared fixtures: throwaway content trees in tmp_path, a CLI runner and the real site."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.cli import main
from generator.config import PROJECT_ROOT
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_folder

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = PROJECT_ROOT / "content"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the small fixture content tree."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def write(content: Path) -> Callable[[str, str], Path]:
    """Write a file (dedented) into the private content tree."""

    def writer(relative: str, text: str) -> Path:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return writer


@pytest.fixture
def atlas_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run the ``atlas`` CLI in-process and capture its output."""

    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built once into a temporary site folder (strict mkdocs)."""
    from generator.build import build_site
    from generator.config import AtlasConfig

    base = tmp_path_factory.mktemp("real")
    config = AtlasConfig(docs_dir=base / "docs", site_dir=base / "site").resolve()
    build_site(config)
    return config.site_dir


@pytest.fixture(scope="session")
def site_url(real_site: Path) -> Iterator[str]:
    """The real site served on a free loopback port for the browser tests."""
    with serve_folder(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small fixture content built once and served: it has what the real content lacks (events, a
    region whose trekker has an e-mail address)."""
    from generator.build import build_site
    from generator.config import AtlasConfig

    base = tmp_path_factory.mktemp("fixture-site")
    config = AtlasConfig(content_dir=FIXTURE_CONTENT, docs_dir=base / "docs", site_dir=base / "site").resolve()
    build_site(config)
    with serve_folder(config.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect `atlas validate`'s text output; in a GitHub Actions run GITHUB_ACTIONS=true would make it github."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
