"""One ``atlas serve`` session: content, pages, docs folder and site folder, kept in step edit by edit.

``edit`` runs when content files changed and must be quick (the browser reloads after it);
``settle`` follows in the background and brings what depends on the whole atlas up to date
(see ``pages``). Both hold ``lock`` while they change anything; ``settle`` computes without it, so an
edit never waits for the matcher. An invalid edit changes nothing: the errors are reported and the
last valid site stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from ..build import asset_files, mkdocs_config, write_tree
from ..config import AtlasConfig
from ..errors import ContentErrors
from .content import ContentState
from .pages import DocsChange, LivePages, settle_pages
from .site import LiveSite

log = logging.getLogger("atlas.serve")
CATCH_UP = 40
"""Deferred pages per round of ``catch_up``."""


def write_docs(docs_dir: Path, change: DocsChange) -> None:
    """Write and remove the changed docs files; folders left empty go too."""
    for path, text in change.written.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path in change.removed:
        target = docs_dir / path
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


class LiveSession:
    """The atlas of ``config`` served from ``site_dir``; raises ``ContentErrors`` at the start if invalid."""

    def __init__(self, config: AtlasConfig, site_dir: Path) -> None:
        self.config = replace(config, site_dir=site_dir, strict=False)
        self.lock = threading.Lock()
        self.content = ContentState(config.content_dir, config.root)
        self.content.refresh()
        self.pages = LivePages(self.content.assemble(), config.today)
        files = {path: text.encode("utf-8") for path, text in self.pages.docs.items()}
        write_tree(config.docs_dir, {**files, **asset_files()})
        self.site = LiveSite(mkdocs_config(self.config))
        self.site.build_all()
        self.settled = True

    def edit(self, first: Collection[str] = ()) -> bool:
        """Take in the changed content files; True if the atlas changed (then ``settle`` has work, even when
        no entry page did). Pages in ``first`` (docs paths, open in a browser) are never deferred."""
        with self.lock:
            if not self.content.refresh():
                return False
            try:
                atlas = self.content.assemble()
            except ContentErrors as failure:
                for error in failure.errors:
                    log.error("%s", error)
                log.error("%s; de site toont de laatste geldige versie.", failure.summary())
                return False
            change = self.pages.edit(atlas, first)
            if not change.atlas_changed:
                return False
            self.settled = False
            self._apply(change)
            log.info("Bijgewerkt: %d pagina's, %d verwijderd.", len(change.written), len(change.removed))
            return True

    def catch_up(self) -> bool:
        """Render the deferred pages, ``CATCH_UP`` at a time: the lock is let go between rounds, so an edit
        waits for one round at most. True if the site changed."""
        changed, more = False, True
        while more:
            with self.lock:
                change = self.pages.catch_up(CATCH_UP)
                self._apply(change)
                changed, more = changed or bool(change), bool(self.pages.deferred)
        return changed

    def settle(self) -> bool:
        """Bring what depends on the whole atlas up to date; True if the site changed. Does nothing if an
        edit came in while it computed (the next settle takes that edit in)."""
        caught_up = self.catch_up()
        with self.lock:
            if self.settled:
                return caught_up
            atlas = self.pages.atlas
        settled = settle_pages(atlas, self.config.today)
        with self.lock:
            if self.pages.atlas is not atlas:
                return caught_up
            change = self.pages.settle(settled)
            self.settled = True
            self._apply(change)
            log.info("Overzichten, zoekindex en voorstellen bijgewerkt: %d bestanden.", len(change.written))
            return caught_up or bool(change)

    def _apply(self, change: DocsChange) -> None:
        write_docs(self.config.docs_dir, change)
        self.site.update(set(change.written), change.removed)
