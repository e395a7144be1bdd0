"""The open-data folder: producers, the page that lists their files, and the writers' edge cases."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import feedparser
import pytest
from icalendar import Calendar

from generator.atlas import Atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.exchange.calendar import calendar_bytes
from generator.exchange.feeds import NO_DATE, FeedSite, atom_feed, feed_items, latest_content_date
from generator.exchange.jsonld import script_block
from generator.exchange.opendata import (
    PRODUCERS,
    OpenData,
    indented_json,
    open_data,
    open_data_files,
    produced_files,
)
from generator.exchange.page import describe
from generator.models import Partner
from tests.conftest import FIXTURE_CONTENT

SITE_URL = "https://example.org/atlas/"
FIXTURE = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
CONTROL = "Naam\x00met\x07stuur\x1btekens\x0b\ufffe"


def fixture_data(commit: str | None = "c" * 40) -> OpenData:
    return open_data(FIXTURE, name="Testatlas", site_url=SITE_URL, commit=commit)


def extra_files(data: OpenData) -> dict[str, bytes]:
    """A further producer whose file the page has no description for."""
    return {"open-data/extra.json": b"{}"}


def test_every_file_is_under_open_data_and_the_page_lists_each() -> None:
    files = open_data_files(FIXTURE, name="Testatlas", site_url=SITE_URL, commit="c" * 40)
    assert all(path.startswith("open-data/") for path in files)
    page = files.pop("open-data/index.md").decode("utf-8")
    for path in files:
        assert f"]({path.removeprefix('open-data/')})" in page, path
    assert "versie `" + "c" * 40 + "`" in page
    assert "CC BY 4.0" in page


def test_the_sheets_get_rows_per_kind_and_a_further_producer_is_one_more_entry() -> None:
    files = open_data_files(
        FIXTURE, name="Testatlas", site_url=SITE_URL, commit=None, producers=(*PRODUCERS, extra_files)
    )
    page = files["open-data/index.md"].decode("utf-8")
    assert "| [partners.csv](partners.csv) | Alle kennispartners, één rij per item. | CSV met puntkomma's" in page
    assert (
        "| [partners-komma.csv](partners-komma.csv) | Alle kennispartners, één rij per item. | CSV met komma's" in page
    )
    assert "[kennisatlas.xlsx](kennisatlas.xlsx) | Alle items, met een tabblad per soort." in page
    assert "### Overige bestanden" in page  # a file the page has no words for is still listed
    assert "[extra.json](extra.json)" in page
    assert "versie onbekend" in page


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"elders/x.csv": b""}, "buiten open-data/"),
        ({"open-data/index.md": b""}, "buiten open-data/"),
        ({"open-data/atlas.json": b""}, "twee keer"),
    ],
)
def test_a_producer_cannot_write_elsewhere_or_twice(files: dict[str, bytes], message: str) -> None:
    def producer(data: OpenData) -> dict[str, bytes]:
        return files

    with pytest.raises(BuildError, match=message):
        produced_files(fixture_data(), (*PRODUCERS, producer))


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("atlas.json", "Alles in één bestand"),
        ("feeds/themas/droogte.xml", "Nieuw en gewijzigd"),
        ("agenda/voorbeeldregio.ics", "Agenda"),
        ("schemas/events.frontmatter.schema.json", "Velden"),
        ("iets.bin", "Overige bestanden"),
    ],
)
def test_describe_puts_each_file_in_its_section(name: str, section: str) -> None:
    assert describe(name, fixture_data()).section == section


def test_atlas_json_is_the_document() -> None:
    data = fixture_data()
    files = produced_files(data)
    assert json.loads(files["open-data/atlas.json"]) == data.document


def parsed_feed_bytes(xml: bytes) -> Any:
    """A feed as feedparser reads it; fails on any XML error (feedparser's "bozo")."""
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def partner_named(name: str) -> Partner:
    """A partner with any name: built without validation, as a writer must cope with what slips through."""
    real: Partner = FIXTURE.get("partner", "gemeente-voorbeeld")
    return real.model_copy(update={"name": name})


def test_control_characters_do_not_break_a_feed() -> None:
    site = FeedSite("Testatlas", SITE_URL, date(2026, 1, 1))
    items = feed_items([("partner", partner_named(CONTROL))])
    parsed = parsed_feed_bytes(atom_feed(site, CONTROL, "open-data/feeds/atlas.xml", SITE_URL, items))
    assert parsed.feed.title == "Naammetstuurtekens"
    assert parsed.entries[0].title == "Kennispartner: Naammetstuurtekens"


def test_control_characters_stay_escaped_in_json_ld() -> None:
    block = script_block({"name": CONTROL + "</script>"})
    assert "\x00" not in block
    assert "\x07" not in block
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert json.loads(body) == {"name": CONTROL + "</script>"}


def test_an_empty_feed_takes_the_newest_content_date() -> None:
    site = FeedSite("Testatlas", SITE_URL, latest_content_date(FIXTURE))
    parsed = parsed_feed_bytes(atom_feed(site, "Leeg", "open-data/feeds/leeg.xml", SITE_URL, []))
    assert parsed.entries == []
    assert parsed.feed.updated_parsed[:3] == site.fallback.timetuple()[:3]
    assert latest_content_date(Atlas()) == NO_DATE


def test_an_all_day_event_ends_the_day_after_its_last_day() -> None:
    event = FIXTURE.get("event", "kenniscafe-hitte").model_copy(
        update={"start": date(2026, 6, 10), "end": date(2026, 6, 11), "title": CONTROL}
    )
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    calendar = Calendar.from_ical(calendar_bytes("Agenda", [event], SITE_URL, stamp))
    (parsed,) = calendar.walk("VEVENT")
    assert parsed.decoded("DTSTART") == date(2026, 6, 10)
    assert parsed.decoded("DTEND") == date(2026, 6, 12)
    assert str(parsed["SUMMARY"]) == "Naammetstuurtekens"


def test_the_same_content_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """No build clock, no time zone, no random order: two builds of the same atlas write identical open data."""
    first = open_data_files(FIXTURE, name="Testatlas", site_url=SITE_URL, commit=None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    second = open_data_files(FIXTURE, name="Testatlas", site_url=SITE_URL, commit=None)
    assert first == second


@pytest.mark.parametrize("organiser", [None, "voorbeeld-planbureau", "bestaat-niet"])
def test_an_event_has_json_ld_with_or_without_an_organiser(organiser: str | None) -> None:
    from generator.exchange.jsonld import LinkedData
    from generator.models import Event

    event = Event.model_validate(
        {
            "id": "dag",
            "title": "Dag",
            "kind": "webinar",
            "description": "Over hitte.",
            "start": "2026-05-01",
            "online": True,
        }
        | ({"organiser": organiser} if organiser else {})
    )
    described = LinkedData(FIXTURE, SITE_URL).describe("event", event)
    assert described is not None
    assert described["@type"] == "Event"
    names = [partner["name"] for partner in described.get("organizer", [])]
    assert names == (["Voorbeeld Planbureau"] if organiser == "voorbeeld-planbureau" else [])


def _atlas_document_of_fixture() -> dict[str, Any]:
    return fixture_data().document


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(_atlas_document_of_fixture(), id="fixture-atlas"),
        pytest.param({"name": "Leeg", "entries": []}, id="no-entries"),
        pytest.param({"name": "Eén", "entries": [{"a": [1, {"b": None}], "c": {}}]}, id="one-nested-entry"),
        pytest.param(
            {"entries": [{"text": 'regel\nregel\t"é" </script>'}, {"list": [], "x": 1.5}], "after": True},
            id="entries-not-last",
        ),
        pytest.param(
            {"schema_version": "1.0", "entries": [{"t": "a\nb", "n": [[], [{}]]}, {"u": "ü ✓ 𝄞"}]},
            id="line-breaks-and-unicode-in-text",
        ),
    ],
)
def test_atlas_json_made_entry_by_entry_is_what_json_dumps_writes(document: dict[str, Any]) -> None:
    expected = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    assert indented_json(document) == expected
