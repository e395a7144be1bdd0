"""The atlas as spreadsheets, and spreadsheets read back: CSV files and an Excel workbook.

``sheet_files`` writes, per kind, ``<folder>.csv`` (UTF-8 with BOM, ``;``-separated, CRLF: what Dutch Excel
opens and writes) and ``<folder>-komma.csv`` (the same with commas), plus ``kennisatlas.xlsx`` with a sheet per
kind. The columns are those of ``tables``. In the workbook a cell Excel would run as a formula is a text cell
marked as text (Excel's own ``'`` prefix), so its value is written as it is; in the CSV files it gets the
apostrophe that ``tables.neutralised`` describes.

The workbook is the same bytes for the same atlas: its dates come from the content, never the clock.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..errors import AtlasError
from ..kinds import KIND_BY_KEY, KINDS, Kind
from . import spreadsheetml
from .tables import header, neutralised, restored, row

WORKBOOK_NAME = "kennisatlas.xlsx"
DIALECTS = {"": ";", "-komma": ","}
"""File name suffix → separator of the CSV twins."""
FIXED_MOMENT = datetime(1980, 1, 1)
"""The zip format's earliest time: for the files inside the workbook, and its dates when the content has none."""
CONTENT_DATES = ("last_reviewed", "updated", "submitted")


class SheetError(AtlasError):
    """A spreadsheet that cannot be read as a table of entries."""


def _rows(document: dict[str, Any], kind: Kind) -> list[list[str]]:
    return [row(kind, entry["data"], entry["url"]) for entry in document["entries"] if entry["type"] == kind.key]


def csv_bytes(table: list[list[str]], separator: str) -> bytes:
    """A table as Excel writes CSV: UTF-8 with BOM, CRLF between rows, quotes only where needed."""
    text = io.StringIO()
    csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows(table)
    return text.getvalue().encode("utf-8-sig")


def _newest_content_date(document: dict[str, Any]) -> datetime:
    found = [entry["data"][name] for entry in document["entries"] for name in CONTENT_DATES if name in entry["data"]]
    return datetime.combine(date.fromisoformat(max(found)), time()) if found else FIXED_MOMENT


def _workbook_sheets(tables: dict[Kind, list[list[str]]]) -> list[tuple[str, list[list[str]]]]:
    """The tables as the workbook holds them: a formula-like text as it is (the workbook marks it as text instead)."""
    return [
        (kind.plural, [table[0], *([restored(value) for value in values] for values in table[1:])])
        for kind, table in tables.items()
    ]


def _workbook(document: dict[str, Any], tables: dict[Kind, list[list[str]]]) -> bytes:
    name = str(document.get("name") or "Kennisatlas")
    return spreadsheetml.workbook_bytes(_workbook_sheets(tables), title=name, moment=_newest_content_date(document))


def workbook_bytes(document: dict[str, Any]) -> bytes:
    """A sheet per kind, named in Dutch; header row bold and frozen (see spreadsheetml.py)."""
    return _workbook(document, {kind: [header(kind), *_rows(document, kind)] for kind in KINDS})


def sheet_files(document: dict[str, Any]) -> dict[str, bytes]:
    """The CSV files of every kind and the workbook, by file name; ``document`` as ``atlas_document`` makes it."""
    files = {}
    tables = {kind: [header(kind), *_rows(document, kind)] for kind in KINDS}
    for kind, table in tables.items():
        for suffix, separator in DIALECTS.items():
            files[f"{kind.folder}{suffix}.csv"] = csv_bytes(table, separator)
    files[WORKBOOK_NAME] = _workbook(document, tables)
    return files


@dataclass
class Sheet:
    """A table read back: its column names and its rows, each with its row number as the spreadsheet shows it."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    """(row, column, message) found while reading, such as a formula in a workbook cell."""


def _cell_text(value: Any) -> str:
    """An Excel value as the text a content file would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(path: Path, columns: list[str], records: Iterator[tuple[int, list[str]]]) -> Sheet:
    duplicates = sorted({name for name in columns if columns.count(name) > 1 and name})
    if duplicates:
        raise SheetError(f"{path}: kolom {', '.join(duplicates)} staat er meer dan eens")
    sheet = Sheet(columns)
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        extra = [index for index, cell in enumerate(cells) if cell.strip() and index >= len(columns)]
        extra += [index for index, name in enumerate(columns) if not name and index < len(cells) and cells[index]]
        for index in extra:
            sheet.problems.append((number, f"kolom {get_column_letter(index + 1)}", "waarde zonder kolomkop"))
        sheet.rows.append(
            (number, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(columns) if name})
        )
    return sheet


def read_csv(path: Path) -> Sheet:
    """A CSV file as Excel or a program writes it: UTF-8 with or without BOM, ``;`` or ``,`` between cells."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError(f"{path}: geen UTF-8; sla het bestand op als 'CSV UTF-8'") from error
    # The header holds field names only, so its separator is the file's.
    separator = ";" if ";" in text.split("\n", 1)[0] else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    if not records:
        raise SheetError(f"{path}: het bestand is leeg")
    columns = [name.strip() for name in records[0]]
    return _table(path, columns, ((number, cells) for number, cells in enumerate(records[1:], start=2)))


def _worksheet(workbook: Any, kind: Kind, path: Path) -> Any:
    """The kind's sheet: by its Dutch or folder name, or the only sheet there is."""
    names = {name.casefold(): name for name in workbook.sheetnames}
    for wanted in (kind.plural, kind.folder):
        if wanted.casefold() in names:
            return workbook[names[wanted.casefold()]]
    if len(workbook.sheetnames) == 1:
        return workbook[workbook.sheetnames[0]]
    raise SheetError(f"{path}: geen blad '{kind.plural}' of '{kind.folder}'; bladen: {', '.join(workbook.sheetnames)}")


def read_workbook(path: Path, kind_key: str) -> Sheet:
    """The kind's sheet of an ``.xlsx`` workbook; a formula cell is reported, not read."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise SheetError(f"{path}: geen leesbaar Excel-bestand (.xlsx): {error}") from error
    try:
        sheet = _worksheet(workbook, KIND_BY_KEY[kind_key], path)
        rows = list(sheet.iter_rows())
    finally:
        workbook.close()
    if not rows:
        raise SheetError(f"{path}: het blad is leeg")
    columns = [_cell_text(cell.value).strip() for cell in rows[0]]
    formulas = [
        (number, columns[index] if index < len(columns) else "", "is een formule; alleen waarden worden ingelezen")
        for number, cells in enumerate(rows[1:], start=2)
        for index, cell in enumerate(cells)
        if getattr(cell, "data_type", None) == "f"
    ]
    records = (
        # A text cell is taken as it is: marked the way export marks CSV cells, which row_data then undoes.
        (number, ["" if cell.data_type == "f" else neutralised(_cell_text(cell.value)) for cell in cells])
        for number, cells in enumerate(rows[1:], start=2)
    )
    found = _table(path, columns, records)
    found.problems += formulas
    return found


def read_sheet(path: Path, kind_key: str) -> Sheet:
    """A ``.csv`` or ``.xlsx`` file as a table; raises ``SheetError``."""
    if not path.is_file():
        raise SheetError(f"{path}: bestand niet gevonden")
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    if path.suffix.lower() == ".xlsx":
        return read_workbook(path, kind_key)
    raise SheetError(f"{path}: onbekend soort bestand; gebruik .csv of .xlsx")
