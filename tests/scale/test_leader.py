"""The shard workers forked from one process that set mkdocs up once (``generator.scale.leader``): the same site
and the same results, warnings and failures as workers that each set up on their own."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import generate_docs
from generator.config import AtlasConfig
from generator.scale.parallel import build_shares
from generator.scale.shard import ShardJob, ShardResult
from tests.scale.test_parallel import site_files

FORKED, SPAWNED = True, False


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs folder of the fixture content (as ``atlas build`` writes it), shared by this module's tests."""
    from tests.conftest import FIXTURE_CONTENT

    out = tmp_path_factory.mktemp("leader")
    config = AtlasConfig(
        content_dir=FIXTURE_CONTENT, docs_dir=out / "docs", site_dir=out / "site", today=date(2026, 3, 1)
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GITHUB_SHA", "0" * 40)
        generate_docs(config.resolve())
    return out / "docs"


def jobs(mkdocs_file: Path, docs: Path, site: Path, count: int) -> list[ShardJob]:
    return [ShardJob(mkdocs_file, docs, site, True, index, count, "/kennisatlas/") for index in range(count)]


def build(mkdocs_file: Path, docs: Path, site: Path, count: int, fork: bool) -> list[ShardResult]:
    return build_shares(jobs(mkdocs_file, docs, site, count), fork=fork)


def comparable(results: list[ShardResult]) -> list[dict[str, object]]:
    """Everything a result holds, as plain data."""
    return [dataclasses.asdict(result) for result in results]


@pytest.mark.parametrize("count", [2, 3])
def test_forked_workers_build_the_site_and_results_of_workers_set_up_alone(
    docs: Path, mkdocs_file: Path, tmp_path: Path, count: int
) -> None:
    forked = build(mkdocs_file, docs, tmp_path / "forked", count, FORKED)
    spawned = build(mkdocs_file, docs, tmp_path / "spawned", count, SPAWNED)
    assert [result.index for result in forked] == list(range(count))
    assert all(result.error is None and result.built for result in forked)
    assert comparable(forked) == comparable(spawned)
    forked_site, spawned_site = site_files(tmp_path / "forked"), site_files(tmp_path / "spawned")
    assert sorted(forked_site) == sorted(spawned_site)
    assert [path for path in spawned_site if forked_site[path] != spawned_site[path]] == []
    assert len(forked_site) > 20


def test_a_warning_while_setting_up_is_reported_by_every_share_as_before(
    docs: Path, mkdocs_file: Path, tmp_path: Path
) -> None:
    """A page neither in the navigation nor in ``not_in_nav``: mkdocs warns while building the navigation."""
    own = tmp_path / "docs"
    shutil.copytree(docs, own)
    (own / "los.md").write_text("# Los\n", encoding="utf-8")
    forked = build(mkdocs_file, own, tmp_path / "forked", 2, FORKED)
    spawned = build(mkdocs_file, own, tmp_path / "spawned", 2, SPAWNED)
    assert [result.warnings for result in forked] == [result.warnings for result in spawned]
    assert all(any("los.md" in message for message in result.warnings) for result in forked)


def test_a_failure_while_setting_up_is_every_share_failure_as_before(mkdocs_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "geen-docs"
    forked = build(mkdocs_file, missing, tmp_path / "forked", 2, FORKED)
    spawned = build(mkdocs_file, missing, tmp_path / "spawned", 2, SPAWNED)
    assert comparable(forked) == comparable(spawned)
    assert [result.index for result in forked] == [0, 1]
    assert all(result.error and result.warnings and not result.built for result in forked)
