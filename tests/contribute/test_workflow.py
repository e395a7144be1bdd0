"""The from-issue workflow: started by a maintainer's label, no issue text in a script, one label per form."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import PROJECT_ROOT
from generator.contribute.formnames import CORRECTION_FORM, ISSUE_FORMS
from generator.contribute.issueforms import CONTRIBUTION_LABEL, TEMPLATE_DIR

WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "from-issue.yml"
FORMS = sorted(name for name in [*ISSUE_FORMS.values(), CORRECTION_FORM] if name != "kennisvraag.yml")


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def form_step_script() -> str:
    return str(next(step["run"] for step in steps() if step.get("id") == "form"))


def test_starts_only_on_the_maintainers_label() -> None:
    assert workflow()[True] == {"issues": {"types": ["labeled"]}}  # PyYAML reads `on` as True
    assert workflow()["jobs"]["convert"]["if"] == "github.event.label.name == 'naar-pull-request'"


def test_no_issue_text_in_a_script() -> None:
    for step in steps():
        expressions = re.findall(r"\$\{\{(.*?)\}\}", step.get("run", ""))
        assert expressions == [], step.get("name")
    assert "github.event.issue.body" not in WORKFLOW.read_text(encoding="utf-8")
    assert "github.event.issue.title" not in WORKFLOW.read_text(encoding="utf-8")


def test_every_checkout_keeps_no_credentials() -> None:
    checkouts = [step for step in steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_the_reading_job_may_only_read() -> None:
    assert workflow()["jobs"]["convert"]["permissions"] == {"contents": "read", "issues": "read"}


@pytest.mark.parametrize("name", FORMS)
def test_each_form_labels_its_issue_and_the_workflow_knows_the_label(name: str) -> None:
    form = yaml.safe_load((TEMPLATE_DIR / name).read_text(encoding="utf-8"))
    stem = Path(name).stem
    assert form["labels"] == [CONTRIBUTION_LABEL, stem]
    case_patterns = re.search(r"^\s*([a-z|]+)\)", form_step_script(), re.MULTILINE)
    assert case_patterns is not None
    assert stem in case_patterns[1].split("|")


@pytest.mark.parametrize(
    ("labels", "form"),
    [
        (["bijdrage", "praktijk"], "praktijk.yml"),
        (["correctie", "naar-pull-request"], "correctie.yml"),
        (["bijdrage", "praktijk; echo gehackt", "$(touch /tmp/x)"], ""),
        (["kennisvraag"], ""),
    ],
)
def test_the_form_step_picks_only_a_known_label(labels: list[str], form: str, tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"labels": [{"name": name} for name in labels]}}), encoding="utf-8")
    output = tmp_path / "output"
    output.touch()
    environment = {**os.environ, "GITHUB_EVENT_PATH": str(event), "GITHUB_OUTPUT": str(output)}
    result = subprocess.run(
        ["bash", "-e", "-c", form_step_script()], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == (0 if form else 1)
    assert output.read_text(encoding="utf-8") == (f"form={form}\n" if form else "")
