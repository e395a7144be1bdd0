"""One worker of the parallel build: ``mkdocs build`` of one share of the pages, into the shared site folder.

It follows ``mkdocs.commands.build.build`` (mkdocs 1.6, pinned in requirements.lock) step by step, with
these differences, so that the shares together are the serial site, file for file:

- it reads every page's place (files, navigation, URLs) as the serial build does, but converts and
  renders only the pages of its own share; the pages in the navigation it also reads (front matter
  only), because the navigation on every page shows them;
- only share 0 writes what is not a page: the theme's files, the assets, ``404.html`` and the sitemap,
  which lists every page from the full file list, so it needs no merging;
- it does not check links to anchors on other pages, which it never rendered: it hands the anchors
  of its pages and its links to anchors back, and the parent checks them across all shares, as mkdocs
  would;
- it converts the pages that are only headings and raw HTML blocks itself (``fastpage``: the same HTML as
  ``Page.render``, without Python-Markdown), the others with mkdocs' ``Page.render``;
- it gives the HTML files it writes the Content-Security-Policy (``generator.csp.with_policy``) as mkdocs writes
  them (``pagepolicy``), which ``apply_policy`` does over the whole site after a serial build.

Every worker splits the pages with the same function over the same list, so no page is left out or
built twice. Warnings are handed back rather than printed: in strict mode the parent fails the build
on them, with the same messages.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..mkdocslog import WarningCollector
from .fastpage import FastConverter, populate_page
from .pagepolicy import PolicyStep

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

    from .themecache import CacheStats

SHARED_SHARE = 0
"""The share that also writes the theme's files, the assets, 404.html and the sitemap."""


@dataclass(frozen=True)
class ShardJob:
    """What one worker builds: share ``index`` of ``count``."""

    mkdocs_file: Path
    docs_dir: Path
    site_dir: Path
    strict: bool
    index: int
    count: int
    link_base: str = "/"
    """The path the site is published under, for the links of its pages (``generator.sitecheck``)."""


@dataclass(frozen=True)
class AnchorLink:
    """A link from one page to an anchor (on the same page or another), as mkdocs records it."""

    source: str
    target: str
    anchor: str
    written: str


@dataclass
class ShardResult:
    """What a worker hands back: its pages, their anchors and anchor links, and mkdocs' warnings."""

    index: int
    all_pages: list[str]
    built: list[str] = field(default_factory=list)
    with_policy: list[str] = field(default_factory=list)
    """The HTML files (site paths) this worker wrote and gave their Content-Security-Policy."""
    anchors: dict[str, list[str]] = field(default_factory=dict)
    anchor_links: list[AnchorLink] = field(default_factory=list)
    anchor_log_level: int = logging.WARNING
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    theme_cache: CacheStats | None = None
    """What the cache of the theme's navigation did (``themecache.py``)."""
    unresolved: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Per HTML file this worker wrote: its internal links (as ``sitecheck.page_links``) to files not in the
    build's file list; the parent's site check looks those up on disk, and reads none of these pages again."""


def partition(sizes: dict[str, int], count: int) -> list[list[str]]:
    """Pages split into ``count`` shares of about equal bytes: largest page first, each to the lightest share
    so far (ties: the lower share). Deterministic, so every worker computes the same split."""
    shares: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for page in sorted(sizes, key=lambda page: (-sizes[page], page)):
        lightest = min(range(count), key=lambda share: (loads[share], share))
        shares[lightest].append(page)
        loads[lightest] += sizes[page]
    return [sorted(share) for share in shares]


def build_shard(job: ShardJob, ready: SetUp | None = None) -> ShardResult:
    """Run in a worker process: build share ``job.index``, on the set-up ``ready`` (made by ``set_up`` in the
    process this one was forked from) or on its own; mkdocs' own failures come back as ``error``."""
    from mkdocs.exceptions import MkDocsException

    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    result = ShardResult(index=job.index, all_pages=[])
    try:
        _build(job, result, ready)
    except MkDocsException as error:
        result.error = str(error)
    finally:
        logger.removeHandler(collector)
        result.warnings = [*(ready.warnings if ready else []), *collector.messages]
    return result


@dataclass
class SetUp:
    """What every share's build starts from, the same for all: mkdocs' config, files and navigation, the theme's
    Jinja environment, a ``Page`` for every page, and the split into shares."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment
    doc_files: Sequence[File]
    shares: list[list[str]]
    warnings: list[str] = field(default_factory=list)
    """mkdocs' warnings while setting up (every share reports them, as when each worker sets up on its own)."""


def set_up(job: ShardJob) -> SetUp:
    """mkdocs' build up to the pages (``mkdocs.commands.build.build``, mkdocs 1.6), and the split of the pages.
    At 20,000 pages about 1.3 s, the same in every worker: ``leader.py`` does it once and forks the workers."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = load_config(
        config_file=str(job.mkdocs_file), docs_dir=str(job.docs_dir), site_dir=str(job.site_dir), strict=job.strict
    )
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)

    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in doc_files:
        if file.page is None:
            Page(None, file, config)
    sizes = {file.src_uri: os.path.getsize(file.abs_src_path or "") for file in doc_files}
    return SetUp(config, files, nav, env, doc_files, partition(sizes, job.count))


def _build(job: ShardJob, result: ShardResult, ready: SetUp | None = None) -> None:
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template
    from mkdocs.structure.files import InclusionLevel

    from .themecache import install as install_theme_cache

    ready = ready or set_up(job)
    config, files, nav, env, doc_files = ready.config, ready.files, ready.nav, ready.env, ready.doc_files
    result.all_pages = [file.src_uri for file in doc_files]
    mine = set(ready.shares[job.index])
    in_nav = {page.file.src_uri for page in nav.pages}
    converter = FastConverter.for_config(config)

    for file in doc_files:
        page = file.page
        if page is None:  # made above; for the type checker
            continue
        if file.src_uri in mine:
            populate_page(page, config, files, converter)
        elif file.src_uri in in_nav:
            page.read_source(config)

    env = config.plugins.on_env(env, config=config, files=files)
    theme_cache = install_theme_cache(env)  # the navigation once per folder, not per page (themecache.py)
    in_site = {file.dest_uri for file in files if file.inclusion.value > InclusionLevel.DRAFT.value}  # included
    in_site.update(config.theme.static_templates)
    html_templates = {name for name in config.theme.static_templates if name.endswith(".html")}
    step = PolicyStep(job.link_base, in_site, html_templates - set(config.extra_templates))
    step.register(config)  # the policy on each page as mkdocs writes it (pagepolicy.py)
    if job.index == SHARED_SHARE:
        files.copy_static_files(inclusion=InclusionLevel.is_included)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
    for file in doc_files:  # only included pages: drafts are left out of a build, so none is marked as excluded
        if file.page is not None and file.src_uri in mine:
            _build_page(file.page, config, doc_files, nav, env, excluded=False)
            result.built.append(file.src_uri)
            _record_anchors(file.src_uri, file.page, result)
    result.anchor_log_level = config.validation.links.anchors
    result.theme_cache = theme_cache.stats
    config.plugins.on_post_build(config=config)
    written = [file.dest_uri for file in doc_files if file.src_uri in mine]
    if job.index == SHARED_SHARE:
        copied = (file for file in files if not file.is_documentation_page())
        written += [file.dest_uri for file in copied if file.dest_uri.endswith(".html")]
        written += html_templates
    done = {*step.given, *step.errors}  # a set: ``given`` is a list of thousands of pages
    rest = {name for name in written if name not in done}
    _apply_policy(job, sorted(name for name in rest if (job.site_dir / name).is_file()), result, step)


def _apply_policy(job: ShardJob, html_files: list[str], result: ShardResult, step: PolicyStep) -> None:
    """The policy (``generator.csp``) on the HTML files this worker wrote: parsing each page for its scripts
    costs about as much as mkdocs' own work on a plain page, so it is shared out too. ``step`` gave it to the
    pages and templates mkdocs rendered, as it wrote them; the rest (an HTML file copied from the docs folder)
    are read back here. A script that is not the theme's comes back as ``error``: that of the first such file."""
    for relative in html_files:
        path = job.site_dir / relative
        html = step.take(path.read_text(encoding="utf-8"), relative)
        if html is not None:
            path.write_text(html, encoding="utf-8")
    result.with_policy = step.given
    result.unresolved = step.unresolved
    if step.errors:
        result.error = step.errors[min(step.errors)]


def _record_anchors(source: str, page: object, result: ShardResult) -> None:
    from mkdocs.structure.pages import Page

    if not isinstance(page, Page):
        return
    result.anchors[source] = sorted(page.present_anchor_ids or ())
    for target, links in (page.links_to_anchors or {}).items():
        for anchor, written in links.items():
            result.anchor_links.append(AnchorLink(source, target.src_uri, anchor, written))
