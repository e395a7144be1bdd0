"""WCAG 2.1 AA on every page type of the real site, in real headless Chromium.

axe-core (npm) finds no violation of the WCAG 2.0/2.1 A and AA rules, at desktop width and at
phone width; every page reflows at 320 px and with text at 200 % without scrolling sideways;
every page says it is Dutch and links to the accessibility statement and the privacy page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.pagetypes import AXE_SCRIPT, AXE_TAGS, FORGET_DRAFT, PAGE_TYPES, VIEWPORTS, PageType

pytestmark = pytest.mark.browser

# Reflow (1.4.10): 320 CSS px wide, as 1280 px at 400 %. Text zoom (1.4.4): a desktop window with the
# browser's own font size setting doubled (16 → 32 px), as a visitor sets it: the theme's sizes (rem) double
# and its media queries (em) follow, as in a real browser.
REFLOW = {"width": 320, "height": 640}
TEXT_200 = {"standard": 32, "fixed": 26}
PAGE_IDS = [page_type.name for page_type in PAGE_TYPES]


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[dict[str, Page]]:
    """One browser tab per window size, reused by every test of the module; axe is in every document."""
    contexts = {}
    opened = {}
    for name, viewport in {**VIEWPORTS, "320px": REFLOW, "text-200": VIEWPORTS["desktop"]}.items():
        context = browser.new_context(locale="nl-NL", viewport=viewport)  # type: ignore[arg-type]
        context.add_init_script(path=AXE_SCRIPT)
        context.add_init_script(script=FORGET_DRAFT)
        contexts[name] = context
        opened[name] = context.new_page()
    # Chromium's font size setting, for this tab and every page it opens.
    context.new_cdp_session(opened["text-200"]).send("Page.setFontSizes", {"fontSizes": TEXT_200})
    yield opened
    for context in contexts.values():
        context.close()


def open_page(page: Page, page_type: PageType, site_url: str, fixture_site_url: str) -> None:
    base = fixture_site_url if page_type.fixture_site else site_url
    page.goto(base + page_type.path)
    page_type.prepare(page)


def axe(page: Page, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """The violations axe-core finds on the page as it is now: the WCAG A/AA rules, or only ``rules``."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    # Checked at rest: the theme fades the header title in and out as the page scrolls.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)))")
    violations: list[dict[str, Any]] = page.evaluate(
        """options => axe.run(document, options).then(result => result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)})))""",
        {"runOnly": run_only, "resultTypes": ["violations"]},
    )
    return violations


def report(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"][:5]) for v in violations)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_IDS)
def test_axe_finds_no_wcag_violation(
    tabs: dict[str, Page], site_url: str, fixture_site_url: str, page_type: PageType, viewport: str
) -> None:
    page = tabs[viewport]
    open_page(page, page_type, site_url, fixture_site_url)
    violations = axe(page)
    assert violations == [], f"{page_type.path} at {viewport} width:\n{report(violations)}"


def sideways_overflow(page: Page) -> dict[str, int]:
    return dict(
        page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
        )
    )


def sticking_out(page: Page) -> list[str]:
    """Elements of the main column that reach past its right edge, outside any box that scrolls or clips:
    they would cover the sidebar or be cut off, even when the page itself does not scroll."""
    found: list[str] = page.evaluate(
        """() => {
            const column = document.querySelector(".md-content");
            const edge = column.getBoundingClientRect().right + 1;
            const clips = el => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
            const out = [];
            for (const el of column.querySelectorAll("*")) {
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.right <= edge) continue;
                let inside = el.parentElement, clipped = false;
                while (inside && inside !== column) {
                    if (clips(inside)) { clipped = true; break; }
                    inside = inside.parentElement;
                }
                const name = `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""}`;
                if (!clipped) out.push(`${name} ${Math.round(box.right)} > ${Math.round(edge)}`);
            }
            return out.slice(0, 10);
        }"""
    )
    return found


@pytest.mark.parametrize("zoom", ["320px", "text-200"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_IDS)
def test_page_reflows_without_scrolling_sideways(
    tabs: dict[str, Page], site_url: str, fixture_site_url: str, page_type: PageType, zoom: str
) -> None:
    page = tabs[zoom]
    open_page(page, page_type, site_url, fixture_site_url)
    if zoom == "text-200":
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "40px"  # 2 × 20 px
    widths = sideways_overflow(page)
    assert widths["scroll"] <= widths["client"], f"{page_type.path} scrolls sideways at {zoom}: {widths}"
    assert sticking_out(page) == [], f"{page_type.path} at {zoom}: content wider than its column"
    # What must scroll (a wide table or picture) scrolls in its own box, reachable by keyboard.
    violations = axe(page, ["scrollable-region-focusable"])
    assert violations == [], report(violations)


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_dutch(real_site: Path) -> None:
    pages = built_pages(real_site)
    assert len(pages) > 100
    not_dutch = [
        str(page.relative_to(real_site)) for page in pages if '<html lang="nl"' not in page.read_text(encoding="utf-8")
    ]
    assert not_dutch == []


FOOTER_LINK = re.compile(
    r'<nav class="atlas-footer-links"[^>]*>\s*'
    r'<a href="([^"]*)">Toegankelijkheid</a>\s*·\s*<a href="([^"]*)">Privacy</a>'
)


def test_every_page_links_to_the_statement_and_privacy(real_site: Path) -> None:
    for page in built_pages(real_site):
        found = FOOTER_LINK.search(page.read_text(encoding="utf-8"))
        assert found, f"{page} has no footer links"
        if page.name == "404.html":
            continue  # absolute links, for any address that does not exist
        for href in found.groups():
            assert (page.parent / href / "index.html").resolve().is_file(), f"{page}: {href}"


def test_the_site_keeps_nothing_about_its_visitors(tabs: dict[str, Page], site_url: str, fixture_site_url: str) -> None:
    """What /privacy/ promises: no cookies, nothing in local storage; only the question form's draft in
    the session storage."""
    page = tabs["desktop"]
    for page_type in PAGE_TYPES:
        open_page(page, page_type, site_url, fixture_site_url)
        stored = page.evaluate("() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})")
        assert stored["local"] == [], page_type.name
        assert set(stored["session"]) <= {"atlas-ask-draft"}, page_type.name
    assert page.context.cookies() == []
