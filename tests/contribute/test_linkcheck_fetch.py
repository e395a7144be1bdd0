"""The polite link checker against a local server: statuses, redirects, HEAD→GET, retries, time-outs, limits."""

from __future__ import annotations

import itertools
import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from generator.contribute.linkcheck.fetch import LinkChecker, interleaved_by_host, retry_after_seconds
from generator.contribute.linkcheck.politeness import HostGate, Politeness, user_agent
from generator.contribute.linkcheck.report import describe
from tests.contribute.linkserver import LinkServer, link_server

FAST = Politeness(delay=0.0, timeout=1.0, backoff=0.01, max_wait=5.0)

pytestmark = pytest.mark.usefixtures("loopback_only")  # tests/contribute/conftest.py


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with link_server() as running:
        yield running


class Waits:
    """A sleep that only records how long it was asked to wait."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


@pytest.mark.parametrize(
    ("path", "status", "broken", "moved", "method", "final"),
    [
        ("/ok", 200, False, False, "HEAD", "/ok"),
        ("/moved", 200, False, True, "HEAD", "/ok/new-home"),
        ("/temporary", 200, False, False, "HEAD", "/ok/for-now"),
        ("/moved-to-missing", 404, True, False, "HEAD", "/missing"),
        ("/missing", 404, True, False, "HEAD", "/missing"),
        ("/error", 500, True, False, "HEAD", "/error"),
        ("/no-head", 200, False, False, "GET", "/no-head"),
    ],
)
def test_answers(
    server: LinkServer, path: str, status: int, broken: bool, moved: bool, method: str, final: str
) -> None:
    result = LinkChecker(FAST).check(server.url(path))
    assert (result.status, result.broken, result.moved, result.method) == (status, broken, moved, method)
    assert result.final_url == server.url(final)
    assert (describe(result) is None) is (not broken and not moved)


def test_redirects_are_reported_hop_by_hop(server: LinkServer) -> None:
    result = LinkChecker(FAST).check(server.url("/moved-to-missing"))
    assert result.redirects == ((308, server.url("/missing")),)
    assert describe(result) == f"niet gevonden (404), na doorverwijzing naar `{server.url('/missing')}`"
    moved = LinkChecker(FAST).check(server.url("/moved"))
    assert describe(moved) == f"verhuisd (301) naar `{server.url('/ok/new-home')}`; zet dat adres in de link"


def test_a_redirect_loop_stops(server: LinkServer) -> None:
    result = LinkChecker(Politeness(delay=0.0, max_redirects=3)).check(server.url("/loop"))
    assert result.broken
    assert result.error == "meer dan 3 doorverwijzingen"
    assert len(result.redirects) == 3


def test_head_not_allowed_falls_back_to_get(server: LinkServer) -> None:
    before = len(server.requests_for("/no-head"))
    LinkChecker(FAST).check(server.url("/no-head"))
    assert [seen.method for seen in server.requests_for("/no-head")[before:]] == ["HEAD", "GET"]


def test_retry_after_is_honoured(server: LinkServer) -> None:
    waits = Waits()
    result = LinkChecker(FAST, sleep=waits).check(server.url("/busy-once"))
    assert (result.status, result.attempts, result.broken) == (200, 2, False)
    assert waits.asked == [1.0]


def test_a_retry_after_too_long_is_reported_not_waited_for(server: LinkServer) -> None:
    waits = Waits()
    result = LinkChecker(FAST, sleep=waits).check(server.url("/busy-for-an-hour"))
    assert (result.status, result.attempts, result.retry_after) == (429, 1, 3600.0)
    assert waits.asked == []
    assert describe(result) == (
        "te veel verzoeken (429); de server vraagt 3600 seconden te wachten, probeer het later opnieuw"
    )


def test_503_without_retry_after_backs_off_doubling(server: LinkServer) -> None:
    waits = Waits()
    politeness = Politeness(delay=0.0, retries=2, backoff=0.5)
    result = LinkChecker(politeness, sleep=waits).check(server.url("/unavailable"))
    assert (result.status, result.attempts) == (503, 3)
    assert waits.asked == [0.5, 1.0]
    assert describe(result) == "fout bij de server (503) (na 3 pogingen)"


def test_a_slow_server_times_out_once(server: LinkServer) -> None:
    before = len(server.requests_for("/slow"))
    result = LinkChecker(Politeness(delay=0.0, timeout=0.3)).check(server.url("/slow"))
    assert (result.status, result.error) == (None, "geen antwoord binnen 0.3 seconden")
    assert len(server.requests_for("/slow")) - before == 1  # a slow server stays slow: no retry


def test_no_connection_is_retried_then_reported() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    waits = Waits()
    result = LinkChecker(Politeness(delay=0.0, retries=2, backoff=0.1), sleep=waits).check(f"http://127.0.0.1:{port}/")
    assert result.error == "geen verbinding (de server bestaat niet of reageert niet)"
    assert (result.attempts, waits.asked) == (3, [0.1, 0.2])


def test_the_user_agent_names_the_atlas(server: LinkServer) -> None:
    agent = user_agent("https://github.com/voorbeeld/atlas")
    LinkChecker(Politeness(delay=0.0, user_agent=agent)).check(server.url("/ok/agent"))
    assert [seen.user_agent for seen in server.requests_for("/ok/agent")] == [agent]
    assert agent.startswith("Kennisatlas-linkcontrole/")
    assert "+https://github.com/voorbeeld/atlas" in agent


def test_requests_to_one_host_start_at_least_the_delay_apart(server: LinkServer) -> None:
    paths = [f"/rate/{number}" for number in range(5)]
    LinkChecker(Politeness(delay=0.3, per_host=5, workers=5)).check_all(server.url(path) for path in paths)
    arrivals = sorted(seen.at for seen in server.log if seen.path in paths)
    assert len(arrivals) == 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    # Starts are 0.3 s apart (test_host_gate_spaces_starts_by_the_clock checks that exactly, with a fake clock).
    # Arrivals at the server shift on a busy machine, one gap by more than another, so only the whole span of
    # five requests is held here, with slack for the first one arriving late: without the pause it is ~0.
    assert arrivals[-1] - arrivals[0] >= 4 * 0.3 - 0.3, gaps


@pytest.mark.parametrize("per_host", [1, 2])
def test_no_more_requests_at_once_than_the_limit(server: LinkServer, per_host: int) -> None:
    paths = [f"/hold/{per_host}/{number}" for number in range(4)]
    LinkChecker(Politeness(delay=0.0, per_host=per_host, workers=4)).check_all(server.url(path) for path in paths)
    seen = [item for item in server.log if item.path in paths]
    assert len(seen) == 4
    assert max(item.in_flight for item in seen) == per_host


def test_each_address_is_checked_once(server: LinkServer) -> None:
    url = server.url("/ok/once")
    results = LinkChecker(FAST).check_all([url, url, url])
    assert list(results) == [url]
    assert len(server.requests_for("/ok/once")) == 1


def test_host_gate_spaces_starts_by_the_clock() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    gate = HostGate(per_host=1, delay=1.5, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        with gate.turn():
            now[0] += 0.5  # the request itself takes half a second
    assert waits == [1.0, 1.0]


def test_hosts_take_turns() -> None:
    urls = ["https://a.nl/1", "https://a.nl/2", "https://a.nl/3", "https://b.nl/1", "https://c.nl/1"]
    assert interleaved_by_host(urls) == [
        "https://a.nl/1",
        "https://b.nl/1",
        "https://c.nl/1",
        "https://a.nl/2",
        "https://a.nl/3",
    ]


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("Mon, 30 Nov 2026 12:01:00 GMT", 60.0),
        ("Mon, 30 Nov 2026 11:00:00 GMT", 0.0),
        ("morgen", None),
        ("", None),
        (None, None),
        ("-3", None),
    ],
)
def test_retry_after_header(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=lambda: datetime(2026, 11, 30, 12, 0, tzinfo=UTC)) == seconds
