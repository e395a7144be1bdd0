"""Search and kennismakelen figures for the real content and synthetic atlases, and the whole pipeline at every
size; prints them, asserts nothing.

    python -m bench.run [--sizes 2000 20000] [--huge] [--seed 2020] [--runs 9] [--queries 200] [--results FILE]
                        [--search-only | --pipeline-only]

For the real content and a synthetic atlas of each size (``--sizes``, with ``--huge`` also 100,000):
load and validate time, index build time (``render_search_index``),
the time of the signals (``generator.broker.signals.kinds``, as ``atlas signals`` after loading),
the matcher's figures (``bench.broker``: a query, every question page, the evaluation set),
Lighthouse's scores per page type of the real site (``bench.lighthouse``),
index sizes (raw and gzip level 6), the bytes the search page fetches before its
first result, the time to that first result in Chromium (a first visit in a new tab
with no DevTools client attached; coming from the home page; in a page Playwright
drives) and the latency of ``window.atlasSearch.search`` for a fixed set of queries. The browser part of
a synthetic atlas uses the real site with the synthetic ``search/`` folder,
so no 20,000 pages are built; the page loads of all sizes take turns. Per size, the bytes fetched before the
first result and the time to it are judged against the targets (``bench.searchtargets``). Then the whole
pipeline at every size (``bench.growth``; the synthetic content written for the search is reused).
At the synthetic sizes (not at
``--huge``'s 100,000) it also measures the edit loop of ``atlas serve`` (``bench.editloop``: a real file change
until the reload shows it in Chromium; ``--no-editloop`` leaves it out). The figures also go to
``bench-results/latest.json``.

Parts: ``bench.queries`` (the query mix), ``bench.browser`` (Chromium figures),
``bench.visit`` (visits with no DevTools client attached), ``bench.report`` (the
table), ``bench.searchtargets`` (the targets per size), ``bench.synthetic`` (the synthetic atlas).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import sync_playwright

from bench.broker import EVALUATION, broker_figures
from bench.browser import browser_figures
from bench.editloop import editloop_figures, editloop_table
from bench.growth import SIZES, growth_figures, growth_table, sizes, write_synthetic_in_child
from bench.lighthouse import lighthouse_figures, lighthouse_table
from bench.queries import Query, make_queries
from bench.report import table
from bench.searchtargets import search_targets, targets_table
from bench.synthetic import DEFAULT_SEED, write_synthetic_atlas
from generator.atlas import Atlas
from generator.broker.signals.kinds import signals
from generator.build import build_site
from generator.clock import today
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.errors import display_path
from generator.load import load
from generator.search.lunrindex import gzip_size
from generator.search.searchindex import render_search_index
from generator.validate import validate
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.lighthouse import PAGE_TYPES

RESULTS = PROJECT_ROOT / "bench-results" / "latest.json"
FIRST_RESULT_QUERY = "klimaatadaptatie"

T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- in-process figures


def gather_timed(content_dir: Path) -> tuple[Atlas, dict[str, float]]:
    """``generator.build.gather``, with load and validate timed apart."""
    config = AtlasConfig(content_dir=content_dir).resolve()
    loaded, load_seconds = timed(lambda: load(config.content_dir, config.root))
    label = display_path(config.content_dir, config.root)
    atlas, validate_seconds = timed(lambda: validate(loaded, label))
    return atlas, {"load_s": load_seconds, "validate_s": validate_seconds}


def totals(name: str, group: dict[str, bytes]) -> dict[str, int]:
    """Files, raw bytes and gzip bytes (each file compressed on its own, as served) of a group of files."""
    return {
        f"{name}_files": len(group),
        f"{name}_raw": sum(len(data) for data in group.values()),
        f"{name}_gzip": sum(gzip_size(data) for data in group.values()),
    }


def largest(name: str, group: dict[str, bytes]) -> dict[str, Any]:
    path = max(group, key=lambda path: len(group[path]))
    return {name: path.removeprefix("search/"), f"{name}_raw": len(group[path]), f"{name}_gzip": gzip_size(group[path])}


def index_sizes(files: dict[str, str]) -> dict[str, Any]:
    """Sizes of the catalog, the names index (in parts by first letter and by first two letters), the full-text
    shards and the snippets."""
    raw = {path: text.encode("utf-8") for path, text in files.items()}
    names = {path: data for path, data in raw.items() if re.fullmatch(r"search/names-.\.json", path)}
    pairs = {path: data for path, data in raw.items() if re.fullmatch(r"search/names-..\.json", path)}
    shards = {path: data for path, data in raw.items() if path.startswith("search/text-")}
    snippets = {path: data for path, data in raw.items() if path.startswith("search/snippets-")}
    return {
        "index_files": len(raw),
        **totals("catalog", {"search/catalog.json": raw["search/catalog.json"]}),
        **totals("names", names),
        **largest("largest_names", names),
        **totals("pairs", pairs),
        **largest("largest_pair", pairs),
        **totals("shards", shards),
        **largest("largest_shard", shards),
        **totals("snippets", snippets),
    }


def index_figures(
    content_dir: Path, query_count: int, evaluation: Path | None = None, brokering: bool = True
) -> tuple[dict[str, str], dict[str, Any], list[Query]]:
    """(index files, figures, queries for the browser) of one content tree; the signals' and the matcher's
    figures only when ``brokering`` (at 20,000 entries some minutes, against 20 s for the index)."""
    atlas, timings = gather_timed(content_dir)
    figures: dict[str, Any] = dict(timings)
    figures["entries"] = sum(len(entries) for entries in atlas.entries.values())
    files, figures["index_build_s"] = timed(lambda: render_search_index(atlas))
    if brokering:
        found, figures["signals_s"] = timed(lambda: signals(atlas, today()))
        figures["signals"] = len(found)
        figures["broker"] = broker_figures(atlas, evaluation)
    figures.update(index_sizes(files))
    return files, figures, make_queries(atlas, query_count)


# ---------------------------------------------------------------- sites


def real_site(work: Path) -> Path:
    """The real content built into ``work/site`` (strict mkdocs)."""
    config = AtlasConfig(docs_dir=work / "docs", site_dir=work / "site").resolve()
    build_site(config)
    return config.site_dir


def synthetic_site(site: Path, index: dict[str, str], name: str) -> Path:
    """A copy of the real site, next to it as ``name``, whose ``search/`` holds the synthetic index."""
    synthetic = site.with_name(name)
    shutil.copytree(site, synthetic)
    shutil.rmtree(synthetic / "search")
    for path, text in index.items():
        target = synthetic / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return synthetic


def git_state() -> dict[str, Any]:
    """The commit measured, and whether generator/ had changes that were not committed."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD"),
        "generator_uncommitted": bool(git("status", "--porcelain", "generator")),
    }


# ---------------------------------------------------------------- main


@contextmanager
def work_folder(keep: Path | None) -> Iterator[Path]:
    """A temporary folder, or ``keep`` when the sites should stay for a closer look."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as temp:
        yield Path(temp)


def synthetic_search(
    work: Path, site: Path, count: int, seed: int, query_count: int, brokering: bool
) -> tuple[dict[str, Any], list[Query], Path]:
    """(figures, queries, site) of a synthetic atlas of ``count`` entries. Its content goes to
    ``work/content-<count>``, where the whole pipeline (``bench.growth``) finds it; its site is a copy of the
    real ``site`` with its index. The index itself is not kept: at 100,000 entries it is hundreds of MB."""
    content = work / f"content-{count}"
    if not content.is_dir():
        write_synthetic_atlas(content, count, seed)
    index, figures, queries = index_figures(content, query_count, brokering=brokering)
    figures["seed"] = seed
    return figures, queries, synthetic_site(site, index, f"site-synthetic-{count}")


def measure(work: Path, args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, dict[str, Any]], str]:
    """(real figures, synthetic figures by number of entries, Chromium version)."""
    progress("real content: load, validate, index; the real site (mkdocs)")
    brokering = not args.search_only
    _, real, real_queries = index_figures(PROJECT_ROOT / "content", args.queries, EVALUATION, brokering)
    site = real_site(work)
    sites, queries = {"real": site}, {"real": real_queries}
    synthetic: dict[str, dict[str, Any]] = {}
    for count in sizes(args.sizes, args.huge):
        progress(f"synthetic atlas of {count} entries (seed {args.seed}): write, load, validate, index")
        name = str(count)
        synthetic[name], queries[name], sites[name] = synthetic_search(
            work, site, count, args.seed, args.queries, brokering
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        progress(
            f"Chromium: {args.runs} page loads of each of {len(sites)} sites in turn, {args.queries} queries per site"
        )
        figures = browser_figures(browser, sites, queries, args.runs, args.query)
        real["browser"] = figures["real"]
        for name, figures_of_size in synthetic.items():
            figures_of_size["browser"] = figures[name]
        version = browser.version
        browser.close()
    if not args.search_only:
        progress(f"Lighthouse on {len(args.lighthouse)} page types of the real site")
        real["lighthouse"] = lighthouse_figures(site, args.lighthouse)
    return real, synthetic, version


def editloop_sizes(work: Path, entries: tuple[int, ...], seed: int, repeat: int) -> dict[str, dict[str, Any]]:
    """Edit-to-reload of ``atlas serve`` per synthetic size (``bench.editloop``), on the pipeline's content when
    it was kept (``--keep``), else on the same synthetic atlas written again (seconds, against minutes of serving)."""
    results: dict[str, dict[str, Any]] = {}
    for count in entries:
        content = work / f"content-{count}"
        if not content.is_dir():
            progress(f"synthetic atlas of {count} entries (seed {seed}) for the edit loop")
            write_synthetic_in_child(content, count, seed)
        progress(f"edit loop at {count} entries: atlas serve, {repeat} edits of each kind in Chromium")
        results[str(count)] = editloop_figures(content, work / f"editloop-{count}", repeat)
    return results


def search_tables(results: dict[str, Any]) -> str:
    """The search figures side by side, the targets per size and, when measured, Lighthouse."""
    tables = [table(results["real"], results["synthetic"]), targets_table(results["search_targets"])]
    if "lighthouse" in results["real"]:
        tables.append(lighthouse_table(results["real"]["lighthouse"]))
    return "\n\n".join(tables)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="Measure the search index.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the synthetic atlas (default 2020)")
    parser.add_argument("--runs", type=int, default=9, help="page loads for the time to first result (default 9)")
    parser.add_argument("--queries", type=int, default=200, help="queries for the latencies (default 200)")
    parser.add_argument("--query", default=FIRST_RESULT_QUERY, help="query of the first-result page loads")
    parser.add_argument(
        "--lighthouse",
        nargs="*",
        default=sorted(PAGE_TYPES),
        choices=sorted(PAGE_TYPES),
        metavar="PAGE_TYPE",
        help="page types for Lighthouse (default: all: " + ", ".join(sorted(PAGE_TYPES)) + ")",
    )
    parser.add_argument("--keep", type=Path, help="build in this (empty) folder and keep the content and sites")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures go as JSON")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), metavar="N", help="synthetic sizes (search and pipeline)"
    )
    parser.add_argument("--huge", action="store_true", help="search and whole pipeline also at 100,000 entries")
    parser.add_argument("--pipeline-only", action="store_true", help="only the whole pipeline (no search, Chromium)")
    parser.add_argument("--no-editloop", action="store_true", help="without the edit loop of atlas serve")
    parser.add_argument("--editloop-repeat", type=int, default=3, help="edits of each kind per size (default 3)")
    parser.add_argument(
        "--search-only", action="store_true", help="only the search (no whole pipeline, Lighthouse, signals, matcher)"
    )
    args = parser.parse_args(argv)
    if args.search_only and args.pipeline_only:
        parser.error("--search-only and --pipeline-only exclude each other")

    results: dict[str, Any] = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_state(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
    }
    with work_folder(args.keep) as work:
        # The whole pipeline first, while this process is still small: a child's peak RSS (``ru_maxrss``) starts at
        # the RSS its parent had when it forked, and the search part below holds whole synthetic indexes.
        if not args.search_only:
            growth = growth_figures(
                work, PROJECT_ROOT / "content", sizes(args.sizes, args.huge), args.seed, args.keep is not None
            )
            results["pipeline"] = growth
        if not args.no_editloop and not args.search_only:
            # not at --huge's 100,000: serving it starts with a full build of many minutes
            results["editloop"] = editloop_sizes(work, tuple(args.sizes), args.seed, args.editloop_repeat)
        if not args.pipeline_only:
            real, synthetic, results["chromium"] = measure(work, args)
            results.update(real=real, synthetic=synthetic, search_targets=search_targets(real, synthetic))
    tables = [] if args.pipeline_only else [search_tables(results)]
    if not args.search_only:
        tables.append(growth_table(results["pipeline"]))
    if "editloop" in results:
        tables.append(editloop_table(results["editloop"]))
    print("\n\n".join(tables))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {display_path(args.results, PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
