"""The theme cache never serves a block or module that read the page: per newly cached fragment, a theme in which
that fragment shows the page's title or front matter, built by one worker; every page shows its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import PROJECT_ROOT
from generator.scale.shard import ShardJob, build_shard
from generator.scale.themecache import BLOCKS
from generator.scale.themereads import Reads

PAGES = {
    "index.md": "# Welkom\n\nDe voorpagina.\n",
    "over.md": "# Over\n\nTekst.\n",
    "partners/b.md": "---\nkleur: rood\n---\n# B\n\n## Over B\n\nTekst.\n",
    "partners/c.md": "---\nkleur: groen\n---\n# Zelfde\n\nTekst.\n",
    "partners/d.md": "---\nkleur: blauw\n---\n# Zelfde\n\nTekst.\n",
    "partners/e.md": "---\nkleur: rood\n---\n# E\n\n## Over E\n\nTekst.\n",
}
"""Four pages of one folder out of the navigation (one key): c and d differ only in their front matter, b and c
in their title."""

SHOWN = {"title": {"b": "B", "c": "Zelfde", "d": "Zelfde", "e": "E"}, "meta": dict.fromkeys("bcde", "")}
SHOWN["meta"].update(b="rood", c="groen", d="blauw", e="rood")
EXPRESSIONS = {"title": "page and page.title", "meta": "page and page.meta.kleur"}  # 404.html: no page

LANGUAGE = """\
{% import "partials/languages/" ~ config.theme.language ~ ".html" as lang %}
{% import "partials/languages/en.html" as fallback %}
{% set proef = EXPRESSION %}
{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}~{{ proef }}{% endmacro %}
"""
"""material's partials/language.html, with the page's value after every word."""


def mkdocs_yml(theme: Path) -> str:
    return f"""\
site_name: Proef
site_url: https://proef.example.org/
theme:
  name: material
  language: nl
  font: false
  custom_dir: {theme}
  features:
    - navigation.tabs
    - navigation.top
  palette:
    scheme: default
extra:
  generator: false
markdown_extensions:
  - toc
not_in_nav: |
  /partners/*.md
nav:
  - Home: index.md
  - Over: over.md
"""


def theme_reading_the_page(folder: Path, fragment: str, aspect: str) -> Path:
    """The atlas' theme with ``fragment`` (a block of BLOCKS, or ``lang``) showing the page's title or front matter."""
    theme = folder / "theme"
    shutil.copytree(PROJECT_ROOT / "generator" / "theme", theme)
    expression = EXPRESSIONS[aspect]
    if fragment == "lang":
        (theme / "partials" / "language.html").write_text(LANGUAGE.replace("EXPRESSION", expression))
        return theme
    template, block = fragment.split(":")
    path = theme / template
    opening = f"{{% block {block} %}}"
    text = path.read_text(encoding="utf-8")
    assert text.count(opening) == 1
    path.write_text(text.replace(opening, f'{opening}<meta name="proef-{block}" content="{{{{ {expression} }}}}">'))
    return theme


def marker(fragment: str, value: str) -> str:
    if fragment == "lang":
        return f'lang="nl~{value}"'
    return f'<meta name="proef-{fragment.split(":")[1]}" content="{value}">'


FRAGMENTS = [f"{template}:{block}" for template, block in BLOCKS] + ["lang"]


def build(folder: Path, fragment: str, aspect: str) -> dict[str, str]:
    """The small site with that theme, by one worker (the cache installed): each partner page's HTML."""
    (folder / "mkdocs.yml").write_text(mkdocs_yml(theme_reading_the_page(folder, fragment, aspect)))
    for name, text in PAGES.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    site = folder / "site"
    result = build_shard(ShardJob(folder / "mkdocs.yml", folder / "docs", site, True, 0, 1, "/"))
    assert result.error is None
    assert result.theme_cache is not None
    assert result.theme_cache.hits > 0  # the cache was at work
    return {name: (site / "partners" / name / "index.html").read_text(encoding="utf-8") for name in "bcde"}


@pytest.mark.parametrize("aspect", ["title", "meta"])
@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_that_shows_the_page_is_rendered_for_every_page(tmp_path: Path, fragment: str, aspect: str) -> None:
    pages = build(tmp_path, fragment, aspect)
    for name, html in pages.items():
        assert marker(fragment, SHOWN[aspect][name]) in html, name


@pytest.mark.parametrize("fragment", ["base.html:footer", "main.html:config", "lang"])
def test_served_from_the_cache_anyway_the_pages_would_show_the_first_page(
    tmp_path: Path, fragment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test above can fail: with the page's reads not counted, a page gets another page's fragment."""
    monkeypatch.setattr(Reads, "depends_on_page", property(lambda self: False, lambda self, value: None))
    pages = build(tmp_path, fragment, "meta")
    wrong = [name for name, html in pages.items() if marker(fragment, SHOWN["meta"][name]) not in html]
    assert wrong == ["c", "d"]  # b's "rood" on c and d; e is "rood" too
