"""The network picture's graph: regions, networks and their partners, laid out by networkx.

Partners are never drawn one by one: each node carries the number of partners that work
in its region or take part in its network. A small atlas draws every network; past
``NETWORK_LIMIT`` networks are grouped per kind of network, and past ``REGION_LIMIT``
regions the smallest are grouped into one node, so the picture stays readable at national
scale (never more than ``REGION_LIMIT + len(NetworkKind) + 1`` nodes).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ...derive import Links, label, sort_key
from ...vocab import NetworkKind
from .numbers import NATIONAL, is_national_partner

NETWORK_LIMIT = 40
REGION_LIMIT = 60
NATIONAL_KEY = "landelijk"
LAYOUT_SEED = 2020


@dataclass(frozen=True)
class Node:
    key: str
    role: str
    """``region``, ``network`` or ``national``."""
    label: str
    partners: int
    count: int = 1
    """How many regions or networks this node stands for (more than one when grouped)."""
    url: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int
    """How many networks this line stands for."""


@dataclass(frozen=True)
class NetworkMap:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    grouped: bool
    positions: dict[str, tuple[float, float]]
    """Node key → (x, y) in the unit square, rounded."""

    def neighbours(self, key: str) -> list[Node]:
        """The nodes linked to ``key``, regions first, by label."""
        by_key = {node.key: node for node in self.nodes}
        linked = {edge.target for edge in self.edges if edge.source == key}
        linked |= {edge.source for edge in self.edges if edge.target == key}
        return sorted((by_key[k] for k in linked), key=lambda n: (n.role != "region", n.label.casefold(), n.key))


def plural(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _region_nodes(links: Links) -> tuple[list[Node], dict[str, str]]:
    """Region nodes, and region id → node key (the smallest regions share one node past the limit)."""
    regions = sorted(links.atlas.entries["region"].values(), key=sort_key)
    partners = {r.id: links.linked_ids("region", r.id, "partner") for r in regions}
    kept = regions
    if len(regions) > REGION_LIMIT:
        by_size = sorted(regions, key=lambda r: (-len(partners[r.id]), sort_key(r)))
        kept = sorted(by_size[: REGION_LIMIT - 1], key=sort_key)
    nodes = [Node(f"region:{r.id}", "region", label(r), len(partners[r.id]), url=f"regios/{r.id}/") for r in kept]
    node_of = {r.id: f"region:{r.id}" for r in kept}
    rest = [r for r in regions if r.id not in node_of]
    if rest:
        together = set().union(*(partners[r.id] for r in rest))
        nodes.append(
            Node(
                "region:overig", "region", plural(len(rest), "andere regio", "andere regio's"), len(together), len(rest)
            )
        )
        node_of.update((r.id, "region:overig") for r in rest)
    return nodes, node_of


def _network_key(network: Any, grouped: bool) -> str:
    return f"kind:{network.kind.value}" if grouped else f"network:{network.id}"


def _network_nodes(networks: list[Any], grouped: bool, count: dict[str, int]) -> list[tuple[str, str, str | None]]:
    """(key, label, url) of each network node: one per network, or one per kind when grouped."""
    if grouped:
        keys = [(f"kind:{kind.value}", kind.label) for kind in NetworkKind]
        return [
            (key, f"{name}: {plural(count[key], 'netwerk', 'netwerken')}", None) for key, name in keys if count[key]
        ]
    return [(f"network:{n.id}", label(n), f"netwerken/{n.id}/") for n in networks]


def network_map(links: Links) -> NetworkMap:
    """Regions, networks (or kinds of network) and the national node, with partner counts."""
    atlas = links.atlas
    networks = sorted(atlas.entries["network"].values(), key=sort_key)
    grouped = len(networks) > NETWORK_LIMIT
    nodes, region_node = _region_nodes(links)
    national_partners = [p for p in atlas.of("partner") if is_national_partner(links, p)]
    nodes.append(Node(NATIONAL_KEY, "national", NATIONAL, len(national_partners)))
    members: dict[str, set[str]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for network in networks:
        key = _network_key(network, grouped)
        members[key] |= links.linked_ids("network", network.id, "partner")
        count[key] += 1
        places = {region_node[r] for r in links.linked_ids("network", network.id, "region") if r in region_node}
        for place in places or {NATIONAL_KEY}:
            weights[(key, place)] += 1
    nodes += [
        Node(key, "network", name, len(members[key]), count[key], url)
        for key, name, url in _network_nodes(networks, grouped, count)
    ]
    edges = tuple(Edge(source, target, weight) for (source, target), weight in sorted(weights.items()))
    return NetworkMap(tuple(nodes), edges, grouped, layout(nodes, edges, grouped))


def layout(nodes: list[Node], edges: tuple[Edge, ...], grouped: bool) -> dict[str, tuple[float, float]]:
    """Regions on a circle and the national node in the middle. Networks are pulled towards what
    they link (spring layout); kinds of network, which link nearly every region, get a ring of their own.

    The seed is fixed and coordinates are rounded, so two builds write the same bytes.
    """
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(node.key for node in nodes)
    graph.add_weighted_edges_from((edge.source, edge.target, edge.weight) for edge in edges)
    regions = [node.key for node in nodes if node.role == "region"]
    if grouped:
        kinds = [node.key for node in nodes if node.role == "network"]
        return _fit(nx.shell_layout(graph, nlist=[[NATIONAL_KEY], kinds, regions], rotate=0))
    fixed = {NATIONAL_KEY: (0.0, 0.0)}
    for index, key in enumerate(regions):
        angle = 2 * math.pi * index / len(regions) - math.pi / 2
        fixed[key] = (math.cos(angle), math.sin(angle))
    free = [node.key for node in nodes if node.key not in fixed]
    positions: dict[Any, Any] = dict(fixed)
    if free:
        spread = 1.6 / math.sqrt(len(nodes))
        positions = nx.spring_layout(
            graph, k=spread, pos=fixed, fixed=list(fixed), seed=LAYOUT_SEED, iterations=200, weight=None
        )
    return _fit(positions)


def _fit(positions: dict[Any, Any]) -> dict[str, tuple[float, float]]:
    """Positions moved and scaled into the unit square, rounded."""
    # With fixed nodes spring_layout does not rescale, and free nodes may land outside the circle.
    xs = [float(x) for x, _ in positions.values()]
    ys = [float(y) for _, y in positions.values()]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        key: (round((float(x) - min(xs)) / width, 4), round((float(y) - min(ys)) / height, 4))
        for key, (x, y) in sorted(positions.items())
    }
