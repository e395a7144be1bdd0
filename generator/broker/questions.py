"""What a question page adds: who can help, what is already known, the same question elsewhere.

Computed at build time from one ranking per question, so that an atlas of thousands of
questions stays quick to build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .match import Match, Matcher, Scored, question_ask

SHOWN = 5
SIMILAR_TEXT_SHARE = 0.25
"""A question elsewhere is "the same question" when it shares a theme and its text part is at
least this share of the text weight: a shared theme alone is too broad."""

HELP_KINDS = ("partner", "practice", "research", "question")


@dataclass(frozen=True)
class QuestionHelp:
    helpers: list[Match]
    """Partners not yet linked to the question, best first."""
    known: list[Match]
    """Practices and research on the question's themes (or related ones), not yet linked to it."""
    elsewhere: list[Match]
    """Similar questions in other regions."""


def is_similar(parts: dict[str, float], weights: dict[str, float]) -> bool:
    return parts["themes"] >= weights["theme"] and parts["text"] >= weights["text"] * SIMILAR_TEXT_SHARE


def other_region(doc: dict[str, Any], region: str | None) -> bool:
    return region not in doc["regions"] if region else bool(doc["regions"])


def question_help(matcher: Matcher, question: Any, shown: int = SHOWN) -> QuestionHelp:
    understood, ranked = matcher.rank(question_ask(question), HELP_KINDS, exclude=[("question", question.id)])
    linked = {
        *(("partner", ref) for ref in question.partners),
        *(("practice", ref) for ref in question.practices),
        *(("research", ref) for ref in question.research),
    }
    weights = matcher.weights

    def first(wanted: Any) -> list[Match]:
        chosen: list[Scored] = []
        for number, parts in ranked:
            doc = matcher.docs[number]
            if (doc["type"], doc["id"]) not in linked and wanted(doc, parts):
                chosen.append((number, parts))
                if len(chosen) == shown:
                    break
        return [matcher.result(number, parts, understood) for number, parts in chosen]

    return QuestionHelp(
        helpers=first(lambda doc, parts: doc["type"] == "partner"),
        known=first(lambda doc, parts: doc["type"] in ("practice", "research") and parts["themes"] > 0),
        elsewhere=first(
            lambda doc, parts: (
                doc["type"] == "question" and other_region(doc, question.region) and is_similar(parts, weights)
            )
        ),
    )
