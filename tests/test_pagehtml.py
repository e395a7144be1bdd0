"""The Python helpers of generator/pagehtml.py write exactly what the Jinja macros they replace wrote.

The macros are kept, as they were, in tests/fixtures/macros_before_pagehtml.md.j2; each case renders the macro and
the helper in the same environment with the same context and compares the text, for hostile text too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup

from generator import pagehtml
from generator.atlas import Atlas
from generator.build import build_atlas
from generator.config import AtlasConfig
from generator.exchange.federation.origin import Origin, PageSources
from generator.render import Renderer
from tests.conftest import FIXTURE_CONTENT

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = [
    "Gewoon",
    "<script>alert(1)</script>",
    "R&D &amp; co",
    "\"dubbel\" en 'enkel'",
    "{{ x }} {% if %}",
    "]]> <![CDATA[",
    "*vet* _schuin_ [link](javascript:x) `code` \\ | #",
]
FOLDERS = ["vragen/een-vraag/", "themas/", ""]


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return build_atlas(replace(AtlasConfig(), content_dir=FIXTURE_CONTENT).resolve())


@pytest.fixture(scope="module")
def env(atlas: Atlas) -> tuple[Renderer, Environment]:
    renderer = Renderer(atlas, date(2025, 1, 1))
    loader = ChoiceLoader([FileSystemLoader(FIXTURES), renderer.env.loader])  # type: ignore[list-item]
    return renderer, renderer.env.overlay(loader=loader)


def old_and_new(setup: tuple[Renderer, Environment], call: str, folder: str = FOLDERS[0], **values: Any) -> list[str]:
    """``call`` rendered with the old macro (``m.call``) and with the helper, in one environment and context."""
    renderer, env = setup
    context = {"html_link": renderer.html_link_from(folder), "base": "../", **values}
    old = '{% import "macros_before_pagehtml.md.j2" as m with context %}{{ m.' + call + " }}"
    return [env.from_string(source).render(**context) for source in (old, "{{ " + call + " }}")]


def renamed(entity: Any, text: str) -> Any:
    """The entity with ``text`` as its name or title."""
    return entity.model_copy(update={"name" if "name" in entity.__dict__ else "title": text})


def some_entries(atlas: Atlas, text: str) -> list[Any]:
    return [renamed(entity, text) for kind in ("partner", "practice", "theme") for entity in atlas.of(kind)]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("folder", FOLDERS)
def test_list_links_section_and_inline_links(
    env: tuple[Renderer, Environment], atlas: Atlas, text: str, folder: str
) -> None:
    items = some_entries(atlas, text)
    for call in (
        "list_links(items)",
        "list_links([], text)",
        "list_links([])",
        "section(text, items)",
        "section(text, [], text)",
        "section(text, [])",
        "html_inline_links(items)",
        "html_inline_links([])",
    ):
        old, new = old_and_new(env, call, folder, items=items, text=text)
        assert new == old, call
    assert text.split()[0] not in old_and_new(env, "section('x', [])", folder)[1]


@pytest.mark.parametrize("text", HOSTILE)
def test_labels_and_links_elsewhere(env: tuple[Renderer, Environment], text: str) -> None:
    values = [SimpleNamespace(label=text), SimpleNamespace(label="tweede")]
    links = [SimpleNamespace(url=f"https://example.org/a_(b)?q={text}", title=text)] * 2
    for call in ("html_labels(values)", "html_labels([])", "link_list(links)", "link_list([])"):
        old, new = old_and_new(env, call, values=values, links=links)
        assert new == old, call


@pytest.mark.parametrize("text", HOSTILE)
def test_matches(env: tuple[Renderer, Environment], atlas: Atlas, text: str) -> None:
    partner = renamed(atlas.of("partner")[0], text)
    shown = SimpleNamespace(get=lambda kind, key: partner)  # the atlas the macro and helper look the entry up in
    found = [SimpleNamespace(type="partner", id=partner.id, reasons=(text, "zelfde thema: x"))] * 2
    for call in ("matches(found)", "matches([])"):
        old, new = old_and_new(env, call, found=found, atlas=shown)
        assert new == old, call


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("present", [(True, True, True), (True, False, False), (False, False, True), (False,) * 3])
def test_contact(env: tuple[Renderer, Environment], text: str, present: tuple[bool, bool, bool]) -> None:
    values = (text, f"a{text}@example.org", f"https://example.org/{text}")
    contact = SimpleNamespace(
        **{
            name: value if shown else None
            for name, value, shown in zip(("phone", "email", "url"), values, present, strict=True)
        }
    )
    for call in ("contact_items(contact)", "contact_list(contact)"):
        old, new = old_and_new(env, call, contact=contact)
        assert new == old, call


@pytest.mark.parametrize("text", HOSTILE)
def test_reviewed_and_scoped_search(env: tuple[Renderer, Environment], atlas: Atlas, text: str) -> None:
    practice = renamed(atlas.of("practice")[0], text)
    for entity in (practice, renamed(atlas.of("region")[0], text), renamed(atlas.of("theme")[0], text)):
        for call in ("reviewed(e)", "scoped_search('region', e)", "scoped_search('theme', e)"):
            old, new = old_and_new(env, call, e=entity)
            assert new == old, call


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("local", [True, False])
def test_sources(env: tuple[Renderer, Environment], atlas: Atlas, text: str, local: bool) -> None:
    origins = [
        Origin("a", text, "x", f"https://example.org/{text}"),
        Origin("b", text, "y", None),
        Origin("c", "Derde", "z", "https://example.org/z/"),
    ]
    entity = atlas.of("partner")[0]
    for found in (PageSources(local, origins), PageSources(local, origins[1:2]), None):
        old, new = old_and_new(env, "sources(e)", e=entity, page_sources=lambda _, found=found: found)
        assert new == old, found


@pytest.mark.parametrize("text", HOSTILE)
def test_edit(env: tuple[Renderer, Environment], atlas: Atlas, text: str) -> None:
    entity = atlas.of("practice")[0]
    for url in (f"https://github.com/o/r/edit/main/{text}?a=1&b=2", None):
        old, new = old_and_new(
            env,
            "edit(e)",
            e=entity,
            edit_url=lambda _, url=url: url,
            correction_url=lambda _: f"https://github.com/o/r/issues/new?title={text}",
        )
        assert new == old, url
    renderer, _ = env
    assert renderer.env.globals["edit"] is pagehtml.edit


def test_every_helper_returns_markup(env: tuple[Renderer, Environment], atlas: Atlas) -> None:
    """Markup: the template's finalize passes it as it is instead of escaping it a second time."""
    renderer, _ = env
    item = atlas.of("partner")[0]
    context = renderer.env.from_string("").new_context({"html_link": renderer.html_link_from("themas/"), "base": ""})
    contact = SimpleNamespace(phone="1", email=None, url=None)
    made = [
        pagehtml.list_links(context, [item]),
        pagehtml.section(context, "Titel", [item]),
        pagehtml.html_inline_links(context, [item]),
        pagehtml.html_labels([SimpleNamespace(label="a")]),
        pagehtml.contact_items(contact),
        pagehtml.contact_list(contact),
        pagehtml.reviewed(atlas.of("practice")[0]),
        pagehtml.note("x"),
    ]
    assert all(isinstance(value, Markup) and value for value in made)
