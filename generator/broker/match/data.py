"""The match data: everything the matcher reads, as plain JSON-ready values.

``atlas match``, the question pages and the question form in the browser all score over
this one structure; the build writes it to ``broker/match.json``. Whatever the browser
would have to compute in a different way (the inverse document frequencies, which need a
logarithm) is computed here once, so that both sides add and multiply the same numbers.

Shape: ``weights`` (the method's constants), ``themes`` {id: {name, related, domains}},
``regions`` {id: {name, trekker}}, ``offers`` and ``domains`` {value: label},
``phrases`` [[kind, id, [terms]]], ``filler`` [terms the text part skips], ``idf`` {term: number},
``text_half``, ``average_length`` and ``docs``: one per entry that can be recommended, with its
weighted term frequencies and what it is linked to.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from typing import Any

from ...atlas import Atlas
from ...derive import Links, field_value, label
from ...kinds import KIND_BY_KEY
from ...search.documents import plain_text
from ...search.lunrbuild import index_terms
from ...vocab import Domain, Level, Offer, PartnerKind
from .recognise import need_phrases, phrases_for

MATCHED_KINDS = ("partner", "practice", "research", "network", "question", "event")
"""Kinds a question can be matched to. Themes and regions are recognised, not recommended."""

LINKED_KINDS = ("practice", "research", "network", "question")
"""What a partner's own links are counted from: the practices, research, networks and questions it is in."""

WEIGHTS: dict[str, float] = {
    "k1": 1.2,  # BM25 term saturation
    "b": 0.75,  # BM25 length normalisation
    "text": 4.0,  # the text part approaches this for a strong text match
    "theme": 2.0,  # first shared theme
    "theme_more": 0.5,  # every further shared theme
    "theme_more_max": 1.0,
    "related": 0.75,  # a related theme (only when no theme is shared)
    "region": 2.0,  # active in the asker's region
    "national": 0.75,  # national, when the asker named a region
    "national_anywhere": 0.5,  # national, when the asker named no region
    "offer": 0.75,  # per need the partner offers
    "offer_max": 1.5,
    "link": 0.5,  # per linked practice, research, network or question on the asker's themes
    "link_max": 1.5,
    "domain": 0.25,  # same domain as asked
    "switchboard": 0.5,  # leads the schakelfunctie of the asker's region (trekker)
}

FILLER_WORDS = (
    "hoe wat wie waar waarom wanneer welk welke kan kunnen kun moet moeten wil willen zou zouden gaan gaat "
    "heeft hebben hebt krijg krijgen maak maken doe doen weet weten vind vinden zoek zoeken graag vraag "
    "vragen iemand iets mensen goed goede beter manier hulp helpen help ons onze onzelf je jullie we wij "
    "provincie regio elkaar zodat omdat daarbij daarvoor ervoor eigen steeds vaak nieuw nieuwe veel meer minder "
    "ander andere"
)
"""Words every question has; they say nothing about what it is about, so the text part skips them."""

FIELD_WEIGHTS = {"name": 3, "keywords": 2, "prose": 1}
PROSE_FIELDS = ("summary", "description", "expertise", "who", "what", "needs", "context", "answer")
PROSE_WORDS = 120
KNOWLEDGE_KINDS = {
    PartnerKind.PLANBUREAU,
    PartnerKind.KENNISINSTITUUT,
    PartnerKind.UNIVERSITEIT,
    PartnerKind.HOGESCHOOL,
    PartnerKind.ADVIESRAAD,
}


def _values(items: Any) -> list[str]:
    return [str(item.value) for item in items or []]


def field_texts(entity: Any) -> dict[str, list[str | None]]:
    """The entry's text by weight class: its name, its other names, its prose."""
    keywords = [field_value(entity, "abbreviation"), *field_value(entity, "synonyms", [])]
    keywords.append(field_value(entity, "question"))
    prose = plain_text(*(field_value(entity, name) for name in PROSE_FIELDS), words=PROSE_WORDS)
    return {"name": [label(entity)], "keywords": keywords, "prose": [prose]}


def weighted_terms(entity: Any) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for field, texts in field_texts(entity).items():
        for text in texts:
            for term in index_terms(text):
                counts[term] += FIELD_WEIGHTS[field]
    return dict(sorted(counts.items()))


def national_reason(kind: str, entity: Any) -> str:
    """How a national entry is described in its reasons."""
    if kind != "partner":
        return "landelijk"
    return "landelijke kennisinstelling" if entity.kind in KNOWLEDGE_KINDS else "landelijke organisatie"


def is_national(kind: str, entity: Any, regions: list[str]) -> bool:
    if kind == "partner":
        return bool(entity.level == Level.LANDELIJK)
    return not regions


def document(kind: str, entity: Any, links: Links) -> dict[str, Any]:
    regions = sorted(links.linked_ids(kind, entity.id, "region"))
    terms = weighted_terms(entity)
    doc: dict[str, Any] = {
        "type": kind,
        "id": entity.id,
        "name": label(entity),
        "url": f"{KIND_BY_KEY[kind].section}/{entity.id}/",
        "terms": terms,
        "length": sum(terms.values()),
        "themes": sorted(links.linked_ids(kind, entity.id, "theme")),
        "regions": regions,
        "national": is_national(kind, entity, regions),
        "national_reason": national_reason(kind, entity),
        "offers": _values(field_value(entity, "offers")),
        "domains": _values(field_value(entity, "domains")),
        "links": [],
    }
    if kind == "partner":
        doc["links"] = [
            [linked_kind, linked.id, label(linked), sorted(links.linked_ids(linked_kind, linked.id, "theme"))]
            for linked_kind in LINKED_KINDS
            for linked in links.linked("partner", entity.id, linked_kind)
        ]
    return doc


def inverse_document_frequencies(docs: list[dict[str, Any]]) -> dict[str, float]:
    """BM25's idf: ln(1 + (N − df + ½) / (df + ½))."""
    frequencies: Counter[str] = Counter(term for doc in docs for term in doc["terms"])
    total = len(docs)
    return {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in sorted(frequencies.items())}


def match_data(atlas: Atlas, links: Links | None = None) -> dict[str, Any]:
    """The whole match data of one atlas."""
    links = links or Links(atlas)
    docs = [document(kind, entity, links) for kind in MATCHED_KINDS for entity in atlas.of(kind)]
    themes = atlas.of("theme")
    regions = atlas.of("region")
    phrases = [
        *(p for t in themes for p in phrases_for("theme", t.id, [t.name, *t.synonyms])),
        *(p for r in regions for p in phrases_for("region", r.id, [r.name, *r.synonyms])),
        *need_phrases(),
    ]
    idf = inverse_document_frequencies(docs)
    return {
        "weights": WEIGHTS,
        "themes": {
            t.id: {
                "name": t.name,
                "related": sorted(links.linked_ids("theme", t.id, "theme")),
                "domains": _values(t.domains),
            }
            for t in themes
        },
        "regions": {r.id: {"name": r.name, "trekker": r.trekker} for r in regions},
        "offers": {offer.value: offer.label for offer in Offer},
        "domains": {domain.value: domain.label for domain in Domain},
        "phrases": [[kind, key, list(terms)] for kind, key, terms in phrases],
        "filler": sorted(set(index_terms(FILLER_WORDS))),
        "idf": idf,
        "text_half": (WEIGHTS["k1"] + 1) * statistics.median(idf.values()) if idf else 1.0,
        "average_length": sum(doc["length"] for doc in docs) / len(docs) if docs else 1.0,
        "docs": docs,
    }
