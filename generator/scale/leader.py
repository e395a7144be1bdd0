"""mkdocs' set-up done once for all shard workers: one process sets up, then forks the others.

Before a worker (``shard.py``) builds a page it loads the config, lists every file of the docs folder, builds the
navigation with a ``Page`` for every file, and splits the pages into shares: at 20,000 pages about 1.3 s of
processor time, the same in every worker (``bench/README.md``, "De opzet van de mkdocs-werkers één keer"). Here
one process (the leader, started by ``parallel.build_pages`` with ``spawn``, so it holds no atlas) does it once,
forks a worker per other share, and builds share 0 itself. The forked workers share the set-up without copying
or pickling it; each builds its share exactly as a worker that set up on its own, so the site is the same.

The leader is a fresh process that runs no other thread, so forking it is safe; where the platform cannot fork,
``parallel.build_pages`` starts one worker per share that sets up on its own, as before.
"""

from __future__ import annotations

import functools
import logging

from ..mkdocslog import WarningCollector
from .alongside import Alongside
from .shard import ShardJob, ShardResult, build_shard, set_up


def lead(jobs: list[ShardJob]) -> list[ShardResult]:
    """Run in the leader: set up once (as ``jobs[0]``; every job has the same folders and count), fork a worker
    for every job but the first, build the first here; the results in the jobs' order. A failure of mkdocs while
    setting up is every share's failure, as when each worker sets up on its own."""
    from mkdocs.exceptions import MkDocsException

    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        ready = set_up(jobs[0])
    except MkDocsException as error:
        return [ShardResult(job.index, [], error=str(error), warnings=list(collector.messages)) for job in jobs]
    finally:
        logger.removeHandler(collector)
    ready.warnings = collector.messages
    others = [
        Alongside(functools.partial(build_shard, job, ready), fork=True, what=f"mkdocs-werker {job.index + 1}")
        for job in jobs[1:]
    ]
    try:
        first = build_shard(jobs[0], ready)
        return [first, *(other.result() for other in others)]
    finally:
        for other in others:
            other.stop()
