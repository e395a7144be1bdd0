"""After the build: per kind, content files = entries = pages, and no internal link leads to nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import generator.build
from generator import render
from generator.atlas import Atlas
from generator.build import build_site, gather
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.exchange.siteurl import base_path, read_site
from generator.sitecheck import SiteCheckError, broken_links, census, check_site, lost_entries

BASE = base_path(read_site().url)
"""The path the site is published under: absolute links count from there (the 404 page has them)."""


@pytest.fixture
def built(content: Path, tmp_path: Path) -> AtlasConfig:
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    build_site(config)
    return config


def test_every_file_is_an_entry_and_a_page(built: AtlasConfig) -> None:
    atlas = gather(built)
    counted = census(atlas, built.content_dir, built.site_dir)
    assert all(kind.complete for kind in counted)
    assert {kind.kind: kind.pages for kind in counted}["partner"] == 2


def test_a_lost_page_is_named(built: AtlasConfig) -> None:
    shutil.rmtree(built.site_dir / "partners" / "voorbeeld-planbureau")
    atlas = gather(built)
    assert list(lost_entries(atlas, built.content_dir, built.site_dir)) == [
        "partners/voorbeeld-planbureau/: geen pagina voor kennispartner 'voorbeeld-planbureau'"
    ]
    with pytest.raises(BuildError) as failure:
        check_site(atlas, built.content_dir, built.site_dir)
    # The pages that link to it have broken links now, too.
    assert "geen pagina voor kennispartner 'voorbeeld-planbureau'" in str(failure.value)
    assert "wijst naar /partners/voorbeeld-planbureau/, en dat bestaat niet" in str(failure.value)


def test_a_file_without_entry_is_named(built: AtlasConfig) -> None:
    atlas = gather(built)
    (built.content_dir / "partners" / "spook.yml").write_text("id: spook\n", encoding="utf-8")
    assert list(lost_entries(atlas, built.content_dir, built.site_dir)) == [
        "content/partners/spook: bestand zonder item"
    ]


def test_every_problem_at_once(built: AtlasConfig) -> None:
    shutil.rmtree(built.site_dir / "themas" / "droogte")
    page = built.site_dir / "over" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + '<img src="weg.png" alt="">', encoding="utf-8")
    with pytest.raises(SiteCheckError) as failure:
        check_site(gather(built), built.content_dir, built.site_dir)
    problems = failure.value.problems
    assert problems[0] == "themas/droogte/: geen pagina voor thema 'droogte'"
    assert "over/index.html: de link 'weg.png' wijst naar /over/weg.png, en dat bestaat niet" in problems
    assert len(problems) > 2  # and every page that links to droogte


def test_a_page_without_entry_is_named(built: AtlasConfig) -> None:
    stray = built.site_dir / "partners" / "verdwenen" / "index.html"
    stray.parent.mkdir()
    stray.write_text("<html></html>", encoding="utf-8")
    atlas = gather(built)
    assert list(lost_entries(atlas, built.content_dir, built.site_dir)) == [
        "partners/verdwenen/: pagina zonder item in content/partners/"
    ]


@pytest.mark.parametrize(
    ("reference", "reported"),
    [
        ("../nergens/", "/nergens/"),
        (f"{BASE}assets/bestaat-niet.css", "/assets/bestaat-niet.css"),
        ("/assets/atlas.css", "/buiten-de-site/assets/atlas.css"),  # there in the folder, not where the site lives
        ("../partners/onbekend/#kop", "/partners/onbekend/"),
        ("plaatje%20een.png", "/over/plaatje een.png"),
    ],
)
def test_broken_internal_links_are_named(built: AtlasConfig, reference: str, reported: str) -> None:
    page = built.site_dir / "over" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + f'<a href="{reference}">x</a>', encoding="utf-8")
    assert list(broken_links(built.site_dir, BASE)) == [
        f"over/index.html: de link '{reference}' wijst naar {reported}, en dat bestaat niet"
    ]


@pytest.mark.parametrize(
    "reference",
    ["https://example.org/", "mailto:info@example.org", "#kop", "../themas/droogte/", "../", "?q=x", f"{BASE}themas/"],
)
def test_links_elsewhere_and_links_that_work_pass(built: AtlasConfig, reference: str) -> None:
    page = built.site_dir / "over" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + f'<a href="{reference}">x</a>', encoding="utf-8")
    assert list(broken_links(built.site_dir, BASE)) == []


def test_build_fails_on_a_broken_link_the_templates_make(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Links in Markdown are mkdocs' to check; raw HTML from a template is checked in the built site."""

    def with_broken_link(atlas: Atlas, today: date | None = None, *rest: Any, **options: Any) -> dict[str, str]:
        pages = render.render_site(atlas, today, *rest, **options)
        pages["index.md"] += '\n<p><a href="nergens/">nergens</a></p>\n'
        return pages

    monkeypatch.setattr(generator.build, "render_site", with_broken_link)
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    with pytest.raises(BuildError, match=r"index\.html: de link 'nergens/' wijst naar /nergens/"):
        build_site(config)


def test_build_fails_when_the_templates_html_links_miss(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lists and tables of entries are HTML that mkdocs does not check (render.html_link_from): the site check does."""
    monkeypatch.setattr(render, "section_url", lambda folder, section: "nergens/")
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    with pytest.raises(BuildError, match=r"de link 'nergens/[^']+/' wijst naar "):
        build_site(config)
