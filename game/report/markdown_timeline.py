"""The Markdown table of the proposals over time (the HTML draws them as a chart)."""

from __future__ import annotations

from game.report.labels import label
from game.report.markdown_base import md_table
from game.report.model import Json
from game.report.text import Names, ballot_text, clock, peak_text


def proposals_table(t: Json, names: Names, lang: str) -> list[str]:
    """Per proposal: author, when proposed, peak support and when, final support, the votes."""
    out = [f"### {label('proposals', lang)}", ""]
    if not t["proposals"]:
        return [*out, label("no_proposals", lang), ""]
    if not t["timeline"]["complete"]:
        out += [label("history_incomplete", lang), ""]
    rows = []
    for p in t["proposals"]:
        votes = "; ".join(ballot_text(b, names, lang) for b in p["ballots"])
        state = (
            label("withdrawn", lang)
            if p["withdrawn"]
            else (label("agreed", lang) if p["agreement"] else "")
        )
        rows.append(
            [
                p["id"] + (f" ← {p['parent']}" if p["parent"] else ""),
                names.role(p["author"]),
                clock(p["seconds"]),
                peak_text(p["history"], lang),
                p["support_count"],
                " ".join(x for x in (votes, state) if x) or "–",
                "; ".join(names.package(p["package"])),
            ]
        )
    headers = [
        "#",
        label("author", lang),
        label("first_proposed", lang),
        label("peak_support", lang),
        label("final_support", lang),
        label("vote", lang),
        label("package", lang),
    ]
    return [*out, md_table(headers, rows, len(headers)), ""]
