"""The names index, split by first letter and by first two letters, finds what the whole index finds."""

from __future__ import annotations

from typing import Any

import pytest
from lunr.index import Index
from lunr.query import Query
from lunr.token_set import TokenSet

from generator.build import gather
from generator.config import AtlasConfig
from generator.search.documents import search_documents
from generator.search.lunr_nl import stem, trim
from generator.search.lunrindex import name_rows, names_index
from generator.search.termsplit import (
    OTHER,
    PAIRS,
    pair_of,
    part_of,
    split_by_first_letter,
    split_by_first_two_letters,
)

WHOLE = names_index(name_rows(search_documents(gather(AtlasConfig().resolve()))))
PARTS = split_by_first_letter(WHOLE)
PAIR_PARTS = split_by_first_two_letters(WHOLE)
TERMS = [term for term, _ in WHOLE["invertedIndex"]]


@pytest.mark.parametrize(
    ("term", "part"),
    [("klimaat", "k"), ("zorg", "z"), ("2019", OTHER), ("één", OTHER), ("ábc", OTHER), ("", OTHER)],
)
def test_part_of_a_term_is_its_first_letter_a_to_z(term: str, part: str) -> None:
    assert part_of(term) == part


def test_every_term_is_in_exactly_one_part() -> None:
    in_parts = sorted(term for index in PARTS.values() for term, _ in index["invertedIndex"])
    assert in_parts == sorted(TERMS)
    assert all(part_of(term) == part for part, index in PARTS.items() for term, _ in index["invertedIndex"])
    assert list(PARTS) == [*"abcdefghijklmnopqrstuvwxyz", OTHER]
    assert sum(1 for index in PARTS.values() if index["invertedIndex"]) > 15  # the real content spreads out


@pytest.mark.parametrize(
    ("term", "pair"),
    [("klimaat", "kl"), ("zorg", "zo"), ("k", "k0"), ("k3", "k0"), ("aë", "a0"), ("2019", OTHER), ("één", OTHER)],
)
def test_pair_of_a_term_is_its_first_two_letters(term: str, pair: str) -> None:
    assert pair_of(term) == pair


def test_every_term_is_in_exactly_one_pair_except_those_of_the_other_part() -> None:
    in_pairs = [term for index in PAIR_PARTS.values() for term, _ in index["invertedIndex"]]
    other = [term for term in TERMS if part_of(term) == OTHER]
    assert sorted(in_pairs + other) == sorted(TERMS)
    assert all(pair_of(term) == pair for pair, index in PAIR_PARTS.items() for term, _ in index["invertedIndex"])
    assert list(PAIR_PARTS) == list(PAIRS)


@pytest.mark.parametrize("parts", [PARTS, PAIR_PARTS], ids=["letters", "pairs"])
def test_parts_are_lunr_indexes_with_vectors_in_ascending_term_order(parts: dict[str, Any]) -> None:
    for part, index in parts.items():
        Index.load(index)
        positions = sorted(posting["_index"] for _, posting in index["invertedIndex"])
        assert positions == list(range(len(positions))), part
        for _, elements in index["fieldVectors"]:
            assert elements[0::2] == sorted(elements[0::2])
            assert all(0 <= position < len(positions) for position in elements[0::2])


def _results(index: Index, terms: list[str], **clause: Any) -> list[tuple[str, float]]:
    def build(query: Query) -> None:
        for term in terms:
            query.term(term, **clause)

    return [(result["ref"], round(result["score"], 9)) for result in index.query(callback=build)] if terms else []


def _same_letter_expansions(index: Index, term: str) -> list[str]:
    """The terms lunr expands a fuzzy term to (edit distance 1) that keep its first letter."""
    expanded = index.token_set.intersect(TokenSet.from_fuzzy_string(term, 1)).to_list()
    return sorted(word for word in expanded if word[:1] == term[:1])


LOOKUPS = {
    "exact": {"use_pipeline": True},
    "prefix": {"use_pipeline": False, "wildcard": Query.WILDCARD_TRAILING},
    "fuzzy": {"use_pipeline": False, "edit_distance": 1},
}
NAMED = ["klimaatadaptatie", "mantelzorg", "planbureau", "friesland", "corona", "wonen", "2019", "Fryslân", "zorg"]
"""Words in the names of the real content."""
WORDS = [*NAMED, "planbureaus", "mantelzorgers", "klimaatadaptaie"]


@pytest.mark.parametrize("lookup", sorted(LOOKUPS))
@pytest.mark.parametrize("word", WORDS + TERMS[::7])
def test_a_part_finds_what_the_whole_index_finds(word: str, lookup: str) -> None:
    """The page looks a word up in the part of its stem (exact) or of the word itself (prefix, fuzzy).
    A fuzzy match that would change the first letter is the one thing a part leaves out."""
    whole, clause = Index.load(WHOLE), LOOKUPS[lookup]
    query_word = trim(word.lower())
    term = query_word[:3] if lookup == "prefix" else query_word
    part = part_of(stem(term) if lookup == "exact" else term)
    found = _results(Index.load(PARTS[part]), [term], **clause) if part in PARTS else []
    if lookup == "fuzzy":
        # lunr scores a fuzzy term as the plain terms it expands to, each with the clause's boost.
        expected = _results(whole, _same_letter_expansions(whole, term), use_pipeline=False)
    else:
        expected = _results(whole, [term], **clause)
    assert found == expected
    if lookup == "exact" and word in NAMED:
        assert found, word  # the real content has each of these


@pytest.mark.parametrize("lookup", ["exact", "prefix"])
@pytest.mark.parametrize("word", WORDS + TERMS[::7])
def test_a_pair_finds_what_the_whole_index_finds(word: str, lookup: str) -> None:
    """Exact and prefix lookups (of at least two letters) keep a word's first two letters: its pair
    finds all of it, or the OTHER part for words that do not start with a letter a–z."""
    whole, clause = Index.load(WHOLE), LOOKUPS[lookup]
    query_word = trim(word.lower())
    term = query_word[:3] if lookup == "prefix" else query_word
    pair = pair_of(stem(term) if lookup == "exact" else term)
    part = PARTS[OTHER] if pair == OTHER else PAIR_PARTS[pair]
    assert _results(Index.load(part), [term], **clause) == _results(whole, [term], **clause)
