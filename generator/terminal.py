"""Progress drawn on a terminal with rich: one line per stage with its count and time.

Only when the output is a terminal and ``CI`` is not set; otherwise the commands stay plain and
quiet (logs and pipes get the result lines only).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Task, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.text import Text

from .progress import QUIET, Progress


class _Count(MofNCompleteColumn):
    """done/total, for stages that count."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.fields.get("counted") else Text("")


REDRAW_EVERY = 0.1
"""Seconds between two redraws at most, while a stage advances."""


class TerminalProgress:
    """Each stage a line: name, bar, done/total, time; a finished stage stays on screen.

    It redraws when the count moves, not from a timer: rich's timer is a thread, and a process running a
    second thread may not fork, so ``atlas build`` on a terminal would lose the worker processes that
    load, render and build on every core (``generator.scale``)."""

    def __init__(self, bars: RichProgress) -> None:
        self.bars = bars
        self.task: TaskID | None = None
        self.drawn = 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.task = self.bars.add_task(name, total=total, counted=total is not None)
        self._redraw()

    def advance(self, steps: int = 1) -> None:
        if self.task is not None:
            self.bars.advance(self.task, steps)
            if time.monotonic() - self.drawn >= REDRAW_EVERY:
                self._redraw()

    def _redraw(self) -> None:
        self.bars.refresh()
        self.drawn = time.monotonic()

    def _finish(self) -> None:
        if self.task is None:
            return
        task = next(task for task in self.bars.tasks if task.id == self.task)
        self.bars.update(self.task, total=task.total if task.total is not None else task.completed)
        self.bars.stop_task(self.task)
        self._redraw()


def wants_progress(stream: TextIO, environ: Mapping[str, str]) -> bool:
    return stream.isatty() and not environ.get("CI")


@contextmanager
def terminal_progress(
    stream: TextIO | None = None, environ: Mapping[str, str] | None = None, force: bool = False
) -> Iterator[Progress]:
    """A ``Progress`` for the command line: drawn on ``stream`` (stderr) if it is a terminal outside CI,
    ``QUIET`` otherwise. ``force`` draws anyway (tests)."""
    stream = stream or sys.stderr
    if not force and not wants_progress(stream, os.environ if environ is None else environ):
        yield QUIET
        return
    console = Console(file=stream, force_terminal=force or None)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        _Count(),
        TimeElapsedColumn(),
    )
    with RichProgress(*columns, console=console, auto_refresh=False) as bars:
        shown = TerminalProgress(bars)
        try:
            yield shown
        finally:
            shown._finish()
