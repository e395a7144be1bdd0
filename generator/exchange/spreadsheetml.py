"""An Excel workbook written directly as SpreadsheetML: each part a string, zipped once.

openpyxl made every cell an object and wrote it through an XML tree, which took half of the open data's processor
time. This writes the same workbook as text: the same parts, in the same order, with the same markup openpyxl
writes, so the file is the one openpyxl made, byte for byte (tests/exchange/test_spreadsheetml.py compares both).

What the workbook holds: a sheet per table, its first row bold and frozen, every column 30 wide, a filter over the
used range, every other cell a text cell (an inline string) aligned top and wrapped. A cell that starts as a
formula would is marked as text (``quotePrefix``, Excel's own ``'``), so its value is kept as it is, never run.

Characters XML 1.0 cannot hold: a control character is refused as openpyxl refuses it (``IllegalCharacterError``);
the non-characters U+FFFE and U+FFFF and lone surrogates, which openpyxl wrote into a file no program could open,
are left out of their cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.writer.theme import theme_xml

from .tables import FORMULA_STARTS

ZIP_MOMENT = (1980, 1, 1, 0, 0, 0)
"""The zip format's earliest time, for every part: equal content gives equal bytes."""
COLUMN_WIDTH = 30
LONGEST_CELL = 32767
"""Excel's most characters in a cell: openpyxl cuts a longer text there (atlas.json and the CSV files keep it whole)."""
FORBIDDEN = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
"""The control characters openpyxl refuses in a cell (its ``ILLEGAL_CHARACTERS_RE``)."""
NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Further characters XML 1.0 cannot hold."""

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument"
_XF = '<xf numFmtId="0" fontId="{font}" fillId="0" borderId="0"{apply} pivotButton="0" quotePrefix="{quote}" xfId="0"'
_WRAPPED = '<alignment vertical="top" wrapText="1" /></xf>'
_STYLE_XF = {
    "bold": _XF.format(font=1, apply="", quote=0) + " />",
    "wrapped": _XF.format(font=0, apply=' applyAlignment="1"', quote=0) + ">" + _WRAPPED,
    "quoted": _XF.format(font=0, apply=' applyAlignment="1"', quote=1) + ">" + _WRAPPED,
}
"""The cell formats besides the default one; each is numbered as openpyxl numbers it, in the order of first use."""


def _text(value: str) -> str:
    """Element text as openpyxl (ElementTree) escapes it: ``&``, ``<`` and ``>``."""
    return escape(value)


def _attribute(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _space(value: str) -> str:
    """openpyxl keeps leading and trailing spaces of a text that has more than spaces."""
    stripped = value.strip()
    return ' xml:space="preserve"' if stripped and stripped != value else ""


class _Styles:
    """The cell formats in the order the cells first use them."""

    def __init__(self) -> None:
        self.numbers: dict[str, str] = {}

    def number(self, name: str) -> str:
        found = self.numbers.get(name)
        if found is None:
            found = self.numbers[name] = str(len(self.numbers) + 1)
        return found

    def xml(self) -> str:
        formats = [_XF.format(font=0, apply="", quote=0) + " />", *(_STYLE_XF[name] for name in self.numbers)]
        colors = "".join(f'<rgbColor rgb="{color}" />' for color in COLOR_INDEX[:64])
        return (
            f'<styleSheet xmlns="{_MAIN}"><numFmts count="0" /><fonts count="2"><font><name val="Calibri" />'
            '<family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font><font><b val="1" />'
            '</font></fonts><fills count="2"><fill><patternFill /></fill><fill><patternFill patternType="gray125" />'
            '</fill></fills><borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border>'
            '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></cellStyleXfs>'
            f'<cellXfs count="{len(formats)}">{"".join(formats)}</cellXfs><cellStyles count="1"><cellStyle '
            'name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles><tableStyles count="0" defaultTableStyle='
            '"TableStyleMedium9" defaultPivotStyle="PivotStyleLight16" /><colors><indexedColors>'
            f"{colors}</indexedColors></colors></styleSheet>"
        )


def _cleaned(values: Sequence[str], longest: int | None = LONGEST_CELL) -> Sequence[str]:
    """The values of a row as a cell and XML can hold them, in openpyxl's order: cut to ``longest``, then a control
    character raises (openpyxl's error and message); then what XML cannot hold is left out."""
    joined = "".join(values)
    if longest is not None and len(joined) > longest:
        values = [value[:longest] for value in values]
        joined = "".join(values)
    if FORBIDDEN.search(joined):
        bad = next(value for value in values if FORBIDDEN.search(value))
        raise IllegalCharacterError(f"{bad} cannot be used in worksheets.")
    return [NOT_XML.sub("", value) for value in values] if NOT_XML.search(joined) else values


def _rows(table: Sequence[Sequence[str]], letters: list[str], styles: _Styles) -> list[str]:
    """``<row>`` elements: the header bold, then the rows; an empty text is an empty cell."""
    bold = styles.number("bold")
    parts = ['<row r="1">']
    for letter, value in zip(letters, _cleaned(table[0]), strict=True):
        parts.append(f'<c r="{letter}1" s="{bold}" t="inlineStr"><is><t{_space(value)}>{_text(value)}</t></is></c>')
    parts.append("</row>")
    for number, values in enumerate(table[1:], start=2):
        parts.append(f'<row r="{number}">')
        for letter, value in zip(letters, _cleaned(values), strict=True):
            style = styles.number("quoted" if value.startswith(FORMULA_STARTS) else "wrapped")
            if value:
                text = f"<is><t{_space(value)}>{_text(value)}</t></is></c>"
                parts.append(f'<c r="{letter}{number}" s="{style}" t="inlineStr">{text}')
            else:
                parts.append(f'<c r="{letter}{number}" s="{style}" t="n" />')
        parts.append("</row>")
    return parts


def _used_range(table: Sequence[Sequence[str]]) -> tuple[str, int]:
    return get_column_letter(len(table[0])), len(table)


def _sheet(table: Sequence[Sequence[str]], styles: _Styles) -> str:
    letters = [get_column_letter(number) for number in range(1, len(table[0]) + 1)]
    used = "A1:{}{}".format(*_used_range(table))
    columns = "".join(
        f'<col width="{COLUMN_WIDTH}" customWidth="1" min="{number}" max="{number}" />'
        for number in range(1, len(letters) + 1)
    )
    head = (
        f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr />'
        f'</sheetPr><dimension ref="{used}" /><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" '
        'topLeftCell="A2" activePane="bottomLeft" state="frozen" /><selection pane="bottomLeft" activeCell="A1" '
        f'sqref="A1" /></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><cols>'
        f"{columns}</cols><sheetData>"
    )
    tail = (
        f'</sheetData><autoFilter ref="{used}" /><pageMargins left="0.75" right="0.75" top="1" bottom="1" '
        'header="0.5" footer="0.5" /></worksheet>'
    )
    return "".join([head, *_rows(table, letters, styles), tail])


def _workbook(names: Sequence[str], tables: Sequence[Sequence[Sequence[str]]]) -> str:
    sheets = "".join(
        f'<sheet name="{_attribute(name)}" sheetId="{number}" state="visible" r:id="rId{number}" />'
        for number, name in enumerate(names, start=1)
    )
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number}" hidden="1">'
        + _text("'{}'!$A$1:${}${}".format(name.replace("'", "''"), *_used_range(table)))
        + "</definedName>"
        for number, (name, table) in enumerate(zip(names, tables, strict=True))
    )
    return (
        f'<workbook xmlns:r="{_DOCUMENT}" xmlns="{_MAIN}"><workbookPr /><workbookProtection /><bookViews>'
        '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
        'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" /></bookViews>'
        f'<sheets>{sheets}</sheets><definedNames>{filters}</definedNames><calcPr calcId="124519" '
        'fullCalcOnLoad="1" /></workbook>'
    )


def _relations(targets: Sequence[tuple[str, str]]) -> str:
    """A relationships part: (type, target) numbered ``rId1``, ``rId2``, …"""
    found = "".join(
        f'<Relationship Type="{kind}" Target="{target}" Id="rId{number}" />'
        for number, (kind, target) in enumerate(targets, start=1)
    )
    return f'<Relationships xmlns="{_RELATIONS}">{found}</Relationships>'


def _core(title: str, moment: datetime) -> str:
    (title,) = _cleaned([title], longest=None)
    stamp = f'xsi:type="dcterms:W3CDTF">{moment.isoformat()}Z'
    return (
        f'<cp:coreProperties xmlns:cp="{_RELATIONS.replace("relationships", "metadata/core-properties")}" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:creator{_space(title)}>{_text(title)}</dc:creator><dc:title{_space(title)}>{_text(title)}</dc:title>"
        f"<dcterms:created {stamp}</dcterms:created><dcterms:modified {stamp}</dcterms:modified></cp:coreProperties>"
    )


def _content_types(count: int) -> str:
    parts = [
        ("/xl/styles.xml", f"{_TYPE}.spreadsheetml.styles+xml"),
        ("/xl/theme/theme1.xml", f"{_TYPE}.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{_TYPE}.extended-properties+xml"),
        *((f"/xl/worksheets/sheet{n}.xml", f"{_TYPE}.spreadsheetml.worksheet+xml") for n in range(1, count + 1)),
        ("/xl/workbook.xml", f"{_TYPE}.spreadsheetml.sheet.main+xml"),
    ]
    overrides = "".join(f'<Override PartName="{name}" ContentType="{kind}" />' for name, kind in parts)
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="xml" '
        f'ContentType="application/xml" />{overrides}</Types>'
    )


def workbook_bytes(sheets: Sequence[tuple[str, Sequence[Sequence[str]]]], *, title: str, moment: datetime) -> bytes:
    """The workbook of (sheet name, table) pairs, each table its header row and its rows of cell texts ("" for an
    empty cell), titled ``title`` and dated ``moment`` (a naive UTC time)."""
    names, tables = [name for name, _ in sheets], [table for _, table in sheets]
    styles = _Styles()
    worksheets = {f"xl/worksheets/sheet{n}.xml": _sheet(table, styles) for n, table in enumerate(tables, start=1)}
    app = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    book = [(f"{_DOCUMENT}/worksheet", f"/xl/worksheets/sheet{n}.xml") for n in range(1, len(tables) + 1)]
    book += [(f"{_DOCUMENT}/styles", "styles.xml"), (f"{_DOCUMENT}/theme", "theme/theme1.xml")]
    parts = {
        "docProps/app.xml": f'<Properties xmlns="{app}"><Application>Microsoft Excel Compatible / Openpyxl 3.1.5'
        "</Application><AppVersion>3.1</AppVersion></Properties>",
        "docProps/core.xml": _core(title, moment),
        "xl/theme/theme1.xml": theme_xml,
        **worksheets,
        "xl/styles.xml": styles.xml(),
        "_rels/.rels": _relations(
            [
                (f"{_DOCUMENT}/officeDocument", "xl/workbook.xml"),
                (f"{_RELATIONS}/metadata/core-properties", "docProps/core.xml"),
                (f"{_DOCUMENT}/extended-properties", "docProps/app.xml"),
            ]
        ),
        "xl/workbook.xml": _workbook(names, tables),
        "xl/_rels/workbook.xml.rels": _relations(book),
        "[Content_Types].xml": _content_types(len(tables)),
    }
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_MOMENT)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return target.getvalue()
