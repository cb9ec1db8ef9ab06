"""Small HTML builders shared by the debrief's sections (every text escaped)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.report.svg import esc

#: A table cell: text to escape, or ``(html, css class)`` for a cell built by the caller.
Cell = str | tuple[str, str]


def cell(text: object, cls: str = "") -> tuple[str, str]:
    """An escaped cell with a CSS class."""
    return esc(text), cls


def raw(html: str, cls: str = "") -> tuple[str, str]:
    """A cell of ready HTML (the caller escaped its text)."""
    return html, cls


def table(
    headers: Sequence[Cell], rows: Iterable[Sequence[Cell]], row_cls: Sequence[str] = ()
) -> str:
    def render(c: Cell, tag: str) -> str:
        html, cls = (esc(c), "") if isinstance(c, str) else c
        attr = f' class="{cls}"' if cls else ""
        return f"<{tag}{attr}>{html}</{tag}>"

    head = "".join(render(h, "th") for h in headers)
    body = []
    for k, row in enumerate(rows):
        cls = row_cls[k] if k < len(row_cls) and row_cls[k] else ""
        attr = f' class="{cls}"' if cls else ""
        body.append(f"<tr{attr}>" + "".join(render(c, "td") for c in row) + "</tr>")
    return (
        f'<div class="wide"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def lines(items: Iterable[str]) -> str:
    """A compact list (for a package's choices)."""
    return '<ul class="pkg">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def card(key: str, value: str, cls: str = "") -> str:
    extra = f" {cls}" if cls else ""
    return (
        f'<div class="card{extra}"><div class="k">{esc(key)}</div>'
        f'<div class="v">{esc(value)}</div></div>'
    )


def chart(svg: str) -> str:
    return f'<div class="chart">{svg}</div>'


def note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'
