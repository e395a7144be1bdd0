"""Which themes, regions and needs a question names in its own words.

Names, abbreviations and synonyms become phrases of index terms, made with the search
pipeline (``lunrbuild.index_terms``: trim, Dutch stop words, Dutch stemmer), so that
"Friesland" finds Fryslân, "hittestress" finds Klimaatadaptatie and "provincie Utrecht"
finds Utrecht, whatever the inflection. A one-word phrase also matches the start of a
longer word ("droogteproblemen"), because Dutch writes compounds as one word; the words
for needs match whole words only (they are short and common: "data" is not "datacenter").

The browser's copy of this method is ``generator/assets/broker/match.js``; the phrases
travel in the match data, so both sides read the same list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...search.lunrbuild import index_terms

COMPOUND_PREFIX = 5
"""A one-word phrase of at least this many letters also matches a word that starts with it."""

NEED_WORDS: dict[str, tuple[str, ...]] = {
    "onderzoek": ("onderzoek", "onderzoeken", "onderzoekers", "studie", "evaluatie", "wetenschappelijk"),
    "data": ("data", "cijfers", "gegevens", "statistiek", "statistieken", "monitor", "dashboard"),
    "advies": ("advies", "adviseren", "advisering", "adviseur"),
    "training": ("training", "trainingen", "cursus", "opleiding", "scholing", "workshop"),
    "netwerk": ("netwerk", "netwerken", "kenniscommunity", "contacten", "samenwerkingspartners"),
    "praktijkkennis": ("praktijkkennis", "praktijkvoorbeelden", "ervaringen", "goede praktijk"),
}
"""Everyday words for what an asker needs, by ``Offer`` value."""


@dataclass(frozen=True)
class Recognised:
    """Ids of what a text names, in the order they first appear in it."""

    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    consumed: tuple[int, ...] = ()
    """Positions of the terms that named something: the text part leaves them to the other parts."""


Phrase = tuple[str, str, tuple[str, ...]]
"""(what it names: "theme", "region" or "need"; its id or value; its index terms)."""


def canonical(term: str) -> str:
    """Dutch alternates s/z and f/v at the end of a stem (Fries, Friezen; leef, leven):
    the stemmer keeps them apart, recognition does not."""
    if term.endswith("z"):
        return term[:-1] + "s"
    if term.endswith("v"):
        return term[:-1] + "f"
    return term


def phrases_for(kind: str, key: str, names: Iterable[str | None]) -> list[Phrase]:
    found = {tuple(canonical(term) for term in index_terms(name)) for name in names if name}
    return [(kind, key, terms) for terms in sorted(found) if terms]


def need_phrases() -> list[Phrase]:
    return [phrase for value, words in NEED_WORDS.items() for phrase in phrases_for("need", value, words)]


class PhraseIndex:
    """The phrases by their first term, and the one-word phrases that may start a compound."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.by_first: dict[str, list[Phrase]] = defaultdict(list)
        self.compound_starts: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in phrases:
            kind, _, terms = phrase
            self.by_first[terms[0]].append(phrase)
            if kind != "need" and len(terms) == 1 and len(terms[0]) >= COMPOUND_PREFIX:
                self.compound_starts[terms[0]].append(phrase)

    def starting_at(self, terms: Sequence[str], start: int) -> Iterable[Phrase]:
        """Every phrase that occurs at ``start``: whole words, or a one-word name starting a compound."""
        word = terms[start]
        for phrase in self.by_first.get(word, ()):
            if tuple(terms[start : start + len(phrase[2])]) == phrase[2]:
                yield phrase
        for end in range(COMPOUND_PREFIX, len(word)):
            yield from self.compound_starts.get(word[:end], ())


def recognise(typed: Sequence[str], index: PhraseIndex) -> Recognised:
    """The themes, regions and needs whose phrases occur in the typed terms, by first occurrence."""
    terms = [canonical(term) for term in typed]
    first: dict[tuple[str, str], int] = {}
    consumed: set[int] = set()
    for start in range(len(terms)):
        for kind, key, phrase in index.starting_at(terms, start):
            first.setdefault((kind, key), start)
            consumed.update(range(start, start + len(phrase)))
    ordered = sorted(first, key=lambda found: (first[found], found))

    def of(kind: str) -> tuple[str, ...]:
        return tuple(key for found_kind, key in ordered if found_kind == kind)

    return Recognised(themes=of("theme"), regions=of("region"), needs=of("need"), consumed=tuple(sorted(consumed)))
