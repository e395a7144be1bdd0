"""Recurring questions: the same or a similar question asked in two or more regions.

Such a question is a candidate for national bundling: one answer, found once, for
every region that asks. Two questions are similar when they are in different regions,
share a theme, and their stemmed words (title and question, through the search pipeline:
Dutch stop words out, Dutch stemmer; names of regions left out, as they differ by nature)
overlap for at least ``MIN_OVERLAP`` (Dice), each word weighted by how rare it is among the
questions (idf, as in the matcher's BM25): sharing "betrekken" and "inwoners" counts for
less than sharing "mantelzorgers".

A question page's "Dezelfde vraag elders" (``broker.questions``) is looser on purpose: it lists
questions elsewhere that the matcher ranks high (a shared theme and some words in common), as
suggestions for a reader. A signal asks a maintainer to act, so it wants half of the words in
common. This rule takes about half a second of processor time at 20,000 entries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import Any

from ...search.lunrbuild import index_terms
from .signal import Context, Signal, name_of, place_words, quoted, ref

MIN_OVERLAP = 0.5
"""Share of their (weighted) stemmed words two questions must have in common to count as the same question."""
MAX_SIMILAR = 10
"""Similar questions kept per question, the most similar first: one signal stays readable."""

Neighbours = dict[str, list[tuple[str, float]]]
"""Per question id: (similar question id in another region, similarity 0–1), most similar first."""


def question_words(question: Any, places: frozenset[str] = frozenset()) -> frozenset[str]:
    return frozenset(index_terms(f"{question.title} {question.question}")) - places


def rarity(words: Iterable[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of every word over the questions: log(1 + N / questions with it)."""
    listed = list(words)
    counts = Counter(word for found in listed for word in found)
    return {word: math.log(1 + len(listed) / count) for word, count in counts.items()}


def similar_questions(ctx: Context) -> Neighbours:
    """Questions in other regions that share a theme and enough of their words."""
    regional = [q for q in ctx.atlas.of("question") if q.region]
    places = place_words(ctx.atlas)
    words = {q.id: question_words(q, places) for q in regional}
    weight = rarity(words.values())
    mass = {key: sum(weight[word] for word in found) for key, found in words.items()}
    by_theme: dict[str, list[Any]] = defaultdict(list)
    for question in regional:
        for theme in question.themes:
            by_theme[theme].append(question)
    scores: dict[tuple[str, str], float] = {}
    for listed in by_theme.values():
        for one, other in combinations(listed, 2):
            shared = words[one.id] & words[other.id]
            if not shared or one.region == other.region:
                continue
            # Weighted Dice: twice the weight of the shared words over the weight of both questions' words.
            score = 2 * sum(weight[word] for word in shared) / (mass[one.id] + mass[other.id])
            if score >= MIN_OVERLAP:
                scores[(one.id, other.id)] = score
    found: Neighbours = defaultdict(list)
    for (one_id, other_id), score in scores.items():
        found[one_id].append((other_id, score))
        found[other_id].append((one_id, score))
    return {key: sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:MAX_SIMILAR] for key, pairs in found.items()}


def recurring(ctx: Context) -> Iterator[Signal]:
    """One signal per group: a question (oldest first) with its similar questions not yet in a group."""
    neighbours = similar_questions(ctx)
    questions: dict[str, Any] = ctx.atlas.entries["question"]
    grouped: set[str] = set()
    for first in sorted((questions[key] for key in neighbours), key=lambda q: (q.submitted, q.id)):
        if first.id in grouped:
            continue
        similar = [(questions[key], score) for key, score in neighbours[first.id] if key not in grouped]
        group = [first, *(question for question, _ in similar)]
        regions = sorted({name_of(ctx.atlas, "region", q.region) for q in group})
        if len(regions) < 2:
            continue
        grouped.update(q.id for q in group)
        yield recurring_signal(ctx, group, regions, min(score for _, score in similar))


def recurring_signal(ctx: Context, group: list[Any], regions: list[str], lowest: float) -> Signal:
    shared = set(group[0].themes).intersection(*(q.themes for q in group[1:]))
    themes = sorted(name_of(ctx.atlas, "theme", theme) for theme in shared)
    about = f" over {quoted(themes)}" if themes else ""
    return Signal(
        kind="herhaling",
        title=f"Vraag in {len(regions)} regio's: {group[0].title}",
        reason=(
            f"Vergelijkbare vragen{about} in {', '.join(regions[:-1])} en {regions[-1]}: "
            f"{quoted(q.title for q in group)} (met de eerste minstens {round(lowest * 100)} % dezelfde woorden, "
            "naar gewicht). "
            "Een kandidaat om landelijk te bundelen."
        ),
        entries=tuple(ref(q) for q in group),
        theme=sorted(shared)[0] if shared else None,
    )
