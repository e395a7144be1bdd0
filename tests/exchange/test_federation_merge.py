"""Two fixture atlases merged into the fixture atlas: namespaced ids, joined themes and organisations,
back links, and search, matching and signals across the sources."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest

from generator.atlas import Atlas
from generator.broker.match.matcher import Ask, Matcher
from generator.broker.signals.kinds import signals
from generator.build import gather
from generator.config import AtlasConfig, FederationConfig, SourceSpec
from generator.exchange.federation.federate import BrokenSources, federate
from generator.exchange.federation.origin import page_sources
from generator.fieldtypes import ID_PATTERN
from generator.render import render_site
from generator.search.searchindex import render_search_index
from tests.conftest import FIXTURE_CONTENT
from tests.exchange.federation_atlases import NOORD, ZUID, document_of, write_atlas_json, write_tree

TODAY = date(2026, 11, 30)


def local_atlas() -> Atlas:
    return gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())


def settings(folder: Path, *sources: SourceSpec, skip: bool = False) -> FederationConfig:
    return FederationConfig(sources=sources, skip_broken_sources=skip, cache_dir=folder / "cache")


@pytest.fixture(scope="module")
def source_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    return {"noord": write_atlas_json(folder, "noord", NOORD), "zuid": write_atlas_json(folder, "zuid", ZUID)}


@pytest.fixture(scope="module")
def merged(source_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Atlas:
    specs = [SourceSpec(name, str(path)) for name, path in source_files.items()]
    return federate(local_atlas(), settings(tmp_path_factory.mktemp("merge"), *specs))


@pytest.fixture(scope="module")
def pages(merged: Atlas) -> dict[str, str]:
    return render_site(merged, TODAY)


def test_entries_of_both_sources_and_the_local_ones(merged: Atlas) -> None:
    assert {"koele-wijken", "noord-buurtkamers"} <= set(merged.entries["practice"])
    assert {"hoe-houden-we-wijken-koel", "is-er-genoeg-water", "noord-wijken-koel-noord"} == set(
        merged.entries["question"]
    )
    assert merged.federation is not None
    assert [(s.name, s.title, s.added, s.matched) for s in merged.federation.merged] == [
        ("noord", "Kennisatlas Noord", 5, 3),
        ("zuid", "Kennisatlas Zuid", 0, 2),
    ]


def test_every_id_is_a_valid_id_and_every_reference_resolves(merged: Atlas) -> None:
    for kind, entries in merged.entries.items():
        for key, entity in entries.items():
            assert re.match(ID_PATTERN, key)
            assert len(key) <= 80
            assert entity.id == key
            for _, target, ref in entity.references():
                assert ref in merged.entries[target], (kind, key, target, ref)


def test_references_inside_a_source_are_rewritten(merged: Atlas) -> None:
    practice = merged.get("practice", "noord-buurtkamers")
    assert (practice.partners, practice.regions, practice.themes) == (
        ["noord-gemeente-noord"],
        ["noord-noordregio"],
        ["noord-eenzaamheid"],
    )
    assert merged.get("region", "noord-noordregio").partners == ["noord-gemeente-noord"]


@pytest.mark.parametrize(
    ("source", "original", "here", "how"),
    [
        ("noord", "klimaat", "klimaatadaptatie", "name"),
        ("noord", "droogte", "droogte", "id"),
        ("noord", "eenzaamheid", "noord-eenzaamheid", "kept under its source"),
        ("zuid", "alleen", "noord-eenzaamheid", "synonym"),
    ],
)
def test_themes_matched_by_id_name_or_synonym(merged: Atlas, source: str, original: str, here: str, how: str) -> None:
    assert merged.federation is not None
    origins = merged.federation.origins[("theme", here)]
    assert (source, original) in [(origin.source, origin.original_id) for origin in origins], how
    assert f"{source}-{original}" not in merged.entries["theme"] or here == f"{source}-{original}"


def test_a_matched_theme_is_referred_to_by_its_local_id(merged: Atlas) -> None:
    assert merged.get("question", "noord-wijken-koel-noord").themes == ["klimaatadaptatie"]
    assert merged.get("theme", "klimaatadaptatie").name == "Klimaatadaptatie"


def test_the_same_organisation_from_two_places_appears_once_with_both(merged: Atlas) -> None:
    partners = merged.entries["partner"]
    assert "noord-planbureau" not in partners
    assert "zuid-noordgemeente" not in partners
    planbureau = page_sources(merged, partners["voorbeeld-planbureau"])
    assert planbureau is not None
    assert planbureau.local
    assert [o.source for o in planbureau.origins] == ["noord"]
    assert "noord-eenzaamheid" in merged.get("partner", "voorbeeld-planbureau").themes  # what the source adds is kept
    gemeente = page_sources(merged, partners["noord-gemeente-noord"])
    assert gemeente is not None
    assert not gemeente.local
    assert [(o.source, o.original_id) for o in gemeente.origins] == [
        ("noord", "gemeente-noord"),
        ("zuid", "noordgemeente"),
    ]
    assert merged.get("partner", "noord-gemeente-noord").name == "Gemeente Noord"


def test_local_entries_without_a_source_say_nothing(merged: Atlas, pages: dict[str, str]) -> None:
    assert page_sources(merged, merged.entries["practice"]["koele-wijken"]) is None
    assert "Overgenomen uit" not in pages["praktijken/koele-wijken.md"]
    assert "Ook beschreven in" not in pages["praktijken/koele-wijken.md"]


@pytest.mark.parametrize(
    ("page", "line", "markdown_line"),
    [
        (
            "praktijken/noord-buurtkamers.md",
            '<p><strong>Overgenomen uit:</strong> <a href="https://noord.example.nl/praktijken/buurtkamers/">'
            "Kennisatlas Noord</a></p>",
            "**Overgenomen uit:** [Kennisatlas Noord](https://noord.example.nl/praktijken/buurtkamers/)",
        ),
        (
            "partners/voorbeeld-planbureau.md",
            '<p><strong>Ook beschreven in:</strong> <a href="https://noord.example.nl/partners/planbureau/">'
            "Kennisatlas Noord</a></p>",
            "**Ook beschreven in:** [Kennisatlas Noord](https://noord.example.nl/partners/planbureau/)",
        ),
        (
            "partners/noord-gemeente-noord.md",
            '<p><strong>Overgenomen uit:</strong> <a href="https://noord.example.nl/partners/gemeente-noord/">'
            'Kennisatlas Noord</a>, <a href="https://zuid.example.nl/partners/noordgemeente/">Kennisatlas Zuid</a></p>',
            "**Overgenomen uit:** [Kennisatlas Noord](https://noord.example.nl/partners/gemeente-noord/), "
            "[Kennisatlas Zuid](https://zuid.example.nl/partners/noordgemeente/)",
        ),
        (
            "themas/klimaatadaptatie.md",
            '<p><strong>Ook beschreven in:</strong> <a href="https://noord.example.nl/themas/klimaat/">'
            "Kennisatlas Noord</a></p>",
            "**Ook beschreven in:** [Kennisatlas Noord](https://noord.example.nl/themas/klimaat/)",
        ),
    ],
)
def test_pages_link_back_to_their_source(pages: dict[str, str], page: str, line: str, markdown_line: str) -> None:
    """A raw HTML block: the HTML Python-Markdown made of the Markdown line the page had before."""
    assert line in pages[page].splitlines()
    assert markdown.markdown(markdown_line) == line


def test_home_lists_the_sources(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert "## Bronnen" in home
    assert "- Kennisatlas Noord: 5 nieuwe items, 3 samengevoegd met items die er al waren" in home
    assert "Niet alle bronnen" not in home


def test_search_index_holds_both_sources(merged: Atlas) -> None:
    catalog = json.loads(render_search_index(merged, workers=1)["search/catalog.json"])
    titles = catalog["title"]
    assert "Buurtkamers tegen eenzaamheid" in titles
    assert "Koele wijken" in titles


def test_matcher_finds_the_other_sources_partner(merged: Atlas) -> None:
    ask = Ask("Wie helpt ons bij eenzaamheid onder ouderen?", region="voorbeeldregio")
    found = [(m.type, m.id) for m in Matcher.for_atlas(merged).match(ask, limit=5)]
    assert ("partner", "noord-gemeente-noord") in found
    assert ("partner", "noord-gemeente-noord") not in [
        (m.type, m.id) for m in Matcher.for_atlas(local_atlas()).match(ask, limit=None)
    ]


def test_the_same_question_elsewhere_reaches_the_other_source(pages: dict[str, str]) -> None:
    page = pages["vragen/hoe-houden-we-wijken-koel.md"]
    elsewhere = page.split("## Dezelfde vraag elders", 1)[1].split("\n## ", 1)[0]
    assert '<a href="../noord-wijken-koel-noord/">' in elsewhere


def test_signals_cross_the_sources(merged: Atlas) -> None:
    recurring = [s for s in signals(merged, TODAY) if s.kind == "herhaling"]
    assert [set(s.entries) for s in recurring] == [
        {("question", "hoe-houden-we-wijken-koel"), ("question", "noord-wijken-koel-noord")}
    ]
    assert not [s for s in signals(local_atlas(), TODAY) if s.kind == "herhaling"]


def test_without_sources_nothing_changes() -> None:
    atlas = federate(local_atlas(), FederationConfig())
    assert atlas.federation is None
    assert "## Bronnen" not in render_site(atlas, TODAY)["index.md"]


def noord_document(tmp_path: Path) -> dict[str, Any]:
    return document_of(write_tree(tmp_path / "noord", NOORD), "Kennisatlas Noord", "https://noord.example.nl/")


def without(document: dict[str, Any], kind: str, key: str) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    changed["entries"] = [e for e in changed["entries"] if (e["type"], e["id"]) != (kind, key)]
    return changed


def with_field(document: dict[str, Any], kind: str, key: str, field: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    for entry in changed["entries"]:
        if (entry["type"], entry["id"]) == (kind, key):
            entry["data"][field] = value
    return changed


def doubled(document: dict[str, Any], kind: str, key: str) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    changed["entries"] += [e for e in document["entries"] if (e["type"], e["id"]) == (kind, key)]
    return changed


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "noord",
            lambda d: without(d, "region", "noordregio"),
            "practice 'buurtkamers', veld regions: verwijst naar 'noordregio', dat niet in de bron staat",
        ),
        ("noord", lambda d: doubled(d, "practice", "buurtkamers"), "practice 'buurtkamers' staat twee keer in de bron"),
        (
            "voorbeeld",
            lambda d: with_field(d, "partner", "planbureau", "website", "https://elders.example.net"),
            "partner 'planbureau': de id 'voorbeeld-planbureau' bestaat hier al",
        ),
        (
            "noord",
            lambda d: with_field(d, "partner", "gemeente-noord", "website", "http://noord.example.net"),
            "geen geldige atlas.json:\nentry ",
        ),
        ("noord", lambda d: {**d, "schema_version": "2.0"}, "schema_version '2.0' wordt niet ondersteund"),
    ],
)
def test_a_source_that_does_not_validate_fails_with_what_and_where(
    tmp_path: Path, name: str, change: Any, message: str
) -> None:
    path = tmp_path / "bron.json"
    path.write_text(json.dumps(change(noord_document(tmp_path))), encoding="utf-8")
    atlas = local_atlas()
    before = {kind: set(entries) for kind, entries in atlas.entries.items()}
    with pytest.raises(BrokenSources) as raised:
        federate(atlas, settings(tmp_path, SourceSpec(name, str(path))))
    assert f"bron '{name}' ({path}): " in str(raised.value)
    assert message in str(raised.value)
    assert {kind: set(entries) for kind, entries in atlas.entries.items()} == before
    skipped = federate(local_atlas(), settings(tmp_path, SourceSpec(name, str(path)), skip=True))
    assert skipped.federation is not None
    assert [s.name for s in skipped.federation.skipped] == [name]
    assert {kind: set(entries) for kind, entries in skipped.entries.items()} == before


def test_an_id_too_long_when_namespaced(tmp_path: Path) -> None:
    long_id = "a" * 78
    document = noord_document(tmp_path)
    for entry in document["entries"]:
        if entry["id"] == "buurtkamers":
            entry["id"] = entry["data"]["id"] = long_id
    path = tmp_path / "bron.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BrokenSources, match=f"de id 'noord-{long_id}' wordt langer dan 80 tekens"):
        federate(local_atlas(), settings(tmp_path, SourceSpec("noord", str(path))))
