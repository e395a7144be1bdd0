"""The stages of one real build (``build_site``, as ``atlas build`` runs it), as a timeline.

``bench.pipeline`` times the steps one by one in one process; in ``atlas build`` they overlap and run in forked and
spawned workers (``generator.scale``). This prints, at the start of each stage the build reports (its
``Progress``), the wall time so far, the processor time of this process and of its finished children (user +
system), and the load. A child's time counts once it has ended, so a stage whose workers are still running shows
their time at a later line. Asserts nothing.

    python -m bench.stages CONTENT WORK
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.build import build_site
from generator.config import AtlasConfig


def used() -> tuple[float, float]:
    """Processor seconds (user + system) of this process and of its reaped children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@dataclass
class Timeline:
    """A ``Progress`` that notes when each stage begins."""

    start: float = field(default_factory=time.perf_counter)
    lines: list[str] = field(default_factory=list)

    def stage(self, name: str, total: int | None = None) -> None:
        own, children = used()
        wall = time.perf_counter() - self.start
        count = "" if total is None else f" ({total:,})"
        load = os.getloadavg()[0]
        self.lines.append(
            f"{wall:8.2f} s  cpu {own:6.1f} + children {children:6.1f} s  load {load:4.1f}  {name}{count}"
        )
        print(self.lines[-1], flush=True)

    def advance(self, steps: int = 1) -> None:
        """Counts are not timed."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__)
    parser.add_argument("content", type=Path, help="the content folder to build")
    parser.add_argument("work", type=Path, help="a folder for docs/ and site/ (made if missing)")
    args = parser.parse_args(argv)
    config = replace(AtlasConfig(), content_dir=args.content, docs_dir=args.work / "docs", site_dir=args.work / "site")
    timeline = Timeline()
    build_site(config.resolve(), timeline)
    timeline.stage("klaar")
    return 0


if __name__ == "__main__":  # spawned workers import this module again: only the parent builds
    sys.exit(main())
