"""``atlas serve``: the real site on a local address, brought up to date within moments of an edit.

The design, for a national atlas of 20,000 entries where a full build takes minutes:

1. Content (``live.content``): every file is read and checked once and kept with its stamp; after an
   edit only changed files are read and validated again, and the rules across files (duplicate
   ids, unknown references, required pages) run over the kept results, so an invalid edit shows the
   same errors as ``atlas validate`` and leaves the last valid site in place.
2. Pages (``live.pages``, ``live.tracking``): while an entry page renders, every entry, set of links
   and whole kind it reads is noted. An edit re-renders the pages of the changed entries and the
   pages that read them; a theme's new name reaches every page that shows it; a removed entry's
   page goes. What depends on the whole atlas (matcher and help on question pages, signals,
   overviews, home page, search index) follows in a background step, ``settle``.
3. Site (``live.site``): mkdocs builds once, then only the changed pages, with its own per-page
   functions, into a folder of its own; the sitemap when pages came or went.
4. Reload: mkdocs' live-reload server serves that folder, watches the content folder and calls the
   edit step; browsers reload when it returns, and again after ``settle`` if it changed anything.
5. Background (``live.background``): ``settle``'s whole-atlas work runs in a child process, started
   before the first build; the serving process only writes its files. Ctrl-C and SIGTERM stop the
   server and that child, also in the middle of its work.
"""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer

from .config import AtlasConfig
from .live.background import Background
from .live.session import LiveSession

log = logging.getLogger("atlas.serve")
OPEN_PAGES = 20
"""Docs paths of the pages browsers asked for last."""


def docs_paths(url_path: str) -> list[str]:
    """The docs files a site address can come from: /themas/droogte/ → themas/droogte.md or
    themas/droogte/index.md. Not a page (assets, live-reload polls): none."""
    if not url_path.endswith("/"):
        return []
    name = url_path.strip("/")
    return [f"{name}.md", f"{name}/index.md"] if name else ["index.md"]


class AtlasServer(LiveReloadServer):
    """mkdocs' live-reload server (1.6, pinned), watching with the system's file events instead of polling
    20,000 files, and able to reload browsers after a background step."""

    def __init__(self, session: LiveSession, host: str, port: int, root: str) -> None:
        self.session = session
        self._settle_wanted = threading.Event()
        self._open_pages: deque[str] = deque(maxlen=OPEN_PAGES)
        super().__init__(builder=self.rebuild, host=host, port=port, root=root)
        self.observer = Observer()  # type: ignore[assignment]  # any watchdog observer will do
        self.error_handler = self._error_page
        self._settler = threading.Thread(target=self._settle_loop, daemon=True)

    def rebuild(self) -> None:
        changed = self.session.edit(first=set(self._open_pages))
        if changed or not self.session.settled:  # also after a background result was dropped
            self._settle_wanted.set()

    def serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        """Note the pages browsers open: after an edit they are rendered first."""
        self._open_pages.extend(docs_paths(str(environ.get("PATH_INFO", "/"))))
        return super().serve_request(environ, start_response)

    def _settle_loop(self) -> None:
        while True:
            self._settle_wanted.wait()
            self._settle_wanted.clear()
            try:
                if self.session.settle():
                    self.reload_browsers()
            except Exception:
                log.exception("Bijwerken van overzichten en zoekindex mislukt")

    def reload_browsers(self) -> None:
        """Tell every open page that a newer version of the site is visible."""
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch = max(self._visible_epoch, self._wanted_epoch) + 1
            self._epoch_cond.notify_all()

    def _error_page(self, code: int) -> bytes | None:
        page = Path(self.root) / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    def serve(self, *, open_in_browser: bool = False) -> None:
        self._settler.start()
        super().serve(open_in_browser=open_in_browser)  # type: ignore[no-untyped-call]


def _interrupted(signum: int, frame: FrameType | None) -> None:
    """SIGTERM as Ctrl-C: the server stops through its ``finally`` blocks, which stop the background process."""
    raise KeyboardInterrupt


def serve(config: AtlasConfig, dev_addr: str) -> None:
    """Build, then serve with live reload until interrupted (Ctrl-C or SIGTERM)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    host, _, port = dev_addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="atlas-serve-"))
    background = Background(config)
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        background.start()  # it reads the content while the first build runs
        session = LiveSession(config, site_dir, background)
        server = AtlasServer(session, host or "127.0.0.1", int(port), str(site_dir))
        server.watch(str(config.content_dir))
        try:
            server.serve()
        finally:
            server.shutdown()
    except KeyboardInterrupt:
        log.info("Gestopt.")
    finally:
        background.stop()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(site_dir, ignore_errors=True)
