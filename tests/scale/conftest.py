"""The real mkdocs.yml for a build outside the project folder, shared by the tests of the parallel build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import PROJECT_ROOT

SITE_URL = "https://atlas.example.org/"


def write_mkdocs_file(path: Path) -> Path:
    """The real mkdocs.yml at ``path``, with this test's site_url (so that the sitemap lists every page: without
    one it is empty) and the theme found from anywhere."""
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: generator/theme", f"custom_dir: {PROJECT_ROOT / 'generator' / 'theme'}")
    text = re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}", text, count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mkdocs_file(tmp_path: Path) -> Path:
    return write_mkdocs_file(tmp_path / "mkdocs.yml")
