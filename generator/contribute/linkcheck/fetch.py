"""Check web addresses with ``requests``: HEAD first, GET when HEAD is refused, redirects followed by hand.

Following redirects by hand lets every hop pass its own host's gate and lets the report say
where a link now leads. 429 and 503 are retried after the server's Retry-After (or a doubling
pause); a server that asks for more than ``Politeness.max_wait`` is reported instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests

from .politeness import Gates, Politeness

HEAD_REFUSED = frozenset({400, 403, 405, 501})
"""Answers to HEAD after which a GET is tried: many servers refuse or mishandle HEAD."""
RETRY_STATUSES = frozenset({429, 503})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True)
class LinkResult:
    """What one address gave."""

    url: str
    status: int | None
    """The last HTTP status, or None when no answer came."""
    error: str | None = None
    """Dutch: what went wrong without an HTTP answer (time-out, no connection, too many redirects)."""
    redirects: tuple[tuple[int, str], ...] = ()
    """Each redirect: (status, the address it pointed to)."""
    method: str = "HEAD"
    """The method of the last request (GET when HEAD was refused)."""
    attempts: int = 1
    """Requests made for the last hop, retries included."""
    retry_after: float | None = None
    """Seconds the server asked to wait, when that was more than the check waits."""

    @property
    def final_url(self) -> str:
        return self.redirects[-1][1] if self.redirects else self.url

    @property
    def broken(self) -> bool:
        """No answer, or an answer that is not a success."""
        return self.error is not None or self.status is None or not 200 <= self.status < 300

    @property
    def moved(self) -> bool:
        """It works, but through a permanent redirect: the link should name the new address."""
        return not self.broken and any(status in PERMANENT_REDIRECTS for status, _ in self.redirects)


def retry_after_seconds(value: str | None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """A Retry-After header in seconds: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now()).total_seconds())


@dataclass
class _Answer:
    status: int | None
    location: str | None = None
    retry_after: str | None = None
    method: str = "HEAD"
    error: str | None = None
    lost: bool = False
    """No connection: worth another try, unlike a time-out (a slow server stays slow)."""


class LinkChecker:
    """Checks addresses within the limits of a ``Politeness``; safe to use from several threads."""

    def __init__(self, politeness: Politeness, sleep: Callable[[float], None] = time.sleep) -> None:
        self.politeness = politeness
        self.gates = Gates(politeness)
        self._sleep = sleep
        self._local = threading.local()

    def _session(self) -> requests.Session:
        """One session (and so one connection pool) per thread."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = self.politeness.user_agent
            self._local.session = session
        return session

    def _send(self, method: str, url: str) -> _Answer:
        """One request through the host's gate; the body of a GET is not read."""
        host = (urlsplit(url).hostname or "").lower()
        try:
            with self.gates.of(host).turn():
                response = self._session().request(
                    method, url, allow_redirects=False, stream=True, timeout=self.politeness.timeout
                )
                response.close()
        except requests.Timeout:
            return _Answer(None, method=method, error=f"geen antwoord binnen {self.politeness.timeout:g} seconden")
        except requests.exceptions.SSLError:
            return _Answer(None, method=method, error="het certificaat van de beveiligde verbinding klopt niet")
        except requests.ConnectionError:
            return _Answer(
                None, method=method, error="geen verbinding (de server bestaat niet of reageert niet)", lost=True
            )
        except requests.RequestException as error:
            return _Answer(None, method=method, error=f"ongeldig verzoek ({type(error).__name__})")
        headers = response.headers
        return _Answer(response.status_code, headers.get("Location"), headers.get("Retry-After"), method)

    def _ask(self, url: str) -> tuple[_Answer, int]:
        """HEAD, or GET when HEAD is refused; retried on 429, 503 and a lost connection. (answer, attempts)."""
        attempt = 0
        method = "HEAD"
        while True:
            attempt += 1
            answer = self._send(method, url)
            if method == "HEAD" and answer.status in HEAD_REFUSED:
                method = "GET"
                answer = self._send(method, url)
            retryable = answer.status in RETRY_STATUSES or answer.lost
            if not retryable or attempt > self.politeness.retries:
                return answer, attempt
            wait = retry_after_seconds(answer.retry_after)
            if wait is None:
                wait = self.politeness.backoff * 2 ** (attempt - 1)
            if wait > self.politeness.max_wait:
                return answer, attempt
            self._sleep(wait)

    def check(self, url: str) -> LinkResult:
        """Follow ``url`` through its redirects to an answer."""
        redirects: list[tuple[int, str]] = []
        current = url
        while True:
            answer, attempts = self._ask(current)
            if answer.status in REDIRECT_STATUSES and answer.location:
                if len(redirects) >= self.politeness.max_redirects:
                    error = f"meer dan {self.politeness.max_redirects} doorverwijzingen"
                    return LinkResult(url, answer.status, error, tuple(redirects), answer.method, attempts)
                current = urljoin(current, answer.location)
                redirects.append((answer.status, current))
                if urlsplit(current).scheme not in ("http", "https"):
                    error = "verwijst door naar een adres dat geen webpagina is"
                    return LinkResult(url, None, error, tuple(redirects), answer.method, attempts)
                continue
            waited = retry_after_seconds(answer.retry_after) if answer.status in RETRY_STATUSES else None
            too_long = waited if waited is not None and waited > self.politeness.max_wait else None
            return LinkResult(url, answer.status, answer.error, tuple(redirects), answer.method, attempts, too_long)

    def check_all(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """Each distinct address once, host after host in turn so that no host waits on another."""
        ordered = interleaved_by_host(sorted(set(urls)))
        with ThreadPoolExecutor(max_workers=max(1, self.politeness.workers)) as pool:
            return dict(zip(ordered, pool.map(self.check, ordered), strict=True))


def interleaved_by_host(urls: list[str]) -> list[str]:
    """The first address of every host, then the second of every host, and so on."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)
    rounds = max((len(group) for group in by_host.values()), default=0)
    return [group[index] for index in range(rounds) for group in by_host.values() if index < len(group)]
