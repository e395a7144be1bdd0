"""The question form (/vraag-stellen/) in a real headless Chromium on the real site."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from generator.broker.askform import FIELD_IDS, ISSUE_FORM_PATH
from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from tests.conftest import REAL_CONTENT, CliResult

pytestmark = pytest.mark.browser

SETTINGS: dict[str, Any] = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["atlas"]
QUESTION = "Hoe gaan we om met hittestress in Friesland? We hebben data nodig."


def focused(page: Page) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.tagName"))


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if focused(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}; focus is on {focused(page)}")


def press_next(page: Page) -> None:
    tab_to(page, "atlas-ask-next")
    page.keyboard.press("Enter")


def expect_step(page: Page, number: int) -> None:
    expect(page.locator("#atlas-ask-progress")).to_have_text(f"Stap {number} van 7")
    legend = page.locator(f'fieldset[data-step="{number}"] legend')
    expect(legend).to_be_visible()
    expect(legend).to_be_focused()


def issue_form_prefillable_ids() -> list[str]:
    body = yaml.safe_load(ISSUE_FORM_PATH.read_text(encoding="utf-8"))["body"]
    return [element["id"] for element in body if element["type"] in ("input", "textarea")]


def test_keyboard_walk_from_first_step_to_last(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    expect(page.locator("#atlas-ask")).to_be_visible()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 1 van 7")
    expect(page.locator("#atlas-ask-progress")).to_have_attribute("aria-live", "polite")

    # Step 1: Next on an empty question says what is missing, tied to the field.
    press_next(page)
    question = page.locator("#ask-question")
    expect(page.locator("#ask-question-error")).to_be_visible()
    expect(page.locator("#ask-question-error")).to_contain_text("Schrijf eerst je vraag op")
    expect(question).to_be_focused()
    expect(question).to_have_attribute("aria-invalid", "true")
    assert "ask-question-error" in (question.get_attribute("aria-describedby") or "").split()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 1 van 7")
    page.keyboard.type(QUESTION)
    expect(page.locator("#ask-question-error")).to_be_hidden()
    expect(question).not_to_have_attribute("aria-invalid", "true")
    press_next(page)

    # Step 2: the theme named in the question is suggested and ticked; Space ticks another.
    expect_step(page, 2)
    expect(page.locator("#ask-theme-klimaatadaptatie")).to_be_checked()
    expect(page.locator('[data-suggested-for="klimaatadaptatie"]')).to_be_visible()
    expect(page.locator("#ask-themes-suggested")).to_have_text("Voorgesteld op basis van je vraag: Klimaatadaptatie.")
    tab_to(page, "ask-theme-droogte")
    page.keyboard.press("Space")
    expect(page.locator("#ask-theme-droogte")).to_be_checked()
    press_next(page)

    # Step 3: Friesland is recognised as Fryslân; arrow keys move the choice and back.
    expect_step(page, 3)
    expect(page.locator("#ask-region-fryslan")).to_be_checked()
    expect(page.locator("#ask-region-suggested")).to_contain_text("Fryslân")
    tab_to(page, "ask-region-fryslan")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#ask-region-noord-brabant")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#ask-region-fryslan")).to_be_checked()
    press_next(page)

    # Step 4: who is involved, and for whom.
    expect_step(page, 4)
    tab_to(page, "ask-involved")
    page.keyboard.type("gemeente & woningcorporatie")
    page.keyboard.press("Tab")
    page.keyboard.type("ouderen in oude wijken")
    press_next(page)

    # Step 5: what is known.
    expect_step(page, 5)
    tab_to(page, "ask-known")
    page.keyboard.type("Koele plekken helpen.\nBomen planten duurt lang.")
    press_next(page)

    # Step 6: "data" in the question ticks Data; Space adds Advies; a date by keyboard.
    expect_step(page, 6)
    expect(page.locator("#ask-need-data")).to_be_checked()
    tab_to(page, "ask-need-advies")
    page.keyboard.press("Space")
    tab_to(page, "ask-deadline")
    page.keyboard.type("03032027")  # day = month: the same in dd-mm and mm/dd order
    expect(page.locator("#ask-deadline")).to_have_value("2027-03-03")
    press_next(page)

    # Step 7: the well-formed question, and the ways to send it, all reachable by Tab.
    expect_step(page, 7)
    expect(page.locator("#atlas-ask-next")).to_be_hidden()
    review = page.locator("#ask-review").input_value()
    for part in [
        "Kennisvraag: Hoe gaan we om met hittestress in Friesland?",
        QUESTION,
        "Thema's: Droogte; Klimaatadaptatie",
        "Regio: Fryslân",
        "Betrokken: gemeente & woningcorporatie",
        "Doelgroep: ouderen in oude wijken",
        "Nodig: Data; Advies",
        "Nodig vóór: 3 maart 2027",
        "Koele plekken helpen.\nBomen planten duurt lang.",
    ]:
        assert part in review
    for element_id in ("ask-send-github", "ask-send-mail", "ask-send-copy", "ask-send-yaml"):
        tab_to(page, element_id)

    github = page.locator("#ask-send-github").get_attribute("href") or ""
    parts = urlsplit(github)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == SETTINGS["repo_url"] + "/issues/new"
    query = {name: values[0] for name, values in parse_qs(parts.query, keep_blank_values=True).items()}
    assert list(query) == ["template", "title", *FIELD_IDS]
    assert list(query)[2:] == issue_form_prefillable_ids(), "the link fills in every field of the issue form"
    assert query == {
        "template": "kennisvraag.yml",
        "title": "Kennisvraag: Hoe gaan we om met hittestress in Friesland?",
        "question": QUESTION,
        "themes": "Droogte; Klimaatadaptatie",
        "region": "Fryslân",
        "involved": "gemeente & woningcorporatie",
        "target_group": "ouderen in oude wijken",
        "known": "Koele plekken helpen.\nBomen planten duurt lang.",
        "needs": "Data; Advies",
        "deadline": "2027-03-03",
    }

    # Fryslân's trekker has no e-mail address and the atlas has no national one yet: the mail opens
    # without an address, and the page says so.
    mail = page.locator("#ask-send-mail").get_attribute("href") or ""
    address, _, mail_query = mail.removeprefix("mailto:").partition("?")
    assert SETTINGS["contact_email"] == ""
    assert address == ""
    fields = {name: values[0] for name, values in parse_qs(mail_query).items()}
    assert fields["subject"] == "Kennisvraag: Hoe gaan we om met hittestress in Friesland?"
    assert fields["body"] == review
    expect(page.locator("#ask-send-mail-to")).to_contain_text("deze regio heeft nog geen e-mailadres")
    expect(page.locator("#ask-send-mail-to")).to_contain_text("Vul zelf het adres in")


def test_themes_step_needs_a_theme(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    fill_question(page, "Een vraag zonder bekend onderwerp, xyzzy.")
    assert checked(page, "themes") == []
    page.locator("#atlas-ask-next").click()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 2 van 7")
    page.locator("#atlas-ask-next").click()
    expect(page.locator("#ask-themes-error")).to_be_visible()
    expect(page.locator("#ask-theme-bodem-en-ondergrond")).to_be_focused()
    step = page.locator('fieldset[data-step="2"]')
    assert (step.get_attribute("aria-describedby") or "").split() == ["ask-themes-hint", "ask-themes-error"]
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 2 van 7")
    page.locator("#ask-theme-cultuur").check()
    expect(page.locator("#ask-themes-error")).to_be_hidden()
    page.locator("#atlas-ask-next").click()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 3 van 7")


def test_live_suggestions_show_names_links_and_reasons(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    results = page.locator("#atlas-ask-results")
    expect(results).to_have_attribute("aria-live", "polite")
    page.locator("#ask-question").press_sequentially("Zijn er straks nog voldoende mantelzorgers in Utrecht?")
    expect(results.get_by_role("heading", name="Kennispartners")).to_be_visible()
    expect(results.get_by_role("heading", name="Eerdere vragen")).to_be_visible()
    earlier = results.get_by_role("link", name="Zijn er straks nog voldoende mantelzorgers?")
    expect(earlier).to_have_attribute("href", "../vragen/voldoende-mantelzorgers/")
    item = results.locator("li", has=page.get_by_role("link", name="Zijn er straks nog voldoende mantelzorgers?"))
    expect(item).to_contain_text("Mantelzorg")
    expect(item).to_contain_text("in Utrecht (provincie)")
    earlier.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zijn er straks nog voldoende mantelzorgers?")


def fill_question(page: Page, question: str) -> None:
    """Type the question and wait for the suggestions it brings (ticked themes, region, needs)."""
    page.locator("#ask-question").fill(question)
    page.wait_for_function("q => window.AtlasAskSuggest && (AtlasAskSuggest.shownFor || {}).text === q", arg=question)


def checked(page: Page, name: str) -> list[str]:
    return list(page.locator(f'input[name="{name}"]:checked').evaluate_all("boxes => boxes.map(b => b.value)"))


def go_to_last_step(page: Page, question: str, themes: list[str], region: str = "") -> None:
    fill_question(page, question)
    page.locator("#atlas-ask-next").click()
    for theme in themes:
        page.locator(f"#ask-theme-{theme}").check()
    page.locator("#atlas-ask-next").click()
    page.locator(f"#ask-region-{region or 'landelijk'}").check()
    for _ in range(4):
        page.locator("#atlas-ask-next").click()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 7 van 7")


TRICKY = {
    "question": 'Wat kost "hittestress": #1 of - 50% van de zorg?\n  Tweede regel: {a: b} & <b>vet</b> 🌡️',
    "title": "",
    "involved": "GGD, gemeente: 'Noord'",
    "known": "- een lijst\n\n  ingesprongen\ttab\n# geen kop",
}


@pytest.mark.parametrize("tricky", [False, True], ids=["plain", "tricky-text"])
def test_downloaded_yaml_passes_atlas_validate(
    page: Page, site_url: str, tmp_path: Path, atlas_cli: Callable[..., CliResult], tricky: bool
) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    question = TRICKY["question"] if tricky else "Hoe houden we wijken koel in Fryslân?"
    go_to_last_step(page, question, ["klimaatadaptatie", "mantelzorg"], region="fryslan")
    if tricky:
        page.locator("#atlas-ask-back").click()
        page.locator("#atlas-ask-back").click()
        page.locator("#ask-known").fill(TRICKY["known"])
        page.locator("#atlas-ask-back").click()
        page.locator("#ask-involved").fill(TRICKY["involved"])
        for _ in range(3):
            page.locator("#atlas-ask-next").click()
    themes = checked(page, "themes")
    assert {"klimaatadaptatie", "mantelzorg"} <= set(themes)
    with page.expect_download() as download_info:
        page.locator("#ask-send-yaml").click()
    download = download_info.value
    expect(page.locator("#ask-send-yaml-status")).to_contain_text(download.suggested_filename)

    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    target = content / "questions" / download.suggested_filename
    assert not target.exists()
    download.save_as(target)
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 0, result.err + target.read_text(encoding="utf-8")

    stem = download.suggested_filename.removesuffix(".yml")
    entry = gather(AtlasConfig(content_dir=content).resolve()).get("question", stem)
    assert entry.question == question.strip()
    assert entry.region == "fryslan"
    assert entry.themes == themes
    assert [str(domain) for domain in entry.domains] == ["fysiek", "sociaal"]
    assert entry.status == "ingediend"
    if tricky:
        assert stem == "wat-kost-hittestress-1-of-50-van-de-zorg"
        assert entry.title == 'Wat kost "hittestress": #1 of - 50% van de zorg?'
        assert TRICKY["known"] in (entry.context or "")
        assert "**Betrokken:** GGD, gemeente: 'Noord'" in (entry.context or "")
    else:
        assert stem == "hoe-houden-we-wijken-koel-in-fryslan"
        assert entry.context is None


def test_copy_puts_the_text_on_the_clipboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="nl-NL", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}/vraag-stellen/")
    go_to_last_step(page, "Hoe bereiken we eenzame ouderen?", ["kwetsbare-groepen"])
    page.locator("#ask-send-copy").click()
    expect(page.locator("#ask-send-copy-status")).to_have_text("De tekst staat op het klembord.")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#ask-review").input_value()
    context.close()


def test_reload_keeps_the_draft_and_begin_opnieuw_clears_it(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    fill_question(page, "Hoe krijgen we meer mantelzorgers in Twente?")
    expect(page.locator("#ask-theme-mantelzorg")).to_be_checked()
    expect(page.locator("#ask-region-twente")).to_be_checked()
    page.locator("#atlas-ask-next").click()
    page.locator("#ask-theme-sociale-samenhang").check()
    page.locator("#atlas-ask-next").click()
    page.locator("#ask-region-utrecht").check()  # chosen: the suggestion (Twente) no longer applies
    page.reload()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 3 van 7")
    expect(page.locator("#ask-region-utrecht")).to_be_checked()
    expect(page.locator('fieldset[data-step="3"]')).to_be_visible()
    assert page.locator("#ask-question").input_value() == "Hoe krijgen we meer mantelzorgers in Twente?"
    expect(page.locator("#ask-theme-sociale-samenhang")).to_be_checked()
    expect(page.locator("#ask-theme-mantelzorg")).to_be_checked()

    page.locator("#atlas-ask-reset").click()
    expect(page.locator("#atlas-ask-progress")).to_have_text("Stap 1 van 7")
    expect(page.locator("#ask-question")).to_have_value("")
    expect(page.locator("#ask-question")).to_be_focused()
    page.reload()
    expect(page.locator("#ask-question")).to_have_value("")
    expect(page.locator("#ask-theme-sociale-samenhang")).not_to_be_checked()


def test_nothing_is_sent_until_the_asker_chooses(page: Page, site_url: str) -> None:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    page.goto(f"{site_url}/vraag-stellen/")
    go_to_last_step(page, "Hoe houden we wijken koel in Fryslân?", ["klimaatadaptatie"], region="fryslan")
    assert {method for method, _ in requests} == {"GET"}
    assert {urlsplit(url).netloc for _, url in requests} == {urlsplit(site_url).netloc}
    fetched = [urlsplit(url).path for _, url in requests if urlsplit(url).path.endswith(".json")]
    assert fetched == ["/broker/match.json"]


def test_without_javascript_the_guidance_and_contact_points(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}/vraag-stellen/")
    expect(page.locator("#atlas-ask")).to_be_hidden()
    expect(page.get_by_role("heading", name="Zo stel je je vraag")).to_be_visible()
    expect(page.get_by_role("heading", name="Schakelpunten per regio")).to_be_visible()
    expect(page.get_by_role("heading", name="Fryslân")).to_be_visible()
    expect(page.locator("article")).to_contain_text("je kunt terecht bij Fries Sociaal Planbureau")
    expect(page.get_by_role("link", name="https://planbureaufryslan.nl")).to_be_visible()
    context.close()


def test_mail_goes_to_the_regions_contact_point(page: Page, fixture_site_url: str) -> None:
    page.goto(f"{fixture_site_url}/vraag-stellen/")
    go_to_last_step(page, "Hoe houden we wijken koel?", ["klimaatadaptatie"], region="voorbeeldregio")
    mail = page.locator("#ask-send-mail").get_attribute("href") or ""
    assert mail.startswith("mailto:info@example.com?subject=")
    assert unquote(mail.partition("&body=")[2]) == page.locator("#ask-review").input_value()
    expect(page.locator("#ask-send-mail-to")).to_contain_text("info@example.com")
    expect(page.locator("#ask-send-mail-to")).to_contain_text("trekker van de schakelfunctie in Voorbeeldregio")
    page.locator("#atlas-ask-back").click()
    page.locator("#atlas-ask-back").click()
    page.locator("#atlas-ask-back").click()
    page.locator("#atlas-ask-back").click()
    page.locator("#ask-region-landelijk").check()
    for _ in range(4):
        page.locator("#atlas-ask-next").click()
    national = page.locator("#ask-send-mail").get_attribute("href") or ""
    assert national.startswith("mailto:?subject=")  # no national address configured
    # With a national address configured (extra.atlas.contact_email), a landelijk question goes there.
    target = page.evaluate("() => AtlasAskCompose.mailTarget({region: ''}, {regions: {}}, 'kennisvraag@example.org')")
    assert target == {"email": "kennisvraag@example.org", "via": ""}


def test_a_question_too_long_for_a_link_says_so(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    go_to_last_step(page, "Hoe houden we wijken koel? " + "Meer uitleg bij de vraag. " * 400, ["klimaatadaptatie"])
    expect(page.locator("#ask-send-github-long")).to_be_visible()
    page.locator("#atlas-ask-back").click()
    for _ in range(5):
        page.locator("#atlas-ask-back").click()
    page.locator("#ask-question").fill("Hoe houden we wijken koel?")
    for _ in range(6):
        page.locator("#atlas-ask-next").click()
    expect(page.locator("#ask-send-github-long")).to_be_hidden()


def test_nothing_is_submitted_before_the_script_takes_the_form_over(page: Page, site_url: str) -> None:
    """The form shows from the first paint; until form.js runs, its buttons are disabled, so a click or
    Enter cannot send the question the browser's way (into the address)."""
    page.route("**/assets/ask/form.js", lambda route: route.abort())
    page.goto(f"{site_url}/vraag-stellen/")
    expect(page.locator("#atlas-ask")).to_be_visible()
    expect(page.locator("#atlas-ask-next")).to_be_disabled()
    expect(page.locator("#atlas-ask-reset")).to_be_disabled()
    page.locator("#ask-question").fill("Een vraag die nergens heen mag")
    page.locator("#ask-title").press("Enter")
    page.wait_for_timeout(300)
    assert "?" not in page.url
    assert "vraag" not in (urlsplit(page.url).query + urlsplit(page.url).fragment)
