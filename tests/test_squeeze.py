"""The whitespace squeeze of every built page (generator/csp.py ``squeeze``): a run of whitespace that holds a
line break becomes one line break, except where whitespace shows or is not text; the page is the same to a
browser. Checked on small cases and, with html.parser, on every page of the real site."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import generate_docs, run_mkdocs
from generator.config import AtlasConfig
from generator.csp import inline_scripts, script_hash, squeeze, with_policy

PRESERVED = ("pre", "textarea", "code", "kbd", "script", "style")
"""Elements whose text html.parser hands over as it stands, and the squeeze must keep."""
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a</p>\n    \n  <p>b</p>", "<p>a</p>\n<p>b</p>"),
        ("<li>\n      <a href=x>\n        Home\n      </a>\n    </li>", "<li>\n<a href=x>\nHome\n</a>\n</li>"),
        ("a \t\r\n\f b", "a\nb"),
        ("\r\n", "\n"),
        ("<span>a</span>\n\n<span>b</span>", "<span>a</span>\n<span>b</span>"),
    ],
    ids=["between-blocks", "indented-nav", "every-ascii-space", "crlf", "blank-line-between-inlines"],
)
def test_whitespace_runs_with_a_line_break_become_one(html: str, expected: str) -> None:
    assert squeeze(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "<p>a    b\t\tc</p>",  # no line break: as it stands, though a browser would collapse it too
        "<p>a\u00a0\u00a0b</p>",  # a no-break space is not HTML whitespace
        "<p>a\u2003\n\u2003b</p>",  # neither is an em space: the run around the line break is only "\n"
    ],
    ids=["no-line-break", "no-break-spaces", "unicode-spaces"],
)
def test_other_whitespace_is_kept(html: str) -> None:
    assert squeeze(html) == html


@pytest.mark.parametrize(
    "element",
    [
        "<pre>\n  indented\n\n    code\n</pre>",
        '<pre class="x"><code>  a\n\n  b\n</code></pre>',
        "<PRE>\n  a\n</PRE>",
        '<textarea name="t">\n  line one\n\n  line two\n</textarea>',
        "<code>a\n   b</code>",
        "<kbd>Ctrl\n  C</kbd>",
        "<script>\n  var a = 1;\n\n  var b = 2;\n</script>",
        '<script type="application/ld+json">{"a":\n   "b"}</script>',
        "<style>\n  p {\n    color: red;\n  }\n</style>",
        "<pre>a</ pre>\n  still pre\n</pre>",  # "</ pre>" is no end tag in a browser
        "<!-- a\n   comment -->",
        '<a title="one\n     two" href="x">y</a>',
        "<input value='a\n\n  b'>",
        '<div data-x="<pre>"\n   class="y">',
    ],
    ids=[
        "pre",
        "pre-code",
        "pre-upper-case",
        "textarea",
        "code",
        "kbd",
        "script",
        "json-ld",
        "style",
        "pre-bogus-end-tag",
        "comment",
        "attribute-double-quoted",
        "attribute-single-quoted",
        "tag-over-lines",
    ],
)
def test_elements_whose_whitespace_matters_are_kept_byte_for_byte(element: str) -> None:
    html = f"<div>\n   {element}\n   </div>"
    assert squeeze(html) == f"<div>\n{element}\n</div>"


def test_the_squeeze_is_idempotent_and_keeps_script_hashes() -> None:
    page = (
        '<!doctype html>\n<html lang="nl">\n  <head>\n    <meta charset="utf-8">\n'
        '    <script>\n  document.documentElement.classList.add("atlas-ask-js");\n    </script>\n'
        "  </head>\n  <body>\n    <p>\n      tekst\n    </p>\n  </body>\n</html>"
    )
    once = squeeze(page)
    assert squeeze(once) == once
    assert inline_scripts(once) == inline_scripts(page)


def test_with_policy_squeezes_and_hashes_the_scripts_as_they_stand() -> None:
    script = 'document.documentElement.classList.add("atlas-ask-js");'
    page = (
        f"<!doctype html>\n<html>\n  <head>\n    <script>{script}</script>\n  </head>\n"
        "  <body>\n    <p>a</p>\n  </body>\n</html>"
    )
    result = with_policy(page, "test.html")
    assert "\n  " not in result
    assert script_hash(script) in result
    assert result.startswith('<!doctype html>\n<html>\n<head>\n<meta http-equiv="Content-Security-Policy"')


class Events(HTMLParser):
    """What a page is to html.parser: its tags with their attributes, comments and text; the text of the
    elements in ``PRESERVED`` as it stands, every other text with its HTML whitespace made one space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, object]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", (tag, attrs)))
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", (tag, attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if any(tag in PRESERVED for tag in self.open):
            self.events.append(("text", data))
            return
        text = HTML_SPACE.sub(" ", data)
        if self.events and self.events[-1][0] == "text":  # one text node, however the parser splits it
            text = HTML_SPACE.sub(" ", f"{self.events.pop()[1]}{text}")
        self.events.append(("text", text))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.events.append(("decl", decl))


def events(html: str) -> list[tuple[str, object]]:
    parser = Events()
    parser.feed(html)
    parser.close()
    return parser.events


@pytest.fixture(scope="module")
def unsqueezed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built by mkdocs alone: the pages as they are before the step after mkdocs."""
    base = tmp_path_factory.mktemp("unsqueezed")
    config = replace(AtlasConfig(), docs_dir=base / "docs", site_dir=base / "site").resolve()
    generate_docs(config)
    run_mkdocs(config)
    return config.site_dir


def test_every_page_of_the_real_site_is_the_same_to_a_browser(unsqueezed_site: Path) -> None:
    pages = sorted(unsqueezed_site.rglob("*.html"))
    assert len(pages) > 100
    saved = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        squeezed = squeeze(html)
        where = page.relative_to(unsqueezed_site).as_posix()
        assert events(squeezed) == events(html), where
        assert inline_scripts(squeezed) == inline_scripts(html), where
        saved += len(html) - len(squeezed)
    assert saved > 1000 * len(pages), "the theme's indentation is gone"
