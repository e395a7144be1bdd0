"""/bijdragen/'s links per kind and the "Wijzig deze gegevens" link of every entry page."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.build import gather, generate_docs
from generator.config import PROJECT_ROOT, AtlasConfig
from generator.contribute import routes
from generator.contribute.formnames import CORRECTION_FORM, ISSUE_FORMS
from generator.contribute.repository import Repository
from generator.contribute.routes import Contributing, kind_route, kind_routes
from generator.errors import AtlasError
from generator.kinds import KINDS, Kind
from generator.render import page_path, render_site
from generator.scaffold import PLACEHOLDER_BODY, PLACEHOLDER_ID, PLACEHOLDERS
from tests.conftest import CliResult
from tests.test_scaffold import FILLED_IN

REPOSITORY = Repository("https://github.com/regio-west/atlas", "werk")
EDIT_LINK = re.compile(r'<a href="(?P<url>[^"]+)">Wijzig deze gegevens</a>')  # HTML: Python-Markdown passes it
KIND_IDS = [kind.key for kind in KINDS]


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def _committed(content: Path, kind: Kind, url: str) -> Path:
    """The file GitHub's editor commits when the contributor changes nothing: folder, name and text of the link."""
    parts = urlsplit(url)
    folder = parts.path.split(f"/new/{REPOSITORY.branch}/", 1)[1]
    assert folder == f"content/{kind.folder}"
    query = _query(url)
    path = content / kind.folder / query["filename"][0]
    path.write_text(query["value"][0], encoding="utf-8")
    return path


def _placeholder_fields(text: str, body_field: str) -> dict[int, str]:
    """{line: field} of every example value outside a comment: what validation must name, and nothing else."""
    expected = {}
    parent = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#") or ":" not in line:
            if line.strip() == PLACEHOLDER_BODY:
                expected[number] = body_field
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        if not line.startswith(" "):
            parent = key
        if value.strip('"') in PLACEHOLDERS:
            expected[number] = f"{parent}.{key}" if line.startswith(" ") else key
    return expected


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_editor_link_opens_the_exact_atlas_new_text_in_the_kind_folder(
    content: Path, atlas_cli: Callable[..., CliResult], kind: Kind
) -> None:
    route = kind_route(Contributing(REPOSITORY, content), kind, date.today())
    parts = urlsplit(route.editor_url)
    assert (parts.scheme, parts.netloc) == ("https", "github.com")
    assert parts.path == f"/regio-west/atlas/new/werk/content/{kind.folder}"
    assert set(_query(route.editor_url)) == {"filename", "value"}
    assert _query(route.editor_url)["filename"] == [f"{PLACEHOLDER_ID}.md"]
    created = atlas_cli("new", kind.key, PLACEHOLDER_ID, "--content", str(content))
    assert created.code == 0, created.err
    written = (content / kind.folder / f"{PLACEHOLDER_ID}.md").read_text(encoding="utf-8")
    assert _query(route.editor_url)["value"] == [written]


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_untouched_editor_template_is_rejected_for_its_placeholders_only(
    content: Path, atlas_cli: Callable[..., CliResult], kind: Kind
) -> None:
    route = kind_route(Contributing(REPOSITORY, content), kind, date(2026, 1, 15))
    path = _committed(content, kind, route.editor_url)
    expected = _placeholder_fields(route.template, kind.model.BODY_FIELD)
    assert expected.get(6) == "id", "the id is an example value too: the contributor names the entry"
    checked = atlas_cli("validate", "--content", str(content))
    assert checked.code == 1
    located = [line for line in checked.err.splitlines() if re.match(r".+:\d+:\d+: ", line)]
    found = {}
    for line in located:
        assert line.startswith(f"{path}:"), f"an error outside the new file: {line}"
        location, field, message = line[len(f"{path}:") :].split(": ", 2)
        assert message.startswith("veld nog niet ingevuld: vervang de voorbeeldwaarde '"), line
        found[int(location.split(":")[0])] = field
    assert found == expected


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_editor_template_validates_once_filled_in(
    content: Path, atlas_cli: Callable[..., CliResult], kind: Kind
) -> None:
    route = kind_route(Contributing(REPOSITORY, content), kind, date(2026, 1, 15))
    text = _committed(content, kind, route.editor_url).read_text(encoding="utf-8")
    (content / kind.folder / route.filename).unlink()
    for placeholder, value in {**FILLED_IN, PLACEHOLDER_ID: "gemeente-ergens"}.items():
        text = text.replace(placeholder, value)
    (content / kind.folder / "gemeente-ergens.md").write_text(text, encoding="utf-8")
    checked = atlas_cli("validate", "--content", str(content))
    assert checked.code == 0, checked.err


def test_issue_form_links_follow_formnames_and_curated_kinds_have_none(content: Path) -> None:
    found = {route.kind.key: route for route in kind_routes(Contributing(REPOSITORY, content), date(2026, 1, 15))}
    assert set(found) == set(KIND_IDS)
    for key, route in found.items():
        if key in ISSUE_FORMS:
            assert route.form_url is not None
            assert route.form_url.startswith("https://github.com/regio-west/atlas/issues/new?")
            assert _query(route.form_url) == {"template": [ISSUE_FORMS[key]]}
        else:
            assert route.curated, key
    assert {key for key, route in found.items() if route.curated} == {"theme", "region"}
    order = [route.curated for route in found.values()]
    assert order == sorted(order), "the kinds anyone can add come first"


def test_the_longest_editor_link_stays_short_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Contributing.from_config(AtlasConfig().resolve())
    longest = max(len(route.editor_url) for route in kind_routes(real, date.today()))
    assert 1000 < longest <= routes.MAX_URL_LENGTH
    monkeypatch.setattr(routes, "MAX_URL_LENGTH", longest - 1)
    with pytest.raises(AtlasError, match="editorlink"):
        kind_routes(real, date.today())


def test_every_entry_page_links_to_its_own_content_file(content: Path) -> None:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    pages = render_site(atlas, date(2027, 1, 1), Contributing(REPOSITORY, content))
    checked = set()
    for kind in KINDS:
        for entity in atlas.of(kind.key):
            links = [html.unescape(url) for url in EDIT_LINK.findall(pages[page_path(entity)])]
            assert len(links) == 1, page_path(entity)
            prefix = f"{REPOSITORY.url}/edit/{REPOSITORY.branch}/content/"
            assert links[0].startswith(prefix)
            file = content / links[0].removeprefix(prefix)
            assert file.is_file()
            assert (file.parent.name, file.stem) == (kind.folder, entity.id)
            checked.add(kind.key)
    assert checked == set(KIND_IDS), "the fixture content has entries of every kind"


def test_correction_link_names_the_entry(content: Path) -> None:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    pages = render_site(atlas, date(2027, 1, 1), Contributing(REPOSITORY, content))
    partner = atlas.of("partner")[0]
    url = html.unescape(re.findall(r'<a href="([^"]+)">meld een correctie</a>', pages[page_path(partner)])[0])
    assert _query(url) == {"template": [CORRECTION_FORM], "title": [f"Correctie: {partner.name}"]}


def test_the_repository_setting_changes_every_link(content: Path, tmp_path: Path) -> None:
    mkdocs = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    original = re.search(r"^    repo_url: (\S+)$", mkdocs, re.MULTILINE)
    assert original is not None
    forked = mkdocs.replace(original.group(0), f"    repo_url: {REPOSITORY.url}").replace(
        "    branch: main\n", f"    branch: {REPOSITORY.branch}\n"
    )
    assert forked.count(REPOSITORY.url) == 1
    assert f"branch: {REPOSITORY.branch}" in forked
    (tmp_path / "mkdocs.yml").write_text(forked, encoding="utf-8")
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", mkdocs_file=tmp_path / "mkdocs.yml")
    atlas = generate_docs(config.resolve())
    text = "\n".join(path.read_text(encoding="utf-8") for path in (tmp_path / "docs").rglob("*.md"))
    github = re.findall(r"https://github\.com/[^)\s\"]+", text)
    entries = sum(len(entries) for entries in atlas.entries.values())
    # Per entry page an edit and a correction link; on /bijdragen/ per kind an editor link, the forms, the guide.
    assert len(github) >= 2 * entries + len(KINDS) + len(ISSUE_FORMS) + 2
    assert all(url.startswith(f"{REPOSITORY.url}/") for url in github), [u for u in github if REPOSITORY.url not in u]
    editing = [url for url in github if "/edit/" in url or "/new/" in url or "/blob/" in url]
    assert editing
    assert all(f"/{REPOSITORY.branch}/" in url for url in editing)
    assert original.group(1) not in text


def test_without_content_outside_the_repository_the_path_is_still_the_repository_path(tmp_path: Path) -> None:
    """Content copied elsewhere (a preview): the link still names content/<folder>/<file> in the repository."""
    copy = tmp_path / "elders" / "inhoud"
    shutil.copytree(PROJECT_ROOT / "tests" / "fixtures" / "content", copy)
    atlas = gather(AtlasConfig(content_dir=copy).resolve())
    theme = atlas.of("theme")[0]
    assert routes.entry_file(atlas, theme) == f"content/themes/{Path(atlas.sources[('theme', theme.id)].path).name}"
