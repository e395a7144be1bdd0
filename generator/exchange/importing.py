"""``atlas import``: a sheet of entries becomes content files, one per row.

Every row is checked before anything is written: its cells (``tables.row_data``), then the file it would
become, against the whole atlas and the other new rows, with the same loader and rules as ``atlas validate``
(``trial``; the content folder is not touched). A row that fails is reported, ``FILE:row N: column: message``,
and gets no file; the good rows are written. An existing entry is only changed with ``update``, and then only
in the fields whose value changed (``entryfiles.updated_file_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import AtlasConfig
from ..errors import ContentError, ContentErrors
from ..fieldtypes import ID_PATTERN, id_from_name
from ..kinds import KIND_BY_FOLDER, Kind
from ..load import read_record
from ..models import Entity
from ..trial import trial
from ..validate import validate_record
from .document import entry_data
from .entryfiles import changed_fields, new_file_text, updated_file_text
from .sheets import SheetError, read_sheet
from .tables import columns, given_fields, row_data, unknown_columns

IMPORTABLE = ("partners", "practices", "questions", "research", "events", "networks")
"""The folders a sheet can fill; themes and regions are the atlas' own frame and are written by hand."""
_ID = re.compile(ID_PATTERN)
SCRATCH_ID = "import-rij-"
"""A row without a usable id is checked under this id plus its row number, and never written."""
_INDEXED = re.compile(r"^(?P<field>[a-z_]+)\[(?P<index>\d+)\](\.(?P<rest>.+))?$")


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in one row of a sheet."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:row {self.row}"
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class Planned:
    """The file a good row becomes."""

    row: int
    entry_id: str
    relative: str
    """Path under the content folder, such as ``partners/rivm.yml``."""
    text: str
    updates: bool
    doomed: bool = False
    """A row already reported: checked with the others for its remaining mistakes, never written."""


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _name_field(kind: Kind) -> str:
    return "name" if "name" in kind.model.model_fields else "title"


def _existing(content_dir: Path, kind: Kind) -> dict[str, Path]:
    folder = content_dir / kind.folder
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    return {path.stem: path for path in files if path.suffix in (".yml", ".yaml", ".md")}


def _entry(kind: Kind, path: Path) -> Entity | None:
    """The entry an existing file holds, checked by its model alone (the whole atlas is checked afterwards)."""
    record, errors = read_record(kind, path, path.name)
    entity, more = validate_record(record) if record is not None else (None, [])
    return entity if not errors and not more else None


def _column_of(kind: Kind, field_path: str) -> tuple[str, str]:
    """A validation error's field as the sheet's column, with the line of a multi-line cell if there is one."""
    indexed = _INDEXED.match(field_path)
    by_line = {column.name for column in columns(kind) if column.style == "records"}
    if indexed and indexed["field"] not in by_line:
        return indexed["field"], ""
    if indexed:
        name = indexed["field"]
        line = f"regel {int(indexed['index']) + 1}" + (f", {indexed['rest']}" if indexed["rest"] else "")
        return name, f"{line}: "
    if field_path in {column.name for column in columns(kind)}:
        return field_path, ""
    return field_path.split(".", 1)[0], ""


class _Importer:
    def __init__(self, config: AtlasConfig, path: Path, kind: Kind, update: bool) -> None:
        self.config = config
        self.path = path
        self.kind = kind
        self.update = update
        self.shown = path.name
        self.errors: list[RowError] = []
        self.unchanged: list[str] = []

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(self.shown, row, column, message))

    def plan(self) -> list[Planned]:
        """A file per row. A row with a refused cell or id gets one too, marked doomed: the check then finds the
        row's other mistakes as well, and a doomed file is never written."""
        sheet = read_sheet(self.path, self.kind.key)
        unknown = unknown_columns(self.kind, sheet.columns)
        if unknown:
            raise SheetError(f"{self.path}: onbekende kolom(men): {', '.join(unknown)}")
        for row, column, message in sheet.problems:
            self.error(row, column, message)
        existing = _existing(self.config.content_dir, self.kind)
        given = given_fields(self.kind, sheet.columns)
        seen: dict[str, int] = {}
        planned = []
        for row, cells in sheet.rows:
            data, problems = row_data(self.kind, cells)
            for column, message in problems:
                self.error(row, column, message)
            refused = self._refused_fields(row)
            # Fields of a refused cell are left out, not guessed: the check must not report them again.
            data = {name: value for name, value in data.items() if name not in refused}
            entry_id = self._id(row, data, seen, existing)
            data["id"] = entry_id or f"{SCRATCH_ID}{row}"
            item = self._planned(row, data, existing, given)
            if item is not None:
                item.doomed = bool(refused) or entry_id is None
                planned.append(item)
        return planned

    def _refused_fields(self, row: int) -> set[str]:
        """The fields of the columns already reported for a row."""
        reported = {error.column for error in self.errors if error.row == row}
        return {column.field for column in columns(self.kind) if column.name in reported}

    def _planned(self, row: int, data: dict[str, Any], existing: dict[str, Path], given: set[str]) -> Planned | None:
        entry_id = data["id"]
        if entry_id not in existing or entry_id.startswith(SCRATCH_ID):
            text = new_file_text(self.kind, data, f"{self.shown} (rij {row})")
            return Planned(row, entry_id, f"{self.kind.folder}/{entry_id}.md", text, updates=False)
        old = _entry(self.kind, existing[entry_id])
        if old is None:
            self.error(row, "id", f"het bestaande bestand {self.kind.folder}/{existing[entry_id].name} is ongeldig")
            return None
        return self._update(row, entry_id, entry_data(old), data, given, existing[entry_id])

    def _id(self, row: int, data: dict[str, Any], seen: dict[str, int], existing: dict[str, Path]) -> str | None:
        """The row's id, or None (reported) when it has none, a bad one, or one it may not use."""
        given = data.get("id")
        name = data.get(_name_field(self.kind))
        entry_id = given if isinstance(given, str) else id_from_name(name) if isinstance(name, str) else ""
        if not entry_id:
            self.error(row, "id", f"leeg, en geen {_name_field(self.kind)} om een id van te maken")
            return None
        if not _ID.match(entry_id) or len(entry_id) > 80:
            self.error(row, "id", f"'{entry_id}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens")
            return None
        if entry_id in seen:
            self.error(row, "id", f"'{entry_id}' staat ook in rij {seen[entry_id]}")
            return None
        seen[entry_id] = row
        if entry_id in existing and not self.update:
            shown = f"{self.kind.folder}/{existing[entry_id].name}"
            self.error(row, "id", f"'{entry_id}' bestaat al ({shown}); gebruik --update om het bij te werken")
            return None
        return entry_id

    def _update(
        self, row: int, entry_id: str, old: dict[str, Any], data: dict[str, Any], given: set[str], path: Path
    ) -> Planned | None:
        merged = {**old, **{name: data.get(name) for name in given}}
        changes = {name: merged.get(name) for name in changed_fields(self.kind, old, merged)}
        if not changes:
            self.unchanged.append(entry_id)
            return None
        text = updated_file_text(self.kind, path.read_text(encoding="utf-8"), path.suffix == ".md", changes)
        return Planned(row, entry_id, f"{self.kind.folder}/{path.name}", text, updates=True)

    def checked(self, planned: list[Planned]) -> list[Planned]:
        """The planned files that pass validation with the whole atlas and each other; the others reported.

        Rounds until nothing fails: a row that leans on a row that failed fails in the next round.
        """
        while planned:
            problems = self._problems(planned)
            failing = [item for item in planned if item.doomed or problems[item.relative]]
            for item in failing:
                self._report(item, problems[item.relative])
            if not failing:
                break
            planned = [item for item in planned if item not in failing]
        return planned

    def _problems(self, planned: list[Planned]) -> dict[str, list[ContentError]]:
        """The validation errors of the planned files, by path; errors elsewhere are the content's own: raised."""
        targets = {self.config.content_dir / item.relative: item for item in planned}
        found = trial(self.config, {target: item.text for target, item in targets.items()})
        if found.elsewhere:
            raise ContentErrors([*found.elsewhere, *(error for errors in found.tried.values() for error in errors)])
        return {item.relative: found.tried[target] for target, item in targets.items()}

    def _report(self, item: Planned, problems: list[ContentError]) -> None:
        """The validation errors of a row, except those of fields whose cells were already refused."""
        refused = self._refused_fields(item.row)
        for problem in problems:
            column, prefix = _column_of(self.kind, problem.field)
            if column.split(".")[0] not in refused:
                self.error(item.row, column, prefix + problem.message)


def import_sheet(
    config: AtlasConfig, path: Path, folder: str, *, update: bool = False, dry_run: bool = False
) -> ImportResult:
    """Read ``path`` as entries of the kind in ``folder``; write a file per good row (none with ``dry_run``)."""
    importer = _Importer(config, path, KIND_BY_FOLDER[folder], update)
    good = importer.checked(importer.plan())
    result = ImportResult(unchanged=importer.unchanged, errors=sorted(importer.errors))
    for item in good:
        target = config.content_dir / item.relative
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.text, encoding="utf-8")
        (result.updated if item.updates else result.written).append(target)
    return result
