"""lunr.py with our Dutch pipeline ↔ lunr.js with lunr.nl (the vendored copies the site ships), run in node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lunr.exceptions import QueryParseError
from lunr.index import Index

from generator.build import gather
from generator.config import AtlasConfig
from generator.search.documents import search_documents
from generator.search.lunr_nl import STOP_WORDS, dutch_builder, stem, trim
from generator.search.lunrbuild import DutchBuilder
from generator.search.lunrindex import build_index, name_rows, names_index
from generator.search.searchindex import render_search_index

JS = Path(__file__).parent.parent / "js"
VENDOR = Path(__file__).parent.parent.parent / "generator" / "assets" / "vendor"
NODE = shutil.which("node")

WORDS = [
    "gemeenten",
    "gemeente",
    "mantelzorgers",
    "mantelzorg",
    "klimaatadaptatie",
    "hittestress",
    "wateroverlast",
    "planbureaus",
    "planbureau",
    "kennispartners",
    "ouderen",
    "inwonersparticipatie",
    "verdroging",
    "droogte",
    "café",
    "covid19",
    "Fryslân",
    "coöperatie",
    "financiële",
    "2020",
    "(onderzoek)",
    '"vraag"',
    "…landelijk…",
    "quizvraag",
    "yoga",
    "xenofobie",
    "de",
    "het",
    "een",
    "zijn",
    "wonen",
    "gezondheid",
    "regio's",
    "één",
    "naïef",
]
QUERIES = [
    "friesland",
    "mantelzorgers",
    "klimaat",
    "klimaat*",
    "corona",
    "planbureau",
    "planbureaus~1",
    "hittestress",
    "gemeenten",
    "langer thuis wonen",
    "+droogte wonen",
    "title:mantelzorg",
    "klimaatadaptaie~2",
    "Fryslân",
    "onderzoek -corona",
    "utrecht^10 sociaal",
    "café",
    "covid19",
]


def node(script: str, *args: str) -> Any:
    if NODE is None:
        pytest.fail("node ontbreekt: de compatibiliteitstest draait lunr.js in node")
    output = subprocess.run([NODE, str(JS / script), str(VENDOR), *args], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def test_pipeline_functions_match_lunr_nl(tmp_path: Path) -> None:
    words_file = tmp_path / "words.json"
    words_file.write_text(json.dumps(WORDS), encoding="utf-8")
    expected = node("lunr_pipeline.js", str(words_file))
    for word, (trimmed, kept, stemmed) in zip(WORDS, expected, strict=True):
        assert trim(word) == trimmed, word
        assert (trim(word) not in STOP_WORDS) == kept, word
        assert stem(trim(word)) == stemmed, word


def test_trimmer_keeps_accents_and_digits() -> None:
    assert trim("café") == "café"
    assert trim("covid19") == "covid19"
    assert trim("(Fryslân)") == "Fryslân"


ATLAS = gather(AtlasConfig().resolve())
WHOLE_NAMES = "names index before its split by first letter"
INDEX_FILES = {
    **render_search_index(ATLAS),
    WHOLE_NAMES: json.dumps(names_index(name_rows(search_documents(ATLAS)))),
}
EMPTY = '"invertedIndex":[]'


def _is_lunr_index(name: str) -> bool:
    return name.startswith(("search/names-", "search/text-", WHOLE_NAMES))


# Every part with terms, and one without: the empty ones are alike.
LUNR_INDEXES = sorted(n for n in INDEX_FILES if _is_lunr_index(n) and EMPTY not in INDEX_FILES[n].replace(" ", ""))
LUNR_INDEXES.append(min(n for n in INDEX_FILES if _is_lunr_index(n) and n not in LUNR_INDEXES))


@pytest.fixture(scope="module")
def in_javascript(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """{index name: {query: refs}} from lunr.js, for every index in one node run."""
    folder = tmp_path_factory.mktemp("lunr")
    indexes_file = folder / "indexes.json"
    indexes = {name: json.loads(INDEX_FILES[name]) for name in LUNR_INDEXES}
    indexes_file.write_text(json.dumps(indexes), encoding="utf-8")
    queries_file = folder / "queries.json"
    queries_file.write_text(json.dumps(QUERIES), encoding="utf-8")
    return dict(node("lunr_search.js", str(indexes_file), str(queries_file)))


@pytest.mark.parametrize("name", LUNR_INDEXES)
def test_same_refs_in_python_and_javascript(in_javascript: dict[str, Any], name: str) -> None:
    index = Index.load(json.loads(INDEX_FILES[name]))
    for query in QUERIES:
        try:
            in_python: Any = [result["ref"] for result in index.search(query)]
        except QueryParseError:
            in_python = {"error": "QueryParseError"}
        assert in_python == in_javascript[name][query], query
    if name == WHOLE_NAMES:
        assert (
            sum(len(refs) for refs in in_javascript[name].values() if isinstance(refs, list)) > 50
        )  # they find things


def _serialized(builder: Any, rows: list[tuple[str, dict[str, str]]]) -> str:
    fields = {"title": 10, "keywords": 3, "text": 1}
    return json.dumps(build_index(fields, rows, builder), sort_keys=True)


def test_fast_builder_serializes_exactly_what_lunr_py_builds() -> None:
    documents = search_documents(ATLAS)
    rows = [(str(i), {"title": d.title, "keywords": d.keywords, "text": d.text}) for i, d in enumerate(documents)]
    rows.append(("leeg", {"title": "de het een", "keywords": "", "text": "(café) covid19 — Fryslân's"}))
    assert _serialized(DutchBuilder(), rows) == _serialized(dutch_builder(), rows)
