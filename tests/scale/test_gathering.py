"""Loading and validating on every core: the same atlas and docs folder as the serial path, the same errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench import gathering as bench_gathering
from bench.synthetic import write_synthetic_atlas
from generator.atlas import Atlas
from generator.build import gather, generate_docs, without_source_text
from generator.config import AtlasConfig
from generator.errors import ContentError, ContentErrors
from generator.progress import QUIET
from generator.scale import gathering
from generator.scale.gathering import gather_for_build
from tests.conftest import FIXTURE_CONTENT
from tests.test_validate import partner


def refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("this path must not run here")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even if an earlier test in this test process left a thread running (a session's web server)."""
    monkeypatch.setattr(gathering, "can_fork", lambda: True)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    write_synthetic_atlas(content, entries=1500, seed=11)
    return content


def ordered(atlas: Atlas) -> list[Any]:
    """The atlas with the order of its dicts (``==`` on dicts ignores order; the pages' order follows it)."""
    return [atlas, list(atlas.sources), [list(entries) for entries in atlas.entries.values()]]


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("content", [FIXTURE_CONTENT, None], ids=["fixture", "synthetic-1500"])
def test_every_core_gathers_the_atlas_the_serial_path_gathers(
    content: Path | None, workers: int, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = AtlasConfig(content_dir=content or synthetic).resolve()
    serial = without_source_text(gather(config))
    monkeypatch.setattr(gathering, "gather", refuse)  # the parallel path, to its end
    assert ordered(gather_for_build(config, workers=workers)) == ordered(serial)


def docs_folder(config: AtlasConfig) -> dict[str, bytes]:
    generate_docs(config)
    docs = config.docs_dir
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("content", [FIXTURE_CONTENT, None], ids=["fixture", "synthetic-1500"])
def test_a_build_writes_the_same_docs_folder_serial_and_on_every_core(
    content: Path | None, synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def config(name: str) -> AtlasConfig:
        docs = tmp_path / name / "docs"
        return AtlasConfig(content_dir=content or synthetic, docs_dir=docs, today=date(2026, 3, 1)).resolve()

    with monkeypatch.context() as serial_only:
        serial_only.setattr(gathering, "worker_count", lambda files: 1)
        serial_only.setattr(gathering, "gather_shared", refuse)
        serial = docs_folder(config("serial"))
    monkeypatch.setattr(gathering, "worker_count", lambda files: 2)
    monkeypatch.setattr(gathering, "gather", refuse)
    parallel = docs_folder(config("parallel"))
    assert len(serial) > 20
    assert list(parallel) == list(serial)
    assert parallel == serial


PAGE_WITH_SCRIPT = "# Extra\n\nEen pagina met <script>alert(1)</script>.\n"

BROKEN: dict[str, Callable[[Path], object]] = {
    "a field": lambda content: (content / "partners/testpartner.yml").write_text(partner(name="naam: Test")),
    "YAML syntax": lambda content: (content / "themes/kapot.yml").write_text("id: kapot\nname: [open\n"),
    "two files, one id": lambda content: [
        (content / f"partners/testpartner.{suffix}").write_text(partner()) for suffix in ("yaml", "yml")
    ],
    "an unknown theme": lambda content: (content / "partners/testpartner.yml").write_text(
        partner(themes="themes: [klimaatadaptatie, hittestress]")
    ),
    "a free page": lambda content: (content / "pages/extra.md").write_text(PAGE_WITH_SCRIPT),
    "a missing page": lambda content: (content / "pages/privacy.md").unlink(),
    "a stray file": lambda content: (content / "notities.txt").write_text("los"),
    "not UTF-8": lambda content: (content / "themes/latin.yml").write_bytes(b"id: latin\nname: caf\xe9\n"),
    "everything at once": lambda content: [
        fault(content) for name, fault in BROKEN.items() if name not in ("everything at once", "two files, one id")
    ],
}


def errors_of(work: Callable[[], object]) -> list[ContentError]:
    with pytest.raises(ContentErrors) as raised:
        work()
    return raised.value.errors


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("fault", BROKEN.values(), ids=BROKEN)
def test_every_error_is_reported_exactly_as_the_serial_path_reports_it(
    fault: Callable[[Path], object], workers: int, content: Path
) -> None:
    fault(content)
    config = AtlasConfig(content_dir=content).resolve()
    serial = errors_of(lambda: gather(config))
    assert serial
    assert errors_of(lambda: gather_for_build(config, workers=workers)) == serial


@pytest.mark.usefixtures("forking")
def test_an_error_in_a_worker_ends_the_parallel_path(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (content / "questions/is-er-genoeg-water.yml").write_text("id: is-er-genoeg-water\n")  # the worker's share
    files = sorted(path for path in content.rglob("*") if path.is_file())
    assert files.index(content / "questions/is-er-genoeg-water.yml") % 2 == 1
    config = AtlasConfig(content_dir=content).resolve()
    assert gathering.gather_shared(config, files, 2, QUIET) is None


@pytest.fixture
def another_thread() -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    yield
    stop.set()
    thread.join()


@pytest.mark.usefixtures("another_thread")
def test_with_another_thread_running_nothing_is_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gathering, "gather_shared", refuse)
    config = AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()
    assert ordered(gather_for_build(config, workers=2)) == ordered(without_source_text(gather(config)))


@pytest.mark.parametrize(("files", "expected"), [(10, 1), (gathering.PARALLEL_FROM - 1, 1)])
def test_a_small_atlas_is_gathered_in_one_process(files: int, expected: int) -> None:
    assert gathering.worker_count(files) == expected


def test_from_parallel_from_files_on_every_core_gathers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gathering, "available_cores", lambda: 4)
    assert gathering.worker_count(gathering.PARALLEL_FROM) == 4


def test_the_benchmark_times_both_paths_on_the_same_atlas(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_gathering.main([str(FIXTURE_CONTENT), "--repeat", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    runs, summary = lines[:-1], lines[-1]["median"]
    assert [run["mode"] for run in runs] == ["serial", "parallel"]
    assert {run["entries"] for run in runs} == {len(list(FIXTURE_CONTENT.glob("*/*"))) - 3}  # less the free pages
    assert all(run["cpu_s"] > 0 and run["wall_s"] > 0 for run in runs)
    assert summary["parallel"]["cpu_s"] == runs[1]["cpu_s"]
