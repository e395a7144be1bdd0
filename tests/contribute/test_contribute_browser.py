"""/bijdragen/ in real headless Chromium: a link per route per kind, all reachable by keyboard."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.config import PROJECT_ROOT
from generator.contribute.formnames import ISSUE_FORMS
from generator.contribute.repository import read_repository
from generator.kinds import KINDS
from tests.pagetypes import wait_ready
from tests.test_keyboard import MAX_TABS, tab_and_check_focus

pytestmark = pytest.mark.browser

REPOSITORY = read_repository(PROJECT_ROOT / "mkdocs.yml")


def _expected_links() -> dict[str, str]:
    """{accessible name: start of the href} of every contribution link on the page."""
    links = {}
    for kind in KINDS:
        name = kind.singular.lower()
        if kind.key in ISSUE_FORMS:
            links[f"Vul het formulier in voor een {name}"] = f"{REPOSITORY.url}/issues/new?template="
        links[f"Maak het bestand voor een {name}"] = f"{REPOSITORY.url}/new/{REPOSITORY.branch}/content/{kind.folder}?"
    return links


def test_every_kind_has_its_links(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/bijdragen/")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijdragen aan de atlas")
    article = page.locator("article")
    for kind in KINDS:
        expect(article.get_by_role("heading", level=3, name=kind.singular, exact=True)).to_be_visible()
    for name, start in _expected_links().items():
        link = article.get_by_role("link", name=name, exact=True)
        expect(link).to_have_count(1)
        href = link.get_attribute("href") or ""
        assert href.startswith(start), (name, href)
    for key, form in ISSUE_FORMS.items():
        singular = next(kind.singular for kind in KINDS if kind.key == key).lower()
        form_link = article.get_by_role("link", name=f"Vul het formulier in voor een {singular}")
        assert parse_qs(urlsplit(form_link.get_attribute("href") or "").query)["template"] == [form]


def test_keyboard_reaches_every_contribution_link_with_visible_focus(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/bijdragen/")
    wait_ready(page)
    # focused() gives the first 40 characters of the text
    shown = {name[:40]: name for name in _expected_links()}
    assert len(shown) == len(_expected_links())
    wanted = set(shown.values())
    reached = []
    for _ in range(MAX_TABS):
        element = tab_and_check_focus(page)
        if element["text"] in shown:
            reached.append(shown[element["text"]])
        if set(reached) == wanted:
            break
    assert set(reached) == wanted, f"Tab never reached: {wanted - set(reached)}"
    assert len(reached) == len(wanted), "each link once"


def test_home_and_footer_lead_to_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator("article").get_by_role("link", name="Zo voeg je het toe").click()
    expect(page).to_have_url(f"{site_url}/bijdragen/")
    page.goto(f"{site_url}/over/")
    page.locator(".atlas-footer-links").get_by_role("link", name="Bijdragen", exact=True).click()
    expect(page).to_have_url(f"{site_url}/bijdragen/")


def test_entry_page_names_its_edit_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/partners/rivm/")
    link = page.locator("article").get_by_role("link", name="Wijzig deze gegevens", exact=True)
    expect(link).to_have_attribute(
        "href", re.compile(re.escape(f"{REPOSITORY.url}/edit/") + r".+/content/partners/rivm\.\w+$")
    )
