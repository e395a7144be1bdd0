"""How politely the link check asks: per host few requests at once and a pause between them.

A website owner sees one atlas ask once a week; the gate makes sure that is all they see,
however many entries link to the same site.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ... import __version__


def user_agent(contact: str | None = None) -> str:
    """The User-Agent of the check: it names the atlas, and where to reach its makers when known."""
    where = f"; +{contact}" if contact else ""
    return f"Kennisatlas-linkcontrole/{__version__} (controle van links in de Kennisatlas, eens per week{where})"


@dataclass(frozen=True)
class Politeness:
    """The limits of one run."""

    per_host: int = 2
    """Requests to one host at the same time."""
    delay: float = 1.0
    """Seconds between the starts of two requests to the same host."""
    timeout: float = 10.0
    """Seconds to wait for a connection and for each read."""
    retries: int = 2
    """Extra tries after 429, 503 or a lost connection."""
    backoff: float = 2.0
    """Seconds before the first retry when the server gives no Retry-After; doubles with each retry."""
    max_wait: float = 60.0
    """The longest Retry-After honoured; a server that asks for more is reported, not waited for."""
    max_redirects: int = 10
    workers: int = 8
    """Requests at the same time over all hosts."""
    user_agent: str = user_agent()


class HostGate:
    """One host's turnstile: at most ``per_host`` requests at once, their starts ``delay`` seconds apart."""

    def __init__(
        self,
        per_host: int,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._slots = threading.BoundedSemaphore(max(1, per_host))
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._delay = delay
        self._clock = clock
        self._sleep = sleep

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for a free slot and for this host's next start time; hold the slot while inside."""
        with self._slots:
            with self._lock:
                now = self._clock()
                start = max(now, self._next_start)
                self._next_start = start + self._delay
            if start > now:
                self._sleep(start - now)
            yield


class Gates:
    """A ``HostGate`` per host, made on first use."""

    def __init__(self, politeness: Politeness) -> None:
        self._politeness = politeness
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def of(self, host: str) -> HostGate:
        with self._lock:
            if host not in self._gates:
                self._gates[host] = HostGate(self._politeness.per_host, self._politeness.delay)
            return self._gates[host]
