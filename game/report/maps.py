"""The area map as inline SVG, each street coloured by how often a plan opens it.

Segments are drawn from their start and end grid positions (x to the right,
y downwards); a square or park spanning a box is a rectangle, a single point a
dot. The number on each street is its openings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.report.model import Json
from game.report.svg import esc

WIDTH = 320.0
MARGIN = 34.0
#: Openings → colour (3 and more share the last).
OPEN_COLOURS = ("#c3ccd5", "#38a169", "#dd6b20", "#c53030")


def open_colour(count: int) -> str:
    return OPEN_COLOURS[min(max(count, 0), len(OPEN_COLOURS) - 1)]


def area_map(segments: Sequence[Json], openings: Mapping[str, int], title: str) -> str:
    """One map: every segment coloured by ``openings[segment]`` with the count on it."""
    xs = [p[0] for s in segments for p in (s["from"], s["to"])] or [0]
    ys = [p[1] for s in segments for p in (s["from"], s["to"])] or [0]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0, 1)
    unit = (WIDTH - 2 * MARGIN) / span
    height = (max(ys) - y0) * unit + 2 * MARGIN + 8

    def at(p: Sequence[int]) -> tuple[float, float]:
        return MARGIN + (p[0] - x0) * unit, MARGIN + 4 + (p[1] - y0) * unit

    shapes, badges = [], []
    for s in segments:
        count = int(openings.get(s["id"], 0))
        colour = open_colour(count)
        (x1, y1), (x2, y2) = at(s["from"]), at(s["to"])
        tip = f"<title>{esc(s['name'])}: {count}</title>"
        if x1 != x2 and y1 != y2 and s["kind"] in ("square", "park"):
            x, y, w, h = min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)
            shapes.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="3" '
                f'fill="{colour}" fill-opacity="0.45" stroke="{colour}" stroke-width="3">'
                f"{tip}</rect>"
            )
        elif (x1, y1) == (x2, y2):
            shapes.append(
                f'<circle cx="{x1:.1f}" cy="{y1:.1f}" r="8" fill="{colour}">{tip}</circle>'
            )
        else:
            width = 9 if s["kind"] in ("main", "shopping") else 7
            shapes.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{colour}" stroke-width="{width}" stroke-linecap="round">{tip}</line>'
            )
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        badges.append(
            f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="9" fill="#fff" stroke="{colour}" '
            f'stroke-width="2"/><text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" '
            f'class="badge">{count}</text>'
        )
    body = (
        f'<text x="{WIDTH / 2:.1f}" y="16" text-anchor="middle" class="maptitle">'
        f"{esc(title)}</text>" + "".join(shapes) + "".join(badges)
    )
    return (
        f'<svg viewBox="0 0 {WIDTH:.0f} {height:.0f}" width="{WIDTH:.0f}" height="{height:.0f}" '
        f'role="img" aria-label="{esc(title)}" style="font-family:inherit;max-width:100%;'
        f'height:auto"><title>{esc(title)}</title>{body}</svg>'
    )
