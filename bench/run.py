"""Search index figures for the real content and for a synthetic atlas; prints them, asserts nothing.

    python -m bench.run [--entries 20000] [--seed 2020] [--runs 9] [--queries 200] [--results FILE]

For both atlases: load and validate time, index build time (``render_search_index``),
index sizes (raw and gzip level 6), the bytes the search page fetches before its
first result, the time to that first result in Chromium and the latency of
``window.atlasSearch.search`` for a fixed set of queries. The browser part of
the synthetic atlas uses the real site with the synthetic ``search/`` folder,
so no 20,000 pages are built. The figures also go to ``bench-results/latest.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from random import Random
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from playwright.sync_api import Browser, Page, Response, sync_playwright

from bench.synthetic import DEFAULT_ENTRIES, DEFAULT_SEED, write_synthetic_atlas
from generator.atlas import Atlas
from generator.build import build_site
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.errors import display_path
from generator.load import load
from generator.lunr_nl import STOP_WORDS
from generator.search import search_documents
from generator.searchindex import render_search_index
from generator.validate import validate
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_folder_in_process

RESULTS = PROJECT_ROOT / "bench-results" / "latest.json"
FIRST_RESULT_QUERY = "klimaatadaptatie"
QUERY_MIX = {"single word": 40, "two words": 25, "prefix": 20, "typo": 15}
"""Shares of the query kinds, in percent."""
VOCABULARY_SIZE = 300
BROWSER_TIMEOUT_MS = 600_000
_WORD = re.compile(r"[^\W\d_]+")

T = TypeVar("T")
Query = tuple[str, str]
"""(kind of query, query text)."""

# ---------------------------------------------------------------- helpers


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


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
    """Sizes of the catalog, the names index (in parts by first letter), the full-text shards and the snippets."""
    raw = {path: text.encode("utf-8") for path, text in files.items()}
    names = {path: data for path, data in raw.items() if path.startswith("search/names-")}
    shards = {path: data for path, data in raw.items() if path.startswith("search/text-")}
    snippets = {path: data for path, data in raw.items() if path.startswith("search/snippets-")}
    return {
        "index_files": len(raw),
        **totals("catalog", {"search/catalog.json": raw["search/catalog.json"]}),
        **totals("names", names),
        **largest("largest_names", names),
        **totals("shards", shards),
        **largest("largest_shard", shards),
        **totals("snippets", snippets),
    }


def index_figures(content_dir: Path, query_count: int) -> tuple[dict[str, str], dict[str, Any], list[Query]]:
    """(index files, figures, queries for the browser) of one content tree."""
    atlas, figures = gather_timed(content_dir)
    figures["entries"] = sum(len(entries) for entries in atlas.entries.values())
    files, figures["index_build_s"] = timed(lambda: render_search_index(atlas))
    figures.update(index_sizes(files))
    return files, figures, make_queries(atlas, query_count)


# ---------------------------------------------------------------- queries


def vocabulary(atlas: Atlas) -> tuple[list[str], list[list[str]]]:
    """(most frequent words, words per document) of the searchable text, stop words left out."""
    per_document = []
    counts: Counter[str] = Counter()
    for document in search_documents(atlas):
        words = [
            word
            for word in _WORD.findall(f"{document.title} {document.keywords} {document.text}".lower())
            if len(word) >= 4 and word not in STOP_WORDS
        ]
        per_document.append(words)
        counts.update(words)
    ranked = sorted(counts, key=lambda word: (-counts[word], word))
    return ranked[:VOCABULARY_SIZE], [words for words in per_document if len(set(words)) >= 2]


def typo(rng: Random, word: str) -> str:
    """One edit inside the word: swap two letters, drop one or replace one."""
    at = rng.randint(1, len(word) - 2)
    edits = (
        word[:at] + word[at + 1] + word[at] + word[at + 2 :],
        word[:at] + word[at + 1 :],
        word[:at] + rng.choice([c for c in "aeiounrst" if c != word[at]]) + word[at + 1 :],
    )
    changed = [edit for edit in edits if edit != word]
    return rng.choice(changed)


def make_queries(atlas: Atlas, count: int = 200, seed: int = DEFAULT_SEED) -> list[Query]:
    """A deterministic mix of single words, two words from one document, prefixes and typos."""
    rng = Random(seed)
    words, documents = vocabulary(atlas)
    long_words = [word for word in words if len(word) >= 6]
    makers: dict[str, Callable[[], str]] = {
        "single word": lambda: rng.choice(words),
        "two words": lambda: " ".join(rng.sample(sorted(set(rng.choice(documents))), 2)),
        "prefix": lambda: (word := rng.choice(long_words))[: rng.randint(3, len(word) - 2)],
        "typo": lambda: typo(rng, rng.choice(long_words)),
    }
    queries = [(kind, makers[kind]()) for kind, share in QUERY_MIX.items() for _ in range(round(count * share / 100))]
    rng.shuffle(queries)
    return queries


# ---------------------------------------------------------------- browser figures


FETCHED = """() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .map((entry) => ({ url: entry.name, end: entry.responseEnd }))"""
RUN_QUERIES = """(queries) => queries.map((query) => {
  const start = performance.now();
  const refs = window.atlasSearch.search(query);
  return [performance.now() - start, refs.length];
})"""


@contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A page in a new browser context: nothing cached, closed afterwards."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        yield page
    finally:
        context.close()


def open_until_first_result(page: Page, url: str) -> dict[str, Any]:
    """Go to the search page and return its ``atlasSearch.timings`` once it shows a result.
    Waits without touching the page: polling from the harness (wait_for_function) makes Playwright
    compile its helper script in the page while it loads, which cost the page 50–100 ms here."""
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => window.atlasSearch && window.atlasSearch.timings.firstResult")
    return dict(page.evaluate("() => window.atlasSearch.timings"))


def first_result(browser: Browser, url: str) -> dict[str, Any]:
    """Open the search page with a query in a fresh context (nothing cached): ms to the first result,
    and what came before it."""
    with fresh_page(browser) as page:
        responses: dict[str, Response] = {}

        def record(response: Response) -> None:
            responses.setdefault(response.url, response)

        page.on("response", record)
        timings = open_until_first_result(page, url)
        first = float(timings["firstResult"])
        files = []
        for entry in page.evaluate(FETCHED):
            if entry["end"] <= first and entry["url"] in responses:
                body = responses[entry["url"]].body()
                path = urlsplit(entry["url"]).path
                files.append({"path": path, "raw": len(body), "gzip": gzip_size(body)})
    return {"first_result_ms": first, "loaded_ms": float(timings["loaded"]), "files": files}


def first_result_from_home(browser: Browser, base: str, url: str) -> float:
    """ms to the first result when the visitor comes from the home page, as with the header's search box:
    the theme's files are then in the browser's cache, the search files are not."""
    with fresh_page(browser) as page:
        page.goto(f"{base}/", wait_until="networkidle")
        return float(open_until_first_result(page, url)["firstResult"])


def latencies(browser: Browser, url: str, queries: list[Query]) -> dict[str, Any]:
    """``atlasSearch.search`` timed per query: the whole names index, then with every full-text shard too."""
    with fresh_page(browser) as page:
        page.goto(url)
        page.evaluate("() => window.atlasSearch.ready.then(() => true)")
        texts = [text for _, text in queries]
        figures: dict[str, Any] = {}
        page.evaluate("() => window.atlasSearch.loadAllNames().then(() => true)")
        for mode in ("names", "all_shards"):
            if mode == "all_shards":
                page.evaluate("() => window.atlasSearch.loadAllShards().then(() => true)")
            timings = page.evaluate(RUN_QUERIES, texts)
            figures[mode] = summarize(queries, [(float(ms), int(hits)) for ms, hits in timings])
        return figures


def summarize(queries: list[Query], timings: list[tuple[float, int]]) -> dict[str, Any]:
    def stats(picked: list[tuple[float, int]]) -> dict[str, float]:
        ms = [duration for duration, _ in picked]
        return {"n": len(ms), "p50_ms": percentile(ms, 0.5), "p95_ms": percentile(ms, 0.95), "max_ms": max(ms)}

    by_kind = {kind: [t for (k, _), t in zip(queries, timings, strict=True) if k == kind] for kind in QUERY_MIX}
    return {
        **stats(timings),
        "empty": sum(1 for _, hits in timings if hits == 0),
        "by_kind": {kind: stats(picked) for kind, picked in by_kind.items() if picked},
        "slowest": [
            {"query": text, "kind": kind, "ms": ms, "hits": hits}
            for (kind, text), (ms, hits) in sorted(zip(queries, timings, strict=True), key=lambda pair: -pair[1][0])[:5]
        ],
    }


def first_result_figures(measured: list[dict[str, Any]], from_home: list[float], query: str) -> dict[str, Any]:
    files = measured[0]["files"]
    return {
        "first_result_query": query,
        "first_result_from_home_ms_median": statistics.median(from_home),
        "first_result_from_home_ms_runs": from_home,
        "first_result_ms_median": statistics.median(run["first_result_ms"] for run in measured),
        "first_result_ms_runs": [run["first_result_ms"] for run in measured],
        "loaded_ms_median": statistics.median(run["loaded_ms"] for run in measured),
        "before_first_result_raw": sum(file["raw"] for file in files),
        "before_first_result_gzip": sum(file["gzip"] for file in files),
        "before_first_result_files": files,
    }


def browser_figures(
    browser: Browser, sites: dict[str, Path], queries: dict[str, list[Query]], runs: int, query: str
) -> dict[str, dict[str, Any]]:
    """Per site: the first result over ``runs`` page loads, then query latencies. The page loads of the
    sites take turns, so that a busy moment of the machine weighs on each alike."""
    with ExitStack() as stack:
        bases = {name: stack.enter_context(serve_folder_in_process(site)) for name, site in sites.items()}
        measured: dict[str, list[dict[str, Any]]] = {name: [] for name in sites}
        from_home: dict[str, list[float]] = {name: [] for name in sites}
        for _ in range(runs):
            for name, base in bases.items():
                url = f"{base}/zoeken/?q={quote(query)}"
                measured[name].append(first_result(browser, url))
                from_home[name].append(first_result_from_home(browser, base, url))
        return {
            name: {
                **first_result_figures(measured[name], from_home[name], query),
                "queries": latencies(browser, f"{base}/zoeken/", queries[name]),
            }
            for name, base in bases.items()
        }


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


# ---------------------------------------------------------------- report


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.2f} MB"


def ms(value: float) -> str:
    return f"{value:,.1f} ms" if value < 10_000 else f"{value / 1000:,.1f} s"


def raw_gzip(figures: dict[str, Any], name: str) -> str:
    return f"{kb(figures[f'{name}_raw'])} / {kb(figures[f'{name}_gzip'])}"


def index_rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    snippets = raw_gzip(figures, "snippets") if figures["snippets_files"] else "none"
    return [
        ("entries", f"{figures['entries']:,}"),
        ("load (read files)", f"{figures['load_s']:.2f} s"),
        ("validate", f"{figures['validate_s']:.2f} s"),
        ("index build (render_search_index)", f"{figures['index_build_s']:.2f} s"),
        ("catalog.json raw / gzip", raw_gzip(figures, "catalog")),
        ("names index raw / gzip", raw_gzip(figures, "names")),
        ("  names parts (by first letter)", f"{figures['names_files']} files"),
        ("  largest part raw / gzip", raw_gzip(figures, "largest_names")),
        ("  largest part", figures["largest_names"]),
        ("text shards raw / gzip", raw_gzip(figures, "shards")),
        ("  text shards", f"{figures['shards_files']} files"),
        ("  largest shard raw / gzip", raw_gzip(figures, "largest_shard")),
        ("  largest shard", figures["largest_shard"]),
        ("snippet files raw / gzip", snippets),
    ]


def browser_rows(browser: dict[str, Any]) -> list[tuple[str, str]]:
    fetched = f"{kb(browser['before_first_result_gzip'])} ({kb(browser['before_first_result_raw'])})"
    lines = [
        ("fetched before first result gzip (raw)", fetched),
        ("  files", str(len(browser["before_first_result_files"]))),
        (f"first result, median of {len(browser['first_result_ms_runs'])}", ms(browser["first_result_ms_median"])),
        ("  index loaded, median", ms(browser["loaded_ms_median"])),
        ("  first result coming from the home page", ms(browser["first_result_from_home_ms_median"])),
    ]
    for mode, title in (("names", "names index only"), ("all_shards", "all shards loaded")):
        stats = browser["queries"][mode]
        lines.append((f"query p50 / p95, {title} (n={stats['n']})", f"{ms(stats['p50_ms'])} / {ms(stats['p95_ms'])}"))
        for kind, picked in stats["by_kind"].items():
            lines.append((f"  {kind} (n={picked['n']})", f"{ms(picked['p50_ms'])} / {ms(picked['p95_ms'])}"))
        slowest = stats["slowest"][0]
        lines.append(("  slowest query", f"{ms(slowest['ms'])} {slowest['query']!r}"))
    return lines


def table(real: dict[str, Any], synthetic: dict[str, Any]) -> str:
    """Both atlases side by side, one figure per line."""
    left = index_rows(real) + browser_rows(real["browser"])
    right = index_rows(synthetic) + browser_rows(synthetic["browser"])
    headers = ("", "real (content/)", f"synthetic (seed {synthetic['seed']})")
    columns = ((headers[0], left, 0), (headers[1], left, 1), (headers[2], right, 1))
    width = [max(len(header), *(len(row[column]) for row in rows)) for header, rows, column in columns]
    lines = [f"{headers[0]:<{width[0]}}  {headers[1]:>{width[1]}}  {headers[2]:>{width[2]}}"]
    lines.append("-" * len(lines[0]))
    lines += [f"{a[0]:<{width[0]}}  {a[1]:>{width[1]}}  {b[1]:>{width[2]}}" for a, b in zip(left, right, strict=True)]
    return "\n".join(lines)


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
    _, real, real_queries = index_figures(PROJECT_ROOT / "content", args.queries)
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
    return real, synthetic, version


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="Measure the search index.")
    parser.add_argument("--entries", type=int, default=DEFAULT_ENTRIES, help="synthetic entries (default 20000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the synthetic atlas (default 2020)")
    parser.add_argument("--runs", type=int, default=9, help="page loads for the time to first result (default 9)")
    parser.add_argument("--queries", type=int, default=200, help="queries for the latencies (default 200)")
    parser.add_argument("--query", default=FIRST_RESULT_QUERY, help="query of the first-result page loads")
    parser.add_argument("--keep", type=Path, help="build in this (empty) folder and keep the content and sites")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures go as JSON")
    args = parser.parse_args(argv)

    with work_folder(args.keep) as work:
        real, synthetic, chromium = measure(work, args)
    print(table(real, synthetic))
    results = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_state(),
        "python": platform.python_version(),
        "chromium": chromium,
        "real": real,
        "synthetic": synthetic,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {display_path(args.results, PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
