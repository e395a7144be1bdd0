"""The entry pages rendered and written by forked workers: the same docs folder as one process makes, file for
file; only changed files written; the same error as one process raises, and nothing written then."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jinja2.exceptions import UndefinedError

from bench.synthetic import write_synthetic_atlas
from generator import build
from generator.build import generate_docs
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.exchange.jsonld import LinkedData
from generator.render import Renderer
from generator.scale import entrypages
from generator.scale.entrypages import refuse_a_path_twice, worker_count

PARENT = os.getpid()


class Recording:
    """A progress that keeps what it is told: (stage, total, [advances])."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, int | None, list[int]]] = []

    def stage(self, name: str, total: int | None = None) -> None:
        self.stages.append((name, total, []))

    def advance(self, steps: int = 1) -> None:
        self.stages[-1][2].append(steps)

    def advances(self, name: str) -> list[int]:
        return next(advances for stage, _, advances in self.stages if stage == name)


def docs_folder(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}


def mtimes(docs: Path) -> dict[str, int]:
    return {path.relative_to(docs).as_posix(): path.stat().st_mtime_ns for path in docs.rglob("*") if path.is_file()}


@pytest.fixture(autouse=True)
def fixed_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SHA", "0" * 40)  # the open data names the commit


def generate(content: Path, docs: Path, workers: int, monkeypatch: pytest.MonkeyPatch, progress: Any = None) -> None:
    """``generate_docs`` with ``workers`` forked workers for the entry pages (0: one process, as before)."""
    monkeypatch.setattr(entrypages, "worker_count", lambda entries: workers)
    config = AtlasConfig(content_dir=content, docs_dir=docs, site_dir=docs.parent / "site").resolve()
    generate_docs(config, progress or Recording())


@pytest.mark.parametrize("workers", [2, 3])
def test_the_workers_write_the_docs_folder_one_process_writes(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    generate(content, tmp_path / "serial" / "docs", 0, monkeypatch)
    generate(content, tmp_path / "parallel" / "docs", workers, monkeypatch)
    serial, parallel = docs_folder(tmp_path / "serial" / "docs"), docs_folder(tmp_path / "parallel" / "docs")
    assert parallel == serial
    assert b'<script type="application/ld+json">' in parallel["partners/gemeente-voorbeeld.md"]
    assert "vragen/is-er-genoeg-water.md" in parallel


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    write_synthetic_atlas(content, 1500, seed=7)
    return content


def test_a_synthetic_atlas_of_1500_entries_is_the_same_file_for_file(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(synthetic, tmp_path / "serial" / "docs", 0, monkeypatch)
    progress = Recording()
    generate(synthetic, tmp_path / "parallel" / "docs", 2, monkeypatch, progress)
    assert sorted(progress.advances("Pagina's maken")) == [750, 750]  # a share per worker, reported by each
    serial, parallel = docs_folder(tmp_path / "serial" / "docs"), docs_folder(tmp_path / "parallel" / "docs")
    assert sorted(parallel) == sorted(serial)
    assert [path for path in serial if parallel[path] != serial[path]] == []
    assert sum(1 for path in parallel if path.startswith("vragen/")) > 100


def test_only_what_changed_is_written_and_what_is_stale_is_removed(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[str, str], Path]
) -> None:
    docs = tmp_path / "docs"
    generate(content, docs, 2, monkeypatch)
    before, written = docs_folder(docs), mtimes(docs)
    (docs / "partners" / "weg.md").write_text("oud\n", encoding="utf-8")
    (docs / "oud" / "leeg").mkdir(parents=True)
    generate(content, docs, 2, monkeypatch)
    assert mtimes(docs) == written  # nothing changed: nothing written, the stale file and empty folders gone
    assert not (docs / "oud").exists()
    research = content / "research" / "droogte-verkenning.md"
    research.write_text(research.read_text(encoding="utf-8").replace("watertekorten", "verdroging"), encoding="utf-8")
    generate(content, docs, 2, monkeypatch)
    after, rewritten = docs_folder(docs), mtimes(docs)
    changed = {path for path in after if before.get(path) != after[path]}
    assert "onderzoek/droogte-verkenning.md" in changed  # a worker's page
    assert {path for path in rewritten if rewritten[path] != written.get(path)} == changed
    assert sorted(after) == sorted(before)


def failing_render(monkeypatch: pytest.MonkeyPatch, failures: dict[str, Exception | None]) -> None:
    """``Renderer.render`` fails for the pages named (an entry by id, another page by template): with the error
    given, or (None) by ending the process it runs in."""
    original = Renderer.render

    def render(self: Renderer, template: str, base: str, **context: Any) -> str:
        name = context["e"].id if "e" in context else template
        if name in failures:
            error = failures[name]
            if error is None:
                os._exit(3)
            raise error
        return original(self, template, base, **context)

    monkeypatch.setattr(Renderer, "render", render)


def error_of(content: Path, docs: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> str:
    with pytest.raises(Exception) as raised:  # noqa: PT011  # the test compares the message and the type
        generate(content, docs, workers, monkeypatch)
    assert not docs.exists() or not any(docs.rglob("*.*")), "written before everything was rendered"
    assert [child for child in multiprocessing.active_children() if child.name.startswith("deel ")] == []
    return f"{type(raised.value).__name__}: {raised.value}"


@pytest.mark.parametrize(
    ("failing", "expected"),
    [
        # in render_all's order: themes (droogte, klimaatadaptatie), the partner overview, partners
        # (gemeente-voorbeeld, voorbeeld-planbureau), …; with two workers each one's share alternates
        (["gemeente-voorbeeld", "klimaatadaptatie"], "klimaatadaptatie"),
        (["voorbeeld-planbureau", "gemeente-voorbeeld"], "gemeente-voorbeeld"),
        (["overview/partner.md.j2", "gemeente-voorbeeld"], "overview/partner.md.j2"),
        (["klimaatadaptatie", "overview/partner.md.j2"], "klimaatadaptatie"),
        (["is-er-genoeg-water", "home.md.j2"], "home.md.j2"),
        (["kenniscafe-hitte", "signals.md.j2"], "kenniscafe-hitte"),
    ],
)
def test_the_error_is_the_one_a_single_process_meets_first(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: list[str], expected: str
) -> None:
    failing_render(monkeypatch, {name: BuildError(f"kapot: {name}") for name in failing})
    serial = error_of(content, tmp_path / "serial", 0, monkeypatch)
    assert serial == f"BuildError: kapot: {expected}"
    assert error_of(content, tmp_path / "parallel", 2, monkeypatch) == serial


def test_a_template_error_comes_back_as_itself(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing_render(monkeypatch, {"droogte-verkenning": UndefinedError("'e.nergens' is undefined")})
    serial = error_of(content, tmp_path / "serial", 0, monkeypatch)
    assert serial == "UndefinedError: 'e.nergens' is undefined"
    assert error_of(content, tmp_path / "parallel", 2, monkeypatch) == serial


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("not picklable")


def test_an_error_that_cannot_travel_comes_back_as_its_text(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_render(monkeypatch, {"koele-wijken": Unpicklable("kapot")})
    assert error_of(content, tmp_path / "parallel", 2, monkeypatch) == "BuildError: Unpicklable: kapot"


def test_a_worker_that_dies_fails_the_build(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing_render(monkeypatch, {"voorbeeldnetwerk": None})
    message = error_of(content, tmp_path / "parallel", 2, monkeypatch)
    assert message == "BuildError: het renderen van deel 1 van de pagina's stopte zonder resultaat (code 3)"


def test_a_path_twice_is_refused_with_the_same_message_before_anything_is_written(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = build.site_open_data

    def with_an_entry_page(config: AtlasConfig, atlas: Any) -> dict[str, bytes]:
        return {**original(config, atlas), "partners/gemeente-voorbeeld.md": b"dubbel"}

    monkeypatch.setattr(build, "site_open_data", with_an_entry_page)
    expected = "BuildError: partners/gemeente-voorbeeld.md: twee keer in de docs-map"
    with pytest.raises(BuildError, match="twee keer"):
        generate(content, tmp_path / "serial" / "docs", 0, monkeypatch)
    assert error_of(content, tmp_path / "parallel" / "docs", 2, monkeypatch) == expected


def test_refuse_a_path_twice_names_the_first_path_met_again() -> None:
    refuse_a_path_twice(["a.md", "b/a.md", "b.md"])
    with pytest.raises(BuildError, match=r"^b\.md: twee keer in de docs-map$"):
        refuse_a_path_twice(["a.md", "b.md", "c.md", "b.md", "a.md"])


@pytest.mark.parametrize("search_fails", [False, True])
def test_the_json_ld_fails_after_the_search_index_as_in_one_process(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, search_fails: bool
) -> None:
    def describe(*args: Any) -> dict[str, Any]:
        raise BuildError("json-ld kapot")

    def search_index(*args: Any) -> dict[str, str]:
        raise BuildError("zoekindex kapot")

    monkeypatch.setattr(LinkedData, "describe", describe)
    if search_fails:
        monkeypatch.setattr(build, "render_search_index", search_index)
    expected = f"BuildError: {'zoekindex' if search_fails else 'json-ld'} kapot"
    assert error_of(content, tmp_path / "serial", 0, monkeypatch) == expected
    assert error_of(content, tmp_path / "parallel", 2, monkeypatch) == expected


def test_no_workers_beside_another_thread_or_for_a_small_atlas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entrypages, "available_cores", lambda: 2)
    assert worker_count(entrypages.PARALLEL_FROM - 1) == 0
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert worker_count(20_000) == 0  # a progress display draws from a thread: then one process
    finally:
        stop.set()
        thread.join()
    monkeypatch.setattr(entrypages, "can_fork", lambda: True)
    assert worker_count(20_000) == 2
    monkeypatch.setattr(entrypages, "available_cores", lambda: 1)
    assert worker_count(20_000) == 0


def test_one_process_reports_progress_per_page(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    progress = Recording()
    generate(content, tmp_path / "docs", 0, monkeypatch, progress)
    assert ("Pagina's maken", 11, [1] * 11) in progress.stages  # 11 entries
    shutil.rmtree(tmp_path / "docs")
    progress = Recording()
    generate(content, tmp_path / "docs", 2, monkeypatch, progress)
    assert sorted(progress.advances("Pagina's maken")) == [5, 6]  # a share a worker: every other entry
    names = [name for name, _, _ in progress.stages]
    pages = names.index("Pagina's maken")
    assert progress.stages[pages][1] == 11
    assert [advances for _, _, advances in progress.stages[pages + 1 :]] == [[]] * (len(names) - pages - 1)
