"""The numpy columns score exactly as the matcher does: same totals to the last bit, same ranking."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.synthetic import write_synthetic_atlas
from generator.broker.match.columns import Columns, results, totals
from generator.broker.match.matcher import Ask, Matcher, question_ask
from generator.broker.match.questions import QuestionHelper, help_all
from generator.build import gather
from generator.config import AtlasConfig
from tests.broker.test_match_js import QUESTIONS, WITH_FLAGS


def assert_same_ranking(matcher: Matcher, asks: list[Ask]) -> None:
    columns = Columns(matcher.data)
    for ask in asks:
        understood, ranked = matcher.rank(ask)
        parts = columns.parts(understood)
        total = totals(parts)
        numbers = columns.ranked(results(columns, parts), total, columns.size)
        assert numbers == [number for number, _ in ranked], ask.text
        for number, expected in ranked:
            assert {name: float(values[number]) for name, values in parts.items()} == expected, ask.text


def test_real_atlas() -> None:
    atlas = gather(AtlasConfig().resolve())
    matcher = Matcher.for_atlas(atlas)
    questions = [question_ask(question) for question in atlas.of("question")]
    assert_same_ranking(matcher, [Ask(text) for text in QUESTIONS] + WITH_FLAGS + questions)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("synthetic") / "content"
    write_synthetic_atlas(target, entries=1500, seed=7)
    return target


def test_synthetic_atlas(synthetic: Path) -> None:
    atlas = gather(AtlasConfig(content_dir=synthetic).resolve())
    matcher = Matcher.for_atlas(atlas)
    asks = [question_ask(question) for question in atlas.of("question")[:60]]
    assert_same_ranking(matcher, asks)


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_question_help_in_workers_equals_one_process(
    synthetic: Path, start_method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``help_all`` forks when it is the only thread, and uses a forkserver when other threads run."""
    atlas = gather(AtlasConfig(content_dir=synthetic).resolve())
    helper = QuestionHelper(Matcher.for_atlas(atlas))
    questions = atlas.of("question")[:80]
    monkeypatch.setattr(threading, "active_count", lambda: 1 if start_method == "fork" else 2)
    used: list[str] = []
    get_context = multiprocessing.get_context

    def recording(method: str) -> Any:
        used.append(method)
        return get_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", recording)
    in_workers = help_all(helper, questions, workers=2)
    assert used == [start_method]
    assert in_workers == help_all(helper, questions, workers=1)
    assert any(found.elsewhere for found in in_workers.values())
    assert all(found.helpers for found in in_workers.values())


@pytest.mark.parametrize("limit", [0, 1, 3, 5, 40, 500])
@pytest.mark.parametrize("distinct", [2, 7, 1000])
def test_the_first_few_are_the_first_of_the_whole_ranking(limit: int, distinct: int) -> None:
    """``ranked`` looks only at the best scores for a short limit: the same entries in the same order, ties in
    match-data order, as sorting all of them."""
    matcher = Matcher.for_atlas(gather(AtlasConfig().resolve()))
    columns = Columns(matcher.data)
    rng = np.random.default_rng(distinct * 1000 + limit)
    total = rng.integers(0, distinct, columns.size).astype(float) / 4  # few distinct scores: many ties
    wanted = rng.random(columns.size) < 0.7
    candidates = np.flatnonzero(wanted)
    everything = [int(number) for number in candidates[np.lexsort((candidates, -total[candidates]))]]
    assert columns.ranked(wanted, total, limit) == everything[:limit]
