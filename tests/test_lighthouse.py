"""Lighthouse 12 on its mobile defaults, on every page type of the real site served gzipped: 100 for
accessibility, best practices and SEO, and a cumulative layout shift under 0.1. The performance score
moves with the machine's load: ``make bench`` reports it (bench/lighthouse.py)."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import GzipHandler, serve_folder
from tests.lighthouse import PAGE_TYPES, lighthouse

pytestmark = pytest.mark.browser

ASSERTED = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def gzipped_site_url(real_site: Path) -> Iterator[str]:
    with serve_folder(real_site, GzipHandler) as url:
        yield url


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_scores_100_and_does_not_shift(gzipped_site_url: str, path: str, tmp_path: Path) -> None:
    report = lighthouse(gzipped_site_url + path, tmp_path / "report.json", ASSERTED)
    for category in ASSERTED:
        assert report.scores[category] == 1, f"{category}: {report.failing[category]}"
    assert report.layout_shift < 0.1


def test_the_server_sends_text_gzipped(gzipped_site_url: str) -> None:
    request = urllib.request.Request(f"{gzipped_site_url}/zoeken/?q=klimaat", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"].startswith("text/html")
        assert response.read()[:2] == b"\x1f\x8b"
