"""Signals on small content trees: per kind a case that fires and the cases that must not."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.broker.signals.kinds import SIGNAL_KINDS, signals
from generator.broker.signals.signal import Signal, months_before
from generator.build import gather, generate_docs
from generator.cli import main
from generator.config import AtlasConfig
from generator.render import render_site
from tests.conftest import CliResult

Write = Callable[[str, str], Path]
TODAY = date(2026, 3, 1)
"""On this day the fixture tree has no signal at all (see the first test)."""


def found(content: Path, today: date = TODAY, kind: str | None = None) -> list[Signal]:
    listed = signals(gather(AtlasConfig(content_dir=content).resolve()), today)
    return [signal for signal in listed if kind is None or signal.kind == kind]


OPEN = "status: ingediend\nsubmitted: 2026-02-20\n"


def question(write: Write, key: str, *, region: str = "", themes: str = "droogte", extra: str = OPEN) -> None:
    region_line = f"region: {region}\n" if region else ""
    write(
        f"questions/{key}.yml",
        f"id: {key}\ntitle: Vraag {key}\nquestion: Wat weten we over {key}?\n{region_line}"
        f"themes: [{themes}]\ndomains: [fysiek]\n{extra}",
    )


def research(write: Write, key: str, fields: str) -> None:
    write(
        f"research/{key}.md",
        f"---\nid: {key}\ntitle: Onderzoek {key}\nsummary: Over {key}.\nlast_reviewed: 2026-02-01\n{fields}---\n",
    )


def other_region(write: Write, extra: str = "") -> None:
    write(
        "regions/andere-regio.md",
        f"---\nid: andere-regio\nname: Andere regio\nscale: regio\n{extra}last_reviewed: 2026-02-01\n---\nTest.\n",
    )


def test_fixture_tree_has_no_signals(content: Path) -> None:
    assert found(content) == []


def test_kinds_have_unique_keys_and_dutch_explanations() -> None:
    assert len({kind.key for kind in SIGNAL_KINDS}) == len(SIGNAL_KINDS) == 6
    assert all(kind.explanation.endswith(".") and kind.heading for kind in SIGNAL_KINDS)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 8, 31), date(2026, 2, 28)),
        (date(2026, 7, 15), date(2026, 1, 15)),
        (date(2026, 3, 1), date(2025, 9, 1)),
    ],
)
def test_months_before(today: date, expected: date) -> None:
    assert months_before(today, 6) == expected


# ---------------------------------------------------------------- wacht


@pytest.mark.parametrize(("today", "fires"), [(date(2026, 7, 15), False), (date(2026, 7, 16), True)])
def test_question_waits_after_six_months(content: Path, today: date, fires: bool) -> None:
    waiting = found(content, today, "wacht")
    assert [s.entries for s in waiting] == ([(("question", "hoe-houden-we-wijken-koel"),)] if fires else [])
    if fires:
        assert "15 januari 2026" in waiting[0].reason
        assert "6 maanden geleden" in waiting[0].reason


def test_answered_question_never_waits(content: Path) -> None:
    # is-er-genoeg-water: answered, submitted 2025-05-01, no partner
    assert ("question", "is-er-genoeg-water") not in {e for s in found(content, date(2027, 1, 1)) for e in s.entries}


@pytest.mark.parametrize(
    ("status", "fires"),
    [("status: ingediend\n", True), ("status: gekoppeld\npartners: [voorbeeld-planbureau]\n", False)],
)
def test_question_without_partner_waits(content: Path, write: Write, status: str, fires: bool) -> None:
    question(write, "nieuw", extra=f"{status}submitted: 2026-02-20\n")
    waiting = found(content, kind="wacht")
    assert len(waiting) == (1 if fires else 0)
    if fires:
        assert "geen kennispartner" in waiting[0].reason
        assert "Ingediend op" not in waiting[0].reason  # only 9 days old: not waiting for its age


# ---------------------------------------------------------------- verouderd


@pytest.mark.parametrize(
    ("path", "kind"), [("partners/gemeente-voorbeeld.yml", "partner"), ("practices/koele-wijken.md", "practice")]
)
@pytest.mark.parametrize(("reviewed", "fires"), [("2025-02-28", True), ("2025-03-01", False)])
def test_not_reviewed_for_twelve_months(content: Path, path: str, kind: str, reviewed: str, fires: bool) -> None:
    file = content / path
    file.write_text(file.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-01", f"last_reviewed: {reviewed}"))
    stale = found(content, kind="verouderd")
    assert [s.entries[0][0] for s in stale] == ([kind] if fires else [])
    if fires:
        assert "28 februari 2025" in stale[0].reason


@pytest.mark.parametrize(("today", "fires"), [(date(2027, 6, 1), False), (date(2027, 6, 2), True)])
def test_region_past_its_evaluation(content: Path, today: date, fires: bool) -> None:
    stale = found(content, today, "verouderd")
    assert [s.entries for s in stale] == ([(("region", "voorbeeldregio"),)] if fires else [])
    if fires:
        assert "1 juni 2027" in stale[0].reason
        assert "1 dag geleden" in stale[0].reason


# ---------------------------------------------------------------- wees

LONE_PARTNER = """\
id: los-bureau
name: Los Bureau
kind: adviesbureau
level: regionaal
domains: [fysiek]
regions: [voorbeeldregio]
offers: [advies]
expertise: Advies.
website: https://www.example.net
contact:
  url: https://www.example.net/contact
last_reviewed: 2026-02-01
"""


def test_partner_nobody_refers_to_is_an_orphan(content: Path, write: Write) -> None:
    write("partners/los-bureau.yml", LONE_PARTNER)
    orphans = found(content, kind="wees")
    assert [s.entries for s in orphans] == [(("partner", "los-bureau"), ("region", "voorbeeldregio"))]
    assert "Voorbeeldregio" in orphans[0].reason


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("partners/los-bureau.yml", LONE_PARTNER + "themes: [droogte]\n"),
        (
            "networks/los-netwerk.yml",
            "id: los-netwerk\nname: Los netwerk\nkind: netwerk\ndescription: Test.\nmembers: [los-bureau]\n"
            "last_reviewed: 2026-02-01\n",
        ),
        (
            "research/los.md",
            "---\nid: los\ntitle: Los\nstatus: wens\nsummary: Test.\npartners: [los-bureau]\nthemes: [droogte]\n"
            "last_reviewed: 2026-02-01\n---\n",
        ),
        (
            "questions/los.yml",
            "id: los\ntitle: Los\nquestion: Los?\nthemes: [droogte]\ndomains: [fysiek]\nstatus: ingediend\n"
            "submitted: 2026-02-20\nasked_by: los-bureau\n",
        ),
    ],
    ids=["own-theme", "network-member", "research-partner", "asked-by"],
)
def test_partner_referred_to_is_no_orphan(content: Path, write: Write, path: str, text: str) -> None:
    write("partners/los-bureau.yml", LONE_PARTNER)
    write(path, text)
    assert found(content, kind="wees") == []


# ---------------------------------------------------------------- lacune


def test_theme_with_questions_and_no_supply_is_a_national_gap(content: Path, write: Write) -> None:
    write("themes/bodem.yml", "id: bodem\nname: Bodem\ndomains: [fysiek]\ndescription: De ondergrond.\n")
    question(write, "bodem-landelijk", themes="bodem")
    question(write, "bodem-regionaal", themes="bodem", region="voorbeeldregio")
    gaps = found(content, kind="lacune")
    assert [(s.title, s.region) for s in gaps] == [("Geen kennisaanbod: Bodem", None)]
    assert gaps[0].entries == (("theme", "bodem"), ("question", "bodem-landelijk"), ("question", "bodem-regionaal"))
    assert "2 open vragen" in gaps[0].reason


@pytest.mark.parametrize(
    ("supply", "gap_titles"),
    [
        (None, ["Geen aanbod in Voorbeeldregio: Bodem"]),
        ("in-region", []),
        ("national", []),
    ],
)
def test_regional_gap_counts_supply_in_the_region_and_nationally(
    content: Path, write: Write, supply: str | None, gap_titles: list[str]
) -> None:
    write("themes/bodem.yml", "id: bodem\nname: Bodem\ndomains: [fysiek]\ndescription: De ondergrond.\n")
    other_region(write)
    question(write, "bodem-hier", themes="bodem", region="voorbeeldregio")
    research(write, "bodem-elders", "status: wens\nregion: andere-regio\nthemes: [bodem]\n")
    if supply == "in-region":
        research(write, "bodem-hier", "status: wens\nregion: voorbeeldregio\nthemes: [bodem]\n")
    if supply == "national":
        research(write, "bodem-landelijk", "status: wens\nthemes: [bodem]\n")
    gaps = found(content, kind="lacune")
    assert [s.title for s in gaps] == gap_titles
    if gap_titles:
        assert gaps[0].region == "voorbeeldregio"
        assert "1 open vraag uit Voorbeeldregio" in gaps[0].reason
        assert "Wel in 1 andere regio" in gaps[0].reason


@pytest.mark.parametrize(("agenda", "fires"), [("bodem", True), ("klimaatadaptatie", False)])
def test_kennisagenda_theme_without_supply(content: Path, write: Write, agenda: str, fires: bool) -> None:
    write("themes/bodem.yml", "id: bodem\nname: Bodem\ndomains: [fysiek]\ndescription: De ondergrond.\n")
    other_region(write, f"agenda_themes: [{agenda}]\n")
    gaps = found(content, kind="lacune")
    assert [s.title for s in gaps] == (["Geen aanbod in Andere regio: Bodem"] if fires else [])
    if fires:
        assert "kennisagenda" in gaps[0].reason


def test_answered_questions_are_no_demand(content: Path, write: Write) -> None:
    write("themes/bodem.yml", "id: bodem\nname: Bodem\ndomains: [fysiek]\ndescription: De ondergrond.\n")
    question(
        write,
        "bodem-beantwoord",
        themes="bodem",
        extra="status: beantwoord\nsubmitted: 2026-02-20\nresearch: [droogte-verkenning]\nanswer: Ja.\n",
    )
    assert found(content, kind="lacune") == []


# ---------------------------------------------------------------- overlap

OVERLAPPING = (
    "status: lopend\npartners: [gemeente-voorbeeld]\nthemes: [droogte]\n"
    "target_groups: [de waterbeheerders van gemeenten]\nstart: 2025-06-01\nend: 2026-06-01\n"
)


def test_research_on_same_theme_group_and_time_by_others_overlaps(content: Path, write: Write) -> None:
    research(write, "water-nog-eens", OVERLAPPING)
    overlaps = found(content, kind="overlap")
    assert len(overlaps) == 1
    assert overlaps[0].entries[:2] == (("research", "droogte-verkenning"), ("research", "water-nog-eens"))
    for fact in ("Droogte", "waterbeheerders", "1 januari 2025 tot 31 december 2025", "Gemeente Voorbeeld"):
        assert fact in overlaps[0].reason


PERIOD = "start: 2025-06-01\nend: 2026-06-01\n"


@pytest.mark.parametrize(
    "changes",
    [
        [("themes: [droogte]", "themes: [klimaatadaptatie]")],
        [("[de waterbeheerders van gemeenten]", "[boeren]")],
        [(PERIOD, "start: 2026-01-01\nend: 2026-06-01\n")],
        [("partners: [gemeente-voorbeeld]", "partners: [gemeente-voorbeeld, voorbeeld-planbureau]")],
        [(PERIOD, "")],
        [(PERIOD, "end: 2024-12-31\n")],
        [("status: lopend", "status: wens"), (PERIOD, "")],
        [("status: lopend", "status: afgerond"), ("end: 2026-06-01\n", "")],
        [("target_groups: [de waterbeheerders van gemeenten]\n", "")],
    ],
    ids=[
        "other-theme",
        "other-group",
        "later",
        "shared-partner",
        "running-from-today-after-the-other-ended",
        "ended-before-the-other-started",
        "wish-without-dates",
        "finished-without-end",
        "no-target-group",
    ],
)
def test_research_that_does_not_overlap(content: Path, write: Write, changes: list[tuple[str, str]]) -> None:
    fields = OVERLAPPING
    for old, new in changes:
        assert old in fields
        fields = fields.replace(old, new)
    research(write, "water-nog-eens", fields)
    assert found(content, kind="overlap") == []


@pytest.mark.parametrize(
    ("one", "other", "fires"),
    [
        ("voorbeeldregio", "voorbeeldregio", True),
        ("voorbeeldregio", "andere-regio", False),
        ("voorbeeldregio", None, True),
    ],
)
def test_regional_research_overlaps_in_its_own_region_and_with_national(
    content: Path, write: Write, one: str, other: str | None, fires: bool
) -> None:
    other_region(write)
    research(write, "een", OVERLAPPING.replace("status: lopend\n", f"status: lopend\nregion: {one}\n"))
    fields = OVERLAPPING.replace("gemeente-voorbeeld", "voorbeeld-planbureau")
    research(
        write,
        "twee",
        fields.replace("status: lopend\n", f"status: lopend\nregion: {other}\n" if other else "status: lopend\n"),
    )
    pair = (("research", "een"), ("research", "twee"))
    assert any(s.entries[:2] == pair for s in found(content, kind="overlap")) is fires


@pytest.mark.parametrize(
    ("other_group", "fires"), [("oudere inwoners", True), ("ondernemers in Voorbeeldregio", False)]
)
def test_place_names_do_not_make_a_target_group(content: Path, write: Write, other_group: str, fires: bool) -> None:
    group = "[de waterbeheerders van gemeenten]"
    research(write, "een", OVERLAPPING.replace(group, "[inwoners van Voorbeeldregio]"))
    research(
        write,
        "twee",
        OVERLAPPING.replace(group, f"[{other_group}]").replace("gemeente-voorbeeld", "voorbeeld-planbureau"),
    )
    pair = (("research", "een"), ("research", "twee"))
    assert any(s.entries[:2] == pair for s in found(content, kind="overlap")) is fires


@pytest.mark.parametrize(("today", "fires"), [(date(2026, 3, 1), True), (date(2026, 7, 1), False)])
def test_running_research_without_dates_runs_today(content: Path, write: Write, today: date, fires: bool) -> None:
    research(write, "water-nog-eens", OVERLAPPING.replace("start: 2025-06-01\nend: 2026-06-01\n", ""))
    research(
        write,
        "water-derde",
        OVERLAPPING.replace("gemeente-voorbeeld", "voorbeeld-planbureau").replace(
            "start: 2025-06-01\n", "start: 2026-01-01\n"
        ),
    )
    pair = (("research", "water-derde"), ("research", "water-nog-eens"))
    assert any(s.entries[:2] == pair for s in found(content, today, "overlap")) is fires


# ---------------------------------------------------------------- herhaling

SAME = "Hoe houden we oude wijken koel tijdens hittegolven in de zomer?"


@pytest.mark.parametrize(
    ("region", "themes", "text", "fires"),
    [
        ("andere-regio", "klimaatadaptatie", SAME, True),
        ("voorbeeldregio", "klimaatadaptatie", SAME, False),
        ("andere-regio", "droogte", SAME, False),
        ("andere-regio", "klimaatadaptatie", "Welke subsidie bestaat er voor groene daken op scholen?", False),
    ],
    ids=["other-region", "same-region", "other-theme", "other-question"],
)
def test_similar_question_in_another_region_recurs(
    content: Path, write: Write, region: str, themes: str, text: str, fires: bool
) -> None:
    other_region(write)
    base = "themes: [{themes}]\ndomains: [fysiek]\nstatus: ingediend\nsubmitted: 2026-02-20\n"
    write(
        "questions/koel-hier.yml",
        f"id: koel-hier\ntitle: Koele wijken\nquestion: {SAME}\nregion: voorbeeldregio\n"
        + base.format(themes="klimaatadaptatie"),
    )
    write(
        "questions/koel-daar.yml",
        f"id: koel-daar\ntitle: Koele wijken\nquestion: {text}\nregion: {region}\n" + base.format(themes=themes),
    )
    recurring = found(content, kind="herhaling")
    assert len(recurring) == (1 if fires else 0)
    if fires:
        assert set(recurring[0].entries) == {("question", "koel-hier"), ("question", "koel-daar")}
        assert "Andere regio" in recurring[0].reason
        assert "Voorbeeldregio" in recurring[0].reason


# ---------------------------------------------------------------- the command and the page


def test_cli_plain_lists_signals_with_paths_and_counts(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("signals", "--content", str(content), "--today", "2026-08-01")
    assert result.code == 0
    assert "Vragen die wachten (1)" in result.out
    assert "vragen/hoe-houden-we-wijken-koel/" in result.out
    assert result.out.rstrip().endswith("1 signalen: 0 herhaling, 0 lacune, 0 overlap, 1 wacht, 0 verouderd, 0 wees.")


def test_cli_json(content: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("signals", "--content", str(content), "--json", "--today", "2026-08-01")
    assert result.code == 0
    records = json.loads(result.out)
    assert [r["kind"] for r in records] == ["wacht"]
    assert records[0]["entries"] == [
        {
            "type": "question",
            "id": "hoe-houden-we-wijken-koel",
            "name": "Hoe houden we wijken koel?",
            "url": "vragen/hoe-houden-we-wijken-koel/",
        }
    ]
    assert "15 januari 2026" in records[0]["reason"]


def test_cli_today_wins_over_source_date_epoch(
    content: Path, atlas_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1785542400")  # 2026-08-01: the fixture question waits
    by_epoch = json.loads(atlas_cli("signals", "--content", str(content), "--json").out)
    by_option = json.loads(atlas_cli("signals", "--content", str(content), "--json", "--today", "2026-03-01").out)
    assert [r["kind"] for r in by_epoch] == ["wacht"]
    assert by_option == []


@pytest.mark.parametrize("value", ["2026-13-01", "morgen"])
def test_cli_bad_today_is_a_usage_error(content: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["signals", "--content", str(content), "--today", value])
    assert exit_info.value.code == 2
    assert "JJJJ-MM-DD" in capsys.readouterr().err


def test_page_follows_the_build_date(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1785542400")
    first, second = render_site(atlas), render_site(atlas)
    assert first == second
    assert "Berekend op 1 augustus 2026" in first["signalen.md"]
    assert "De atlas ziet nu 1 signaal: [bekijk de signalen](signalen.md)" in first["index.md"]
    assert "Hoe houden we wijken koel?" in first["signalen.md"]
    assert "Hoe houden we wijken koel?" not in render_site(atlas, TODAY)["signalen.md"]


def test_build_passes_its_date_to_the_page(content: Path, tmp_path: Path) -> None:
    config = AtlasConfig(content_dir=content, docs_dir=tmp_path / "docs", today=date(2026, 3, 1)).resolve()
    generate_docs(config)
    page = (tmp_path / "docs" / "signalen.md").read_text(encoding="utf-8")
    assert "Berekend op 1 maart 2026" in page
    assert "De atlas ziet nu 0 signalen" in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")


def test_signals_page_on_the_real_site(real_site: Path) -> None:
    page = (real_site / "signalen" / "index.html").read_text(encoding="utf-8")
    for kind in SIGNAL_KINDS:
        assert f'id="{kind.key}"' in page
        assert kind.heading in page
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="signalen/"' in home
    assert "De atlas ziet nu" in home


def recurring_question(write: Write, key: str, region: str, text: str) -> None:
    write(
        f"questions/{key}.yml",
        f"id: {key}\ntitle: {text}\nquestion: {text}\nregion: {region}\nthemes: [klimaatadaptatie]\n"
        "domains: [fysiek]\nstatus: ingediend\nsubmitted: 2026-02-20\n",
    )


def test_region_names_do_not_make_questions_different(content: Path, write: Write) -> None:
    other_region(write)
    recurring_question(write, "hitte-hier", "voorbeeldregio", "Hitte in Voorbeeldregio?")
    recurring_question(write, "hitte-daar", "andere-regio", "Hitte in de Andere regio?")
    assert [set(s.entries) for s in found(content, kind="herhaling")] == [
        {("question", "hitte-hier"), ("question", "hitte-daar")}
    ]


def test_one_signal_for_a_question_in_three_regions(content: Path, write: Write) -> None:
    other_region(write)
    write(
        "regions/derde-regio.md",
        "---\nid: derde-regio\nname: Derde\nscale: regio\nlast_reviewed: 2026-02-01\n---\nT.\n",
    )
    for region in ("voorbeeldregio", "andere-regio", "derde-regio"):
        recurring_question(write, f"koel-{region}", region, SAME)
    recurring = found(content, kind="herhaling")
    assert [s.title for s in recurring] == [f"Vraag in 3 regio's: {SAME}"]
    assert len(recurring[0].entries) == 3


def test_page_lists_the_first_of_many_and_the_json_has_all(
    content: Path, write: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(3):
        write(
            f"questions/wachtende-vraag-{number}.yml",
            f"""
            id: wachtende-vraag-{number}
            title: Wachtende vraag {number}
            question: Wie weet meer over wachtende vraag {number}?
            themes: [droogte]
            domains: [fysiek]
            status: ingediend
            submitted: 2025-01-0{number + 1}
            """,
        )
    monkeypatch.setattr("generator.render.SIGNALS_SHOWN", 2)
    pages = render_site(gather(AtlasConfig(content_dir=content).resolve()), date(2027, 1, 1))
    waiting = [record for record in json.loads(pages["signalen.json"]) if record["kind"] == "wacht"]
    assert len(waiting) == 4
    page = pages["signalen.md"]
    assert "*De eerste 2 van 4 signalen van deze soort; de andere staan in [signalen.json](signalen.json).*" in page
    shown = [record["title"] for record in waiting if record["title"] in page]
    assert len(shown) == 2
