"""Work done in a forked child beside the rendering: the same result as in the parent, failures as loud."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.build import generate_docs
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.scale import alongside as alongside_module
from generator.scale.alongside import Alongside, alongside, can_fork


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("not picklable")


def pid_and_data() -> tuple[int, dict[str, bytes]]:
    return os.getpid(), {"open-data/a.csv": b"x;y\n" * 1000, "open-data/b.json": bytes(range(256))}


@pytest.mark.parametrize("fork", [True, False])
def test_the_result_is_the_same_forked_or_not(fork: bool) -> None:
    with alongside(pid_and_data, fork=fork) as job:
        assert job.forked is fork
        pid, data = job.result()
    assert data == pid_and_data()[1]
    assert (pid != os.getpid()) is fork  # forked: made in another process


def fail_with_build_error() -> None:
    raise BuildError("open data: atlas.json wordt twee keer gemaakt")


def fail_unpicklable() -> None:
    raise Unpicklable("kapot")


def die() -> None:
    os._exit(3)


@pytest.mark.parametrize(
    ("work", "message"),
    [
        (fail_with_build_error, "open data: atlas.json wordt twee keer gemaakt"),
        (fail_unpicklable, "Unpicklable: kapot"),
        (die, r"stopte zonder resultaat \(code 3\)"),
    ],
)
def test_a_failure_in_the_child_fails_the_parent(work: Callable[[], None], message: str) -> None:
    with alongside(work, fork=True) as job, pytest.raises(BuildError, match=message):
        job.result()


def render_beside_a_slow_child(children: list[Any]) -> None:
    with alongside(lambda: time.sleep(60), fork=True) as job:
        children.append(job._process)
        raise RuntimeError("render failed")


def test_a_failure_in_the_parent_ends_the_child() -> None:
    children: list[Any] = []
    with pytest.raises(RuntimeError, match="render failed"):
        render_beside_a_slow_child(children)
    assert len(children) == 1
    assert not children[0].is_alive()


def test_no_fork_beside_another_thread() -> None:
    """A thread could hold a lock at the moment of the fork, held forever in the child: then no fork."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        with alongside(pid_and_data) as job:
            assert not job.forked
            assert job.result()[0] == os.getpid()
    finally:
        stop.set()
        thread.join()


def docs_folder(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}


def test_generate_docs_writes_the_same_docs_with_the_open_data_forked(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_SHA", "0" * 40)  # open data names the commit
    folders = {}
    for fork in (True, False):
        monkeypatch.setattr(alongside_module, "can_fork", lambda fork=fork: fork)
        config = AtlasConfig(content_dir=content, docs_dir=tmp_path / f"docs-{fork}", site_dir=tmp_path / "site")
        generate_docs(config.resolve())
        folders[fork] = docs_folder(tmp_path / f"docs-{fork}")
    assert any(path.startswith("open-data/") and path.endswith(".xlsx") for path in folders[True])
    assert folders[True] == folders[False]


@pytest.mark.parametrize(
    ("what", "message"),
    [(None, "het werk naast het renderen stopte"), ("mkdocs-werker 2", "mkdocs-werker 2 stopte")],
)
def test_a_child_that_dies_is_named_in_the_error(what: str | None, message: str) -> None:
    job = Alongside(die, fork=True) if what is None else Alongside(die, fork=True, what=what)
    with pytest.raises(BuildError, match=message):
        job.result()
