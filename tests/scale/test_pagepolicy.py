"""The policy given in memory as a shard worker's mkdocs writes each page (generator/scale/pagepolicy.py): the file
is byte for byte the one the worker wrote when it read the page back (``csp_reference.written_with_policy``), and
the worker reads none of its pages back."""

from __future__ import annotations

import pathlib
from pathlib import Path

import pytest

from generator.build import generate_docs
from generator.config import AtlasConfig
from generator.errors import BuildError
from generator.scale.pagepolicy import PolicyStep
from generator.scale.shard import SHARED_SHARE, ShardJob, build_shard
from tests.csp_reference import written_with_policy
from tests.test_csp import MATERIAL_SCRIPT

PAGE = (
    "<!doctype html>\n<html>\n  <head>\n    <script>{script}</script>\n  </head>\n"
    "  <body>\n{body}\n  </body>\n</html>\n"
)


def page(body: str, script: str = MATERIAL_SCRIPT) -> str:
    return PAGE.format(script=script, body=body)


def step() -> PolicyStep:
    return PolicyStep(link_base="/", in_site={"index.html"}, templates={"404.html"})


@pytest.mark.parametrize(
    "output",
    [
        page("    <p>\n      tekst\n    </p>"),
        page("<p>a</p>\r\n    <p>b</p>\r\n"),
        page("<pre>\r\n  a\r  b\r\n</pre>\r  <p>c</p>"),
        page("<p>\ud83d los</p>\n    <p>\udc00</p>"),
        page("<p>\ud83d\r\n   los</p>"),
        page("<p>emoji 😀 en é</p>\n   <textarea>\n  x\r\n</textarea>"),
        page('<a href="../ergens/">\n   x</a>\n   <img src="/plaatje.png">'),
    ],
    ids=["plain", "crlf", "cr-in-pre", "surrogates", "surrogate-and-crlf", "non-ascii", "links"],
)
def test_the_file_is_the_one_the_read_back_step_wrote(tmp_path: Path, output: str) -> None:
    given = step()
    written = given.give(output, "p/index.html").encode("utf-8", errors="xmlcharrefreplace")  # as mkdocs writes
    assert written == written_with_policy(output, tmp_path / "index.html", "p/index.html")
    assert given.given == ["p/index.html"]
    assert given.errors == {}


def test_the_links_are_read_from_the_page_as_written() -> None:
    given = step()
    given.give(page('<a href="../">thuis</a> <a href="elders/">elders</a> <img src="\ud83d.png">'), "p/index.html")
    assert given.unresolved["p/index.html"] == [("&#55357;.png", "/p/&"), ("elders/", "/p/elders/")]


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (page("<p>x</p>", script="alert(1)"), "p/index.html: een inline script dat niet van het thema komt"),
        (page("<p>x</p>", script="alert('\ud83d')"), "p/index.html: een inline script dat niet van het thema komt"),
        ("<html><body>geen kop</body></html>", "p/index.html: geen <head>"),
    ],
    ids=["foreign-script", "foreign-script-with-surrogate", "no-head"],
)
def test_a_page_the_policy_refuses_is_named_and_left_as_it_was(tmp_path: Path, output: str, message: str) -> None:
    given = step()
    assert given.give(output, "p/index.html") == output
    assert given.errors["p/index.html"].startswith(message)
    assert given.given == []
    assert given.unresolved == {}
    with pytest.raises(BuildError) as refused:
        written_with_policy(output, tmp_path / "index.html", "p/index.html")
    assert given.errors["p/index.html"] == str(refused.value), "the message the read-back step gave"


def test_an_empty_page_is_left_to_mkdocs_which_writes_none() -> None:
    given = step()
    assert given.give("  \n ", "p/index.html") == "  \n "
    assert given.given == []
    assert given.errors == {}


@pytest.mark.parametrize(
    ("name", "output", "gets_policy"),
    [
        ("404.html", page("<p>niet gevonden</p>"), True),
        ("404.html", page("<p>\ud83d</p>"), False),  # mkdocs' strict UTF-8 fails on it, as without the step
        ("sitemap.xml", "<urlset>\n  </urlset>", False),
        ("extra.html", page("<p>x</p>"), False),
    ],
)
def test_only_the_themes_html_templates_get_it_as_they_are_written(name: str, output: str, gets_policy: bool) -> None:
    from mkdocs.config.defaults import MkDocsConfig

    written = step().post_template(output, template_name=name, config=MkDocsConfig())
    assert ("Content-Security-Policy" in written) is gets_policy
    assert written == output or gets_policy


def test_a_worker_writes_every_page_once_with_its_policy_and_reads_none_back(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site").resolve()
    generate_docs(config)
    (config.docs_dir / "los.html").write_text(page("<p>een HTML-bestand uit de docs-map</p>"), encoding="utf-8")
    read_back: list[Path] = []
    read_text = pathlib.Path.read_text

    def spying_read_text(path: pathlib.Path, *args: object, **kwargs: object) -> str:
        if path.suffix == ".html" and config.site_dir in path.parents:
            read_back.append(path)
        return read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "read_text", spying_read_text)
    job = ShardJob(config.mkdocs_file, config.docs_dir, config.site_dir, True, SHARED_SHARE, 2)
    result = build_shard(job)
    assert result.error is None, result.error
    assert read_back == [config.site_dir / "los.html"], "only the HTML file mkdocs copies is read back"
    pages = sorted(path.relative_to(config.site_dir).as_posix() for path in config.site_dir.rglob("*.html"))
    assert sorted(result.with_policy) == pages == sorted(result.unresolved)
    assert "404.html" in pages
    assert len(pages) > 10
    for relative in pages:
        html = (config.site_dir / relative).read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, relative
