"""The small Markdown of press releases as Rich text, without a Markdown parser.

The press tab is the first thing a participant sees, and Textual's Markdown
widget costs a parser import and a widget per block before that first frame.
Press releases, event cards and announcements use only a little Markdown:
headings, paragraphs (hard-wrapped lines join), ``>`` quotes, ``-``/``*``/``1.``
list items, ``**bold**`` and ``*italic*``/``_italic_``. Anything else shows as
written.
"""

from __future__ import annotations

import re

from rich.text import Text

INLINE = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![\w*])")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")


def inline(text: str, style: str = "") -> Text:
    """``text`` with ``**bold**`` and ``*italic*`` applied, on top of ``style``."""
    out = Text(style=style)
    at = 0
    for match in INLINE.finditer(text):
        out.append(text[at : match.start()])
        if match.group(1) is not None:
            out.append(match.group(1), "bold")
        else:
            out.append(match.group(2), "italic")
        at = match.end()
    out.append(text[at:])
    return out


def blocks(source: str) -> list[tuple[str, str]]:
    """``source`` as (kind, text) blocks: heading1/heading2/quote/item/para."""
    found: list[tuple[str, str]] = []
    para: list[str] = []
    kind = "para"

    def flush() -> None:
        if para:
            found.append((kind, " ".join(para)))
            para.clear()

    for raw in source.splitlines():
        line = raw.strip()
        item = LIST_ITEM.match(raw)
        if not line:
            flush()
            kind = "para"
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            found.append(("heading1" if level == 1 else "heading2", line[level:].strip()))
            kind = "para"
        elif item is not None:
            flush()
            kind = "item"
            para.append(f"{item.group(2)}\0{item.group(3)}")
        elif line.startswith(">"):
            if kind != "quote":
                flush()
                kind = "quote"
            para.append(line[1:].strip())
        else:
            if kind == "quote":
                flush()
                kind = "para"
            para.append(line)
    flush()
    return found


def markdown_text(source: str) -> Text:
    """The blocks of ``source``, one blank line apart (list items together)."""
    out = Text()
    previous = ""
    for kind, text in blocks(source):
        if out:
            out.append("\n" if kind == previous == "item" else "\n\n")
        if kind == "heading1":
            out.append_text(inline(text, "bold underline"))
        elif kind == "heading2":
            out.append_text(inline(text, "bold"))
        elif kind == "quote":
            out.append("▌ ", "bold cyan")
            out.append_text(inline(text))
        elif kind == "item":
            marker, body = text.split("\0", 1)
            out.append(("• " if marker in "-*+" else f"{marker} "), "bold")
            out.append_text(inline(body))
        else:
            out.append_text(inline(text))
        previous = kind
    return out
