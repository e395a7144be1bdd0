"""``atlas serve``: the real site on a local address, re-rendered when content changes.

mkdocs' live-reload server watches the docs folder; a watchdog observer on the
content folder re-renders into it, so mkdocs only sees the files that changed.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import generate_docs
from .config import AtlasConfig
from .errors import ContentErrors

log = logging.getLogger("atlas.serve")


class _Rerender(FileSystemEventHandler):
    """Re-render shortly after the last change (editors save in several steps)."""

    def __init__(self, config: AtlasConfig, delay: float = 0.3) -> None:
        self.config = config
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.rerender)
            self._timer.daemon = True
            self._timer.start()

    def rerender(self) -> None:
        try:
            generate_docs(self.config)
            log.info("Content opnieuw gegenereerd.")
        except ContentErrors as failure:
            for error in failure.errors:
                log.error("%s", error)
            log.error("%s; de site toont de laatste geldige versie.", failure.summary())


def serve(config: AtlasConfig, dev_addr: str) -> None:
    """Render, then serve with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    generate_docs(config)
    observer = Observer()
    observer.schedule(_Rerender(config), str(Path(config.content_dir)), recursive=True)
    observer.start()
    try:
        mkdocs_serve(
            config_file=str(config.mkdocs_file),
            livereload=True,
            dev_addr=dev_addr,
            docs_dir=str(config.docs_dir),
            strict=False,
        )
    finally:
        observer.stop()
        observer.join()
