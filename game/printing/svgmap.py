"""The area map: street segments drawn from their start and end positions, as inline SVG.

Coordinates are the scenario's grid positions, x to the right and y downwards
(like rows on a screen). Streets are lines, a square or park spanning a box is
a filled rectangle, a single point is a dot; each carries its name.
"""

from __future__ import annotations

import math

from game.printing.html import document, esc
from game.printing.labels import label
from game.scenario.model import Scenario, Segment

#: kind → (Dutch name, colour, line width in map units)
KINDS: dict[str, tuple[str, str, float]] = {
    "shopping": ("winkelstraat", "#d9822b", 13.0),
    "residential": ("woonstraat", "#5f8aa0", 10.0),
    "main": ("hoofdweg", "#3d4a52", 15.0),
    "square": ("plein", "#c9a227", 12.0),
    "park": ("park", "#5a9e4b", 12.0),
    "other": ("overig", "#9aa5ab", 9.0),
}

WIDTH = 720.0
MARGIN = 60.0
FONT = 15.0


def kind_style(kind: str) -> tuple[str, str, float]:
    return KINDS.get(kind, KINDS["other"])


class _Frame:
    """Maps grid positions to SVG positions."""

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        xs = [p[0] for s in segments for p in (s.start, s.end)] or [0]
        ys = [p[1] for s in segments for p in (s.start, s.end)] or [0]
        self.x0, self.y0 = min(xs), min(ys)
        span = max(max(xs) - self.x0, max(ys) - self.y0, 1)
        self.unit = (WIDTH - 2 * MARGIN) / span
        self.width = WIDTH
        self.height = (max(ys) - self.y0) * self.unit + 2 * MARGIN

    def at(self, point: tuple[int, int]) -> tuple[float, float]:
        return (
            MARGIN + (point[0] - self.x0) * self.unit,
            MARGIN + (point[1] - self.y0) * self.unit,
        )


def _label(name: str, x: float, y: float, angle: float = 0.0, anchor: str = "middle") -> str:
    turn = f' transform="rotate({angle:.1f} {x:.1f} {y:.1f})"' if angle else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="name"{turn}>'
        f"{esc(name)}</text>"
    )


def _shape(seg: Segment, frame: _Frame) -> str:
    _, colour, width = kind_style(seg.kind)
    (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
    title = f"<title>{esc(seg.name)}</title>"
    if x1 != x2 and y1 != y2 and seg.kind in ("square", "park"):
        x, y, w, h = min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)
        return (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="4" '
            f'fill="{colour}" fill-opacity="0.55" stroke="{colour}" stroke-width="2">{title}</rect>'
            + _label(seg.name, x + w / 2, y + h / 2 + FONT / 3)
        )
    if (x1, y1) == (x2, y2):
        return (
            f'<circle cx="{x1:.1f}" cy="{y1:.1f}" r="{width}" fill="{colour}">{title}</circle>'
            + _label(seg.name, x1, y1 - width - 6)
        )
    line = (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}" stroke-linecap="round">{title}</line>'
    )
    angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    off = width / 2 + 6
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    text_width = 0.6 * FONT * len(seg.name)
    if abs(angle) > 60 and mx + off + text_width < frame.width - 6:
        # steep: a level name to the right of the line, easier to read
        return line + _label(seg.name, mx + off, my + FONT / 3, 0, "start")
    # otherwise along the line, on its upper (or right) side
    rad = math.radians(angle)
    return line + _label(seg.name, mx + math.sin(rad) * off, my - math.cos(rad) * off, angle)


def area_svg(scenario: Scenario) -> str:
    """The map of the scenario's area as an inline ``<svg>`` element."""
    frame = _Frame(scenario.segments)
    order = {"park": 0, "square": 1, "other": 2, "residential": 3, "shopping": 4, "main": 5}
    segments = sorted(scenario.segments, key=lambda s: order.get(s.kind, 2))
    shapes = "\n".join(_shape(s, frame) for s in segments)
    style = (
        "<style>.name{font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;"
        f"font-size:{FONT}px;font-weight:bold;fill:#1d2327;paint-order:stroke;"
        "stroke:#fff;stroke-width:4px;stroke-linejoin:round}</style>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" '
        f'viewBox="0 0 {frame.width:.0f} {frame.height:.0f}" '
        f'aria-label="{esc(scenario.area_name)}">{style}'
        f'<rect width="100%" height="100%" fill="#f6f4ee"/>{shapes}</svg>'
    )


def legend_svg(kind: str) -> str:
    """A small swatch for the legend."""
    _, colour, _ = kind_style(kind)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="10" viewBox="0 0 28 10">'
        f'<rect width="28" height="10" rx="2" fill="{colour}"/></svg>'
    )


MAP_CSS = """
svg.map { width: 100%; height: auto; max-height: 175mm; display: block; margin: 2mm 0 3mm;
  border: 0.3mm solid #c9d1d6; border-radius: 1.5mm; }
.legend { display: flex; flex-wrap: wrap; gap: 2mm 6mm; margin: 0 0 3mm; font-size: 9pt; }
.legend span { display: inline-flex; align-items: center; gap: 1.5mm; }
"""


def map_document(scenario: Scenario, lang: str = "nl") -> str:
    """The area map on its own page, with a legend and the list of segments."""
    used = [k for k in KINDS if any(s.kind == k for s in scenario.segments)]
    legend = "".join(f"<span>{legend_svg(k)} {esc(KINDS[k][0])}</span>" for k in used)
    rows = "".join(
        f"<tr><td>{esc(s.name)}</td><td>{esc(kind_style(s.kind)[0])}</td>"
        f"<td>{esc(s.note)}</td></tr>"
        for s in scenario.segments
    )
    body = (
        '<section class="page">'
        f'<div class="kicker">{esc(scenario.meta.title)} · {esc(label("area_map", lang))}</div>'
        f"<h1>{esc(scenario.area_name)}</h1>{area_svg(scenario)}"
        f'<div class="legend">{legend}</div>'
        f"<table><thead><tr><th>{esc(label('segment', lang))}</th>"
        f"<th>{esc(label('kind', lang))}</th>"
        f"<th>{esc(label('note', lang))}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )
    title = f"{label('area_map', lang)} — {scenario.meta.title}"
    return document(title, body, lang, MAP_CSS)
