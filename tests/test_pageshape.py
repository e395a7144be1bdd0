"""Entry pages and overviews are only ATX headings and raw HTML blocks between blank lines.

That is the shape the shard workers convert without Python-Markdown (issue 13); Markdown anywhere else on
such a page sends it down mkdocs' slow path. The home page, /signalen/, /vraag-stellen/, /bijdragen/ and the
free pages of content/pages/ are still Markdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import write_synthetic_atlas
from generator import pagelists
from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.kinds import KINDS
from generator.render import render_site
from tests.conftest import FIXTURE_CONTENT
from tests.pageshape import markdown_escapes, markdown_left, mkdocs_extensions

EXTENSIONS = mkdocs_extensions()
SECTIONS = {kind.section for kind in KINDS}
OTHER_SHAPED = {"overzicht.md", "zoeken.md"}


def shaped(path: str) -> bool:
    """An entry page, a section's overview, the atlas overview or the search page."""
    return (path.split("/")[0] in SECTIONS and path.endswith(".md")) or path in OTHER_SHAPED


def markdown_on_shaped_pages(content: Path) -> dict[str, list[str]]:
    """{page: its Markdown outside headings and raw blocks, and its Markdown escapes inside raw blocks}."""
    pages = render_site(gather(AtlasConfig(content_dir=content).resolve()))
    checked = {
        path: markdown_left(text, EXTENSIONS) + markdown_escapes(text) for path, text in pages.items() if shaped(path)
    }
    assert len(checked) > len(SECTIONS)
    return {path: left for path, left in checked.items() if left}


@pytest.fixture(scope="module")
def synthetic_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 entries: more of each kind than an entry page lists, more regions than a theme's table shows."""
    content = tmp_path_factory.mktemp("pageshape") / "content"
    write_synthetic_atlas(content, 300, seed=11)
    return content


@pytest.mark.parametrize("content", [FIXTURE_CONTENT, PROJECT_ROOT / "content"], ids=["fixture", "real"])
def test_entry_pages_and_overviews_are_headings_and_raw_html(content: Path) -> None:
    assert markdown_on_shaped_pages(content) == {}


@pytest.mark.parametrize("region_rows", [pagelists.REGION_ROWS, 1000], ids=["region-choice", "region-table"])
def test_pages_of_a_larger_atlas_are_headings_and_raw_html(
    synthetic_content: Path, region_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Capped lists, the choice of region and (with every region as a row) the table with counted cells."""
    monkeypatch.setattr(pagelists, "REGION_ROWS", region_rows)
    assert markdown_on_shaped_pages(synthetic_content) == {}


CLEAN = [
    "# Titel\n\n<p>Tekst.</p>\n",
    '# Titel\n\n<ul>\n<li><a href="../x/">X</a> (regio): reden</li>\n</ul>\n\n## Kop\n\n<p><em>Noot.</em></p>\n',
    '---\nhide:\n  - toc\n---\n\n# Titel\n\n<div class="a">\n<p>*geen Markdown in een blok*</p>\n</div>\n',
    '# Titel\n\n<table>\n<tbody>\n<tr>\n<td><a href="x/">x</a></td>\n</tr>\n</tbody>\n</table>\n',
    '# Titel\n\n<script type="application/ld+json">{"a": 1}</script>\n',
    "",
]

MARKDOWN = [
    ('# Titel\n\n- <a href="../x/">X</a> (regio): reden\n', "- <a"),
    ("# Titel\n\n*Een noot.*\n", "*Een noot.*"),
    ("# Titel\n\n<p>Zie</p>\n\n[Vraag stellen](../vraag-stellen.md)\n", "[Vraag stellen]"),
    ("# Titel\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n", "| a | b |"),
    ("# Titel\n\nGewone tekst.\n", "Gewone tekst."),
    ('# Titel\n\n<a href="x/">een link als alinea</a>\n', "<a href"),
    ("# Titel\n\n<p>blok</p> en tekst erachter\n", "en tekst erachter"),
    ("# Titel\n\n    ingesprongen code\n", "ingesprongen code"),
    ("Titel\n=====\n\n<p>x</p>\n", "Titel"),
    ("# Titel\n<p>zonder witregel</p>\n", "# Titel"),
    ("# Titel\n\n<p>een</p>\n<p>twee, zonder witregel</p>\n", "chunks"),
]


@pytest.mark.parametrize("page", CLEAN)
def test_headings_and_whole_raw_blocks_leave_nothing(page: str) -> None:
    assert markdown_left(page, EXTENSIONS) == []


@pytest.mark.parametrize(("page", "found"), MARKDOWN)
def test_markdown_between_the_blocks_is_found(page: str, found: str) -> None:
    left = markdown_left(page, EXTENSIONS)
    assert left
    assert any(found in line for line in left), left


@pytest.mark.parametrize(
    ("page", "escaped"),
    [
        ('<p class="atlas-meta"><span class="atlas-kind">Regio</span> Regio \\(samenwerkende gemeenten\\)</p>', True),
        ("<p>Gemeente Voorbeeld &amp; Co \\*test\\*</p>", True),
        ("# Gemeente Voorbeeld &amp; Co \\*test\\*", False),
        ('<p class="atlas-meta"><span class="atlas-kind">Regio</span> Regio (samenwerkende gemeenten)</p>', False),
    ],
)
def test_markdown_escapes_in_raw_blocks_are_found(page: str, escaped: bool) -> None:
    assert bool(markdown_escapes(page)) == escaped
