"""The benchmark's search queries: a deterministic mix drawn from the atlas's own words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from random import Random

from bench.synthetic import DEFAULT_SEED
from generator.atlas import Atlas
from generator.search.documents import search_documents
from generator.search.lunr_nl import STOP_WORDS

QUERY_MIX = {"single word": 40, "two words": 25, "prefix": 20, "typo": 15}
"""Shares of the query kinds, in percent."""
VOCABULARY_SIZE = 300
_WORD = re.compile(r"[^\W\d_]+")

Query = tuple[str, str]
"""(kind of query, query text)."""


def vocabulary(atlas: Atlas) -> tuple[list[str], list[list[str]]]:
    """(most frequent words, words per document) of the searchable text, stop words left out."""
    per_document = []
    counts: Counter[str] = Counter()
    for document in search_documents(atlas):
        words = [
            word
            for word in _WORD.findall(f"{document.title} {document.keywords} {document.text}".lower())
            if len(word) >= 4 and word not in STOP_WORDS
        ]
        per_document.append(words)
        counts.update(words)
    ranked = sorted(counts, key=lambda word: (-counts[word], word))
    return ranked[:VOCABULARY_SIZE], [words for words in per_document if len(set(words)) >= 2]


def typo(rng: Random, word: str) -> str:
    """One edit inside the word: swap two letters, drop one or replace one."""
    at = rng.randint(1, len(word) - 2)
    edits = (
        word[:at] + word[at + 1] + word[at] + word[at + 2 :],
        word[:at] + word[at + 1 :],
        word[:at] + rng.choice([c for c in "aeiounrst" if c != word[at]]) + word[at + 1 :],
    )
    changed = [edit for edit in edits if edit != word]
    return rng.choice(changed)


def make_queries(atlas: Atlas, count: int = 200, seed: int = DEFAULT_SEED) -> list[Query]:
    """A deterministic mix of single words, two words from one document, prefixes and typos."""
    rng = Random(seed)
    words, documents = vocabulary(atlas)
    long_words = [word for word in words if len(word) >= 6]
    makers: dict[str, Callable[[], str]] = {
        "single word": lambda: rng.choice(words),
        "two words": lambda: " ".join(rng.sample(sorted(set(rng.choice(documents))), 2)),
        "prefix": lambda: (word := rng.choice(long_words))[: rng.randint(3, len(word) - 2)],
        "typo": lambda: typo(rng, rng.choice(long_words)),
    }
    queries = [(kind, makers[kind]()) for kind, share in QUERY_MIX.items() for _ in range(round(count * share / 100))]
    rng.shuffle(queries)
    return queries
