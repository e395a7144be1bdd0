"""The benchmark's search figures at every size: the targets per size (bench/searchtargets.py) and
``python -m bench.run --search-only`` end to end at two tiny sizes."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.run import main
from bench.searchtargets import (
    FETCHED_GZIP_TARGET,
    FIRST_RESULT_TARGET_MS,
    search_targets,
    size_targets,
    targets_table,
    verdict,
)
from generator.config import PROJECT_ROOT

MB = 1024 * 1024
SIZES = (300, 400)
TARGET_KEYS = {
    "entries",
    "before_first_result_gzip",
    "fetched_met",
    "first_result_ms_median",
    "runs",
    "first_result_met",
    "quiet_runs",
    "first_result_ms_quiet_median",
    "first_result_quiet_met",
}


def figures(entries: int, fetched: float, runs: list[float], quiet: list[float]) -> dict[str, Any]:
    """The part of one size's benchmark figures that the targets read."""
    browser: dict[str, Any] = {
        "before_first_result_gzip": fetched,
        "first_result_ms_median": statistics.median(runs),
        "first_result_ms_runs": runs,
        "quiet_runs": len(quiet),
    }
    if quiet:
        browser["first_result_ms_quiet_median"] = statistics.median(quiet)
    return {"entries": entries, "browser": browser}


@pytest.mark.parametrize(
    ("value", "target", "expected"),
    [
        (499.9, 500, "ok"),
        (500, 500, "ok"),
        (600, 500, "missed, +20%"),
        (1000, 500, "missed, +100%"),
        (2.25 * MB, 1.5 * MB, "missed, +50%"),
        (None, 500, "n/a"),
    ],
)
def test_verdict_says_ok_or_by_how_much_a_target_is_missed(value: float | None, target: float, expected: str) -> None:
    assert verdict(value, target) == expected


@pytest.mark.parametrize(
    ("fetched", "runs", "quiet", "met"),
    [
        (200_000, [250, 300, 900], [250, 300], (True, True, True)),
        (FETCHED_GZIP_TARGET, [500, 500], [500], (True, True, True)),
        (FETCHED_GZIP_TARGET + 1, [200, 700, 800], [200], (False, False, True)),
        (2 * MB, [450], [], (False, True, None)),
    ],
)
def test_each_size_is_judged_on_bytes_median_and_quiet_median(
    fetched: float, runs: list[float], quiet: list[float], met: tuple[bool, bool, bool | None]
) -> None:
    judged = size_targets(figures(2000, fetched, runs, quiet))

    assert set(judged) == TARGET_KEYS
    assert (judged["fetched_met"], judged["first_result_met"], judged["first_result_quiet_met"]) == met
    assert judged["runs"] == len(runs)
    assert judged["quiet_runs"] == len(quiet)


def test_targets_table_has_a_row_per_size_with_its_verdicts() -> None:
    targets = search_targets(
        figures(110, 60_000, [200, 210], [200, 210]),
        {
            "2000": figures(2000, 80_000, [240, 260], [240]),
            "100000": figures(100_000, 2.25 * MB, [400, 800, 800], []),
        },
    )

    lines = targets_table(targets).splitlines()

    assert list(targets["sizes"]) == ["real", "2000", "100000"]
    assert (targets["fetched_gzip_target"], targets["first_result_target_ms"]) == (1.5 * MB, FIRST_RESULT_TARGET_MS)
    assert "1.50 MB" in lines[0]
    assert "500.0 ms" in lines[0]
    assert len(lines) == 2 + 3
    assert lines[2].startswith("real (content/)")
    assert lines[2].split()[-1] == "ok"
    assert lines[3].startswith("2,000 entries")
    assert lines[3].count("ok") == 3
    assert lines[4].startswith("100,000 entries")
    assert "2.25 MB" in lines[4]
    assert "missed, +50%" in lines[4]
    assert "missed, +60%" in lines[4]
    assert lines[4].split()[-2:] == ["none", "n/a"]


def test_search_only_and_pipeline_only_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--search-only", "--pipeline-only"])

    assert stopped.value.code == 2
    assert "exclude each other" in capsys.readouterr().err


@pytest.mark.browser
def test_search_only_measures_every_size(tmp_path: Path) -> None:
    """At two tiny sizes, one page load each: a column and a targets row per size, the JSON keys, no pipeline.
    No timing is asserted."""
    results = tmp_path / "latest.json"
    options = ["--search-only", "--sizes", *map(str, SIZES), "--runs", "1", "--queries", "10"]
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", *options, "--seed", "7", "--results", str(results)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    printed = done.stdout
    for size in SIZES:
        assert f"synthetic {size} (seed 7)" in printed
        assert any(line.startswith(f"{size} entries ") for line in printed.splitlines())
    assert "search, every size" in printed
    for left_out in ("whole pipeline", "Lighthouse", "signals", "atlas match"):
        assert left_out not in printed
    figures = json.loads(results.read_text(encoding="utf-8"))
    assert "pipeline" not in figures
    assert list(figures["synthetic"]) == [str(size) for size in SIZES]
    targets = figures["search_targets"]
    assert list(targets["sizes"]) == ["real", *map(str, SIZES)]
    for name, judged in targets["sizes"].items():
        assert set(judged) == TARGET_KEYS
        site = figures["real"] if name == "real" else figures["synthetic"][name]
        assert "broker" not in site
        assert judged["entries"] == site["entries"]
        assert judged["before_first_result_gzip"] == site["browser"]["before_first_result_gzip"] > 0
        assert judged["fetched_met"] is (judged["before_first_result_gzip"] <= FETCHED_GZIP_TARGET)
        assert judged["first_result_met"] is (judged["first_result_ms_median"] <= FIRST_RESULT_TARGET_MS)
        # Each size's page loads fetched that size's own index, not another's.
        fetched = {file["path"]: file for file in site["browser"]["before_first_result_files"]}
        assert fetched["/search/catalog.json"]["gzip"] == site["catalog_gzip"]
    assert [figures["synthetic"][str(size)]["entries"] for size in SIZES] == list(SIZES)
    assert figures["synthetic"]["300"]["catalog_gzip"] != figures["synthetic"]["400"]["catalog_gzip"]
