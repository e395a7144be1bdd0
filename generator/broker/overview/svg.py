"""SVG pictures of the Overzicht page, written as strings: no JavaScript, every text escaped.

Each picture is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>``; the page puts a table with the same numbers beside it. Data labels carry the
class ``atlas-svg-label`` and numbers ``atlas-svg-n``, so tests can compare them with the
table. Output is deterministic: fixed order, rounded coordinates.
"""

from __future__ import annotations

import html
import math

from markupsafe import Markup

from .network import NetworkMap, Node, plural
from .numbers import CountTable, Coverage, Stage

INK = "#1a1a1a"
WHITE = "#ffffff"
CHAR = 0.6
"""Average glyph width as a share of the font size, to reserve room for labels."""
SUPPLY_FILLS = ("#e8eaf6", "#9fa8da", "#3f51b5", "#1a237e")
NO_SUPPLY_FILL = WHITE
GAP_FILL = "#ffcc80"
SERIES_FILLS = ("#3949ab", "#00796b", "#ad1457")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill: str) -> str:
    """Dark or white text, whichever contrasts more with ``fill``."""
    return INK if contrast(INK, fill) >= contrast(WHITE, fill) else WHITE


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def svg(key: str, title: str, desc: str, size: int, box: tuple[float, float], body: list[str]) -> Markup:
    """The outer element; ``key`` makes the ids of title and description unique on the page."""
    width, height = box
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg atlas-svg--{esc(key)}" role="img" '
        f'aria-labelledby="{esc(key)}-title {esc(key)}-desc" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" font-size="{size}" fill="{INK}">'
    )
    named = f'<title id="{esc(key)}-title">{esc(title)}</title><desc id="{esc(key)}-desc">{esc(desc)}</desc>'
    return Markup("\n".join([head, named, *body, "</svg>"]))  # noqa: S704 - every text above is escaped


def text(x: float, y: float, value: object, css: str = "atlas-svg-label", **attrs: object) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{esc(v)}"' for name, v in attrs.items())
    return f'<text class="{css}" x="{x:g}" y="{y:g}"{extra}>{esc(value)}</text>'


def supply_bounds(coverage: Coverage) -> list[int]:
    """The highest supply of each colour: quartiles of the cells with any supply, so the colours
    spread over the regions even when the national column holds far more than any region."""
    values = sorted(cell.supply for row in coverage.rows for cell in row.cells if cell.supply)
    steps = len(SUPPLY_FILLS)
    return sorted({values[math.ceil(len(values) * step / steps) - 1] for step in range(1, steps + 1)} if values else [])


def supply_fill(supply: int, questions: int, bounds: list[int]) -> str:
    """The cell colour: white without supply (orange when questions wait), darker with more supply."""
    if supply == 0:
        return GAP_FILL if questions else NO_SUPPLY_FILL
    index = next(i for i, bound in enumerate(bounds) if supply <= bound)
    return SUPPLY_FILLS[len(SUPPLY_FILLS) - len(bounds) + index]  # the most supply is always the darkest


def legend(coverage: Coverage) -> list[tuple[str, str]]:
    """(fill, Dutch label) of every colour the heatmap uses, in order."""
    steps = [(NO_SUPPLY_FILL, "geen aanbod, geen vragen"), (GAP_FILL, "wel vragen, geen aanbod")]
    bounds = supply_bounds(coverage)
    low = 1
    for bound in bounds:
        fill = supply_fill(bound, 0, bounds)
        steps.append((fill, f"aanbod {low}" if bound == low else f"aanbod {low}–{bound}"))
        low = bound + 1
    return steps


def heatmap(coverage: Coverage) -> Markup:
    cell_w, cell_h, size = 64, 30, 12
    label_w = round(min(260, max((len(r.label) for r in coverage.rows), default=10) * size * CHAR + 16))
    head_h = round(min(160, max(len(c.label) for c in coverage.columns) * size * CHAR * 0.64 + 20))
    bounds = supply_bounds(coverage)
    body = []
    for col, column in enumerate(coverage.columns):
        x, y = label_w + col * cell_w + cell_w / 2, head_h - 8
        body.append(text(x, y, shorten(column.label, 28), transform=f"rotate(-40 {x:g} {y:g})"))
    for row_index, row in enumerate(coverage.rows):
        y = head_h + row_index * cell_h
        body.append(text(label_w - 8, y + cell_h / 2 + 4, shorten(row.label, 36), text_anchor="end"))
        for col, (column, cell) in enumerate(zip(coverage.columns, row.cells, strict=True)):
            x = label_w + col * cell_w
            fill = supply_fill(cell.supply, cell.questions, bounds)
            tip = f"{row.label}, {column.label}: {cell.questions} vragen, aanbod {cell.supply}"
            body.append(
                f'<g><title>{esc(tip)}</title><rect x="{x:g}" y="{y:g}" width="{cell_w}" height="{cell_h}" '
                f'fill="{fill}" stroke="#757575" stroke-width="0.5"/>'
                + text(
                    x + cell_w / 2,
                    y + cell_h / 2 + 4,
                    f"{cell.questions} / {cell.supply}",
                    "atlas-svg-n",
                    fill=text_on(fill),
                    text_anchor="middle",
                )
                + "</g>"
            )
    width = label_w + len(coverage.columns) * cell_w + head_h  # room for the last slanted label
    height = head_h + len(coverage.rows) * cell_h + 4
    desc = (
        f"Raster van {len(coverage.rows)} thema's tegen {len(coverage.columns)} kolommen (regio's en landelijk). "
        "Elk vak toont het aantal vragen en daarachter het aanbod; hoe donkerder, hoe meer aanbod. "
        "De tabel onder de afbeelding heeft dezelfde cijfers."
    )
    return svg("atlas-coverage", "Vragen en aanbod per thema en regio", desc, size, (width, height), body)


def bars(table: CountTable) -> Markup:
    size, row_h, bar_w = 13, 24, 180
    most = max((v for row in table.rows for v in row.values), default=0) or 1
    multi = len(table.series) > 1
    names = table.series if multi else tuple(row.label for row in table.rows)
    label_w = round(min(230, max(len(name) for name in names) * size * CHAR + 12))
    body: list[str] = []
    y = 4.0
    for row in table.rows:
        if multi:
            body.append(text(0, y + 16, row.label, font_weight="700"))
            y += row_h
        for series, value, fill in zip(table.series, row.values, SERIES_FILLS, strict=False):
            name = series if multi else row.label
            length = bar_w * value / most
            body.append(
                "<g>"
                + text(label_w - 8, y + 16, shorten(name, 32), text_anchor="end")
                + f'<rect x="{label_w}" y="{y + 4:g}" width="{length:.1f}" height="{row_h - 8}" fill="{fill}"/>'
                + text(label_w + length + 6, y + 16, value, "atlas-svg-n")
                + "</g>"
            )
            y += row_h
    groups = max((len(row.label) for row in table.rows), default=0) * size * CHAR if multi else 0
    width = round(max(label_w + bar_w + 6 * size * CHAR, groups))
    desc = f"Staafdiagram: {table.caption.lower()}. De tabel ernaast heeft dezelfde cijfers."
    return svg(f"atlas-count-{table.key}", table.caption, desc, size, (width, y + 4), body)


def funnel(stages: tuple[Stage, ...]) -> Markup:
    row_h, label_w, bar_w, size = 40, 100, 200, 13
    most = max((stage.reached for stage in stages), default=0) or 1
    body = []
    for index, stage in enumerate(stages):
        y = 4 + index * row_h
        length = bar_w * stage.reached / most
        x = label_w + (bar_w - length) / 2
        body.append(
            "<g>"
            + text(label_w - 8, y + 22, stage.status.label, text_anchor="end")
            + f'<rect x="{x:.1f}" y="{y + 6}" width="{length:.1f}" height="{row_h - 12}" fill="{SERIES_FILLS[0]}"/>'
            + f'<text class="atlas-svg-n" x="{label_w + bar_w + 10}" y="{y + 22}">'
            f'<tspan font-weight="700">{stage.reached}</tspan> bereikt, {stage.current} nu</text>' + "</g>"
        )
    desc = (
        "Trechter van de kennisvragen, van ingediend tot beantwoord. Per fase staat hoeveel vragen die fase "
        "bereikten en hoeveel er nu in staan. De tabel ernaast heeft dezelfde cijfers."
    )
    width = round(label_w + bar_w + 17 * size * CHAR)
    box = (width, 8 + len(stages) * row_h)
    return svg("atlas-funnel", "Van ingediende tot beantwoorde vraag", desc, size, box, body)


def _marker(node: Node, x: float, y: float, r: float) -> str:
    """Not colour alone: regions are squares, networks circles, the national node a diamond."""
    if node.role == "region":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="#3949ab"/>'
    if node.role == "national":
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="#ad1457"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#00796b"/>'


def _label_spot(
    node: tuple[float, float], centre: tuple[float, float], r: float, size: int, length: float
) -> tuple[float, float, float, str]:
    """Where a node's two-line label goes, as (x, top, width, anchor): away from the centre of the
    picture, so the labels of the nodes on the ring point outwards."""
    (x, y), (dx, dy) = node, (node[0] - centre[0], node[1] - centre[1])
    if abs(dy) > 2.5 * abs(dx):
        return x, (y - r - 2 * size - 6 if dy < 0 else y + r + 4), length, "middle"
    side = -1 if dx < 0 else 1
    return x + side * (r + 6), y - size, length, "end" if side < 0 else "start"


def _label_places(wanted: list[tuple[float, float, float, str]], line: float) -> list[float]:
    """Baselines for labels at (x, y, width, anchor), each moved down until it overlaps no earlier one."""
    placed: list[tuple[float, float, float, float]] = []
    baselines = []
    for x, y, width, anchor in wanted:
        left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
        top = y
        for _ in range(40):
            if not any(left < r and left + width > q and top < b and top + 2 * line > t for q, t, r, b in placed):
                break
            top += line / 2
        placed.append((left, top, left + width, top + 2 * line))
        baselines.append(top)
    return baselines


def network(graph: NetworkMap) -> Markup:
    width, height, margin_x, margin_y, size = 960.0, 700.0, 190.0, 56.0, 12

    def place(key: str) -> tuple[float, float]:
        x, y = graph.positions[key]
        return margin_x + x * (width - 2 * margin_x), margin_y + y * (height - 2 * margin_y)

    most = max((node.partners for node in graph.nodes), default=0) or 1
    body = []
    for edge in graph.edges:
        (x1, y1), (x2, y2) = place(edge.source), place(edge.target)
        stroke = 1 + math.log2(edge.weight) / 2
        body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#9e9e9e" stroke-opacity="0.6" '
            f'stroke-width="{stroke:.1f}"><title>{plural(edge.weight, "netwerk", "netwerken")}</title></line>'
        )
    wanted = []
    for node in graph.nodes:
        x, y = place(node.key)
        r = 4 + 12 * math.sqrt(node.partners / most)
        body.append(f"<g><title>{esc(node.label)}: {node.partners} kennispartners</title>{_marker(node, x, y, r)}</g>")
        length = len(shorten(node.label, 28)) * size * CHAR
        wanted.append(_label_spot((x, y), (width / 2, height / 2), r, size, length))
    halo = {"stroke": WHITE, "stroke_width": "3", "paint_order": "stroke"}
    for node, (x, _, _, anchor), top in zip(graph.nodes, wanted, _label_places(wanted, size + 2), strict=True):
        weight = "400" if node.role == "network" else "700"
        body.append(
            '<g class="atlas-svg-item">'
            + text(
                round(x, 1),
                round(top + size, 1),
                shorten(node.label, 28),
                text_anchor=anchor,
                font_weight=weight,
                **halo,
            )
            + text(
                round(x, 1),
                round(top + 2 * size + 2, 1),
                plural(node.partners, "partner", "partners"),
                "atlas-svg-n",
                text_anchor=anchor,
                **halo,
            )
            + "</g>"
        )
    desc = (
        "Netwerkplaat: regio's als vierkanten op een cirkel, landelijk als ruit in het midden, netwerken als "
        "rondjes, met lijnen naar de regio's waarin ze werken. Bij elk knooppunt staat het aantal kennispartners. "
        "De tabel onder de afbeelding noemt dezelfde knooppunten en verbindingen."
    )
    return svg("atlas-network", "Regio's, netwerken en hun kennispartners", desc, 12, (width, height), body)
