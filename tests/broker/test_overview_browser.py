"""The Overzicht page in a real headless Chromium: reached from the navigation, pictures seen without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def test_overview_is_reached_from_the_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator(".md-tabs").get_by_role("link", name="Overzicht").click()
    expect(page).to_have_url(f"{site_url}/overzicht/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht van de atlas")

    heatmap = page.get_by_role("img", name="Vragen en aanbod per thema en regio")
    expect(heatmap).to_be_visible()
    expect(page.get_by_role("table", name="Vragen / aanbod per thema (rij) en regio (kolom)")).to_be_visible()
    expect(page.get_by_role("img", name="Regio's, netwerken en hun kennispartners")).to_be_visible()
    expect(page.get_by_role("table", name="Kennisvragen per fase")).to_be_visible()


def test_home_links_to_the_overview(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator("article").get_by_role("link", name="overzicht", exact=True).click()
    expect(page).to_have_url(f"{site_url}/overzicht/")


def test_pictures_show_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/overzicht/")
        pictures = page.locator("article svg[role='img']")
        expect(pictures).to_have_count(7)
        for index in range(7):
            box = pictures.nth(index).bounding_box()
            assert box is not None
            assert box["width"] > 200
            assert box["height"] > 50
    finally:
        context.close()
