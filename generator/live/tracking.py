"""What an entry page read while it was rendered, so that an edit re-renders exactly the pages it can change.

An entry page is a function of its own entry and of what its template fetched from the atlas:
entries (``atlas.get``, ``links.linked``), the set of links of an entry (``links.linked`` and
``linked_ids``: which practices a theme has), and whole kinds (``atlas.of``, ``atlas.entries[kind]``).
``TrackedAtlas`` and ``TrackedLinks`` note every such read in the ``Recorder`` while a page renders;
``PageReads`` keeps the reads of every page and answers which pages an edit touches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..atlas import Atlas
from ..derive import Key, Links, sort_key
from ..models import Entity


@dataclass
class Reads:
    """Everything one page read."""

    entries: set[Key] = field(default_factory=set)
    """Entries whose fields the page may show (also ids asked for and not found)."""
    edges: set[Key] = field(default_factory=set)
    """Entries whose links the page followed."""
    kinds: set[str] = field(default_factory=set)
    """Kinds the page read as a whole."""


class Recorder:
    """Collects the reads of the page being rendered; reads outside a page are not noted."""

    def __init__(self) -> None:
        self.current: Reads | None = None

    @contextmanager
    def page(self) -> Iterator[Reads]:
        reads = Reads()
        self.current = reads
        try:
            yield reads
        finally:
            self.current = None

    def entry(self, key: Key) -> None:
        if self.current is not None:
            self.current.entries.add(key)

    def edges(self, key: Key) -> None:
        if self.current is not None:
            self.current.edges.add(key)

    def kind(self, kind: str) -> None:
        if self.current is not None:
            self.current.kinds.add(kind)


class TrackedEntries(dict[str, dict[str, Entity]]):
    """``atlas.entries`` that notes ``entries[kind]`` as a read of the whole kind."""

    def __init__(self, entries: dict[str, dict[str, Entity]], recorder: Recorder) -> None:
        super().__init__(entries)
        self.recorder = recorder

    def __getitem__(self, kind: str) -> dict[str, Entity]:
        self.recorder.kind(kind)
        return super().__getitem__(kind)


class TrackedAtlas(Atlas):
    """The same atlas, noting what templates fetch from it."""

    def __init__(self, atlas: Atlas, recorder: Recorder) -> None:
        super().__init__(TrackedEntries(atlas.entries, recorder), atlas.sources, atlas.pages)
        self.recorder = recorder
        self.plain = atlas

    def get(self, kind: str, key: str | None) -> Any:
        if not key:
            return None
        self.recorder.entry((kind, key))
        return self.plain.entries[kind].get(key)


class TrackedLinks(Links):
    """``Links`` that notes what it is asked, and follows an edit without being built again.

    Each link is counted: a region and a question name each other (agenda, region) and the link
    stays while either side still names the other."""

    def __init__(self, atlas: TrackedAtlas, recorder: Recorder) -> None:
        self.recorder = recorder
        self._counts: Counter[tuple[str, str, str, str]] = Counter()
        super().__init__(atlas)
        self.tracked = atlas

    def _add_references(self, kind: str, entity: Entity) -> None:
        self._count(kind, entity, 1)

    def _count(self, kind: str, entity: Entity, step: int) -> None:
        for _, target, ref in entity.references():
            for edge in ((kind, entity.id, target, ref), (target, ref, kind, entity.id)):
                self._counts[edge] += step
                if self._counts[edge] > 0:
                    self._edges[edge[:2]][edge[2]].add(edge[3])
                else:
                    del self._counts[edge]
                    self._edges[edge[:2]][edge[2]].discard(edge[3])

    def replace(self, kind: str, old: Entity | None, new: Entity | None) -> None:
        """Follow one edited, added (old None) or removed (new None) entry."""
        if old is not None:
            self._count(kind, old, -1)
        if new is not None:
            self._count(kind, new, 1)

    def use(self, atlas: TrackedAtlas) -> None:
        self.atlas = atlas
        self.tracked = atlas

    def linked(self, kind: str, key: str, target: str) -> list[Any]:
        self.recorder.edges((kind, key))
        entries = self.tracked.plain.entries[target]
        found = []
        for ref in self._edges.get((kind, key), {}).get(target, set()):
            if ref in entries:
                self.recorder.entry((target, ref))
                found.append(entries[ref])
        return sorted(found, key=sort_key)

    def linked_ids(self, kind: str, key: str, target: str) -> set[str]:
        self.recorder.edges((kind, key))
        return super().linked_ids(kind, key, target)


class PageReads:
    """The reads of every entry page, and the reverse: which pages read an entry, its links, a kind."""

    def __init__(self) -> None:
        self.by_page: dict[str, Reads] = {}
        self._entry: defaultdict[Key, set[str]] = defaultdict(set)
        self._edges: defaultdict[Key, set[str]] = defaultdict(set)
        self._kind: defaultdict[str, set[str]] = defaultdict(set)

    def note(self, page: str, reads: Reads) -> None:
        self.drop(page)
        self.by_page[page] = reads
        for key in reads.entries:
            self._entry[key].add(page)
        for key in reads.edges:
            self._edges[key].add(page)
        for kind in reads.kinds:
            self._kind[kind].add(page)

    def drop(self, page: str) -> None:
        reads = self.by_page.pop(page, None)
        if reads is None:
            return
        for key in reads.entries:
            self._entry[key].discard(page)
        for key in reads.edges:
            self._edges[key].discard(page)
        for kind in reads.kinds:
            self._kind[kind].discard(page)

    def readers(self, entries: Iterable[Key], edges: Iterable[Key], kinds: Iterable[str]) -> set[str]:
        """Pages that read any of these entries, the links of any of these, or any of these kinds whole."""
        pages: set[str] = set()
        for key in entries:
            pages |= self._entry.get(key, set())
        for key in edges:
            pages |= self._edges.get(key, set())
        for kind in kinds:
            pages |= self._kind.get(kind, set())
        return pages
