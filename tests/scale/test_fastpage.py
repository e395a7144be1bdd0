"""The fast page conversion in the shard workers gives what mkdocs' ``Page.render`` gives, page for page, or
leaves the page to mkdocs: on every page of the real site, the test content, the hostile and bad-input content,
a synthetic atlas and random pages; and only with a Markdown configuration it knows."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown.extensions.toc import slugify_unicode
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from bench.synthetic import write_synthetic_atlas
from generator.build import generate_docs
from generator.config import AtlasConfig
from generator.scale.fastpage import FastConverter
from tests.bad_input_corpus import CORPUS
from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT
from tests.exchange.hostile import hostile_content as hostile_open_data_content
from tests.scale.fastpage_reference import compare_docs, mkdocs_config, one_page_site, render_text
from tests.test_csp_browser import MARKDOWN_PAYLOAD, PAYLOAD, PLAIN_PAYLOAD
from tests.test_csp_browser import hostile_content as hostile_markdown_content


def copy_of(source: Path) -> Callable[[Path], Path]:
    def make(target: Path) -> Path:
        import shutil

        shutil.copytree(source, target)
        return target

    return make


def synthetic(target: Path) -> Path:
    write_synthetic_atlas(target, 1500, seed=7)
    return target


SITES: dict[str, tuple[Callable[[Path], Path], float]] = {
    # content maker, the least share of pages the fast path must take (so that the comparison means something)
    "real": (copy_of(REAL_CONTENT), 0.5),
    "fixture": (copy_of(FIXTURE_CONTENT), 0.2),
    "hostile-markdown": (hostile_markdown_content, 0.2),
    "hostile-open-data": (hostile_open_data_content, 0.2),
    "synthetic": (synthetic, 0.6),
}


@pytest.mark.parametrize("site", sorted(SITES))
def test_every_page_of_a_site_converts_as_mkdocs_or_is_left_to_it(
    site: str, tmp_path: Path, record_property: Callable[[str, Any], None]
) -> None:
    make_content, least_share = SITES[site]
    config = AtlasConfig(
        content_dir=make_content(tmp_path / "content"), docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"
    )
    generate_docs(config.resolve())
    comparison = compare_docs(tmp_path / "docs")
    record_property("fast_share", f"{len(comparison.fast)}/{len(comparison.pages)}")
    print(f"{site}: {len(comparison.fast)} of {len(comparison.pages)} pages on the fast path")
    assert sorted(comparison.differing) == []
    assert comparison.share >= least_share


def bad_input_pages(docs: Path) -> Path:
    """Every file of the bad-input corpus and every payload of the hostile tests as a page of its own, and
    inside a page of headings and raw blocks."""
    texts = [path.read_bytes().decode("utf-8", "replace") for path in sorted(CORPUS.rglob("*")) if path.is_file()]
    texts += [PAYLOAD, MARKDOWN_PAYLOAD, PLAIN_PAYLOAD]
    docs.mkdir(parents=True)
    for number, text in enumerate(texts):
        (docs / f"los-{number}.md").write_text(text, encoding="utf-8")
        framed = f"# Titel {number}\n\n<div class='atlas-prose'>\n<p>a</p>\n</div>\n\n{text}\n\n## Na\n\n<p>b</p>\n"
        (docs / f"ingebed-{number}.md").write_text(framed, encoding="utf-8")
    return docs


def test_every_bad_input_and_payload_page_converts_as_mkdocs_or_is_left_to_it(tmp_path: Path) -> None:
    comparison = compare_docs(bad_input_pages(tmp_path / "docs"))
    print(f"bad input: {len(comparison.fast)} of {len(comparison.pages)} pages on the fast path")
    assert len(comparison.pages) > 400
    assert sorted(comparison.differing) == []
    assert comparison.fast, "some of them are only headings and raw blocks"


TAKEN_FRAGMENTS = [
    "# Titel",
    "## Wie",
    "## Wie",
    "### Bakker &amp; Partners \\(BV\\)",
    '<div class="atlas-prose">\n<p>Tekst &amp; meer.</p>\n</div>',
    "<div>\n\n<p>open\n\n</div>",
    '<ul>\n<li><a href="../x/" id="x">x</a></li>\n<li>b<br>c</li>\n</ul>',
    '<p class="atlas-edit"><a name="n" href="https://example.org/?a=1&amp;b=2">meld</a></p>',
    '<script type="application/ld+json">{"name":"a \\u0026 b"}</script>',
    "<div><p>niet gesloten</div>",
    "<table>\n<tr><td>\ttab</td></tr>\n</table>",
]
OTHER_FRAGMENTS = [
    "## *nadruk*",
    "## Titel ##",
    "Gewone tekst",
    "- <a href='x'>lijst</a>",
    "    ingesprongen",
    "<div>niet gesloten",
    "<span>inline</span>",
    "<!-- commentaar -->",
    "<div>x</div> *staart*",
    "<hr>",
    "```\ncode\n```",
    "Titel\n-----",
]
BLANK_LINES = ["\n\n", "\n\n\n", "\n   \n", "\r\n\r\n", "\n\t\n"]


def random_page(rng: random.Random) -> str:
    """Half of the pages of fragments the fast path takes, between blank lines; the others of any fragments,
    between any line ends."""
    clean = rng.random() < 0.5
    fragments = TAKEN_FRAGMENTS if clean else TAKEN_FRAGMENTS + OTHER_FRAGMENTS
    separators = BLANK_LINES if clean else [*BLANK_LINES, "\n", " \n"]
    parts = [rng.choice(fragments) for _ in range(rng.randint(1, 8))]
    text = "".join(part + rng.choice(separators) for part in parts)
    return text if rng.random() < 0.8 else text.rstrip()


@pytest.fixture(scope="module")
def one_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[MkDocsConfig, Files]:
    return one_page_site(tmp_path_factory.mktemp("random"))


def test_random_pages_convert_as_mkdocs_or_are_left_to_it(one_page: tuple[MkDocsConfig, Files]) -> None:
    rng = random.Random(13)  # noqa: S311 - seeded test pages, not a secret
    taken = 0
    for _ in range(600):
        text = random_page(rng)
        expected, got, converted = render_text(text, *one_page)
        assert got == expected, text
        taken += converted
    assert 150 < taken < 450, "both paths are exercised"


class Marker(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Leaves a trace in each page event that ``_populate_page`` runs."""

    def on_pre_page(self, page: Any, **_: Any) -> Any:
        page.meta["pre"] = True
        return page

    def on_page_markdown(self, markdown: str, **_: Any) -> str:
        return markdown + "\n\n<p>toegevoegd</p>\n"

    def on_page_content(self, html: str, **_: Any) -> str:
        return f"<div>{html}</div>"


def test_the_page_events_run_on_the_fast_path(one_page: tuple[MkDocsConfig, Files]) -> None:
    config = mkdocs_config(Path(one_page[0].docs_dir))
    config.plugins["marker"] = Marker()
    expected, got, converted = render_text("# Titel\n\n<p>a</p>\n", config, one_page[1])
    assert converted
    assert got == expected
    assert got.content == '<div><h1 id="titel">Titel</h1>\n<p>a</p>\n\n<p>toegevoegd</p></div>'


@pytest.mark.parametrize(
    ("extensions", "known"),
    [
        (["toc", "tables", "attr_list", "admonition", "sane_lists"], True),
        ([{"toc": {"toc_depth": 2}}], True),
        ([{"toc": {"slugify": slugify_unicode}}], True),
        ([{"toc": {"permalink": True}}], False),
        ([{"toc": {"baselevel": 2}}], False),
        ([{"toc": {"anchorlink": True}}], False),
        (["toc", "footnotes"], False),
        (["toc", "md_in_html"], False),
        (["toc", "abbr"], False),
        (["toc", "smarty"], False),
    ],
)
def test_the_fast_path_only_runs_with_markdown_options_it_knows(
    one_page: tuple[MkDocsConfig, Files], extensions: list[Any], known: bool
) -> None:
    config = mkdocs_config(Path(one_page[0].docs_dir), markdown_extensions=extensions)
    assert (FastConverter.for_config(config) is not None) is known
    if known:
        text = "# Één\n\n## Twee\n\n### Drie\n\n<p>x</p>\n\n## Één\n"
        expected, got, converted = render_text(text, config, one_page[1])
        assert converted
        assert got == expected


def test_the_benchmark_counts_the_pages_on_the_fast_path_per_folder(tmp_path: Path) -> None:
    from bench.fastpage import fast_share

    docs = tmp_path / "docs"
    (docs / "vragen").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Home\n---\n# Home\n\nTekst\n", encoding="utf-8")
    (docs / "vragen" / "a.md").write_text("# A\n\n<p>a</p>\n", encoding="utf-8")
    (docs / "vragen" / "b.md").write_text("# B\n\n- lijst\n", encoding="utf-8")
    (docs / "vragen" / "c.md").write_text("---\nsearch: false\n---\n\n<div>c</div>\n", encoding="utf-8")
    share = fast_share(docs)
    assert share == {"pages": 4, "fast_pages": 2, "share": 0.5, "per_folder": {".": [1, 0], "vragen": [3, 2]}}
