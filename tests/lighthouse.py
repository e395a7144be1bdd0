"""Lighthouse (npm ``lighthouse`` 12, its mobile defaults, Chromium) against a site served gzipped,
as GitHub Pages serves it. Shared by tests/test_lighthouse.py (scores asserted) and bench/lighthouse.py
(the performance score reported: it moves with the machine's load)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.config import PROJECT_ROOT
from tests.browser import CHROMIUM, CHROMIUM_ARGS, GzipHandler, serve_folder

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The page types measured, by name: a path on the site (with a query for the search page).
PAGES = {
    "home": "",
    "overzicht-soort": "partners/",
    "item": "partners/rivm/",
    "zoeken": "zoeken/?q=klimaat",
    "vraag-stellen": "vraag-stellen/",
    "signalen": "signalen/",
    "overzicht": "overzicht/",
}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")


@contextmanager
def serve_gzipped(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP, text gzipped, on a free loopback port; yields the base URL."""
    with serve_folder(folder, GzipHandler) as url:
        yield url


@dataclass(frozen=True)
class Report:
    url: str
    scores: dict[str, int]
    """Per category, 0–100."""
    layout_shift: float
    """Cumulative layout shift."""
    failed: dict[str, list[str]]
    """Per category, the audits that did not pass (id: title)."""
    metrics: dict[str, float]
    """First contentful paint, largest contentful paint, total blocking time (ms)."""


def _failed(result: dict[str, object], category: str) -> list[str]:
    audits: dict[str, dict[str, object]] = result["audits"]  # type: ignore[assignment]
    categories: dict[str, dict[str, list[dict[str, object]]]] = result["categories"]  # type: ignore[assignment]
    failed = []
    for ref in categories[category]["auditRefs"]:
        audit = audits[str(ref["id"])]
        score = audit.get("score")
        if ref.get("weight") and isinstance(score, int | float) and score < 1:
            failed.append(f"{ref['id']}: {audit['title']}")
    return failed


def lighthouse(url: str, categories: tuple[str, ...] = CATEGORIES) -> Report:
    """One Lighthouse run on its mobile defaults; raises ``RuntimeError`` when Lighthouse fails.
    Without the performance category only its layout-shift audit runs (a third faster)."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} ontbreekt: npm ci --ignore-scripts (make test doet dat)")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(categories)}",
            *([] if "performance" in categories else ["--only-audits=cumulative-layout-shift"]),
            f"--chrome-flags={flags}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"lighthouse {url} failed ({done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(done.stdout)
    if result.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url}: {result['runtimeError']}")
    audits = result["audits"]
    return Report(
        url=url,
        scores={name: round(result["categories"][name]["score"] * 100) for name in categories},
        layout_shift=audits["cumulative-layout-shift"]["numericValue"],
        failed={name: _failed(result, name) for name in categories},
        metrics={name: audits[name]["numericValue"] for name in METRICS if name in audits},
    )
