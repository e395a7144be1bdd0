"""mkdocs for ``atlas serve``: one full build, then only the pages that changed.

``build_all`` is ``mkdocs.commands.build.build`` (mkdocs 1.6, pinned) step by step, keeping what a
build gathers (the files, the navigation, the theme's template environment) instead of dropping
it. ``update`` then reads, converts and writes only the changed docs files with the same functions
mkdocs uses per page (``_populate_page``, ``_build_page``), adds and removes files, deletes the HTML
of removed pages, and renders the sitemap and 404 page again when pages came or went. A page's HTML
depends on its own Markdown, the navigation (fixed in mkdocs.yml) and the list of files (for its
links), so this writes the same site as a full build. mkdocs' own ``--dirty`` build is no help at
20,000 pages: it still reads and converts every page and rebuilds the navigation.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig


class LiveSite:
    """The site folder of one mkdocs configuration, kept equal to a full build of its docs folder."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.files = Files([])
        self.nav: Navigation | None = None
        self.env: Environment | None = None

    def build_all(self) -> None:
        config = self.config.plugins.on_config(self.config)
        self.config = config
        config.plugins.on_pre_build(config=config)
        clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            page = file.page if file.page is not None else Page(None, file, config)
            _populate_page(page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files()
        self.files, self.nav, self.env = files, nav, env
        self._build_templates()
        documentation = files.documentation_pages()
        for file in documentation:
            if file.page is not None:
                _build_page(file.page, config, documentation, nav, env)
        config.plugins.on_post_build(config=config)

    def _build_templates(self) -> None:
        """404 page, sitemap: everything that lists the pages."""
        if self.env is None or self.nav is None:
            raise RuntimeError("build_all comes first")
        for template in self.config.theme.static_templates:
            _build_theme_template(template, self.env, self.files, self.config, self.nav)
        for template in self.config.extra_templates:
            _build_extra_template(template, self.files, self.config, self.nav)

    def update(self, written: set[str], removed: set[str]) -> None:
        """After the docs folder changed: ``written`` docs paths were written, ``removed`` ones deleted."""
        if self.env is None or self.nav is None:
            raise RuntimeError("build_all comes first")
        listed = self._remove(removed)
        pages = []
        for path in sorted(written):
            file = self.files.get_file_from_path(path)
            if file is None:
                file = File(path, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
                set_exclusions([file], self.config)
                self.files.append(file)
                listed = True
            if not file.is_documentation_page():
                file.copy_file()
                continue
            pages.append(file.page if file.page is not None else Page(None, file, self.config))
        if listed:
            self._in_walk_order()
        for page in pages:
            _populate_page(page, self.config, self.files)
        documentation = self.files.documentation_pages()
        for page in pages:
            _build_page(page, self.config, documentation, self.nav, self.env)
        if listed:
            self._build_templates()

    def place(self, html: dict[str, str]) -> set[str]:
        """Write pages that another process converted (``wholesite``), by docs path; returns those placed.
        A page this site does not know yet is left to ``update`` (it changes the list of files)."""
        placed = set()
        for path, text in sorted(html.items()):
            file = self.files.get_file_from_path(path)
            if file is None or file.page is None:
                continue
            file.page.read_source(self.config)  # its title, for the navigation of later pages
            output = Path(file.abs_dest_path)
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(text.encode("utf-8"))
            placed.add(path)
        return placed

    def _in_walk_order(self) -> None:
        """Docs files in the order ``get_files`` finds them (a folder's files, index first, then its folders),
        theme files after them as before: the sitemap lists the pages in this order."""
        docs_dir = Path(self.config.docs_dir)

        def order(numbered: tuple[int, File]) -> tuple[int, tuple[str, ...], tuple[bool, str], int]:
            index, file = numbered
            if file.src_dir is None or Path(file.src_dir) != docs_dir:
                return (1, (), (False, ""), index)
            parts = PurePosixPath(file.src_uri).parts
            name = parts[-1]
            return (0, parts[:-1], (os.path.splitext(name)[0] not in ("index", "README"), name), index)

        self.files = Files([file for _, file in sorted(enumerate(self.files), key=order)])

    def _remove(self, removed: set[str]) -> bool:
        """Forget removed docs files and delete what they became in the site; True if any was known."""
        site = Path(self.config.site_dir)
        found = False
        for path in sorted(removed):
            file = self.files.get_file_from_path(path)
            if file is None:
                continue
            found = True
            self.files.remove(file)
            output = Path(file.abs_dest_path)
            output.unlink(missing_ok=True)
            folder = output.parent
            while folder != site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        return found
