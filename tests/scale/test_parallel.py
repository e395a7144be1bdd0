"""The parallel build: the same site as mkdocs' own build, file for file; failures as loud as before."""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import generator.build
from generator import render
from generator.atlas import Atlas
from generator.build import build_site, generate_docs
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.exchange.siteurl import base_path
from generator.scale.parallel import (
    apply_policy_to_the_rest,
    build_pages,
    check_results,
    default_workers,
    worker_count,
)
from generator.scale.shard import AnchorLink, ShardResult, partition
from generator.sitecheck import Links, page_links
from tests.scale.conftest import SITE_URL, write_mkdocs_file


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def build(content: Path, out: Path, mkdocs_file: Path, workers: int) -> Path:
    config = AtlasConfig(
        content_dir=content,
        docs_dir=out / "docs",
        site_dir=out / "site",
        mkdocs_file=mkdocs_file,
        workers=workers,
        today=date(2026, 3, 1),
    ).resolve()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GITHUB_SHA", "0" * 40)  # open-data names the commit: the same for every build here
        build_site(config)
    return config.site_dir


@pytest.fixture(scope="module")
def serial_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from tests.conftest import FIXTURE_CONTENT

    out = tmp_path_factory.mktemp("serial")
    mkdocs_file = write_mkdocs_file(out / "mkdocs.yml")
    return site_files(build(FIXTURE_CONTENT, out, mkdocs_file, workers=1))


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_site_equals_serial_site_file_by_file(
    serial_site: dict[str, bytes], content: Path, tmp_path: Path, mkdocs_file: Path, workers: int
) -> None:
    parallel_site = site_files(build(content, tmp_path, mkdocs_file, workers))
    assert sorted(parallel_site) == sorted(serial_site)
    differing = [path for path in serial_site if parallel_site[path] != serial_site[path]]
    assert differing == []


def test_the_compared_site_has_pages_in_and_out_of_the_navigation(serial_site: dict[str, bytes]) -> None:
    """The parallel workers serve the theme's navigation from a cache for pages out of the navigation
    (generator/scale/themecache.py): the comparison above holds both kinds, at several depths, and 404.html."""
    in_nav = {"index.html", "over/index.html", "themas/index.html", "partners/index.html"}
    out_of_nav = {
        "privacy/index.html",
        "partners/gemeente-voorbeeld/index.html",
        "partners/voorbeeld-planbureau/index.html",
    }
    assert in_nav | out_of_nav | {"404.html"} <= set(serial_site)


def test_sitemap_lists_every_page_once(content: Path, tmp_path: Path, mkdocs_file: Path) -> None:
    site = build(content, tmp_path, mkdocs_file, workers=3)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    pages = sorted(
        SITE_URL + path.relative_to(site).parent.as_posix().removeprefix(".") + "/" for path in site.rglob("index.html")
    )
    expected = [url.replace(f"{SITE_URL}/", SITE_URL) for url in pages]
    assert sorted(listed) == expected
    assert len(set(listed)) == len(listed) > 20
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def with_extra_markdown(monkeypatch: pytest.MonkeyPatch, page: str, markdown: str) -> None:
    def render_site(atlas: Atlas, today: date | None = None, *rest: Any, **options: Any) -> dict[str, str]:
        pages = render.render_site(atlas, today, *rest, **options)
        pages[page] += f"\n\n{markdown}\n"
        return pages

    monkeypatch.setattr(generator.build, "render_site", render_site)


@pytest.mark.parametrize("workers", [2, 3])
def test_a_markdown_link_to_a_missing_page_fails_the_parallel_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    with_extra_markdown(monkeypatch, "over.md", "[kapot](nergens.md)")
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", workers=workers)
    with pytest.raises(BuildError, match=r"strict mode!\n.*over\.md.*'nergens\.md'"):
        build_site(config.resolve())


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_a_link_to_a_missing_anchor_on_another_page_fails_the_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """The anchors of pages in other shares are checked by the parent, with mkdocs' words."""
    with_extra_markdown(monkeypatch, "over.md", "[anker](privacy.md#bestaat-niet)")
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", workers=workers)
    with pytest.raises(BuildError, match=r"over\.md.*does not contain an anchor '#bestaat-niet'"):
        build_site(config.resolve())


def test_a_link_the_templates_break_fails_the_parallel_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_extra_markdown(monkeypatch, "index.md", '<p><a href="nergens/">nergens</a></p>')
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", workers=2)
    with pytest.raises(BuildError, match=r"index\.html: de link 'nergens/' wijst naar /nergens/"):
        build_site(config.resolve())


@pytest.mark.parametrize(
    ("sizes", "count"),
    [
        ({"a.md": 5, "b.md": 4, "c.md": 3, "d.md": 2, "e.md": 1}, 2),
        ({f"p{number}.md": number % 7 for number in range(50)}, 3),
        ({"a.md": 1}, 4),
    ],
)
def test_partition_puts_every_page_in_one_share(sizes: dict[str, int], count: int) -> None:
    shares = partition(sizes, count)
    assert len(shares) == count
    assert sorted(page for share in shares for page in share) == sorted(sizes)
    loads = [sum(sizes[page] for page in share) for share in shares]
    assert max(loads) - min(loads) <= max(sizes.values())
    assert partition(dict(reversed(sizes.items())), count) == shares


@pytest.mark.parametrize(("pages", "cores", "expected"), [(10, 2, 1), (2500, 2, 2), (20000, 2, 2), (20000, 8, 8)])
def test_default_workers(monkeypatch: pytest.MonkeyPatch, pages: int, cores: int, expected: int) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert default_workers(pages) == expected


def test_the_configured_worker_count_wins(tmp_path: Path) -> None:
    assert worker_count(AtlasConfig(docs_dir=tmp_path, workers=5)) == 5
    assert worker_count(AtlasConfig(docs_dir=tmp_path)) == 1


def result(index: int, built: list[str], **fields: object) -> ShardResult:
    return ShardResult(index=index, all_pages=["a.md", "b.md", "c.md"], built=built, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("results", "message"),
    [
        ([result(0, ["a.md"]), result(1, ["b.md"])], "c.md: door geen enkel deel gebouwd"),
        ([result(0, ["a.md", "c.md"]), result(1, ["b.md", "c.md"])], "c.md: door 2 delen gebouwd"),
        ([result(0, ["a.md", "b.md", "c.md"]), result(1, [], error="kapot")], "deel 2: kapot"),
    ],
)
def test_a_page_lost_or_doubled_by_the_split_fails(results: list[ShardResult], message: str) -> None:
    with pytest.raises(BuildError, match=re.escape(message)):
        check_results(results, strict=False)


def test_warnings_fail_only_a_strict_build(caplog: pytest.LogCaptureFixture) -> None:
    results = [
        result(0, ["a.md", "b.md"], anchors={"a.md": ["top"]}),
        result(1, ["c.md"], anchor_links=[AnchorLink("c.md", "a.md", "weg", "a.md#weg")]),
    ]
    with pytest.raises(BuildError, match=r"1 warnings in strict mode!\nDoc file 'c\.md' contains a link 'a\.md#weg'"):
        check_results(results, strict=True)
    check_results(results, strict=False)
    assert "does not contain an anchor '#weg'" in caplog.text


@pytest.mark.parametrize(("argument", "accepted"), [("2", True), ("1", True), ("0", False), ("twee", False)])
def test_workers_option(argument: str, accepted: bool) -> None:
    from generator.cli import parser

    if accepted:
        assert parser().parse_args(["build", "--workers", argument]).workers == int(argument)
    else:
        with pytest.raises(SystemExit):
            parser().parse_args(["build", "--workers", argument])


def test_a_script_not_of_the_theme_fails_the_parallel_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers give their pages the Content-Security-Policy, with the same refusal as ``apply_policy``."""
    with_extra_markdown(monkeypatch, "over.md", "<script>alert(1)</script>")
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", workers=2)
    with pytest.raises(BuildError, match=r"over/index\.html: een inline script dat niet van het thema komt"):
        build_site(config.resolve())


def test_html_no_worker_wrote_gets_the_policy_too(tmp_path: Path) -> None:
    page = "<!doctype html><html><head><title>t</title></head><body></body></html>"
    for relative in ("done.html", "extra/index.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(page, encoding="utf-8")
    assert apply_policy_to_the_rest(tmp_path, {"done.html"}) == 1
    assert "Content-Security-Policy" in (tmp_path / "extra" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "done.html").read_text(encoding="utf-8") == page


@pytest.mark.parametrize(
    ("page", "folder"), [("index.md", ""), ("partners/gemeente-voorbeeld.md", "partners/gemeente-voorbeeld/")]
)
def test_the_site_check_finds_a_broken_link_on_a_page_a_worker_read(
    content: Path, tmp_path: Path, mkdocs_file: Path, monkeypatch: pytest.MonkeyPatch, page: str, folder: str
) -> None:
    """The workers read the links of the pages they write; one to nothing still fails the build."""
    with_extra_markdown(monkeypatch, page, '<p><a href="nergens/">nergens</a></p>')
    problem = f"{folder}index.html: de link 'nergens/' wijst naar /{folder}nergens/, en dat bestaat niet"
    with pytest.raises(BuildError, match=re.escape(problem)):
        build(content, tmp_path, mkdocs_file, workers=2)


def test_the_workers_hand_the_site_check_every_link_they_cannot_vouch_for(
    content: Path, tmp_path: Path, mkdocs_file: Path
) -> None:
    config = AtlasConfig(
        content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", mkdocs_file=mkdocs_file, workers=2
    ).resolve()
    generate_docs(config)
    checked: dict[str, Links] = {}
    build_pages(config, checked=checked)
    site = config.site_dir
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert sorted(checked) == pages  # every HTML file of the site: none is read again
    for page in pages:
        links = set(page_links(page, (site / page).read_bytes(), base_path(SITE_URL)))
        assert set(checked[page]) <= links
        for _, path in links - set(checked[page]):  # vouched for: a file of the site
            target = site / path.lstrip("/")
            assert (target / "index.html").is_file() if path.endswith("/") else target.is_file(), (page, path)
