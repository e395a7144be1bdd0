"""The parts of a match score, each a small function of one entry and the understood question.

``generator/assets/broker/match.js`` repeats these functions line by line: keep the order of
every sum, so that both sides add the same floating-point numbers in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Understood:
    """What the matcher takes from an ask: its terms and the themes, regions and needs it names."""

    terms: tuple[str, ...]
    """Unique index terms the atlas knows, in order of first occurrence."""
    words: dict[str, str]
    """The word as typed for each term (its first occurrence), for the reasons."""
    themes: tuple[str, ...]
    related: tuple[str, ...]
    regions: tuple[str, ...]
    needs: tuple[str, ...]
    domain: str | None


def text_contributions(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[tuple[str, float]]:
    """BM25 per query term the entry contains, in query order."""
    weights: dict[str, float] = data["weights"]
    k1, b = weights["k1"], weights["b"]
    norm = k1 * (1 - b + b * doc["length"] / data["average_length"])
    contributions = []
    for term in understood.terms:
        tf = doc["terms"].get(term)
        if tf:
            contributions.append((term, data["idf"][term] * tf * (k1 + 1) / (tf + norm)))
    return contributions


def text_part(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> float:
    """Saturating: half of the weight at ``text_half``, the BM25 sum of a typical term matched well."""
    total = 0.0
    for _, contribution in text_contributions(doc, understood, data):
        total += contribution
    if total == 0:
        return 0.0
    weight: float = data["weights"]["text"]
    half: float = data["text_half"]
    return weight * total / (total + half)


def switchboard_of(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    """The asker's regions whose schakelfunctie this partner leads."""
    if doc["type"] != "partner":
        return []
    return [region for region in understood.regions if data["regions"].get(region, {}).get("trekker") == doc["id"]]


def theme_part(doc: dict[str, Any], understood: Understood, weights: dict[str, float]) -> float:
    shared = [theme for theme in understood.themes if theme in doc["themes"]]
    if shared:
        return weights["theme"] + min(weights["theme_more"] * (len(shared) - 1), weights["theme_more_max"])
    related = [theme for theme in understood.related if theme in doc["themes"]]
    return weights["related"] if related else 0.0


def region_part(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> float:
    weights: dict[str, float] = data["weights"]
    if switchboard_of(doc, understood, data):
        return weights["region"] + weights["switchboard"]
    if not understood.regions:
        return weights["national_anywhere"] if doc["national"] else 0.0
    if any(region in doc["regions"] for region in understood.regions):
        return weights["region"]
    return weights["national"] if doc["national"] else 0.0


def linked_on_themes(doc: dict[str, Any], understood: Understood) -> list[list[Any]]:
    return [link for link in doc["links"] if any(theme in understood.themes for theme in link[3])]


def score_parts(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> dict[str, float]:
    weights: dict[str, float] = data["weights"]
    offered = [need for need in understood.needs if need in doc["offers"]]
    return {
        "text": text_part(doc, understood, data),
        "themes": theme_part(doc, understood, weights),
        "region": region_part(doc, understood, data),
        "offers": min(weights["offer"] * len(offered), weights["offer_max"]),
        "links": min(weights["link"] * len(linked_on_themes(doc, understood)), weights["link_max"]),
        "domain": weights["domain"] if understood.domain and understood.domain in doc["domains"] else 0.0,
    }


def is_result(doc: dict[str, Any], parts: dict[str, float], data: dict[str, Any]) -> bool:
    """Text, themes or links must say something, or the entry works in the asker's region."""
    in_region = parts["region"] >= data["weights"]["region"]
    return parts["text"] > 0 or parts["themes"] > 0 or parts["links"] > 0 or in_region


def total_of(parts: dict[str, float]) -> float:
    """The parts added left to right (``sum`` may compensate, JavaScript and numpy do not)."""
    total = 0.0
    for value in parts.values():
        total += value
    return total
