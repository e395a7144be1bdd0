"""Progress of a long run, reported by library code and shown (or not) by the command line.

Library code never prints: it calls a ``Progress`` it is given (``QUIET`` by default). The command
line passes one that draws on a terminal (``generator.terminal``) or ``QUIET`` when the output is
not a terminal or runs under CI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

Item = TypeVar("Item")


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage begins (the previous one is done); ``total`` steps if known."""

    def advance(self, steps: int = 1) -> None:
        """Steps of the current stage done."""


class Quiet:
    """Reports nowhere."""

    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


QUIET = Quiet()


def counted(progress: Progress, items: Iterable[Item], every: int = 100) -> Iterator[Item]:
    """``items`` one by one, advancing ``progress`` in steps of ``every`` (a draw per item costs time at 20,000)."""
    pending = 0
    for item in items:
        yield item
        pending += 1
        if pending == every:
            progress.advance(pending)
            pending = 0
    if pending:
        progress.advance(pending)
