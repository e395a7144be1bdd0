"""The docs folder built into the site by several mkdocs processes at once (see ``shard.py``).

mkdocs renders on one core; at 20,000 pages that is most of the build. Here each worker process
builds a share of the pages straight into the one site folder (the shares are disjoint, so nothing is
merged or overwritten), and the parent then does what no single worker can: check every link to an
anchor across the shares and fail a strict build on any worker's warning. Workers are started with
``spawn``: a forked copy of a parent that holds the whole atlas would copy its memory page by page. Where the
platform can fork, only one is spawned: it sets up mkdocs once and forks the others (``leader.py``).

How many workers: ``AtlasConfig.workers`` (``atlas build --workers N``); by default one per core, but
no more than one per ``PAGES_PER_WORKER`` pages begun, because starting a worker costs about a second. With
one worker the serial ``run_mkdocs`` builds the site, exactly as before.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..build import run_mkdocs
from ..config import AtlasConfig
from ..csp import apply_policy, with_policy
from ..errors import BuildError
from ..exchange.siteurl import base_path, read_site
from ..progress import QUIET, Progress
from ..sitecheck import Links
from .leader import lead
from .shard import ShardJob, ShardResult, build_shard

PAGES_PER_WORKER = 2000
"""Below this many pages per worker another process costs more than it saves."""

log = logging.getLogger("mkdocs.commands.build")


def default_workers(pages: int) -> int:
    """One worker per core, at most one per ``PAGES_PER_WORKER`` pages begun (2,001 pages: two), at least one."""
    return max(1, min(os.cpu_count() or 1, math.ceil(pages / PAGES_PER_WORKER)))


def count_pages(config: AtlasConfig) -> int:
    return sum(1 for _ in config.docs_dir.rglob("*.md"))


def worker_count(config: AtlasConfig) -> int:
    return config.workers if config.workers is not None else default_workers(count_pages(config))


def build_pages(config: AtlasConfig, progress: Progress = QUIET, checked: dict[str, Links] | None = None) -> int:
    """mkdocs over the docs folder into the (empty) site folder, then the Content-Security-Policy on every page
    (``generator.csp``), with ``worker_count`` processes; returns how many it used. Raises ``BuildError`` with
    mkdocs' messages when mkdocs fails, or warns in strict mode, and when a page has a script not of the theme.
    ``checked`` (when given) receives, per page the workers wrote, its links not known to exist: the site check
    (``generator.sitecheck``) then need not read those pages again."""
    workers = worker_count(config)
    if workers == 1:
        run_mkdocs(config, progress)
        apply_policy(config.site_dir)
        return 1
    progress.stage("mkdocs", count_pages(config))
    link_base = base_path(read_site(config.mkdocs_file).url)
    jobs = [
        ShardJob(config.mkdocs_file, config.docs_dir, config.site_dir, config.strict, index, workers, link_base)
        for index in range(workers)
    ]
    results = build_shares(jobs, progress)
    check_results(results, config.strict)
    if checked is not None:
        checked.update((page, links) for result in results for page, links in result.unresolved.items())
    apply_policy_to_the_rest(config.site_dir, {page for result in results for page in result.with_policy})
    return workers


def build_shares(jobs: list[ShardJob], progress: Progress = QUIET, fork: bool | None = None) -> list[ShardResult]:
    """Every job's share built, in processes; the results in the jobs' order. Where the platform can fork (or as
    ``fork`` says), one spawned process sets up mkdocs once and forks the other workers (``leader.py``); else
    every worker is spawned and sets up on its own."""
    spawn = multiprocessing.get_context("spawn")
    if fork if fork is not None else "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            results = pool.submit(lead, jobs).result()
        progress.advance(sum(len(result.built) for result in results))
        return results
    results = []
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=spawn) as pool:
        for result in pool.map(build_shard, jobs):  # in share order: the progress moves as shares finish
            results.append(result)
            progress.advance(len(result.built))
    return results


def apply_policy_to_the_rest(site_dir: Path, done: set[str]) -> int:
    """The policy on every HTML file of the site that no worker gave it (none, unless mkdocs or the theme writes
    an HTML file the workers do not know of): no page goes without. Returns how many."""
    rest = sorted(path for path in site_dir.rglob("*.html") if path.relative_to(site_dir).as_posix() not in done)
    for path in rest:
        html = path.read_text(encoding="utf-8")
        path.write_text(with_policy(html, path.relative_to(site_dir).as_posix()), encoding="utf-8")
    return len(rest)


def check_results(results: list[ShardResult], strict: bool) -> None:
    """Every page built exactly once and no worker failed; in strict mode also no warning anywhere (a worker's,
    or a link to a missing anchor on another share's page). Without strict mode the warnings are logged."""
    failures = [f"deel {result.index + 1}: {result.error}" for result in results if result.error]
    failures.extend(coverage_problems(results))
    warnings = [message for result in results for message in result.warnings]
    warnings.extend(anchor_problems(results))
    if failures:
        raise BuildError("mkdocs build mislukt:\n" + "\n".join([*failures, *warnings]))
    if strict and warnings:
        count = len(warnings)
        raise BuildError(f"mkdocs build mislukt: Aborted with {count} warnings in strict mode!\n" + "\n".join(warnings))
    for message in warnings:
        log.warning(message)


def coverage_problems(results: list[ShardResult]) -> Iterator[str]:
    """A page no share built or two shares built: the split went wrong (never expected; never silent)."""
    wanted = set(results[0].all_pages) if results and not results[0].error else set()
    built: dict[str, int] = {}
    for result in results:
        for page in result.built:
            built[page] = built.get(page, 0) + 1
    if any(result.error for result in results):
        return
    for page in sorted(wanted - set(built)):
        yield f"{page}: door geen enkel deel gebouwd"
    for page in sorted(page for page, times in built.items() if times > 1):
        yield f"{page}: door {built[page]} delen gebouwd"


def anchor_problems(results: list[ShardResult]) -> Iterator[str]:
    """mkdocs' check of links to anchors (``validation.anchors``), across the shares: each problem is returned
    when its configured level is a warning or worse (the caller decides), else logged at that level."""
    anchors = {page: set(ids) for result in results for page, ids in result.anchors.items()}
    for result in results:
        for link in result.anchor_links:
            present = anchors.get(link.target)
            if present is None or link.anchor in present:
                continue  # a page that was not rendered, as in mkdocs: then there is nothing to check against
            if link.target == link.source:
                problem = "there is no such anchor on this page"
            else:
                problem = f"the doc '{link.target}' does not contain an anchor '#{link.anchor}'"
            message = f"Doc file '{link.source}' contains a link '{link.written}', but {problem}."
            if result.anchor_log_level >= logging.WARNING:
                yield message
            else:
                log.log(result.anchor_log_level, message)
