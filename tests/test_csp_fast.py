"""The cheaper step after mkdocs (generator/csp.py ``squeeze``, ``inline_scripts``, ``with_policy``) agrees with the
step as it was (``tests/csp_reference.py``) byte for byte: on tricky markup, on random markup, and on every page of
the real site and of the hostile sites as mkdocs renders them. So does the scan for a page's references
(generator/sitecheck.py ``_REFERENCE``)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import generate_docs, run_mkdocs
from generator.config import AtlasConfig
from generator.csp import inline_scripts, squeeze, with_policy
from generator.errors import BuildError
from generator.sitecheck import _REFERENCE, page_links, text_links
from tests import csp_reference as reference
from tests.exchange.hostile import hostile_content as hostile_open_data_content
from tests.test_csp_browser import hostile_content as hostile_markdown_content
from tests.test_csp_scan import TRICKY

BAD_INPUT_HTML = Path(__file__).parent / "bad_input" / "html"

TRICKY_SQUEEZE = [
    # comments
    "<p>a</p>\n  <!-- a\n   comment -->\n  <p>b</p>",
    "<!-- a -- >\n  x\n  <!-- b\n --  >",
    "<!--\n  <pre>\n  -->\n   x\n  </pre>",
    "<!-- unterminated\n   comment",
    "<!doctype html>\n  <html>\n  <?pi\n  x?>\n  </html>",
    # <pre>, <code>, <textarea>, <kbd>, and names that only start like them
    "<div>\n  <pre>\n    a\n\n    b\n  </pre>\n</div>",
    '<pre class="x">\n  a\n</pre>\n  <pre>\n  b\n  </pre>',
    "<PRE>\n  a\n</PRE>\n  <Pre>\n  b\n</pRe>",
    "<pre/>\n  x\n  </pre>\n   y",
    "<pre>\n  no end tag\n  at all",
    "<pre>a</ pre>\n  still pre\n</pre>\n  after",
    "<prefix>\n  a\n</prefix>\n  <codes>\n  b\n  </codes>",
    "<code>a\n   b</code>\n  <code >\n  c</code >\n  <CODE\n>\n d</CODE>",
    '<textarea name="t">\n  one\n\n  two\n</textarea>\n  <TEXTAREA>\n  x\n</textarea>',
    "<kbd>Ctrl\n  C</kbd>\n   <kbd/>\n  x",
    "<pre><code>\n  a\n</code>\n  b\n</pre>\n  c",
    # attributes with ">" or line breaks, quotes of every kind
    '<a title="a > b"\n   href="x">\n  y\n  </a>',
    '<a title="one\n     two" href="x">\n  y\n</a>',
    "<input value='a\n\n  b'>\n  x",
    '<div data-x="<pre>"\n   class="y">\n  z\n</div>',
    '<a b"=">\n  c\n  "\n  d',
    '<a x="1"="2>">\n  y\n  </a>',
    "<a x=1 y=>\n  z\n  </a>",
    "<a\n  href='x'\n  >\n  y\n  </a>",
    '<a title="unterminated>\n  x\n  <p>\n  y',
    "<br/>\n  <br />\n  <hr  / >\n  <img src=x/>\n  x",
    "<a\x00>\n  x\n  </a>",
    '<A HREF="x">\n  y\n  </A>',
    # <script> and <style>, also inside attributes and comments
    "<script>\n  var a = 1;\n\n  var b = '<pre>';\n</script>\n  x",
    "<SCRIPT>\n  a()\n</SCRIPT>\n  x",
    '<a title="<script>\n  x\n  </script>">\n  y\n  </a>',
    "<!-- <script>\n  x\n --> \n  <script>\n  y\n  </script>\n  z",
    "<style>\n  p {\n    color: red;\n  }\n</style>\n  x",
    "<script/>\n  x\n  </script>\n  y",
    # whitespace of every kind, and where the page ends
    "a \t\r\n\f b",
    "\r\n",
    "",
    "\n",
    "   ",
    "x\n",
    "x\n   ",
    "<p>no line break at the end</p>   ",
    "1 < 2\n   and 3 <\n   4 <<\n  <",
    "<p>a\u2003\n\u2003b</p>\n\u00a0\n x",
]


def agree(html: str) -> None:
    page = html.encode("utf-8")
    assert _REFERENCE.findall(page) == reference.REFERENCE.findall(page)
    assert text_links("a/b.html", html) == page_links("a/b.html", page)
    assert squeeze(html) == reference.squeeze(html)
    assert inline_scripts(html) == reference.inline_scripts(html)
    squeezed = reference.squeeze(html)
    assert inline_scripts(squeezed) == reference.inline_scripts(squeezed)


def same_policy(html: str, where: str) -> None:
    """``with_policy`` gives the reference's page, or fails with the reference's message."""
    try:
        expected: str | BuildError = reference.with_policy(html, where)
    except BuildError as error:
        expected = error
    if isinstance(expected, str):
        assert with_policy(html, where) == expected
        return
    with pytest.raises(BuildError) as raised:
        with_policy(html, where)
    assert str(raised.value) == str(expected)


@pytest.mark.parametrize("html", TRICKY_SQUEEZE + TRICKY)
def test_the_step_agrees_with_the_reference_on_tricky_markup(html: str) -> None:
    agree(html)
    same_policy(f"<!doctype html>\n<html>\n  <head>\n  </head>\n  <body>\n  {html}\n  </body>\n</html>", "p.html")


# Pieces that start, end or look like every construct the scans know, glued at random.
PIECES = [
    "<",
    ">",
    "/",
    "=",
    '"',
    "'",
    " ",
    "  ",
    "\n",
    "\n   ",
    "\t",
    "\r",
    "\f",
    "!",
    "-",
    "--",
    "<!--",
    "-->",
    "?",
    "a",
    "x",
    "pre",
    "PRE",
    "code",
    "kbd",
    "textarea",
    "script",
    "SCRIPT",
    "style",
    "div",
    "br",
    "src",
    "type",
    'type="module"',
    "type=application/json",
    'href="x"',
    "<p>",
    "</p>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<script>",
    "</script>",
    "</ script>",
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<a ",
    'title="',
    "\u00a0",
    "\u2003",
    "é",
    "&amp;",
    "\x00",
    "href=",
    "src=",
    "HREF",
    "hre",
    "f=",
    "sr",
    "c=",
]


def random_markup(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


def test_the_step_agrees_with_the_reference_on_random_markup() -> None:
    rng = random.Random(13)  # noqa: S311 - seeded test markup, not a secret
    for _ in range(3000):
        agree(random_markup(rng))


@pytest.mark.parametrize("path", sorted(p for p in BAD_INPUT_HTML.rglob("content/**/*") if p.is_file()), ids=str)
def test_the_step_agrees_with_the_reference_on_the_bad_input_html_payloads(path: Path) -> None:
    agree(path.read_text(encoding="utf-8"))


def rendered_pages(config: AtlasConfig) -> dict[str, str]:
    """Every HTML file of the site as mkdocs alone builds it: the pages the step after mkdocs gets."""
    generate_docs(config)
    run_mkdocs(config)
    site = config.site_dir
    return {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in site.rglob("*.html")}


def assert_same_step_on_every_page(pages: dict[str, str]) -> None:
    for where, html in sorted(pages.items()):
        assert squeeze(html) == reference.squeeze(html), where
        assert inline_scripts(html) == reference.inline_scripts(html), where
        given = with_policy(html, where)
        assert given == reference.with_policy(html, where), where
        written = given.encode("utf-8")
        assert _REFERENCE.findall(written) == reference.REFERENCE.findall(written), where
        assert text_links(where, given, "/kennisatlas/") == page_links(where, written, "/kennisatlas/"), where


@pytest.mark.parametrize(
    "html",
    [
        "<a href=\"a\">x</a><img src='b'>",
        'src="at-the-start" href="x"',
        '<a xhref="c" data-src="d" hrefsrc="e" =href="f">',
        "<a href=\"src='inside'\" title=\"href='too'\">",
        "<a href='it\"s'>",
        '<a href = "spaced" href=bare src=>',
        'href=src="h" src=href="i"',
        'HREF="upper" Src="mixed" <script>x.src="j"; y.href=\'k\'</script>',
        'href="unterminated',
        'href=""src=\'\'=src="l"==href="m"',
    ],
)
def test_the_scan_for_references_finds_what_it_found(html: str) -> None:
    page = html.encode("utf-8")
    assert _REFERENCE.findall(page) == reference.REFERENCE.findall(page)
    assert text_links("x/index.html", html) == page_links("x/index.html", page)


def test_the_step_agrees_with_the_reference_on_every_page_of_the_real_site(tmp_path: Path, real_site: Path) -> None:
    config = replace(AtlasConfig(), docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    pages = rendered_pages(config)
    assert len(pages) > 100
    assert_same_step_on_every_page(pages)
    built = {
        page.relative_to(real_site).as_posix(): page.read_text(encoding="utf-8") for page in real_site.rglob("*.html")
    }
    for where, html in sorted(built.items()):  # pages with their policy: squeezed already, each with its scripts
        assert squeeze(html) == reference.squeeze(html) == html, where
        assert inline_scripts(html) == reference.inline_scripts(html), where
        assert _REFERENCE.findall(html.encode()) == reference.REFERENCE.findall(html.encode()), where


@pytest.mark.parametrize("make_content", [hostile_markdown_content, hostile_open_data_content])
def test_the_step_agrees_with_the_reference_on_every_page_of_the_hostile_sites(
    tmp_path: Path, make_content: Callable[[Path], Path]
) -> None:
    config = AtlasConfig(
        content_dir=make_content(tmp_path / "content"), docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"
    ).resolve()
    pages = rendered_pages(config)
    assert len(pages) > 10
    assert_same_step_on_every_page(pages)
