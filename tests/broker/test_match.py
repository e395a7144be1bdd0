"""The matcher on small fixture trees: recognition, every part and reason, ranking, no match."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.broker.match.matcher import Ask, Match, Matcher
from generator.broker.match.recognise import canonical
from generator.build import gather
from generator.config import AtlasConfig


def matcher_for(content: Path) -> Matcher:
    return Matcher.for_atlas(gather(AtlasConfig(content_dir=content).resolve()))


@pytest.fixture
def matcher(content: Path) -> Matcher:
    return matcher_for(content)


def first(matches: list[Match], type_: str, id_: str) -> Match:
    return next(m for m in matches if (m.type, m.id) == (type_, id_))


@pytest.mark.parametrize(
    ("text", "themes", "regions", "needs"),
    [
        ("hittestress in de stad", ("klimaatadaptatie",), (), ()),
        ("Last van wateroverlast?", ("klimaatadaptatie",), (), ()),
        ("droogteproblemen bij boeren", ("droogte",), (), ()),  # a compound starting with a theme's name
        ("verdroging en watertekort", ("droogte",), (), ()),
        ("Wij in de Voorbeeldregio hebben cijfers nodig", (), ("voorbeeldregio",), ("data",)),
        ("hitte en droogte", ("droogte",), (), ()),  # 'hitte' is not a name in this tree
        ("Wat kost een brood?", (), (), ()),
    ],
)
def test_recognises_themes_regions_and_needs(
    matcher: Matcher, text: str, themes: tuple[str, ...], regions: tuple[str, ...], needs: tuple[str, ...]
) -> None:
    found = matcher.recognise(text)
    assert (found.themes, found.regions, found.needs) == (themes, regions, needs)


@pytest.mark.parametrize(("term", "expected"), [("friez", "fries"), ("leev", "leef"), ("droogt", "droogt")])
def test_canonical_end_consonants(term: str, expected: str) -> None:
    assert canonical(term) == expected


def test_region_by_synonym_and_theme_by_synonym_in_real_content() -> None:
    matcher = Matcher.for_atlas(gather(AtlasConfig().resolve()))
    assert matcher.recognise("hittestress in Friesland").themes == ("klimaatadaptatie",)
    assert matcher.recognise("hittestress in Friesland").regions == ("fryslan",)
    assert matcher.recognise("Wat doen de Friezen?").regions == ("fryslan",)
    assert matcher.recognise("de provincie Utrecht").regions == ("utrecht",)
    assert matcher.recognise("ZZS in de bodem").themes == ("gezonde-en-veilige-leefomgeving", "bodem-en-ondergrond")


def test_free_text_works_as_well_as_flags(matcher: Matcher) -> None:
    free = matcher.match(Ask("Hittestress in de Voorbeeldregio"))
    flagged = matcher.match(Ask("Hittestress", region="voorbeeldregio", themes=("klimaatadaptatie",)))
    assert [(m.type, m.id) for m in free] == [(m.type, m.id) for m in flagged]


def test_every_part_and_reason(matcher: Matcher) -> None:
    ask = Ask("hittestress: wie heeft data en metingen?", region="voorbeeldregio", domain="fysiek")
    results = matcher.match(ask, limit=None)
    planbureau = first(results, "partner", "voorbeeld-planbureau")
    assert planbureau.parts["themes"] == 2.0
    assert planbureau.parts["region"] == 0.75  # national, the asker named a region
    assert planbureau.parts["offers"] == 0.75
    assert planbureau.parts["links"] == 1.5  # a practice, a question and a network on the theme (at most 1.5)
    assert planbureau.parts["domain"] == 0.25
    assert planbureau.reasons == (
        "zelfde thema: Klimaatadaptatie",
        "landelijke kennisinstelling",
        "biedt data",
        "betrokken bij de praktijk Koele wijken",
        "lid van het netwerk Voorbeeldnetwerk",
        "zelfde domein: Fysiek domein",
    )
    gemeente = first(results, "partner", "gemeente-voorbeeld")
    assert gemeente.parts["region"] == 2.5  # active in the region (2.0), and it leads its schakelfunctie (0.5)
    assert "schakelfunctie van Voorbeeldregio" in gemeente.reasons
    practice = first(results, "practice", "koele-wijken")
    assert "in Voorbeeldregio" in practice.reasons
    assert any(reason.startswith("past bij je woorden: ") for reason in practice.reasons)
    assert practice.score == round(sum(practice.parts.values()), 6)


def test_related_theme_counts_less(matcher: Matcher) -> None:
    results = matcher.match(Ask("verdroging"), limit=None)  # droogte; klimaatadaptatie is related
    assert first(results, "partner", "voorbeeld-planbureau").parts["themes"] == 2.0
    related = first(results, "partner", "gemeente-voorbeeld")
    assert related.parts["themes"] == 0.75
    assert "verwant thema: Klimaatadaptatie" in related.reasons


def test_ranking_order_same_region_then_national_then_others(write: Callable[[str, str], Path], content: Path) -> None:
    for name, level, regions in [("ander-lokaal", "lokaal", "[andere-regio]"), ("nog-landelijk", "landelijk", "[]")]:
        write(
            f"partners/{name}.yml",
            f"""
            id: {name}
            name: Partner {name}
            kind: kennisinstituut
            level: {level}
            domains: [fysiek]
            themes: [droogte]
            regions: {regions}
            offers: [advies]
            expertise: Kennis.
            website: https://www.example.org
            contact:
              url: https://www.example.org
            last_reviewed: 2026-11-01
            """,
        )
    write(
        "regions/andere-regio.md",
        "---\nid: andere-regio\nname: Andere regio\nscale: regio\nlast_reviewed: 2026-11-01\n---\nTekst.\n",
    )
    write(
        "partners/gemeente-voorbeeld.yml",
        (content / "partners" / "gemeente-voorbeeld.yml").read_text().replace("[klimaatadaptatie]", "[droogte]"),
    )
    matcher = matcher_for(content)
    ranked = [m.id for m in matcher.match(Ask("droogte in de Voorbeeldregio"), kinds=("partner",))]
    # The planbureau and the other national partner both work nationally; the planbureau's own
    # research on droogte puts it first of the two.
    assert ranked == ["gemeente-voorbeeld", "voorbeeld-planbureau", "nog-landelijk", "ander-lokaal"]


def test_needs_against_offers(matcher: Matcher) -> None:
    with_needs = matcher.match(Ask("hittestress", needs=("onderzoek", "data")), kinds=("partner",))
    assert first(with_needs, "partner", "voorbeeld-planbureau").reasons[2] == "biedt onderzoek, data"
    assert first(with_needs, "partner", "voorbeeld-planbureau").parts["offers"] == 1.5
    assert first(with_needs, "partner", "gemeente-voorbeeld").parts["offers"] == 0.0


def test_no_match_at_all(matcher: Matcher) -> None:
    assert matcher.match(Ask("Wat kost een brood in Parijs?")) == []
    assert matcher.match(Ask("")) == []


def test_region_alone_finds_who_works_there(matcher: Matcher) -> None:
    ids = [m.id for m in matcher.match(Ask("Voorbeeldregio"))]
    assert "gemeente-voorbeeld" in ids
    assert "voorbeeld-planbureau" not in ids  # national, but nothing in the question concerns it


def test_kinds_limit_and_exclude(matcher: Matcher) -> None:
    everything = matcher.match(Ask("hittestress"), limit=None)
    assert {m.type for m in everything} >= {"partner", "practice", "question", "event"}
    only = matcher.match(Ask("hittestress"), kinds=("question",), exclude=[("question", "hoe-houden-we-wijken-koel")])
    assert [m.id for m in only] == ["is-er-genoeg-water"]  # on droogte, a related theme
    assert len(matcher.match(Ask("hittestress"), limit=2)) == 2


def test_for_question_never_returns_itself(matcher: Matcher, content: Path) -> None:
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    question = atlas.entries["question"]["hoe-houden-we-wijken-koel"]
    assert all(m.id != question.id for m in matcher.for_question(question, limit=None))
