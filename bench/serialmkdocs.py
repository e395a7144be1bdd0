"""CPU time of one serial mkdocs build of a docs folder, and the part of it in converting the pages.

    python -m bench.serialmkdocs DOCS [DOCS ...] [--rounds 3]

Builds each docs folder with ``build.run_mkdocs`` (one process, no CSP pass) into a temporary site folder,
``--rounds`` times, alternating between the folders so that a change in the machine's load hits each alike.
Prints per folder and round the CPU time of the build and of mkdocs' ``Page.render`` (Python-Markdown and
mkdocs' tree processors), and the median per folder. CPU time, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from generator.build import run_mkdocs
from generator.config import AtlasConfig


def timed_build(docs: Path) -> tuple[float, float]:
    """(CPU seconds of the whole build, CPU seconds inside ``Page.render``) for one build of ``docs``."""
    render: Callable[..., Any] = Page.render
    spent = [0.0]

    def measured_render(page: Page, *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return render(page, *args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    Page.render = measured_render  # type: ignore[method-assign,assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="serialmkdocs-") as site:
            start = time.process_time()
            run_mkdocs(AtlasConfig(docs_dir=docs, site_dir=Path(site)).resolve())
            return time.process_time() - start, spent[0]
    finally:
        Page.render = render  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, nargs="+", help="docs folders written by atlas build (--docs-dir)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[Path, list[tuple[float, float]]] = {docs: [] for docs in args.docs}
    print(f"load average at start: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for round_ in range(1, args.rounds + 1):
        for docs in args.docs:
            total, render = timed_build(docs)
            results[docs].append((total, render))
            print(f"round {round_} {docs}: build {total:.2f} s CPU, Page.render {render:.2f} s CPU", flush=True)
    print(f"load average at end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for docs, figures in results.items():
        total = statistics.median(figure[0] for figure in figures)
        render = statistics.median(figure[1] for figure in figures)
        print(f"median {docs}: build {total:.2f} s CPU, Page.render {render:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
