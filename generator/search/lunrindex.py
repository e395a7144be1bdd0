"""Build the lunr index files of the search page, in worker processes when the atlas is large.

Building the lunr indexes is most of the index build: at 20,000 entries the
names index and the 26 full-text shards took about 10 of 15 seconds in one
process. They do not depend on each other, so a large atlas builds them in a
pool of processes, one per core: each task gets only the (ref, text) rows it
indexes and returns finished JSON. A small atlas builds them in this process,
where starting workers would cost more than it saves. Both ways give the same
files, byte for byte (``tests/search/test_searchindex.py``).

Workers are forked when this process runs no other thread, as in ``atlas
build``: a fork starts at once and shares the loaded modules. ``atlas serve``
re-renders from a timer thread, and forking a process with threads can leave
the child waiting on a lock another thread held; there the workers come from a
``forkserver``, which starts slower but safely.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import threading
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .documents import SearchDocument
from .lunrbuild import DutchBuilder
from .termsplit import split_by_first_letter, split_by_first_two_letters

NAME_BOOST = 10
"""A match in an entry's name weighs ten times a match in its description (boost 1)."""
PARALLEL_FROM = 2000
"""From this many documents on, the lunr indexes are built in worker processes: below it, starting
the workers (about half a second) costs more than it saves."""

Rows = list[tuple[str, str]]
"""(ref, text) per document of one index."""


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def build_index(
    fields: dict[str, int], rows: Iterable[tuple[str, dict[str, str]]], builder: Any = None
) -> dict[str, Any]:
    """A serialized lunr index with the Dutch pipeline; ``fields`` maps field name to boost.
    ``builder`` defaults to the fast ``DutchBuilder``; the tests pass lunr.py's own to compare."""
    builder = builder or DutchBuilder()
    builder.ref("ref")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    for ref, values in rows:
        builder.add({"ref": ref, **values})
    if isinstance(builder, DutchBuilder):
        return builder.serialized()
    return dict(builder.build().serialize())


def name_rows(documents: list[SearchDocument]) -> Rows:
    return [(str(ref), f"{d.title} {d.keywords}") for ref, d in enumerate(documents)]


def text_rows(documents: list[SearchDocument]) -> dict[str, Rows]:
    """{shard (region id or ``landelijk``): rows of the documents in it}, shards sorted."""
    by_shard: dict[str, Rows] = defaultdict(list)
    for ref, document in enumerate(documents):
        for shard in document.shards:
            by_shard[shard].append((str(ref), document.text))
    return dict(sorted(by_shard.items()))


def names_index(rows: Rows) -> dict[str, Any]:
    """One field, the entry's names: a second field would double the vectors the browser loads."""
    return build_index({"name": NAME_BOOST}, ((ref, {"name": text}) for ref, text in rows))


def text_index(rows: Rows) -> dict[str, Any]:
    return build_index({"text": 1}, ((ref, {"text": text}) for ref, text in rows))


def names_files(rows: Rows) -> dict[str, str]:
    """{path: JSON} of the names index in parts by first letter and by first two letters (``termsplit``)."""
    whole = names_index(rows)
    parts = {**split_by_first_letter(whole), **split_by_first_two_letters(whole)}
    return {f"search/names-{part}.json": to_json(index) for part, index in parts.items()}


def gzip_size(data: bytes) -> int:
    """Bytes on the wire when a server sends ``data`` compressed (gzip level 6, as most do)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def text_file(shard: str, rows: Rows) -> tuple[str, str, dict[str, int]]:
    """(path, JSON, sizes) of one full-text shard. The page offers full-text search with its
    transfer size; servers send JSON compressed."""
    text = to_json(text_index(rows))
    raw = text.encode("utf-8")
    sizes = {"bytes": len(raw), "gzip": gzip_size(raw)}
    return f"search/text-{shard}.json", text, sizes


def available_cores() -> int:
    """Cores this process may run on (a container or ``taskset`` can allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(documents: int) -> int:
    return available_cores() if documents >= PARALLEL_FROM else 1


def index_files(
    documents: list[SearchDocument], workers: int | None = None
) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """({path: JSON} of the names parts and text shards, {shard: sizes}). ``workers`` defaults to one
    process per core from ``PARALLEL_FROM`` documents on; 1 builds everything in this process."""
    if workers is None:
        workers = worker_count(len(documents))
    names, shards = name_rows(documents), text_rows(documents)
    if workers <= 1:
        files = names_files(names)
        built = [text_file(shard, rows) for shard, rows in shards.items()]
    else:
        files, built = _in_workers(workers, names, shards)
    files.update({path: text for path, text, _ in built})
    sizes = {shard: sizes for shard, (_, _, sizes) in zip(shards, built, strict=True)}
    return files, sizes


def _in_workers(workers: int, names: Rows, shards: dict[str, Rows]) -> tuple[dict[str, str], list[Any]]:
    context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Largest first, so that no big task starts last while the other workers sit idle.
        by_size = sorted(shards, key=lambda shard: -sum(len(text) for _, text in shards[shard]))
        texts: dict[str, Future[tuple[str, str, dict[str, int]]]] = {}
        names_future = pool.submit(names_files, names)
        for shard in by_size:
            texts[shard] = pool.submit(text_file, shard, shards[shard])
        return names_future.result(), [texts[shard].result() for shard in shards]
