"""Match a question to who and what can help: a score in named parts, with reasons in Dutch.

The score of an entry is the sum of six parts, each shown:

- ``text``: BM25 similarity of the question's index terms to the entry's name (×3), other
  names (×2) and prose (×1), divided by the best any entry could get for these terms;
- ``themes``: a theme the question names (or is given) that the entry has; a related theme
  counts less;
- ``region``: active in the asker's region first, then national entries, then the rest;
- ``offers``: what a partner offers against what the asker needs;
- ``links``: a partner's own practices, research, networks and questions on the asker's themes;
- ``domain``: the domain the asker chose.

An entry is a result only when its text, themes or links say something; region, offers and
domain alone do not make a match. Ties go to the order of the match data (kind, then id).
The browser runs the same method over the same data (``generator/assets/broker/match.js``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ...atlas import Atlas
from ...search.lunr_nl import trim
from ...search.lunrbuild import index_term, words
from .data import match_data
from .reasons import reasons_for
from .recognise import PhraseIndex, Recognised, recognise
from .score import Understood, is_result, score_parts, total_of

SCORE_DIGITS = 6
Scored = tuple[int, dict[str, float]]
"""A result before its reasons are made: (number of the entry in the match data, score parts)."""


@dataclass(frozen=True)
class Ask:
    """A question as the asker puts it; everything but the text is optional."""

    text: str
    region: str | None = None
    themes: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    domain: str | None = None


@dataclass(frozen=True)
class Match:
    """One result: what it is, where it lives on the site, its score and why."""

    type: str
    id: str
    name: str
    url: str
    score: float
    parts: dict[str, float]
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "name": self.name,
            "url": self.url,
            "score": self.score,
            "parts": self.parts,
            "reasons": list(self.reasons),
        }


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


class Matcher:
    """Scores questions against one atlas; build once, query many times."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.weights: dict[str, float] = data["weights"]
        self.docs: list[dict[str, Any]] = data["docs"]
        self.phrases = PhraseIndex((kind, key, tuple(terms)) for kind, key, terms in data["phrases"])
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.by_theme: dict[str, list[int]] = defaultdict(list)
        self.by_linked_theme: dict[str, set[int]] = defaultdict(set)
        self.by_region: dict[str, list[int]] = defaultdict(list)
        for number, doc in enumerate(self.docs):
            for term in doc["terms"]:
                self.postings[term].append(number)
            for theme in doc["themes"]:
                self.by_theme[theme].append(number)
            for region in doc["regions"]:
                self.by_region[region].append(number)
            for link in doc["links"]:
                for theme in link[3]:
                    self.by_linked_theme[theme].add(number)

    @classmethod
    def for_atlas(cls, atlas: Atlas) -> Matcher:
        return cls(match_data(atlas))

    def recognise(self, text: str) -> Recognised:
        """The themes, regions and needs a free text names."""
        return recognise([term for _, term in _terms_of(text)], self.phrases)

    def understand(self, ask: Ask) -> Understood:
        typed = _terms_of(ask.text)
        recognised = recognise([term for _, term in typed], self.phrases)
        known = self.data["idf"]
        skipped = set(self.data["filler"])
        first_words: dict[str, str] = {}
        for position, (word, term) in enumerate(typed):
            if term in known and term not in skipped and position not in recognised.consumed:
                first_words.setdefault(term, word)
        themes = _unique(t for t in (*ask.themes, *recognised.themes) if t in self.data["themes"])
        related = _unique(r for t in themes for r in self.data["themes"][t]["related"] if r not in themes)
        return Understood(
            terms=tuple(first_words),
            words=first_words,
            themes=themes,
            related=related,
            regions=_unique(r for r in (*([ask.region] if ask.region else []), *recognised.regions)),
            needs=_unique((*ask.needs, *recognised.needs)),
            domain=ask.domain,
        )

    def candidates(self, understood: Understood) -> list[int]:
        """Every entry whose text, themes or links can score; nothing else can be a result."""
        found: set[int] = set()
        for term in understood.terms:
            found.update(self.postings.get(term, ()))
        for theme in (*understood.themes, *understood.related):
            found.update(self.by_theme.get(theme, ()))
        for theme in understood.themes:
            found.update(self.by_linked_theme.get(theme, ()))
        for region in understood.regions:
            found.update(self.by_region.get(region, ()))
        return sorted(found)

    def rank(
        self,
        ask: Ask,
        kinds: Sequence[str] | None = None,
        exclude: Iterable[tuple[str, str]] = (),
    ) -> tuple[Understood, list[Scored]]:
        """Every result for the ask, best first, as (doc number, parts): no reasons made yet."""
        understood = self.understand(ask)
        excluded = set(exclude)
        scored = []
        for number in self.candidates(understood):
            doc = self.docs[number]
            if (kinds is not None and doc["type"] not in kinds) or (doc["type"], doc["id"]) in excluded:
                continue
            parts = score_parts(doc, understood, self.data)
            if is_result(doc, parts, self.data):
                scored.append((-total_of(parts), number, parts))
        scored.sort(key=lambda item: (item[0], item[1]))
        return understood, [(number, parts) for _, number, parts in scored]

    def match(
        self,
        ask: Ask,
        limit: int | None = 10,
        kinds: Sequence[str] | None = None,
        exclude: Iterable[tuple[str, str]] = (),
    ) -> list[Match]:
        """The best entries for the ask, best first."""
        understood, ranked = self.rank(ask, kinds, exclude)
        chosen = ranked if limit is None else ranked[:limit]
        return [self.result(number, parts, understood) for number, parts in chosen]

    def for_question(self, question: Any, kinds: Sequence[str] | None = None, limit: int | None = 10) -> list[Match]:
        """Matches for a question in the atlas, asked with its own text, region and themes; never itself."""
        return self.match(question_ask(question), limit=limit, kinds=kinds, exclude=[("question", question.id)])

    def result(self, number: int, parts: dict[str, float], understood: Understood) -> Match:
        doc = self.docs[number]
        return Match(
            type=doc["type"],
            id=doc["id"],
            name=doc["name"],
            url=doc["url"],
            score=round(total_of(parts), SCORE_DIGITS),
            parts={name: round(value, SCORE_DIGITS) for name, value in parts.items()},
            reasons=tuple(reasons_for(doc, understood, self.data)),
        )


def question_ask(question: Any) -> Ask:
    """A question in the atlas as an ask: its title and question, its region and themes."""
    return Ask(text=f"{question.title} {question.question}", region=question.region, themes=tuple(question.themes))


def _terms_of(text: str) -> list[tuple[str, str]]:
    """(word as typed, index term) for each word the pipeline keeps."""
    pairs = ((trim(word), index_term(word)) for word in words(text))
    return [(word, term) for word, term in pairs if term]
