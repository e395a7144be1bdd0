"""Everything the Overzicht template shows: the numbers and, beside each table, its picture."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..derive import Links
from . import overview, overview_svg
from .overview_network import NetworkMap, network_map


@dataclass(frozen=True)
class OverviewPage:
    coverage: overview.Coverage
    coverage_svg: Markup
    legend: list[tuple[str, str]]
    counts: list[tuple[overview.CountTable, Markup]]
    funnel: tuple[overview.Stage, ...]
    funnel_svg: Markup
    network: NetworkMap
    network_svg: Markup


def overview_page(links: Links) -> OverviewPage:
    coverage = overview.coverage(links)
    stages = overview.funnel(links)
    graph = network_map(links)
    return OverviewPage(
        coverage=coverage,
        coverage_svg=overview_svg.heatmap(coverage),
        legend=overview_svg.legend(coverage),
        counts=[(table, overview_svg.bars(table)) for table in overview.counts(links)],
        funnel=stages,
        funnel_svg=overview_svg.funnel(stages),
        network=graph,
        network_svg=overview_svg.network(graph),
    )
