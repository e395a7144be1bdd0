"""The two ways in without git, per kind, and the way back to an entry's own file.

``/bijdragen/`` offers for every kind a link into GitHub's "new file" editor, pre-filled with the
exact text of ``atlas new``, and a link to the kind's issue form (``formnames``). Every entry page
links to its own content file in GitHub's editor ("Wijzig deze gegevens").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from ..atlas import Atlas
from ..config import AtlasConfig
from ..derive import label
from ..errors import AtlasError
from ..kinds import KIND_BY_KEY, KINDS, Kind
from ..scaffold import PLACEHOLDER_ID, template_text
from .formnames import CORRECTION_FORM, ISSUE_FORMS
from .repository import CONTENT_FOLDER, Repository, read_repository

NEW_FILE_SUFFIX = ".md"
"""``atlas new`` writes Markdown with front matter; the editor link makes the same file."""
MAX_URL_LENGTH = 8000
"""Longer request lines are refused by common web servers (8 KiB); today's longest editor link is about 2,600."""


@dataclass(frozen=True)
class Contributing:
    """What the contribution links need: the repository, and the content tree ``atlas new`` reads."""

    repository: Repository
    content_dir: Path
    """Where the template's example references (an existing id per kind) come from."""

    @classmethod
    def from_config(cls, config: AtlasConfig) -> Contributing:
        return cls(read_repository(config.mkdocs_file), config.content_dir)


@dataclass(frozen=True)
class KindRoute:
    """How to add an entry of one kind from the site."""

    kind: Kind
    folder: str
    """The kind's folder in the repository, such as ``content/partners``."""
    filename: str
    template: str
    """The text the editor opens with: what ``atlas new <kind> <PLACEHOLDER_ID>`` writes."""
    editor_url: str
    form_url: str | None
    """The kind's issue form; None for kinds the maintainers curate (themes, regions)."""

    @property
    def curated(self) -> bool:
        return self.form_url is None


def kind_route(contributing: Contributing, kind: Kind, today: date) -> KindRoute:
    repository = contributing.repository
    folder = f"{CONTENT_FOLDER}/{kind.folder}"
    filename = f"{PLACEHOLDER_ID}{NEW_FILE_SUFFIX}"
    template = template_text(kind, PLACEHOLDER_ID, contributing.content_dir, today)
    form = ISSUE_FORMS.get(kind.key)
    editor_url = repository.new_file(folder, filename, template)
    if len(editor_url) > MAX_URL_LENGTH:
        raise AtlasError(
            f"de editorlink voor {kind.plural.lower()} is {len(editor_url)} tekens lang, meer dan {MAX_URL_LENGTH}"
        )
    return KindRoute(
        kind=kind,
        folder=folder,
        filename=filename,
        template=template,
        editor_url=editor_url,
        form_url=repository.issue_form(form) if form else None,
    )


def kind_routes(contributing: Contributing, today: date) -> list[KindRoute]:
    """One route per kind: the kinds anyone adds first, then the curated ones, each in the order of the site."""
    routes = [kind_route(contributing, kind, today) for kind in KINDS]
    return sorted(routes, key=lambda route: route.curated)


def entry_file(atlas: Atlas, entity: Any) -> str:
    """The entry's own content file, relative to the repository root (not the generated page)."""
    kind = KIND_BY_KEY[type(entity).KIND]
    record = atlas.sources[(kind.key, entity.id)]
    return f"{CONTENT_FOLDER}/{kind.folder}/{PurePosixPath(record.path).name}"


def edit_url(repository: Repository, atlas: Atlas, entity: Any) -> str | None:
    """The entry's file in GitHub's editor; None for an entry taken from another atlas (edited at its source)."""
    if (type(entity).KIND, entity.id) not in atlas.sources:
        return None
    return repository.edit(entry_file(atlas, entity))


def correction_url(repository: Repository, entity: Any) -> str:
    """The correction form, its title naming the entry."""
    return repository.issue_form(CORRECTION_FORM, title=f"Correctie: {label(entity)}")
