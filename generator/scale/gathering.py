"""The atlas a build renders, loaded and validated on every core.

Reading a content file (strict YAML with positions) and validating it against its model (pydantic, then the text
checks) needs that file alone: nine tenths of ``gather``. So for a build, each forked worker (and the parent) takes
every n-th file, reads and validates it, and hands back the validated entries; the parent puts them back in the
order of the files and runs what needs the whole atlas: duplicate ids, the rules across files, the free pages.

A build drops each file's YAML text and the positions in it (``build.without_source_text``), so the workers drop
them before handing back, and less is pickled. Without positions no error could be located, so the first error
anywhere stops this path: the serial ``gather`` then runs from the start and raises every error, located and
ordered, exactly as without workers. Errors are rare in a build; their cost is one extra (partial) pass.

Workers are forked, so they share the parent's imports without copying them. With more than one thread (a
server such as ``atlas serve``) forking is unsafe (``alongside.can_fork``): then the serial path runs.
"""

from __future__ import annotations

import functools
import gc
from contextlib import ExitStack
from pathlib import Path

from ..atlas import Atlas
from ..build import gather, without_source_text
from ..config import AtlasConfig
from ..crossrules import check_cross_file
from ..errors import display_path
from ..kinds import KIND_BY_KEY
from ..load import Loaded, Page, Record, content_files, load_file
from ..models import Entity
from ..progress import QUIET, Progress
from ..search.lunrindex import available_cores
from ..validate import add_entry, check_pages, validate_record
from ..yamlstrict import Document
from .alongside import alongside, can_fork

PARALLEL_FROM = 1000
"""Files from which the workers pay: below it the serial path takes well under half a second."""

Validated = tuple[Record, Entity] | Page
"""One content file without errors: its entry (the record without its YAML text), or a free page."""

Sent = tuple[str, str, str, str | None, int, int, Entity] | Page
"""A validated entry as a worker hands it back: the record's fields (kind key, path, stem, body, body line and
column) rather than the record, which costs twice as much to unpickle; and the entry itself."""


def worker_count(files: int) -> int:
    return available_cores() if files >= PARALLEL_FROM else 1


def gather_for_build(config: AtlasConfig, progress: Progress = QUIET, workers: int | None = None) -> Atlas:
    """``without_source_text(gather(config))``, in ``workers`` processes (by default one per core from
    ``PARALLEL_FROM`` files on) when forking is safe; raises ``ContentErrors`` exactly as ``gather`` does."""
    if config.content_dir.is_dir() and can_fork():
        files = list(content_files(config.content_dir))
        count = worker_count(len(files)) if workers is None else workers
        if count > 1:
            atlas = gather_shared(config, files, count, progress)
            if atlas is not None:
                return atlas
    return without_source_text(gather(config, progress))


def gather_shared(config: AtlasConfig, files: list[Path], workers: int, progress: Progress) -> Atlas | None:
    """The atlas from ``files`` split over ``workers`` processes (this one included); None at the first error."""
    shown_root = display_path(config.content_dir, config.root)
    share = functools.partial(validated_share, content_dir=config.content_dir, shown_root=shown_root)
    progress.stage("Bestanden lezen en controleren", len(files))
    with ExitStack() as children:  # leaving ends every child still running (after an error, say)
        gc.freeze()  # the children's collector then leaves the inherited objects, and their pages, alone
        try:
            jobs = [
                children.enter_context(alongside(functools.partial(share, files[index::workers]), fork=True))
                for index in range(1, workers)
            ]
        finally:
            gc.unfreeze()
        mine = share(files[0::workers])
        if mine is None:
            return None
        shares = [mine]
        for job in jobs:
            theirs = job.result()
            if theirs is None:
                return None
            shares.append(theirs)
    progress.advance(len(files))
    sent: list[Sent] = [*mine, *[item for done in shares[1:] for item in done]]
    for index, done in enumerate(shares):  # back in the order of the files
        sent[index::workers] = done
    empty = Document({})
    return whole_atlas([received(item, empty) for item in sent], shown_root, progress)


def validated_share(files: list[Path], content_dir: Path, shown_root: str) -> list[Sent] | None:
    """Each file read and validated, in order, without its YAML text; None as soon as one has an error."""
    validated: list[Sent] = []
    for file in files:
        loaded = Loaded([], [], [])
        load_file(loaded, file, content_dir, shown_root)
        if loaded.errors:
            return None
        if loaded.pages:
            validated.append(loaded.pages[0])
            continue
        record = loaded.records[0]
        entity, errors = validate_record(record)
        if errors or entity is None:
            return None
        validated.append(
            (record.kind.key, record.path, record.stem, record.body, record.body_line, record.body_column, entity)
        )
    return validated


def received(item: Sent, empty: Document) -> Validated:
    """The record and entry of what a worker sent (a page as it is); ``empty`` stands for the YAML text, as in
    ``build.without_source_text``."""
    if isinstance(item, Page):
        return item
    key, path, stem, body, body_line, body_column, entity = item
    return Record(KIND_BY_KEY[key], path, stem, empty, body, body_line, body_column), entity


def whole_atlas(validated: list[Validated], shown_root: str, progress: Progress) -> Atlas | None:
    """The checks that need every file, as ``validate`` runs them; None if one finds an error."""
    progress.stage("Controleren over bestanden heen", len(validated))
    atlas = Atlas(pages=[item for item in validated if isinstance(item, Page)])
    for item in validated:
        if not isinstance(item, Page) and add_entry(atlas, item[0].kind, *item) is not None:
            return None
    if check_cross_file(atlas) or check_pages(atlas.pages, shown_root):
        return None
    progress.advance(len(validated))
    return atlas
