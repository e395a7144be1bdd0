"""The benchmark's search table: the real atlas and each synthetic size side by side, one figure per line."""

from __future__ import annotations

import statistics
from typing import Any

from bench.browser import QUIET_STOLEN_PERCENT


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
        *brokering_rows(figures),
        ("catalog.json raw / gzip", raw_gzip(figures, "catalog")),
        ("names index by first letter raw / gzip", raw_gzip(figures, "names")),
        ("  parts", f"{figures['names_files']} files"),
        ("  largest part raw / gzip", raw_gzip(figures, "largest_names")),
        ("  largest part", figures["largest_names"]),
        ("names index by first two letters raw / gzip", raw_gzip(figures, "pairs")),
        ("  parts", f"{figures['pairs_files']} files"),
        ("  largest part raw / gzip", raw_gzip(figures, "largest_pair")),
        ("  largest part", figures["largest_pair"]),
        ("text shards raw / gzip", raw_gzip(figures, "shards")),
        ("  text shards", f"{figures['shards_files']} files"),
        ("  largest shard raw / gzip", raw_gzip(figures, "largest_shard")),
        ("  largest shard", figures["largest_shard"]),
        ("snippet files raw / gzip", snippets),
    ]


def brokering_rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """The signals and the matcher, when measured (not with ``--search-only``)."""
    if "broker" not in figures:
        return []
    signals = ("signals (atlas signals, without load)", f"{figures['signals_s']:.2f} s, {figures['signals']:,} signals")
    return [signals, *broker_rows(figures["broker"])]


def broker_rows(broker: dict[str, Any]) -> list[tuple[str, str]]:
    evaluation = "n/a"
    if "evaluation_top1" in broker:
        top1, top5 = broker["evaluation_top1"], broker["evaluation_top5"]
        evaluation = f"{top1:.0%} / {top5:.0%} (n={broker['evaluation_cases']})"
    pages = f"{broker['question_pages_s']:.2f} s for {broker['questions']:,} questions ({broker['cores']} cores)"
    query = f"{ms(broker['match_query_ms_p50'])} / {ms(broker['match_query_ms_p95'])} (n={broker['match_queries']})"
    return [
        ("match data and matcher", f"{broker['match_data_s']:.2f} s"),
        ("atlas match query p50 / p95", query),
        ("question pages: who can help, known, elsewhere", pages),
        ("match.json raw / gzip (question form)", raw_gzip(broker, "match_json")),
        ("evaluation: named organisation first / in top 5", evaluation),
    ]


def stolen(shares: list[float | None]) -> str:
    """Median and highest share of CPU time stolen per page load ("n/a" off Linux)."""
    known = sorted(share for share in shares if share is not None)
    if not known:
        return "n/a"
    return f"median {statistics.median(known):.0f} %, max {known[-1]:.0f} %"


def quiet(browser: dict[str, Any]) -> str:
    if not browser["quiet_runs"]:
        return "none"
    median, p75 = browser["first_result_ms_quiet_median"], browser["first_result_ms_quiet_p75"]
    return f"{ms(median)} / {ms(p75)} (n={browser['quiet_runs']})"


def browser_rows(browser: dict[str, Any]) -> list[tuple[str, str]]:
    fetched = f"{kb(browser['before_first_result_gzip'])} ({kb(browser['before_first_result_raw'])})"
    runs = len(browser["first_result_ms_runs"])
    lines = [
        ("fetched before first result gzip (raw)", fetched),
        ("  files", str(len(browser["before_first_result_files"]))),
        (f"first result on screen, first visit in a new tab, median of {runs}", ms(browser["first_result_ms_median"])),
        ("  in the document, median", ms(browser["in_document_ms_median"])),
        ("  index loaded, median", ms(browser["loaded_ms_median"])),
        ("  CPU stolen by the host during those loads", stolen(browser["stolen_percent_runs"])),
        (f"  quiet loads (< {QUIET_STOLEN_PERCENT} % stolen): median / p75", quiet(browser)),
        ("first result on screen, coming from the home page", ms(browser["first_result_from_home_ms_median"])),
        ("first result on screen, page driven by Playwright", ms(browser["with_playwright_ms_median"])),
        ("  CPU stolen by the host during those loads", stolen(browser["with_playwright_stolen_percent_runs"])),
    ]
    for mode, title in (("names", "names index only"), ("all_shards", "all shards loaded")):
        stats = browser["queries"][mode]
        lines.append((f"query p50 / p95, {title} (n={stats['n']})", f"{ms(stats['p50_ms'])} / {ms(stats['p95_ms'])}"))
        for kind, picked in stats["by_kind"].items():
            lines.append((f"  {kind} (n={picked['n']})", f"{ms(picked['p50_ms'])} / {ms(picked['p95_ms'])}"))
        slowest = stats["slowest"][0]
        lines.append(("  slowest query", f"{ms(slowest['ms'])} {slowest['query']!r}"))
    return lines


def aligned(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table: the first column to the left, the others to the right, a rule under the headers."""
    width = [max(len(headers[index]), *(len(row[index]) for row in rows)) for index in range(len(headers))]

    def line(values: list[str]) -> str:
        cells = [f"{value:>{width[index]}}" for index, value in enumerate(values)]
        return "  ".join([f"{values[0]:<{width[0]}}", *cells[1:]])

    return "\n".join([line(headers), "-" * (sum(width) + 2 * (len(width) - 1)), *(line(row) for row in rows)])


def table(real: dict[str, Any], synthetic: dict[str, dict[str, Any]]) -> str:
    """The real atlas and each synthetic size side by side, one figure per line."""
    columns = [index_rows(real) + browser_rows(real["browser"])]
    headers = ["", "real (content/)"]
    for figures in synthetic.values():
        columns.append(index_rows(figures) + browser_rows(figures["browser"]))
        headers.append(f"synthetic {figures['entries']:,} (seed {figures['seed']})")
    # The labels are the real atlas' (a few hold its counts); every column has the same rows.
    return aligned(headers, [[rows[0][0], *(value for _, value in rows)] for rows in zip(*columns, strict=True)])
