"""The docs folder as ``generate_docs`` writes it: the same files as before it was streamed, nothing written when
a part fails, and an atlas without its source text renders the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.atlas import Atlas
from generator.build import asset_files, docs_files, gather, without_source_text, write_tree
from generator.config import AtlasConfig
from generator.contribute.routes import Contributing
from generator.errors import BuildError
from generator.exchange.jsonld import with_json_ld
from generator.exchange.opendata import open_data_files
from generator.exchange.siteurl import commit_of, read_site
from generator.render import render_site
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def config(tmp_path: Path) -> AtlasConfig:
    return AtlasConfig(content_dir=FIXTURE_CONTENT, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())


@pytest.fixture(scope="module")
def pages(atlas: Atlas) -> dict[str, str]:
    return render_site(atlas, AtlasConfig().today)


def all_at_once(config: AtlasConfig, atlas: Atlas, pages: dict[str, str]) -> dict[str, bytes]:
    """The docs folder as it was made before: every page with its JSON-LD, then all encoded, in one mapping."""
    site = read_site(config.mkdocs_file)
    pages = {**pages, **with_json_ld(pages, atlas, site.url)}
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(asset_files())
    files.update(open_data_files(atlas, name=site.name, site_url=site.url, commit=commit_of(config.content_dir)))
    return files


def test_docs_files_are_the_files_made_all_at_once_and_take_the_pages_as_they_go(
    config: AtlasConfig, atlas: Atlas, pages: dict[str, str]
) -> None:
    handed = dict(pages)
    streamed = list(docs_files(config, atlas, handed))
    assert handed == {}
    assert len({path for path, _ in streamed}) == len(streamed)
    assert dict(streamed) == all_at_once(config, atlas, pages)
    assert any(b'<script type="application/ld+json">' in content for _, content in streamed)


def test_nothing_is_written_when_the_open_data_fails(
    config: AtlasConfig, atlas: Atlas, pages: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise BuildError("open data: kapot")

    monkeypatch.setattr(build, "open_data_files", failing)
    with pytest.raises(BuildError, match="kapot"):
        write_tree(config.docs_dir, docs_files(config, atlas, dict(pages)))
    assert not any(config.docs_dir.rglob("*.*"))


def test_write_tree_writes_pairs_removes_the_rest_and_refuses_a_path_twice(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    assert write_tree(target, iter([("a.md", b"a"), ("sub/b.md", b"b"), ("old.md", b"x")])) == 3
    assert write_tree(target, iter([("a.md", b"a"), ("sub/b.md", b"B")])) == 2  # b changed, old.md removed
    assert sorted(path.relative_to(target).as_posix() for path in target.rglob("*.md")) == ["a.md", "sub/b.md"]
    assert (target / "sub" / "b.md").read_bytes() == b"B"
    with pytest.raises(BuildError, match=r"a\.md: twee keer"):
        write_tree(target, iter([("a.md", b"a"), ("a.md", b"other")]))


def test_an_atlas_without_source_text_keeps_each_file_and_renders_the_same_pages(pages: dict[str, str]) -> None:
    full = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
    paths = {key: (record.path, record.stem, record.kind) for key, record in full.sources.items()}
    light = without_source_text(full)
    assert {key: (record.path, record.stem, record.kind) for key, record in light.sources.items()} == paths
    assert all(not record.document.source and not record.document.positions for record in light.sources.values())
    assert render_site(light, AtlasConfig().today, Contributing.from_config(AtlasConfig().resolve())) == pages
