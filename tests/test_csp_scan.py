"""The fast scan for inline scripts (generator/csp.py) finds what html.parser finds, on every page.

``ParsedScripts`` is the scan the CSP step used before: html.parser, event by event. It stays here as
the oracle that the single-regex scan must agree with, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build_site
from generator.config import AtlasConfig
from generator.csp import SCRIPT_TYPES, inline_scripts
from tests.exchange.hostile import hostile_content as hostile_open_data_content
from tests.test_csp_browser import hostile_content as hostile_markdown_content

BAD_INPUT_HTML = Path(__file__).parent / "bad_input" / "html"


class ParsedScripts(HTMLParser):
    """The bodies of a page's executable inline scripts, as html.parser reports them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        executable = (attributes.get("type") or "").strip().lower() in SCRIPT_TYPES
        self._current = [] if executable and "src" not in attributes else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def parsed_scripts(html: str) -> list[str]:
    parser = ParsedScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def assert_same_on_every_page(site: Path) -> int:
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert inline_scripts(html) == parsed_scripts(html), page
    return len(pages)


TRICKY = [
    "<script>a()</script>",
    "<SCRIPT>upper()</SCRIPT>",
    "<script >spaced()</script >",
    "<script>end()</ script>",
    "<script\ntype='module'>newline()</script>",
    "<script/>",
    "<script type=module>bare()</script>",
    "<script type='text&#47;javascript'>entity()</script>",
    "<script type=\"application/json\">{}</script><script type='x' type=''>last()</script>",
    "<script SRC=a.js></script><script data-src=x>data()</script>",
    "<!-- <script>commented()</script> --><p>x</p>",
    "<!-- a -- ><script>after()</script>",
    '<a title="<script>attribute()</script>">x</a>',
    "<a title='</script><script>single()</script>'>x</a>",
    "<style>p{} <script>styled()</script></style>",
    "<scripts>not()</scripts><scriptx>no()</scriptx>",
    "<script>var s = '<!-- <script> -->'; x < y && y > z</script>",
    "<script>first()</script>text<script>second()</script>",
    "<p>1 < 2 and <3 & <> </p><script>afterlt()</script>",
    "<script>unterminated()",
    "<!doctype html><?pi x?><script>pi()</script>",
    "<template><script>inert()</script></template>",
    "<svg><script>svg()</script></svg>",
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_scan_agrees_with_html_parser_on_tricky_markup(html: str) -> None:
    assert inline_scripts(html) == parsed_scripts(html)


def test_the_scan_finds_the_scripts_and_skips_the_rest() -> None:
    html = "".join(TRICKY[:3]) + TRICKY[10] + TRICKY[12] + TRICKY[14]
    assert inline_scripts(html) == ["a()", "upper()", "spaced()"]


@pytest.mark.parametrize("path", sorted(p for p in BAD_INPUT_HTML.rglob("content/**/*") if p.is_file()), ids=str)
def test_the_scan_agrees_on_the_bad_input_html_payloads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert inline_scripts(text) == parsed_scripts(text)


def test_the_scan_agrees_on_every_page_of_the_real_site(real_site: Path) -> None:
    assert assert_same_on_every_page(real_site) > 100


@pytest.mark.parametrize("make_content", [hostile_markdown_content, hostile_open_data_content])
def test_the_scan_agrees_on_every_page_of_the_hostile_sites(
    tmp_path: Path, make_content: Callable[[Path], Path]
) -> None:
    config = AtlasConfig(
        content_dir=make_content(tmp_path / "content"), docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"
    ).resolve()
    build_site(config)
    assert assert_same_on_every_page(config.site_dir) > 10
