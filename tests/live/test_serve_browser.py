"""``atlas serve`` in its own process, a real Chromium on one of its pages, and a real edit of a content file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.editloop import atlas_serve, edit_to_reload


@pytest.mark.browser
def test_an_edit_shows_in_the_open_page(content: Path, tmp_path: Path, page: Page) -> None:
    with (
        (tmp_path / "serve.log").open("w+", encoding="utf-8") as log,
        atlas_serve(content, tmp_path / "docs", log, timeout=300) as url,
    ):
        page.goto(f"{url}praktijken/koele-wijken/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Koele wijken")
        practice = content / "practices" / "koele-wijken.md"
        new = "Samen meten, elke week."
        edit_to_reload(page, practice, "Samen metingen doen en bespreken.", new, new, 60_000)
        expect(page.get_by_text("Samen meten, elke week.")).to_be_visible()
        theme = content / "themes" / "droogte.yml"
        page.goto(f"{url}vragen/is-er-genoeg-water/")
        edit_to_reload(page, theme, "name: Droogte", "name: Droogte en hitte", "Droogte en hitte", 60_000)
        expect(page.get_by_role("link", name="Droogte en hitte").first).to_be_visible()
