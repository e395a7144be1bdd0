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

from ..atlas import Atlas
from ..build import asset_files, mkdocs_config, write_tree
from ..config import AtlasConfig
from ..contribute.routes import Contributing
from ..errors import ContentErrors
from ..exchange.federation.federate import federate
from ..exchange.jsonld import with_json_ld
from ..exchange.opendata import open_data_files
from ..exchange.siteurl import commit_of, read_site
from .content import ContentState
from .pages import DocsChange, LivePages, settle_pages
from .site import LiveSite

log = logging.getLogger("atlas.serve")
CATCH_UP = 40
"""Deferred pages per round of ``catch_up``."""


def write_docs(docs_dir: Path, written: dict[str, bytes], removed: Collection[str]) -> None:
    """Write and remove the changed docs files; folders left empty go too."""
    for path, content in written.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for path in removed:
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
        self.site_info = read_site(config.mkdocs_file)
        self.contributing = Contributing.from_config(config)
        self.pages = LivePages(self._assemble(), config.today, self.contributing)
        self.open_data = self._open_data(self.pages.atlas)
        files = self._finished(self.pages.docs)
        write_tree(config.docs_dir, {**files, **self.open_data, **asset_files()})
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
                atlas = self._assemble()
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
        settled = settle_pages(atlas, self.config.today, self.contributing)
        open_data = self._open_data(atlas)
        with self.lock:
            if self.pages.atlas is not atlas:
                return caught_up
            change = self.pages.settle(settled)
            self.settled = True
            self._apply(change, open_data)
            log.info("Overzichten, zoekindex en voorstellen bijgewerkt: %d bestanden.", len(change.written))
            return caught_up or bool(change)

    def _assemble(self) -> Atlas:
        """The content as it is now, with the other atlases of ``sources`` merged in, as ``atlas build`` does."""
        return federate(self.content.assemble(), self.config.federation)

    def _finished(self, docs: dict[str, str]) -> dict[str, bytes]:
        """Rendered pages as ``generate_docs`` writes them: entry pages with their JSON-LD."""
        pages = dict(docs)
        pages.update(with_json_ld(docs, self.pages.atlas, self.site_info.url, self.pages.links))
        return {path: text.encode("utf-8") for path, text in pages.items()}

    def _open_data(self, atlas: Atlas) -> dict[str, bytes]:
        """The files of ``open-data/`` (they depend on the whole atlas: made when it settles, without the lock)."""
        site = self.site_info
        return open_data_files(atlas, name=site.name, site_url=site.url, commit=commit_of(self.config.content_dir))

    def _apply(self, change: DocsChange, open_data: dict[str, bytes] | None = None) -> None:
        written = self._finished(change.written)
        removed = set(change.removed)
        if open_data is not None:
            written.update({path: data for path, data in open_data.items() if self.open_data.get(path) != data})
            removed |= set(self.open_data) - set(open_data)
            self.open_data = open_data
        write_docs(self.config.docs_dir, written, removed)
        self.site.update(set(written), removed)
