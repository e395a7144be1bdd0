"""Check content files before they are written: the whole atlas validated as if they stood in the content folder.

``atlas import``, ``atlas from-issue`` (a new entry or a correction) write nothing that does not validate.
The content folder is loaded as it is, the files to try replace or join their places in it, and the same
rules as ``atlas validate`` run over the lot; nothing in the content folder is touched. A tried text is read
from a scratch folder of its own, so the loader sees it exactly as it would see the written file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import AtlasConfig
from .errors import AtlasError, ContentError, ContentErrors, display_path
from .load import Loaded, load, load_file
from .validate import validate


@dataclass(frozen=True)
class Trial:
    """What validation found with the tried files in place."""

    tried: dict[Path, list[ContentError]]
    """The errors of each tried file (an empty list when it passes), by the path it was tried at."""
    elsewhere: list[ContentError]
    """The errors of the content's other files: the atlas' own, or made by a tried file (a duplicate id)."""


def _relative(config: AtlasConfig, target: Path) -> Path:
    """A target's place under the content folder; refuses a path outside it."""
    try:
        return target.resolve().relative_to(config.content_dir.resolve())
    except ValueError as error:
        raise AtlasError(f"{target} ligt niet in de contentmap {config.content_dir}") from error


def _without(loaded: Loaded, shown: set[str]) -> None:
    """Drop what the content folder holds at the tried places: a tried file replaces it."""
    loaded.records = [record for record in loaded.records if record.path not in shown]
    loaded.pages = [page for page in loaded.pages if page.path not in shown]
    loaded.errors = [error for error in loaded.errors if error.path not in shown]


def trial(config: AtlasConfig, texts: Mapping[Path, str]) -> Trial:
    """Validate the atlas with each text as the file at its path in the content folder (replacing any there)."""
    shown_root = display_path(config.content_dir, config.root)
    places = {target: _relative(config, target) for target in texts}
    shown = {target: f"{shown_root}/{relative.as_posix()}" for target, relative in places.items()}
    loaded = load(config.content_dir, config.root)
    _without(loaded, set(shown.values()))
    with tempfile.TemporaryDirectory(prefix="atlas-trial-") as folder:
        scratch = Path(folder)
        for target, relative in places.items():
            file = scratch / relative
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(texts[target], encoding="utf-8")
            load_file(loaded, file, scratch, shown_root)
    try:
        validate(loaded, shown_root)
        errors: list[ContentError] = []
    except ContentErrors as failure:
        errors = failure.errors
    tried = {target: [error for error in errors if error.path == path] for target, path in shown.items()}
    elsewhere = [error for error in errors if error.path not in shown.values()]
    return Trial(tried, elsewhere)


def errors_of_text(config: AtlasConfig, target: Path, text: str) -> list[ContentError]:
    """The errors ``text`` would have as the file ``target`` in the content folder (replacing it if it exists)."""
    return trial(config, {target: text}).tried[target]
