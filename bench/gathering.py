"""Loading and validating for a build: serial (``gather``) against every core (``generator.scale.gathering``).

Each run is a fresh process that imports the generator first and then times only the gathering: wall time and
processor time of itself and its (forked, reaped) workers, and the peak RSS of each. The modes alternate, so that a
change in load hits both. Prints one JSON object per run and a summary (medians); asserts nothing.

    python -m bench.gathering CONTENT [--repeat N] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def cpu_seconds() -> float:
    """Processor time so far of this process and of its reaped children (user and system)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_run(content: Path, mode: str, workers: int) -> dict[str, Any]:
    """In the child: one gathering, timed."""
    from generator.build import gather, without_source_text
    from generator.config import AtlasConfig
    from generator.scale.gathering import gather_for_build

    config = AtlasConfig(content_dir=content).resolve()
    load_before = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), cpu_seconds()
    atlas = without_source_text(gather(config)) if mode == "serial" else gather_for_build(config, workers=workers)
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    entries = sum(len(kind) for kind in atlas.entries.values())
    peaks = {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    return {"mode": mode, "entries": entries, "wall_s": wall, "cpu_s": cpu, "load_before": load_before, **peaks}


def compare(content: Path, repeat: int, workers: int) -> list[dict[str, Any]]:
    runs = []
    for _ in range(repeat):
        for mode in ("serial", "parallel"):
            command = [sys.executable, "-m", "bench.gathering", str(content), "--one", mode, "--workers", str(workers)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout))
            print(done.stdout.strip(), flush=True)
    return runs


def summary(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    return {
        mode: {
            "wall_s": statistics.median(run["wall_s"] for run in runs if run["mode"] == mode),
            "cpu_s": statistics.median(run["cpu_s"] for run in runs if run["mode"] == mode),
        }
        for mode in ("serial", "parallel")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gathering", description=__doc__)
    parser.add_argument("content", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", choices=("serial", "parallel"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.content, args.one, args.workers)))
        return 0
    print(json.dumps({"median": summary(compare(args.content, args.repeat, args.workers))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
