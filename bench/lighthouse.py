"""Lighthouse per page type of the real site: the performance score, which moves with the machine's
load and so is reported here rather than asserted by a test, beside the other three scores and the
layout shift that ``tests/test_lighthouse.py`` asserts."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from tests.browser import GzipHandler, serve_folder
from tests.lighthouse import PAGE_TYPES, lighthouse


def lighthouse_figures(site: Path, page_types: list[str]) -> dict[str, Any]:
    """{page type: scores and layout shift}, one Lighthouse run each, the site served gzipped."""
    figures: dict[str, Any] = {}
    with serve_folder(site, GzipHandler) as base, tempfile.TemporaryDirectory() as work:
        for page_type in page_types:
            report = lighthouse(base + PAGE_TYPES[page_type], Path(work) / f"{page_type}.json")
            figures[page_type] = {**report.scores, "layout_shift": report.layout_shift}
    return figures


def lighthouse_table(figures: dict[str, Any]) -> str:
    lines = ["Lighthouse 12, mobile defaults, real site served gzipped", ""]
    lines.append(f"{'page type':<12} {'performance':>11} {'access.':>8} {'best pr.':>8} {'SEO':>5} {'CLS':>6}")
    for page_type, scores in figures.items():
        numbers = [scores[name] * 100 for name in ("performance", "accessibility", "best-practices", "seo")]
        row = f"{page_type:<12} {numbers[0]:>11.0f} {numbers[1]:>8.0f} {numbers[2]:>8.0f} {numbers[3]:>5.0f}"
        lines.append(f"{row} {scores['layout_shift']:>6.3f}")
    return "\n".join(lines)
