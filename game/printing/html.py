"""Small HTML helpers: escaping, numbers in Dutch style, safe Markdown, the page frame.

Every piece of scenario text goes through :func:`esc` (or :func:`markdown`,
which renders with raw HTML switched off), so a scenario cannot inject markup
into the printed pages.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MARKDOWN = MarkdownIt("commonmark", {"html": False})

#: The print style shared by every page: A4, readable type, tables that fit.
BASE_CSS = """
@page { size: A4 portrait; margin: 14mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  font-size: 10pt; line-height: 1.38; color: #1d2327; }
@media screen { body { background: #e9ecef; padding: 8mm 0; }
  .page { background: #fff; margin: 0 auto 8mm; padding: 14mm 15mm;
    width: 210mm; min-height: 297mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); } }
@media print { .page { width: auto; } }
.page { page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 19pt; line-height: 1.15; margin: 0 0 2mm; color: #0b4f6c; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; color: #0b4f6c;
  border-bottom: 0.4mm solid #0b4f6c; padding-bottom: 0.6mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 3.5mm 0 1mm; color: #12394a; break-after: avoid; }
h4, h5, h6 { font-size: 10pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0 0 0.8mm; }
.kicker { font-size: 8.5pt; letter-spacing: 0.08em; text-transform: uppercase; color: #5c6b73; }
.muted { color: #5c6b73; }
.small { font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: 1.1mm 2mm;
  border-bottom: 0.2mm solid #c9d1d6; }
thead th { background: #0b4f6c; color: #fff; font-weight: bold; border-bottom: none; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group td { background: #e6eff3; font-weight: bold; color: #12394a; }
tr.fixed td { color: #5c6b73; font-style: italic; }
.box { border: 0.3mm solid #c9d1d6; border-radius: 1.5mm; padding: 2mm 3mm; margin: 0 0 3mm;
  break-inside: avoid; }
.facts { display: flex; gap: 3mm; margin: 0 0 3mm; }
.facts .box { flex: 1; margin: 0; }
.facts .value { font-size: 15pt; font-weight: bold; color: #0b4f6c; }
a { color: #0b4f6c; }
"""


def esc(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def num(value: float) -> str:
    """A number the Dutch way: ``40``, ``2,5``, ``−10`` (a real minus sign)."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        text = str(abs(int(rounded)))
    else:
        text = f"{abs(rounded):.2f}".rstrip("0").replace(".", ",")
    return ("\u2212" + text) if rounded < 0 else text


def signed(value: float) -> str:
    """A number with its sign always shown: ``+5``, ``−10``, ``0``."""
    return ("+" + num(value)) if value > 0 else num(value)


def _shift_headings(tokens: list[Token], shift: int) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + shift)
            token.tag = f"h{level}"


def markdown(text: str, heading_shift: int = 2) -> str:
    """Render Markdown safely (raw HTML is escaped); headings move ``heading_shift`` down."""
    tokens = _MARKDOWN.parse(text)
    _shift_headings(tokens, heading_shift)
    rendered: str = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    return rendered


def paragraphs(text: str) -> str:
    """Plain text with blank-line paragraphs as escaped ``<p>`` elements."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{esc(p)}</p>" for p in parts if p)


def items(entries: Iterable[str]) -> str:
    """An unordered list of already-escaped HTML fragments ("" when empty)."""
    lis = "".join(f"<li>{e}</li>" for e in entries)
    return f"<ul>{lis}</ul>" if lis else ""


def document(title: str, body: str, lang: str = "nl", css: str = "", script: str = "") -> str:
    """A complete, self-contained HTML document (``title`` is escaped here)."""
    tail = f"<script>{script}</script>" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n{tail}</body>\n</html>\n"
    )
