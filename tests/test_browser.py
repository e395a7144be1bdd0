"""What visitors click, in a real headless Chromium on the real site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.pagelists import LIST_LIMIT

pytestmark = pytest.mark.browser


def test_home_to_theme_to_partner(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/")
    expect(page).to_have_title("Kennisatlas")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kennisatlas")

    page.locator("article").get_by_role("link", name="Klimaatadaptatie", exact=True).click()
    expect(page).to_have_url(f"{site_url}/themas/klimaatadaptatie/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klimaatadaptatie")
    expect(page.get_by_role("heading", name="Kennispartners", exact=True)).to_be_visible()

    partner_link = page.locator("article a[href*='/partners/']").first
    partner_name = partner_link.inner_text()
    partner_link.click()
    expect(page).to_have_url(re.compile(r"/partners/[a-z0-9-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(partner_name)
    expect(page.locator("article")).to_contain_text("Klimaatadaptatie")

    hosts = {urlsplit(url).hostname for url in requested}
    assert hosts == {"127.0.0.1"}, f"requests left the site: {hosts}"


def test_region_page_shows_contact_and_links_back(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/regios/")
    page.locator("article").get_by_role("link", name="Fryslân").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fryslân")
    headings = page.locator("article h2").all_inner_texts()
    assert headings[0].strip().startswith("Contactpunt")
    assert any("Andere regio" in heading for heading in headings)


def test_navigation_tabs_reach_every_section(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    for name, path in [("Thema's", "/themas/"), ("Kennispartners", "/partners/"), ("Vragen", "/vragen/")]:
        page.locator(".md-tabs").get_by_role("link", name=name).click()
        expect(page).to_have_url(f"{site_url}{path}")


def test_a_cut_list_leads_to_all_of_its_entries_in_search(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/themas/kennisinfrastructuur/")
    more = page.get_by_role("link", name=re.compile(r"^En nog (\d+) kennispartners: bekijk ze allemaal in Zoeken$"))
    hidden = int(re.findall(r"\d+", more.inner_text())[0])
    listed = page.locator("article").locator("h3 + ul a[href*='/partners/']").count()  # grouped by level
    assert listed == LIST_LIMIT
    more.click()
    expect(page).to_have_url(f"{site_url}/zoeken/?theme=kennisinfrastructuur&type=partner")
    expect(page.locator("#atlas-status")).to_have_text(f"{listed + hidden} resultaten.")
