"""Stage 1, load: content files → records with source positions.

Every file under the content folder becomes a record or an error; nothing is
skipped silently (dotfiles such as ``.gitkeep`` excepted). Symbolic links,
oversized and binary files are refused before anything reads them as text.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, display_path
from .kinds import KIND_BY_FOLDER, Kind
from .progress import QUIET, Progress, counted
from .yamlstrict import Document, read_yaml

YAML_SUFFIXES = (".yml", ".yaml")
PAGES_FOLDER = "pages"
MAX_FILE_BYTES = 256 * 1024
"""A hand-written entry is a few KB; far bigger is a mistake or an attack on the build."""


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
    body_column: int = 1
    flagged: frozenset[str] = frozenset()
    """Fields the YAML reader already reported: the model does not report them again."""


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


@dataclass(frozen=True)
class FrontMatter:
    fields: str
    body: str
    body_line: int
    """Line (1-based) of the body's first character that is not white space."""
    body_column: int


def split_front_matter(text: str) -> FrontMatter | None:
    """The fields between the two '---' lines and the body after them; None if the fields are not closed."""
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            rest = "\n".join(lines[index + 1 :])
            body = rest.strip()
            skipped = rest[: len(rest) - len(rest.lstrip())]
            line = index + 2 + skipped.count("\n")
            column = len(skipped) - (skipped.rfind("\n") + 1) + 1
            return FrontMatter("\n".join(lines[1:index]), body, line, column)
    return None


def read_text(file: Path, path: str) -> tuple[str | None, ContentError | None]:
    """A file's text, unless it is too big or not text at all."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        message = (
            f"het bestand is te groot ({size // 1024} KB, hoogstens {MAX_FILE_BYTES // 1024} KB); het is niet gelezen"
        )
        return None, ContentError(path, 1, 1, "", message)
    raw = file.read_bytes()
    if b"\0" in raw:
        before = raw[: raw.index(b"\0")]
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = "het bestand bevat binaire gegevens (een NUL-teken); alleen tekst is toegestaan"
        return None, ContentError(path, before.count(b"\n") + 1, column, "", message)
    return decode(raw, path)


def read_record(kind: Kind, file: Path, path: str) -> tuple[Record | None, list[ContentError]]:
    """One entry file; ``path`` is how messages name it."""
    text, error = read_text(file, path)
    if error or text is None:
        return None, [error] if error else []
    front: FrontMatter | None = None
    if file.suffix == ".md":
        if text.split("\n", 1)[0].rstrip() != "---":
            return None, [ContentError(path, 1, 1, "", "een .md-bestand begint met velden tussen twee regels '---'")]
        front = split_front_matter(text)
        if front is None:
            message = "de velden bovenaan worden niet afgesloten met een regel '---'"
            return None, [ContentError(path, 1, 1, "", message)]
        text = front.fields
    document, problems = read_yaml(text, line_offset=1 if front else 0)
    errors = [ContentError(path, p.line, p.column, p.field, p.message) for p in problems]
    if document is None:
        return None, errors
    flagged = frozenset(problem.field for problem in problems)
    if front is None or not front.body:
        return Record(kind, path, file.stem, document, flagged=flagged), errors
    body = (front.body, front.body_line, front.body_column)
    return Record(kind, path, file.stem, document, *body, flagged=flagged), errors


def content_files(folder: Path) -> Iterator[Path]:
    """Every file and link under ``folder`` except dotfiles, sorted; links to folders are not followed."""
    found = []
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        linked = [name for name in folders if (Path(directory) / name).is_symlink()]
        found += [Path(directory) / name for name in [*names, *linked] if not name.startswith(".")]
    yield from sorted(found)


def _refused(file: Path, path: str) -> ContentError | None:
    """Symbolic links and special files: the atlas reads only its own ordinary files."""
    if file.is_symlink():
        return ContentError(path, 1, 1, "", "symbolische koppelingen zijn niet toegestaan; zet het bestand zelf hier")
    if not file.is_file():
        return ContentError(path, 1, 1, "", "geen gewoon bestand; zet hier alleen tekstbestanden")
    return None


def load(content_dir: Path, root: Path, progress: Progress = QUIET) -> Loaded:
    """Read every file under ``content_dir``; collect records, pages and errors."""
    loaded = Loaded([], [], [])
    if not content_dir.is_dir():
        loaded.errors.append(ContentError(display_path(content_dir, root), 1, 1, "", "de contentmap bestaat niet"))
        return loaded
    # Resolved once: resolving every one of 20,000 paths costs seconds.
    shown_root = display_path(content_dir, root)
    files = list(content_files(content_dir))
    progress.stage("Bestanden lezen", len(files))
    for file in counted(progress, files):
        load_file(loaded, file, content_dir, shown_root)
    return loaded


def load_file(loaded: Loaded, file: Path, content_dir: Path, shown_root: str) -> None:
    """Read one file under ``content_dir`` into ``loaded`` (``atlas serve`` re-reads only changed files)."""
    relative = file.relative_to(content_dir)
    path = f"{shown_root}/{relative.as_posix()}"
    folder = relative.parts[0] if len(relative.parts) > 1 else ""
    refused = _refused(file, path)
    if refused:
        loaded.errors.append(refused)
        return
    if folder == PAGES_FOLDER and len(relative.parts) == 2 and file.suffix == ".md":
        text, error = read_text(file, path)
        if error:
            loaded.errors.append(error)
        elif text is not None:
            loaded.pages.append(Page(path, file.stem, text))
        return
    kind = KIND_BY_FOLDER.get(folder)
    if kind is None or len(relative.parts) != 2:
        known = ", ".join(sorted([*KIND_BY_FOLDER, PAGES_FOLDER]))
        loaded.errors.append(ContentError(path, 1, 1, "", f"hoort niet in deze map; gebruik een van: {known}"))
        return
    if file.suffix not in (*YAML_SUFFIXES, ".md"):
        loaded.errors.append(ContentError(path, 1, 1, "", "onbekend bestandstype; gebruik .yml of .md"))
        return
    record, errors = read_record(kind, file, path)
    loaded.errors.extend(errors)
    if record:
        loaded.records.append(record)
