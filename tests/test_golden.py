"""Golden output: the pages rendered from tests/fixtures/content, compared file by file.

After an intended change in the rendered pages, regenerate with ``make golden``
(``ATLAS_REGENERATE_GOLDEN=1 pytest tests/test_golden.py``) and review the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from generator.build import gather
from generator.config import AtlasConfig
from generator.contribute.routes import Contributing
from generator.render import render_site
from tests.conftest import FIXTURE_CONTENT

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("ATLAS_REGENERATE_GOLDEN") == "1"


GOLDEN_TODAY = date(2027, 1, 1)
"""A fixed "today" for the signals, so the golden pages do not change with the clock."""


def rendered() -> dict[str, str]:
    """The Markdown pages; data files such as broker/match.json have tests of their own."""
    config = AtlasConfig(content_dir=FIXTURE_CONTENT).resolve()
    # The templates on /bijdragen/ name an existing id of the fixture content, as `atlas new` would there.
    pages = render_site(gather(config), GOLDEN_TODAY, Contributing.from_config(config))
    return {path: text for path, text in pages.items() if path.endswith(".md")}


PAGES = rendered()


def test_golden_files_match_pages_one_to_one() -> None:
    if REGENERATE:
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for relative, text in PAGES.items():
            target = GOLDEN / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    on_disk = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md")}
    assert on_disk == set(PAGES), "run `make golden` and review the diff"


@pytest.mark.parametrize("relative", sorted(PAGES))
def test_page_matches_golden(relative: str) -> None:
    expected = (GOLDEN / relative).read_text(encoding="utf-8")
    assert PAGES[relative] == expected, f"{relative} changed; run `make golden` if intended"
