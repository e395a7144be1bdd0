"""The scorer of ``score.py`` over every entry at once, in numpy columns: for many questions.

A national atlas asks thousands of questions at build time (the question pages, the signals),
and each can touch most of its 20,000 entries. Scoring them one by one in Python takes a
second per question; as columns it takes about a millisecond. Every part is computed with
the same floating-point operations in the same order as ``score.py``, so the totals are equal
to the last bit and the ranking is the same (``tests/broker/test_columns.py``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
import numpy.typing as npt

from .score import Understood

Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]


class Columns:
    """Per-entry columns of the match data: term contributions, themes, regions, offers, links."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.weights: dict[str, float] = data["weights"]
        docs: list[dict[str, Any]] = data["docs"]
        self.size = len(docs)
        self.types = np.array([doc["type"] for doc in docs], dtype=object)
        self.national = np.array([doc["national"] for doc in docs], dtype=bool)
        self.contributions = self._contributions(docs)
        self.themes = self._flags(docs, "themes")
        self.regions = self._flags(docs, "regions")
        self.offers = self._flags(docs, "offers")
        self.domains = self._flags(docs, "domains")
        self.theme_bits = {theme: bit for bit, theme in enumerate(sorted(data["themes"]))}
        self.words = max(1, (len(self.theme_bits) + 63) // 64)
        self.link_owners, self.link_masks = self._links(docs)
        number = {(doc["type"], doc["id"]): index for index, doc in enumerate(docs)}
        self.trekkers = {
            region: number[("partner", info["trekker"])]
            for region, info in data["regions"].items()
            if ("partner", info.get("trekker")) in number
        }

    def _contributions(self, docs: list[dict[str, Any]]) -> dict[str, tuple[npt.NDArray[np.intp], Floats]]:
        """BM25 per (term, entry), with ``score.text_contributions``' formula."""
        k1, b = self.weights["k1"], self.weights["b"]
        average, idf = self.data["average_length"], self.data["idf"]
        columns: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for index, doc in enumerate(docs):
            norm = k1 * (1 - b + b * doc["length"] / average)
            for term, tf in doc["terms"].items():
                entries, values = columns[term]
                entries.append(index)
                values.append(idf[term] * tf * (k1 + 1) / (tf + norm))
        return {term: (np.array(e, dtype=np.intp), np.array(v, dtype=np.float64)) for term, (e, v) in columns.items()}

    def _flags(self, docs: list[dict[str, Any]], name: str) -> dict[str, Flags]:
        flags: dict[str, Flags] = defaultdict(lambda: np.zeros(self.size, dtype=bool))
        for index, doc in enumerate(docs):
            for value in doc[name]:
                flags[value][index] = True
        return dict(flags)

    def _links(self, docs: list[dict[str, Any]]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.uint64]]:
        """Who each link belongs to, and its themes as bits (one row per link)."""
        owners = [index for index, doc in enumerate(docs) for _ in doc["links"]]
        masks = np.array([self.mask(link[3]) for doc in docs for link in doc["links"]], dtype=np.uint64)
        return np.array(owners, dtype=np.intp), masks.reshape(len(owners), self.words)

    def mask(self, themes: Any) -> npt.NDArray[np.uint64]:
        bits = np.zeros(self.words, dtype=np.uint64)
        for theme in themes:
            if theme in self.theme_bits:
                word, bit = divmod(self.theme_bits[theme], 64)
                bits[word] |= np.uint64(1) << np.uint64(bit)
        return bits

    def count(self, flags: dict[str, Flags], values: tuple[str, ...]) -> npt.NDArray[np.int64]:
        found = np.zeros(self.size, dtype=np.int64)
        for value in values:
            if value in flags:
                found += flags[value]
        return found

    def text(self, understood: Understood) -> Floats:
        total = np.zeros(self.size, dtype=np.float64)
        for term in understood.terms:
            entries, values = self.contributions[term]
            total[entries] += values
        with np.errstate(invalid="ignore", divide="ignore"):
            part = self.weights["text"] * total / (total + self.data["text_half"])
        return np.where(total == 0, 0.0, part)

    def theme(self, understood: Understood) -> Floats:
        w = self.weights
        shared = self.count(self.themes, understood.themes)
        related = self.count(self.themes, understood.related) > 0
        more = np.minimum(w["theme_more"] * (shared - 1), w["theme_more_max"])
        return np.where(shared > 0, w["theme"] + more, np.where(related, w["related"], 0.0))

    def region(self, understood: Understood) -> Floats:
        w = self.weights
        if understood.regions:
            inside = self.count(self.regions, understood.regions) > 0
            part = np.where(inside, w["region"], np.where(self.national, w["national"], 0.0))
        else:
            part = np.where(self.national, w["national_anywhere"], 0.0)
        for region in understood.regions:
            if region in self.trekkers:
                part[self.trekkers[region]] = w["region"] + w["switchboard"]
        return part

    def links(self, understood: Understood) -> Floats:
        w = self.weights
        hits = (self.link_masks & self.mask(understood.themes)).any(axis=1)
        counts = np.bincount(self.link_owners[hits], minlength=self.size)
        part: Floats = np.minimum(w["link"] * counts, w["link_max"])
        return part

    def of_type(self, *types: str) -> Flags:
        found: Flags = np.isin(self.types, types)
        return found

    def ranked(self, wanted: Flags, total: Floats, limit: int) -> list[int]:
        """The first ``limit`` wanted entries by total, ties in match-data order (as ``Matcher.rank``)."""
        candidates = np.flatnonzero(wanted)
        scores = total[candidates]
        if 0 < limit < len(candidates):
            # Only the entries scoring at least the limit-th best can be among the first: sorting all the
            # candidates (thousands in a national atlas, for three places) was most of a question's help.
            lowest = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            kept = scores >= lowest
            candidates, scores = candidates[kept], scores[kept]
        order = np.lexsort((candidates, -scores))[:limit]
        return [int(number) for number in candidates[order]]

    def parts(self, understood: Understood) -> dict[str, Floats]:
        """Every part for every entry, as ``score.score_parts`` makes them for one."""
        w = self.weights
        offered = self.count(self.offers, understood.needs)
        domain = self.domains.get(understood.domain or "", np.zeros(self.size, dtype=bool))
        return {
            "text": self.text(understood),
            "themes": self.theme(understood),
            "region": self.region(understood),
            "offers": np.minimum(w["offer"] * offered, w["offer_max"]),
            "links": self.links(understood),
            "domain": np.where(domain, w["domain"], 0.0),
        }


def totals(parts: dict[str, Floats]) -> Floats:
    """Left to right, as ``score.total_of``."""
    total = np.zeros_like(parts["text"])
    for values in parts.values():
        total = total + values
    return total


def results(columns: Columns, parts: dict[str, Floats]) -> Flags:
    """``score.is_result`` for every entry."""
    in_region = parts["region"] >= columns.weights["region"]
    result: Flags = (parts["text"] > 0) | (parts["themes"] > 0) | (parts["links"] > 0) | in_region
    return result
