"""What a question page adds: who can help, what is already known, the same question elsewhere.

Computed at build time for every question, with the matcher's scorer in numpy columns
(``columns``): the same ranking as ``Matcher.rank``, fast enough for a national atlas.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...pagelists import PROPOSALS
from ...search.lunrindex import available_cores
from .columns import Columns, Flags, results, totals
from .matcher import Match, Matcher, question_ask

SHOWN = PROPOSALS
"""Matches per part: as many as a question page shows. Each costs its reasons, so no more are made."""
PARALLEL_FROM = 500
"""From this many questions on, ``help_all`` spreads them over one process per core."""
SIMILAR_TEXT_SHARE = 0.25
"""A question elsewhere is "the same question" when it shares a theme and its text part is at
least this share of the text weight: a shared theme alone is too broad."""


@dataclass(frozen=True)
class QuestionHelp:
    helpers: list[Match]
    """Partners not yet linked to the question, best first."""
    known: list[Match]
    """Practices and research on the question's themes (or related ones), not yet linked to it."""
    elsewhere: list[Match]
    """Similar questions in other regions."""


class QuestionHelper:
    """Finds the help for every question of one atlas."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.columns = Columns(matcher.data)
        self.number = {(doc["type"], doc["id"]): index for index, doc in enumerate(matcher.docs)}
        self.partners = self.columns.of_type("partner")
        self.knowledge = self.columns.of_type("practice", "research")
        self.questions = self.columns.of_type("question")
        self.anywhere = np.zeros(self.columns.size, dtype=bool)
        for flags in self.columns.regions.values():
            self.anywhere |= flags

    def unlinked(self, question: Any) -> Flags:
        """Every entry but the question itself and what it is linked to already."""
        free = np.ones(self.columns.size, dtype=bool)
        linked = [
            ("question", question.id),
            *(("partner", ref) for ref in question.partners),
            *(("practice", ref) for ref in question.practices),
            *(("research", ref) for ref in question.research),
        ]
        for key in linked:
            if key in self.number:
                free[self.number[key]] = False
        return free

    def elsewhere(self, region: str | None) -> Flags:
        """Entries in a region other than ``region`` (any region, for a national question)."""
        if region in self.columns.regions:
            others: Flags = self.anywhere & ~self.columns.regions[region]
            return others
        return self.anywhere

    def help(self, question: Any, shown: int = SHOWN) -> QuestionHelp:
        understood = self.matcher.understand(question_ask(question))
        parts = self.columns.parts(understood)
        total = totals(parts)
        usable = results(self.columns, parts) & self.unlinked(question)
        weights = self.columns.weights
        similar = (parts["themes"] >= weights["theme"]) & (parts["text"] >= weights["text"] * SIMILAR_TEXT_SHARE)

        def first(wanted: Flags) -> list[Match]:
            numbers = self.columns.ranked(usable & wanted, total, shown)
            return [
                self.matcher.result(number, {name: float(values[number]) for name, values in parts.items()}, understood)
                for number in numbers
            ]

        return QuestionHelp(
            helpers=first(self.partners),
            known=first(self.knowledge & (parts["themes"] > 0)),
            elsewhere=first(self.questions & self.elsewhere(question.region) & similar),
        )


_WORKER: tuple[QuestionHelper, list[Any]] | None = None
"""The helper and the questions, in a worker process (set by ``_start_worker``)."""


def _start_worker(helper: QuestionHelper, questions: list[Any]) -> None:
    global _WORKER
    _WORKER = (helper, questions)


def _help_range(start: int, stop: int) -> list[QuestionHelp]:
    if _WORKER is None:
        raise RuntimeError("_help_range runs only in a worker started by help_all")
    helper, questions = _WORKER
    return [helper.help(question) for question in questions[start:stop]]


def help_all(helper: QuestionHelper, questions: list[Any], workers: int | None = None) -> dict[str, QuestionHelp]:
    """The help for every question, by id, from ``PARALLEL_FROM`` questions on in one process per core.
    Forked workers share the columns without copying them; with other threads running (``atlas serve``)
    forking is unsafe, so the workers then come from a forkserver and get a copy."""
    if workers is None:
        workers = available_cores() if len(questions) >= PARALLEL_FROM else 1
    if workers <= 1 or not questions:
        return {question.id: helper.help(question) for question in questions}
    step = -(-len(questions) // (workers * 4))
    starts = list(range(0, len(questions), step))
    stops = [min(start + step, len(questions)) for start in starts]
    context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")
    with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(helper, questions)) as pool:
        helps = [found for chunk in pool.map(_help_range, starts, stops) for found in chunk]
    return {question.id: found for question, found in zip(questions, helps, strict=True)}
