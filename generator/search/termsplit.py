"""Split a serialized lunr index by the first letters of its terms, so a query loads only its letters.

A query word is looked up under one term (its stem) and, while typing, as a
prefix: both start with the word's first letters. So the names index of the
whole atlas travels as small lunr indexes by the first two letters of their
terms ("kl" holds klimaat and kleinschalig), and the search page fetches only
the pairs of the words typed. A fuzzy lookup may change any letter but the
first, so the names index also travels by first letter alone ("k"), which the
page loads only when a word finds nothing exactly.

Scores do not change. lunr scores a document by the dot product of the query
vector with the document's field vector, divided by the query vector's
magnitude only (``lunr.Vector.similarity``); components for terms that are not
in the query add nothing. A part therefore keeps, of every field vector, only
the components of its own terms, renumbered to its own term positions.

What does change: a fuzzy match cannot change the first letter (a search for
"olanbureau" does not find "planbureau"), as in search engines that keep a
fixed prefix for fuzzy queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

OTHER = "0"
"""The part of terms that do not start with a letter a–z: digits, accented letters. Within a
letter, the pair of terms whose second character is not a letter a–z, or that have none."""
LETTERS = "abcdefghijklmnopqrstuvwxyz"
PARTS = (*LETTERS, OTHER)
"""Every part by first letter, also when no term starts with it: the page fetches the parts of a
query's words while the catalog is still on its way, without a list of what exists."""
PAIRS = tuple(first + second for first in LETTERS for second in (*LETTERS, OTHER))
"""Every part by first two letters, likewise always there. Terms of the OTHER part have no pair
of their own: the OTHER part serves them for every lookup."""

Index = dict[str, Any]
"""A serialized lunr index."""


def part_of(term: str) -> str:
    """The part a term belongs to; the search page computes the same (``namePart`` in search.js)."""
    first = term[:1]
    return first if "a" <= first <= "z" else OTHER


def pair_of(term: str) -> str:
    """The two-letter part a term belongs to (``namePair`` in search.js); OTHER for OTHER's terms."""
    letter = part_of(term)
    if letter == OTHER:
        return OTHER
    second = term[1:2]
    return letter + (second if "a" <= second <= "z" else OTHER)


def split_by_first_letter(index: Index) -> dict[str, Index]:
    """{part: serialized lunr index} for every part in ``PARTS``, together holding every term of ``index`` once."""
    return _split(index, part_of, PARTS)


def split_by_first_two_letters(index: Index) -> dict[str, Index]:
    """{pair: serialized lunr index} for every pair in ``PAIRS``, together holding every term of ``index``
    once, except the terms of the OTHER part."""
    pairs = _split(index, pair_of, (*PAIRS, OTHER))
    del pairs[OTHER]
    return pairs


def _split(index: Index, part_for: Callable[[str], str], parts: tuple[str, ...]) -> dict[str, Index]:
    postings_by_part: dict[str, list[list[Any]]] = defaultdict(list)
    for term, posting in index["invertedIndex"]:
        postings_by_part[part_for(term)].append([term, posting])

    # Old term position → (part, new position); lunr's vectors need positions ascending.
    moved: dict[int, tuple[str, int]] = {}
    inverted: dict[str, list[list[Any]]] = {part: [] for part in parts}
    for part, postings in postings_by_part.items():
        for position, (term, posting) in enumerate(postings):
            moved[posting["_index"]] = (part, position)
            inverted[part].append([term, {**posting, "_index": position}])

    vectors: dict[str, list[list[Any]]] = defaultdict(list)
    for field_ref, elements in index["fieldVectors"]:
        components: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for at in range(0, len(elements), 2):
            part, position = moved[elements[at]]
            components[part].append((position, elements[at + 1]))
        for part, pairs in components.items():
            vectors[part].append([field_ref, [number for pair in sorted(pairs) for number in pair]])

    return {
        part: {
            "version": index["version"],
            "fields": index["fields"],
            "fieldVectors": vectors[part],
            "invertedIndex": inverted[part],
            "pipeline": index["pipeline"],
        }
        for part in parts
    }
