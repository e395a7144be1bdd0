"""Typed settings of one atlas build, each with its meaning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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
            workers=self.workers,
        )
