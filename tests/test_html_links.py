"""Links written as HTML (``html_link`` in the templates) carry the URLs mkdocs would have written."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.kinds import KINDS
from generator.render import html_page_link_from, page_url, section_url, served_folder

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
