"""Keyboard only, in real headless Chromium: the search and the navigation, with visible focus everywhere.

Every element that gets the focus must show it (WCAG 2.4.7): it has an outline or a ring, and the
pixels around it change when it loses the focus again.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.pagetypes import search_results, wait_ready

pytestmark = pytest.mark.browser

MAX_TABS = 150
MARGIN = 8  # px around the element: outline, offset and ring


def focused(page: Page) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName, id: el.id, cls: String(el.className), href: el.getAttribute("href") || "",
                type: el.type || "", text: (el.innerText || el.value || "").trim().slice(0, 40),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                ring: style.boxShadow !== "none",
                box: {x: box.x, y: box.y, width: box.width, height: box.height},
                body: el === document.body,
            };
        }"""
    )
    return info


def clip_around(page: Page, box: dict[str, float]) -> dict[str, float]:
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    x = max(0.0, box["x"] - MARGIN)
    y = max(0.0, box["y"] - MARGIN)
    right = min(float(viewport["width"]), box["x"] + box["width"] + MARGIN)
    bottom = min(float(viewport["height"]), box["y"] + box["height"] + MARGIN)
    return {"x": x, "y": y, "width": max(1.0, right - x), "height": max(1.0, bottom - y)}


def tab_and_check_focus(page: Page) -> dict[str, Any]:
    """Press Tab; the newly focused element shows its focus. Returns what has the focus."""
    page.keyboard.press("Tab")
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    element = focused(page)
    if element["body"]:
        return element
    name = f"{element['tag']}#{element['id']}.{element['cls']} {element['href']} {element['text']!r}"
    assert element["box"]["width"] > 0, f"focus on an invisible element: {name}"
    assert element["box"]["height"] > 0, f"focus on an invisible element: {name}"
    assert element["outline"] or element["ring"], f"no outline or ring on focus: {name}"
    clip = clip_around(page, element["box"])
    with_focus = page.screenshot(clip=clip)  # type: ignore[arg-type]
    # Chromium keeps its place in the Tab order after blur(): the next Tab goes on from here.
    page.evaluate("() => document.activeElement.blur()")
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    without_focus = page.screenshot(clip=clip)  # type: ignore[arg-type]
    assert with_focus != without_focus, f"focus not visible: {name}"
    return element


def test_keyboard_search_from_the_header_to_filters_and_results(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/")
    wait_ready(page)
    for _ in range(MAX_TABS):
        if tab_and_check_focus(page)["id"] == "atlas-header-q":
            break
    else:
        raise AssertionError("Tab never reached the search box in the header")
    page.locator("#atlas-header-q").focus()  # blur() above took the focus away to check it; typing needs it back
    page.keyboard.type("klimaat")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=klimaat$"))
    search_results(page)

    reached: list[str] = []
    for _ in range(MAX_TABS):
        element = tab_and_check_focus(page)
        if element["type"] == "checkbox":
            reached.append("filter")
        if "/themas/klimaatadaptatie/" in element["href"]:
            reached.append("result")
            break
    assert "filter" in reached, "Tab never reached a filter"
    assert reached[-1] == "result", "Tab never reached the result Klimaatadaptatie"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back on the result, with the focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/themas/klimaatadaptatie/$"))


def test_keyboard_walk_through_the_navigation_tabs(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/")
    wait_ready(page)
    tabs = page.locator(".md-tabs__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(tabs) >= 10
    seen: list[str] = []
    for _ in range(MAX_TABS):
        element = tab_and_check_focus(page)
        if "md-tabs__link" in element["cls"]:
            seen.append(element["href"])
        if len(seen) == len(tabs):
            break
    assert seen == tabs, "Tab goes through every section tab, in order"
    # The last tab stays the starting point: Shift+Tab and Tab bring the focus back to it, Enter follows it.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert focused(page)["href"] == tabs[-1]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(tabs[-1].strip("./")) + "/$"))


def test_keyboard_reaches_the_footer_links_with_visible_focus(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/over/")
    wait_ready(page)
    for _ in range(MAX_TABS):
        if tab_and_check_focus(page)["text"] == "Privacy":
            return
    raise AssertionError("Tab never reached the privacy link in the footer")


def test_keyboard_opens_the_menu_on_a_phone(page: Page, site_url: str) -> None:
    """The menu button takes the focus, Enter opens the menu, Tab reaches a section in it, Enter follows it."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/over/")
    wait_ready(page)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    for _ in range(10):
        if tab_and_check_focus(page)["cls"].startswith("md-header__button md-icon"):
            break
    else:
        raise AssertionError("Tab never reached the menu button")
    menu.focus()  # back from the blur() of the check
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    themes = page.locator(".md-sidebar--primary").get_by_role("link", name="Thema's", exact=True)
    expect(themes).to_be_visible()
    for _ in range(MAX_TABS):
        if tab_and_check_focus(page)["text"] == "Thema's":
            break
    else:
        raise AssertionError("Tab never reached Thema's in the menu")
    themes.focus()  # back from the blur() of the check
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/themas/")


@pytest.mark.parametrize("path", ["/", "/zoeken/"])
def test_pages_without_a_menu_show_no_menu_button(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{path}")
    wait_ready(page)
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator('label.md-header__button[for="__drawer"]')).to_be_hidden()
    expect(page.locator("button.atlas-menu-button")).to_be_hidden()
