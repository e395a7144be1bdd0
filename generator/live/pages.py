"""The rendered pages of ``atlas serve``, kept in memory and brought up to date in two steps after an edit.

``edit`` (fast, before the browser reloads): the pages of the edited entries and every entry page
that read them, their links or their kind (``tracking``), plus free pages whose text changed.
Question pages show the matcher's help with the help computed at the last ``settle``.

``settle`` (after the reload, in another process, while the site stays usable): what depends on the
whole atlas: the matcher (match.json and the help on every question page; question pages whose
help changed are rendered again, in ``catch_up``'s rounds), signals, the home page, the overviews, the
search index. It is computed from one atlas and applied only if no edit came in between. After it
and ``catch_up`` the pages equal a full render of the same content.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..atlas import Atlas
from ..broker.match.questions import QuestionHelp, QuestionHelper, help_all
from ..contribute.routes import Contributing
from ..derive import Key
from ..kinds import KIND_BY_KEY, KINDS, Kind
from ..models import Entity
from ..render import Renderer, page_path
from ..search.searchindex import render_search_index
from .tracking import PageReads, Recorder, TrackedAtlas, TrackedLinks

SECTION_KINDS = {kind.section: kind for kind in KINDS}
AT_ONCE = 60
"""Pages rendered before the browser reloads; more (a renamed theme reaches a thousand pages in a national
atlas) and the rest follow in the background, the pages open in a browser first."""


@dataclass
class DocsChange:
    """Docs paths to (re)write with their text, and docs paths to remove."""

    written: dict[str, str] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    atlas_changed: bool = True
    """False when the edit changed no entry and no free page (a file saved unchanged)."""

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


class LiveRenderer(Renderer):
    """Notes what each entry page reads; in a settle pass, hands out entry pages from ``cached``."""

    def __init__(
        self,
        atlas: TrackedAtlas,
        today: date | None,
        links: TrackedLinks,
        reads: PageReads,
        settled: Settled,
        contributing: Contributing | None = None,
    ) -> None:
        super().__init__(atlas, today, contributing, links=links, matcher=settled.helper.matcher)
        self.question_helper = settled.helper
        self.recorder = links.recorder
        self.reads = reads
        self.helps = settled.helps
        self.cached: dict[str, str] | None = None

    def render_entry(self, kind: Kind, entity: Any) -> str:
        path = page_path(entity)
        if self.cached is not None and path in self.cached:
            return self.cached[path]
        with self.recorder.page() as reads:
            text = super().render_entry(kind, entity)
        self.reads.note(path, reads)
        return text

    def question_help(self, question: Any) -> QuestionHelp:
        """The help of the last settle; for a question added since, from the matcher of then."""
        found = self.helps.get(question.id)
        return found if found is not None else self.question_helper.help(question)

    def use(self, atlas: TrackedAtlas) -> None:
        self.atlas = atlas
        self.env.globals["atlas"] = atlas
        self._signals = None


class _WholeAtlasRenderer(Renderer):
    """Renders what depends on the whole atlas; entry pages are left to ``LivePages``."""

    def render_entry(self, kind: Kind, entity: Any) -> str:
        return ""


@dataclass
class Settled:
    """Everything that depends on the whole of one atlas."""

    atlas: Atlas
    helper: QuestionHelper
    helps: dict[str, QuestionHelp]
    pages: dict[str, str]


def settle_pages(atlas: Atlas, today: date | None, contributing: Contributing | None = None) -> Settled:
    """Matcher, help, overviews, home, signals, search index of ``atlas``: reads nothing but ``atlas``."""
    renderer = _WholeAtlasRenderer(atlas, today, contributing)
    helps = help_all(renderer.question_helper, atlas.of("question"))
    entry_pages = {page_path(entity) for entries in atlas.entries.values() for entity in entries.values()}
    free_pages = {f"{page.slug}.md" for page in atlas.pages}
    pages = {path: text for path, text in renderer.render_all().items() if path not in entry_pages | free_pages}
    pages.update(render_search_index(atlas))
    return Settled(atlas, renderer.question_helper, helps, pages)


def _free_pages(atlas: Atlas) -> dict[str, str]:
    return {f"{page.slug}.md": page.text.strip() + "\n" for page in atlas.pages}


class LivePages:
    """Every page of the site for the current atlas, by docs path."""

    def __init__(self, atlas: Atlas, today: date | None = None, contributing: Contributing | None = None) -> None:
        self.today = today
        self.contributing = contributing
        self.atlas = atlas
        self.recorder = Recorder()
        self.reads = PageReads()
        self.links = TrackedLinks(TrackedAtlas(atlas, self.recorder), self.recorder)
        settled = settle_pages(atlas, today, contributing)
        self.renderer = LiveRenderer(self.links.tracked, today, self.links, self.reads, settled, contributing)
        self.whole_atlas_paths = set(settled.pages)
        self.deferred: set[str] = set()
        self.at_once = AT_ONCE
        self.docs = self.renderer.render_all()
        self.docs.update(settled.pages)

    def edit(self, atlas: Atlas, first: Collection[str] = ()) -> DocsChange:
        """Bring the entry and free pages up to date with ``atlas``, the content after an edit.

        When more than ``self.at_once`` pages read what changed (a theme renamed: every page of the theme),
        only the pages in ``first`` (those open in a browser) are rendered now, or if none of them is
        stale, the edited entries' own pages; the others wait in ``deferred`` for ``catch_up``."""
        entries, edges, kinds = self._follow(atlas)
        if not entries and _free_pages(self.atlas) == _free_pages(atlas):
            return DocsChange(atlas_changed=False)
        tracked = TrackedAtlas(atlas, self.recorder)
        self.links.use(tracked)
        self.renderer.use(tracked)
        change = DocsChange()
        stale = self.reads.readers(entries, edges, kinds) | self.deferred
        own = set()
        for kind_key, key in entries:
            entity = atlas.entries[kind_key].get(key)
            path = f"{KIND_BY_KEY[kind_key].section}/{key}.md"
            if entity is None:
                self.reads.drop(path)
                stale.discard(path)
                self.deferred.discard(path)
                if self.docs.pop(path, None) is not None:
                    change.removed.add(path)
            else:
                own.add(path)
        stale |= own
        now = stale if len(stale) <= self.at_once else (stale & set(first)) or own
        self.deferred = stale - now
        for path in sorted(now):
            self._render(path, change)
        old_free, new_free = _free_pages(self.atlas), _free_pages(atlas)
        for path in old_free.keys() - new_free.keys():
            self.docs.pop(path, None)
            change.removed.add(path)
        for path, text in new_free.items():
            if self.docs.get(path) != text:
                self.docs[path] = change.written[path] = text
        self.atlas = atlas
        return change

    def catch_up(self, pages: int) -> DocsChange:
        """Render up to ``pages`` of the deferred pages."""
        change = DocsChange()
        for path in sorted(self.deferred)[:pages]:
            self.deferred.discard(path)
            self._render(path, change)
        return change

    def _render(self, path: str, change: DocsChange) -> None:
        section, _, name = path.partition("/")
        kind = SECTION_KINDS[section]
        entity = self.atlas_entity(kind, name.removesuffix(".md"))
        if entity is None:
            return
        text = self.renderer.render_entry(kind, entity)
        if self.docs.get(path) != text:
            self.docs[path] = change.written[path] = text

    def atlas_entity(self, kind: Kind, key: str) -> Entity | None:
        return self.links.tracked.plain.entries[kind.key].get(key)

    def _follow(self, atlas: Atlas) -> tuple[set[Key], set[Key], set[str]]:
        """What changed from the current atlas to ``atlas``: entries, entries whose links changed, kinds.
        Updates the links on the way."""
        entries: set[Key] = set()
        edges: set[Key] = set()
        kinds: set[str] = set()
        for kind in KINDS:
            before, after = self.atlas.entries[kind.key], atlas.entries[kind.key]
            for key in before.keys() | after.keys():
                old, new = before.get(key), after.get(key)
                if old is new or (old is not None and new is not None and old == new):
                    continue
                entries.add((kind.key, key))
                kinds.add(kind.key)
                old_refs = {(target, ref) for _, target, ref in old.references()} if old else set()
                new_refs = {(target, ref) for _, target, ref in new.references()} if new else set()
                if old is None or new is None or old_refs != new_refs:
                    edges.add((kind.key, key))
                    edges.update(old_refs ^ new_refs if old and new else old_refs | new_refs)
                self.links.replace(kind.key, old, new)
        return entries, edges, kinds

    def settle(self, helps: dict[str, QuestionHelp], pages: dict[str, str]) -> DocsChange:
        """Take in what depends on the whole current atlas (computed by ``settle_pages`` on an equal atlas, in
        the background process): the whole-atlas files now; the question pages whose help changed are
        deferred to ``catch_up``, so that no long step holds the lock."""
        change = DocsChange()
        old_helps = self.renderer.helps
        self.renderer.helps = helps
        section = KIND_BY_KEY["question"].section
        self.deferred |= {f"{section}/{key}.md" for key, found in helps.items() if old_helps.get(key) != found}
        for path in self.whole_atlas_paths - pages.keys():
            self.docs.pop(path, None)
            change.removed.add(path)
        self.whole_atlas_paths = set(pages)
        for path, text in pages.items():
            if self.docs.get(path) != text:
                self.docs[path] = change.written[path] = text
        return change
