"""The catalog the search page loads first: columns, joined ids and titles, ids the page can derive."""

from __future__ import annotations

import json
import threading

import pytest

from generator.build import gather
from generator.config import AtlasConfig
from generator.search import lunrindex
from generator.search.documents import SearchDocument, search_documents
from generator.search.searchindex import (
    DIGIT_ZERO,
    alphabetical_key,
    catalog_id,
    digits,
    joined,
    render_search_index,
    title_slug,
)

ATLAS = gather(AtlasConfig().resolve())
DOCUMENTS = search_documents(ATLAS)
CATALOG = json.loads(render_search_index(ATLAS)["search/catalog.json"])


def document(title: str, entry_id: str) -> SearchDocument:
    return SearchDocument(kind="partner", id=entry_id, title=title, keywords="", text="")


@pytest.mark.parametrize(
    ("title", "entry_id", "in_catalog"),
    [
        ("Hogeschool Utrecht", "hogeschool-utrecht", ""),
        ("Vergunningverlening, toezicht en handhaving (VTH)", "vergunningverlening-toezicht-en-handhaving-vth", ""),
        ("  2020: Onderzoek -- regio's  ", "2020-onderzoek-regio-s", ""),
        ("Planbureau voor de Leefomgeving", "pbl", "pbl"),
        ("Provincie Fryslân", "provincie-fryslan", "provincie-fryslan"),  # not ASCII: kept
        ("Café de Zon", "cafe-de-zon", "cafe-de-zon"),
    ],
)
def test_catalog_leaves_out_ids_that_the_ascii_title_gives(title: str, entry_id: str, in_catalog: str) -> None:
    assert catalog_id(document(title, entry_id)) == in_catalog


def test_title_slug_is_lowercase_with_single_dashes() -> None:
    assert title_slug("Langer  thuis wonen (LTW)!") == "langer-thuis-wonen-ltw"


def test_joined_puts_each_text_on_one_line() -> None:
    assert joined(["a\nb", " c\t d ", ""]).split("\n") == ["a b", "c d", ""]


def test_catalog_columns_hold_every_document_in_order() -> None:
    count = len(DOCUMENTS)
    assert CATALOG["count"] == count
    titles = CATALOG["title"].split("\n")
    ids = [CATALOG["id"].get(str(ref)) or title_slug(title) for ref, title in enumerate(titles)]
    assert ids == [d.id for d in DOCUMENTS]
    assert titles == [" ".join(d.title.split()) for d in DOCUMENTS]
    assert 0 < len(CATALOG["id"]) < count  # the real content has both kinds of id
    for facet, column in CATALOG["facets"].items():
        if isinstance(column, str):
            assert len(column) == count, facet
        else:
            assert len(column["count"]) == count, facet
            assert sum(numbers(column["count"])) == len(column["values"]), facet
    national = CATALOG["keys"]["region"].index("landelijk")
    regions = CATALOG["facets"]["region"]
    assert min(numbers(regions["count"])) >= 1  # no region: filed under landelijk
    assert national in numbers(regions["values"])
    assert numbers(CATALOG["facets"]["type"])[0] == CATALOG["keys"]["type"].index(DOCUMENTS[0].kind)


def numbers(column: str) -> list[int]:
    return [ord(character) - DIGIT_ZERO for character in column]


@pytest.mark.parametrize(("values", "text"), [([0, 1, 9, 10], "019:"), ([-1, 2], "/2"), ([], "")])
def test_digits_are_characters_from_zero(values: list[int], text: str) -> None:
    assert digits(values) == text


def test_digits_refuse_numbers_that_would_be_surrogates() -> None:
    with pytest.raises(ValueError, match="too many values"):
        digits([0xD800])


@pytest.mark.parametrize("threads", [1, 2], ids=["fork", "forkserver"])
def test_worker_processes_build_the_same_files_as_one_process(monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    """The index files of a large atlas come from worker processes (forked, or from a forkserver when
    this process runs threads); they must equal what one process builds, byte for byte."""
    one_process = render_search_index(ATLAS, workers=1)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    in_workers = render_search_index(ATLAS, workers=2)
    assert in_workers == one_process
    assert list(in_workers) == list(one_process)


def test_large_atlases_use_every_core_and_small_ones_one_process() -> None:
    assert lunrindex.worker_count(lunrindex.PARALLEL_FROM - 1) == 1
    assert lunrindex.worker_count(lunrindex.PARALLEL_FROM) == lunrindex.available_cores()


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Fryslân", "Friesland", "Flevoland"], ["Flevoland", "Friesland", "Fryslân"]),
        (["zorg", "Wonen", "Ämter"], ["Ämter", "Wonen", "zorg"]),
        (["Édé", "ede", "Ede"], ["Ede", "ede", "Édé"]),
    ],
)
def test_alphabetical_key_ignores_case_and_accents_first(labels: list[str], expected: list[str]) -> None:
    assert sorted(labels, key=alphabetical_key) == expected


def test_catalog_keys_are_in_the_alphabetical_order_of_their_labels() -> None:
    """The page breaks ties between equal facet counts by catalog order, without a collator."""
    for facet, keys in CATALOG["keys"].items():
        names = [CATALOG["labels"][facet][key] for key in keys]
        assert names == sorted(names, key=alphabetical_key), facet
