"""The open data of the real site: every entry in atlas.json, schemas, feeds and calendars as built."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator, FormatChecker

from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.derive import Links
from generator.exchange.document import read_document
from generator.exchange.feeds import FEED_LIMIT, UNDATED_KINDS, content_date
from generator.exchange.jsonld import DESCRIBERS
from generator.exchange.siteurl import commit_of, read_site
from generator.kinds import KIND_BY_KEY, KINDS, Kind
from generator.sitecheck import content_ids, entry_pages
from tests.conftest import REAL_CONTENT
from tests.exchange.sitefiles import entry_date, json_ld, parsed_feed

SITE = read_site()
ATLAS = gather(AtlasConfig().resolve())
SCHEMA_TYPES = {"partner": "Organization", "practice": "CreativeWork", "research": "ResearchProject",
                "event": "Event", "question": "Question"}  # fmt: skip


@pytest.fixture(scope="module")
def document(real_site: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads((real_site / "open-data" / "atlas.json").read_text(encoding="utf-8"))
    return parsed


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_content_files_entries_and_pages_agree_per_kind(real_site: Path, document: dict[str, Any], kind: Kind) -> None:
    files = content_ids(REAL_CONTENT / kind.folder)
    in_document = {entry["id"] for entry in document["entries"] if entry["type"] == kind.key}
    assert files == in_document == entry_pages(real_site / kind.section)
    assert len(in_document) == sum(entry["type"] == kind.key for entry in document["entries"])  # none twice


def test_document_names_the_site_and_the_commit(document: dict[str, Any]) -> None:
    assert document["site_url"] == SITE.url
    assert document["name"] == SITE.name
    assert document["commit"] == commit_of(PROJECT_ROOT)
    assert document["commit"] is not None  # the worktree is a git checkout
    for entry in document["entries"]:
        assert entry["url"] == f"{SITE.url}{KIND_BY_KEY[entry['type']].section}/{entry['id']}/"


def test_every_entry_validates_with_jsonschema_and_with_the_models(real_site: Path, document: dict[str, Any]) -> None:
    """The published data against the published schemas (the content files themselves are checked
    by tests/test_editor_schemas.py), then read back through the pydantic models."""
    validators = {
        kind.key: Draft202012Validator(
            json.loads(
                (real_site / "open-data" / "schemas" / f"{kind.folder}.schema.json").read_text(encoding="utf-8")
            ),
            format_checker=FormatChecker(),
        )
        for kind in KINDS
    }
    problems = [
        f"{entry['type']} {entry['id']}: {error.message}"
        for entry in document["entries"]
        for error in validators[entry["type"]].iter_errors(entry["data"])
    ]
    assert problems == []
    read = read_document(document)
    assert [(found.kind, found.entity) for found in read] == [
        (kind.key, entity) for kind in KINDS for entity in ATLAS.of(kind.key)
    ]


def test_schemas_are_copies_of_the_schemas_folder(real_site: Path) -> None:
    published = real_site / "open-data" / "schemas"
    source = PROJECT_ROOT / "schemas"
    assert sorted(path.name for path in published.iterdir()) == sorted(path.name for path in source.glob("*.json"))
    for path in source.glob("*.json"):
        assert (published / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_json_ld_on_the_pages_of_the_kinds_that_have_it(real_site: Path, kind: Kind) -> None:
    for entity in ATLAS.of(kind.key):
        blocks = json_ld(real_site / kind.section / entity.id / "index.html")
        if kind.key not in DESCRIBERS:
            assert blocks == []
            continue
        (block,) = blocks
        assert block["@context"] == "https://schema.org"
        assert block["@type"] == SCHEMA_TYPES[kind.key]
        assert block["@id"] == block["url"] == f"{SITE.url}{kind.section}/{entity.id}/"


def dated(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """{page URL: content date} of the entries a feed must hold."""
    return {
        f"{SITE.url}{KIND_BY_KEY[kind].section}/{entity.id}/": content_date(entity)
        for kind, entity in pairs
        if kind not in UNDATED_KINDS and content_date(entity) is not None
    }


def test_the_atlas_feed_holds_the_newest_entries_with_their_content_dates(real_site: Path) -> None:
    feed = parsed_feed(real_site / "open-data" / "feeds" / "atlas.xml")
    expected = dated([(kind.key, entity) for kind in KINDS for entity in ATLAS.of(kind.key)])
    shown = {entry.id: entry_date(entry) for entry in feed.entries}
    assert len(shown) == min(FEED_LIMIT, len(expected)) == len(feed.entries)
    assert all(expected[url] == day for url, day in shown.items())
    newest_left_out = max((day for url, day in expected.items() if url not in shown), default=None)
    assert newest_left_out is None or newest_left_out <= min(shown.values())


@pytest.mark.parametrize(("group", "section"), [("theme", "themas"), ("region", "regios")])
def test_a_feed_per_theme_and_region_holds_its_linked_entries(real_site: Path, group: str, section: str) -> None:
    links = Links(ATLAS)
    for owner in ATLAS.of(group):
        feed = parsed_feed(real_site / "open-data" / "feeds" / section / f"{owner.id}.xml")
        linked = [(kind.key, entity) for kind in KINDS for entity in links.linked(group, owner.id, kind.key)]
        expected = dated([(group, owner), *linked])
        assert {entry.id: entry_date(entry) for entry in feed.entries} == expected, owner.id


def test_calendars_are_valid_without_events(real_site: Path) -> None:
    assert ATLAS.of("event") == []  # the real content has none; tests/exchange/test_hostile.py has events
    paths = [real_site / "open-data" / "agenda.ics"]
    paths += [real_site / "open-data" / "agenda" / f"{region.id}.ics" for region in ATLAS.of("region")]
    for path in paths:
        calendar = Calendar.from_ical(path.read_bytes())
        assert calendar.name == "VCALENDAR"
        assert calendar["VERSION"] == "2.0"
        assert calendar["PRODID"]
        assert calendar.walk("VEVENT") == []


def test_the_open_data_page_links_every_file(real_site: Path) -> None:
    folder = real_site / "open-data"
    page = (folder / "index.html").read_text(encoding="utf-8")
    files = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
    assert "index.html" in files
    missing = [name for name in files if name != "index.html" and f'href="{name}"' not in page]
    assert missing == []
    assert "CC BY 4.0" in page
    assert f"<code>{commit_of(PROJECT_ROOT)}</code>" in page


@pytest.mark.parametrize("page", ["index.html", "over/index.html", "partners/rivm/index.html"])
def test_footer_links_the_open_data(real_site: Path, page: str) -> None:
    html = (real_site / page).read_text(encoding="utf-8")
    assert "open-data/" in html.split('class="md-copyright"', 1)[1]


def test_the_over_page_links_the_open_data(real_site: Path) -> None:
    html = (real_site / "over" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'href="../open-data/"' in article
