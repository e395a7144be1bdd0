"""The directly written workbook (spreadsheetml.py) is the workbook openpyxl wrote: the same bytes, and, read back
with openpyxl, the same sheets, cells, styles, panes, widths and properties, on real, synthetic and hostile content."""

from __future__ import annotations

import gc
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from bench.synthetic import write_synthetic_atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.exchange.document import atlas_document
from generator.exchange.sheets import WORKBOOK_NAME, sheet_files, workbook_bytes
from generator.exchange.spreadsheetml import LONGEST_CELL
from generator.exchange.tables import FORMULA_STARTS, header, restored, row
from generator.kinds import KINDS
from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT
from tests.exchange.hostile import CONTROL_CHARACTERS, HOSTILE_CELLS, NOT_XML_CHARACTERS
from tests.exchange.openpyxl_workbook import openpyxl_workbook_bytes

FIXTURE_DOCUMENT = atlas_document(
    gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()), name="Test", site_url="https://x.example/", commit=None
)


def fixture_with(cells: dict[str, str], name: str = "Test") -> dict[str, Any]:
    """The fixture document with ``cells`` as fields of every partner (text fields: one cell each)."""
    entries = [
        {**entry, "data": {**entry["data"], **cells}} if entry["type"] == "partner" else entry
        for entry in FIXTURE_DOCUMENT["entries"]
    ]
    return {**FIXTURE_DOCUMENT, "name": name, "entries": entries}


def workbook_content(raw: bytes) -> dict[str, Any]:
    """Everything a reader sees in a workbook, as openpyxl loads it."""
    workbook = load_workbook(io.BytesIO(raw))
    sheets = {}
    for sheet in workbook.worksheets:
        cells = [
            [(cell.value, cell.data_type, cell.font.bold, cell.quotePrefix, cell.alignment.wrap_text) for cell in cells]
            for cells in sheet.iter_rows()
        ]
        sheets[sheet.title] = {
            "cells": cells,
            "vertical": {cell.alignment.vertical for cells in sheet.iter_rows(min_row=2) for cell in cells},
            "freeze_panes": sheet.freeze_panes,
            "widths": {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()},
            "filter": sheet.auto_filter.ref,
            "dimensions": sheet.dimensions,
        }
    properties = workbook.properties
    return {
        "sheets": sheets,
        "properties": (properties.creator, properties.title, properties.created, properties.modified),
    }


def assert_same_workbook(document: dict[str, Any]) -> dict[str, Any]:
    """The new workbook against openpyxl's, by content and by bytes; returns the content."""
    new, old = workbook_bytes(document), openpyxl_workbook_bytes(document)
    content = workbook_content(new)
    assert content == workbook_content(old)
    assert new == old
    return content


def test_the_content_is_the_tables_the_document_makes() -> None:
    """Read back: every value of every row as the table has it, a formula-like text marked as text, the header bold."""
    document = fixture_with({"name": HOSTILE_CELLS[1], "abbreviation": "'al", "expertise": HOSTILE_CELLS[2]})
    content = assert_same_workbook(document)
    assert list(content["sheets"]) == [kind.plural for kind in KINDS]
    for kind in KINDS:
        sheet = content["sheets"][kind.plural]
        table = [row(kind, entry["data"], entry["url"]) for entry in document["entries"] if entry["type"] == kind.key]
        assert [[cell[0] for cell in cells] for cells in sheet["cells"]] == [
            header(kind),
            *([restored(value) or None for value in values] for values in table),
        ]
        assert all(bold and not quoted for _, _, bold, quoted, _ in sheet["cells"][0])
        for cells in sheet["cells"][1:]:
            for value, data_type, bold, quoted, wrapped in cells:
                assert (data_type, bold, wrapped) == ("s" if value else "n", False, True)
                assert quoted == (value is not None and value.startswith(FORMULA_STARTS))
        assert sheet["vertical"] == ({"top"} if table else set())
        assert sheet["freeze_panes"] == "A2"
        assert set(sheet["widths"].values()) == {30}
        assert len(sheet["widths"]) == len(header(kind))
    assert any(quoted for cells in content["sheets"]["Kennispartners"]["cells"] for *_, quoted, _ in cells)
    assert content["properties"][:2] == ("Test", "Test")


@pytest.mark.parametrize("name", ["real", "fixture", "no-entries", "partners-only"])
def test_the_workbook_of_the_content_is_openpyxls(name: str) -> None:
    if name == "real":
        atlas = gather(AtlasConfig(content_dir=REAL_CONTENT).resolve())
        document = atlas_document(atlas, name="Kennisatlas", site_url="https://atlas.example/", commit=None)
    else:
        keep = {"fixture": lambda kind: True, "no-entries": lambda kind: False, "partners-only": "partner".__eq__}
        document = {**FIXTURE_DOCUMENT, "entries": [e for e in FIXTURE_DOCUMENT["entries"] if keep[name](e["type"])]}
    assert_same_workbook(document)


def test_the_workbook_of_a_synthetic_atlas_is_openpyxls(tmp_path: Path) -> None:
    write_synthetic_atlas(tmp_path / "content", 400, seed=7)
    atlas = gather(AtlasConfig(content_dir=tmp_path / "content").resolve())
    assert_same_workbook(atlas_document(atlas, name="Synthetisch", site_url="https://s.example/", commit="c" * 40))


@pytest.mark.parametrize("text", HOSTILE_CELLS, ids=lambda text: repr(text[:24]))
def test_hostile_text_is_kept_as_openpyxl_keeps_it(text: str) -> None:
    content = assert_same_workbook(fixture_with({"name": text, "expertise": text}, name=text[:100]))
    partners = content["sheets"]["Kennispartners"]["cells"]
    # XML reads a carriage return as a line break, in openpyxl's file as in this one.
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert {cells[1][0] for cells in partners[1:]} == {expected[:LONGEST_CELL]}
    assert content["properties"][0] == expected[:100]


@pytest.mark.parametrize("character", CONTROL_CHARACTERS, ids=lambda character: f"U+{ord(character):04X}")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_control_character_is_refused_as_openpyxl_refuses_it(character: str) -> None:
    document = fixture_with({"expertise": f"voor{character}na"})
    with pytest.raises(IllegalCharacterError) as old:
        openpyxl_workbook_bytes(document)
    with pytest.raises(IllegalCharacterError) as new:
        workbook_bytes(document)
    assert str(new.value) == str(old.value)
    del old  # openpyxl's half-written sheet complains when collected: here, not in the next test
    gc.collect()


def test_a_control_character_past_the_longest_cell_is_cut_off_as_openpyxl_cuts_it() -> None:
    document = fixture_with({"expertise": "x" * LONGEST_CELL + "\x07"})
    assert workbook_bytes(document) == openpyxl_workbook_bytes(document)


@pytest.mark.parametrize("character", NOT_XML_CHARACTERS, ids=lambda character: f"U+{ord(character):04X}")
def test_a_character_xml_cannot_hold_is_left_out_of_its_cell(character: str) -> None:
    """openpyxl wrote these into a file no program opens (or failed); here the cell keeps the rest of its text."""
    raw = workbook_bytes(fixture_with({"name": f"{character}voor{character}na{character}"}))
    assert raw == openpyxl_workbook_bytes(fixture_with({"name": "voorna"}))
    assert all(cells[1].value == "voorna" for cells in load_workbook(io.BytesIO(raw))["Kennispartners"].iter_rows(2))


def test_sheet_files_writes_the_same_workbook_twice() -> None:
    document = fixture_with({"name": HOSTILE_CELLS[0]})
    first, second = sheet_files(document), sheet_files(document)
    assert first[WORKBOOK_NAME] == second[WORKBOOK_NAME] == workbook_bytes(document)


XML_TEXT = st.text(
    st.characters(codec="utf-8", blacklist_characters="".join(CONTROL_CHARACTERS) + "\ufffe\uffff")
    | st.sampled_from("=+-@'\r\n <>&]"),
    max_size=30,
)


@given(XML_TEXT, XML_TEXT, XML_TEXT)
@settings(max_examples=40, deadline=None)
def test_any_text_gives_openpyxls_bytes(name: str, expertise: str, title: str) -> None:
    document = fixture_with({"name": name, "expertise": expertise}, name=title)
    assert workbook_bytes(document) == openpyxl_workbook_bytes(document)
