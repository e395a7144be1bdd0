"""bench.stages: one real build of the test content, with a line for every stage it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.stages import main


def test_every_stage_of_a_build_gets_a_line(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(content), str(tmp_path / "work")]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split("  ")[-1] for line in lines]
    assert names[-1] == "klaar"
    assert any(name.startswith("mkdocs (") for name in names)
    assert (tmp_path / "work" / "site" / "index.html").is_file()
    walls = [float(line.split()[0]) for line in lines]
    assert walls == sorted(walls)
