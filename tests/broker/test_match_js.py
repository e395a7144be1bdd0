"""The browser's matcher (match.js) gives exactly what ``atlas match`` gives, on the same data."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.broker.match.data import match_data
from generator.broker.match.matcher import Ask, Matcher
from generator.build import ASSETS, gather
from generator.config import AtlasConfig
from tests.broker.test_evaluation_data import load_parity_questions

HERE = Path(__file__).parent
QUESTIONS = load_parity_questions()
WITH_FLAGS = [
    Ask("Wie helpt ons met cijfers?", region="fryslan", needs=("data",)),
    Ask("samen leren in het sociaal domein", themes=("sociaal-domein", "kwetsbare-groepen"), domain="sociaal"),
    Ask("water", region="noord-brabant", themes=("droogte",), needs=("onderzoek", "advies"), domain="fysiek"),
    Ask("", region="twente"),
    Ask("kenniscommunity ZZS"),
]


def run_js(data: dict[str, Any], asks: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    data_file = tmp_path / "match.json"
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    asks_file = tmp_path / "asks.json"
    asks_file.write_text(json.dumps(asks, ensure_ascii=False), encoding="utf-8")
    script = HERE.parent / "js" / "broker_match.js"
    output = subprocess.run(
        [
            "node",
            str(script),
            str(ASSETS / "vendor"),
            str(ASSETS / "broker" / "match.js"),
            str(data_file),
            str(asks_file),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[dict[str, Any]] = json.loads(output.stdout)
    return result


def as_js(ask: Ask) -> dict[str, Any]:
    return {
        "text": ask.text,
        "region": ask.region,
        "themes": list(ask.themes),
        "needs": list(ask.needs),
        "domain": ask.domain,
    }


@pytest.fixture(scope="module")
def real_data() -> dict[str, Any]:
    return match_data(gather(AtlasConfig().resolve()))


@pytest.mark.parametrize("kinds", [None, ["partner"], ["practice", "question"]])
def test_js_matches_python_on_the_parity_questions(
    real_data: dict[str, Any], kinds: list[str] | None, tmp_path: Path
) -> None:
    asks = [Ask(question) for question in QUESTIONS] + WITH_FLAGS
    matcher = Matcher(real_data)
    expected = [[m.as_json() for m in matcher.match(ask, limit=8, kinds=kinds)] for ask in asks]
    got = run_js(real_data, [{"ask": as_js(ask), "limit": 8, "kinds": kinds} for ask in asks], tmp_path)
    assert len(QUESTIONS) >= 50
    for ask, python, js in zip(asks, expected, got, strict=True):
        assert js["results"] == python, ask.text
        recognised = matcher.recognise(ask.text)
        assert js["recognised"] == {
            "themes": list(recognised.themes),
            "regions": list(recognised.regions),
            "needs": list(recognised.needs),
        }
    assert sum(1 for results in expected if results) > 40, "most parity questions find something"
    assert any(not results for results in expected), "and some find nothing at all"
