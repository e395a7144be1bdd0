"""The entry pages rendered and written by forked workers, a share each, while this process renders the rest.

Rendering is most of ``generate_docs``, and almost all of it is the entry pages: one per entry, each needing only
the atlas. So after validation one worker per core is forked (sharing the atlas, the links and the matcher
without copying or pickling them); each renders every n-th entry page with its JSON-LD and keeps the bytes. This
process meanwhile renders the pages about the whole atlas (home, overviews, signals, …), the search index and,
beside it, the open data (``alongside``). Only when everything rendered without an error are the workers told to
write their files (only those that changed, as ``write_tree`` does); then ``write_tree`` writes the rest and
removes what is stale. The docs folder is the same, byte for byte, as when one process makes it.

A failure is the one a single process would have met first: an entry page's error comes before the error of a
page rendered after it in ``Renderer.render_all``'s order; the search index and the open data come after every
page, the JSON-LD after those. A path twice in the docs folder is refused before anything is written.

Forking a process that runs other threads can leave a lock held in the child forever (a progress display on a
terminal draws from a thread), so then, and below ``PARALLEL_FROM`` entries, nothing is forked: ``generate_docs``
then renders every page with ``render_site`` and writes them with ``write_tree``, as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..atlas import Atlas
from ..broker.match.questions import QuestionHelp, help_all
from ..config import AtlasConfig
from ..contribute.routes import Contributing
from ..errors import BuildError
from ..exchange.jsonld import json_ld_blocks
from ..exchange.siteurl import read_site
from ..kinds import KINDS, Kind
from ..progress import QUIET, Progress
from ..render import Renderer, page_path
from ..search.lunrindex import available_cores
from .alongside import can_fork

PARALLEL_FROM = 500
"""From this many entries on the entry pages are rendered by one forked worker per core."""
ELSEWHERE = "\0 an entry page a worker renders \0"
"""What this process puts in place of an entry page a worker renders (told apart by identity)."""

Entry = tuple[int, Kind, Any]
"""An entry with its place in ``render_all``'s order."""
Failure = tuple[tuple[int, int], BaseException]
"""An error with where a single process would have met it: (stage, entry), lowest first."""
RENDERING, JSON_LD, WRITING = 0, 1, 2


def entries_in_order(atlas: Atlas) -> list[Entry]:
    """Every entry as ``Renderer.render_all`` renders them: kind by kind, each kind by id."""
    ordered = [(kind, entity) for kind in KINDS for entity in atlas.of(kind.key)]
    return [(place, kind, entity) for place, (kind, entity) in enumerate(ordered)]


def worker_count(entries: int) -> int:
    """One worker per core from ``PARALLEL_FROM`` entries on, if forking is safe; else none."""
    cores = available_cores()
    return cores if cores > 1 and entries >= PARALLEL_FROM and can_fork() else 0


class SiteRenderer(Renderer):
    """In this process: every page, but an entry page only as ``ELSEWHERE`` (counted in ``marked``). In a worker:
    entry pages, with the help for the questions of its share only, computed there."""

    entries_elsewhere = False
    marked = 0
    share_questions: list[Any] | None = None

    def render_entry(self, kind: Kind, entity: Any) -> str:
        if not self.entries_elsewhere:
            return super().render_entry(kind, entity)
        self.marked += 1
        return ELSEWHERE

    def question_help(self, question: Any) -> QuestionHelp:
        if self._question_helps is None and self.share_questions is not None:
            self._question_helps = help_all(self.question_helper, self.share_questions, workers=1)
        return super().question_help(question)


class EntryPages:
    """The forked workers of one ``generate_docs`` (none: ``forked`` is false, nothing changes); see the module."""

    def __init__(self, config: AtlasConfig, atlas: Atlas, progress: Progress, workers: int) -> None:
        self.config, self.atlas, self.progress = config, atlas, progress
        self.entries = entries_in_order(atlas) if workers else []
        self.workers: list[tuple[Any, Connection, int]] = []  # (process, connection, share size)
        self.elsewhere: list[str] = []  # the paths the workers write
        self.later: list[Failure] = []  # the workers' failures after rendering (their JSON-LD)
        self.done = False
        if workers:
            self.renderer = SiteRenderer(atlas, config.today, Contributing.from_config(config))
            self._start(workers)

    @property
    def forked(self) -> bool:
        return bool(self.workers)

    def _start(self, workers: int) -> None:
        for name in self.renderer.env.list_templates():  # compiled once here, not once per worker
            self.renderer.env.get_template(name)
        site_url = read_site(self.config.mkdocs_file).url
        context = multiprocessing.get_context("fork")
        gc.freeze()  # the collector of a worker then leaves the shared objects (and their memory pages) alone
        try:
            for index in range(workers):
                share = self.entries[index::workers]
                ours, theirs = multiprocessing.Pipe()
                process = context.Process(
                    target=_work,
                    args=(self.renderer, share, site_url, self.config.docs_dir, theirs),
                    name=f"deel {index + 1} van de pagina's",
                    daemon=True,
                )
                process.start()
                theirs.close()  # the worker holds its end: this process sees end-of-file when it dies
                self.workers.append((process, ours, len(share)))
        finally:
            gc.unfreeze()
        self.renderer.entries_elsewhere = True

    def render_rest(self) -> dict[str, str]:
        """Every page but the workers' entry pages, by docs path, once every worker rendered its share; raises the
        rendering error a single process would have met first."""
        self.progress.stage("Pagina's maken", len(self.entries))
        failures: list[Failure] = []
        pages: dict[str, str] = {}
        try:
            pages = self.renderer.render_all()
        except Exception as error:
            failures.append(((RENDERING, self.renderer.marked), error))
        for failure in self._reports(advance=True):
            (failures if failure[0][0] == RENDERING else self.later).append(failure)
        if failures:
            raise first(failures)
        self.elsewhere = [path for path, text in pages.items() if text is ELSEWHERE]
        for path in self.elsewhere:
            del pages[path]
        return pages

    def _reports(self, advance: bool = False) -> Iterator[Failure]:
        """The failures the workers report (in the order they report); ``advance``: the progress by each share done."""
        sizes = {connection: (process, size) for process, connection, size in self.workers}
        while sizes:
            for ready in wait(list(sizes)):
                connection = ready if isinstance(ready, Connection) else None
                if connection is None:
                    continue
                process, size = sizes.pop(connection)
                try:
                    report: Failure | None = connection.recv()
                except EOFError:
                    process.join()
                    message = f"het renderen van {process.name} stopte zonder resultaat (code {process.exitcode})"
                    report = ((RENDERING, -1), BuildError(message))
                if report is not None:
                    yield report
                elif advance:
                    self.progress.advance(size)

    def write(self, files: Iterable[tuple[str, bytes]]) -> Iterable[tuple[str, bytes]]:
        """``files`` (the rest of the docs folder, for ``write_tree``), after the workers wrote their pages. Raises
        the workers' later failures and refuses a path twice before anything is written."""
        if not self.forked:
            return files
        if self.later:
            raise first(self.later)
        rest = list(files)
        refuse_a_path_twice([*(path for path, _ in rest), *self.elsewhere])
        entry_paths = {page_path(entity) for _, _, entity in self.entries}
        overwritten = entry_paths - set(self.elsewhere)  # a later page of the same path replaced the entry's page
        for _, connection, _ in self.workers:
            connection.send(overwritten)
        failures = list(self._reports())
        self.done = True
        if failures:
            raise first(failures)
        return rest

    def stop(self) -> None:
        """Let go of the workers: a worker still waiting to write ends without writing; one still rendering (this
        process failed) is ended."""
        for process, connection, _ in self.workers:
            connection.close()
            if not self.done:
                process.terminate()
            process.join()
        self.workers = []


def first(failures: list[Failure]) -> BaseException:
    """The error of the failure a single process would have met first."""
    return min(failures, key=lambda failure: failure[0])[1]


@contextmanager
def entry_pages(
    config: AtlasConfig, atlas: Atlas, progress: Progress = QUIET, workers: int | None = None
) -> Iterator[EntryPages]:
    """The entry pages rendered by ``workers`` forked workers (``worker_count`` by default; 0: none)."""
    count = sum(len(entries) for entries in atlas.entries.values())
    pages = EntryPages(config, atlas, progress, worker_count(count) if workers is None else workers)
    try:
        yield pages
    finally:
        pages.stop()


def refuse_a_path_twice(paths: list[str]) -> None:
    """``write_tree``'s check, before anything is written: a path met twice is refused, with the same message."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise BuildError(f"{path}: twee keer in de docs-map")
        seen.add(path)


def _work(renderer: SiteRenderer, share: list[Entry], site_url: str, docs_dir: Path, connection: Connection) -> None:
    """In a worker: render the share, report, then (when told) write it and report again."""
    try:
        files = _render_share(renderer, share, site_url)
    except _Failed as failed:
        _send(connection, (failed.where, failed.error))
        return
    _send(connection, None)
    try:
        skip = connection.recv()
    except EOFError:  # the parent failed elsewhere: nothing is written
        return
    try:
        for path, content in files:
            if path not in skip:
                write_if_changed(docs_dir / path, content)
    except Exception as error:
        _send(connection, ((WRITING, 0), error))
        return
    _send(connection, None)


class _Failed(Exception):
    def __init__(self, where: tuple[int, int], error: Exception) -> None:
        super().__init__(str(error))
        self.where, self.error = where, error


def _render_share(renderer: SiteRenderer, share: list[Entry], site_url: str) -> list[tuple[str, bytes]]:
    """The share's pages with their JSON-LD, as ``docs_files`` makes them."""
    renderer.progress = QUIET
    renderer.share_questions = [entity for _, kind, entity in share if kind.key == "question"]
    pages: dict[str, str] = {}
    for place, kind, entity in share:
        try:
            pages[page_path(entity)] = renderer.render_entry(kind, entity)
        except Exception as error:
            raise _Failed((RENDERING, place), error) from error
    try:
        json_ld = json_ld_blocks(pages, renderer.atlas, site_url, renderer.links)
    except Exception as error:
        raise _Failed((JSON_LD, 0), error) from error
    files = []
    for path in list(pages):  # each page encoded and let go of as it goes: not held as text and bytes at once
        text = pages.pop(path)
        files.append((path, (text + json_ld.pop(path) if path in json_ld else text).encode("utf-8")))
    return files


def _send(connection: Connection, report: Failure | None) -> None:
    """A report to the parent; an error that cannot be pickled (or not unpickled) goes as its text."""
    if report is not None:
        where, error = report
        try:
            pickle.loads(pickle.dumps(error))  # noqa: S301  # made here, from this very process
        except Exception:
            report = (where, BuildError(f"{type(error).__name__}: {error}"))
    connection.send(report)


def write_if_changed(path: Path, content: bytes) -> bool:
    """``write_tree``'s write: only when the file does not hold ``content`` already (a server watches mtimes)."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True
