"""The raw-block and heading recognisers of the fast page conversion: what they take, and what they leave to
mkdocs. What they take is compared with mkdocs' own ``Page.render`` (``test_taken_pages_convert_as_mkdocs``)."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from generator.scale.fastpage import FastConverter
from generator.scale.rawhtml import scan_block
from tests.scale.fastpage_reference import one_page_site, render_text

BLOCK_LEVEL = frozenset({"div", "p", "ul", "li", "script", "blockquote", "hr", "table", "tr", "td"})


@pytest.fixture(scope="module")
def one_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[MkDocsConfig, Files]:
    return one_page_site(tmp_path_factory.mktemp("one-page"))


@pytest.fixture(scope="module")
def converter(one_page: tuple[MkDocsConfig, Files]) -> FastConverter:
    made = FastConverter.for_config(one_page[0])
    assert made is not None
    return made


@pytest.mark.parametrize(
    ("block", "after", "anchors"),
    [
        ("<div>a</div>", "\n\nrest", set()),
        ("<div>\n\n<p>a</p>\n\n</div>", "\n", set()),
        ("<div><div>a</div> b</div>", "</div>", set()),
        ("<div><p>open</div>", "</p>", set()),  # the closing tag pops up to its match
        ("<div></span>a</div>", "", set()),  # a stray closing tag is kept and ignored
        ("<ul>\n<li>a<br>b</li>\n</ul>", "", set()),
        ("<p>a<hr>b<img src='x'/></p>", "", set()),
        ('<div id="a&amp;b"><a name="n">x</a><span id="">y</span><p name="no">z</p></div>', "", {"a&b", "n", ""}),
        ("<div id='x' class=\"c\" hidden>a</div>", "", {"x"}),
        ('<script type="application/ld+json">{"a":"b \\u003c & c"}</script>', "", set()),
        ("<p>&eacute; &#233; &#xE9;</p>", "", set()),
    ],
)
def test_a_block_ends_where_python_markdown_ends_it(block: str, after: str, anchors: set[str]) -> None:
    found = scan_block(block + after, 0, BLOCK_LEVEL)
    assert found is not None
    assert ((block + after)[found.start : found.end], set(found.anchors)) == (block, anchors)


@pytest.mark.parametrize(
    "text",
    [
        "<div>\n<p>a</p>\n",  # never closed
        "<span>a</span>",  # not block-level: a paragraph with inline HTML
        "<hr>",  # an empty tag is a block of its own
        "<div/>",
        "<DIV>a</DIV>",
        "<div class=x>a</div>",  # unquoted value
        "<div id>a</div>",  # mkdocs would record an anchor None
        "<div>a < b</div>",
        "<div>a & b</div>",
        "<div>&amp</div>",
        "<div><!-- c --></div>",
        "<!-- c -->",
        "<div><textarea>a</textarea></div>",
        "<script>a<b</script>",
        "<script/>",
        '<div title="a>b">x</div>',
        "<div\nclass='x'>a</div>",
        "<my-tag>a</my-tag>",
    ],
)
def test_a_block_the_scan_is_not_sure_of_is_declined(text: str) -> None:
    assert scan_block(text, 0, BLOCK_LEVEL) is None


@pytest.mark.parametrize(
    ("line", "level", "inner"),
    [
        ("# Titel", 1, "Titel"),
        ("###### Zes  spaties ", 6, "Zes  spaties"),
        ("## A \\(b\\) \\*c\\* \\\\ d \\| e", 2, "A (b) *c* \\ d | e"),
        ("## Bakker &amp; Partners &#233; &eacute;", 2, "Bakker &amp; Partners &#233; &eacute;"),
        ("## Wat kost het? (€ 5,- per uur: 'ja'/\"nee\")", 2, "Wat kost het? (€ 5,- per uur: 'ja'/\"nee\")"),
    ],
)
def test_a_plain_heading_is_taken(converter: FastConverter, line: str, level: int, inner: str) -> None:
    heading = converter.heading(line)
    assert heading is not None
    assert (heading.level, heading.inner_html) == (level, inner)


@pytest.mark.parametrize(
    "line",
    [
        "#Titel",
        "####### Zeven",
        "## *nadruk*",
        "## a_b",
        "## `code`",
        "## a & b",
        "## a &amp b",
        "## Titel ##",
        "## C#",
        "## Titel {#anker}",
        "## [link](x.md)",
        "## a <b>c</b>",
        "## ![beeld](x.png)",
        "## a \\< b",
        "## a \\q",
        "## a | b",
        "##",
        "## ",
        "   ## ingesprongen",
    ],
)
def test_a_heading_with_markdown_is_declined(converter: FastConverter, line: str) -> None:
    assert converter.heading(line) is None


DECLINED_PAGES = [
    "<div>x</div> *y*\n",  # Markdown after the block on its line
    "<div>x</div>\n*y*\n",  # no blank line after the block
    "# Titel\n<div>x</div>\n",  # no blank line after the heading
    "Titel\n=====\n\n<div>x</div>\n",  # setext heading
    "    <div>x</div>\n",  # indented code
    "Tekst\n",
    "- <a href='x'>a</a>\n",
    "```\n<div>x</div>\n```\n",
    "<div>\n```\ncode\n```\n</div>\n",  # fenced_code runs before the raw blocks are taken
    "<div>open\n\n# Titel\n",
    '<script type="application/ld+json">{"a":"</p>"}</script>\n',
]


@pytest.mark.parametrize("text", DECLINED_PAGES)
def test_a_page_with_other_markdown_is_declined(converter: FastConverter, text: str) -> None:
    assert converter.convert(text) is None


TAKEN_PAGES = [
    "",
    " \n\n",
    '# Titel\n\n<div class="atlas-prose">\n<p>a</p>\n</div>\n',
    "\n\n\n# Titel\n\n\n\n<p>a</p>\n\n\n",
    "<p class='x'>eerst</p>\n\n# Geen titel\n",
    "## Eerst h2\n\n# Dan h1\n",
    '# Wie\n\n## Wie\n\n## Wie\n\n<div id="wie">x</div>\n\n### Wie\\_1\n',
    "### Diep\n\n## Hoger\n\n# Hoogst\n\n#### Laagst\n",
    "# ?\n\n## \\!\\!\n\n## \\!\\!\n\n## C\\#\n\n## \\#\\#\n",
    "# Fryslân – één € 🙂\n\n## A  B\t C\n",
    "# A \\(b\\) &amp; &lt;c&gt; &#233; \\\\ \\_d\\_\n",
    "<div>\r\n\tingesprongen\r\n   \r\n</div>\r\n\r\n## Na\r\n",
    "<div>\n\n<p>a</p>\n\n</div>\n\n<ul>\n<li>a<br>b</li>\n</ul>\n\n<p>a<hr>b</p>",
    '<div id="a&amp;b"><a name="n" id=\'m\'>x</a></div>\n\n<p id="">y</p>\n',
    '# T\n\n<script type="application/ld+json">{"a":"b \\u0026 c \\u003c/p>"}</script>\n',
    "<div><p>open</div>\n\n<div></span>a</div>\n",
    "# Titel\n\n<div>\x02kapot\x03</div>\n",
]


@pytest.mark.parametrize("text", TAKEN_PAGES)
def test_taken_pages_convert_as_mkdocs(one_page: tuple[MkDocsConfig, Files], text: str) -> None:
    expected, got, converted = render_text(text, *one_page)
    assert converted, "the fast path takes this page"
    assert got == expected


@pytest.mark.parametrize("text", DECLINED_PAGES)
def test_declined_pages_go_through_mkdocs(one_page: tuple[MkDocsConfig, Files], text: str) -> None:
    expected, got, converted = render_text(text, *one_page)
    assert not converted
    assert got == expected
