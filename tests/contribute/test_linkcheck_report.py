"""Where addresses are written, which entries are due for review, and `atlas check-links` end to end."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.build import gather
from generator.config import AtlasConfig
from generator.contribute.linkcheck.report import code
from generator.contribute.linkcheck.review import overdue, reviewed_kinds
from generator.contribute.linkcheck.urls import occurrences, urls_in
from tests.conftest import FIXTURE_CONTENT, CliResult
from tests.contribute.linkserver import LinkServer, link_server

pytestmark = pytest.mark.usefixtures("loopback_only")  # tests/contribute/conftest.py


def atlas_of(content: Path) -> Any:
    return gather(AtlasConfig(root=content.parent, content_dir=content).resolve())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Zie https://www.example.nl.", ["https://www.example.nl"]),
        ("[Rapport](https://www.example.nl/rapport.pdf), en meer", ["https://www.example.nl/rapport.pdf"]),
        ("<https://a.nl/x?y=1&z=2> of http://b.nl/", ["https://a.nl/x?y=1&z=2", "http://b.nl/"]),
        ("'https://a.nl/pad'; \"https://b.nl\"", ["https://a.nl/pad", "https://b.nl"]),
        ("geen adres: https:// en mailto:info@example.nl", []),
    ],
)
def test_urls_in_text(text: str, found: list[str]) -> None:
    assert [url for _, url in urls_in(text)] == found


def test_each_address_at_its_file_and_line(content: Path, write: Callable[[str, str], Path]) -> None:
    write(
        "themes/droogte.yml",
        """
        # Een adres in commentaar is geen inhoud: https://www.example.org/commentaar
        id: droogte
        name: Droogte
        domains: [fysiek]
        description: >-
          Lange droge periodes. Zie
          [de verkenning](https://www.example.org/droogte) en https://www.example.org/water.
        """,
    )
    found = {(place.path, place.line, place.url, place.field) for place in occurrences(atlas_of(content))}
    shown = f"{content.name}"
    assert found >= {
        (f"{shown}/themes/droogte.yml", 7, "https://www.example.org/droogte", "description"),
        (f"{shown}/themes/droogte.yml", 7, "https://www.example.org/water", "description"),
        (f"{shown}/partners/gemeente-voorbeeld.yml", 10, "https://www.example.com", "website"),
        (f"{shown}/partners/voorbeeld-planbureau.yml", 13, "https://www.example.org/contact", "contact.url"),
        (f"{shown}/practices/koele-wijken.md", 16, "https://www.example.org/koel", "links[0].url"),
    }
    assert not any("commentaar" in url for _, _, url, _ in found)


def test_addresses_in_a_markdown_body_and_a_page(content: Path) -> None:
    research = content / "research" / "droogte-verkenning.md"
    written = research.read_text(encoding="utf-8").splitlines()
    research.write_text("\n".join([*written, "", "Meer in [het rapport](https://www.example.org/rapport)."]) + "\n")
    page = content / "pages" / "over.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "Zie ook https://www.example.org/over."]) + "\n", encoding="utf-8")
    found = {(place.path.split("/", 1)[1], place.line, place.url) for place in occurrences(atlas_of(content))}
    assert ("research/droogte-verkenning.md", len(written) + 2, "https://www.example.org/rapport") in found
    assert ("pages/over.md", len(lines) + 2, "https://www.example.org/over") in found


def test_reviewed_kinds_are_those_with_the_field() -> None:
    assert reviewed_kinds() == ["partner", "practice", "region", "network", "research"]


@pytest.mark.parametrize(
    ("today", "late"),
    [
        # The fixture's entries were last reviewed on 2026-11-01; the threshold is twelve months.
        ("2027-11-01", []),
        ("2027-11-02", ["gemeente-voorbeeld", "voorbeeld-planbureau", "droogte-verkenning"]),
    ],
)
def test_review_threshold(content: Path, today: str, late: list[str]) -> None:
    found = overdue(atlas_of(content), date.fromisoformat(today))
    assert [item.id for item in found if item.id in late] == sorted(late, key=lambda key: found_order(found, key))
    assert {item.id for item in found} >= set(late)
    assert (not found) is (not late)


def found_order(found: list[Any], key: str) -> int:
    return [item.id for item in found].index(key)


def test_overdue_entry_is_located(content: Path) -> None:
    found = {item.id: item for item in overdue(atlas_of(content), date(2028, 1, 15))}
    partner = found["gemeente-voorbeeld"]
    assert (partner.path.split("/", 1)[1], partner.line) == ("partners/gemeente-voorbeeld.yml", 14)
    assert (partner.last_reviewed, partner.months) == (date(2026, 11, 1), 14)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("https://a.nl/x", "`https://a.nl/x`"),
        ("https://a.nl/`![x](https://b.nl/t.png)`", "`https://a.nl/?![x](https://b.nl/t.png)?`"),
        ("https://a.nl/\nregel", "`https://a.nl/?regel`"),
    ],
)
def test_addresses_cannot_break_out_of_code(text: str, shown: str) -> None:
    assert code(text) == shown


# The check end to end: a content tree whose only addresses point at the local server.
THEME = """\
id: droogte
name: Droogte
domains: [fysiek]
description: |
  Werkt: {base}/ok
  Verhuisd: {base}/moved
  Tijdelijk elders: {base}/temporary
  Weg: {base}/missing
  Geen HEAD: {base}/no-head
  Te druk: {base}/busy-for-an-hour
  Traag: {base}/slow
"""

RESEARCH = """\
---
id: oude-studie
title: Oude studie
status: afgerond
themes: [droogte]
last_reviewed: 2024-03-01
---
Het rapport staat op [de site]({base}/missing).
"""


@pytest.fixture
def local_content(tmp_path: Path) -> Iterator[tuple[Path, LinkServer]]:
    with link_server() as server:
        content = tmp_path / "content"
        shutil.copytree(FIXTURE_CONTENT / "pages", content / "pages")
        (content / "themes").mkdir()
        (content / "research").mkdir()
        (content / "themes" / "droogte.yml").write_text(THEME.format(base=server.base), encoding="utf-8")
        (content / "research" / "oude-studie.md").write_text(RESEARCH.format(base=server.base), encoding="utf-8")
        yield content, server


def run_check(atlas_cli: Callable[..., CliResult], content: Path, *extra: str) -> CliResult:
    return atlas_cli(
        "check-links", "--content", str(content), "--delay", "0", "--timeout", "0.5", "--today", "2026-11-30", *extra
    )


def test_check_links_reports_each_problem_at_its_line(
    local_content: tuple[Path, LinkServer], atlas_cli: Callable[..., CliResult]
) -> None:
    content, server = local_content
    result = run_check(atlas_cli, content)
    assert result.code == 3, result.err
    theme, research = f"{content}/themes/droogte.yml", f"{content}/research/oude-studie.md"
    base = server.base
    assert result.out.splitlines()[:-2] == [
        f"{research}:6: last_reviewed: 2024-03-01: Oude studie: laatst gecontroleerd op 1 maart 2024, 32 maanden "
        "geleden; controleer de gegevens en zet de datum van vandaag bij last_reviewed",
        f"{research}:8: {base}/missing: niet gevonden (404)",
        f"{theme}:6: description: {base}/moved: verhuisd (301) naar `{base}/ok/new-home`; zet dat adres in de link",
        f"{theme}:8: description: {base}/missing: niet gevonden (404)",
        f"{theme}:10: description: {base}/busy-for-an-hour: te veel verzoeken (429); de server vraagt 3600 seconden "
        "te wachten, probeer het later opnieuw",
        f"{theme}:11: description: {base}/slow: geen antwoord binnen 0.5 seconden",
    ]
    assert (
        result.out.splitlines()[-1] == "3 links werken niet, 1 zijn verhuisd, 1 items zijn niet op tijd gecontroleerd."
    )
    # Each distinct address once, though /missing is written twice.
    assert len(server.requests_for("/missing")) == 1


def test_check_links_markdown_groups_by_file(
    local_content: tuple[Path, LinkServer], atlas_cli: Callable[..., CliResult]
) -> None:
    content, server = local_content
    result = run_check(atlas_cli, content, "--format", "markdown")
    assert result.code == 3, result.err
    lines = result.out.splitlines()
    assert lines[0] == "## Controle van links en gegevens"
    assert "- Links die niet werken: 3" in lines
    assert "- Links met een tijdelijke doorverwijzing (die werken, niets te doen): 1" in lines
    research, theme = (
        lines.index(f"### `{content}/research/oude-studie.md`"),
        lines.index(f"### `{content}/themes/droogte.yml`"),
    )
    assert research < theme
    assert lines[theme + 2] == (
        f"- `{content}/themes/droogte.yml:6` (description) `{server.base}/moved`: "
        f"verhuisd (301) naar `{server.base}/ok/new-home`; zet dat adres in de link"
    )
    assert sum(line.startswith("- `") for line in lines) == 6


def test_nothing_to_do_exits_0(tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> None:
    with link_server() as server:
        content = tmp_path / "content"
        shutil.copytree(FIXTURE_CONTENT / "pages", content / "pages")
        (content / "themes").mkdir()
        theme = THEME.split("  Verhuisd")[0].format(base=server.base)
        (content / "themes" / "droogte.yml").write_text(theme, encoding="utf-8")
        result = run_check(atlas_cli, content, "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.rstrip().endswith("Alles in orde: er is niets te doen.")


@pytest.mark.parametrize(
    "arguments",
    [("--limit-per-host", "0"), ("--delay", "-1"), ("--timeout", "0"), ("--review-months", "x"), ("--format", "html")],
)
def test_bad_options_are_refused(atlas_cli: Callable[..., CliResult], arguments: tuple[str, str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        atlas_cli("check-links", *arguments)
    assert stopped.value.code == 2
