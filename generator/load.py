"""Stage 1, load: content files → records with source positions.

Every file under the content folder becomes a record or an error; nothing is
skipped silently (dotfiles such as ``.gitkeep`` excepted).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, display_path
from .kinds import KIND_BY_FOLDER, Kind
from .yamlstrict import Document, read_yaml

YAML_SUFFIXES = (".yml", ".yaml")
PAGES_FOLDER = "pages"


@dataclass
class Record:
    """One content file, read but not yet validated."""

    kind: Kind
    path: str
    """Path as shown in messages (relative to the project when possible)."""
    stem: str
    """File name without extension: must equal the id."""
    document: Document
    body: str | None = None
    """Markdown body of a ``.md`` file; goes into the kind's body field."""
    body_line: int = 0


@dataclass
class Page:
    """A free-form Markdown page under ``content/pages/``."""

    path: str
    slug: str
    text: str


@dataclass
class Loaded:
    records: list[Record]
    pages: list[Page]
    errors: list[ContentError]


def decode(raw: bytes, path: str) -> tuple[str | None, ContentError | None]:
    """UTF-8 text, or an error pointing at the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, ContentError(path, line, column, "", "het bestand is geen UTF-8; sla het op als UTF-8")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]).strip(), index + 2
    return None


def read_record(kind: Kind, file: Path, path: str) -> tuple[Record | None, list[ContentError]]:
    """One entry file; ``path`` is how messages name it."""
    text, error = decode(file.read_bytes(), path)
    if error or text is None:
        return None, [error] if error else []
    body: str | None = None
    body_line = 0
    line_offset = 0
    if file.suffix == ".md":
        parts = split_front_matter(text)
        if parts is None:
            return None, [ContentError(path, 1, 1, "", "een .md-bestand begint met velden tussen twee regels '---'")]
        text, body, body_line = parts
        line_offset = 1
    document, problems = read_yaml(text, line_offset=line_offset)
    errors = [ContentError(path, p.line, p.column, p.field, p.message) for p in problems]
    if document is None:
        return None, errors
    return Record(kind, path, file.stem, document, body or None, body_line), errors


def _content_files(folder: Path) -> Iterator[Path]:
    for file in sorted(folder.rglob("*")):
        if file.is_file() and not any(part.startswith(".") for part in file.relative_to(folder).parts):
            yield file


def load(content_dir: Path, root: Path) -> Loaded:
    """Read every file under ``content_dir``; collect records, pages and errors."""
    loaded = Loaded([], [], [])
    if not content_dir.is_dir():
        loaded.errors.append(ContentError(display_path(content_dir, root), 1, 1, "", "de contentmap bestaat niet"))
        return loaded
    # Resolved once: resolving every one of 20,000 paths costs seconds.
    shown_root = display_path(content_dir, root)
    for file in _content_files(content_dir):
        relative = file.relative_to(content_dir)
        path = f"{shown_root}/{relative.as_posix()}"
        folder = relative.parts[0] if len(relative.parts) > 1 else ""
        if folder == PAGES_FOLDER and len(relative.parts) == 2 and file.suffix == ".md":
            text, error = decode(file.read_bytes(), path)
            if error:
                loaded.errors.append(error)
            elif text is not None:
                loaded.pages.append(Page(path, file.stem, text))
            continue
        kind = KIND_BY_FOLDER.get(folder)
        if kind is None or len(relative.parts) != 2:
            known = ", ".join(sorted([*KIND_BY_FOLDER, PAGES_FOLDER]))
            loaded.errors.append(ContentError(path, 1, 1, "", f"hoort niet in deze map; gebruik een van: {known}"))
            continue
        if file.suffix not in (*YAML_SUFFIXES, ".md"):
            loaded.errors.append(ContentError(path, 1, 1, "", "onbekend bestandstype; gebruik .yml of .md"))
            continue
        record, errors = read_record(kind, file, path)
        loaded.errors.extend(errors)
        if record:
            loaded.records.append(record)
    return loaded
