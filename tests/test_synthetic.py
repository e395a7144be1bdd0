"""The synthetic atlas of bench/: valid content, the asked number of entries, the same bytes for the same seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synthetic import kind_counts, write_synthetic_atlas
from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.kinds import KINDS

ENTRIES = 300


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_synthetic_atlas_is_valid_and_complete(tmp_path: Path) -> None:
    content = tmp_path / "content"
    counts = write_synthetic_atlas(content, ENTRIES, seed=7)

    atlas = gather(AtlasConfig(content_dir=content).resolve())

    assert sum(counts.values()) == ENTRIES
    assert {kind.key: len(atlas.entries[kind.key]) for kind in KINDS} == counts
    assert all(counts[kind.key] > 0 for kind in KINDS)
    assert sorted(page.slug for page in atlas.pages) == ["over", "privacy", "toegankelijkheid"]


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    write_synthetic_atlas(tmp_path / "a", ENTRIES, seed=7)
    write_synthetic_atlas(tmp_path / "b", ENTRIES, seed=7)
    write_synthetic_atlas(tmp_path / "c", ENTRIES, seed=8)

    first, second, other = tree(tmp_path / "a"), tree(tmp_path / "b"), tree(tmp_path / "c")

    assert first == second
    assert len(first) == ENTRIES + 3  # and the three free pages
    assert first != other


def test_counts_add_up_for_any_size() -> None:
    for entries in (9, 10, 57, 300, 1234, 20_000):
        counts = kind_counts(entries)
        assert sum(counts.values()) == entries
        assert min(counts.values()) >= 1
    assert kind_counts(20_000)["theme"] == 40
    assert kind_counts(20_000)["region"] == 25


@pytest.mark.browser
def test_benchmark_runs_and_prints_its_figures(tmp_path: Path) -> None:
    """`make bench` at a small scale, in its own process as make runs it: it must keep working; no timings asserted."""
    results = tmp_path / "latest.json"
    options = ["--runs", "1", "--queries", "20", "--results", str(results)]
    options += ["--lighthouse", "home", "--sizes", str(ENTRIES)]
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", *options], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout
    for figure in (
        "index build",
        "fetched before",
        "in a new tab",
        "page driven by Playwright",
        "coming from the home page",
        "query p50 / p95",
        "atlas match query p50 / p95",
        "question pages: who can help",
        "evaluation: named organisation first / in top 5",
        "Lighthouse 12, mobile defaults",
        "search, every size",
        "whole pipeline",
        "ratio build / bare mkdocs",
        "bare yaml.CSafeLoader parse",
    ):
        assert figure in printed
    figures = json.loads(results.read_text(encoding="utf-8"))
    assert figures["synthetic"][str(ENTRIES)]["entries"] == ENTRIES
    for site in (figures["real"], figures["synthetic"][str(ENTRIES)]):
        assert site["browser"]["first_result_ms_median"] > 0
        assert site["browser"]["with_playwright_ms_median"] > 0
        assert site["browser"]["queries"]["names"]["n"] == 20
        assert site["broker"]["question_pages_s"] > 0
        assert site["broker"]["match_json_gzip"] > 0
    assert list(figures["search_targets"]["sizes"]) == ["real", str(ENTRIES)]
    assert figures["real"]["broker"]["evaluation_top5"] >= 0.9
    assert 0 < figures["real"]["lighthouse"]["home"]["performance"] <= 1
    for size in ("real", str(ENTRIES)):
        pipeline = figures["pipeline"][size]
        assert pipeline["steps"]["docs_pages"] == pipeline["plain_mkdocs"]["pages"] > 0
        assert pipeline["atlas_build"]["peak_rss_mb"] > 0
        assert 0 < pipeline["entry_html_median"] <= pipeline["entry_html_max"]
