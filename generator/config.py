"""Typed settings of one atlas build, each with its meaning."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SourceSpec:
    """One other atlas to merge (federation): configured in ``mkdocs.yml`` ``extra.atlas.sources``."""

    name: str
    """Short id of the source (lowercase letters, digits, hyphens): the prefix of its entries' ids."""
    location: str
    """Where its ``atlas.json`` is: an http(s) URL, a ``file://`` URL or a local path."""
    title: str | None = None
    """Name shown on the site ("Bron: …"); None: the ``name`` the source's ``atlas.json`` gives itself."""


@dataclass(frozen=True)
class FederationConfig:
    """Other atlases merged into this one at build time, and how they are fetched."""

    sources: tuple[SourceSpec, ...] = ()
    """The other atlases, in the order they are merged; empty: no federation."""
    skip_broken_sources: bool = False
    """Leave out a source that cannot be read or does not validate (with a warning) instead of failing."""
    cache_dir: Path = PROJECT_ROOT / "build" / "cache" / "federation"
    """Where fetched ``atlas.json`` files are kept between builds, with their ETag and Last-Modified."""
    cache_ttl: float = 3600.0
    """Seconds a fetched source is used without asking its server again; after that, a conditional request."""
    timeout: float = 30.0
    """Seconds a source may take in all (connecting and reading) before it counts as unreachable."""
    max_bytes: int = 200 * 1024 * 1024
    """Largest ``atlas.json`` read; a bigger one stops reading and counts as broken (a national atlas is ~50 MB)."""


@dataclass(frozen=True)
class AtlasConfig:
    """Where the atlas reads and writes. Paths are absolute after ``resolve``."""

    root: Path = PROJECT_ROOT
    """The project folder: error messages show paths relative to it."""
    content_dir: Path = PROJECT_ROOT / "content"
    """The content tree: one folder per kind of entry, plus ``pages/``."""
    docs_dir: Path = PROJECT_ROOT / "build" / "docs"
    """Where the render stage writes the generated Markdown and assets for mkdocs."""
    site_dir: Path = PROJECT_ROOT / "site"
    """Where mkdocs writes the finished static site."""
    mkdocs_file: Path = PROJECT_ROOT / "mkdocs.yml"
    """The mkdocs configuration (theme, navigation, Markdown extensions)."""
    strict: bool = True
    """Fail the build on any mkdocs warning, such as a link to a missing page."""
    today: date | None = None
    """The date signals count from (waiting, stale); None: ``SOURCE_DATE_EPOCH``, else the clock."""
    federation: FederationConfig = FederationConfig()
    """Other atlases to merge into this one (``atlas build``, ``atlas serve``)."""
    workers: int | None = None
    """mkdocs processes that build the pages side by side (generator/scale/); None: one per core, fewer for a
    small site (``generator.scale.parallel.default_workers``); 1: one process, mkdocs' own build."""

    def resolve(self) -> AtlasConfig:
        return AtlasConfig(
            root=self.root.resolve(),
            content_dir=self.content_dir.resolve(),
            docs_dir=self.docs_dir.resolve(),
            site_dir=self.site_dir.resolve(),
            mkdocs_file=self.mkdocs_file.resolve(),
            strict=self.strict,
            today=self.today,
            federation=replace(self.federation, cache_dir=self.federation.cache_dir.resolve()),
            workers=self.workers,
        )
