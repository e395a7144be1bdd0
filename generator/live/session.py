"""One ``atlas serve`` session: content, pages, docs folder and site folder, kept in step edit by edit.

``edit`` runs when content files changed and must be quick (the browser reloads after it);
``settle`` follows in the background and brings what depends on the whole atlas up to date
(see ``pages``). Both hold ``lock`` while they change anything. ``settle`` has the whole-atlas work
computed by another process (``background``) and only writes its files under the lock; a result for
an atlas that an edit has replaced in the meantime is dropped (the next settle takes that edit in).
The deferred entry pages (``catch_up``) are rendered here in short rounds that give way to a waiting
edit. An invalid edit changes nothing: the errors are reported and the last valid site stays.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from ..atlas import Atlas
from ..build import asset_files, mkdocs_config, site_open_data, write_tree
from ..config import AtlasConfig
from ..contribute.routes import Contributing
from ..errors import ContentErrors
from ..exchange.federation.federate import federate
from ..exchange.jsonld import with_json_ld
from ..exchange.siteurl import read_site
from .background import Background, BackgroundError, SettleRequest, SettleResult, stamps_of
from .content import ContentState, Stamp
from .pages import DocsChange, LivePages
from .site import LiveSite

log = logging.getLogger("atlas.serve")
CATCH_UP = 10
"""Deferred pages per round of ``catch_up`` (a round holds the lock; an edit waits for one round at most)."""
GIVE_WAY = 0.01
"""Seconds ``catch_up`` sleeps between rounds while an edit waits for the lock."""
RELOAD_TIME = 1.0
"""Seconds after an edit in which ``catch_up`` leaves the process to the browsers that reload."""


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
    """The atlas of ``config`` served from ``site_dir``; raises ``ContentErrors`` at the start if invalid.
    ``close`` stops its background process (``serve`` passes one it started before the first build)."""

    def __init__(self, config: AtlasConfig, site_dir: Path, background: Background | None = None) -> None:
        self.config = replace(config, site_dir=site_dir, strict=False)
        self.background = background or Background(self.config)
        self.lock = threading.Lock()
        self.edit_waiting = threading.Event()
        self.edited_at = 0.0
        """When the last edit was taken in (``time.monotonic``)."""
        self.version = 0
        """Counts the edits that changed the atlas: a background result for an older version is dropped."""
        self.content = ContentState(config.content_dir, config.root)
        self.content.refresh()
        self.valid_stamps: dict[str, Stamp] = stamps_of(self.content)
        """The content files of the atlas served (the last valid state)."""
        self.site_info = read_site(config.mkdocs_file)
        self.contributing = Contributing.from_config(config)
        self.pages = LivePages(self._assemble(), config.today, self.contributing)
        self.open_data = site_open_data(self.config, self.pages.atlas)  # later ones: the background process
        files = self._finished(self.pages.docs)
        write_tree(config.docs_dir, {**files, **self.open_data, **asset_files()})
        self.site = LiveSite(mkdocs_config(self.config))
        self.site.build_all()
        self.settled = True

    def edit(self, first: Collection[str] = ()) -> bool:
        """Take in the changed content files; True if the atlas changed (then ``settle`` has work, even when
        no entry page did). Pages in ``first`` (docs paths, open in a browser) are never deferred."""
        self.edit_waiting.set()
        with self.lock:
            self.edit_waiting.clear()
            timer = Timer()
            if not self.content.refresh():
                return False
            timer.lap("lezen")
            try:
                atlas = self._assemble()
            except ContentErrors as failure:
                for error in failure.errors:
                    log.error("%s", error)
                log.error("%s; de site toont de laatste geldige versie.", failure.summary())
                return False
            timer.lap("controleren")
            self.valid_stamps = stamps_of(self.content)  # valid, and the atlas served from now on
            change = self.pages.edit(atlas, first)
            if not change.atlas_changed:
                return False
            timer.lap("renderen")
            self.settled = False
            self.version += 1
            self._apply(change)
            timer.lap("mkdocs en schrijven")
            self.edited_at = time.monotonic()
            log.info(
                "Bijgewerkt: %d pagina's, %d verwijderd, %d later (%s).",
                len(change.written),
                len(change.removed),
                len(self.pages.deferred),
                timer,
            )
            return True

    def catch_up(self) -> bool:
        """Render the deferred pages, ``CATCH_UP`` at a time: the lock is let go between rounds, so an edit
        waits for one round at most; no round starts while an edit waits or browsers reload after one. True if
        the site changed."""
        changed, more = False, True
        while more:
            if self.edit_waiting.is_set() or time.monotonic() - self.edited_at < RELOAD_TIME:
                time.sleep(GIVE_WAY)
                continue
            with self.lock:
                change = self.pages.catch_up(CATCH_UP)
                self._apply(change)
                changed, more = changed or bool(change), bool(self.pages.deferred)
        return changed

    def settle(self) -> bool:
        """Bring what depends on the whole atlas up to date; True if the site changed. Does nothing if an
        edit came in while the background process computed (the next settle takes that edit in)."""
        caught_up = self.catch_up()
        asked = self.settle_request()
        if asked is None:
            return caught_up
        version, request = asked
        started = time.perf_counter()
        try:
            result = self.background.compute(request)
        except BackgroundError as error:
            if not self.background.stopped:  # stopping the server stops it in the middle of its work
                log.error("Bijwerken op de achtergrond mislukt: %s", error)
            return caught_up
        applied = self.apply_settled(version, result, time.perf_counter() - started)
        return self.catch_up() or applied or caught_up

    def settle_request(self) -> tuple[int, SettleRequest] | None:
        """What to ask the background process for the atlas served now; None if it has settled."""
        with self.lock:
            if self.settled:
                return None
            pages = {path: self.pages.docs[path] for path in self.pages.whole_atlas_paths if path.endswith(".md")}
            pages.update({path: data.decode("utf-8") for path, data in self.open_data.items() if path.endswith(".md")})
            return self.version, SettleRequest(dict(self.valid_stamps), pages)

    def apply_settled(self, version: int, result: SettleResult | None, seconds: float = 0.0) -> bool:
        """Write what the background process computed for ``version``; False (and nothing written) if the
        atlas has changed since or the process found other content than asked for."""
        with self.lock:
            if result is None or version != self.version:
                log.info("Achtergrondwerk vervallen: er kwam een wijziging tussen.")
                return False
            timer = Timer()
            change = self.pages.settle(result.helps, result.pages)
            self.settled = True
            self._apply(change, result.open_data, result.html)
            timer.lap("schrijven")
            log.info(
                "Overzichten, zoekindex en voorstellen bijgewerkt: %d bestanden, %d vraagpagina's volgen "
                "(achtergrond %.2f s, %s).",
                len(change.written),
                len(self.pages.deferred),
                seconds,
                timer,
            )
            return bool(change) or bool(self.pages.deferred)

    def close(self) -> None:
        """Stop the background process (also in the middle of its work)."""
        self.background.stop()

    def __enter__(self) -> LiveSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _assemble(self) -> Atlas:
        """The content as it is now, with the other atlases of ``sources`` merged in, as ``atlas build`` does."""
        return federate(self.content.assemble(), self.config.federation)

    def _finished(self, docs: dict[str, str]) -> dict[str, bytes]:
        """Rendered pages as ``generate_docs`` writes them: entry pages with their JSON-LD."""
        pages = dict(docs)
        pages.update(with_json_ld(docs, self.pages.atlas, self.site_info.url, self.pages.links))
        return {path: text.encode("utf-8") for path, text in pages.items()}

    def _apply(
        self, change: DocsChange, open_data: dict[str, bytes] | None = None, html: dict[str, str] | None = None
    ) -> None:
        """Write the changed docs files and bring the site up to date: pages in ``html`` (converted by the
        background process) are written as they are, mkdocs converts the others."""
        written = self._finished(change.written)
        removed = set(change.removed)
        if open_data is not None:
            written.update({path: data for path, data in open_data.items() if self.open_data.get(path) != data})
            removed |= set(self.open_data) - set(open_data)
            self.open_data = open_data
        write_docs(self.config.docs_dir, written, removed)
        placed = self.site.place({path: text for path, text in (html or {}).items() if path in written})
        self.site.update(set(written) - placed, removed)


class Timer:
    """Seconds per step, for the log: where an edit's time goes."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, now - self._last))
        self._last = now

    def __str__(self) -> str:
        total = sum(seconds for _, seconds in self.laps)
        return ", ".join([f"{total:.2f} s", *(f"{name} {seconds:.2f}" for name, seconds in self.laps)])
