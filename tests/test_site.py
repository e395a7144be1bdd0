"""End to end: the real content builds strictly, every file has its page, every link resolves."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.exchange.siteurl import base_path, read_site
from generator.kinds import KINDS
from tests.conftest import REAL_CONTENT


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))


def references(page: Path) -> list[tuple[str, str, str]]:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.refs


SITE_URL = read_site().url
SITE_BASE = base_path(SITE_URL)


def content_ids(folder: str) -> set[str]:
    return {p.stem for p in (REAL_CONTENT / folder).glob("*") if p.suffix in (".yml", ".yaml", ".md")}


@pytest.mark.parametrize("kind", KINDS, ids=[kind.key for kind in KINDS])
def test_one_page_per_content_file(real_site: Path, kind: object) -> None:
    folder, section = kind.folder, kind.section  # type: ignore[attr-defined]
    pages = {p.parent.name for p in (real_site / section).glob("*/index.html")}
    assert pages == content_ids(folder)
    assert (real_site / section / "index.html").is_file()


def test_real_content_meets_the_minimums() -> None:
    minimum = {"partners": 35, "practices": 6, "themes": 8, "regions": 5, "networks": 5, "questions": 6, "research": 3}
    for folder, count in minimum.items():
        assert len(content_ids(folder)) >= count, folder


def test_every_internal_link_resolves(real_site: Path) -> None:
    broken = []
    for page in real_site.rglob("*.html"):
        for tag, _, ref in references(page):
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("#", "mailto:", "tel:")) or parts.netloc:
                continue
            # An absolute path counts from where the site is published (the 404 page's links).
            path = "/" + parts.path.removeprefix(SITE_BASE) if parts.path.startswith(SITE_BASE) else parts.path
            base = real_site if path.startswith("/") else page.parent
            target = (base / unquote(path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(real_site)}: <{tag}> {ref}")
    assert broken == []


def test_no_third_party_resources(real_site: Path) -> None:
    loaded_from_elsewhere = []
    for page in real_site.rglob("*.html"):
        for tag, attr, ref in references(page):
            # The site's own published address (the canonical link) is not a third party.
            external = (urlsplit(ref).scheme in ("http", "https") or ref.startswith("//")) and not ref.startswith(
                SITE_URL
            )
            if external and (attr == "src" or tag == "link"):
                loaded_from_elsewhere.append(f"{page.relative_to(real_site)}: <{tag} {attr}={ref}>")
    assert loaded_from_elsewhere == []
    for css in real_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(['\"]?https?:", css.read_text(encoding="utf-8")), css


def test_site_is_dutch_and_licensed(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    assert "CC BY 4.0" in home
    assert "EUPL-1.2" in home
    assert (real_site / "over" / "index.html").is_file()
    assert (real_site / "vraag-stellen" / "index.html").is_file()


def test_navigation_lists_sections_not_entries(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    outside_content = re.sub(r"<article.*?</article>", "", home, flags=re.DOTALL)
    assert 'href="themas/"' in outside_content
    for theme in content_ids("themes"):
        assert f"themas/{theme}/" not in outside_content
        assert f"themas/{theme}/" in home  # the home page body does link every theme
