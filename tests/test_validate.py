"""Every validation rule, run through ``atlas validate`` on a throwaway content tree.

Each case writes one bad file and expects one located error line:
``<path>:<line>:<col>: <field>: <message>``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

PARTNER = """
id: {id}
name: Testpartner
kind: kennisinstituut
level: landelijk
domains: [fysiek]
themes: [klimaatadaptatie]
offers: [onderzoek]
expertise: Onderzoek naar klimaat.
website: https://www.example.org
contact:
  url: https://www.example.org/contact
last_reviewed: 2026-01-01
"""


def partner(**changes: str) -> str:
    """The valid partner above with some lines replaced (key → whole new line, '' drops it)."""
    lines = PARTNER.format(id=changes.pop("id", "testpartner")).strip("\n").split("\n")
    for key, new in changes.items():
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
        lines[index : index + 1] = [new] if new else []
    return "\n".join(lines) + "\n"


CASES = [
    # (file, text, expected "line:col: field: message" fragment)
    ("partners/testpartner.yml", partner(name=""), "1:1: name: verplicht veld ontbreekt"),
    ("partners/testpartner.yml", partner(name="naam: Test"), "2:7: naam: onbekend veld (bedoelde je 'name'?)"),
    ("partners/testpartner.yml", partner(website="webiste: https://x.nl"), "bedoelde je 'website'?"),
    (
        "partners/testpartner.yml",
        partner(kind="kind: bureau"),
        "3:7: kind: 'bureau' is geen toegestane waarde; kies uit: 'gemeente', 'provincie',",
    ),
    (
        "partners/testpartner.yml",
        partner(level="level: nationaal"),
        "4:8: level: 'nationaal' is geen toegestane waarde; kies uit: 'lokaal', 'regionaal' of 'landelijk'",
    ),
    ("partners/testpartner.yml", partner(domains="domains: [fysiek, digitaal]"), "5:19: domains[1]: 'digitaal'"),
    (
        "partners/testpartner.yml",
        partner(themes="themes: [droogte, klimaat]"),
        "6:19: themes[1]: 'klimaat' is geen bekend thema (bedoelde je 'klimaatadaptatie'?)",
    ),
    ("partners/testpartner.yml", partner(themes="themes: [droogte, droogte]"), "themes[1]: 'droogte' staat dubbel"),
    (
        "partners/testpartner.yml",
        partner(themes="themes: [droogte]\nregions: [utrecht]"),
        "'utrecht' is geen bekende regio",
    ),
    ("partners/testpartner.yml", partner(offers="offers: []"), "7:9: offers: mag niet leeg zijn"),
    ("partners/testpartner.yml", partner(website="website: http://www.example.org"), "website: 'http://www.exa"),
    ("partners/testpartner.yml", partner(website="website: https://exa mple"), "geen geldig webadres"),
    ("partners/testpartner.yml", partner(last_reviewed="last_reviewed: 2026-02-30"), "geen bestaande datum"),
    ("partners/testpartner.yml", partner(last_reviewed="last_reviewed: 01-02-2026"), "geen datum in de vorm"),
    ("partners/testpartner.yml", partner(last_reviewed="last_reviewed: 2999-01-01"), "ligt in de toekomst"),
    ("partners/testpartner.yml", partner(last_reviewed="last_reviewed: 20260101"), "geen datum in de vorm"),
    ("partners/testpartner.yml", partner(id="andere-id"), "1:5: id: 'andere-id' moet gelijk zijn aan de bestandsnaam"),
    ("partners/Test_Partner.yml", partner(id="Test_Partner"), "id: 'Test_Partner': gebruik kleine letters"),
    ("partners/testpartner.yml", partner(name="name: no"), "'no' is dubbelzinnig"),
    ("partners/testpartner.yml", partner(name="name: 012345"), "'012345' zou als getal worden gelezen"),
    ("partners/testpartner.yml", partner(name="name: 12"), "name: verwacht tekst"),
    (
        "partners/testpartner.yml",
        partner(name="name: A\nname: B"),
        "3:1: name: dubbele sleutel 'name' (eerder op regel 2)",
    ),
    ("partners/testpartner.yml", partner(name="name: &naam A"), "2:7: name: ankers (&naam) zijn niet toegestaan"),
    ("partners/testpartner.yml", partner(name="name: &n A\nabbreviation: *n"), "3:15: abbreviation: aliassen (*n)"),
    ("partners/testpartner.yml", partner(name="name: !!str A"), "2:7: name: tags (tag:yaml.org,2002:str)"),
    ("partners/testpartner.yml", partner(offers="offers:\n\t- onderzoek"), "8:1: tab gebruikt om in te springen"),
    ("partners/testpartner.yml", partner(contact="contact: {}", url=""), "contact: geef minstens een e-mailadres"),
    (
        "partners/testpartner.yml",
        partner(url="  email: geen-adres"),
        "11:10: contact.email: 'geen-adres' is geen geldig",
    ),
    ("partners/testpartner.yml", partner(url="  phone: '12'"), "contact.phone: '12' is geen Nederlands"),
    (
        "partners/testpartner.yml",
        partner(contact="contact_persons:\n  - name: Iemand\n    role: Adviseur\ncontact:"),
        "contact_persons[0].consent_date: verplicht veld ontbreekt",
    ),
    (
        "themes/zelf.yml",
        "id: zelf\nname: Zelf\ndomains: [fysiek]\ndescription: x\nrelated: [zelf]\n",
        "related[0]: een item",
    ),
    (
        "questions/hoe-houden-we-wijken-koel.yml",
        "id: hoe-houden-we-wijken-koel\ntitle: T\nquestion: V?\nthemes: [droogte]\ndomains: [fysiek]\n"
        "status: gekoppeld\nsubmitted: 2026-01-01\n",
        "status: status 'gekoppeld' vraagt om minstens één gekoppelde partner",
    ),
    (
        "questions/is-er-genoeg-water.yml",
        "id: is-er-genoeg-water\ntitle: T\nquestion: V?\nthemes: [droogte]\ndomains: [fysiek]\n"
        "status: beantwoord\nsubmitted: 2026-01-01\nresearch: [droogte-verkenning]\n",
        "answer: een beantwoorde vraag heeft een antwoord",
    ),
    (
        "questions/nieuw.yml",
        "id: nieuw\ntitle: T\nquestion: V?\nthemes: [droogte]\ndomains: [fysiek]\nstatus: ingediend\n"
        "submitted: 2026-02-01\nupdated: 2026-01-01\n",
        "updated: ligt vóór de datum van indienen",
    ),
    (
        "research/r.yml",
        "id: r\ntitle: R\nstatus: lopend\nsummary: S\nthemes: [droogte]\nstart: 2026-02-01\nend: 2026-01-01\n"
        "last_reviewed: 2026-01-01\n",
        "end ligt vóór start",
    ),
    (
        "events/e.yml",
        "id: e\ntitle: E\nkind: kenniscafe\ndescription: D\nstart: 2026-02-01\n",
        "geef een plaats (location) of zet online op true",
    ),
    (
        "events/e.yml",
        "id: e\ntitle: E\nkind: kenniscafe\ndescription: D\nstart: 2026-02-01T25:00\nonline: true\n",
        "start: '2026-02-01T25:00' is geen bestaand tijdstip",
    ),
    (
        "themes/leeg.md",
        "---\nid: leeg\nname: D\ndomains: [fysiek]\ndescription: dubbel\n---\nTekst.\n",
        "5:14: description: staat zowel in de velden als in de tekst",
    ),
    ("themes/geen-kop.md", "# Alleen tekst\n", "1:1: een .md-bestand begint met velden"),
    ("themes/notitie.txt", "tekst\n", "onbekend bestandstype"),
    ("onbekend/x.yml", "id: x\n", "hoort niet in deze map"),
    ("pages/extra.md", "# Extra\n\nTekst <script>x</script>\n", "3:7: HTML en javascript: zijn niet toegestaan"),
    ("pages/extra.md", "# Extra\n\n[x](javascript:alert(1))\n", "3:5: HTML en javascript:"),
    ("pages/themas.md", "# Thema's\n", "de naam 'themas' is al in gebruik"),
    ("partners/sub/x.yml", "id: x\n", "hoort niet in deze map"),
]


@pytest.mark.parametrize(("relative", "text", "expected"), CASES, ids=[case[2][:50] for case in CASES])
def test_bad_content_gives_located_error(
    content: Path,
    write: Callable[[str, str], Path],
    atlas_cli: Callable[..., CliResult],
    relative: str,
    text: str,
    expected: str,
) -> None:
    path = write(relative, text)
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1
    located = [line for line in result.err.splitlines() if line.startswith(f"{path.as_posix()}:")]
    assert any(expected in line for line in located), result.err
    assert result.err.rstrip().splitlines()[-1].endswith(("bestand", "bestanden"))


def test_duplicate_id_across_yml_and_md(content: Path, write: Callable[[str, str], Path], atlas_cli) -> None:  # type: ignore[no-untyped-def]
    write("themes/droogte.md", "---\nid: droogte\nname: Droogte\ndomains: [fysiek]\n---\nWatertekort.\n")
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1
    assert "id: 'droogte' bestaat al in" in result.err


def test_non_utf8_is_located(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    (content / "themes" / "latin.yml").write_bytes(b"id: latin\nname: Caf\xe9\n")
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1
    assert "latin.yml:2:10: het bestand is geen UTF-8" in result.err


def test_all_errors_are_collected_with_summary(
    content: Path, write: Callable[[str, str], Path], atlas_cli: Callable[..., CliResult]
) -> None:
    write("partners/een.yml", partner(id="een", kind="kind: bureau", level="level: nationaal"))
    write("partners/twee.yml", partner(id="twee", themes="themes: [klimaat]"))
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 4
    assert lines[-1] == "3 fouten in 2 bestanden"


def test_valid_fixture_passes(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 0, result.err
    assert "Alles in orde: 11 items" in result.out


def test_real_content_is_valid(atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("validate")
    assert result.code == 0, result.err


@pytest.mark.parametrize("slug", ["over", "toegankelijkheid", "privacy"])
def test_required_page_missing(content: Path, atlas_cli: Callable[..., CliResult], slug: str) -> None:
    (content / "pages" / f"{slug}.md").unlink()
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1
    assert f"pages/{slug}.md:1:1: deze pagina is verplicht en ontbreekt" in result.err
