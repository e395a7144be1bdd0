"""The Overzicht page: hand-counted numbers, pictures that agree with their tables, readable at scale."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench.synthetic import write_synthetic_atlas
from generator.atlas import Atlas
from generator.broker.overview import network as overview_network
from generator.broker.overview import numbers as overview
from generator.broker.overview import svg as overview_svg
from generator.broker.overview.numbers import Cell
from generator.build import gather
from generator.config import AtlasConfig
from generator.derive import Links
from generator.render import Renderer
from generator.vocab import NetworkKind, QuestionStatus
from tests.broker.overview_pictures import NETWORK_COUNT_COLUMN, pictures, shown, table, table_numbers

Write = Callable[[str, str], Path]

SVG_TABLES = {
    "atlas-coverage": ("atlas-coverage-table", None),
    "atlas-count-variant": ("atlas-count-variant-table", None),
    "atlas-count-domain": ("atlas-count-domain-table", None),
    "atlas-count-level": ("atlas-count-level-table", None),
    "atlas-count-partner-kind": ("atlas-count-partner-kind-table", None),
    "atlas-funnel": ("atlas-funnel-table", None),
    "atlas-network": ("atlas-network-table", [NETWORK_COUNT_COLUMN]),
}


def extend_fixture(write: Write) -> None:
    """The fixture tree plus a second region, a national partner working there, a national
    practice and a question nobody answers yet (counted by hand in the tests below)."""
    write(
        "regions/tweede-regio.yml",
        """
        id: tweede-regio
        name: Tweede regio
        scale: regio
        description: Een tweede regio, zonder variant.
        last_reviewed: 2026-11-01
        """,
    )
    write(
        "partners/landelijk-instituut.yml",
        """
        id: landelijk-instituut
        name: Landelijk Instituut
        kind: kennisinstituut
        level: landelijk
        domains: [sociaal]
        themes: [klimaatadaptatie]
        regions: [tweede-regio]
        offers: [advies]
        expertise: Advies over hitte.
        website: https://www.example.net
        contact:
          url: https://www.example.net/contact
        last_reviewed: 2026-11-01
        """,
    )
    write(
        "practices/landelijke-aanpak.md",
        """
        ---
        id: landelijke-aanpak
        title: Landelijke aanpak
        summary: Een aanpak voor het hele land.
        who: Iedereen.
        what: Samen werken.
        needs: Tijd.
        themes: [klimaatadaptatie, droogte]
        variant: actief
        source: Testfixture
        last_reviewed: 2026-11-01
        ---
        Achtergrond.
        """,
    )
    write(
        "questions/droogte-in-tweede.yml",
        """
        id: droogte-in-tweede
        title: Droogte in de tweede regio
        question: Hoe gaan we om met droogte in de tweede regio?
        region: tweede-regio
        themes: [droogte]
        domains: [fysiek, sociaal]
        status: ingediend
        submitted: 2026-03-01
        """,
    )


@pytest.fixture
def links(content: Path, write: Write) -> Links:
    extend_fixture(write)
    return Links(gather(AtlasConfig(content_dir=content).resolve()))


def page_of(atlas: Atlas) -> str:
    return Renderer(atlas).render_all()["overzicht.md"]


def test_coverage_counts_questions_and_supply_per_theme_and_region(links: Links) -> None:
    coverage = overview.coverage(links)

    assert [c.label for c in coverage.columns] == ["Tweede regio", "Voorbeeldregio", "Landelijk"]
    assert {row.label: row.cells for row in coverage.rows} == {
        # droogte: the question in Tweede regio finds no supply there; nationally the planbureau,
        # the research without region and the national practice
        "Droogte": (Cell(1, 0), Cell(0, 0), Cell(1, 3)),
        # klimaatadaptatie: the national institute counts in its region and nationally
        "Klimaatadaptatie": (Cell(0, 1), Cell(1, 2), Cell(0, 3)),
    }
    assert [cell.gap for cell in coverage.rows[0].cells] == [True, False, False]


def test_counts_per_variant_domain_level_and_kind(links: Links) -> None:
    tables = {t.key: t for t in overview.counts(links)}

    def rows(key: str) -> dict[str, tuple[int, ...]]:
        return {row.label: row.values for row in tables[key].rows}

    assert rows("variant") == {
        "Actieve variant": (1, 0),
        "Proactieve variant": (1, 1),
        "Productieve variant": (0, 0),
        "Nog geen variant gekozen": (0, 1),
    }
    assert rows("domain") == {"Fysiek domein": (2, 2, 3), "Sociaal domein": (1, 2, 1)}
    assert rows("level") == {"Lokaal": (1,), "Regionaal": (0,), "Landelijk": (2,)}
    kinds = rows("partner-kind")
    assert len(kinds) == 14
    assert {label: n for label, (n,) in kinds.items() if n} == {"Gemeente": 1, "Planbureau": 1, "Kennisinstituut": 1}


def test_funnel_counts_now_and_reached_in_vocabulary_order(links: Links) -> None:
    stages = overview.funnel(links)

    assert [s.status for s in stages] == list(QuestionStatus)
    assert [(s.current, s.reached) for s in stages] == [(1, 3), (0, 2), (1, 2), (0, 1), (1, 1)]


def test_network_map_nodes_edges_and_partner_counts(links: Links) -> None:
    graph = overview_network.network_map(links)

    assert [(n.key, n.role, n.label, n.partners) for n in graph.nodes] == [
        ("region:tweede-regio", "region", "Tweede regio", 1),
        ("region:voorbeeldregio", "region", "Voorbeeldregio", 1),
        ("landelijk", "national", "Landelijk", 2),
        ("network:voorbeeldnetwerk", "network", "Voorbeeldnetwerk", 2),
    ]
    assert [(e.source, e.target, e.weight) for e in graph.edges] == [
        ("network:voorbeeldnetwerk", "region:voorbeeldregio", 1)
    ]
    assert not graph.grouped
    assert set(graph.positions) == {n.key for n in graph.nodes}
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in graph.positions.values())


def test_many_networks_and_regions_are_grouped(links: Links, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview_network, "NETWORK_LIMIT", 0)
    monkeypatch.setattr(overview_network, "REGION_LIMIT", 1)

    graph = overview_network.network_map(links)

    assert graph.grouped
    assert [(n.key, n.label, n.partners, n.count) for n in graph.nodes] == [
        ("region:overig", "2 andere regio's", 2, 2),
        ("landelijk", "Landelijk", 2, 1),
        ("kind:kenniscommunity", "Kenniscommunity: 1 netwerk", 2, 1),
    ]
    assert [(e.source, e.target, e.weight) for e in graph.edges] == [("kind:kenniscommunity", "region:overig", 1)]


def assert_pictures_match_tables(page: str) -> None:
    drawn = pictures(page)
    assert set(drawn) == set(SVG_TABLES)
    for key, (table_id, columns) in SVG_TABLES.items():
        data = table(page, table_id)
        assert drawn[key].numbers() == table_numbers(data, columns), key
        assert drawn[key].numbers(), key
        labels = drawn[key].labels()
        missing = [label for label, _ in data.rows if not shown(label, labels)]
        assert missing == [], key


def test_pictures_match_their_tables_on_the_fixture(links: Links) -> None:
    assert_pictures_match_tables(page_of(links.atlas))


def test_pictures_match_their_tables_on_the_built_site(real_site: Path) -> None:
    page = (real_site / "overzicht" / "index.html").read_text(encoding="utf-8")
    assert_pictures_match_tables(page)
    coverage = table(page, "atlas-coverage-table")
    assert coverage.head[1:] == [label for label in pictures(page)["atlas-coverage"].labels()[: len(coverage.head) - 1]]


def test_every_picture_is_named_and_described(links: Links) -> None:
    for picture in pictures(page_of(links.atlas)).values():
        root = picture.root
        assert root.get("role") == "img"
        title, desc = root.find("{http://www.w3.org/2000/svg}title"), root.find("{http://www.w3.org/2000/svg}desc")
        assert title is not None
        assert desc is not None
        assert title.text
        assert desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_text_in_pictures_is_escaped(content: Path, write: Write) -> None:
    write(
        "themes/hitte.yml",
        """
        id: hitte
        name: Hitte & <script>alert(1)</script>
        domains: [fysiek]
        description: Warm.
        """,
    )
    page = page_of(gather(AtlasConfig(content_dir=content).resolve()))

    assert "<script>" not in page
    assert "Hitte &amp; &lt;script&gt;" in page
    assert "Hitte & <script>alert(1)</script>" in pictures(page)["atlas-coverage"].labels()


def test_rendering_twice_gives_the_same_bytes(content: Path, write: Write) -> None:
    extend_fixture(write)
    config = AtlasConfig(content_dir=content).resolve()
    assert page_of(gather(config)) == page_of(gather(config))


@pytest.mark.parametrize("fill", [*overview_svg.SUPPLY_FILLS, overview_svg.GAP_FILL, overview_svg.NO_SUPPLY_FILL])
def test_numbers_in_heatmap_cells_meet_wcag_aa(fill: str) -> None:
    assert overview_svg.contrast(overview_svg.text_on(fill), fill) >= 4.5


def test_contrast_is_the_wcag_ratio() -> None:
    assert overview_svg.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert overview_svg.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_legend_covers_every_supply_in_the_heatmap(links: Links) -> None:
    coverage = overview.coverage(links)
    legend = overview_svg.legend(coverage)
    fills = {fill for fill, _ in legend}
    used = {
        overview_svg.supply_fill(c.supply, c.questions, overview_svg.supply_bounds(coverage))
        for row in coverage.rows
        for c in row.cells
    }
    assert used <= fills
    assert [words for _, words in legend] == [
        "geen aanbod, geen vragen",
        "wel vragen, geen aanbod",
        "aanbod 1",
        "aanbod 2",
        "aanbod 3",
    ]


def test_network_picture_stays_small_at_national_scale(tmp_path: Path) -> None:
    content = tmp_path / "content"
    counts = write_synthetic_atlas(content, 3000, seed=11)
    atlas = gather(AtlasConfig(content_dir=content).resolve())
    links = Links(atlas)

    graph = overview_network.network_map(links)

    assert counts["network"] > overview_network.NETWORK_LIMIT
    assert graph.grouped
    assert len(graph.nodes) <= overview_network.REGION_LIMIT + len(NetworkKind) + 1 <= 150
    assert sum(n.count for n in graph.nodes if n.role == "network") == counts["network"]
    assert sum(n.count for n in graph.nodes if n.role == "region") == counts["region"]
    picture = pictures(overview_svg.network(graph))["atlas-network"]
    assert len(picture.texts("atlas-svg-n")) == len(graph.nodes)
    assert_pictures_match_tables(page_of(atlas))
