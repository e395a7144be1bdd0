"""Every kind of page of the site, and how to bring a browser page into that state.

Shared by the accessibility checks (axe-core, reflow, zoom). The real site has no events, so the
event page comes from the fixture site (tests/fixtures/content).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, expect

from generator.atlas import Atlas
from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.kinds import KINDS
from generator.validate import REQUIRED_PAGES

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A question the form recognises: it ticks Klimaatadaptatie and Fryslân, so every step can be passed.
ASK_QUESTION = "Hoe gaan we om met hittestress in Friesland? We hebben data nodig."
ASK_STEPS = 7
# For a browser context's init script: the form restores its draft (session storage) on every load, and
# saves it as the page goes, so each visit starts at step 1 only if the draft is gone before the page runs.
FORGET_DRAFT = "try { sessionStorage.removeItem('atlas-ask-draft'); } catch (error) {}"
# Widths: a desktop screen and a phone (the mobile layout of the theme starts below 1220 px for the
# tabs and below 960 px for the sidebars).
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}

Prepare = Callable[[Page], None]


def wait_ready(page: Page) -> None:
    """The theme's scripts have run (assets/atlas.js marks the page once material's components are in place)."""
    page.wait_for_load_state("load")
    page.wait_for_selector("html[data-atlas-tables='ready']", state="attached")


def search_ready(page: Page) -> None:
    page.wait_for_function("() => window.atlasSearch !== undefined")
    page.evaluate("() => window.atlasSearch.ready")
    wait_ready(page)


def search_results(page: Page) -> None:
    search_ready(page)
    expect(page.locator(".atlas-result").first).to_be_visible()


def search_nothing(page: Page) -> None:
    search_ready(page)
    expect(page.locator("#atlas-status")).to_contain_text("Geen")


def search_filters_open(page: Page) -> None:
    """Results, a filter ticked, and the filters open (on a phone they fold away behind 'Filters')."""
    search_results(page)
    filters = page.locator("#atlas-filters")
    if filters.get_attribute("open") is None:
        filters.locator("summary").click()
    page.locator("#atlas-facets input[type='checkbox']").first.check()
    expect(page.locator(".atlas-result").first).to_be_visible()
    expect(filters).to_have_attribute("open", "")


def ask_step(number: int) -> Prepare:
    """The question form at step ``number``, reached by answering the steps before it."""

    def prepare(page: Page) -> None:
        wait_ready(page)  # the tab starts without a draft: see FORGET_DRAFT
        progress = page.locator("#atlas-ask-progress")
        expect(progress).to_have_text(f"Stap 1 van {ASK_STEPS}")
        if number > 1:
            page.locator("#ask-question").fill(ASK_QUESTION)
            page.wait_for_function(
                "q => window.AtlasAskSuggest && (AtlasAskSuggest.shownFor || {}).text === q", arg=ASK_QUESTION
            )
        for step in range(2, number + 1):
            page.locator("#atlas-ask-next").click()
            expect(progress).to_have_text(f"Stap {step} van {ASK_STEPS}")

    return prepare


@dataclass(frozen=True)
class PageType:
    """One kind of page: where it is, on which site, and what to do before checking it."""

    name: str
    path: str
    prepare: Prepare = field(default=wait_ready)
    fixture_site: bool = False


def first_entries(real: Atlas, fixture: Atlas) -> list[PageType]:
    """One entry page of every kind: from the real site, or from the fixture site for a kind it lacks."""
    types = []
    for kind in KINDS:
        real_entries = real.of(kind.key)
        entries = real_entries or fixture.of(kind.key)
        types.append(PageType(f"entry-{kind.key}", f"/{kind.section}/{entries[0].id}/", fixture_site=not real_entries))
    return types


def page_types() -> list[PageType]:
    real = gather(AtlasConfig().resolve())
    fixture = gather(AtlasConfig(content_dir=FIXTURE_CONTENT).resolve())
    return [
        PageType("home", "/"),
        *(PageType(f"overview-{kind.key}", f"/{kind.section}/") for kind in KINDS),
        *first_entries(real, fixture),
        PageType("search-empty", "/zoeken/", search_ready),
        PageType("search-results", "/zoeken/?q=klimaat", search_results),
        PageType("search-no-results", "/zoeken/?q=xyzzyqw", search_nothing),
        PageType("search-filters-open", "/zoeken/?q=klimaat", search_filters_open),
        *(PageType(f"ask-step-{number}", "/vraag-stellen/", ask_step(number)) for number in range(1, ASK_STEPS + 1)),
        PageType("signals", "/signalen/"),
        PageType("overview-page", "/overzicht/"),
        PageType("open-data", "/open-data/"),
        PageType("contribute", "/bijdragen/"),
        *(PageType(f"page-{slug}", f"/{slug}/") for slug in REQUIRED_PAGES),
        PageType("not-found", "/404.html"),
    ]


PAGE_TYPES = page_types()
