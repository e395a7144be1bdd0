"""Search on the real site, in Chromium: queries, facets, URL state, keyboard, no JavaScript."""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from generator.build import gather
from generator.config import AtlasConfig
from generator.search.documents import search_documents

pytestmark = pytest.mark.browser

DOCUMENTS = search_documents(gather(AtlasConfig().resolve()))


def wait_ready(page: Page) -> None:
    """After a navigation to the search page: its index is loaded."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.atlasSearch !== undefined")
    page.evaluate("() => window.atlasSearch.ready")


def open_search(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/zoeken/{query}")
    wait_ready(page)


def result_urls(page: Page) -> list[str]:
    return [urlsplit(href).path for href in page.locator(".atlas-result > a").evaluate_all("as => as.map(a => a.href)")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("friesland", ["/regios/fryslan/", "/partners/fries-sociaal-planbureau/"]),
        ("mantelzorgers", ["/vragen/voldoende-mantelzorgers/", "/themas/mantelzorg/"]),
        ("klimaat", ["/themas/klimaatadaptatie/"]),
        ("corona", ["/themas/maatschappelijke-impact-corona/", "/praktijken/corona-onderzoeksoverzicht-utrecht/"]),
        ("planbureau", ["/partners/pbl/", "/partners/fries-sociaal-planbureau/"]),
        ("planbureaus", ["/partners/pbl/", "/partners/scp/"]),
        ("klimaatadaptaie", ["/themas/klimaatadaptatie/"]),
        ("hittestress", ["/themas/klimaatadaptatie/"]),
        ("langer thuis wonen", ["/themas/langer-thuis-wonen/"]),
        ("landelijk", ["/partners/rivm/", "/partners/pbl/"]),
        ("kennisvraag corona", ["/vragen/afstemming-onderzoek-impact-corona/"]),
    ],
)
def test_real_queries_find_expected_entries(page: Page, site_url: str, query: str, expected: list[str]) -> None:
    open_search(page, site_url, f"?q={query}")
    expect(page.locator(".atlas-result").first).to_be_visible()
    found = result_urls(page)
    for url in expected:
        assert url in found, f"{query!r} did not find {url}: {found[:10]}"
    expect(page.locator("#atlas-status")).to_contain_text("resultat")


def test_results_show_type_region_and_highlighted_snippet(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=mantelzorgers")
    first = page.locator(".atlas-result").first
    expect(first.locator(".atlas-kind")).to_have_text("Kennisvraag")
    expect(first.locator(".atlas-result__meta")).to_contain_text("Utrecht")
    expect(first.locator(".atlas-result__snippet mark").first).to_be_visible()


@pytest.mark.parametrize(
    ("query", "url", "marked"),
    [
        ("gemeenten almelo", "/partners/gemeente-almelo/", ["Gemeente", "Almelo"]),  # "Gemeente" by its stem only
        ("leefomg", "/partners/pbl/", ["Leefomgeving"]),  # as the start of a word
        ("planbureau leefomgeving", "/partners/pbl/", ["Planbureau", "Leefomgeving"]),
    ],
)
def test_titles_mark_the_words_that_match(page: Page, site_url: str, query: str, url: str, marked: list[str]) -> None:
    open_search(page, site_url, f"?q={query}")
    link = page.locator(f".atlas-result > a[href$='{url}']")
    expect(link).to_be_visible()
    assert link.locator("mark").all_inner_texts() == marked


def test_every_entry_is_found_by_its_name_and_by_a_theme_facet(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    page.evaluate("() => window.atlasSearch.loadAllShards()")
    entries: list[dict[str, Any]] = [{"url": d.url, "title": d.title, "theme": d.themes[:1]} for d in DOCUMENTS]
    missing = page.evaluate(
        """async entries => {
            const problems = [];
            for (const e of entries) {
                if (!(await window.atlasSearch.results(e.title, {})).includes(e.url)) problems.push("name: " + e.url);
                if (e.theme.length && !(await window.atlasSearch.results("", {theme: e.theme})).includes(e.url))
                    problems.push("theme facet: " + e.url);
            }
            return problems;
        }""",
        entries,
    )
    assert missing == []
    assert [d.url for d in DOCUMENTS if not d.themes] == []


def test_facets_narrow_results_and_counts_follow_the_query(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=utrecht")
    before = len(result_urls(page))
    partner_box = page.locator("#f-type-partner")
    count_text = page.locator("label[for='f-type-partner'] .atlas-count").inner_text()
    partner_count = int(re.sub(r"\D", "", count_text))
    partner_box.check()
    expect(page.locator("#atlas-status")).to_contain_text(f"{partner_count} resulta")
    after = result_urls(page)
    assert 0 < len(after) < before
    assert all(url.startswith("/partners/") for url in after)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["utrecht"], "type": ["partner"]}


def test_url_round_trips_with_back_and_forward(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=corona")
    page.locator("#f-type-question").check()
    expect(page).to_have_url(re.compile(r"type=question"))
    questions = result_urls(page)
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=corona$"))
    expect(page.locator("#f-type-question")).not_to_be_checked()
    assert len(result_urls(page)) > len(questions)
    page.go_forward()
    expect(page.locator("#f-type-question")).to_be_checked()
    assert result_urls(page) == questions
    page.goto(page.url)  # a shared link restores the same state
    wait_ready(page)
    expect(page.locator("#atlas-q")).to_have_value("corona")
    assert result_urls(page) == questions


def test_keyboard_only(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    page.keyboard.press("Tab")
    for _ in range(40):
        if page.evaluate("() => document.activeElement.id") == "atlas-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "atlas-q"
    page.keyboard.type("droogte")
    page.keyboard.press("Enter")
    expect(page.locator("#atlas-status")).to_contain_text("voor “droogte”")
    expect(page).to_have_url(re.compile(r"q=droogte"))
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Tab")  # the first facet checkbox
    focused = page.evaluate("() => [document.activeElement.type, document.activeElement.name]")
    assert focused[0] == "checkbox"
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(rf"{focused[1]}="))
    assert page.evaluate("() => document.activeElement.type") == "checkbox"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_status_is_announced_and_input_is_labelled(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=droogte")
    status = page.locator("#atlas-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    expect(page.get_by_label("Zoek op onderwerp, organisatie, regio of vraag")).to_have_value("droogte")


def test_header_box_leads_to_the_search_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/themas/droogte/")
    page.get_by_role("search").first.get_by_label("Zoek in de atlas").fill("mantelzorg")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/zoeken/?q=mantelzorg")
    wait_ready(page)
    expect(page.locator(".atlas-result").first).to_be_visible()


def test_region_search_loads_only_its_own_shard(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(f"{site_url}/regios/fryslan/")
    page.get_by_label("Zoek binnen Fryslân").fill("corona")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?"))
    wait_ready(page)
    expect(page.locator(".atlas-result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    shards = sorted(path for path in fetched if "/search/text-" in path)
    assert shards == ["/search/text-fryslan.json"]
    assert parse_qs(urlsplit(page.url).query)["region"] == ["fryslan"]


def test_first_result_loads_the_catalog_and_only_the_letter_pairs_of_the_query_once(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    open_search(page, site_url, "?q=mantelzorg+Fryslân")
    expect(page.locator(".atlas-result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    index = sorted(path for path in fetched if path.startswith(("/search/catalog", "/search/names-")))
    # atlas-search-start.js fetched these before search.js ran; search.js took them over instead of fetching again.
    assert index == ["/search/catalog.json", "/search/names-fr.json", "/search/names-ma.json"]
    scripts = [path for path in fetched if "lunr" in path or path.endswith("/search.js")]
    assert len(scripts) == len(set(scripts)) == 4, scripts  # preloaded in the head, then used: once each

    page.locator("#atlas-q").fill("planbureau")
    page.keyboard.press("Enter")
    expect(page.locator(".atlas-result a", has_text="Planbureau").first).to_be_visible()
    assert fetched.count("/search/names-pl.json") == 1
    assert fetched.count("/search/catalog.json") == 1


def test_a_typo_in_the_second_letter_loads_the_whole_letter(page: Page, site_url: str) -> None:
    """No pair holds "kilmaatadaptatie": the fuzzy lookup loads all of "k" and finds klimaatadaptatie."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    open_search(page, site_url, "?q=kilmaatadaptatie")
    expect(page.locator(".atlas-result > a[href$='/themas/klimaatadaptatie/']")).to_be_visible()
    expect(page.locator("#atlas-status")).to_contain_text("bij benadering")
    assert "/search/names-ki.json" in fetched
    assert "/search/names-k.json" in fetched


def test_the_index_loads_while_the_stylesheets_are_on_their_way(page: Page, site_url: str) -> None:
    """The search scripts start from the page's head and do not wait for the stylesheets: with
    material's stylesheet held back, the names index is loaded before it arrives."""

    def slow(route: Route) -> None:
        time.sleep(1.5)
        route.continue_()

    page.route("**/stylesheets/main.*.css", slow)
    open_search(page, site_url, "?q=klimaat")
    expect(page.locator(".atlas-result").first).to_be_visible()
    loaded = page.evaluate("() => window.atlasSearch.timings.loaded")
    stylesheet = page.evaluate(
        "() => performance.getEntriesByType('resource').find(e => /stylesheets[/]main/.test(e.name)).responseEnd"
    )
    assert loaded < stylesheet - 500, (loaded, stylesheet)


MATERIAL_STARTED = """() => new Promise(resolve => {
    if (window.document$ === undefined) return resolve(false);
    window.document$.subscribe(() => resolve(true));
    setTimeout(() => resolve(false), 3000);
})"""


def test_material_starts_after_the_first_result(page: Page, site_url: str) -> None:
    """The search page holds material's scripts back until its first result, then starts them."""
    open_search(page, site_url, "?q=klimaat")
    expect(page.locator(".atlas-result").first).to_be_visible()
    page.wait_for_function("() => window.document$ !== undefined")
    assert page.evaluate(MATERIAL_STARTED)
    assert page.locator("#atlas-theme-scripts").count() == 1
    assert page.locator("script[src*='javascripts/bundle.']").count() == 1  # started once


@pytest.mark.parametrize("blocked", ["**/vendor/lunr/lunr.min.js", "**/assets/search.js"])
def test_material_starts_when_the_search_cannot(page: Page, site_url: str, blocked: str) -> None:
    page.route(blocked, lambda route: route.abort())
    page.goto(f"{site_url}/zoeken/?q=klimaat")
    page.wait_for_function("() => window.document$ !== undefined")
    assert page.evaluate(MATERIAL_STARTED)
    expect(page.locator("#atlas-nojs")).to_be_visible()  # the message for visitors without search


def test_query_syntax_in_user_input_does_not_break(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for query in ["a:b", "klimaat~", "^droogte", "wonen*", "+-:~^*"]:
        open_search(page, site_url, f"?q={query}")
        expect(page.locator("#atlas-status")).not_to_contain_text("geladen")
    assert errors == []


def test_without_javascript_a_clear_message(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/zoeken/?q=droogte")
    expect(page.get_by_text("Zoeken werkt alleen met JavaScript")).to_be_visible()
    expect(page.locator("#atlas-nojs").get_by_role("link", name="Kennispartners")).to_be_visible()
    expect(page.locator("#atlas-fulltext")).to_be_hidden()
    context.close()
