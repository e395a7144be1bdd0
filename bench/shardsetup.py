"""The fixed cost of a mkdocs shard worker, and the mkdocs stage with the set-up done once or in every worker.

On a docs folder written by ``atlas build --docs-dir DOCS`` (or ``generate_docs``): first mkdocs' set-up
(``generator.scale.shard.set_up``: config, files, navigation, a page per file, the split) in a fresh process, step
by step, as every worker did it before ``generator.scale.leader``; then the whole mkdocs stage
(``parallel.build_shares``) with the workers forked from one set-up and with every worker spawned and set up on
its own, alternating, processor time of every process (children included) and wall time, with the load average.
No assertion: a benchmark, not a test.

    python -m bench.shardsetup DOCS [--workers 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.config import PROJECT_ROOT
from generator.exchange.siteurl import base_path, read_site
from generator.scale.shard import ShardJob

STEPS = """
import sys, time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
from generator.scale.shard import ShardJob, partition
mark("import generator.scale.shard")
import material, mkdocs.commands.build
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
import os
mark("import mkdocs, material")
config = load_config(config_file=sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3], strict=True)
mark("load_config")
files = get_files(config)
mark("get_files")
env = config.theme.get_env()
files.add_files_from_theme(env, config)
mark("add_files_from_theme")
set_exclusions(files, config)
nav = get_navigation(files, config)
mark("get_navigation (a Page per file)")
doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
sizes = {file.src_uri: os.path.getsize(file.abs_src_path or "") for file in doc_files}
partition(sizes, int(sys.argv[4]))
mark("sizes and split")
for (_, wall, cpu), (name, wall2, cpu2) in zip(marks, marks[1:]):
    print(f"  {name:36s} {wall2 - wall:6.2f} s wall {cpu2 - cpu:6.2f} s cpu")
print(f"  {'together':36s} {marks[-1][1] - marks[0][1]:6.2f} s wall {marks[-1][2] - marks[0][2]:6.2f} s cpu")
"""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_stage(docs: Path, workers: int, fork: bool) -> tuple[float, float]:
    """Wall and processor time (this process and every child) of the mkdocs stage, into a fresh site folder."""
    # Imported here: a spawned worker imports this module (as ``__mp_main__``) and, as under ``atlas build``
    # (``generator.cli``), should not import the whole generator for it.
    from generator.scale.parallel import build_shares

    mkdocs_file = PROJECT_ROOT / "mkdocs.yml"
    link_base = base_path(read_site(mkdocs_file).url)
    with tempfile.TemporaryDirectory(prefix="shardsetup-") as site:
        jobs = [ShardJob(mkdocs_file, docs, Path(site), True, index, workers, link_base) for index in range(workers)]
        wall, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
        results = build_shares(jobs, fork=fork)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu + children_cpu() - children
        shutil.rmtree(site)
    failed = [result.error for result in results if result.error]
    if failed:
        raise SystemExit(f"mkdocs failed: {failed[0]}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    docs = options.docs.resolve()
    pages = sum(1 for _ in docs.rglob("*.md"))
    print(f"{pages} pages in {docs}; load {os.getloadavg()[0]:.2f}")
    print("Set-up of one worker (fresh process, after the interpreter started):")
    with tempfile.TemporaryDirectory(prefix="shardsetup-") as site:  # not written: the set-up builds no page
        arguments = [str(PROJECT_ROOT / "mkdocs.yml"), str(docs), site, str(options.workers)]
        subprocess.run([sys.executable, "-c", STEPS, *arguments], check=True, cwd=PROJECT_ROOT)
    print(f"mkdocs stage, {options.workers} workers (wall, processor time incl. children):")
    for run in range(1, options.repeat + 1):
        for fork, name in ((True, "set up once, forked"), (False, "each sets up itself")):
            load = os.getloadavg()[0]
            wall, cpu = mkdocs_stage(docs, options.workers, fork)
            print(f"  run {run} {name:22s} {wall:6.2f} s wall {cpu:6.2f} s cpu (load {load:.2f})")


if __name__ == "__main__":
    main()
