"""The feeds written as text and the calendars with their time zone made once are the bytes ElementTree and
icalendar's own ``add_missing_timezones`` made: on real, fixture, hostile and synthetic content, and any text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synthetic import write_synthetic_atlas
from generator.atlas import Atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.exchange import calendar, feeds
from generator.exchange.feeds import FeedSite, atom_feed, feed_items
from generator.exchange.opendata import OpenData, open_data
from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT
from tests.exchange.elementtree_feeds import elementtree_atom_feed
from tests.exchange.hostile import CONTROL_CHARACTERS, HOSTILE, HOSTILE_CELLS, hostile_content

SITE_URLS = ("https://atlas.example/", 'https://a.example/p?q="&<>\t\r\n]]>/')


@pytest.fixture(scope="module", params=["real", "fixture", "hostile", "synthetic"])
def atlas(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Atlas:
    content = {"real": REAL_CONTENT, "fixture": FIXTURE_CONTENT}.get(request.param)
    if request.param == "hostile":
        content = hostile_content(tmp_path_factory.mktemp("hostile") / "content")
    elif request.param == "synthetic":
        content = tmp_path_factory.mktemp("synthetic") / "content"
        write_synthetic_atlas(content, 600, seed=7)
    assert content is not None
    return gather(AtlasConfig(content_dir=content).resolve())


def data_of(atlas: Atlas, site_url: str, name: str = "Kennisatlas") -> OpenData:
    return open_data(atlas, name=name, site_url=site_url, commit=None)


@pytest.mark.parametrize("site_url", SITE_URLS)
def test_the_feeds_are_elementtrees_bytes(atlas: Atlas, site_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = data_of(atlas, site_url, name=HOSTILE)
    written = feeds.feed_files(data)
    monkeypatch.setattr(feeds, "atom_feed", elementtree_atom_feed)
    assert written == feeds.feed_files(data)
    assert len(written) == 1 + len(atlas.of("theme")) + len(atlas.of("region"))


def test_the_calendars_are_icalendars_bytes(atlas: Atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    data = data_of(atlas, SITE_URLS[0])
    written = calendar.calendar_files(data)
    again = calendar.calendar_files(data)  # the shared time zone is not changed by a calendar that uses it
    monkeypatch.setattr(calendar, "_add_timezones", lambda made: made.add_missing_timezones())
    assert written == again == calendar.calendar_files(data)
    timed = any(isinstance(event.start, datetime) for event in atlas.of("event"))
    assert (b"BEGIN:VTIMEZONE" in written["open-data/agenda.ics"]) == timed


FIXTURE = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
TEXT = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from([*CONTROL_CHARACTERS, "\ufffe", "\t", "\r", '"', "&", "<", "]", ">"]),
    max_size=40,
)


@given(TEXT, TEXT, TEXT)
@settings(max_examples=60, deadline=None)
def test_any_text_gives_elementtrees_feed(name: str, title: str, summary: str) -> None:
    practice = FIXTURE.get("practice", "koele-wijken").model_copy(update={"title": title, "summary": summary})
    partner = FIXTURE.get("partner", "gemeente-voorbeeld").model_copy(update={"name": name})
    items = feed_items([("practice", practice), ("partner", partner)])
    for site_url in (*SITE_URLS, name):
        site = FeedSite(name, site_url, date(2026, 1, 1))
        arguments = (site, title, "open-data/feeds/x.xml", site_url + summary, items)
        assert atom_feed(*arguments) == elementtree_atom_feed(*arguments)


@pytest.mark.parametrize("text", [*HOSTILE_CELLS, "", " ", "\n"], ids=lambda text: repr(text[:24]))
def test_hostile_text_gives_elementtrees_feed(text: str) -> None:
    partner = FIXTURE.get("partner", "gemeente-voorbeeld").model_copy(update={"name": text})
    site = FeedSite(text, SITE_URLS[1], date(2026, 1, 1))
    arguments = (site, text, "open-data/feeds/x.xml", text, feed_items([("partner", partner)]))
    assert atom_feed(*arguments) == elementtree_atom_feed(*arguments)
