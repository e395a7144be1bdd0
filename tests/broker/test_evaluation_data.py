"""The matcher's evaluation data is well-formed and names only what exists in the real content.

The data itself (evaluation.yml, parity_questions.txt) is written from the concept design, not from the
matcher; these tests only keep it consistent with the content tree, so a renamed or removed partner,
region or theme shows up here, by item, instead of as a silently worse evaluation score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.atlas import Atlas
from generator.build import gather
from generator.config import AtlasConfig
from generator.vocab import Offer

HERE = Path(__file__).parent
EVALUATION = HERE / "evaluation.yml"
PARITY = HERE / "parity_questions.txt"

MIN_ITEMS = 24
MIN_PARITY_QUESTIONS = 50
MAX_STRUCTURED_ITEMS = 5
"""Most askers type free text only, so only a few items may carry region, themes or needs."""

REQUIRED_KEYS = ("question", "expect", "source")
STRUCTURED_KEYS = ("region", "themes", "needs")
ID_KINDS = ("partner", "practice", "question", "research", "network")
"""Kinds whose ids must not appear in a question: askers do not know them (region and theme ids are
left out because some, such as ``zuid-holland``, are also ordinary words)."""


def load_items() -> list[Any]:
    loaded = yaml.safe_load(EVALUATION.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, list) else []


def load_parity_questions() -> list[str]:
    lines = PARITY.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def parity_params() -> list[Any]:
    """One parameter per question, named by its line number in the file."""
    lines = PARITY.read_text(encoding="utf-8").splitlines()
    return [
        pytest.param(line, id=f"line{number}")
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]


ITEMS = load_items()
ITEM_PARAMS = [pytest.param(item, id=f"item{number:02d}") for number, item in enumerate(ITEMS, start=1)]


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return gather(AtlasConfig())


def test_evaluation_file_is_a_list_of_enough_items() -> None:
    assert isinstance(yaml.safe_load(EVALUATION.read_text(encoding="utf-8")), list)
    assert len(ITEMS) >= MIN_ITEMS


def test_questions_are_unique() -> None:
    questions = [str(item.get("question")) for item in ITEMS if isinstance(item, dict)]
    duplicates = sorted({question for question in questions if questions.count(question) > 1})
    assert duplicates == []


def test_few_items_carry_structured_fields() -> None:
    structured = [item for item in ITEMS if isinstance(item, dict) and set(item) & set(STRUCTURED_KEYS)]
    assert len(structured) <= MAX_STRUCTURED_ITEMS


@pytest.mark.parametrize("item", ITEM_PARAMS)
def test_item_has_only_known_keys_with_text(item: Any) -> None:
    assert isinstance(item, dict)
    assert set(item) - {*REQUIRED_KEYS, *STRUCTURED_KEYS} == set()
    for key in ("question", "source"):
        assert isinstance(item.get(key), str)
        assert item[key].strip(), f"{key} is empty"


@pytest.mark.parametrize("item", ITEM_PARAMS)
def test_item_expects_existing_partners(item: dict[str, Any], atlas: Atlas) -> None:
    expect = item.get("expect")
    assert isinstance(expect, list)
    assert expect, "expect is empty"
    assert len(expect) == len(set(expect)), "expect names a partner twice"
    unknown = [partner for partner in expect if partner not in atlas.entries["partner"]]
    assert unknown == []


@pytest.mark.parametrize("item", ITEM_PARAMS)
def test_item_structured_fields_exist(item: dict[str, Any], atlas: Atlas) -> None:
    if "region" in item:
        assert item["region"] in atlas.entries["region"]
    themes = item.get("themes", [])
    assert isinstance(themes, list)
    assert [theme for theme in themes if theme not in atlas.entries["theme"]] == []
    needs = item.get("needs", [])
    assert isinstance(needs, list)
    assert [need for need in needs if need not in {offer.value for offer in Offer}] == []


@pytest.mark.parametrize("item", ITEM_PARAMS)
def test_item_question_is_in_the_askers_own_words(item: dict[str, Any], atlas: Atlas) -> None:
    question = str(item.get("question", ""))
    ids = [key for kind in ID_KINDS for key in atlas.entries[kind] if "-" in key]
    assert [key for key in ids if key in question.lower()] == []
    copied = [entity.id for entity in atlas.of("question") if entity.question.strip() == question.strip()]
    assert copied == [], "the question copies a question from the content verbatim"


def test_parity_file_has_enough_distinct_questions() -> None:
    questions = load_parity_questions()
    assert len(questions) >= MIN_PARITY_QUESTIONS
    assert len(questions) == len(set(questions))


@pytest.mark.parametrize("question", parity_params())
def test_parity_question_is_one_clean_line(question: str) -> None:
    assert question == question.strip()
    assert "\t" not in question
