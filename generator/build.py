"""Stage 5, build: write the rendered pages to disk, then let mkdocs make the site.

Writing is its own step so mkdocs stays a plain renderer of Markdown on disk
(its successor reads the same ``mkdocs.yml`` but not our plugins). Files are
written only when they changed, so a live-reloading server rebuilds only
when something really changed; stale files are removed.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .atlas import Atlas
from .config import AtlasConfig
from .contribute.routes import Contributing
from .errors import BuildError, display_path
from .exchange.federation.federate import federate
from .exchange.jsonld import json_ld_blocks
from .exchange.opendata import open_data_files
from .exchange.siteurl import base_path, commit_of, read_site
from .load import load
from .mkdocslog import WarningCollector
from .progress import QUIET, Progress
from .render import render_site
from .search.searchindex import render_search_index
from .sitecheck import check_site
from .validate import validate
from .yamlstrict import Document

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ASSETS = Path(__file__).parent / "assets"


def gather(config: AtlasConfig, progress: Progress = QUIET) -> Atlas:
    """Load and validate the whole content tree; raises ``ContentErrors``."""
    loaded = load(config.content_dir, config.root, progress)
    return validate(loaded, display_path(config.content_dir, config.root), progress)


def asset_files() -> dict[str, bytes]:
    """Static files (CSS, JavaScript) shipped with the generator, by docs path."""
    return {
        f"assets/{file.relative_to(ASSETS).as_posix()}": file.read_bytes()
        for file in sorted(ASSETS.rglob("*"))
        if file.is_file()
    }


def write_tree(
    target: Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], elsewhere: Iterable[str] = ()
) -> int:
    """Make ``target`` hold exactly ``files`` (a mapping, or pairs made one by one, so that not every file's
    bytes need be in memory at once), and the files ``elsewhere`` names (written by another process, kept as they
    are); returns how many files changed here."""
    target.mkdir(parents=True, exist_ok=True)
    changed = 0
    wanted: set[Path] = {target / relative for relative in elsewhere}
    for relative, content in files.items() if isinstance(files, Mapping) else files:
        path = target / relative
        if path in wanted:
            raise BuildError(f"{relative}: twee keer in de docs-map")
        wanted.add(path)
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def without_source_text(atlas: Atlas) -> Atlas:
    """The atlas without what only validation and its messages need: each content file's YAML text and the
    position of every value in it (two thirds of a loaded atlas's memory). Building needs only each entry's
    file path, which stays."""
    empty = Document({})
    atlas.sources = {key: dataclasses.replace(record, document=empty) for key, record in atlas.sources.items()}
    return atlas


def build_atlas(config: AtlasConfig, progress: Progress = QUIET) -> Atlas:
    """The atlas a build renders: gathered and validated (raises ``ContentErrors``), with the federated atlases."""
    from .scale.gathering import gather_for_build  # imports this module

    return federate(gather_for_build(config, progress), config.federation)  # on every core, without source text


def generate_docs(config: AtlasConfig, progress: Progress = QUIET) -> Atlas:
    """Gather, validate and render everything, then write the docs folder."""
    atlas = build_atlas(config, progress)
    from .scale.alongside import alongside
    from .scale.entrypages import entry_pages

    # The open data needs only the atlas: made in a forked child on the idle core while this process renders.
    # The entry pages, on every core: rendered and written by forked workers (when there are many).
    with (
        alongside(functools.partial(site_open_data, config, atlas)) as open_data,
        entry_pages(config, atlas, progress) as entries,
    ):
        if entries.forked:
            pages = entries.render_rest()  # every page but the entry pages, which the workers render
        else:
            pages = render_site(atlas, config.today, Contributing.from_config(config), progress)
        progress.stage("Zoekindex")
        pages.update(render_search_index(atlas))
        made = open_data.result()
        files = entries.write(docs_files(config, atlas, pages, made))  # the workers write theirs first
    write_tree(config.docs_dir, files, entries.elsewhere)
    return atlas


def site_open_data(config: AtlasConfig, atlas: Atlas) -> dict[str, bytes]:
    """The folder ``open-data/`` of the docs (generator.exchange.opendata), named and dated as this site."""
    site = read_site(config.mkdocs_file)
    return open_data_files(atlas, name=site.name, site_url=site.url, commit=commit_of(config.content_dir))


def docs_files(
    config: AtlasConfig, atlas: Atlas, pages: dict[str, str], open_data: dict[str, bytes] | None = None
) -> Iterator[tuple[str, bytes]]:
    """The docs folder from the rendered pages: entry pages with their JSON-LD, the assets, the open data
    (``open_data`` when it was made already, else ``site_open_data`` now).

    Everything that can fail (the JSON-LD, the open data) is made before the first file is handed out. The pages
    are then encoded one at a time and taken out of ``pages`` as they go, so that no page is held as text and as
    bytes, with and without its JSON-LD, all at once."""
    site = read_site(config.mkdocs_file)
    # The open data first: while it is made (from a copy of the whole atlas as JSON data) less else is held.
    if open_data is None:
        open_data = site_open_data(config, atlas)
    json_ld = json_ld_blocks(pages, atlas, site.url)
    yield from asset_files().items()
    while open_data:
        yield open_data.popitem()
    for path in list(pages):
        text = pages.pop(path)
        yield path, (text + json_ld.pop(path) if path in json_ld else text).encode("utf-8")


def mkdocs_config(config: AtlasConfig) -> MkDocsConfig:
    from mkdocs.config import load_config

    return load_config(
        config_file=str(config.mkdocs_file),
        docs_dir=str(config.docs_dir),
        site_dir=str(config.site_dir),
        strict=config.strict,
    )


class _PageCounter(logging.Handler):
    """Advances the progress for every page mkdocs writes (it says so in a debug message)."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.DEBUG)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Building page "):
            self.progress.advance()


def run_mkdocs(config: AtlasConfig, progress: Progress = QUIET) -> None:
    """``mkdocs build`` (strict by default); raises ``BuildError`` with mkdocs' warnings."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    counter = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    pages = logging.getLogger("mkdocs.commands.build")
    page_counter, level = _PageCounter(progress), pages.level
    pages.addHandler(page_counter)
    pages.setLevel(logging.DEBUG)
    progress.stage("mkdocs", sum(1 for _ in config.docs_dir.rglob("*.md")))
    try:
        build(mkdocs_config(config))
    except MkDocsException as error:
        details = "\n".join(counter.messages)
        raise BuildError(f"mkdocs build mislukt: {error}\n{details}".strip()) from error
    finally:
        logger.removeHandler(counter)
        pages.removeHandler(page_counter)
        pages.setLevel(level)


def build_site(config: AtlasConfig, progress: Progress = QUIET) -> Atlas:
    """The whole pipeline: content → docs folder → static site, checked for lost entries and broken links."""
    atlas = generate_docs(config, progress)
    if config.site_dir.exists():
        shutil.rmtree(config.site_dir)
    from .scale.parallel import build_pages  # imports this module

    checked: dict[str, list[tuple[str, str]]] = {}  # links the parallel workers read on the pages they wrote
    build_pages(config, progress, checked)  # mkdocs and the Content-Security-Policy (generator.csp), in processes
    progress.stage("Site controleren")
    check_site(atlas, config.content_dir, config.site_dir, base_path(read_site(config.mkdocs_file).url), checked)
    return atlas
