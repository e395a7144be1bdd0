"""The CSV files and the workbook: every entry a row, Excel's conventions, the same bytes every time."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from generator.atlas import Atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.exchange.document import atlas_document
from generator.exchange.sheets import (
    FIXED_MOMENT,
    WORKBOOK_NAME,
    _newest_content_date,
    csv_bytes,
    read_csv,
    sheet_files,
    workbook_bytes,
)
from generator.exchange.tables import FORMULA_STARTS, header, neutralised, restored, row
from generator.kinds import KINDS, Kind
from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT
from tests.exchange.openpyxl_workbook import deterministic_zip


@pytest.fixture(scope="module")
def real_atlas() -> Atlas:
    return gather(AtlasConfig(content_dir=REAL_CONTENT).resolve())


@pytest.fixture(scope="module")
def files(real_atlas: Atlas) -> dict[str, bytes]:
    return sheet_files(atlas_document(real_atlas, name="Kennisatlas", site_url="https://atlas.example/", commit=None))


def _content_files(kind: Kind) -> list[str]:
    folder = REAL_CONTENT / kind.folder
    return sorted(path.stem for path in folder.iterdir() if not path.name.startswith("."))


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_each_csv_holds_every_content_file_of_its_kind(files: dict[str, bytes], kind: Kind) -> None:
    for name, separator in ((f"{kind.folder}.csv", ";"), (f"{kind.folder}-komma.csv", ",")):
        raw = files[name]
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.endswith(b"\r\n")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator))
        assert rows[0] == header(kind)
        assert [cells[0] for cells in rows[1:]] == _content_files(kind)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_workbook_has_a_sheet_per_kind_with_every_entry(files: dict[str, bytes], kind: Kind) -> None:
    workbook = load_workbook(io.BytesIO(files[WORKBOOK_NAME]))
    assert workbook.sheetnames == [each.plural for each in KINDS]
    sheet = workbook[kind.plural]
    assert [cell.value for cell in sheet[1]] == header(kind)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [cells[0].value for cells in sheet.iter_rows(min_row=2)] == _content_files(kind)


def test_csv_and_workbook_hold_the_same_cells(files: dict[str, bytes]) -> None:
    workbook = load_workbook(io.BytesIO(files[WORKBOOK_NAME]))
    for kind in KINDS:
        path = Path("memory.csv")
        from_csv = read_csv_bytes(files[f"{kind.folder}.csv"], path)
        from_book = [
            ["" if cell.value is None else str(cell.value) for cell in cells] for cells in workbook[kind.plural]
        ]
        # The workbook keeps a formula-like text as text; the CSV marks it with an apostrophe.
        assert [[cell.removeprefix("'") for cell in cells] for cells in from_csv] == [
            [cell.removeprefix("'") for cell in cells] for cells in from_book
        ]


def read_csv_bytes(raw: bytes, path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_workbook_bytes_depend_on_the_content_only(files: dict[str, bytes], real_atlas: Atlas) -> None:
    archive = zipfile.ZipFile(io.BytesIO(files[WORKBOOK_NAME]))
    assert {info.date_time for info in archive.infolist()} == {FIXED_MOMENT.timetuple()[:6]}
    newest = max(entity.last_reviewed for kind in ("partner", "practice") for entity in real_atlas.of(kind))
    core = archive.read("docProps/core.xml").decode()
    assert f"{newest.isoformat()}T00:00:00Z" in core
    again = sheet_files(atlas_document(real_atlas, name="Kennisatlas", site_url="https://atlas.example/", commit=None))
    assert again == files


def _document_with(data: dict[str, Any]) -> dict[str, Any]:
    atlas = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
    document = atlas_document(atlas, name="Test", site_url="", commit=None)
    for entry in document["entries"]:
        if entry["type"] == "partner":
            entry["data"].update(data)
    return document


def test_formula_like_text_is_never_a_formula(tmp_path: Path) -> None:
    document = _document_with({"name": '=HYPERLINK("https://kwaad.example","klik")'})
    files = sheet_files(document)
    sheet = load_workbook(io.BytesIO(files[WORKBOOK_NAME]))["Kennispartners"]
    cells = [cell for cells in sheet.iter_rows(min_row=2) for cell in cells if cell.column == 2]
    assert {cell.data_type for cell in cells} == {"s"}
    assert all(cell.quotePrefix for cell in cells)
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(files[WORKBOOK_NAME])).read("xl/worksheets/sheet2.xml")
    (tmp_path / "partners.csv").write_bytes(files["partners.csv"])
    rows = read_csv(tmp_path / "partners.csv").rows
    assert all(cells["name"].startswith("'=HYPERLINK") for _, cells in rows)


@pytest.fixture(scope="module")
def scratch_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("csv") / "t.csv"


TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n=+-@';,|\""), max_size=40)


@given(st.lists(TEXTS, min_size=1, max_size=4), st.sampled_from([";", ","]))
@settings(max_examples=80, deadline=None)
def test_any_text_survives_csv_and_neutralising(scratch_csv: Path, texts: list[str], separator: str) -> None:
    """What export writes in a cell, import reads back: quotes, separators, line breaks, formula starts."""
    # Real sheets have many columns: the header's separator tells which one the file uses.
    names = ["id", *(f"c{number}" for number in range(len(texts)))]
    path = scratch_csv
    path.write_bytes(csv_bytes([names, ["x", *(neutralised(text) for text in texts)]], separator))
    [(number, cells)] = read_csv(path).rows
    assert number == 2
    assert [restored(cells[name]) for name in names[1:]] == texts


def cell_by_cell_workbook(document: dict[str, Any]) -> bytes:
    """The workbook as it was made before it was streamed: every cell an object in an ordinary openpyxl workbook,
    styled after all rows were in. The streamed one must be the same file."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for kind in KINDS:
        sheet = workbook.create_sheet(kind.plural)
        table = [header(kind), *[row(kind, e["data"], e["url"]) for e in document["entries"] if e["type"] == kind.key]]
        for values in table:
            sheet.append([restored(value) or None for value in values])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for number in range(1, len(table[0]) + 1):
            sheet.column_dimensions[get_column_letter(number)].width = 30
    moment = _newest_content_date(document)
    workbook.properties.creator = workbook.properties.title = str(document.get("name") or "Kennisatlas")
    workbook.properties.created = workbook.properties.modified = moment
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return deterministic_zip(raw.getvalue())


TRICKY_CELLS = {
    "name": '=HYPERLINK("https://kwaad.example","klik")',
    "abbreviation": "'al met apostrof",
    "expertise": "- een punt\n+31 30 123\n@iemand\n\nmet witregel  ",
    "website": None,
}


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("real", id="real-content"),
        pytest.param("fixture", id="fixture-content"),
        pytest.param("tricky", id="formula-apostrophe-empty-cells"),
        pytest.param("partners-only", id="empty-sheets"),
    ],
)
def test_the_streamed_workbook_is_the_cell_by_cell_workbook_byte_for_byte(real_atlas: Atlas, document: str) -> None:
    if document == "real":
        made = atlas_document(real_atlas, name="Kennisatlas", site_url="https://atlas.example/", commit=None)
    elif document == "fixture":
        made = _document_with({})
    elif document == "tricky":
        made = _document_with({key: value for key, value in TRICKY_CELLS.items() if value is not None})
        for entry in made["entries"]:
            entry["data"].pop("website", None)
    else:
        made = _document_with({})
        made["entries"] = [entry for entry in made["entries"] if entry["type"] == "partner"]
    assert workbook_bytes(made) == cell_by_cell_workbook(made)
