"""Kennismakelen figures of one atlas: the match data, a query, every question page, the evaluation.

- ``match_data_s``: the match data and the matcher built from the validated atlas;
- ``match_query_ms_p50`` / ``_p95``: one ``atlas match`` query (all kinds, 10 results) over a set
  of questions (the parity questions for the real content, the atlas' own questions for a synthetic one);
- ``question_pages_s``: "Wie kan helpen", "Wat is er al bekend" and "Dezelfde vraag elders" for every
  question, as the build makes them (numpy columns, one process per core from 500 questions on);
- ``evaluation_top1`` / ``_top5``: the share of the evaluation set with a named organisation first
  and in the first five (real content only);
- ``match_json_raw`` / ``_gzip``: what the question form downloads.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from generator.atlas import Atlas
from generator.broker.match.data import match_data
from generator.broker.match.evaluate import evaluate, read_cases
from generator.broker.match.matcher import Ask, Matcher
from generator.broker.match.questions import QuestionHelper, help_all
from generator.config import PROJECT_ROOT
from generator.search.lunrindex import available_cores, gzip_size
from tests.broker.test_evaluation_data import load_parity_questions

EVALUATION = PROJECT_ROOT / "tests" / "broker" / "evaluation.yml"
QUERIES = 200


def query_times(matcher: Matcher, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        matcher.match(Ask(text), limit=10)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def broker_figures(atlas: Atlas, evaluation: Path | None) -> dict[str, Any]:
    start = time.perf_counter()
    matcher = Matcher(match_data(atlas))
    figures: dict[str, Any] = {"match_data_s": time.perf_counter() - start}
    questions = atlas.of("question")
    texts = [f"{q.title} {q.question}" for q in questions[:QUERIES]] if evaluation is None else load_parity_questions()
    times = query_times(matcher, texts)
    figures["match_queries"] = len(times)
    figures["match_query_ms_p50"] = statistics.median(times)
    figures["match_query_ms_p95"] = times[int(0.95 * (len(times) - 1))]
    start = time.perf_counter()
    helper = QuestionHelper(matcher)
    help_all(helper, questions)
    figures["question_pages_s"] = time.perf_counter() - start
    figures["questions"] = len(questions)
    figures["cores"] = available_cores()
    raw = json.dumps(matcher.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    figures["match_json_raw"], figures["match_json_gzip"] = len(raw), gzip_size(raw)
    if evaluation is not None:
        result = evaluate(matcher, read_cases(evaluation))
        figures["evaluation_cases"] = len(result.outcomes)
        figures["evaluation_top1"], figures["evaluation_top5"] = result.share(1), result.share(5)
    return figures
