"""The area map: street segments drawn with box characters on a character grid.

Input is plain data from a view: segments ``{"id", "name", "kind", "from":
[x, y], "to": [x, y]}``, optional markers per segment (``"opportunity"`` /
``"bottleneck"``), optional openings per segment for a chosen package, and
segments with underground conflicts. Each segment is labelled with a letter at
its middle; the legend below the grid names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text
from textual.widget import Widget

from game.tui.i18n import t

# Connection bits of a grid cell.
UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
BOX = {
    0: " ", UP: "│", DOWN: "│", UP | DOWN: "│", LEFT: "─", RIGHT: "─", LEFT | RIGHT: "─",
    DOWN | RIGHT: "┌", DOWN | LEFT: "┐", UP | RIGHT: "└", UP | LEFT: "┘",
    UP | DOWN | RIGHT: "├", UP | DOWN | LEFT: "┤", DOWN | LEFT | RIGHT: "┬",
    UP | LEFT | RIGHT: "┴", UP | DOWN | LEFT | RIGHT: "┼",
}  # fmt: skip
MARK_OPPORTUNITY = "◆"
MARK_BOTTLENECK = "▲"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def openings_style(count: int) -> str:
    """Colour of a segment opened ``count`` times (green is good)."""
    if count <= 0:
        return "dim"
    if count == 1:
        return "bold green"
    if count == 2:
        return "bold yellow"
    return "bold red"


def _ends(seg: Mapping[str, Any]) -> tuple[Sequence[int], Sequence[int]]:
    """A segment's end points (views say ``from``/``to``; ``start``/``end`` also work)."""
    return (seg.get("from") or seg["start"], seg.get("to") or seg["end"])


def _points(a: tuple[int, int], b: tuple[int, int]) -> list[tuple[int, int]]:
    """Grid cells on the line from ``a`` to ``b`` (Bresenham)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    cells = []
    while True:
        cells.append((x0, y0))
        if (x0, y0) == (x1, y1):
            return cells
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


class MapGrid:
    """A character grid with styled cells; pure, testable without Textual."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = [[0] * width for _ in range(height)]
        self.chars: dict[tuple[int, int], tuple[str, str]] = {}
        self.styles: dict[tuple[int, int], str] = {}

    def line(self, a: tuple[int, int], b: tuple[int, int], style: str) -> None:
        cells = _points(a, b)
        straight = a[0] == b[0] or a[1] == b[1]
        for i, (x, y) in enumerate(cells):
            if not (0 <= x < self.width and 0 <= y < self.height):
                continue
            self.styles.setdefault((x, y), style)
            if not straight:
                slope = (b[0] - a[0]) * (b[1] - a[1])
                self.chars.setdefault((x, y), ("╲" if slope > 0 else "╱", style))
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(cells):
                    nx, ny = cells[j]
                    if nx > x:
                        self.bits[y][x] |= RIGHT
                    elif nx < x:
                        self.bits[y][x] |= LEFT
                    elif ny > y:
                        self.bits[y][x] |= DOWN
                    elif ny < y:
                        self.bits[y][x] |= UP

    def put(self, x: int, y: int, text: str, style: str) -> None:
        for i, ch in enumerate(text):
            if 0 <= x + i < self.width and 0 <= y < self.height:
                self.chars[(x + i, y)] = (ch, style)

    def render(self) -> Text:
        out = Text()
        for y in range(self.height):
            for x in range(self.width):
                if (x, y) in self.chars:
                    ch, style = self.chars[(x, y)]
                else:
                    ch, style = BOX[self.bits[y][x]], self.styles.get((x, y), "")
                out.append(ch, style)
            if y < self.height - 1:
                out.append("\n")
        return out


def draw_map(
    segments: Sequence[Mapping[str, Any]],
    width: int,
    height: int,
    markers: Mapping[str, Sequence[str]] | None = None,
    openings: Mapping[str, int] | None = None,
    conflicts: Sequence[str] = (),
) -> Text:
    """The map of ``segments`` scaled into ``width`` × ``height`` cells."""
    if not segments or width < 4 or height < 2:
        return Text(t("map.empty"), "dim")
    xs = [p[0] for s in segments for p in _ends(s)]
    ys = [p[1] for s in segments for p in _ends(s)]
    x0, y0 = min(xs), min(ys)
    span_x, span_y = max(max(xs) - x0, 1), max(max(ys) - y0, 1)
    sx = max(1, (width - 3) // span_x)
    sy = max(1, (height - 1) // span_y)
    # Keep streets roughly square: a character is about twice as tall as wide.
    sx = min(sx, sy * 3) if span_y > 0 else sx

    def cell(p: Sequence[int]) -> tuple[int, int]:
        return (1 + (p[0] - x0) * sx, (p[1] - y0) * sy)

    grid = MapGrid(width, height)
    for seg in segments:
        count = (openings or {}).get(seg["id"], -1)
        style = openings_style(count) if openings is not None else "bold"
        a, b = _ends(seg)
        grid.line(cell(a), cell(b), style)
    for i, seg in enumerate(segments):
        (ax, ay), (bx, by) = (cell(p) for p in _ends(seg))
        mx, my = (ax + bx) // 2, (ay + by) // 2
        label = LETTERS[i % len(LETTERS)]
        if openings is not None:
            label += str(openings.get(seg["id"], 0))
        style = "reverse " + ("red" if seg["id"] in conflicts else "cyan")
        grid.put(mx, my, label, style)
        marks = "".join(
            MARK_OPPORTUNITY if m == "opportunity" else MARK_BOTTLENECK
            for m in (markers or {}).get(seg["id"], ())
        )
        grid.put(mx + len(label), my, marks[:3], "bold magenta")
    return grid.render()


def legend(
    segments: Sequence[Mapping[str, Any]],
    openings: Mapping[str, int] | None = None,
    markers: Mapping[str, Sequence[str]] | None = None,
    conflicts: Sequence[str] = (),
    columns: int = 1,
    width: int | None = None,
) -> Text:
    """One entry per segment (letter, name, openings, markers), in ``columns`` columns.

    With ``width``, no more columns than fit in it side by side (never a line that wraps).
    """
    entries = []
    for i, seg in enumerate(segments):
        entry = Text()
        entry.append(f"{LETTERS[i % len(LETTERS)]} ", "reverse cyan")
        entry.append(f" {seg['name']}")
        if openings is not None:
            n = openings.get(seg["id"], 0)
            entry.append(f"  {t('map.opened', n=n)}", openings_style(n))
        marks = (markers or {}).get(seg["id"], ())
        if marks:
            opp = sum(1 for m in marks if m == "opportunity")
            entry.append(f" {MARK_OPPORTUNITY}{opp} {MARK_BOTTLENECK}{len(marks) - opp}", "magenta")
        if seg["id"] in conflicts:
            entry.append(f" {t('map.conflict')}", "bold red")
        entries.append(entry)
    cell = max((e.cell_len for e in entries), default=0) + 2
    if width is not None:
        columns = max(1, min(columns, (width + 2) // cell))
    out = Text()
    for row in range(0, len(entries), columns):
        for entry in entries[row : row + columns]:
            out.append_text(entry)
            out.append(" " * (cell - entry.cell_len))
        out.rstrip()
        out.append("\n")
    out.append(
        f"{MARK_OPPORTUNITY} {t('map.opportunity')}  {MARK_BOTTLENECK} {t('map.bottleneck')}",
        "dim",
    )
    return out


class AreaMap(Widget):
    """Draws the map at whatever size it is given."""

    DEFAULT_CSS = "AreaMap { height: 1fr; min-height: 6; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.segments: list[dict[str, Any]] = []
        self.markers: dict[str, list[str]] = {}
        self.openings: dict[str, int] | None = None
        self.conflicts: list[str] = []

    def show(
        self,
        segments: Sequence[Mapping[str, Any]],
        markers: Mapping[str, Sequence[str]] | None = None,
        openings: Mapping[str, int] | None = None,
        conflicts: Sequence[str] = (),
    ) -> None:
        self.segments = [dict(s) for s in segments]
        self.markers = {k: list(v) for k, v in (markers or {}).items()}
        self.openings = dict(openings) if openings is not None else None
        self.conflicts = list(conflicts)
        self.refresh()

    def render(self) -> Text:
        return draw_map(
            self.segments,
            self.size.width,
            self.size.height,
            self.markers,
            self.openings,
            self.conflicts,
        )
