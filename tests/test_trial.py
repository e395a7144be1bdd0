"""``trial``: files checked against the whole atlas as if written, without touching the content folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.config import AtlasConfig
from generator.errors import AtlasError, ContentError
from generator.trial import errors_of_text, trial

HITTE = "content/themes/hitte.yml"
GOOD = "id: hitte\nname: Hitte\ndomains: [fysiek]\ndescription: Warme dagen in de stad.\n"
THEME_MD = "---\nid: {id}\nname: Hitte\ndomains: [fysiek]\n---\n\nWarme dagen in de stad.\n"


def _config(content: Path) -> AtlasConfig:
    return AtlasConfig(root=content.parent, content_dir=content).resolve()


def _snapshot(content: Path) -> dict[str, bytes]:
    return {path.relative_to(content).as_posix(): path.read_bytes() for path in content.rglob("*") if path.is_file()}


def _fields(errors: list[ContentError]) -> list[tuple[str, int, str]]:
    return [(error.path, error.line, error.field) for error in errors]


SINGLE = {
    # case: (file under the content folder, its text, the errors as (path, line, field))
    "new-and-valid": ("themes/hitte.yml", GOOD, []),
    "new-markdown": ("themes/hitte.md", THEME_MD.format(id="hitte"), []),
    "unknown-reference": ("themes/hitte.yml", GOOD + "related: [x]\n", [(HITTE, 5, "related[0]")]),
    "unknown-field": ("themes/hitte.yml", GOOD + "kleur: rood\n", [(HITTE, 5, "kleur")]),
    "id-not-the-file-name": ("themes/hitte.yml", GOOD.replace("id: hitte", "id: x"), [(HITTE, 1, "id")]),
    "replaces-an-existing-file": ("themes/droogte.yml", GOOD.replace("id: hitte", "id: droogte"), []),
    "replacement-with-its-own-errors": (
        "themes/droogte.yml",
        "id: droogte\nname: Droogte\n",
        [("content/themes/droogte.yml", 1, "description"), ("content/themes/droogte.yml", 1, "domains")],
    ),
    "not-a-folder-of-the-atlas": ("thema/hitte.yml", GOOD, [("content/thema/hitte.yml", 1, "")]),
    "not-yaml": ("themes/hitte.yml", "id: hitte\nname: [kapot\n", [(HITTE, 3, "")]),
}


@pytest.mark.parametrize(("relative", "text", "expected"), list(SINGLE.values()), ids=list(SINGLE))
def test_a_tried_file_gets_the_errors_atlas_validate_would_give(
    content: Path, relative: str, text: str, expected: list[tuple[str, int, str]]
) -> None:
    before = _snapshot(content)
    found = errors_of_text(_config(content), content / relative, text)
    assert _fields(found) == expected, found
    assert _snapshot(content) == before, "the content folder is left as it was"


def test_tried_files_are_checked_with_each_other(content: Path) -> None:
    """A new theme and a new partner that names it pass together; the partner alone does not."""
    partner = (content / "partners" / "gemeente-voorbeeld.yml").read_text(encoding="utf-8")
    partner = partner.replace("id: gemeente-voorbeeld", "id: gemeente-nieuw").replace("[klimaatadaptatie]", "[hitte]")
    texts = {
        content / "partners" / "gemeente-nieuw.yml": partner,
        content / "themes" / "hitte.yml": GOOD,
    }
    together = trial(_config(content), texts)
    assert together.tried == {target: [] for target in texts}
    assert together.elsewhere == []
    alone = trial(_config(content), {content / "partners" / "gemeente-nieuw.yml": partner})
    assert _fields(alone.tried[content / "partners" / "gemeente-nieuw.yml"]) == [
        ("content/partners/gemeente-nieuw.yml", 6, "themes[0]")
    ]


@pytest.mark.parametrize(
    ("broken", "text", "field"),
    [
        ("themes/droogte.yml", "id: droogte\nname: Droogte\n", "description"),
        ("partners/kapot.yml", "id: kapot\n", "kind"),
    ],
)
def test_the_contents_own_errors_are_kept_apart(
    content: Path, write: Callable[[str, str], Path], broken: str, text: str, field: str
) -> None:
    write(broken, text)
    target = content / "themes" / "hitte.yml"
    found = trial(_config(content), {target: GOOD})
    assert found.tried == {target: []}
    assert f"content/{broken}" in {error.path for error in found.elsewhere}
    assert field in {error.field for error in found.elsewhere}


def test_a_tried_id_taken_elsewhere_is_an_error_of_the_tried_file(content: Path) -> None:
    """A .md beside the existing .yml of the same id: the tried file is the one that comes second."""
    target = content / "themes" / "droogte.md"
    found = trial(_config(content), {target: THEME_MD.format(id="droogte")})
    assert _fields(found.tried[target]) == [("content/themes/droogte.md", 2, "id")]
    assert "bestaat al in content/themes/droogte.yml" in found.tried[target][0].message
    assert found.elsewhere == []


def test_a_target_outside_the_content_folder_is_refused(content: Path, tmp_path: Path) -> None:
    with pytest.raises(AtlasError, match="ligt niet in de contentmap"):
        trial(_config(content), {tmp_path / "elders" / "hitte.yml": GOOD})
