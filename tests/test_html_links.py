"""Links written as HTML (``html_link`` in the templates) carry the URLs mkdocs would have written."""

from __future__ import annotations

import posixpath

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.kinds import KINDS
from generator.render import Renderer, html_page_link_from, page_url, relative_folder, section_url, served_folder

FOLDERS = ["", "zoeken/", "vraag-stellen/", *(f"{kind.section}/" for kind in KINDS), "themas/klimaat/", "partners/x/"]


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("section", [kind.section for kind in KINDS])
def test_section_url_is_mkdocs_relative_url(folder: str, section: str) -> None:
    target = f"{section}/some-entry/"
    assert section_url(folder, section) + "some-entry/" == get_relative_url(target, folder)


@pytest.mark.parametrize(
    ("template", "context", "folder"),
    [
        ("home.md.j2", {}, ""),
        ("overview/theme.md.j2", {"kind": KINDS[0]}, f"{KINDS[0].section}/"),
        ("ask.md.j2", {}, "ask/"),
    ],
)
def test_served_folder(template: str, context: dict[str, object], folder: str) -> None:
    assert served_folder(template, context) == folder


def test_an_entry_page_is_served_in_a_folder_of_its_own() -> None:
    class Entry:
        id = "koele-wijken"

    assert (
        served_folder("entry/practice.md.j2", {"kind": KINDS[0], "e": Entry()}) == f"{KINDS[0].section}/koele-wijken/"
    )


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize(
    "page", ["vraag-stellen.md", "index.md", "signalen.md", *(f"{kind.section}/index.md" for kind in KINDS)]
)
def test_page_url_is_the_url_mkdocs_writes_for_a_markdown_link(folder: str, page: str) -> None:
    target = File(page, "docs", "site", use_directory_urls=True).url
    assert page_url(folder, page) == get_relative_url(target, folder)


def test_a_page_link_escapes_its_text() -> None:
    link = html_page_link_from("vragen/x/")("vraag-stellen.md", "Vraag & <antwoord>")
    assert link == '<a href="../../vraag-stellen/">Vraag &amp; &lt;antwoord&gt;</a>'


def relpath_section_url(folder: str, section: str) -> str:
    """``section_url`` as it was, with ``posixpath.relpath``."""
    relative = posixpath.relpath(section, folder or ".")
    return "" if relative == "." else relative + "/"


PAGE_FOLDERS = [*FOLDERS, *(f"{kind.section}/een-id/" for kind in KINDS), "a/b/c/"]
TARGETS = [".", "vraag-stellen", "zoeken", "a/b", "a/b/d", *(kind.section for kind in KINDS)]


@pytest.mark.parametrize("folder", PAGE_FOLDERS)
@pytest.mark.parametrize("target", TARGETS)
def test_section_url_is_what_relpath_made(folder: str, target: str) -> None:
    assert section_url(folder, target) == relpath_section_url(folder, target)
    assert relative_folder(folder, target) == posixpath.relpath(target, folder or ".")


def test_html_link_keeps_one_url_per_section_and_page() -> None:
    class Partner:
        KIND = "partner"

        def __init__(self) -> None:
            self.id, self.name = "a", "A & <b>"

    link = Renderer.html_link_from(None, "themas/klimaat/")  # type: ignore[arg-type]  # self is not used
    assert link(Partner(), block=True) == '<a href="../../partners/a/">A &amp; &lt;b&gt;</a>'
    assert link(Partner(), block=True) == link(Partner(), block=True)
