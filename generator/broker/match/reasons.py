"""Why an entry matches, in Dutch: one short reason per part that scored."""

from __future__ import annotations

from typing import Any

from .score import Understood, linked_on_themes, switchboard_of, text_contributions

TEXT_WORDS_SHOWN = 3
LINKS_SHOWN = 2
LINK_PHRASES = {
    "practice": "betrokken bij de praktijk",
    "research": "betrokken bij het onderzoek",
    "network": "lid van het netwerk",
    "question": "gekoppeld aan de vraag",
}


def names(ids: list[str], table: dict[str, Any]) -> str:
    return ", ".join(table[key]["name"] for key in ids)


def theme_reasons(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    shared = [theme for theme in understood.themes if theme in doc["themes"]]
    if shared:
        label = "zelfde thema" if len(shared) == 1 else "zelfde thema's"
        return [f"{label}: {names(shared, data['themes'])}"]
    related = [theme for theme in understood.related if theme in doc["themes"]]
    return [f"verwant thema: {names(related[:1], data['themes'])}"] if related else []


def region_reasons(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    led = switchboard_of(doc, understood, data)
    if led:
        return [f"schakelfunctie van {names(led, data['regions'])}"]
    inside = [region for region in understood.regions if region in doc["regions"]]
    if inside:
        verb = "actief in" if doc["type"] in ("partner", "network") else "in"
        return [f"{verb} {names(inside, data['regions'])}"]
    return [doc["national_reason"]] if doc["national"] else []


def offer_reasons(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    offered = [need for need in understood.needs if need in doc["offers"]]
    if not offered:
        return []
    return ["biedt " + ", ".join(data["offers"][need].lower() for need in offered)]


def link_reasons(doc: dict[str, Any], understood: Understood) -> list[str]:
    return [f"{LINK_PHRASES[kind]} {name}" for kind, _, name, _ in linked_on_themes(doc, understood)[:LINKS_SHOWN]]


def text_reasons(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    contributions = text_contributions(doc, understood, data)
    if not contributions:
        return []
    strongest = sorted(contributions, key=lambda item: (-item[1], item[0]))[:TEXT_WORDS_SHOWN]
    return ["past bij je woorden: " + ", ".join(understood.words[term] for term, _ in strongest)]


def reasons_for(doc: dict[str, Any], understood: Understood, data: dict[str, Any]) -> list[str]:
    reasons = [
        *theme_reasons(doc, understood, data),
        *region_reasons(doc, understood, data),
        *offer_reasons(doc, understood, data),
        *link_reasons(doc, understood),
        *text_reasons(doc, understood, data),
    ]
    if understood.domain and understood.domain in doc["domains"]:
        reasons.append(f"zelfde domein: {data['domains'][understood.domain]}")
    return reasons
