"""The benchmark's browser figures: time to the first result in Chromium, and query latencies."""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.sync_api import Browser, BrowserContext, Page

from bench.queries import QUERY_MIX, Query
from bench.visit import chromium_without_client, site_file, visit
from generator.search.lunrindex import gzip_size
from tests.browser import serve_folder_in_process

BROWSER_TIMEOUT_MS = 600_000


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


RUN_QUERIES = """(queries) => queries.map((query) => {
  const start = performance.now();
  const refs = window.atlasSearch.search(query);
  return [performance.now() - start, refs.length];
})"""


def cpu_times() -> tuple[int, int] | None:
    """(stolen, total) CPU time of this machine since boot, in ticks, from /proc/stat (Linux); None elsewhere."""
    try:
        first_line = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0]
    except OSError:
        return None
    ticks = [int(field) for field in first_line.split()[1:9]]  # user nice system idle iowait irq softirq steal
    return ticks[7], sum(ticks)


def stolen_percent(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share of CPU time the hypervisor gave to other machines in between: on a shared virtual
    machine the timings swing with it, so the benchmark reports it beside them."""
    if before is None or after is None or after[1] == before[1]:
        return None
    return 100 * (after[0] - before[0]) / (after[1] - before[1])


@contextmanager
def new_tab(context: BrowserContext) -> Iterator[Page]:
    """A new page in a browser context that stays open, as a visitor's running browser: Chromium gives
    each such page a renderer process of its own, started in advance. Closed afterwards."""
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        yield page
    finally:
        page.close()


@contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A page in a new browser context (a new profile): nothing cached, closed afterwards."""
    context = browser.new_context(locale="nl-NL")
    try:
        with new_tab(context) as page:
            yield page
    finally:
        context.close()


def open_until_first_result(page: Page, url: str) -> dict[str, Any]:
    """Go to the search page and return its ``atlasSearch.timings`` once a result is on screen:
    ``firstResult`` when the page put it in the document, ``firstResultPainted`` after the frame
    that shows it. Waits without touching the page: polling from the harness (wait_for_function)
    makes Playwright compile its helper script in the page while it loads, which cost the page
    50–100 ms here."""
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => window.atlasSearch && window.atlasSearch.timings.firstResultPainted")
    return dict(page.evaluate("() => window.atlasSearch.timings"))


def first_visit(devtools: str, folder: Path, path: str) -> dict[str, Any]:
    """A first visit to the search page in a new tab with no DevTools client attached (bench.visit):
    ms to the first result on screen and in the document, the share of CPU time stolen meanwhile,
    and the paths fetched before the first result."""
    before = cpu_times()
    report = visit(devtools, folder, path)
    stolen = stolen_percent(before, cpu_times())
    timings = report["timings"]
    return {
        "first_result_ms": float(timings["firstResultPainted"]),
        "in_document_ms": float(timings["firstResult"]),
        "loaded_ms": float(timings["loaded"]),
        "stolen_percent": stolen,
        "fetched": list(dict.fromkeys(report["fetched"])),
    }


def file_sizes(folder: Path, paths: list[str]) -> list[dict[str, Any]]:
    """Raw and gzip size of the files of the site behind ``paths``."""
    files = []
    for path in paths:
        data = site_file(folder, path).read_bytes()
        files.append({"path": path, "raw": len(data), "gzip": gzip_size(data)})
    return files


def with_playwright(page: Page, url: str) -> dict[str, Any]:
    """The same visit in a page Playwright drives, as the browser tests do: the harness's own cost shows."""
    before = cpu_times()
    first = float(open_until_first_result(page, url)["firstResultPainted"])
    return {"first_result_ms": first, "stolen_percent": stolen_percent(before, cpu_times())}


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


QUIET_STOLEN_PERCENT = 10
"""A page load counts as quiet when the host stole less than this share of CPU time during it."""


def quiet_figures(measured: list[dict[str, Any]]) -> dict[str, Any]:
    """Median and 75th percentile of the first result over the quiet page loads (all loads off Linux,
    where the stolen share is unknown)."""
    quiet = [
        run["first_result_ms"]
        for run in measured
        if run["stolen_percent"] is None or run["stolen_percent"] < QUIET_STOLEN_PERCENT
    ]
    if not quiet:
        return {"quiet_runs": 0}
    return {
        "quiet_runs": len(quiet),
        "first_result_ms_quiet_median": statistics.median(quiet),
        "first_result_ms_quiet_p75": percentile(quiet, 0.75),
    }


def first_result_figures(
    folder: Path, measured: list[dict[str, Any]], from_home: list[float], attached: list[dict[str, Any]], query: str
) -> dict[str, Any]:
    files = file_sizes(folder, measured[0]["fetched"])
    return {
        "first_result_query": query,
        "first_result_ms_median": statistics.median(run["first_result_ms"] for run in measured),
        "first_result_ms_runs": [run["first_result_ms"] for run in measured],
        "in_document_ms_median": statistics.median(run["in_document_ms"] for run in measured),
        "loaded_ms_median": statistics.median(run["loaded_ms"] for run in measured),
        "stolen_percent_runs": [run["stolen_percent"] for run in measured],
        **quiet_figures(measured),
        "first_result_from_home_ms_median": statistics.median(from_home),
        "first_result_from_home_ms_runs": from_home,
        "with_playwright_ms_median": statistics.median(run["first_result_ms"] for run in attached),
        "with_playwright_ms_runs": [run["first_result_ms"] for run in attached],
        "with_playwright_stolen_percent_runs": [run["stolen_percent"] for run in attached],
        "before_first_result_raw": sum(file["raw"] for file in files),
        "before_first_result_gzip": sum(file["gzip"] for file in files),
        "before_first_result_files": files,
    }


def browser_figures(
    browser: Browser, sites: dict[str, Path], queries: dict[str, list[Query]], runs: int, query: str
) -> dict[str, dict[str, Any]]:
    """Per site: the first result over ``runs`` page loads of each kind, then query latencies.

    The headline is a first visit in a new tab of a running Chromium with no DevTools client attached
    (``bench.visit``); beside it the visit coming from the home page, and the first visit in a page
    Playwright drives (``browser``). Every page load gets a web server of its own, on a new port: to
    the browser a site it has never seen, so nothing of it is cached and no connection to it is open.
    The first page of each browser sets that browser up, and is not measured. The loads of the sites
    take turns, so that a busy moment of the machine weighs on each alike."""
    path = f"/zoeken/?q={quote(query)}"
    measured: dict[str, list[dict[str, Any]]] = {name: [] for name in sites}
    from_home: dict[str, list[float]] = {name: [] for name in sites}
    attached: dict[str, list[dict[str, Any]]] = {name: [] for name in sites}
    visitor = browser.new_context(locale="nl-NL")
    try:
        with chromium_without_client() as devtools:
            for site in sites.values():
                visit(devtools, site, path)
                with serve_folder_in_process(site) as base, new_tab(visitor) as page:
                    open_until_first_result(page, base + path)
            for _ in range(runs):
                for name, site in sites.items():
                    measured[name].append(first_visit(devtools, site, path))
                    report = visit(devtools, site, path, via_home=True)
                    from_home[name].append(float(report["timings"]["firstResultPainted"]))
                    with serve_folder_in_process(site) as base, new_tab(visitor) as page:
                        attached[name].append(with_playwright(page, base + path))
    finally:
        visitor.close()
    figures = {}
    for name, site in sites.items():
        with serve_folder_in_process(site) as base:
            figures[name] = {
                **first_result_figures(site, measured[name], from_home[name], attached[name], query),
                "queries": latencies(browser, f"{base}/zoeken/", queries[name]),
            }
    return figures
