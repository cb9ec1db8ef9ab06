"""The area map: street segments drawn from their start and end positions, as inline SVG.

Coordinates are the scenario's grid positions, x to the right and y downwards
(like rows on a screen). Streets are lines, a square or park spanning a box is
a filled rectangle, a single point is a dot; each carries its name. Names are
placed one by one (main streets first) at the first spot that overlaps no name
placed before, so crossing streets never hide each other's names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


#: A label's box: (left, top, right, bottom) in SVG units.
Box = tuple[float, float, float, float]

#: Where along a line a label may sit (fractions of its length), best first.
ALONG = (0.5, 0.35, 0.65, 0.2, 0.8)
PAD = 2.0


@dataclass(frozen=True)
class Label:
    """A placed name: position, rotation and anchor as SVG ``<text>`` takes them."""

    name: str
    x: float
    y: float
    angle: float = 0.0
    anchor: str = "middle"

    def svg(self) -> str:
        turn = (
            f' transform="rotate({self.angle:.1f} {self.x:.1f} {self.y:.1f})"' if self.angle else ""
        )
        return (
            f'<text x="{self.x:.1f}" y="{self.y:.1f}" text-anchor="{self.anchor}" '
            f'class="name"{turn}>{esc(self.name)}</text>'
        )

    def corners(self) -> list[tuple[float, float]]:
        """The four corners of the text's box (with a little padding), rotated."""
        width = text_width(self.name)
        left = {"start": 0.0, "middle": -width / 2, "end": -width}[self.anchor]
        x0, x1 = left - PAD, left + width + PAD
        y0, y1 = -0.8 * FONT - PAD, 0.25 * FONT + PAD
        rad = math.radians(self.angle)
        cos, sin = math.cos(rad), math.sin(rad)
        return [
            (self.x + dx * cos - dy * sin, self.y + dx * sin + dy * cos)
            for dx, dy in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        ]

    def box(self) -> Box:
        points = self.corners()
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs), min(ys), max(xs), max(ys))


def text_width(name: str) -> float:
    """Approximate width of ``name`` in the bold label font (0.6 em per character)."""
    return 0.6 * FONT * len(name)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _line_candidates(seg: Segment, frame: _Frame) -> list[Label]:
    """Label positions for a street, in order of preference."""
    _, _, width = kind_style(seg.kind)
    (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
    angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    off = width / 2 + 6
    rad = math.radians(angle)
    steep = abs(angle) > 60
    out: list[Label] = []
    for t in ALONG:
        mx, my = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        level = [
            Label(seg.name, mx + off, my + FONT / 3, 0.0, "start"),
            Label(seg.name, mx - off, my + FONT / 3, 0.0, "end"),
        ]
        along = [
            Label(seg.name, mx + math.sin(rad) * off, my - math.cos(rad) * off, angle),
            Label(
                seg.name,
                mx - math.sin(rad) * (off + 0.6 * FONT),
                my + math.cos(rad) * (off + 0.6 * FONT),
                angle,
            ),
        ]
        out += [*level, *along] if steep else [*along, *level]
    return out


def _candidates(seg: Segment, frame: _Frame) -> list[Label]:
    _, _, width = kind_style(seg.kind)
    (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
    if x1 != x2 and y1 != y2 and seg.kind in ("square", "park"):
        x, y, w, h = min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)
        return [
            Label(seg.name, x + w / 2, y + h / 2 + FONT / 3),
            Label(seg.name, x + w / 2, y + h / 4 + FONT / 3),
            Label(seg.name, x + w / 2, y + 3 * h / 4 + FONT / 3),
            Label(seg.name, x + w / 2, y - 6),
            Label(seg.name, x + w / 2, y + h + FONT + 4),
        ]
    if (x1, y1) == (x2, y2):
        return [
            Label(seg.name, x1, y1 - width - 6),
            Label(seg.name, x1, y1 + width + FONT),
            Label(seg.name, x1 + width + 6, y1 + FONT / 3, 0.0, "start"),
            Label(seg.name, x1 - width - 6, y1 + FONT / 3, 0.0, "end"),
        ]
    return _line_candidates(seg, frame)


def _inside(box: Box, frame: _Frame) -> bool:
    return box[0] >= 2 and box[2] <= frame.width - 2 and box[1] >= 2


def _crosses(box: Box, line: tuple[float, float, float, float, float]) -> bool:
    """Whether a street (x1, y1, x2, y2, width) runs through ``box``."""
    x1, y1, x2, y2, width = line
    grown = (box[0] - width / 2, box[1] - width / 2, box[2] + width / 2, box[3] + width / 2)
    steps = max(1, int(math.hypot(x2 - x1, y2 - y1) / 3))
    return any(
        grown[0] < x1 + (x2 - x1) * k / steps < grown[2]
        and grown[1] < y1 + (y2 - y1) * k / steps < grown[3]
        for k in range(steps + 1)
    )


def _streets(
    segments: list[Segment], frame: _Frame
) -> list[tuple[float, float, float, float, float]]:
    lines = []
    for seg in segments:
        (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
        is_area = x1 != x2 and y1 != y2 and seg.kind in ("square", "park")
        if not is_area:
            lines.append((x1, y1, x2, y2, kind_style(seg.kind)[2]))
    return lines


def place_labels(segments: list[Segment], frame: _Frame) -> list[Label]:
    """One label per segment, no two overlapping.

    Each name takes its first candidate spot that overlaps no name placed before
    and no street; else the first that overlaps no name; else the nearest free
    spot, searched outwards from the segment's middle.
    """
    placed: list[Label] = []
    boxes: list[Box] = []
    streets = _streets(segments, frame)
    for seg in segments:
        chosen = None
        candidates = _candidates(seg, frame)
        for avoid_streets in (True, False):
            for candidate in candidates:
                box = candidate.box()
                if not _inside(box, frame) or any(overlaps(box, b) for b in boxes):
                    continue
                if avoid_streets and any(_crosses(box, line) for line in streets):
                    continue
                chosen = candidate
                break
            if chosen is not None:
                break
        if chosen is None:
            chosen = _free_spot(seg, frame, boxes)
        placed.append(chosen)
        boxes.append(chosen.box())
    return placed


def _free_spot(seg: Segment, frame: _Frame, boxes: list[Box]) -> Label:
    """A level label at the free spot nearest the segment's middle (below the map at worst)."""
    (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    step = FONT * 1.2
    half = text_width(seg.name) / 2 + PAD
    for ring in range(1, 60):
        for dy in range(-ring, ring + 1):
            for dx in (-ring, 0, ring) if abs(dy) != ring else range(-ring, ring + 1):
                x = min(max(mx + dx * step, half + 2), frame.width - half - 2)
                label = Label(seg.name, x, my + dy * step)
                box = label.box()
                if _inside(box, frame) and not any(overlaps(box, b) for b in boxes):
                    return label
    bottom = max((b[3] for b in boxes), default=frame.height)
    return Label(seg.name, frame.width / 2, bottom + FONT + PAD * 2)


def _shape(seg: Segment, frame: _Frame) -> str:
    _, colour, width = kind_style(seg.kind)
    (x1, y1), (x2, y2) = frame.at(seg.start), frame.at(seg.end)
    title = f"<title>{esc(seg.name)}</title>"
    if x1 != x2 and y1 != y2 and seg.kind in ("square", "park"):
        x, y, w, h = min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)
        return (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="4" '
            f'fill="{colour}" fill-opacity="0.55" stroke="{colour}" stroke-width="2">{title}</rect>'
        )
    if (x1, y1) == (x2, y2):
        return f'<circle cx="{x1:.1f}" cy="{y1:.1f}" r="{width}" fill="{colour}">{title}</circle>'
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}" stroke-linecap="round">{title}</line>'
    )


#: Drawing order (parks below streets) and, reversed, the order labels get their place.
ORDER = {"park": 0, "square": 1, "other": 2, "residential": 3, "shopping": 4, "main": 5}


def area_svg(scenario: Scenario) -> str:
    """The map of the scenario's area as an inline ``<svg>`` element; no two names overlap."""
    frame = _Frame(scenario.segments)
    segments = sorted(scenario.segments, key=lambda s: ORDER.get(s.kind, 2))
    shapes = "\n".join(_shape(s, frame) for s in segments)
    labels = place_labels(segments[::-1], frame)
    height = max([frame.height, *(label.box()[3] + PAD for label in labels)])
    names = "\n".join(label.svg() for label in labels)
    style = (
        "<style>.name{font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;"
        f"font-size:{FONT}px;font-weight:bold;fill:#1d2327;paint-order:stroke;"
        "stroke:#fff;stroke-width:4px;stroke-linejoin:round}</style>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" '
        f'viewBox="0 0 {frame.width:.0f} {height:.0f}" '
        f'aria-label="{esc(scenario.area_name)}">{style}'
        f'<rect width="100%" height="100%" fill="#f6f4ee"/>{shapes}\n{names}</svg>'
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
