"""Markdown building blocks of the debrief: escaped cells and text, pipe tables."""

from __future__ import annotations

from collections.abc import Sequence


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell (pipes, line breaks and markup escaped)."""
    text = " ".join(str(value).split())
    for ch in "\\|*_`<>[]":
        text = text.replace(ch, "\\" + ch)
    return text or " "


def md_text(value: object) -> str:
    """Running text with Markdown and HTML markup characters escaped."""
    text = str(value)
    for ch in "\\*_`<>[]#":
        text = text.replace(ch, "\\" + ch)
    return text


def md_table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: int = 1) -> str:
    """A pipe table; columns from ``right`` on are right-aligned (numbers)."""
    align = ["---" if k < right else "---:" for k in range(len(headers))]
    out = ["| " + " | ".join(md_cell(h) for h in headers) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out)
