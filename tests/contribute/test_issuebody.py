"""Reading the body GitHub writes for an issue form, and turning answers into model values."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from generator.contribute.answers import to_value
from generator.contribute.formfields import FormField, form_fields
from generator.contribute.issuebody import read_body, split_choices, ticked
from generator.kinds import KIND_BY_KEY

LABELS = ("Naam", "Website", "Expertise")


def field(kind_key: str, name: str) -> FormField:
    return next(field for field in form_fields(KIND_BY_KEY[kind_key]) if field.name == name)


def test_answers_by_label_with_no_response_as_none() -> None:
    body = read_body(
        "### Naam\r\n\r\nGemeente Zwolle\r\n\r\n### Website\r\n\r\n_No response_\r\n\r\n"
        "### Expertise\r\n\r\nEerste alinea.\r\n\r\n#### Een kopje in de tekst\r\n\r\nTweede alinea.\r\n",
        LABELS,
    )
    assert body.answers == {
        "Naam": "Gemeente Zwolle",
        "Website": None,
        "Expertise": "Eerste alinea.\n\n#### Een kopje in de tekst\n\nTweede alinea.",
    }
    assert body.problems == []


def test_a_heading_that_is_no_label_stays_text() -> None:
    body = read_body("### Expertise\n\nIntro\n\n### Onze aanpak\n\nWe werken samen.", LABELS)
    assert body.answers["Expertise"] == "Intro\n\n### Onze aanpak\n\nWe werken samen."


def test_a_label_written_inside_an_answer_is_refused() -> None:
    """A contributor cannot slip in a second answer to another field."""
    text = (
        "### Naam\n\nGemeente Zwolle\n\n### Expertise\n\n```\n### Website\n\nhttps://kwaad.example\n```\n\n"
        "### Website\n\nhttps://www.zwolle.nl"
    )
    body = read_body(text, LABELS)
    assert [label for label, _ in body.problems] == ["Website"]
    assert "twee keer" in body.problems[0][1]


def test_a_missing_field_is_absent() -> None:
    assert "Website" not in read_body("### Naam\n\nX", LABELS).answers


@pytest.mark.parametrize(
    ("answer", "chosen", "unknown"),
    [
        ("Droogte", ["Droogte"], []),
        ("Droogte, Klimaatadaptatie", ["Droogte", "Klimaatadaptatie"], []),
        # Names with ', ' in them: the longest option first.
        (
            "Ministerie van Landbouw, Visserij en Natuur, Droogte",
            ["Ministerie van Landbouw, Visserij en Natuur", "Droogte"],
            [],
        ),
        ("Droogte, Hittestress, Klimaatadaptatie", ["Droogte", "Klimaatadaptatie"], ["Hittestress"]),
        ("Droogtes", [], ["Droogtes"]),
    ],
)
def test_split_choices(answer: str, chosen: list[str], unknown: list[str]) -> None:
    options = ["Droogte", "Klimaatadaptatie", "Ministerie van Landbouw, Visserij en Natuur", "Ministerie van Landbouw"]
    assert split_choices(answer, options) == (chosen, unknown)


def test_ticked_checkboxes() -> None:
    assert ticked("- [X] De bijeenkomst is (ook) online\n- [ ] Iets anders") == ["De bijeenkomst is (ook) online"]
    assert ticked(None) == []


@pytest.mark.parametrize(
    ("kind_key", "name", "answer", "value", "problem"),
    [
        ("partner", "name", "  Gemeente   Zwolle ", "Gemeente Zwolle", ""),
        ("partner", "kind", "Kennisinstituut", "kennisinstituut", ""),
        ("partner", "kind", "kennisinstituut", "kennisinstituut", ""),
        ("partner", "kind", "Bakkerij", None, "'Bakkerij' staat niet in de lijst"),
        ("partner", "domains", "Fysiek domein, Sociaal domein", ["fysiek", "sociaal"], ""),
        ("partner", "offers", None, None, ""),
        (
            "partner",
            "contact",
            "info@zwolle.nl\n038 498 9111",
            {"email": "info@zwolle.nl", "phone": "038 498 9111"},
            "",
        ),
        ("partner", "contact", "a@zwolle.nl\nb@zwolle.nl", {"email": "a@zwolle.nl"}, "geef één e-mailadres"),
        (
            "practice",
            "links",
            "Verslag | https://www.zwolle.nl/verslag\n\n- Kaart | met streep | https://www.zwolle.nl/kaart",
            [
                {"title": "Verslag", "url": "https://www.zwolle.nl/verslag"},
                {"title": "Kaart | met streep", "url": "https://www.zwolle.nl/kaart"},
            ],
            "",
        ),
        ("practice", "links", "https://www.zwolle.nl/verslag", [], "schrijf elke link als 'titel | https://…'"),
        (
            "research",
            "target_groups",
            "- Gemeenten\n* Provincies\n\nInwoners",
            ["Gemeenten", "Provincies", "Inwoners"],
            "",
        ),
        ("research", "start", "2027-01-31", date(2027, 1, 31), ""),
        ("research", "start", "2027-02-31", "2027-02-31", ""),
        ("research", "start", "31-01-2027", "31-01-2027", ""),
        ("event", "start", "2027-01-31T19:30", "2027-01-31T19:30", ""),
        ("event", "online", "- [X] De bijeenkomst is (ook) online", True, ""),
        ("event", "online", "- [ ] De bijeenkomst is (ook) online", False, ""),
        ("event", "online", None, False, ""),
    ],
)
def test_to_value(kind_key: str, name: str, answer: str | None, value: Any, problem: str) -> None:
    options = {"Kennisinstituut": "kennisinstituut", "Fysiek domein": "fysiek", "Sociaal domein": "sociaal"}
    converted, problems = to_value(field(kind_key, name), answer, options)
    assert converted == value
    assert problem in " ".join(problems) if problem else problems == []


def test_one_choice_only_for_a_single_reference() -> None:
    options = {"Twente": "twente", "Fryslân": "fryslan"}
    value, problems = to_value(field("research", "region"), "Twente, Fryslân", options)
    assert value is None
    assert problems == ["kies er één"]


def test_names_one_per_line_in_a_correction() -> None:
    options = {"Droogte": "droogte", "Wonen en woningmarkt": "wonen-en-woningmarkt"}
    value, problems = to_value(
        field("partner", "themes"), "droogte\nWonen en woningmarkt\nHitte", options, one_per_line=True
    )
    assert value == ["droogte", "wonen-en-woningmarkt"]
    assert problems == ["'Hitte' staat niet in de lijst"]
