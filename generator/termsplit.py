"""Split a serialized lunr index by the first letter of its terms, so a query loads only its letters.

A query word is looked up under one term (its stem) and, while typing, as a
prefix: both start with the word's first letter. So the names index of the
whole atlas can travel as one small lunr index per first letter, and the
search page fetches only the letters of the words typed: at 20,000 entries
about a twentieth of the names index before the first result.

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
from typing import Any

OTHER = "0"
"""The part of terms that do not start with a letter a–z: digits, accented letters."""
PARTS = (*"abcdefghijklmnopqrstuvwxyz", OTHER)
"""Every part, also when no term starts with its letter: the page fetches the parts of a
query's words while the catalog is still on its way, without a list of what exists."""


def part_of(term: str) -> str:
    """The part a term belongs to; the search page computes the same (``namePart`` in search.js)."""
    first = term[:1]
    return first if "a" <= first <= "z" else OTHER


def split_by_first_letter(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{part: serialized lunr index} for every part in ``PARTS``, together holding every term of ``index`` once."""
    postings_by_part: dict[str, list[list[Any]]] = defaultdict(list)
    for term, posting in index["invertedIndex"]:
        postings_by_part[part_of(term)].append([term, posting])

    # Old term position → (part, new position); lunr's vectors need positions ascending.
    moved: dict[int, tuple[str, int]] = {}
    inverted: dict[str, list[list[Any]]] = {part: [] for part in PARTS}
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
        for part in PARTS
    }
