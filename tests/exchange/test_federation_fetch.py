"""Sources over http on 127.0.0.1 and as files: the cache, and every way a source can be broken."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import gather
from generator.config import AtlasConfig, FederationConfig, SourceSpec
from generator.exchange.federation.federate import BrokenSources, federate
from generator.render import Renderer, md_escape
from tests.conftest import FIXTURE_CONTENT
from tests.exchange.federation_atlases import NOORD, write_atlas_json
from tests.exchange.source_server import LIMIT, SourceServer, closed_port, source_server

TIMEOUT = 1.5  # the slow source sleeps 3 s; a good one must not time out on a busy machine


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SourceServer]]:
    body = write_atlas_json(tmp_path_factory.mktemp("noord"), "noord", NOORD).read_bytes()
    with source_server(body) as running:
        yield running


def settings(cache: Path, *sources: SourceSpec, skip: bool = False) -> FederationConfig:
    return FederationConfig(
        sources=sources, skip_broken_sources=skip, cache_dir=cache, timeout=TIMEOUT, max_bytes=LIMIT
    )


def merged_ids(source: SourceSpec, config: FederationConfig) -> set[str]:
    atlas = federate(gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()), config)
    return {key for entries in atlas.entries.values() for key in entries if key.startswith(f"{source.name}-")}


def test_an_http_source_is_merged_and_cached(server: tuple[str, SourceServer], tmp_path: Path) -> None:
    base, counters = server
    source = SourceSpec("noord", f"{base}/noord.json")
    config = settings(tmp_path / "cache", source)
    hits, not_modified = counters.hits["/noord.json"], counters.not_modified
    first = merged_ids(source, config)
    assert "noord-buurtkamers" in first
    assert counters.hits["/noord.json"] == hits + 1
    assert merged_ids(source, config) == first  # second build: within the TTL, no request at all
    assert counters.hits["/noord.json"] == hits + 1
    assert merged_ids(source, replace(config, cache_ttl=0)) == first  # after the TTL: asked, 304, cached copy
    assert (counters.hits["/noord.json"], counters.not_modified) == (hits + 2, not_modified + 1)
    other = settings(tmp_path / "other-cache", source)
    assert merged_ids(source, other) == first  # a different cache asks again
    assert counters.hits["/noord.json"] == hits + 3


BROKEN = [
    ("slow.json", f"te traag: geen antwoord binnen {TIMEOUT:g} seconden"),
    ("large.json", "te groot: meer dan 1.0 MB; er is niet verder gelezen"),
    ("declared.json", "te groot: meer dan 1.0 MB; er is niet verder gelezen"),
    ("malformed.json", "geen geldige JSON: "),
    ("missing.json", "de server antwoordt 404"),
    (None, "niet bereikbaar: "),
]


@pytest.mark.parametrize(("path", "message"), BROKEN, ids=[path or "unreachable" for path, _ in BROKEN])
def test_a_broken_http_source_fails_or_is_skipped_with_a_warning(
    server: tuple[str, SourceServer], tmp_path: Path, path: str | None, message: str
) -> None:
    base, _ = server
    location = f"{base}/{path}" if path else f"http://127.0.0.1:{closed_port()}/atlas.json"
    broken = SourceSpec("kapot", location)
    good = SourceSpec("noord", f"{base}/noord.json")
    local = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
    with pytest.raises(BrokenSources) as raised:
        federate(local, settings(tmp_path / "cache", broken, good))
    assert f"bron 'kapot' ({location}): {message}" in str(raised.value)
    assert "--skip-broken-sources" in str(raised.value)

    atlas = federate(local, settings(tmp_path / "cache", broken, good, skip=True))
    assert atlas.federation is not None
    assert [(s.name, s.location) for s in atlas.federation.skipped] == [("kapot", location)]
    assert atlas.federation.skipped[0].reason.startswith(message)
    assert [s.name for s in atlas.federation.merged] == ["noord"]
    assert not any(key.startswith("kapot-") for entries in atlas.entries.values() for key in entries)
    home = Renderer(atlas).render("home.md.j2", "")
    assert '!!! warning "Niet alle bronnen zijn meegenomen"' in home
    reason = atlas.federation.skipped[0].reason
    assert f"    - kapot ({md_escape(location)}): {md_escape(reason)}\n" in home


def test_slow_source_gives_up_at_the_timeout(server: tuple[str, SourceServer], tmp_path: Path) -> None:
    import time

    base, _ = server
    started = time.monotonic()
    with pytest.raises(BrokenSources):
        federate(
            gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()),
            settings(tmp_path, SourceSpec("traag", f"{base}/slow.json")),
        )
    assert time.monotonic() - started < TIMEOUT + 2.0


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (None, "het bestand bestaat niet"),
        (b" " * (LIMIT + 1), "te groot: meer dan 1.0 MB"),
        (b"\xff\xfe", "geen UTF-8"),
        (b"[]", "geen geldige atlas.json:\ngeen atlas.json: de sleutel 'entries' met een lijst ontbreekt"),
    ],
)
def test_a_broken_file_source(tmp_path: Path, write: bytes | None, message: str) -> None:
    path = tmp_path / "atlas.json"
    if write is not None:
        path.write_bytes(write)
    with pytest.raises(BrokenSources) as raised:
        federate(
            gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()),
            settings(tmp_path / "cache", SourceSpec("bestand", path.as_uri())),
        )
    assert f"bron 'bestand' ({path.as_uri()}): {message}" in str(raised.value)


@pytest.mark.parametrize("meta", ["{niet json", '{"fetched": "gisteren"}', "[]"])
def test_a_damaged_cache_is_fetched_again(server: tuple[str, SourceServer], tmp_path: Path, meta: str) -> None:
    base, counters = server
    source = SourceSpec("noord", f"{base}/noord.json")
    config = settings(tmp_path / "cache", source)
    before = counters.hits["/noord.json"]
    first = merged_ids(source, config)
    for file in (tmp_path / "cache").glob("*.meta.json"):
        file.write_text(meta, encoding="utf-8")
    assert merged_ids(source, config) == first
    assert counters.hits["/noord.json"] == before + 2
