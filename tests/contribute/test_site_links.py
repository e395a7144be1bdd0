"""On the real site: every entry page's "Wijzig deze gegevens" opens that entry's own file in the repository."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.build import gather
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.contribute.repository import read_repository
from generator.kinds import KINDS

EDIT_LINK = re.compile(r'<a href="(?P<url>[^"]+)">Wijzig deze gegevens</a>')


def test_every_entry_page_edits_its_own_file_in_the_repository(real_site: Path) -> None:
    repository = read_repository(PROJECT_ROOT / "mkdocs.yml")
    atlas = gather(AtlasConfig().resolve())
    prefix = f"{repository.url}/edit/{repository.branch}/"
    checked = 0
    for kind in KINDS:
        for entity in atlas.of(kind.key):
            page = (real_site / kind.section / entity.id / "index.html").read_text(encoding="utf-8")
            links = [html.unescape(url) for url in EDIT_LINK.findall(page)]
            assert len(links) == 1, f"{kind.section}/{entity.id}: {links}"
            assert links[0].startswith(prefix)
            relative = links[0].removeprefix(prefix)
            assert (PROJECT_ROOT / relative).is_file(), relative
            assert relative == atlas.sources[(kind.key, entity.id)].path, "the entry's own file, not another"
            assert relative.startswith(f"content/{kind.folder}/")
            checked += 1
    assert checked == sum(len(entries) for entries in atlas.entries.values())
    assert checked > 100


def test_material_edit_button_stays_off(real_site: Path) -> None:
    page = (real_site / "partners" / "rivm" / "index.html").read_text(encoding="utf-8")
    assert "md-content__button" not in page
