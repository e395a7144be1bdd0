"""The whole pipeline at several sizes (``bench.pipeline``) and its table: how time and memory grow.

Sizes: the real content, synthetic atlases of 2,000 and 20,000 entries, and with ``--huge`` 100,000.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.pipeline import pipeline_figures
from generator.config import PROJECT_ROOT

SIZES = (2000, 20000)
HUGE = 100000
STEPS = ("validate", "generate", "search index", "write docs", "mkdocs + CSP", "check")
TARGET_RATIO = 1.2


def write_synthetic_in_child(content: Path, entries: int, seed: int) -> None:
    """``bench.synthetic`` in a process of its own, so that the measuring process stays small: the children it
    starts inherit its RSS at that moment as the start of their peak RSS (``ru_maxrss`` survives fork and exec)."""
    command = [sys.executable, "-m", "bench.synthetic", str(content), "--entries", str(entries), "--seed", str(seed)]
    subprocess.run(command, check=True, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)


def sizes(chosen: list[int], huge: bool) -> tuple[int, ...]:
    return (*chosen, HUGE) if huge and HUGE not in chosen else tuple(chosen)


def growth_figures(
    work: Path, real_content: Path, entries: tuple[int, ...], seed: int, keep: bool
) -> dict[str, dict[str, Any]]:
    """Pipeline figures per size, keyed ``real`` and the number of entries; each size's folder is removed after
    measuring it, unless ``keep``."""
    results: dict[str, dict[str, Any]] = {}
    for name, content in [("real", real_content), *((str(count), work / f"content-{count}") for count in entries)]:
        if not content.is_dir():
            print(f"… synthetic atlas of {name} entries (seed {seed})", file=sys.stderr, flush=True)
            write_synthetic_in_child(content, int(name), seed)
        print(
            f"… the whole pipeline for {name}: steps, atlas build, bare mkdocs, yaml, match",
            file=sys.stderr,
            flush=True,
        )
        folder = work / f"pipeline-{name}"
        results[name] = pipeline_figures(content, folder)
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
            if content != real_content:
                shutil.rmtree(content, ignore_errors=True)
    return results


def _seconds(figures: dict[str, Any]) -> str:
    return f"{figures['s']:.1f} s"


def _wall_cpu(figures: dict[str, Any]) -> str:
    return f"{figures['s']:.1f} s / {figures['cpu_s']:.1f} s"


def _rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    steps = figures["steps"]["steps"]
    pages = figures["steps"]["docs_pages"]
    total = sum(steps[step]["s"] for step in STEPS)
    self_rss = max(steps[step]["peak_rss_mb"] for step in STEPS)
    child_rss = max(steps[step]["child_peak_rss_mb"] for step in STEPS)
    build, plain = figures["atlas_build"], figures["plain_mkdocs"]
    ratio = figures["ratio"]
    verdict = "ok" if ratio <= TARGET_RATIO else f"{ratio / TARGET_RATIO - 1:+.0%} over"
    return [
        ("pages (Markdown)", f"{pages:,}"),
        *((f"  {step}", _seconds(steps[step])) for step in STEPS),
        ("  mkdocs workers", str(figures["steps"]["workers"])),
        ("  sum of the steps", f"{total:.1f} s"),
        (
            "  per page: all steps / mkdocs + CSP",
            f"{total / pages * 1000:.2f} / {steps['mkdocs + CSP']['s'] / pages * 1000:.2f} ms",
        ),
        ("  peak RSS: process / largest child", f"{self_rss:,.0f} / {child_rss:,.0f} MB"),
        ("atlas build, whole: wall / CPU", _wall_cpu(build)),
        ("  peak RSS (largest process)", f"{build['peak_rss_mb']:,.0f} MB"),
        ("  load average before / after", " / ".join(f"{load:.1f}" for load in build["load"])),
        ("bare mkdocs, as many plain pages: wall / CPU", _wall_cpu(plain)),
        ("  load average before / after", " / ".join(f"{load:.1f}" for load in plain["load"])),
        ("ratio build / bare mkdocs, wall (target <= 1.2)", f"{ratio:.2f} ({verdict})"),
        ("ratio build / bare mkdocs, CPU", f"{build['cpu_s'] / plain['cpu_s']:.2f}"),
        ("bare yaml.CSafeLoader parse", f"{figures['yaml']['s']:.2f} s ({figures['yaml']['files']:,} files)"),
        ("match every question", f"{figures['match']['s']:.2f} s ({figures['match']['questions']:,} questions)"),
        (
            "entry page HTML: median / max",
            f"{figures['entry_html_median'] / 1024:.1f} / {figures['entry_html_max'] / 1024:.1f} kB",
        ),
        ("  largest", figures["entry_html_largest"]),
    ]


def growth_table(results: dict[str, dict[str, Any]]) -> str:
    """One column per size, one figure per line."""
    names = list(results)
    columns = [_rows(results[name]) for name in names]
    labels = [label for label, _ in columns[0]]
    headers = ["whole pipeline", *(name if name == "real" else f"{int(name):,} entries" for name in names)]
    cells = [[label, *(column[row][1] for column in columns)] for row, label in enumerate(labels)]
    width = [max(len(headers[index]), *(len(line[index]) for line in cells)) for index in range(len(headers))]

    def line(values: list[str]) -> str:
        first = f"{values[0]:<{width[0]}}"
        return "  ".join([first, *(f"{value:>{width[index + 1]}}" for index, value in enumerate(values[1:]))])

    out = [line(headers), "-" * (sum(width) + 2 * (len(width) - 1))]
    return "\n".join([*out, *(line(values) for values in cells)])
