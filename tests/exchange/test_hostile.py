"""Hostile plain text (``</script>``, ``]]>``, ``<!--``, quotes) in the open data of a built site:
it comes back as the same text, and never ends a block, a feed or a calendar line early.

This tree has events, which the real content lacks: it also checks the calendars' times and dates.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from generator.build import build_site, gather
from generator.config import AtlasConfig
from generator.csp import inline_scripts
from generator.exchange.feeds import content_date
from generator.exchange.siteurl import read_site
from generator.kinds import KIND_BY_KEY
from tests.exchange.hostile import HOSTILE, hostile_content
from tests.exchange.sitefiles import entry_date, json_ld, parsed_feed

SITE = read_site()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> AtlasConfig:
    """The hostile tree built like the real site: mkdocs strict, the site check and the CSP step."""
    base = tmp_path_factory.mktemp("hostile-open-data")
    content = hostile_content(base / "content")
    config = AtlasConfig(content_dir=content, docs_dir=base / "docs", site_dir=base / "site").resolve()
    build_site(config)
    return config


def page(built: AtlasConfig, section: str, key: str) -> Path:
    return built.site_dir / section / key / "index.html"


@pytest.mark.parametrize(
    ("section", "key", "schema_type", "field", "value"),
    [
        ("partners", "gemeente-voorbeeld", "Organization", "name", HOSTILE),
        ("praktijken", "koele-wijken", "CreativeWork", "abstract", HOSTILE),
        ("vragen", "hoe-houden-we-wijken-koel", "Question", "text", HOSTILE + "?"),
        ("agenda", "kenniscafe-hitte", "Event", "name", HOSTILE),
        ("onderzoek", "droogte-verkenning", "ResearchProject", "name", "Verkenning droogte"),
    ],
)
def test_json_ld_keeps_hostile_text_inside_its_block(
    built: AtlasConfig, section: str, key: str, schema_type: str, field: str, value: str
) -> None:
    path = page(built, section, key)
    (block,) = json_ld(path)
    assert block["@type"] == schema_type
    assert block[field] == value
    html = path.read_text(encoding="utf-8")
    raw = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw
    assert ">" not in raw
    assert not any("alert(1)" in script for script in inline_scripts(html))


def test_event_json_ld_has_its_times_place_and_organiser(built: AtlasConfig) -> None:
    (block,) = json_ld(page(built, "agenda", "kenniscafe-hitte"))
    assert block["startDate"] == "2026-06-10T15:00"
    assert block["endDate"] == "2026-06-10T17:00"
    assert block["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in block["location"]] == ["Place", "VirtualLocation"]
    assert block["location"][0]["name"] == HOSTILE
    assert block["organizer"] == [
        {"@type": "Organization", "@id": f"{SITE.url}partners/gemeente-voorbeeld/", "name": HOSTILE}
    ]


def test_feeds_parse_and_carry_hostile_text_and_content_dates(built: AtlasConfig) -> None:
    atlas = gather(built)
    feed = parsed_feed(built.site_dir / "open-data" / "feeds" / "atlas.xml")
    by_url = {entry.id: entry for entry in feed.entries}
    partner = by_url[f"{SITE.url}partners/gemeente-voorbeeld/"]
    assert partner.title == f"Kennispartner: {HOSTILE}"
    question = by_url[f"{SITE.url}vragen/hoe-houden-we-wijken-koel/"]
    assert question.summary == HOSTILE + "?"
    assert entry_date(question) == date(2026, 2, 1)  # updated, the newest of its dates
    assert question.published_parsed[:3] == (2026, 1, 15)  # submitted
    for kind in ("partner", "practice", "question", "research", "network", "region"):
        for entity in atlas.of(kind):
            url = f"{SITE.url}{KIND_BY_KEY[kind].section}/{entity.id}/"
            assert entry_date(by_url[url]) == content_date(entity), url
    assert f"{SITE.url}agenda/kenniscafe-hitte/" not in by_url  # events: in the calendar
    raw = (built.site_dir / "open-data" / "feeds" / "atlas.xml").read_text(encoding="utf-8")
    assert "]]>" not in raw
    assert "</script>" not in raw


def events_in(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    events: list[Any] = calendar.walk("VEVENT")
    return events


def test_calendar_holds_the_event_with_dutch_times_and_hostile_text(built: AtlasConfig) -> None:
    (event,) = events_in(built.site_dir / "open-data" / "agenda.ics")
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert event.decoded("DTSTART") == datetime(2026, 6, 10, 15, 0, tzinfo=amsterdam)
    assert event.decoded("DTEND") == datetime(2026, 6, 10, 17, 0, tzinfo=amsterdam)
    assert str(event["SUMMARY"]) == HOSTILE
    assert str(event["LOCATION"]) == f"{HOSTILE}, online"
    assert str(event["URL"]) == f"{SITE.url}agenda/kenniscafe-hitte/"
    calendar = Calendar.from_ical((built.site_dir / "open-data" / "agenda.ics").read_bytes())
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_a_region_calendar_holds_that_regions_events(built: AtlasConfig) -> None:
    assert [
        str(event["UID"]) for event in events_in(built.site_dir / "open-data" / "agenda" / "voorbeeldregio.ics")
    ] == ["kenniscafe-hitte@kennisatlas.github.io"]


def test_hostile_text_in_atlas_json_reads_back_the_same(built: AtlasConfig) -> None:
    document = json.loads((built.site_dir / "open-data" / "atlas.json").read_text(encoding="utf-8"))
    (partner,) = [entry for entry in document["entries"] if entry["id"] == "gemeente-voorbeeld"]
    assert partner["data"]["name"] == HOSTILE
