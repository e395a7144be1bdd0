"""The content tree kept in memory for ``atlas serve``: every file read and checked once, again only when it changed.

A file's own checks (the YAML reader, its model, the rules of ``crossrules`` that read only the
entry itself) are kept per file with the file's stamp (modification time and size). What spans
files is recomputed over the kept results on every change, because it is cheap there and wrong
when cached: duplicate ids, references to ids that no file has (also from files whose entry failed
validation), the required free pages. ``assemble`` therefore raises the same errors as a full
``gather`` and returns an equal ``Atlas``, in a fraction of the time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..atlas import Atlas
from ..crossrules import RULES, Finding, Known, Reference, unknown_references, written_references
from ..errors import ContentError, ContentErrors, display_path
from ..load import Loaded, Record, load_file
from ..models import Entity
from ..validate import check_pages, validate_record
from ..yamlstrict import field_name

Stamp = tuple[int, int]
"""(modification time in ns, size): a file whose stamp is unchanged is not read again."""


@dataclass
class FileResult:
    """One content file, read and checked on its own."""

    stamp: Stamp
    loaded: Loaded
    entity: Entity | None = None
    record_errors: list[ContentError] = field(default_factory=list)
    own_findings: list[ContentError] = field(default_factory=list)
    """What the single-entry rules found; counts only when the entry joins the atlas."""
    references: list[Reference] = field(default_factory=list)

    @property
    def record(self) -> Record | None:
        return self.loaded.records[0] if self.loaded.records else None


def _located(record: Record, findings: list[Finding]) -> list[ContentError]:
    errors = []
    for path, message in findings:
        line, column = record.document.position(path)
        errors.append(ContentError(record.path, line, column, field_name(path), message))
    return errors


def scan(folder: Path) -> dict[str, Stamp]:
    """The stamp of every file that ``load.content_files`` lists (not dotfiles; links to folders as files), by
    path as text: no ``Path`` per file and no sorting, which at 20,000 files cost more than the walk itself."""
    found: dict[str, Stamp] = {}
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        linked = [name for name in folders if os.path.islink(os.path.join(directory, name))]
        for name in [*names, *linked]:
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            try:
                status = os.lstat(path)
            except FileNotFoundError:
                continue  # removed while we walked: the next event brings it up
            found[path] = (status.st_mtime_ns, status.st_size)
    return found


class ContentState:
    """The files of one content folder, each with what reading and checking it found."""

    def __init__(self, content_dir: Path, root: Path) -> None:
        self.content_dir = content_dir
        self.label = display_path(content_dir, root)
        self.files: dict[Path, FileResult] = {}
        self.stamps: dict[str, Stamp] = {}
        """The stamp of every file read, by path as text."""
        self._order: list[Path] = []
        """``files`` sorted as ``load`` reads them; made again only when files come or go."""

    def refresh(self) -> set[Path]:
        """Re-read every file that was added or changed and forget removed ones; returns those paths."""
        found = scan(self.content_dir) if self.content_dir.is_dir() else {}
        if found == self.stamps:
            return set()
        changed = set()
        for name in self.stamps.keys() - found.keys():
            file = Path(name)
            del self.files[file]
            changed.add(file)
        for name, stamp in found.items():
            if self.stamps.get(name) != stamp:
                file = Path(name)
                self.files[file] = self._read(file, stamp)
                changed.add(file)
        if found.keys() != self.stamps.keys():
            self._order = sorted(self.files)
        self.stamps = found
        return changed

    def _read(self, file: Path, stamp: Stamp) -> FileResult:
        loaded = Loaded([], [], [])
        load_file(loaded, file, self.content_dir, self.label)
        result = FileResult(stamp, loaded)
        record = result.record
        if record is None:
            return result
        result.entity, result.record_errors = validate_record(record)
        if result.entity is not None and result.entity.id == record.stem:
            # The rules of RULES read the entry only (the atlas argument is unused), so they are per file.
            findings = [finding for rule in RULES for finding in rule(Atlas(), result.entity)]
            result.own_findings = _located(record, findings)
            result.references = list(result.entity.references())
        else:
            result.references = list(written_references(record))
        return result

    def assemble(self) -> Atlas:
        """The atlas of the files as they are now, exactly as ``validate(load(...))`` makes it; raises
        ``ContentErrors`` with every error."""
        if not self.content_dir.is_dir():
            raise ContentErrors([ContentError(self.label, 1, 1, "", "de contentmap bestaat niet")])
        ordered = [self.files[file] for file in self._order]
        atlas = Atlas(pages=[page for result in ordered for page in result.loaded.pages])
        errors = [error for result in ordered for error in result.loaded.errors]
        joined: list[FileResult] = []
        unvalidated: list[FileResult] = []
        for result in ordered:
            record = result.record
            if record is None:
                continue
            errors += result.record_errors
            entity = result.entity
            if entity is None or entity.id != record.stem:
                unvalidated.append(result)
                continue
            earlier = atlas.sources.get((record.kind.key, entity.id))
            if earlier is not None:
                line, column = record.document.position(("id",))
                errors.append(
                    ContentError(record.path, line, column, "id", f"'{entity.id}' bestaat al in {earlier.path}")
                )
                unvalidated.append(result)
                continue
            atlas.entries[record.kind.key][entity.id] = entity
            atlas.sources[(record.kind.key, entity.id)] = record
            joined.append(result)
        errors += self._cross_file(atlas, joined, unvalidated)
        errors += check_pages(atlas.pages, self.label)
        if errors:
            raise ContentErrors(errors)
        return atlas

    @staticmethod
    def _cross_file(atlas: Atlas, joined: list[FileResult], unvalidated: list[FileResult]) -> list[ContentError]:
        """``check_cross_file`` over the kept results: unknown references, and each entry's own findings."""
        known: Known = {kind: set(entries) for kind, entries in atlas.entries.items()}
        for result in unvalidated:
            if result.record is not None:
                known[result.record.kind.key].add(result.record.stem)
        errors: list[ContentError] = []
        for result in [*joined, *unvalidated]:
            record = result.record
            if record is None:
                continue
            if any(ref not in known[target] for _, target, ref in result.references):
                errors += _located(record, list(unknown_references(result.references, known)))
        for result in joined:
            errors += result.own_findings
        return errors
