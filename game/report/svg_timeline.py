"""The "proposals over time" chart: one step line of support per proposal.

x: minutes after the start; above the axis each proposal's number of
supporters as a step line (from its ``history``), below the axis a thin line
of its objections. Vertical marks show the rounds (grey, titles on top), the
events played (orange, on top) and the votes (green passed, red failed, the
result and reason below the minutes). Labels are put in lanes so they do not
overlap. All text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.report.labels import label
from game.report.model import Json
from game.report.svg import AMBER, BAD, GOOD, GRID, MUTED, esc, nice_step, svg_element, svg_text
from game.report.text import Names, ballot_text, num

#: Line colours of the proposals, in order (P1 the first).
PALETTE = (
    "#2b6cb0",
    "#dd6b20",
    "#805ad5",
    "#319795",
    "#d53f8c",
    "#718096",
    "#975a16",
    "#2c5282",
    "#b83280",
    "#276749",
)
CHAR_WIDTH = 6.4
"""Rough width of one character of a label (11-12 px type), for placing labels."""
LANE = 14.0
WIDTH, LEFT, RIGHT = 860.0, 46.0, 78.0

Scale = Callable[[float], float]


def proposal_colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class _Mark:
    seconds: float
    text: str
    colour: str
    dashed: bool


def lanes(starts: Sequence[float], texts: Sequence[str], gap: float = 8.0) -> list[int]:
    """The row for each label starting at ``starts[k]`` so that no two in a row overlap."""
    ends: list[float] = []
    out = [0] * len(starts)
    for k in sorted(range(len(starts)), key=lambda k: starts[k]):
        width = len(texts[k]) * CHAR_WIDTH
        for lane, end in enumerate(ends):
            if starts[k] >= end + gap:
                ends[lane] = starts[k] + width
                out[k] = lane
                break
        else:
            ends.append(starts[k] + width)
            out[k] = len(ends) - 1
    return out


def spread(wanted: Sequence[float], gap: float = 13.0) -> list[float]:
    """Label heights near ``wanted`` with at least ``gap`` between them (top to bottom)."""
    order = sorted(range(len(wanted)), key=lambda k: wanted[k])
    out = list(wanted)
    last = -math.inf
    for k in order:
        out[k] = max(wanted[k], last + gap)
        last = out[k]
    return out


def _marks(table: Json, names: Names, lang: str) -> tuple[list[_Mark], list[_Mark]]:
    """Top marks (rounds, events) and bottom marks (votes)."""
    top = [_Mark(r["seconds"], f"▸ {r['title']}", MUTED, True) for r in table["timeline"]["rounds"]]
    top += [_Mark(e["seconds"], f"⚡ {e['title']}", AMBER, False) for e in table["events"]]
    bottom = []
    for p in table["proposals"]:
        for b in p["ballots"]:
            at = b["closed"] if b["closed"] is not None else b["opened"]
            colour = MUTED if b["passed"] is None else (GOOD if b["passed"] else BAD)
            text = f"{p['id']} · {ballot_text(b, names, lang)}"
            bottom.append(_Mark(at, text, colour, False))
    return top, bottom


def proposals_chart(table: Json, names: Names, lang: str) -> str:
    """The chart as one ``<svg>`` (see the module docstring)."""
    props = table["proposals"]
    end = float(table["timeline"]["end"] or 0.0)
    end = max([end] + [float(s) for p in props for s, _, _ in p["history"]])
    n_roles = max(1, len(table["roles_in_play"]))
    step_x = nice_step(max(end / 60.0, 1.0))
    x_max = max(step_x, math.ceil(end / 60.0 / step_x - 1e-9) * step_x)
    plot_w = WIDTH - LEFT - RIGHT

    def x(seconds: float) -> float:
        return LEFT + seconds / 60.0 / x_max * plot_w

    top_marks, bottom_marks = _marks(table, names, lang)
    top_at = [_label_start(x(m.seconds), m.text) for m in top_marks]
    bottom_at = [_label_start(x(m.seconds), m.text) for m in bottom_marks]
    top_lane = lanes(top_at, [m.text for m in top_marks])
    bottom_lane = lanes(bottom_at, [m.text for m in bottom_marks])
    band = LANE * (max(top_lane, default=-1) + 1)
    plot_top = 10 + band + 6
    unit = min(34.0, max(130.0, 26.0 * n_roles) / n_roles)
    axis = plot_top + unit * n_roles
    peak_obj = max([0] + [o for p in props for _, _, o in p["history"]])
    obj_unit = min(10.0, unit / 2)
    below = axis + obj_unit * peak_obj
    ticks_y = below + 16
    bottom_top = ticks_y + 26
    height = bottom_top + LANE * (max(bottom_lane, default=-1) + 1) + 6

    def y(count: float) -> float:
        return axis - count * unit

    body = []
    for c in range(n_roles + 1):
        body.append(
            f'<line x1="{LEFT}" y1="{y(c):.1f}" x2="{WIDTH - RIGHT}" y2="{y(c):.1f}" '
            f'stroke="{GRID if c else "#9aa5b1"}"/>'
            + svg_text(LEFT - 8, y(c) + 4, c, "end", "axis")
        )
    if peak_obj:
        body.append(svg_text(LEFT + 4, axis + 11, f"▼ {label('objections', lang)}", cls="axis"))
    tick = 0.0
    while tick <= x_max + 1e-9:
        tx = LEFT + tick / x_max * plot_w
        body.append(
            f'<line x1="{tx:.1f}" y1="{below:.1f}" x2="{tx:.1f}" y2="{below + 4:.1f}" '
            f'stroke="#9aa5b1"/>' + svg_text(tx, ticks_y, num(tick, lang), "middle", "axis")
        )
        tick += step_x
    body.append(svg_text(LEFT + plot_w / 2, ticks_y + 14, label("minute", lang), "middle", "axis"))
    quorum = table["analysis"]["quorum"]
    body.append(
        f'<line x1="{LEFT}" y1="{y(quorum):.1f}" x2="{WIDTH - RIGHT}" y2="{y(quorum):.1f}" '
        f'stroke="{AMBER}" stroke-dasharray="6 4" stroke-width="1.5"/>'
        + svg_text(LEFT + 4, y(quorum) - 4, f"{label('quorum', lang)} {quorum}", cls="axis")
    )
    for m, at, lane in zip(top_marks, top_at, top_lane, strict=True):
        body.append(_vertical(x(m.seconds), 10 + lane * LANE + 3, below, m))
        body.append(_label(at, 10 + lane * LANE + 10, m))
    for m, at, lane in zip(bottom_marks, bottom_at, bottom_lane, strict=True):
        label_y = bottom_top + lane * LANE + 10
        body.append(_vertical(x(m.seconds), plot_top - 4, label_y - 10, m))
        body.append(_label(at, label_y, m))
    body += _lines(props, names, lang, x, y, axis, obj_unit, end)
    return svg_element(WIDTH, height, "".join(body), label("proposals", lang))


def _label_start(at: float, text: str) -> float:
    """Where a mark's label starts: right of its line, or left of it near the right edge."""
    width = len(text) * CHAR_WIDTH
    return at + 3 if at + 3 + width <= WIDTH - 2 else max(2.0, at - 3 - width)


def _vertical(at: float, y1: float, y2: float, m: _Mark) -> str:
    dash = ' stroke-dasharray="3 3"' if m.dashed else ""
    return (
        f'<line x1="{at:.1f}" y1="{y1:.1f}" x2="{at:.1f}" y2="{y2:.1f}" stroke="{m.colour}" '
        f'stroke-width="1.2" opacity="0.8"{dash}/>'
    )


def _label(at: float, y: float, m: _Mark) -> str:
    return (
        f'<text x="{at:.1f}" y="{y:.1f}" class="axis" style="fill:{m.colour}">{esc(m.text)}</text>'
    )


def _lines(
    props: Sequence[Json],
    names: Names,
    lang: str,
    x: Scale,
    y: Scale,
    axis: float,
    obj_unit: float,
    end: float,
) -> list[str]:
    """The step lines of support (and objections) and the P-labels at their ends."""
    body: list[str] = []
    ends: list[float] = []

    def y_obj(count: float) -> float:
        return axis + count * obj_unit

    for k, p in enumerate(props):
        colour = proposal_colour(k)
        nudge = ((k % 5) - 2) * 1.5  # lines at the same height stay apart
        stop = p["withdrawn_at"] if p["withdrawn_at"] is not None else end
        history = p["history"]
        support = _path(history, 1, x, y, nudge, stop)
        width = 3.5 if p["agreement"] else 2.0
        dash = ' stroke-dasharray="5 3"' if p["withdrawn"] else ""
        steps = " → ".join(str(n) for _, n, _ in history)
        tip = f"{p['id']} · {names.role(p['author'])} · {label('support', lang)} {steps}"
        body.append(
            f'<path d="{support}" fill="none" stroke="{colour}" stroke-width="{width}"'
            f"{dash}><title>{esc(tip)}</title></path>"
        )
        if any(o for _, _, o in history):
            objections = _path(history, 2, x, y_obj, nudge / 2, stop)
            body.append(
                f'<path d="{objections}" fill="none" stroke="{colour}" stroke-width="1" '
                f'opacity="0.75"/>'
            )
        s0, n0, _ = history[0]
        body.append(f'<circle cx="{x(s0):.1f}" cy="{y(n0) + nudge:.1f}" r="3.5" fill="{colour}"/>')
        ends.append(y(history[-1][1]) + nudge + 4)
    placed = spread(ends)
    for k, p in enumerate(props):
        mark = " ✓" if p["agreement"] else ""
        body.append(
            f'<text x="{WIDTH - RIGHT + 6:.1f}" y="{placed[k]:.1f}" class="lab" '
            f'style="fill:{proposal_colour(k)};font-weight:700">{esc(p["id"] + mark)}</text>'
        )
    return body


def _path(
    history: Sequence[Sequence[float]], column: int, x: Scale, y: Scale, dy: float, stop: float
) -> str:
    """An SVG path stepping through ``history[..][column]`` (moved ``dy`` down) until ``stop``."""
    out = [f"M{x(history[0][0]):.1f},{y(history[0][column]) + dy:.1f}"]
    for step in history[1:]:
        out.append(f"H{x(step[0]):.1f}V{y(step[column]) + dy:.1f}")
    out.append(f"H{x(max(stop, history[-1][0])):.1f}")
    return "".join(out)


def timeline_legend(table: Json, names: Names) -> str:
    """HTML: each proposal's colour with its id and author."""
    items = "".join(
        f'<span style="background:{proposal_colour(k)}"></span>'
        f"{esc(p['id'])} · {esc(names.role(p['author']))}"
        for k, p in enumerate(table["proposals"])
    )
    return f'<div class="legend">{items}</div>'
