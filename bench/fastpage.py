"""The mkdocs stage alone on a docs folder that ``atlas build`` wrote, and the share of its pages that the shard
workers convert without Python-Markdown (``generator.scale.fastpage``). Prints JSON, asserts nothing.

    python -m bench.fastpage DOCS WORK [--workers N] [--no-share]    (WORK: an empty folder for the site)

The stage (``generator.scale.parallel.build_pages``) is timed in this process; its CPU time is that of its
worker processes (``RUSAGE_CHILDREN``) and of this one, with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def fast_share(docs: Path) -> dict[str, Any]:
    """How many pages of ``docs`` the fast path takes, in all and per top folder."""
    from mkdocs.config import load_config
    from mkdocs.utils import meta

    from generator.config import PROJECT_ROOT
    from generator.scale.fastpage import FastConverter

    converter = FastConverter.for_config(load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"), docs_dir=str(docs)))
    if converter is None:
        raise SystemExit("mkdocs.yml has Markdown options the fast path does not know")
    pages: dict[str, list[int]] = {}
    for path in sorted(docs.rglob("*.md")):
        markdown, _ = meta.get_data(path.read_text(encoding="utf-8"))
        folder = path.relative_to(docs).parts[0] if len(path.relative_to(docs).parts) > 1 else "."
        counts = pages.setdefault(folder, [0, 0])
        counts[0] += 1
        counts[1] += converter.convert(markdown) is not None
    total, fast = (sum(counts[index] for counts in pages.values()) for index in (0, 1))
    return {"pages": total, "fast_pages": fast, "share": fast / total, "per_folder": pages}


def mkdocs_stage(docs: Path, work: Path, workers: int) -> dict[str, Any]:
    from generator.config import AtlasConfig
    from generator.scale.parallel import build_pages

    config = AtlasConfig(docs_dir=docs, site_dir=work / "site", workers=workers).resolve()
    load_before = os.getloadavg()[0]
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    start = time.perf_counter()
    used = build_pages(config)
    seconds = time.perf_counter() - start
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = [
        end.ru_utime + end.ru_stime - (begin.ru_utime + begin.ru_stime)
        for begin, end in zip(before, after, strict=True)
    ]
    return {
        "workers": used,
        "s": seconds,
        "cpu_s": sum(cpu),
        "workers_cpu_s": cpu[1],
        "load": [load_before, os.getloadavg()[0]],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("docs", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-share", action="store_true", help="only the stage (for a tree without the fast path)")
    args = parser.parse_args(argv)
    figures = {"mkdocs": mkdocs_stage(args.docs, args.work, args.workers)}
    if not args.no_share:
        figures["share"] = fast_share(args.docs)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
