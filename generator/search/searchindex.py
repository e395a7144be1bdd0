"""Render the prebuilt search index: names for the whole atlas in parts by first letter, full-text shards per region.

- ``search/catalog.json``: by column, every document's id, title and facet
  values (as positions in the catalog's key lists), the labels of every facet
  value and the list of shards;
- ``search/names-<two letters>.json``: a lunr index of titles and the entries'
  own other names (abbreviations, synonyms), split by the first two letters of
  its terms (``termsplit``): the page loads the pairs of the words typed;
- ``search/names-<letter>.json``: the same index split by first letter only,
  for a fuzzy lookup, which may change any letter but the first;
- ``search/text-<shard>.json``: lunr indexes of the prose, one per region plus
  ``landelijk``, loaded only when a region filter or a full-text search needs them;
- ``search/snippets-<n>.json``: the result snippets of refs n·SNIPPET_CHUNK up to
  the next chunk, {ref: text}, loaded for the results on screen after they are
  shown. Small chunks by ref, not by region: one page of results spans many
  regions, and per-region files made it fetch most of the atlas.

Refs are positions in the catalog, so results from any shard meet in one list.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..atlas import Atlas
from ..kinds import KINDS
from ..vocab import Domain, Level, QuestionStatus, ResearchStatus
from .documents import NATIONAL, SearchDocument, search_documents
from .lunrindex import index_files, to_json
from .termsplit import PARTS

CATALOG_VERSION = 2
SNIPPET_CHUNK = 100


def alphabetical_key(label: str) -> tuple[str, str]:
    """Dutch alphabetical order, near enough to the browser's ``Intl.Collator("nl")``: case and
    accents count only between labels that are otherwise equal ("Fryslân" beside "Friesland")."""
    decomposed = unicodedata.normalize("NFKD", label)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold(), label


def alphabetical(values: dict[str, str]) -> dict[str, str]:
    return dict(sorted(values.items(), key=lambda item: (alphabetical_key(item[1]), item[0])))


def labels(atlas: Atlas) -> dict[str, dict[str, str]]:
    """{facet: {value: label}}, each facet's values in the alphabetical order of their labels: the page
    lists facet values with equal counts in catalog order, so it needs no collator (creating the first
    ``Intl.Collator("nl")`` cost 35–80 ms in Chromium here, on the way to the first result)."""
    statuses = {s.value: s.label for s in (*QuestionStatus, *ResearchStatus)}
    facets = {
        "type": {kind.key: kind.singular for kind in KINDS},
        "theme": {theme.id: theme.name for theme in atlas.of("theme")},
        "region": {NATIONAL: "Landelijk", **{region.id: region.name for region in atlas.of("region")}},
        "level": {level.value: level.label for level in Level},
        "domain": {domain.value: domain.label for domain in Domain},
        "status": statuses,
    }
    return {facet: alphabetical(values) for facet, values in facets.items()}


DIGIT_ZERO = ord("0")
"""Column numbers travel as characters: number n as chr(DIGIT_ZERO + n), none (-1) as "/"."""


def digits(numbers: Iterable[int]) -> str:
    """Small numbers as one string: the browser parses a string of 20,000 characters much faster
    than an array of 20,000 numbers, and reads them back with charCodeAt."""
    text = "".join(chr(DIGIT_ZERO + number) for number in numbers)
    if text and max(map(ord, text)) >= 0xD800:  # surrogates are not characters of their own
        raise ValueError("too many values for one facet column")
    return text


def columns(documents: list[SearchDocument], keys: dict[str, list[str]]) -> dict[str, Any]:
    """Facet values as positions in ``keys``, one column per facet, as ``digits``: where a row per
    entry made 20,000 objects before the first result. Single-valued facets are one string (-1 for
    none); several values are ``{"count": …, "values": …}``: entry n has ``count[n]`` values, in
    order, in ``values``."""
    position = {facet: {key: i for i, key in enumerate(values)} for facet, values in keys.items()}

    def single(facet: str, values: list[str]) -> str:
        return digits(position[facet][value] if value else -1 for value in values)

    def multiple(facet: str, lists: list[list[str]]) -> dict[str, str]:
        flat = (position[facet][value] for values in lists for value in values)
        return {"count": digits(len(values) for values in lists), "values": digits(flat)}

    return {
        "type": single("type", [d.kind for d in documents]),
        "region": multiple("region", [d.shards for d in documents]),
        "theme": multiple("theme", [d.themes for d in documents]),
        "level": single("level", [d.level for d in documents]),
        "domain": multiple("domain", [d.domains for d in documents]),
        "status": single("status", [d.status for d in documents]),
    }


def joined(texts: Iterable[str]) -> str:
    """Texts as one string, a line each: the browser parses one long JSON string much faster than
    20,000 short ones (about 60 ms less on the way to the first result, measured in Chromium)."""
    return "\n".join(" ".join(text.split()) for text in texts)


_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


def title_slug(title: str) -> str:
    """The id most entries have: their title in lowercase, with dashes. The page computes the same
    (``titleSlug`` in search.js); for ASCII titles both languages agree exactly."""
    return _NOT_IN_SLUG.sub("-", title.lower()).strip("-")


def catalog_id(document: SearchDocument) -> str:
    """ "" when the page can make the id from the title itself, as for most entries."""
    derivable = document.title.isascii() and title_slug(document.title) == document.id
    return "" if derivable else document.id


def catalog(atlas: Atlas, documents: list[SearchDocument], shard_sizes: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Everything the page needs before its first result besides the names index, by column: titles as one
    string (``joined``), ids only where the title does not give them (``catalog_id``), by ref.
    An entry without a region is filed under ``landelijk``, as in the full-text shards."""
    facet_labels = labels(atlas)
    keys = {facet: list(values) for facet, values in facet_labels.items()}
    return {
        "version": CATALOG_VERSION,
        "count": len(documents),
        "id": {str(ref): entry_id for ref, d in enumerate(documents) if (entry_id := catalog_id(d))},
        "title": joined(d.title for d in documents),
        "facets": columns(documents, keys),
        "keys": keys,
        "sections": {kind.key: kind.section for kind in KINDS},
        "labels": facet_labels,
        "names": list(PARTS),
        "shards": {shard: {"file": f"text-{shard}.json", **sizes} for shard, sizes in shard_sizes.items()},
        "snippetChunk": SNIPPET_CHUNK,
    }


def snippet_files(documents: list[SearchDocument]) -> dict[str, str]:
    chunks: dict[int, dict[str, str]] = defaultdict(dict)
    for position, document in enumerate(documents):
        if document.snippet:
            chunks[position // SNIPPET_CHUNK][str(position)] = document.snippet
    return {f"search/snippets-{chunk}.json": to_json(snippets) for chunk, snippets in sorted(chunks.items())}


def render_search_index(atlas: Atlas, workers: int | None = None) -> dict[str, str]:
    """{docs path: JSON text} for the catalog and every index shard; ``workers`` as in ``index_files``."""
    documents = search_documents(atlas)
    files, sizes = index_files(documents, workers)
    files.update(snippet_files(documents))
    files["search/catalog.json"] = to_json(catalog(atlas, documents, sizes))
    return files
