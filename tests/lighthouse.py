"""Lighthouse 12 (npm, pinned in package.json) on the built site, for the tests and the benchmark.

Mobile defaults (Lighthouse's own: a mid-range phone, throttled), Debian's Chromium, and the
site served gzipped with a short cache lifetime, as GitHub Pages serves it.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import PROJECT_ROOT
from tests.browser import CHROMIUM

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_TYPES = {
    "home": "/",
    "overview": "/themas/",
    "theme": "/themas/klimaatadaptatie/",
    "partner": "/partners/rivm/",
    "question": "/vragen/voldoende-mantelzorgers/",
    "search": "/zoeken/?q=klimaat",
    "ask": "/vraag-stellen/",
    "signals": "/signalen/",
    "overzicht": "/overzicht/",
    "contribute": "/bijdragen/",
}
"""Page types Lighthouse checks: one of each kind of page a visitor meets."""


@dataclass(frozen=True)
class Report:
    scores: dict[str, float]
    layout_shift: float
    failing: dict[str, list[str]]
    """Per category, the audits that did not pass."""


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    audits = report["audits"]
    refs = report["categories"][category]["auditRefs"]
    return sorted(
        ref["id"]
        for ref in refs
        if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
    )


def lighthouse(url: str, output: Path, categories: tuple[str, ...] = CATEGORIES) -> Report:
    """One Lighthouse run on ``url``; the whole JSON report goes to ``output``. Without the performance
    category only its layout-shift audit runs, which makes a run about a third faster (the tests)."""
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(categories)}",
            *([] if "performance" in categories else ["--only-audits=cumulative-layout-shift"]),
            "--output=json",
            f"--output-path={output}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=300,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    return Report(
        scores={name: report["categories"][name]["score"] for name in categories},
        layout_shift=report["audits"]["cumulative-layout-shift"]["numericValue"],
        failing={name: failing_audits(report, name) for name in categories},
    )
