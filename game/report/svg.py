"""Inline SVG charts of the debrief: scores, talk, indicators, tables (proposals: svg_timeline).

Every function returns one ``<svg>`` element as text with all text escaped;
colours come from CSS classes of :mod:`game.report.html` where possible so the
charts print well.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from game.report.labels import label
from game.report.model import Json
from game.report.text import Names, fraction, num, pct

FONT = "font-family:inherit"
GOOD, BAD, ACCENT, MUTED, GRID, AMBER = (
    "#2f855a",
    "#c53030",
    "#2b6cb0",
    "#7b8794",
    "#e4e7eb",
    "#d69e2e",
)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def svg_element(width: float, height: float, body: str, title: str) -> str:
    return (
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{esc(title)}" '
        f'style="{FONT};max-width:100%;height:auto">'
        f"<title>{esc(title)}</title>{body}</svg>"
    )


def svg_text(x: float, y: float, text: object, anchor: str = "start", cls: str = "") -> str:
    extra = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{esc(text)}</text>'


def nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


def scores_chart(table: Json, names: Names, lang: str) -> str:
    """Horizontal bars: each role's score, its reservation value (tick) and its best (faint)."""
    rows = [r for r in table["roles"] if r["in_play"]]
    room = table["analysis"]["room"]
    values = [0.0, 100.0]
    for r in rows:
        best = room.get(r["id"], {}).get("best")
        values += [v for v in (r["score"], r["reservation"], best) if v is not None]
    lo, hi = min(values), max(values)
    left, width, row_h, top = 170.0, 860.0, 26.0, 26.0
    scale = (width - left - 50) / (hi - lo)

    def x(v: float) -> float:
        return left + (v - lo) * scale

    body = []
    step = nice_step(hi - lo)
    tick = math.ceil(lo / step) * step
    height = top + row_h * len(rows) + 26
    while tick <= hi + 1e-9:
        body.append(
            f'<line x1="{x(tick):.1f}" y1="{top - 6}" x2="{x(tick):.1f}" y2="{height - 22}" '
            f'stroke="{GRID}"/>' + svg_text(x(tick), top - 10, num(tick, lang), "middle", "axis")
        )
        tick += step
    for k, r in enumerate(rows):
        y = top + k * row_h
        score, res = r["score"], r["reservation"]
        best = room.get(r["id"], {}).get("best")
        name = names.role(r["id"]) + (" ⚑" if r["veto"] else "")
        body.append(svg_text(left - 8, y + 16, name, "end", "lab"))
        if best is not None:
            body.append(
                f'<rect x="{min(x(0), x(best)):.1f}" y="{y + 5}" width="{abs(x(best) - x(0)):.1f}" '
                f'height="14" fill="{ACCENT}" opacity="0.13"/>'
            )
        colour = GOOD if score >= res else BAD
        body.append(
            f'<rect x="{min(x(0), x(score)):.1f}" y="{y + 7}" width="{abs(x(score) - x(0)):.1f}" '
            f'height="10" rx="2" fill="{colour}"><title>{esc(name)}: {esc(num(score, lang))}'
            f"</title></rect>"
        )
        body.append(
            f'<line x1="{x(res):.1f}" y1="{y + 2}" x2="{x(res):.1f}" y2="{y + 22}" '
            f'stroke="#1f2933" stroke-width="2.5"/>'
        )
        body.append(svg_text(max(x(score), x(res), x(best or lo)) + 6, y + 16, num(score, lang)))
    body.append(
        f'<line x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{height - 22}" '
        'stroke="#9aa5b1"/>'
    )
    return svg_element(width, height, "".join(body), label("scores", lang))


def talk_matrix(table: Json, names: Names, lang: str) -> str:
    """A heat map: private messages sender (row) → receiver (column), public ones last."""
    talk = table["talk"]
    roles: Sequence[str] = talk["roles"]
    cell, left, top = 34.0, 160.0, 100.0
    width = left + cell * (len(roles) + 1) + 120
    height = top + cell * len(roles) + 10
    peak = max([1] + [v for row in talk["private"].values() for v in row.values()])
    peak_public = max([1, *talk["public"].values()])
    body = []
    columns = [*(names.role(r) for r in roles), label("public", lang)]
    for k, name in enumerate(columns):
        cx = left + k * cell + cell / 2 + (8 if k == len(roles) else 0)
        body.append(
            f'<text x="{cx:.1f}" y="{top - 8}" transform="rotate(-45 {cx:.1f} {top - 8})" '
            f'class="lab">{esc(name)}</text>'
        )
    for i, sender in enumerate(roles):
        y = top + i * cell
        body.append(svg_text(left - 8, y + cell / 2 + 4, names.role(sender), "end", "lab"))
        for j, receiver in enumerate(roles):
            count = talk["private"][sender][receiver]
            x = left + j * cell
            shade = "#f5f7fa" if sender == receiver else _blend(count / peak)
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell - 2}" height="{cell - 2}" rx="3" '
                f'fill="{shade}"/>'
            )
            if count:
                cls = "cell light" if count / peak > 0.55 else "cell"
                body.append(svg_text(x + cell / 2 - 1, y + cell / 2 + 4, count, "middle", cls))
        count = talk["public"][sender]
        x = left + len(roles) * cell + 8
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell - 2}" height="{cell - 2}" rx="3" '
            f'fill="{_blend(count / peak_public, (214, 158, 46))}"/>'
        )
        if count:
            body.append(svg_text(x + cell / 2 - 1, y + cell / 2 + 4, count, "middle", "cell"))
    return svg_element(width, height, "".join(body), label("talk", lang))


def _blend(share: float, rgb: tuple[int, int, int] = (43, 108, 176)) -> str:
    """White to ``rgb`` by ``share`` (0..1)."""
    if share <= 0:
        return "#eef1f5"
    s = 0.18 + 0.82 * min(1.0, share)
    r, g, b = (round(255 + (c - 255) * s) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def indicator_bars(values: Json, keys: Sequence[str], lang: str) -> str:
    """The table's culture values as bars from 0 to 1."""
    left, width, row_h = 200.0, 520.0, 26.0
    span = width - left - 60
    body = []
    for k, key in enumerate(keys):
        y = 6 + k * row_h
        value = values.get(key)
        body.append(svg_text(left - 8, y + 15, label(key, lang), "end", "lab"))
        body.append(
            f'<rect x="{left}" y="{y + 5}" width="{span}" height="12" rx="6" fill="{GRID}"/>'
        )
        if value is not None:
            body.append(
                f'<rect x="{left}" y="{y + 5}" width="{max(2.0, span * value):.1f}" height="12" '
                f'rx="6" fill="{ACCENT}"/>'
            )
        body.append(svg_text(left + span + 8, y + 15, fraction(value, lang)))
    return svg_element(width, 12 + row_h * len(keys), "".join(body), label("indicators", lang))


def comparison_chart(rows: Sequence[Json], lang: str) -> str:
    """Per table its share of the max joint value (green: agreement, red: none)."""
    left, width, row_h = 90.0, 640.0, 30.0
    span = width - left - 70
    top = max([1.0] + [r["share_of_max"] or 0 for r in rows])
    body = []
    for k, r in enumerate(rows):
        y = 6 + k * row_h
        share = r["share_of_max"] or 0.0
        colour = GOOD if r["agreement"] else BAD
        body.append(svg_text(left - 8, y + 16, label("table", lang, n=r["table"]), "end", "lab"))
        body.append(
            f'<rect x="{left}" y="{y + 5}" width="{span}" height="14" rx="3" fill="{GRID}"/>'
            f'<rect x="{left}" y="{y + 5}" width="{max(2.0, span * share / top):.1f}" '
            f'height="14" rx="3" fill="{colour}"/>'
        )
        body.append(svg_text(left + span + 8, y + 16, pct(r["share_of_max"], lang)))
    return svg_element(width, 12 + row_h * len(rows), "".join(body), label("share", lang))
