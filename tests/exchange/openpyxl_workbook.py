"""The workbook as openpyxl wrote it before spreadsheetml.py: the reference the direct writer is compared with.

This is the former ``generator/exchange/sheets.py:workbook_bytes``, unchanged: a write-only openpyxl workbook
(each row streamed, every cell a ``WriteOnlyCell``), then every zip member re-dated ``FIXED_MOMENT``.
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from generator.exchange.sheets import FIXED_MOMENT, _newest_content_date
from generator.exchange.tables import FORMULA_STARTS, header, restored, row
from generator.kinds import KINDS, Kind


def _rows(document: dict[str, Any], kind: Kind) -> list[list[str]]:
    return [row(kind, entry["data"], entry["url"]) for entry in document["entries"] if entry["type"] == kind.key]


def _filled_sheet(workbook: Workbook, title: str, table: list[list[str]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for number in range(1, len(table[0]) + 1):
        sheet.column_dimensions[get_column_letter(number)].width = 30
    used = f"A1:{get_column_letter(len(table[0]))}{len(table)}"
    sheet.auto_filter.ref = used
    sheet.calculate_dimension = lambda: used
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.append([_cell(sheet, name, font=bold) for name in table[0]])
    wrapped_style = _cell(sheet, None, alignment=wrapped)._style
    for values in table[1:]:
        sheet.append([_cell(sheet, restored(value) or None, style=wrapped_style) for value in values])


def _cell(
    sheet: Any,
    value: str | None,
    *,
    font: Font | None = None,
    alignment: Alignment | None = None,
    style: StyleArray | None = None,
) -> Any:
    cell: Any = WriteOnlyCell(sheet, value)
    if style is not None:
        cell._style = copy.copy(style)
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = (alignment is not None or style is not None) and value.startswith(FORMULA_STARTS)
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def deterministic_zip(raw: bytes) -> bytes:
    """The same archive with every member dated ``FIXED_MOMENT``."""
    target = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_MOMENT.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            copy.writestr(info, source.read(member.filename))
    return target.getvalue()


def openpyxl_workbook_bytes(document: dict[str, Any]) -> bytes:
    """A sheet per kind, named in Dutch; header row bold and frozen: as openpyxl wrote it."""
    workbook = Workbook(write_only=True)
    for kind in KINDS:
        _filled_sheet(workbook, kind.plural, [header(kind), *_rows(document, kind)])
    moment = _newest_content_date(document)
    workbook.properties.creator = str(document.get("name") or "Kennisatlas")
    workbook.properties.title = str(document.get("name") or "Kennisatlas")
    workbook.properties.created = moment
    workbook.properties.modified = moment
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return deterministic_zip(raw.getvalue())
