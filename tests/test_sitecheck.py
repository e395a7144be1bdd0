"""Nothing lost: the check after every build (generator/sitecheck.py), on fixture trees in tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import render
from generator.atlas import Atlas
from generator.build import build_site
from generator.config import AtlasConfig
from generator.kinds import KINDS
from generator.sitecheck import SiteCheckError, broken_links, check_site, kind_counts, target_of


@pytest.fixture
def built(content: Path, tmp_path: Path) -> tuple[Atlas, AtlasConfig]:
    """The fixture content (a private copy) built into tmp_path; the build itself runs the check."""
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    return build_site(config), config


def problems(atlas: Atlas, config: AtlasConfig) -> list[str]:
    with pytest.raises(SiteCheckError) as caught:
        check_site(atlas, config.content_dir, config.site_dir)
    return caught.value.problems


def test_fixture_site_has_every_entry_once_per_kind(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    counts = {count.kind.key: count for count in kind_counts(atlas, config.content_dir, config.site_dir)}
    assert set(counts) == {kind.key for kind in KINDS}
    for count in counts.values():
        assert count.files == count.entries == count.pages
    assert counts["theme"].pages == {"droogte", "klimaatadaptatie"}
    assert counts["event"].pages == {"kenniscafe-hitte"}
    assert broken_links(config.site_dir) == []


def test_entry_without_page_fails(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    page = config.site_dir / "themas" / "droogte" / "index.html"
    page.unlink()
    found = problems(atlas, config)
    assert "Thema's (themes/ → themas/): item 'droogte' heeft geen pagina" in found


def test_page_without_entry_fails(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    stray = config.site_dir / "partners" / "verdwenen-partner" / "index.html"
    stray.parent.mkdir()
    stray.write_text("<html></html>", encoding="utf-8")
    assert problems(atlas, config) == [
        "Kennispartners (partners/ → partners/): pagina 'verdwenen-partner' hoort bij geen item"
    ]


def test_content_file_without_entry_fails(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    (config.content_dir / "research" / "later-toegevoegd.md").write_text("---\nname: x\n---\n", encoding="utf-8")
    assert problems(atlas, config) == [
        "Onderzoek (research/ → onderzoek/): bestand 'later-toegevoegd' is geen item geworden"
    ]


def test_broken_link_in_built_html_fails(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    page = config.site_dir / "over" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</article>", '<a href="../nergens/">weg</a><img src="../plaatje.png" alt=""></article>')
    )
    assert problems(atlas, config) == [
        "over/index.html: <a> ../nergens/ leidt nergens heen",
        "over/index.html: <img> ../plaatje.png leidt nergens heen",
    ]


def test_raw_html_link_from_a_template_fails_the_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs' strict mode checks Markdown links only; a raw HTML link to nowhere still fails the build."""
    render_all = render.Renderer.render_all

    def with_broken_link(self: render.Renderer) -> dict[str, str]:
        pages = render_all(self)
        pages["zoeken.md"] += '\n<p><a href="../agenda/bestaat-niet/">Een bijeenkomst</a></p>\n'
        return pages

    monkeypatch.setattr(render.Renderer, "render_all", with_broken_link)
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    with pytest.raises(SiteCheckError) as caught:
        build_site(config)
    assert caught.value.problems == ["zoeken/index.html: <a> ../agenda/bestaat-niet/ leidt nergens heen"]
    assert "de gebouwde site klopt niet (1 probleem)" in str(caught.value)


def test_every_problem_at_once(built: tuple[Atlas, AtlasConfig]) -> None:
    atlas, config = built
    (config.site_dir / "vragen" / "is-er-genoeg-water" / "index.html").unlink()
    (config.site_dir / "regios" / "index.html").unlink()  # the overview: every link to it breaks
    found = problems(atlas, config)
    assert "Kennisvragen (questions/ → vragen/): item 'is-er-genoeg-water' heeft geen pagina" in found
    assert any(problem.endswith("<a> ../regios/ leidt nergens heen") for problem in found)
    assert len(found) > 10


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://example.org/", None),
        ("//example.org/x", None),
        ("mailto:a@example.org", None),
        ("#kop", None),
        ("data:image/png;base64,AAAA", None),
        ("", None),
        ("../themas/", "themas/index.html"),
        ("../themas/droogte/#kop", "themas/droogte/index.html"),
        ("../assets/atlas.css?v=1", "assets/atlas.css"),
        ("/zoeken/", "zoeken/index.html"),
        ("..", "index.html"),
        ("../caf%C3%A9/", "café/index.html"),
    ],
)
def test_target_of(tmp_path: Path, address: str, expected: Any) -> None:
    site = tmp_path / "site"
    (site / "over").mkdir(parents=True)
    page = site / "over" / "index.html"
    target = target_of(site, page, address)
    if expected is None:
        assert target is None
    else:
        assert target is not None
        assert target.resolve() == (site / expected).resolve()
