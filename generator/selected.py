"""``atlas validate PATH…``: the errors of a few files, checked against the whole atlas.

References, duplicate ids and the other rules across files need every file, so
the whole content tree is loaded and validated; only the errors located in the
given files are kept. A pre-commit hook passes the changed files this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import AtlasError, ContentError, display_path


def content_files(paths: Sequence[str], content_dir: Path) -> set[Path]:
    """The given paths, resolved; each must be an existing file inside the content folder."""
    root = content_dir.resolve()
    files = set()
    for given in paths:
        file = Path(given).resolve()
        if not file.is_file():
            raise AtlasError(f"{given} bestaat niet of is geen bestand")
        if not file.is_relative_to(root):
            raise AtlasError(f"{given} staat niet in de contentmap {display_path(root, Path.cwd())}")
        files.add(file)
    return files


def errors_in(errors: Iterable[ContentError], files: set[Path], root: Path) -> list[ContentError]:
    """The errors located in one of ``files``; error paths are relative to the project ``root`` when possible."""
    return [error for error in errors if (root / error.path).resolve() in files]
