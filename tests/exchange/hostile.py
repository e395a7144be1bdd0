"""A content tree whose plain-text fields try to break out of JSON-LD, Atom and iCal.

Markdown fields refuse raw HTML (textcheck), but names, titles and summaries are plain text and
may hold anything printable: the open-data writers must keep it inert.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE_CONTENT = Path(__file__).parent.parent / "fixtures" / "content"
HOSTILE = 'Evil </script><script>alert(1)</script> ]]> <!-- & </feed> \\u003c "quote"'


def replace_line(path: Path, start: str, line: str) -> None:
    """The line of ``path`` that starts with ``start``, replaced by ``line``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, text in enumerate(lines) if text.startswith(start)]
    assert found, f"{path}: no line starts with {start!r}"
    lines[found[0]] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def quoted(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def hostile_content(target: Path) -> Path:
    """The fixture content with ``HOSTILE`` in a name, title, summary, question and event place."""
    shutil.copytree(FIXTURE_CONTENT, target)
    replace_line(target / "partners" / "gemeente-voorbeeld.yml", "name:", f"name: {quoted(HOSTILE)}")
    replace_line(target / "practices" / "koele-wijken.md", "summary:", f"summary: {quoted(HOSTILE)}")
    question = target / "questions" / "hoe-houden-we-wijken-koel.yml"
    replace_line(question, "title:", f"title: {quoted(HOSTILE)}")
    replace_line(question, "question:", f"question: {quoted(HOSTILE + '?')}")
    event = target / "events" / "kenniscafe-hitte.yml"
    replace_line(event, "title:", f"title: {quoted(HOSTILE)}")
    replace_line(event, "location:", f"location: {quoted(HOSTILE)}")
    return target


HOSTILE_CELLS = (
    HOSTILE,
    '=HYPERLINK("https://kwaad.example","klik")',
    "+31 30 123 45 67",
    "-1",
    "@SUM(A1:A2)",
    "'al met apostrof",
    "]]> <![CDATA[ x ]]>",
    "<b>vet</b> & &amp; &lt; > \"'",
    "niet-BMP: \U0001f600 \U00010348 \U0001d11e",
    "  spaties voor en na  ",
    "   ",
    "\n",
    "regel\r\nregel\rregel\tkolom",
    "_x0041_ zoals Excel tekens schrijft",
    "\x7f\x85\u2028\u2029",
    "lang " * 8000,
)
"""Cell texts that try to break a workbook's XML or be run as a formula; all are characters XML 1.0 can hold."""
CONTROL_CHARACTERS = tuple(chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
"""The characters XML 1.0 forbids outright (openpyxl refuses them in a cell)."""
NOT_XML_CHARACTERS = ("\ufffe", "\uffff", "\ud800", "\udfff")
"""Further characters XML 1.0 cannot hold."""
