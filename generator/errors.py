"""Typed errors of the pipeline.

Library code collects ``ContentError`` values and raises them together in a
``ContentErrors``; only the CLI prints them and picks an exit code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located as precisely as we can."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class AtlasError(Exception):
    """Base class of every error the generator raises on purpose."""


class ContentErrors(AtlasError):
    """The content is invalid; carries every error found, sorted by place."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.summary())

    @property
    def file_count(self) -> int:
        return len({error.path for error in self.errors})

    def summary(self) -> str:
        count = len(self.errors)
        files = self.file_count
        noun = "fout" if count == 1 else "fouten"
        return f"{count} {noun} in {files} {'bestand' if files == 1 else 'bestanden'}"


class BuildError(AtlasError):
    """mkdocs or a writing step failed."""


def display_path(path: Path, root: Path) -> str:
    """A path as the contributor knows it: relative to the project when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def suggest(word: str, options: list[str]) -> str:
    """' (bedoelde je 'x'?)' when a close option exists, else ''."""
    starts = [option for option in options if option.startswith(word) or word.startswith(option)]
    close = starts or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (bedoelde je '{close[0]}'?)" if close else ""
