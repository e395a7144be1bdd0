"""Lighthouse scores per page type of the real site, served gzipped; prints them, asserts nothing.

    python -m bench.lighthouse [--runs 3] [--results FILE]

Lighthouse 12 (npm ``lighthouse``) on its mobile defaults: a simulated mid-range phone on a slow
4G connection. The runs go one after another, so that they do not slow each other down; each page
type's figures are the median of its runs. The performance score moves with the machine's load
(tests/test_lighthouse.py asserts the other categories and the layout shift instead).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.run import git_state, progress, real_site
from generator.config import PROJECT_ROOT
from generator.errors import display_path
from tests.lighthouse import CATEGORIES, METRICS, PAGES, Report, lighthouse, serve_gzipped

RESULTS = PROJECT_ROOT / "bench-results" / "lighthouse.json"


def median_figures(reports: list[Report]) -> dict[str, Any]:
    figures: dict[str, Any] = {name: statistics.median(r.scores[name] for r in reports) for name in CATEGORIES}
    figures["cls"] = statistics.median(r.layout_shift for r in reports)
    for metric in METRICS:
        figures[f"{metric}_ms"] = round(statistics.median(r.metrics[metric] for r in reports))
    figures["performance_runs"] = [r.scores["performance"] for r in reports]
    return figures


def table(pages: dict[str, dict[str, Any]]) -> str:
    header = (
        f"{'page type':<16} {'perf':>5} {'runs':>12} {'a11y':>5} {'bp':>4} {'seo':>4} "
        f"{'CLS':>6} {'FCP':>6} {'LCP':>6} {'TBT':>5}"
    )
    lines = [header, "-" * len(header)]
    for name, f in pages.items():
        runs = "/".join(str(score) for score in f["performance_runs"])
        lines.append(
            f"{name:<16} {f['performance']:>5g} {runs:>12} {f['accessibility']:>5g} {f['best-practices']:>4g} "
            f"{f['seo']:>4g} {f['cls']:>6.3f} {f['first-contentful-paint_ms']:>6} "
            f"{f['largest-contentful-paint_ms']:>6} {f['total-blocking-time_ms']:>5}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description="Lighthouse per page type.")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page type (default 3)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures go as JSON")
    args = parser.parse_args(argv)

    pages: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="atlas-lighthouse-") as temp:
        progress("the real site (mkdocs)")
        site = real_site(Path(temp))
        with serve_gzipped(site) as url:
            for name, path in PAGES.items():
                progress(f"Lighthouse, {args.runs}× {name} (/{path})")
                pages[name] = median_figures([lighthouse(f"{url}/{path}") for _ in range(args.runs)])
    print(table(pages))
    results = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_state(),
        "runs": args.runs,
        "pages": {name: {"path": f"/{PAGES[name]}", **figures} for name, figures in pages.items()},
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {display_path(args.results, PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
