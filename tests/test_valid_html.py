"""Every page of the real site passes the Nu HTML Checker (vnu.jar from the npm package vnu-jar)
with no errors but those in tests/vnu_allowlist.json, each with its reason."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.config import PROJECT_ROOT
from generator.csp import material_templates

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = Path(__file__).parent / "vnu_allowlist.json"
THEME = PROJECT_ROOT / "generator" / "theme"
MATERIAL = material_templates()


def allowlist() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads(ALLOWLIST.read_text(encoding="utf-8"))["allowed"]
    return entries


def unexpected(messages: list[dict[str, Any]], allowed: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The errors no allowlist entry explains."""
    return [m for m in messages if not any(re.fullmatch(a["message"], m["message"]) for a in allowed)]


def stale(messages: list[dict[str, Any]], allowed: list[dict[str, str]]) -> list[dict[str, str]]:
    """The allowlist entries that explain no error (any more)."""
    return [a for a in allowed if not any(re.fullmatch(a["message"], m["message"]) for m in messages)]


def run_vnu(files: list[Path]) -> list[dict[str, Any]]:
    """One Java run for all files (the checker is slow to start); its errors."""
    if not VNU.exists():
        pytest.fail(f"{VNU} ontbreekt: npm ci --ignore-scripts (make test doet dat)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    return messages


def test_every_page_of_the_real_site_is_valid_html(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    names = {page.relative_to(real_site).as_posix() for page in pages}
    must = {"index.html", "404.html", "zoeken/index.html", "vraag-stellen/index.html", "signalen/index.html"}
    assert must | {"overzicht/index.html", "over/index.html", "partners/index.html"} <= names
    assert len(pages) > 100
    messages = run_vnu(pages)
    assert all(m["type"] == "error" for m in messages), [m for m in messages if m["type"] != "error"]
    allowed = allowlist()
    errors = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in unexpected(messages, allowed)]
    assert errors == [], "\n".join(errors[:20])
    assert stale(messages, allowed) == [], "remove allowlist entries that match nothing"


def test_every_allowlist_entry_has_a_reason() -> None:
    for entry in allowlist():
        assert set(entry) == {"message", "reason"}, entry
        assert entry["reason"].strip(), entry
        re.compile(entry["message"])


MESSAGES = [{"type": "error", "message": "Attribute “autocomplete” is not allowed here."}]


@pytest.mark.parametrize(
    ("allowed", "left", "unused"),
    [
        ([], 1, 0),
        ([{"message": "Attribute “autocomplete” is not allowed here.", "reason": "r"}], 0, 0),
        ([{"message": "Attribute “autocomplete”.*", "reason": "r"}], 0, 0),
        ([{"message": "Attribute “autocomplete”", "reason": "partial: no match"}], 1, 1),
        ([{"message": "Stray end tag.*", "reason": "r"}], 1, 1),
    ],
)
def test_the_allowlist_explains_errors_and_reports_entries_that_match_nothing(
    allowed: list[dict[str, str]], left: int, unused: int
) -> None:
    assert len(unexpected(MESSAGES, allowed)) == left
    assert len(stale(MESSAGES, allowed)) == unused


@pytest.mark.parametrize(
    ("override", "original", "changes"),
    [
        (
            "base.html",
            "base.html",
            [
                ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
                ('id="__search" autocomplete="off">', 'id="__search">'),
            ],
        ),
        (
            "partials/toc.html",
            "partials/toc.html",
            [(' for="__toc">', '{% if page in nav.pages %} for="__toc"{% endif %}>')],
        ),
    ],
)
def test_theme_overrides_are_materials_own_but_for_their_fix(
    override: str, original: str, changes: list[tuple[str, str]]
) -> None:
    """A material upgrade that changes these templates shows here, not as a quietly stale copy."""
    ours = (THEME / override).read_text(encoding="utf-8").split("-#}\n", 1)[1]
    theirs = (MATERIAL / original).read_text(encoding="utf-8").split("-#}\n", 1)[1]
    for old, new in changes:
        assert theirs.count(old) == 1
        theirs = theirs.replace(old, new)
    ours = re.sub(r"\{#-.*?-#\}\n\s*", "", ours, flags=re.DOTALL)
    assert ours == theirs, "".join(difflib.unified_diff(theirs.splitlines(True), ours.splitlines(True)))
