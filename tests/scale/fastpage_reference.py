"""mkdocs' own conversion of a page, next to the fast one, for the tests of ``generator.scale.fastpage``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from generator.config import PROJECT_ROOT
from generator.scale.fastpage import FastConverter, populate_page


def mkdocs_config(docs: Path, **overrides: Any) -> MkDocsConfig:
    """The project's mkdocs.yml on the docs folder ``docs``."""
    return load_config(
        config_file=str(PROJECT_ROOT / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(docs.parent / "site"),
        **overrides,
    )


def toc_structure(items: Any) -> list[tuple[str, str, int, list[Any]]]:
    return [
        (item.title, item.id, item.level, toc_structure(item.children))
        for item in items
        if isinstance(item, AnchorLink)
    ]


@dataclass
class Rendered:
    """What ``Page.render`` (or the fast path) set on a page, in comparable form, and what mkdocs logged."""

    content: str | None
    toc: list[tuple[str, str, int, list[Any]]]
    title_from_render: str | None
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    logged: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, page: Page, logged: list[str]) -> Rendered:
        links = page.links_to_anchors
        return cls(
            content=page.content,
            toc=toc_structure(page.toc),
            title_from_render=page._title_from_render,
            title=page.title,
            anchors=page.present_anchor_ids,
            links_to_anchors=None if links is None else {file.src_uri: dict(to) for file, to in links.items()},
            logged=logged,
        )


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.messages.append(record.getMessage())


@contextmanager
def logged() -> Iterator[list[str]]:
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


@dataclass
class Comparison:
    """Every page of one docs folder through mkdocs and through the fast path."""

    pages: list[str] = field(default_factory=list)
    fast: list[str] = field(default_factory=list)
    differing: dict[str, tuple[Rendered, Rendered]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return len(self.fast) / len(self.pages)


def reference(page: Page, config: MkDocsConfig, files: Files) -> Rendered:
    with logged() as messages:
        _populate_page(page, config, files)
    return Rendered.of(page, messages)


def fast(page: Page, config: MkDocsConfig, files: Files, converter: FastConverter | None) -> tuple[Rendered, bool]:
    """The page through ``fastpage.populate_page``, and whether it took the fast path."""
    with logged() as messages:
        converted = populate_page(page, config, files, converter)
    return Rendered.of(page, messages), converted


def compare_docs(docs: Path) -> Comparison:
    config = mkdocs_config(docs)
    files = get_files(config)
    converter = FastConverter.for_config(config)
    assert converter is not None, "the project's mkdocs.yml has the fast path"
    comparison = Comparison()
    for file in files.documentation_pages():
        expected = reference(Page(None, file, config), config, files)
        got, converted = fast(Page(None, file, config), config, files, converter)
        comparison.pages.append(file.src_uri)
        if not converted:
            continue
        comparison.fast.append(file.src_uri)
        if got != expected:
            comparison.differing[file.src_uri] = (expected, got)
    return comparison


def one_page_site(folder: Path) -> tuple[MkDocsConfig, Files]:
    """A docs folder of one page in ``folder``, for ``render_text`` (which gives that page its text)."""
    docs = folder / "docs"
    docs.mkdir()
    (docs / "pagina.md").write_text("# leeg\n", encoding="utf-8")
    config = mkdocs_config(docs)
    return config, get_files(config)


def render_text(text: str, config: MkDocsConfig, files: Files) -> tuple[Rendered, Rendered, bool]:
    """One page's Markdown ``text`` through mkdocs and through ``fastpage.populate_page`` (and whether that took
    the fast path)."""
    file = files.documentation_pages()[0]

    def read(page: Page) -> Page:
        page.read_source = lambda config: setattr(page, "markdown", text)  # type: ignore[method-assign]
        return page

    expected = reference(read(Page(None, file, config)), config, files)
    got, converted = fast(read(Page(None, file, config)), config, files, FastConverter.for_config(config))
    return expected, got, converted
