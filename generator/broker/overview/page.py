"""Everything the Overzicht template shows: the numbers and, beside each table, its picture."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...derive import Links
from . import numbers, svg
from .network import NetworkMap, network_map


@dataclass(frozen=True)
class OverviewPage:
    coverage: numbers.Coverage
    coverage_svg: Markup
    legend: list[tuple[str, str]]
    counts: list[tuple[numbers.CountTable, Markup]]
    funnel: tuple[numbers.Stage, ...]
    funnel_svg: Markup
    network: NetworkMap
    network_svg: Markup


def overview_page(links: Links) -> OverviewPage:
    coverage = numbers.coverage(links)
    stages = numbers.funnel(links)
    graph = network_map(links)
    return OverviewPage(
        coverage=coverage,
        coverage_svg=svg.heatmap(coverage),
        legend=svg.legend(coverage),
        counts=[(table, svg.bars(table)) for table in numbers.counts(links)],
        funnel=stages,
        funnel_svg=svg.funnel(stages),
        network=graph,
        network_svg=svg.network(graph),
    )
