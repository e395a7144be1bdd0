"""mkdocs on the pages that depend on the whole atlas, in the background process of ``atlas serve``.

The overviews list every entry of their kind: at 20,000 entries converting them takes mkdocs seconds
each, which the serving process must not spend (it would hold the GIL and the lock while an edit
waits). The background process converts them here into HTML and the serving process only writes
the files (``LiveSite.place``).

A page's HTML is a function of its Markdown, the list of docs files (its links) and the navigation
(mkdocs.yml, and the titles of the pages in it). This reads the list of files from the docs folder of
the serving process as it is when asked, sets the new Markdown of the pages it converts in memory
(``File.content_string``), reads the other pages of the navigation for their titles, and renders into
a folder of its own, exactly as ``mkdocs.commands.build.build`` does (mkdocs 1.6, pinned), the same
steps as ``generator.scale.shard``. The serving process drops the result when an edit changed the
docs folder in the meantime.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..build import mkdocs_config
from ..config import AtlasConfig


def whole_atlas_html(config: AtlasConfig, markdown: dict[str, str]) -> dict[str, str]:
    """The HTML of the docs pages in ``markdown`` (docs path → new Markdown), by docs path."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import File, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    if not markdown:
        return {}
    site_dir = Path(tempfile.mkdtemp(prefix="atlas-serve-pages-"))
    try:
        settings = mkdocs_config(replace(config, site_dir=site_dir, strict=False))
        settings = settings.plugins.on_config(settings)
        files = get_files(settings)
        env = settings.theme.get_env()
        files.add_files_from_theme(env, settings)
        files = settings.plugins.on_files(files, config=settings)
        for path in sorted(markdown.keys() - {file.src_uri for file in files}):
            files.append(File(path, settings.docs_dir, settings.site_dir, settings.use_directory_urls))
        set_exclusions(files, settings)
        for path, text in markdown.items():
            file = files.get_file_from_path(path)
            if file is not None:
                file.content_string = text
        nav = settings.plugins.on_nav(get_navigation(files, settings), config=settings, files=files)
        documentation = files.documentation_pages()
        for file in documentation:
            if file.page is None:
                Page(None, file, settings)
        in_nav = {page.file.src_uri for page in nav.pages}
        mine = [file for file in documentation if file.src_uri in markdown]
        for file in documentation:
            if file.page is not None and file.src_uri in in_nav and file.src_uri not in markdown:
                file.page.read_source(settings)
        for file in mine:
            if file.page is not None:
                _populate_page(file.page, settings, files)
        env = settings.plugins.on_env(env, config=settings, files=files)
        html = {}
        for file in mine:
            if file.page is not None:
                _build_page(file.page, settings, documentation, nav, env)
                html[file.src_uri] = Path(file.abs_dest_path).read_text(encoding="utf-8")
        return html
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
