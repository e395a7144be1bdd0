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
