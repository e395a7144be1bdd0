"""Search and kennismakelen figures for the real content and a synthetic atlas; prints them, asserts nothing.

    python -m bench.run [--entries 20000] [--seed 2020] [--runs 9] [--queries 200] [--results FILE]

For both atlases: load and validate time, index build time (``render_search_index``),
the time of the signals (``generator.broker.signals.kinds``, as ``atlas signals`` after loading),
the matcher's figures (``bench.broker``: a query, every question page, the evaluation set),
Lighthouse's scores per page type of the real site (``bench.lighthouse``),
index sizes (raw and gzip level 6), the bytes the search page fetches before its
first result, the time to that first result in Chromium (a first visit in a new tab
with no DevTools client attached; coming from the home page; in a page Playwright
drives) and the latency of ``window.atlasSearch.search`` for a fixed set of queries. The browser part of
the synthetic atlas uses the real site with the synthetic ``search/`` folder,
so no 20,000 pages are built. At the pipeline's synthetic sizes (``--sizes``) it also measures the
edit loop of ``atlas serve`` (``bench.editloop``: a real file change until the reload shows it in
Chromium; ``--no-editloop`` leaves it out). The figures also go to ``bench-results/latest.json``.

Parts: ``bench.queries`` (the query mix), ``bench.browser`` (Chromium figures),
``bench.visit`` (visits with no DevTools client attached), ``bench.report`` (the
table), ``bench.synthetic`` (the synthetic atlas).
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
from bench.growth import SIZES, growth_figures, growth_table, sizes
from bench.lighthouse import lighthouse_figures, lighthouse_table
from bench.queries import Query, make_queries
from bench.report import table
from bench.synthetic import DEFAULT_ENTRIES, DEFAULT_SEED, write_synthetic_atlas
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
    content_dir: Path, query_count: int, evaluation: Path | None = None
) -> tuple[dict[str, str], dict[str, Any], list[Query]]:
    """(index files, figures, queries for the browser) of one content tree."""
    atlas, timings = gather_timed(content_dir)
    figures: dict[str, Any] = dict(timings)
    figures["entries"] = sum(len(entries) for entries in atlas.entries.values())
    files, figures["index_build_s"] = timed(lambda: render_search_index(atlas))
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


def synthetic_site(site: Path, index: dict[str, str]) -> Path:
    """A copy of the real site whose ``search/`` holds the synthetic index."""
    synthetic = site.with_name("site-synthetic")
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


def measure(work: Path, args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(real figures, synthetic figures, Chromium version)."""
    progress("real content: load, validate, index; the real site (mkdocs)")
    _, real, real_queries = index_figures(PROJECT_ROOT / "content", args.queries, EVALUATION)
    site = real_site(work)
    progress(f"synthetic atlas of {args.entries} entries (seed {args.seed}): write, load, validate, index")
    write_synthetic_atlas(work / "content", args.entries, args.seed)
    index, synthetic, synthetic_queries = index_figures(work / "content", args.queries)
    synthetic["seed"] = args.seed
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        sites = {"real": site, "synthetic": synthetic_site(site, index)}
        queries = {"real": real_queries, "synthetic": synthetic_queries}
        progress(f"Chromium: {args.runs} page loads of each site in turn, {args.queries} queries per site")
        figures = browser_figures(browser, sites, queries, args.runs, args.query)
        real["browser"], synthetic["browser"] = figures["real"], figures["synthetic"]
        version = browser.version
        browser.close()
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
            write_synthetic_atlas(content, count, seed)
        progress(f"edit loop at {count} entries: atlas serve, {repeat} edits of each kind in Chromium")
        results[str(count)] = editloop_figures(content, work / f"editloop-{count}", repeat)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="Measure the search index.")
    parser.add_argument("--entries", type=int, default=DEFAULT_ENTRIES, help="synthetic entries (default 20000)")
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
        "--sizes", type=int, nargs="+", default=list(SIZES), metavar="N", help="synthetic sizes of the whole pipeline"
    )
    parser.add_argument("--huge", action="store_true", help="the whole pipeline also at 100,000 entries")
    parser.add_argument("--pipeline-only", action="store_true", help="only the whole pipeline (no search, Chromium)")
    parser.add_argument("--no-editloop", action="store_true", help="without the edit loop of atlas serve")
    parser.add_argument("--editloop-repeat", type=int, default=3, help="edits of each kind per size (default 3)")
    args = parser.parse_args(argv)

    results: dict[str, Any] = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_state(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
    }
    with work_folder(args.keep) as work:
        if not args.pipeline_only:
            real, synthetic, results["chromium"] = measure(work, args)
            results.update(real=real, synthetic=synthetic)
        growth = growth_figures(
            work, PROJECT_ROOT / "content", sizes(args.sizes, args.huge), args.seed, args.keep is not None
        )
        results["pipeline"] = growth
        if not args.no_editloop:
            # not at --huge's 100,000: serving it starts with a full build of many minutes
            results["editloop"] = editloop_sizes(work, tuple(args.sizes), args.seed, args.editloop_repeat)
    if not args.pipeline_only:
        print(table(results["real"], results["synthetic"]))
        print()
        print(lighthouse_table(results["real"]["lighthouse"]))
        print()
    print(growth_table(growth))
    if "editloop" in results:
        print()
        print(editloop_table(results["editloop"]))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {display_path(args.results, PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
