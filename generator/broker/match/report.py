"""Plain-text reports of the matcher for the command line (the CLI prints them)."""

from __future__ import annotations

from ...kinds import KIND_BY_KEY
from .evaluate import TOP, Evaluation
from .matcher import Match

PART_LABELS = {
    "text": "tekst",
    "themes": "thema",
    "region": "regio",
    "offers": "aanbod",
    "links": "verbindingen",
    "domain": "domein",
}


def kind_label(kind: str) -> str:
    return KIND_BY_KEY[kind].singular


def match_lines(matches: list[Match]) -> list[str]:
    """A numbered list: kind, name, site path, score in parts, and the reasons."""
    if not matches:
        return ["Geen passende kennispartners, praktijken, onderzoek of vragen gevonden."]
    lines = []
    for number, match in enumerate(matches, start=1):
        parts = ", ".join(f"{PART_LABELS[name]} {value:.2f}" for name, value in match.parts.items() if value)
        lines.append(f"{number}. [{kind_label(match.type)}] {match.name} — /{match.url}")
        lines.append(f"   score {match.score:.2f} ({parts})")
        lines.extend(f"   - {reason}" for reason in match.reasons)
    return lines


def evaluation_lines(evaluation: Evaluation) -> list[str]:
    """One line per question, then the top-1 and top-N figures."""
    lines = []
    for outcome in evaluation.outcomes:
        place = f"plaats {outcome.rank}" if outcome.rank else f"niet in de eerste {TOP}"
        lines.append(f"{place:>20}  {outcome.case.question}")
        if outcome.rank != 1:
            lines.append(f"{'':>20}  verwacht: {', '.join(outcome.case.expect)}; kreeg: {', '.join(outcome.ranked)}")
    total = len(evaluation.outcomes)
    for top in (1, TOP):
        share = evaluation.share(top)
        lines.append(f"top-{top}: {evaluation.count(top)} van {total} ({share:.0%})")
    return lines
