"""The theme cache of the shard workers: its key, its recording, a small site equal to mkdocs' own byte for byte."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import DictLoader, Environment, pass_context
from jinja2.runtime import Context

import generator.scale.themecache as themecache
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.scale.parallel import build_pages
from generator.scale.shard import ShardJob, build_shard
from generator.scale.themecache import FragmentCache, fragment_key

MKDOCS_YML = f"""\
site_name: Proef
site_url: https://proef.example.org/
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
  custom_dir: {PROJECT_ROOT / "generator" / "theme"}
  features:
    - navigation.tabs
    - navigation.indexes
    - navigation.top
  palette:
    scheme: default
    primary: indigo
    accent: indigo
plugins: []
extra:
  generator: false
markdown_extensions:
  - toc
  - attr_list
not_in_nav: |
  /los.md
  /verborgen.md
  /sectie/los-*.md
  /partners/*.md
  /diep/x/*.md
nav:
  - Home: index.md
  - Over: over.md
  - Sectie:
      - sectie/index.md
      - Een: sectie/een.md
      - Twee: sectie/twee.md
  - Sub: partners/a/sub.md
  - Doel: diep/x/doel/index.md
"""

PAGES = {
    "index.md": "# Welkom\n\n## Eerste deel\n\nDe voorpagina.\n",
    "over.md": "# Over\n\nTekst.\n",
    "sectie/index.md": "# Sectie\n\nDe sectie.\n",
    "sectie/een.md": "# Een\n\n## Kop\n\nTekst.\n",
    "sectie/twee.md": "# Twee\n\nTekst.\n",
    "sectie/los-1.md": "# Los een\n\nNaast de sectie, niet in de navigatie.\n",
    "sectie/los-2.md": "# Los twee\n\n## Kop\n\nTekst.\n",
    "los.md": "# Los\n\nNiet in de navigatie.\n",
    "verborgen.md": "---\nhide:\n  - navigation\n---\n# Verborgen\n\nZonder navigatie.\n",
    "partners/a.md": "# A\n\nEen partner, met een pagina in de navigatie onder de eigen map.\n",
    "partners/b.md": "# B\n\n## Over B\n\nTekst.\n",
    "partners/c.md": "# C\n\nTekst.\n",
    "partners/d.md": "# D\n\nTekst.\n",
    "partners/e.md": "# E\n\n## Over E\n\nTekst.\n",
    "partners/a/sub.md": "# Sub\n\nIn de navigatie.\n",
    "diep/x/y.md": "# Y\n\nDrie mappen diep.\n",
    "diep/x/z.md": "# Z\n\nTekst.\n",
    "diep/x/doel/index.md": "# Doel\n\nIn de navigatie, drie mappen diep.\n",
}
"""Pages in and out of the navigation at depths 0 to 3, the homepage, a nav section with an index, a page with
``hide``, and pages of one folder whose links differ (partners/a/ holds a page of the navigation)."""


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for name, text in PAGES.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    return folder


def atlas_config(folder: Path, site: Path, workers: int) -> AtlasConfig:
    return AtlasConfig(
        docs_dir=folder / "docs", site_dir=site, mkdocs_file=folder / "mkdocs.yml", workers=workers
    ).resolve()


@pytest.fixture(scope="module")
def serial(small_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """mkdocs' own build (``--workers 1``): the theme cache is not installed there."""
    site = tmp_path_factory.mktemp("serial") / "site"
    build_pages(atlas_config(small_site, site, workers=1))
    return site_files(site)


def one_shard(small_site: Path, site: Path) -> themecache.CacheStats:
    """The whole small site by one worker, in this process: its cache's figures."""
    job = ShardJob(small_site / "mkdocs.yml", small_site / "docs", site, True, 0, 1, "/")
    result = build_shard(job)
    assert result.error is None
    assert result.warnings == []
    assert result.theme_cache is not None
    return result.theme_cache


def test_the_small_site_covers_what_the_cache_must_tell_apart(serial: dict[str, bytes]) -> None:
    pages = {"index.html", "404.html", "over/index.html", "sectie/een/index.html", "diep/x/doel/index.html"}
    pages |= {"los/index.html", "verborgen/index.html", "partners/a/index.html", "diep/x/y/index.html"}
    assert pages <= set(serial)
    assert b'href="../doel/"' in serial["diep/x/y/index.html"]  # the same links for pages of one folder, ...
    assert b'href="sub/"' in serial["partners/a/index.html"]  # ... but not here: partners/a/ holds a nav page
    assert b'href="../a/sub/"' in serial["partners/b/index.html"]


@pytest.mark.parametrize("workers", [2, 3])
def test_the_workers_build_the_site_mkdocs_builds(
    small_site: Path, serial: dict[str, bytes], tmp_path: Path, workers: int
) -> None:
    assert build_pages(atlas_config(small_site, tmp_path / "site", workers)) == workers
    parallel = site_files(tmp_path / "site")
    assert sorted(parallel) == sorted(serial)
    assert [path for path in serial if parallel[path] != serial[path]] == []


def test_one_worker_serves_most_fragments_from_the_cache(
    small_site: Path, serial: dict[str, bytes], tmp_path: Path
) -> None:
    stats = one_shard(small_site, tmp_path / "site")
    built = site_files(tmp_path / "site")
    assert [path for path in serial if built[path] != serial[path]] == []
    assert stats.hits > stats.recorded > 0  # most pages out of the navigation are in a folder seen before
    assert stats.rendered > 0  # the homepage, the pages in the navigation, verborgen/ and 404.html


def with_key(monkeypatch: pytest.MonkeyPatch, key: themecache.KeyFunction) -> None:
    """The workers' cache with another key (``shard.py`` imports ``install`` when it builds)."""
    install = themecache.install
    monkeypatch.setattr(themecache, "install", lambda env: install(env, themecache.FRAGMENTS, key))


def test_the_recorded_links_alone_tell_the_folders_apart(
    small_site: Path, serial: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one key for every page out of the navigation, whatever its folder, the check of the recorded filter
    calls still gives each page its own links."""
    with_key(monkeypatch, lambda page, nav: "" if fragment_key(page, nav) is not None else None)
    stats = one_shard(small_site, tmp_path / "site")
    built = site_files(tmp_path / "site")
    assert [path for path in serial if built[path] != serial[path]] == []
    assert stats.hits > 0


def test_without_the_check_of_the_links_a_folder_would_get_wrong_links(
    small_site: Path, serial: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparisons above can fail: the folder alone does not fix the links (partners/a/ holds a nav page)."""
    monkeypatch.setattr(FragmentCache, "_still_holds", lambda self, entry, context: True)
    one_shard(small_site, tmp_path / "site")
    built = site_files(tmp_path / "site")
    differing = [path for path in serial if built[path] != serial[path]]
    assert differing == [f"partners/{name}/index.html" for name in "bcde"]


# ---------------------------------------------------------------- the key


@pytest.fixture(scope="module")
def mkdocs_site(small_site: Path) -> tuple[Any, dict[str, Any]]:
    """The small site's navigation and pages as mkdocs reads them (front matter, no rendering)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = load_config(config_file=str(small_site / "mkdocs.yml"), docs_dir=str(small_site / "docs"))
    files = get_files(config)
    nav = get_navigation(files, config)
    pages = {}
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        pages[file.src_uri] = page
    return nav, pages


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("los.md", ""),
        ("partners/b.md", "partners"),
        ("sectie/los-1.md", "sectie"),
        ("diep/x/y.md", "diep/x"),
        ("index.md", None),  # the homepage
        ("over.md", None),  # in the navigation
        ("sectie/een.md", None),
        ("partners/a/sub.md", None),
        ("verborgen.md", None),  # hide: in its front matter
    ],
)
def test_fragment_key_of_the_page_being_built(
    mkdocs_site: tuple[Any, dict[str, Any]], source: str, key: str | None
) -> None:
    nav, pages = mkdocs_site
    page = pages[source]
    page.active = True
    try:
        assert fragment_key(page, nav) == key
    finally:
        page.active = False


def test_no_key_without_a_page_for_a_page_not_being_built_or_with_an_active_nav_item(
    mkdocs_site: tuple[Any, dict[str, Any]],
) -> None:
    nav, pages = mkdocs_site
    assert fragment_key(None, nav) is None  # 404.html
    assert fragment_key(pages["los.md"], nav) is None  # not active: not the page mkdocs is building
    pages["los.md"].active = True
    pages["sectie/een.md"].active = True  # and with it its section
    try:
        assert fragment_key(pages["los.md"], nav) is None
    finally:
        pages["los.md"].active = pages["sectie/een.md"].active = False


# ---------------------------------------------------------------- the recording, on a small Jinja environment


@pass_context
def rel(context: Context, value: str) -> str:
    """Like mkdocs' ``url``: the value relative to the page."""
    return str("../" * context["page"].depth + value)


TEMPLATES = {
    "page": "<h1>{{ page.title }}</h1>{% include 'links' %}|{% include 'title' %}|{% include 'site' %}"
    "|{% include 'active' %}",
    "links": "{% for target in ['a/', 'b/'] %}<a href=\"{{ target | rel }}\">{{ target }}</a>{% endfor %}",
    "title": "{{ page.title }}",
    "site": "{{ site.name }}",
    "active": "{% for item in site.items %}{{ item.name }}{% if item.active %}*{% endif %}{% endfor %}",
}


def environment(templates: dict[str, str] = TEMPLATES) -> Environment:
    env = Environment(loader=DictLoader(templates), autoescape=True)
    env.filters["rel"] = rel
    return env


def folder_key(page: object, nav: object) -> str | None:
    return getattr(page, "folder", None)


def page(title: str, depth: int, folder: str | None = "f") -> SimpleNamespace:
    return SimpleNamespace(title=title, depth=depth, folder=folder)


def render_all(env: Environment, pages: list[SimpleNamespace], site: Any) -> list[str]:
    return [env.get_template("page").render(page=page, site=site, nav=None) for page in pages]


def cached(names: tuple[str, ...] = ("links", "title", "site")) -> tuple[Environment, FragmentCache]:
    env = environment()
    return env, themecache.install(env, names, folder_key)


def test_a_fragment_is_served_again_when_its_links_and_names_are_the_same() -> None:
    env, cache = cached()
    pages = [page("Een", 1), page("Twee", 1), page("Drie", 1)]
    site = SimpleNamespace(name="Proef")
    assert render_all(env, pages, site) == render_all(environment(), pages, site)
    assert (cache.stats.hits, cache.stats.recorded) == (4, 2)  # links and site: recorded once, served twice


def test_a_link_that_differs_within_a_key_renders_the_fragment_again() -> None:
    env, cache = cached(("links",))
    pages = [page("Een", 1), page("Twee", 2), page("Drie", 1), page("Vier", 2)]
    site = SimpleNamespace(name="Proef")
    assert render_all(env, pages, site) == render_all(environment(), pages, site)
    assert (cache.stats.recorded, cache.stats.hits) == (2, 2)


def test_a_fragment_that_reads_the_page_is_never_stored() -> None:
    env, cache = cached(("title",))
    pages = [page("Een", 1), page("Twee", 1), page("Drie", 1)]
    site = SimpleNamespace(name="Proef")
    assert render_all(env, pages, site) == render_all(environment(), pages, site)
    assert (cache.stats.hits, cache.stats.recorded, cache.stats.rendered) == (0, 0, 3)


def test_a_fragment_that_reads_an_active_item_is_never_stored() -> None:
    env, cache = cached(("active",))
    items = [SimpleNamespace(name="a", active=False), SimpleNamespace(name="b", active=True)]
    site = SimpleNamespace(name="Proef", items=items)
    html = [env.get_template("page").render(page=page(title, 1), site=site, nav=None) for title in ("Een", "Twee")]
    items[1].active = False
    html.append(env.get_template("page").render(page=page("Drie", 1), site=site, nav=None))
    assert [text.rsplit("|", 1)[1] for text in html] == ["ab*", "ab*", "ab"]
    assert (cache.stats.hits, cache.stats.recorded) == (0, 0)


def test_a_name_with_another_value_renders_the_fragment_again() -> None:
    env, cache = cached(("site",))
    first, second = SimpleNamespace(name="Een"), SimpleNamespace(name="Twee")
    html = [env.get_template("page").render(page=page("P", 1), site=site, nav=None) for site in (first, second)]
    assert [text.split("|")[2] for text in html] == ["Een", "Twee"]
    assert cache.stats.hits == 0


def test_a_page_without_a_key_renders_as_always() -> None:
    env, cache = cached()
    pages = [page("Een", 1, folder=None), page("Twee", 1, folder=None)]
    site = SimpleNamespace(name="Proef")
    assert render_all(env, pages, site) == render_all(environment(), pages, site)
    assert (cache.stats.hits, cache.stats.recorded, cache.stats.rendered) == (0, 0, 6)


def test_a_fragment_changed_on_disk_is_not_served_from_the_old_recording() -> None:
    templates = dict(TEMPLATES)
    env = environment(templates)
    themecache.install(env, ("site",), folder_key)
    site = SimpleNamespace(name="Proef")
    before = env.get_template("page").render(page=page("Een", 1), site=site, nav=None)
    templates["site"] = "nieuw: {{ site.name }}"  # DictLoader's templates are up to date while the text is the same
    after = env.get_template("page").render(page=page("Twee", 1), site=site, nav=None)
    assert before.split("|")[2] == "Proef"
    assert after.split("|")[2] == "nieuw: Proef"


def test_the_environment_is_as_before_after_a_recording_even_a_failed_one() -> None:
    env, _ = cached(("links",))
    env.get_template("page").render(page=page("Een", 1), site=None, nav=None)
    with pytest.raises(AttributeError):
        env.get_template("page").render(page=SimpleNamespace(title="Kapot", folder="g"), site=None, nav=None)
    assert env.filters["rel"] is rel
    assert env.context_class is Context
    assert "getattr" not in vars(env)
    assert "getitem" not in vars(env)


# ---------------------------------------------------------------- blocks, modules and templates asked for again


def theme_environment() -> Environment:
    from mkdocs.config import load_config

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"), docs_dir=str(PROJECT_ROOT / "content"))
    env: Environment = config.theme.get_env()
    return env


@pytest.mark.parametrize(("template", "block"), themecache.BLOCKS)
def test_the_cached_blocks_are_the_themes_and_call_no_super(template: str, block: str) -> None:
    """Wrapped, a block that calls super() would no longer be found by it (Context.super looks up the function)."""
    env = theme_environment()
    themecache.install(env)
    original = env.get_template(template)
    assert block in original.blocks
    assert original.blocks[block].__name__ == "render"  # wrapped


def test_a_block_that_calls_super_is_refused() -> None:
    env = environment(
        {
            "base": "{% block b %}x{% endblock %}",
            "child": "{% extends 'base' %}{% block b %}{{ super() }}y{% endblock %}",
        }
    )
    themecache.install(env, (), folder_key, blocks=(("child", "b"),))
    with pytest.raises(ValueError, match="super"):
        env.get_template("child")


def test_materials_lang_reads_only_the_config_and_imports_without_context() -> None:
    """What makes the module of ``partials/language.html`` the same on every page (themereads.PER_BUILD_MODULES)
    and its macro ``t`` a function of its argument only, so its results can be remembered: it reads ``config``
    and nothing else, imports the word lists without context, and those read nothing and use no filter."""
    from jinja2 import meta, nodes

    env = theme_environment()

    def parsed(name: str) -> nodes.Template:
        source = env.loader.get_source(env, name)[0] if env.loader else ""
        return env.parse(source)

    language = parsed("partials/language.html")
    assert meta.find_undeclared_variables(language) == {"config"}
    assert all(not node.with_context for node in language.find_all(nodes.Import))
    assert not list(language.find_all((nodes.Include, nodes.FromImport, nodes.Filter, nodes.Test)))
    for words in ("partials/languages/nl.html", "partials/languages/en.html"):
        assert meta.find_undeclared_variables(parsed(words)) == set()
        assert not list(parsed(words).find_all((nodes.Import, nodes.Include, nodes.Filter, nodes.Test)))


def test_lang_is_one_module_with_the_same_words_as_jinjas_own() -> None:
    env = theme_environment()
    themecache.install(env, (), lambda page, nav: "k")
    config = SimpleNamespace(theme=SimpleNamespace(language="nl"))
    template = env.get_template("partials/language.html")
    first, second = (template.make_module({"config": config, "page": page("P", 1)}, True) for _ in range(2))
    assert first is second
    own = type(template).make_module(template, {"config": config}, True)
    keys = ["language", "toc", "clipboard.copy", "search.result.none", "onbekend"]
    words: list[Any] = [vars(module)["t"] for module in (first, own)]
    assert [words[0](key) for key in keys * 2] == [words[1](key) for key in keys * 2]
    other = template.make_module({"config": SimpleNamespace(theme=SimpleNamespace(language="en")), "page": None}, True)
    assert other is not first  # another config: made and recorded again


def test_a_template_asked_for_again_is_the_one_jinja_returns() -> None:
    env = Environment(
        loader=DictLoader({"a": "a", "b": "b", "c": "c"}), autoescape=True, auto_reload=False, cache_size=2
    )
    themecache.install(env, (), folder_key)
    first = env.get_template("a")
    assert env.get_template("a") is first  # from the cache's own memory
    env.get_template("b")  # Jinja's cache is full now: it could drop one
    env.get_template("c")
    assert env.get_template("a") is not first  # dropped by Jinja and loaded again, as Jinja does
