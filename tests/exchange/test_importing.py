"""``atlas import``: rows become content files in the house style, bad rows are reported, nothing is lost."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.build import gather
from generator.config import AtlasConfig
from generator.errors import ContentErrors
from generator.exchange.document import atlas_document
from generator.exchange.importing import IMPORTABLE, import_sheet
from generator.exchange.sheets import WORKBOOK_NAME, csv_bytes, sheet_files
from generator.exchange.tables import header
from generator.kinds import KIND_BY_FOLDER
from generator.yamlstrict import read_yaml
from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT, CliResult

FILES = {"csv": "{folder}.csv", "komma": "{folder}-komma.csv", "xlsx": WORKBOOK_NAME}


def _config(content: Path) -> AtlasConfig:
    return AtlasConfig(root=content.parent, content_dir=content).resolve()


def _exported(source: Path, target: Path) -> None:
    document = atlas_document(gather(_config(source)), name="Test", site_url="https://a.example/", commit=None)
    for name, content in sheet_files(document).items():
        (target / name).write_bytes(content)


@pytest.fixture(scope="module")
def real_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export")
    _exported(REAL_CONTENT, target)
    return target


def _round_trip(source: Path, exported: Path, tmp_path: Path, folder: str, file_format: str) -> None:
    """Export, empty the kind's folder, import: the same entries, and an atlas that validates."""
    content = tmp_path / "content"
    shutil.copytree(source, content)
    for path in (content / folder).glob("*"):
        path.unlink()
    kind = KIND_BY_FOLDER[folder]
    result = import_sheet(_config(content), exported / FILES[file_format].format(folder=folder), folder)
    assert result.errors == []
    before = gather(_config(source))
    after = gather(_config(content))
    assert after.entries[kind.key] == before.entries[kind.key]
    assert sorted(path.stem for path in (content / folder).iterdir()) == sorted(before.entries[kind.key])
    assert after.entries == before.entries


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("folder", IMPORTABLE)
def test_export_then_import_is_the_identity_on_the_real_content(
    real_export: Path, tmp_path: Path, folder: str, file_format: str
) -> None:
    _round_trip(REAL_CONTENT, real_export, tmp_path, folder, file_format)


@pytest.mark.parametrize("file_format", list(FILES))
@pytest.mark.parametrize("folder", IMPORTABLE)
def test_export_then_import_is_the_identity_on_the_fixture_content(
    tmp_path: Path, folder: str, file_format: str
) -> None:
    exported = tmp_path / "export"
    exported.mkdir()
    _exported(FIXTURE_CONTENT, exported)
    _round_trip(FIXTURE_CONTENT, exported, tmp_path, folder, file_format)


@pytest.mark.parametrize("file_format", list(FILES))
def test_update_with_the_same_sheet_changes_no_byte(real_export: Path, tmp_path: Path, file_format: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    for folder in IMPORTABLE:
        path = real_export / FILES[file_format].format(folder=folder)
        result = import_sheet(_config(content), path, folder, update=True)
        assert (result.written, result.updated, result.errors) == ([], [], [])
        assert len(result.unchanged) == len(gather(_config(REAL_CONTENT)).entries[KIND_BY_FOLDER[folder].key])
    for path in REAL_CONTENT.rglob("*"):
        if path.is_file():
            assert (content / path.relative_to(REAL_CONTENT)).read_bytes() == path.read_bytes(), path


def _csv(path: Path, folder: str, rows: list[dict[str, str]], separator: str = ";") -> Path:
    names = header(KIND_BY_FOLDER[folder])
    path.write_bytes(csv_bytes([names, *[[row.get(name, "") for name in names] for row in rows]], separator))
    return path


GOOD = {
    "name": "Gemeente Zwolle",
    "kind": "gemeente",
    "level": "lokaal",
    "domains": "fysiek, sociaal",
    "themes": "klimaatadaptatie",
    "offers": "praktijkkennis",
    "expertise": "Klimaat in de wijk.\n\n- eerste punt\n- tweede punt",
    "website": "https://www.zwolle.nl",
    "contact.phone": "'+31 38 498 9111",
    "last_reviewed": "2026-11-01",
}


def test_good_rows_become_files_bad_rows_are_reported(
    content: Path, tmp_path: Path, atlas_cli: Callable[..., CliResult]
) -> None:
    existing = (content / "partners" / "gemeente-voorbeeld.yml").read_bytes()
    sheet = _csv(
        tmp_path / "nieuw.csv",
        "partners",
        [
            GOOD,
            {**GOOD, "id": "bad-url", "website": "http://www.zwolle.nl"},
            {**GOOD, "id": "unknown-theme", "themes": "klimaatadaptatie, hittestres"},
            {**GOOD, "id": "empty-kind", "kind": ""},
            {**GOOD, "id": "gemeente-zwolle"},
            {**GOOD, "id": "formula", "name": '=HYPERLINK("https://kwaad.example","klik")'},
            {**GOOD, "id": "gemeente-voorbeeld", "name": "Overschreven"},
            {**GOOD, "id": "", "name": "Gemeente 's-Hertogenbosch"},
            {**GOOD, "id": "two-problems", "name": "=1+1", "website": "http://x.nl", "contact.email": "=A1"},
            {**GOOD, "id": "Geen Id", "themes": "onbekend"},
        ],
    )
    result = atlas_cli("import", str(sheet), "--type", "partners", "--content", str(content))
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[:-1] == [
        "nieuw.csv:row 3: website: 'http://www.zwolle.nl' moet een https-adres zijn (https://…)",
        "nieuw.csv:row 4: themes: 'hittestres' is geen bekend thema",
        "nieuw.csv:row 5: kind: verplicht veld ontbreekt",
        "nieuw.csv:row 6: id: 'gemeente-zwolle' staat ook in rij 2",
        "nieuw.csv:row 7: name: is een formule; alleen waarden worden ingelezen "
        "(zet een ' voor tekst die met = begint)",
        "nieuw.csv:row 8: id: 'gemeente-voorbeeld' bestaat al (partners/gemeente-voorbeeld.yml); "
        "gebruik --update om het bij te werken",
        "nieuw.csv:row 10: contact.email: is een formule; alleen waarden worden ingelezen "
        "(zet een ' voor tekst die met = begint)",
        "nieuw.csv:row 10: name: is een formule; alleen waarden worden ingelezen "
        "(zet een ' voor tekst die met = begint)",
        "nieuw.csv:row 10: website: 'http://x.nl' moet een https-adres zijn (https://…)",
        "nieuw.csv:row 11: id: 'Geen Id' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens",
        "nieuw.csv:row 11: themes: 'onbekend' is geen bekend thema",
    ]
    assert lines[-1] == "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 8 rijen met fouten."
    assert sorted(path.name for path in (content / "partners").iterdir()) == [
        "gemeente-s-hertogenbosch.md",
        "gemeente-voorbeeld.yml",
        "gemeente-zwolle.md",
        "voorbeeld-planbureau.yml",
    ]
    assert (content / "partners" / "gemeente-voorbeeld.yml").read_bytes() == existing
    assert atlas_cli("validate", "--content", str(content)).code == 0
    zwolle = gather(_config(content)).get("partner", "gemeente-zwolle")
    assert zwolle.contact.phone == "+31 38 498 9111"
    assert zwolle.expertise == GOOD["expertise"]


def test_a_new_file_has_the_house_style_of_atlas_new(content: Path, tmp_path: Path) -> None:
    import_sheet(_config(content), _csv(tmp_path / "p.csv", "partners", [GOOD], ","), "partners")
    text = (content / "partners" / "gemeente-zwolle.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../schemas/partners.frontmatter.schema.json\n")
    assert "# Kennispartner, ingelezen uit p.csv (rij 2)." in text
    assert "# Gangbare afkorting, zoals RIVM of PBL.\n# abbreviation:\n" in text
    assert "# Datum waarop deze gegevens voor het laatst zijn gecontroleerd.\nlast_reviewed: 2026-11-01\n" in text
    assert text.endswith("---\n\nKlimaat in de wijk.\n\n- eerste punt\n- tweede punt\n")


def test_an_invalid_atlas_is_raised_and_nothing_written(
    content: Path, tmp_path: Path, write: Callable[[str, str], Path]
) -> None:
    """The content's own errors are not the sheet's: the import stops and names them."""
    write("themes/droogte.yml", "id: droogte\nname: Droogte\n")
    with pytest.raises(ContentErrors) as raised:
        import_sheet(_config(content), _csv(tmp_path / "p.csv", "partners", [GOOD], ","), "partners")
    assert "content/themes/droogte.yml" in {error.path for error in raised.value.errors}
    assert not (content / "partners" / "gemeente-zwolle.md").exists()


def test_dry_run_writes_nothing(content: Path, tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> None:
    sheet = _csv(tmp_path / "p.csv", "partners", [GOOD])
    result = atlas_cli("import", str(sheet), "--type", "partners", "--content", str(content), "--dry-run")
    assert result.code == 0
    assert "gemeente-zwolle.md" in result.out
    assert not (content / "partners" / "gemeente-zwolle.md").exists()


COMMENTED = """\
# Een partner met opmerkingen, met de hand geschreven.
id: gemeente-voorbeeld
name: Gemeente Voorbeeld & Co *test*  # zoals in het handelsregister
kind: gemeente
# De schaal is nog niet zeker.
level: lokaal
domains: [fysiek, sociaal]
themes:
  - klimaatadaptatie
# Wat ze bieden:
offers: [praktijkkennis]
expertise: Uitvoering van klimaatbeleid in de wijk.
website: https://www.example.com
contact:
  email: info@example.com
  phone: "030 123 4567"
# Laatst bekeken door de redactie.
last_reviewed: 2026-11-01
"""


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"level": "regionaal"}, {"level: lokaal": "level: regionaal"}),
        (
            {"themes": "klimaatadaptatie, droogte"},
            {"  - klimaatadaptatie": "  - klimaatadaptatie\n  - droogte"},
        ),
        ({"themes": ""}, {"themes:\n  - klimaatadaptatie\n": ""}),
        ({"domains": "fysiek"}, {"domains: [fysiek, sociaal]": "domains: [fysiek]"}),
        ({"abbreviation": "GV"}, {"kind: gemeente": "abbreviation: GV\nkind: gemeente"}),
        (
            {"website": "https://www.voorbeeld.example"},
            {"website: https://www.example.com": "website: https://www.voorbeeld.example"},
        ),
    ],
)
def test_update_rewrites_only_the_changed_field_and_keeps_comments(
    content: Path, tmp_path: Path, changes: dict[str, str], expected: dict[str, str]
) -> None:
    path = content / "partners" / "gemeente-voorbeeld.yml"
    path.write_text(COMMENTED, encoding="utf-8")
    document = atlas_document(gather(_config(content)), name="Test", site_url="", commit=None)
    (tmp_path / "export").mkdir()
    files = sheet_files(document)
    (tmp_path / "export" / "partners.csv").write_bytes(files["partners.csv"])
    rows = [dict(zip(header(KIND_BY_FOLDER["partners"]), cells, strict=True)) for cells in _rows(tmp_path)]
    for row in rows:
        if row["id"] == "gemeente-voorbeeld":
            row.update(changes)
    sheet = _csv(tmp_path / "bijgewerkt.csv", "partners", rows)
    result = import_sheet(_config(content), sheet, "partners", update=True)
    assert (result.errors, [each.name for each in result.updated]) == ([], ["gemeente-voorbeeld.yml"])
    wanted = COMMENTED
    for old, new in expected.items():
        wanted = wanted.replace(old, new)
    assert path.read_text(encoding="utf-8") == wanted
    assert read_yaml(wanted)[1] == []
    gather(_config(content))


def _rows(tmp_path: Path) -> list[list[str]]:
    import csv
    import io

    raw = (tmp_path / "export" / "partners.csv").read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))[1:]


def test_update_removes_a_field_left_empty(content: Path, tmp_path: Path) -> None:
    path = content / "partners" / "gemeente-voorbeeld.yml"
    path.write_text(COMMENTED, encoding="utf-8")
    sheet = _csv(
        tmp_path / "p.csv",
        "partners",
        [{"id": "gemeente-voorbeeld", "contact.email": "", "contact.phone": "030 123 4567"}],
    )
    sheet.write_bytes(
        csv_bytes([["id", "contact.email", "contact.phone"], ["gemeente-voorbeeld", "", "030 123 4567"]], ";")
    )
    result = import_sheet(_config(content), sheet, "partners", update=True)
    assert result.errors == []
    text = path.read_text(encoding="utf-8")
    assert "email" not in text
    assert text.replace('  phone: "030 123 4567"\n', "") == COMMENTED.replace(
        '  email: info@example.com\n  phone: "030 123 4567"\n', ""
    )


def test_workbook_dates_numbers_and_formulas(content: Path, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    names = header(KIND_BY_FOLDER["partners"])
    sheet.append(names)
    # In a workbook a text is taken as it stands: no apostrophe to undo.
    cells = {**GOOD, "contact.phone": "+31 38 498 9111", "last_reviewed": datetime(2026, 10, 5)}
    sheet.append([cells.get(name) for name in names])
    bad = {**cells, "name": "Formule BV", "website": '=HYPERLINK("https://kwaad.example")'}
    sheet.append([bad.get(name) for name in names])
    path = tmp_path / "partners.xlsx"
    workbook.save(path)
    result = import_sheet(_config(content), path, "partners")
    assert [str(error) for error in result.errors] == [
        "partners.xlsx:row 3: website: is een formule; alleen waarden worden ingelezen"
    ]
    assert [each.name for each in result.written] == ["gemeente-zwolle.md"]
    partner = gather(_config(content)).get("partner", "gemeente-zwolle")
    assert partner.last_reviewed.isoformat() == "2026-10-05"


def test_unknown_column_refuses_the_sheet(content: Path, tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(csv_bytes([["id", "naam"], ["x", "y"]], ","))
    result = atlas_cli("import", str(path), "--type", "partners", "--content", str(content))
    assert result.code == 1
    assert "onbekende kolom(men): naam" in result.err


@pytest.mark.parametrize("file_format", ["json", "csv", "xlsx"])
def test_export_command_writes_the_files(tmp_path: Path, atlas_cli: Callable[..., CliResult], file_format: str) -> None:
    out = tmp_path / "uit"
    result = atlas_cli("export", "--format", file_format, "--out", str(out), "--content", str(FIXTURE_CONTENT))
    assert result.code == 0
    names = sorted(path.name for path in out.iterdir())
    expected = {
        "json": ["atlas.json"],
        "xlsx": [WORKBOOK_NAME],
        "csv": sorted(f"{kind.folder}{suffix}.csv" for kind in KIND_BY_FOLDER.values() for suffix in ("", "-komma")),
    }
    assert names == expected[file_format]
    assert result.out.splitlines() == [str(out / name) for name in names] or sorted(result.out.splitlines()) == [
        str(out / name) for name in names
    ]


@pytest.mark.parametrize(
    ("separator", "bom", "newline"), [(",", b"", "\n"), (";", b"", "\r\n"), (",", b"\xef\xbb\xbf", "\n")]
)
def test_csv_separator_bom_and_line_ends_are_detected(
    content: Path, tmp_path: Path, separator: str, bom: bytes, newline: str
) -> None:
    names = ["id", "name", "kind", "level", "domains", "offers", "expertise", "website", "contact.url", "last_reviewed"]
    values = [
        "",
        "Gemeente Zwolle",
        "gemeente",
        "lokaal",
        '"fysiek, sociaal"',
        "data",
        "Tekst.",
        "https://www.zwolle.nl",
    ]
    values += ["https://www.zwolle.nl/contact", "2026-11-01"]
    path = tmp_path / "p.csv"
    path.write_bytes(bom + newline.join([separator.join(names), separator.join(values)]).encode("utf-8") + b"\n")
    result = import_sheet(_config(content), path, "partners")
    assert (result.errors, [each.name for each in result.written]) == ([], ["gemeente-zwolle.md"])
    partner = gather(_config(content)).get("partner", "gemeente-zwolle")
    assert [domain.value for domain in partner.domains] == ["fysiek", "sociaal"]
