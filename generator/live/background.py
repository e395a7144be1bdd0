"""The whole-atlas work of ``atlas serve`` in a process of its own, away from the serving process's GIL.

After an edit, what depends on the whole atlas (matcher and help on question pages, overviews,
home, signals, search index, open data, and mkdocs on those pages) takes about a minute at 20,000
entries. In a thread of the serving process it held the GIL, and every edit in that minute took up
to three times as long. Here one child process (started with ``spawn``: a fork of a threaded
server is unsafe) computes it and hands back files; the serving process only writes them.

The child keeps its own ``ContentState`` of the content folder, so a request re-reads only the files
changed since the last one. A request carries the stamps of the files of the serving process's
last valid atlas; when the child's files differ (an edit came in since), it answers ``None`` at
once. Both processes read the same files with the same code, so the same stamps give the same
atlas. (Federated sources are fetched again by the child, as ``atlas build`` would.)

The child runs at a lower priority (``NICENESS``) and dies with its parent: it ignores Ctrl-C (the
terminal sends it to the whole process group; the parent stops it), asks Linux to end it when the
parent ends, and ends itself when the pipe to the parent closes. ``stop`` terminates it, also in
the middle of its work.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import threading
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from ..broker.match.questions import QuestionHelp
from ..build import site_open_data
from ..config import AtlasConfig
from ..contribute.routes import Contributing
from ..errors import AtlasError, ContentErrors
from ..exchange.federation.federate import federate
from .content import ContentState, Stamp
from .pages import settle_pages
from .wholesite import whole_atlas_html

log = logging.getLogger("atlas.serve")
PR_SET_PDEATHSIG = 1
NICENESS = 10
"""The child yields the processor to the serving process and the browser: on two busy cores an edit's reload
otherwise waits for it."""
STOP_SECONDS = 5.0
"""How long ``stop`` waits for the child after terminating it, before killing it."""


@dataclass(frozen=True)
class SettleRequest:
    """What the child needs besides the content folder: which state of it to compute for, and what the
    serving process has now of the pages the child makes (so it converts only the changed ones)."""

    stamps: dict[str, Stamp]
    pages: dict[str, str]
    """The serving process's whole-atlas docs pages (Markdown) by docs path."""


@dataclass
class SettleResult:
    """Everything that depends on the whole atlas, as files."""

    helps: dict[str, QuestionHelp]
    pages: dict[str, str]
    """Whole-atlas docs files by docs path: overviews, home, signals, search index, match.json."""
    open_data: dict[str, bytes]
    html: dict[str, str] = field(default_factory=dict)
    """HTML of the whole-atlas pages whose Markdown changed, by docs path."""


class BackgroundError(AtlasError):
    """The background process failed, or stopped."""


def stamps_of(content: ContentState) -> dict[str, Stamp]:
    return dict(content.stamps)


def settle_result(config: AtlasConfig, content: ContentState, request: SettleRequest) -> SettleResult | None:
    """The whole-atlas files for the content of ``request.stamps``; None when the content is not that any more."""
    content.refresh()
    if stamps_of(content) != request.stamps:
        return None
    try:
        atlas = federate(content.assemble(), config.federation)
    except ContentErrors:
        return None  # changed and saved back with the same stamps cannot happen; an invalid state is not asked for
    settled = settle_pages(atlas, config.today, Contributing.from_config(config))
    open_data = site_open_data(config, atlas)
    pages = {
        **settled.pages,
        **{path: data.decode("utf-8") for path, data in open_data.items() if path.endswith(".md")},
    }
    changed = {path: text for path, text in pages.items() if path.endswith(".md") and request.pages.get(path) != text}
    html = whole_atlas_html(config, changed)
    return SettleResult(settled.helps, settled.pages, open_data, html)


def _die_with_parent() -> None:
    """Linux: SIGTERM to this process when its parent ends, however it ends."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the closed pipe still ends the child once it is idle


def _child(connection: Connection, config: AtlasConfig) -> None:
    """The child's loop: a request in, a result (or None, or an error text) out, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    os.nice(NICENESS)
    content = ContentState(config.content_dir, config.root)
    content.refresh()  # read every file while the serving process builds the site
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer: Any = settle_result(config, content, request)
        except Exception:  # handed to the parent, which logs it: the child keeps serving
            answer = traceback.format_exc()
        connection.send(answer)


class Background:
    """One child process that answers ``SettleRequest``s; ``compute`` blocks the calling thread only."""

    def __init__(self, config: AtlasConfig) -> None:
        self.config = config
        self._process: Any = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def pid(self) -> int | None:
        return None if self._process is None else int(self._process.pid)

    def start(self) -> None:
        with self._lock:
            if self._stopped:
                raise BackgroundError("het achtergrondproces is gestopt")
            if self._process is not None and self._process.is_alive():
                return
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            self._process = context.Process(target=_child, args=(child, self.config), name="atlas-serve-background")
            self._process.start()
            child.close()
            self._connection = parent
            log.info("Achtergrondproces gestart (pid %d).", self._process.pid)

    def compute(self, request: SettleRequest) -> SettleResult | None:
        """The child's answer to ``request``; raises ``BackgroundError`` if it failed or was stopped."""
        self.start()
        connection = self._connection
        if connection is None:
            raise BackgroundError("het achtergrondproces is gestopt")
        try:
            connection.send(request)
            answer = connection.recv()
        except (EOFError, OSError) as error:
            self._forget()
            raise BackgroundError("het achtergrondproces is gestopt") from error
        if isinstance(answer, str):
            raise BackgroundError(answer)
        result: SettleResult | None = answer
        return result

    def _forget(self) -> None:
        with self._lock:
            self._process, self._connection = None, None

    def stop(self) -> None:
        """End the child, also in the middle of its work, and wait until it is gone."""
        with self._lock:
            self._stopped = True
            process, connection = self._process, self._connection
        if process is not None:
            process.terminate()
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()
        if connection is not None:
            connection.close()
