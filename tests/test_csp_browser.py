"""The Content-Security-Policy in Chromium: the real site runs without a violation, hostile content
runs nothing, and the policy itself stops what a sanitizer would have missed."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from generator.build import build_site
from generator.config import AtlasConfig
from generator.kinds import KIND_BY_FOLDER
from tests.broker.test_question_form import go_to_last_step
from tests.browser import serve_folder
from tests.conftest import FIXTURE_CONTENT
from tests.search.test_search_browser import wait_ready

pytestmark = pytest.mark.browser

# Records every CSP violation on the page before any of its scripts run.
WATCH = """
window.atlasViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.atlasViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""
# Every way raw HTML might try to run a script; each sets window.atlasPwned or opens a dialog. The validator
# refuses these in Markdown (tests/bad_input/), so they go into built pages directly (the policy alone stops them).
PAYLOAD = """
<script>window.atlasPwned = "script"; alert("script")</script>

<img src="x" onerror="window.atlasPwned = 'onerror'; alert('onerror')">

<a href="javascript:window.atlasPwned='html-link';alert(2)">ook hier</a>
<a href="JaVaScRiPt:window.atlasPwned='mixed-case'">en hier</a>

<iframe src="javascript:parent.atlasPwned='iframe'"></iframe>
<iframe srcdoc="<script>parent.atlasPwned='srcdoc'</script>"></iframe>

<svg><script>window.atlasPwned = "svg"</script><image href="x" onerror="window.atlasPwned='svg-onerror'"/></svg>

<object data="javascript:window.atlasPwned='object'"></object>
<form action="javascript:window.atlasPwned='form'"><button id="hostile-submit">verstuur</button></form>
"""
# What the validator lets through in Markdown but a careless renderer would turn into a script: entities
# that decode to tags, and quotes that try to break out of a link's or a picture's attributes.
MARKDOWN_PAYLOAD = """
&lt;script&gt;window.atlasPwned = 'entity'&lt;/script&gt;

&#60;img src=x onerror="window.atlasPwned = 'entity-img'"&#62;

![plaatje](https://example.org/x.png "\\" onerror=\\"window.atlasPwned = 'img-title'")

[link](https://example.org/ "\\" onmouseover=\\"window.atlasPwned = 'link-title'")

[link](https://example.org/" onclick="window.atlasPwned = 'href-quote')

[ref][x]

[x]: https://example.org/ 'x" onmouseover="window.atlasPwned = 1'
"""
# Names and titles are plain text: anything goes in, escaped.
PLAIN_PAYLOAD = ' <script>window.atlasPwned = "plain"</script><img src=x onerror="window.atlasPwned=1">'


class Watched:
    """What a page did that it should not have: dialogs, CSP violations, console errors."""

    def __init__(self, page: Page) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.add_init_script(WATCH)
        page.on("dialog", self.on_dialog)
        page.on("console", self.on_console)

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(message.text)


def markdown_fields(folder: str) -> list[str]:
    """The fields of a kind that hold Markdown (the JSON Schema's contentMediaType says so)."""
    properties = KIND_BY_FOLDER[folder].model.model_json_schema()["properties"]
    return [name for name, schema in properties.items() if "text/markdown" in json.dumps(schema)]


def read_entry(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        data: dict[str, Any] = yaml.safe_load(text)
        return data
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data[KIND_BY_FOLDER[path.parent.name].model.BODY_FIELD] = body
    return data


def hostile_content(target: Path) -> Path:
    """The fixture tree with the payloads in every Markdown field, every name and title and a free page."""
    shutil.copytree(FIXTURE_CONTENT, target)
    for path in sorted(target.glob("*/*")):
        if path.parent.name == "pages":
            path.write_text(path.read_text(encoding="utf-8") + MARKDOWN_PAYLOAD, "utf-8")
            continue
        data = read_entry(path)
        fields = markdown_fields(path.parent.name)
        assert fields, path
        for field in fields:
            if data.get(field):  # an answer without status 'beantwoord' is an error of its own
                data[field] = f"{data[field]}\n{MARKDOWN_PAYLOAD}"
        for field in ("name", "title"):
            if field in data:
                data[field] += PLAIN_PAYLOAD
        path.unlink()
        path.with_suffix(".yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    base = tmp_path_factory.mktemp("hostile")
    config = AtlasConfig(content_dir=hostile_content(base / "content"), docs_dir=base / "docs", site_dir=base / "site")
    build_site(config.resolve())
    site = config.resolve().site_dir
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html"))
    with serve_folder(site) as url:
        yield url, pages


def test_no_script_of_hostile_content_runs(page: Page, hostile_site: tuple[str, list[str]]) -> None:
    url, pages = hostile_site
    entry_pages = [path for path in pages if path.count("/") == 2]
    assert len(entry_pages) >= 10, "every fixture entry has a page"
    watched = Watched(page)
    carrying = 0
    for path in pages:
        page.goto(f"{url}/{path.removesuffix('index.html')}")
        page.wait_for_load_state("networkidle")
        carrying += "atlasPwned" in page.content()
        for link in page.locator("a[href^='javascript:' i]").all():
            link.click()
        assert page.evaluate("() => window.atlasPwned") is None, path
        # A JSON-LD data block (generator/exchange/jsonld.py) is never run; any other script is.
        runnable = "article script:not([type='application/ld+json']), article iframe, article object, article [onerror]"
        assert page.locator(runnable).count() == 0, path
        assert page.locator("article script[type='application/ld+json']").count() <= 1, path
        assert page.locator("article [onclick], article [onmouseover]").count() == 0, path
    assert carrying >= len(entry_pages), "the payloads are on the pages, as text"
    assert page.evaluate("() => window.atlasViolations") == []
    assert watched.dialogs == []


def test_the_policy_blocks_what_a_sanitizer_let_through(page: Page, real_site: Path, tmp_path: Path) -> None:
    """The payload put into a built page behind the sanitizers' back: the policy alone stops it."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page_path = site / "over" / "index.html"
    html = page_path.read_text(encoding="utf-8")
    injected = PAYLOAD
    article = '<article class="md-content__inner md-typeset">'
    assert article in html
    page_path.write_text(html.replace(article, article + injected), "utf-8")
    watched = Watched(page)
    with serve_folder(site) as url:
        page.goto(f"{url}/over/")
        page.wait_for_load_state("networkidle")
        assert page.locator("#hostile-submit").count() == 1, "the payload is on the page"
        for link in page.locator("a[href^='javascript:' i]").all():
            link.click()
        page.locator("#hostile-submit").click()
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.atlasPwned") is None
        violations = page.evaluate("() => window.atlasViolations")
    assert watched.dialogs == []
    blocked = {violation.split()[0] for violation in violations}
    assert {"script-src-elem", "script-src-attr", "form-action"} <= blocked, violations


def entry_pages(real_site: Path) -> list[str]:
    """One entry page of every kind that has entries."""
    pages = []
    for kind in KIND_BY_FOLDER.values():
        entries = sorted((real_site / kind.section).glob("*/index.html"))
        if entries:
            pages.append(f"{entries[0].parent.relative_to(real_site).as_posix()}/")
    assert len(pages) >= 7
    return pages


def assert_clean(page: Page, watched: Watched, where: str) -> None:
    violations = page.evaluate("() => window.atlasViolations")
    assert violations == [], f"{where}: {violations}"
    policy_errors = [text for text in watched.console if "Content Security Policy" in text]
    assert policy_errors == [], f"{where}: {policy_errors}"


def test_the_real_site_runs_without_a_violation(page: Page, site_url: str, real_site: Path) -> None:
    watched = Watched(page)
    overviews = [f"{kind.section}/" for kind in KIND_BY_FOLDER.values()]
    for path in ["", *overviews, *entry_pages(real_site), "signalen/", "overzicht/", "over/", "404.html"]:
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        assert_clean(page, watched, path)
    assert watched.dialogs == []


def test_search_runs_without_a_violation(page: Page, site_url: str) -> None:
    watched = Watched(page)
    page.goto(f"{site_url}/zoeken/?q=klimaat")
    wait_ready(page)
    expect(page.locator(".atlas-result").first).to_be_visible()
    page.wait_for_function("() => document.querySelector('script[src*=bundle]') !== null")
    page.wait_for_load_state("networkidle")
    page.locator("#atlas-q").fill("water")
    page.locator("#atlas-q").press("Enter")
    expect(page.locator(".atlas-result mark").first).to_be_visible()
    page.locator("#f-type-partner").check()
    expect(page.locator("#atlas-status")).to_contain_text("resulta")
    page.wait_for_load_state("networkidle")
    assert_clean(page, watched, "zoeken")


def test_the_question_form_runs_without_a_violation(page: Page, site_url: str) -> None:
    watched = Watched(page)
    page.goto(f"{site_url}/vraag-stellen/")
    go_to_last_step(page, "Hoe houden we wijken koel in hete zomers?", ["klimaatadaptatie"])
    page.wait_for_load_state("networkidle")
    assert_clean(page, watched, "vraag-stellen")
