"""Progress per stage: counted by the library, drawn with rich on a terminal, silent elsewhere and under CI."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from bench.synthetic import main as synthetic_main
from generator.build import build_site
from generator.config import AtlasConfig
from generator.progress import QUIET, counted
from generator.terminal import terminal_progress
from tests.conftest import CliResult

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Recorded:
    """A ``Progress`` that keeps every stage with its total and the steps reported."""

    stages: list[tuple[str, int | None]] = field(default_factory=list)
    steps: dict[str, int] = field(default_factory=dict)

    def stage(self, name: str, total: int | None = None) -> None:
        self.stages.append((name, total))
        self.steps[name] = 0

    def advance(self, steps: int = 1) -> None:
        self.steps[self.stages[-1][0]] += steps


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def config_for(content: Path, tmp_path: Path) -> AtlasConfig:
    return replace(AtlasConfig(), content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()


def test_build_reports_every_stage_with_its_count(content: Path, tmp_path: Path) -> None:
    progress = Recorded()
    build_site(config_for(content, tmp_path), progress)
    files = [file for file in content.rglob("*") if file.is_file()]
    entries = [file for file in files if file.parent.name != "pages"]
    pages = list((tmp_path / "docs").rglob("*.md"))
    assert progress.stages == [
        ("Bestanden lezen", len(files)),
        ("Controleren", len(entries)),
        ("Pagina's maken", len(entries)),
        ("Zoekindex", None),
        ("mkdocs", len(pages)),
        ("Site controleren", None),
    ]
    for name, total in progress.stages:
        if total is not None:
            assert progress.steps[name] == total, name


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 250])
def test_counted_reports_every_item_once(size: int) -> None:
    progress = Recorded()
    progress.stage("tellen", size)
    assert list(counted(progress, range(size))) == list(range(size))
    assert progress.steps["tellen"] == size


def test_a_terminal_shows_the_stages_and_counts(content: Path, tmp_path: Path) -> None:
    stream = Terminal()
    with terminal_progress(stream, environ={}) as progress:
        build_site(config_for(content, tmp_path), progress)
    shown = ANSI.sub("", stream.getvalue())
    files = sum(1 for file in content.rglob("*") if file.is_file())
    assert re.search(rf"Bestanden lezen\s.*\s{files}/{files}\s", shown)
    assert "mkdocs" in shown
    assert "Site controleren" in shown


@pytest.mark.parametrize(
    ("stream", "environ"),
    [(io.StringIO(), {}), (Terminal(), {"CI": "true"})],
    ids=["not a terminal", "under CI"],
)
def test_quiet_off_a_terminal_and_under_ci(stream: io.StringIO, environ: dict[str, str]) -> None:
    with terminal_progress(stream, environ=environ) as progress:
        assert progress is QUIET
    assert stream.getvalue() == ""


def test_validate_in_a_pipe_prints_the_result_only(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 0
    assert result.out.splitlines() == ["Alles in orde: 11 items en 3 pagina's gecontroleerd."]
    assert result.err == ""


def test_synthetic_in_a_pipe_prints_the_result_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert synthetic_main([str(tmp_path / "out"), "--entries", "40"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert captured.err == ""


def test_terminal_progress_runs_no_thread_so_a_build_may_fork() -> None:
    import threading

    stream = Terminal()
    before = set(threading.enumerate())  # other tests' servers may run threads of their own
    with terminal_progress(stream, environ={}, force=True) as progress:
        started = set(threading.enumerate()) - before
        assert not started, "a redraw thread would keep generator.scale from forking"
        progress.stage("Tellen", 3)
        progress.advance(3)
    assert "3/3" in ANSI.sub("", stream.getvalue())
