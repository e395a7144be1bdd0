"""The question form's suggestions are `atlas match`'s results: one method, two runtimes.

Every question in parity_questions.txt goes through `atlas match --json` (in-process) and through
the matcher in the built page, with the ask the page itself makes of a typed question; a few go
through the real form, typed into the page, and are compared group by group with what it shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.broker.test_evaluation_data import load_parity_questions
from tests.conftest import CliResult

pytestmark = pytest.mark.browser

LIMIT = 5
GROUPS = ("partner", "practice", "question")
"""The groups the form shows, each with at most LIMIT results (assets/ask/suggest.js)."""
TYPED = [
    "Hoe gaan we om met hittestress in Friesland?",
    "Zijn er straks nog voldoende mantelzorgers?",
    "Welke data zijn er over droogte en landbouw in Twente?",
    "Hoe betrekken we bewoners bij plannen voor hun buurt?",
    "xyzzy plugh",
]


def key(match: dict[str, Any]) -> tuple[str, str, float]:
    return (match["type"], match["id"], round(match["score"], 6))


def cli_matches(atlas_cli: Callable[..., CliResult], question: str, *options: str) -> list[dict[str, Any]]:
    result = atlas_cli("match", question, "--json", *options)
    assert result.code == 0, result.err
    matches: list[dict[str, Any]] = json.loads(result.out)
    return matches


def open_form(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/vraag-stellen/")
    # Functions, not expressions: Playwright evaluates an expression with eval, which the site's CSP forbids.
    page.wait_for_function("() => window.AtlasAskSuggest && window.AtlasAskSuggest.ready !== null")
    page.wait_for_function("() => AtlasAskSuggest.updates > 0")  # the update for the empty form is done


def test_page_matcher_equals_atlas_match_on_the_parity_questions(
    page: Page, site_url: str, atlas_cli: Callable[..., CliResult]
) -> None:
    questions = load_parity_questions()
    assert len(questions) >= 50
    open_form(page, site_url)
    in_page: list[list[dict[str, Any]]] = page.evaluate(
        """([questions, limit]) => AtlasAskSuggest.ready.then(matcher => questions.map(question => {
            const untouched = {themes: false, region: false, needs: false};
            const draft = {question: question, themes: [], region: "", needs: []};
            return matcher.match(AtlasAskSuggest.ask(draft, untouched), {limit: limit});
        }))""",
        [questions, LIMIT],
    )
    differences = []
    for question, page_matches in zip(questions, in_page, strict=True):
        expected = cli_matches(atlas_cli, question, "--limit", str(LIMIT))
        if [key(m) for m in page_matches] != [key(m) for m in expected]:
            differences.append(
                f"{question!r}: page {[key(m) for m in page_matches]} != cli {[key(m) for m in expected]}"
            )
        elif [(m["parts"], m["reasons"]) for m in page_matches] != [(m["parts"], m["reasons"]) for m in expected]:
            differences.append(f"{question!r}: same ranking, other parts or reasons")
    assert differences == []
    assert sum(1 for matches in in_page if matches) >= len(questions) // 2, "most questions should match something"


def shown_groups(page: Page) -> dict[str, list[tuple[str, str, float]]]:
    items: list[dict[str, str]] = page.locator("#atlas-ask-results li").evaluate_all(
        "items => items.map(li => ({type: li.dataset.type, id: li.dataset.id, score: li.dataset.score}))"
    )
    groups: dict[str, list[tuple[str, str, float]]] = {kind: [] for kind in GROUPS}
    for item in items:
        groups[item["type"]].append((item["type"], item["id"], round(float(item["score"]), 6)))
    return groups


def expected_groups(matches: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, float]]]:
    return {kind: [key(m) for m in matches if m["type"] == kind][:LIMIT] for kind in GROUPS}


def wait_until_shown_for(page: Page, ask: dict[str, Any]) -> None:
    """Until the suggestions on screen are those for this ask (they follow the form after a pause)."""
    page.wait_for_function(
        """wanted => {
            const shown = AtlasAskSuggest.shownFor;
            const same = k => JSON.stringify(shown[k]) === JSON.stringify(wanted[k]);
            return shown !== null && Object.keys(wanted).every(same);
        }""",
        arg=ask,
    )


def type_question(page: Page, question: str) -> None:
    page.locator("#ask-question").fill(question)
    wait_until_shown_for(page, {"text": question})


@pytest.mark.parametrize("question", TYPED)
def test_typed_question_shows_atlas_match_per_group(
    page: Page, site_url: str, atlas_cli: Callable[..., CliResult], question: str
) -> None:
    open_form(page, site_url)
    type_question(page, question)
    expected = expected_groups(cli_matches(atlas_cli, question, "--limit", "1000"))
    assert shown_groups(page) == expected
    if not any(expected.values()):
        assert "Nog niets gevonden" in page.locator("#atlas-ask-results").inner_text()


def test_chosen_region_themes_and_needs_go_into_the_ask(
    page: Page, site_url: str, atlas_cli: Callable[..., CliResult]
) -> None:
    question = "Hoe houden we ouderen gezond in de zomer?"
    open_form(page, site_url)
    type_question(page, question)
    page.locator("#atlas-ask-next").click()
    page.locator("#ask-theme-langer-thuis-wonen").check()
    page.locator("#ask-theme-klimaatadaptatie").check()
    page.locator("#atlas-ask-next").click()
    page.locator("#ask-region-utrecht").check()
    for _ in range(3):
        page.locator("#atlas-ask-next").click()
    page.locator("#ask-need-advies").check()
    chosen = {"region": "utrecht", "themes": ["klimaatadaptatie", "langer-thuis-wonen"], "needs": ["advies"]}
    wait_until_shown_for(page, {"text": question, **chosen})
    options = ["--region", "utrecht", "--theme", "klimaatadaptatie", "--theme", "langer-thuis-wonen"]
    expected = expected_groups(cli_matches(atlas_cli, question, *options, "--needs", "advies", "--limit", "1000"))
    assert shown_groups(page) == expected
    without_choices = expected_groups(cli_matches(atlas_cli, question, "--limit", "1000"))
    assert expected != without_choices, "the choices should change the suggestions, or this test proves nothing"
