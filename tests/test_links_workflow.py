"""The weekly link check's issue step, run as written in links.yml with a stand-in `gh` that logs its calls."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import PROJECT_ROOT

WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "links.yml"
FAKE_GH = """\
#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%s' "$OPEN_ISSUE"; fi
for argument in "$@"; do
  if [ "$previous" = "--body-file" ]; then cp "$argument" "$GH_LOG.body"; fi
  previous=$argument
done
"""


def workflow() -> Any:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def issue_script() -> str:
    steps = workflow()["jobs"]["issue"]["steps"]
    return str(next(step["run"] for step in steps if "run" in step))


def run_issue_step(tmp_path: Path, status: str, open_issue: str, report: str) -> tuple[list[str], str | None]:
    """Run the step in a folder holding the report; returns the gh calls and the body it sent."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    (tmp_path / "linkcontrole.md").write_text(report, encoding="utf-8")
    log = tmp_path / "gh.log"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GH_LOG": str(log),
        "OPEN_ISSUE": open_issue,
        "STATUS": status,
    }
    bash = shutil.which("bash") or "/bin/bash"
    # As GitHub runs a `run:` step: bash --noprofile --norc -eo pipefail.
    subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", issue_script()], cwd=tmp_path, env=env, check=True
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    body = Path(f"{log}.body")
    return calls, body.read_text(encoding="utf-8") if body.exists() else None


def test_the_issue_job_alone_may_write_issues_and_runs_no_project_code() -> None:
    jobs = workflow()["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["issue"]["permissions"] == {"issues": "write"}
    steps = jobs["issue"]["steps"]
    assert not any("checkout" in step.get("uses", "") for step in steps)
    assert "atlas" not in issue_script()


def test_triggers_are_weekly_and_by_hand() -> None:
    triggers = workflow()[True]  # PyYAML reads the key `on` as True
    assert set(triggers) == {"schedule", "workflow_dispatch"}


def test_findings_open_a_new_issue_with_the_label(tmp_path: Path) -> None:
    calls, body = run_issue_step(tmp_path, "3", "", "## Controle van links en gegevens\n\n- iets\n")
    assert calls[0] == "issue list --label linkcontrole --state open --limit 1 --json number --jq .[0].number // empty"
    assert calls[1].startswith("label create linkcontrole --color FBCA04 --force")
    assert calls[2] == (
        "issue create --title Linkcontrole: links en gegevens nakijken --label linkcontrole --body-file body.md"
    )
    assert body == "## Controle van links en gegevens\n\n- iets\n"


def test_findings_update_the_open_issue(tmp_path: Path) -> None:
    calls, body = run_issue_step(tmp_path, "3", "42", "nieuw rapport\n")
    assert calls[1:] == ["issue edit 42 --body-file body.md"]
    assert body == "nieuw rapport\n"


def test_all_well_closes_the_open_issue(tmp_path: Path) -> None:
    calls, _ = run_issue_step(tmp_path, "0", "42", "Alles in orde\n")
    assert len(calls) == 2
    assert calls[1].startswith("issue close 42 --comment Bij de controle van ")


def test_all_well_without_an_issue_does_nothing_more(tmp_path: Path) -> None:
    calls, body = run_issue_step(tmp_path, "0", "", "Alles in orde\n")
    assert (len(calls), body) == (1, None)


@pytest.mark.parametrize("size", [20_000, 70_000])
def test_a_long_report_is_cut_to_fit_an_issue(tmp_path: Path, size: int) -> None:
    report = ("- `content/x.yml:1` é\n" * (size // 22 + 1))[:size]
    _, body = run_issue_step(tmp_path, "3", "7", report)
    assert body is not None
    assert len(body.encode("utf-8")) < 65_536
    assert body.endswith("workflow Linkcontrole.)\n") is (len(report.encode("utf-8")) > 60_000)
