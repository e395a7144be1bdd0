"""The incremental path of ``atlas serve`` against a full rebuild: after every kind of edit the docs
folder and the site folder hold exactly what ``generate_docs`` and a plain mkdocs build make."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.build import generate_docs, run_mkdocs
from generator.config import AtlasConfig
from generator.errors import ContentErrors
from generator.live.session import LiveSession
from generator.serve import docs_paths

TODAY = date(2026, 11, 30)
Edit = Callable[[Path], None]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path; compressed files by their content."""
    files = {}
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            data = file.read_bytes()
            files[file.relative_to(folder).as_posix()] = gzip.decompress(data) if file.suffix == ".gz" else data
    return files


def assert_same_tree(incremental: Path, full: Path) -> None:
    mine, theirs = tree(incremental), tree(full)
    assert sorted(mine) == sorted(theirs)
    different = [path for path in theirs if mine[path] != theirs[path]]
    assert different == []


def replace_in(relative: str, old: str, new: str) -> Edit:
    def edit(content: Path) -> None:
        file = content / relative
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def add_file(relative: str, text: str) -> Edit:
    def edit(content: Path) -> None:
        (content / relative).write_text(text, encoding="utf-8")

    return edit


def remove_file(relative: str) -> Edit:
    def edit(content: Path) -> None:
        (content / relative).unlink()

    return edit


NEW_PRACTICE = """---
id: schaduw-op-het-plein
title: Schaduw op het plein
summary: Bomen en doeken maken een plein koeler.
who: De gemeente.
what: Schaduw aanbrengen.
needs: Ruimte voor bomen.
themes: [klimaatadaptatie, droogte]
regions: [voorbeeldregio]
partners: [gemeente-voorbeeld]
variant: proactief
evidence: beschreven
source: Testfixture
last_reviewed: 2026-11-01
---
Een plein met schaduw blijft op hete dagen bruikbaar.
"""

EDITS: dict[str, list[Edit]] = {
    "text": [replace_in("practices/koele-wijken.md", "Samen metingen doen", "Samen meten en bespreken")],
    "rename theme": [replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")],
    "add": [add_file("practices/schaduw-op-het-plein.md", NEW_PRACTICE)],
    "remove": [
        replace_in("questions/is-er-genoeg-water.yml", "droogte-verkenning", "droogte-verkenning"),
        remove_file("events/kenniscafe-hitte.yml"),
    ],
    "link changed": [replace_in("practices/koele-wijken.md", "themes: [klimaatadaptatie]", "themes: [droogte]")],
    "free page": [replace_in("pages/over.md", "\n", "\nNieuwe eerste regel.\n\n")],
}


@pytest.fixture
def session(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveSession]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # the sitemap's dates, as in a reproducible build
    config = replace(
        AtlasConfig(), content_dir=content, docs_dir=tmp_path / "docs", site_dir=tmp_path / "unused", today=TODAY
    ).resolve()
    with LiveSession(config, tmp_path / "live-site") as session:
        yield session


def full_rebuild(session: LiveSession, base: Path) -> tuple[Path, Path]:
    config = replace(session.config, docs_dir=base / "docs", site_dir=base / "site")
    generate_docs(config)
    run_mkdocs(config)
    return config.docs_dir, config.site_dir


def test_starts_equal_to_a_full_build(session: LiveSession, tmp_path: Path) -> None:
    docs, site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(session.config.docs_dir, docs)
    assert_same_tree(session.config.site_dir, site)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edit_then_settle_equals_a_full_rebuild(session: LiveSession, tmp_path: Path, name: str) -> None:
    for edit in EDITS[name]:
        edit(session.content.content_dir)
    assert session.edit()
    session.settle()
    docs, site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(session.config.docs_dir, docs)
    assert_same_tree(session.config.site_dir, site)


def test_the_edited_page_is_up_to_date_before_settle(session: LiveSession) -> None:
    replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")(session.content.content_dir)
    session.edit()
    question = (session.config.site_dir / "vragen" / "is-er-genoeg-water" / "index.html").read_text()
    assert "Droogte en hitte" in question
    theme = (session.config.site_dir / "themas" / "droogte" / "index.html").read_text()
    assert re.search(r"<h1[^>]*>Droogte en hitte", theme)


def test_a_removed_entry_leaves_no_page(session: LiveSession) -> None:
    page = session.config.site_dir / "agenda" / "kenniscafe-hitte" / "index.html"
    assert page.is_file()
    remove_file("events/kenniscafe-hitte.yml")(session.content.content_dir)
    session.edit()
    assert not page.exists()
    assert not (session.config.docs_dir / "agenda" / "kenniscafe-hitte.md").exists()


def test_an_invalid_edit_keeps_the_site_and_the_fix_is_taken_in(
    session: LiveSession, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = tree(session.config.site_dir)
    replace_in("practices/koele-wijken.md", "themes: [klimaatadaptatie]", "themes: [klimaatadaptatie, hitte]")(
        session.content.content_dir
    )
    assert not session.edit()
    assert "'hitte' is geen bekend thema" in caplog.text
    assert tree(session.config.site_dir) == before
    replace_in("practices/koele-wijken.md", "klimaatadaptatie, hitte", "droogte")(session.content.content_dir)
    assert session.edit()
    session.settle()
    docs, site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(session.config.docs_dir, docs)
    assert_same_tree(session.config.site_dir, site)


def test_a_duplicate_id_is_an_error(session: LiveSession, caplog: pytest.LogCaptureFixture) -> None:
    content = session.content.content_dir
    shutil.copy(content / "themes" / "droogte.yml", content / "themes" / "droogte.yaml")
    assert not session.edit()
    assert "'droogte' bestaat al in" in caplog.text
    with pytest.raises(ContentErrors):
        session.content.assemble()


def test_a_file_saved_unchanged_changes_nothing(session: LiveSession) -> None:
    file = session.content.content_dir / "themes" / "droogte.yml"
    before = tree(session.config.site_dir)
    file.write_text(file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not session.edit()
    assert session.settled
    assert tree(session.config.site_dir) == before


def test_settle_takes_in_what_only_whole_atlas_pages_show(session: LiveSession) -> None:
    """A new question: its own page at once; home page counts and the overview after settle."""
    content = session.content.content_dir
    question = (content / "questions" / "is-er-genoeg-water.yml").read_text(encoding="utf-8")
    (content / "questions" / "nog-een-vraag.yml").write_text(
        question.replace("id: is-er-genoeg-water", "id: nog-een-vraag"), encoding="utf-8"
    )
    assert session.edit()
    assert (session.config.site_dir / "vragen" / "nog-een-vraag" / "index.html").is_file()
    assert "nog-een-vraag" not in (session.config.docs_dir / "vragen" / "index.md").read_text(encoding="utf-8")
    assert session.settle()
    assert "nog-een-vraag" in (session.config.docs_dir / "vragen" / "index.md").read_text(encoding="utf-8")


def test_pages_beyond_the_first_follow_in_settle(session: LiveSession, tmp_path: Path) -> None:
    """A rename that reaches more pages than are rendered at once: the open page now, the other pages that
    show the name (the theme's own page too) in settle; then all equals a full rebuild."""
    session.pages.at_once = 0
    replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")(session.content.content_dir)
    assert session.edit(first={"vragen/is-er-genoeg-water.md"})
    docs = session.config.docs_dir
    assert "Droogte en hitte" in (docs / "vragen" / "is-er-genoeg-water.md").read_text(encoding="utf-8")
    assert "themas/droogte.md" in session.pages.deferred
    assert all("Droogte en hitte" not in (docs / path).read_text(encoding="utf-8") for path in session.pages.deferred)
    assert session.settle()
    assert not session.pages.deferred
    full_docs, full_site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(docs, full_docs)
    assert_same_tree(session.config.site_dir, full_site)


@pytest.mark.parametrize(
    ("url", "paths"),
    [
        ("/", ["index.md"]),
        ("/themas/droogte/", ["themas/droogte.md", "themas/droogte/index.md"]),
        ("/assets/atlas.css", []),
        ("/livereload/12/34", []),
    ],
)
def test_docs_paths_of_an_address(url: str, paths: list[str]) -> None:
    assert docs_paths(url) == paths


def test_without_an_open_page_the_edited_entry_comes_first(session: LiveSession) -> None:
    session.pages.at_once = 0
    replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")(session.content.content_dir)
    assert session.edit()
    assert "Droogte en hitte" in (session.config.docs_dir / "themas" / "droogte.md").read_text(encoding="utf-8")
    assert "vragen/is-er-genoeg-water.md" in session.pages.deferred


def test_the_whole_atlas_work_runs_in_another_process(session: LiveSession) -> None:
    replace_in("practices/koele-wijken.md", "Samen metingen doen", "Samen meten")(session.content.content_dir)
    assert session.edit()
    assert session.settle()
    assert session.background.pid is not None
    assert session.background.pid != os.getpid()


def test_a_result_for_an_atlas_an_edit_replaced_is_dropped(session: LiveSession, tmp_path: Path) -> None:
    """The background process computed for the atlas before an edit: nothing of it is written; the next
    settle takes the edit in and the site equals a full build."""
    content = session.content.content_dir
    replace_in("practices/koele-wijken.md", "Samen metingen doen", "Samen meten")(content)
    assert session.edit()
    asked = session.settle_request()
    assert asked is not None
    version, request = asked
    result = session.background.compute(request)
    assert result is not None
    replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")(content)
    assert session.edit()
    docs, site = tree(session.config.docs_dir), tree(session.config.site_dir)
    assert not session.apply_settled(version, result)
    assert not session.settled
    assert (tree(session.config.docs_dir), tree(session.config.site_dir)) == (docs, site)
    assert session.settle()
    full_docs, full_site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(session.config.docs_dir, full_docs)
    assert_same_tree(session.config.site_dir, full_site)


def test_the_background_process_refuses_content_it_was_not_asked_for(session: LiveSession, tmp_path: Path) -> None:
    """A file changed after the request and before the background process read it: it answers None."""
    content = session.content.content_dir
    replace_in("practices/koele-wijken.md", "Samen metingen doen", "Samen meten")(content)
    assert session.edit()
    asked = session.settle_request()
    assert asked is not None
    replace_in("questions/is-er-genoeg-water.yml", "droogte-verkenning", "droogte-verkenning")(content)
    (content / "questions" / "is-er-genoeg-water.yml").touch()
    assert session.background.compute(asked[1]) is None
    session.edit()
    assert session.settle()
    full_docs, full_site = full_rebuild(session, tmp_path / "full")
    assert_same_tree(session.config.docs_dir, full_docs)
    assert_same_tree(session.config.site_dir, full_site)


def test_catch_up_gives_way_to_a_waiting_edit(session: LiveSession) -> None:
    """While an edit waits for the lock, no round of deferred pages takes it."""
    session.pages.at_once = 0
    replace_in("themes/droogte.yml", "name: Droogte", "name: Droogte en hitte")(session.content.content_dir)
    assert session.edit()
    waiting = len(session.pages.deferred)
    assert waiting > 0
    session.edited_at = 0.0  # long ago: only the waiting edit holds it back
    session.edit_waiting.set()
    worker = threading.Thread(target=session.catch_up)
    worker.start()
    worker.join(0.5)
    assert worker.is_alive()
    assert len(session.pages.deferred) == waiting
    session.edit_waiting.clear()
    worker.join(60)
    assert not session.pages.deferred
