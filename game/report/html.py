"""The debrief as one self-contained HTML page: inline CSS, inline SVG, no scripts, no links out."""

from __future__ import annotations

from game.report import html_sections as sections
from game.report.build import CULTURE_VALUES
from game.report.failed import failed_sentences
from game.report.html_parts import Cell, cell, chart, note, table
from game.report.html_style import CSS
from game.report.labels import culture_key, label
from game.report.model import Debrief, Json
from game.report.svg import comparison_chart, esc
from game.report.text import Names, fraction, num, pct, subtitle_text, yes_no


def render_html(debrief: Debrief, lang: str = "nl") -> str:
    """The whole page (UTF-8 text)."""
    scenario = debrief.scenario
    names = Names(scenario)
    tables = debrief.tables
    title = f"{label('title', lang)} — {scenario['title']}"
    subtitle = subtitle_text(scenario, len(tables), lang)
    body = [
        f'<header class="top"><h1><small>{esc(label("title", lang))}</small>'
        f'{esc(scenario["title"])}</h1><p class="sub">{esc(subtitle)}</p></header>'
    ]
    body.append(_toc(tables, lang))
    if not tables:
        body.append(note(label("no_tables", lang)))
    if len(tables) > 1:
        body.append(_comparison(debrief, lang))
    for t in tables:
        body.append(_table(t, names, scenario, lang, several=len(tables) > 1))
    body.append(_lessons(scenario, tables, lang))
    body.append(f"<footer>{esc(label('footer', lang))}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def _toc(tables: list[Json], lang: str) -> str:
    links = []
    if len(tables) > 1:
        links.append(f'<a href="#vergelijking">{esc(label("comparison", lang))}</a>')
    links += [
        f'<a href="#tafel-{t["table"]}">{esc(label("table", lang, n=t["table"]))}</a>'
        for t in tables
    ]
    links.append(f'<a href="#lessen">{esc(label("lessons", lang))}</a>')
    return f'<nav class="toc">{esc(label("contents", lang))}: {"".join(links)}</nav>'


def _comparison(debrief: Debrief, lang: str) -> str:
    headers: list[Cell] = [
        label("table_short", lang),
        label("agreement", lang),
        cell(label("joint", lang), "n"),
        cell(label("share", lang), "n"),
        label("pareto_efficient", lang),
        cell(label("cleared", lang), "n"),
        cell(label("better", lang), "n"),
        cell(label("openings_vs_sq", lang), "n"),
        cell(label("nuisance", lang), "n"),
        cell(label("saved", lang), "n"),
    ]
    rows: list[list[Cell]] = []
    for r in debrief.comparison:
        agreement = r["proposal"] if r["agreement"] else label("no", lang)
        rows.append(
            [
                cell(r["table"]),
                cell(agreement, "ok" if r["agreement"] else "no"),
                cell(num(r["joint"], lang), "n"),
                cell(pct(r["share_of_max"], lang), "n"),
                cell(yes_no(r["pareto_efficient"], lang)),
                cell(f"{r['cleared']}/{r['roles_in_play']}", "n"),
                cell(r["better"], "n"),
                cell(f"{r['openings_total']} ({r['status_quo_openings']})", "n"),
                cell(num(r["nuisance_total"], lang), "n"),
                cell(num(r["saved"], lang, 2), "n"),
            ]
        )
    culture_headers: list[Cell] = [
        label("table_short", lang),
        *(cell(label(k, lang), "n") for k in CULTURE_VALUES),
    ]
    culture: list[list[Cell]] = [
        [
            cell(r["table"]),
            *(cell(fraction(r["indicators"].get(k), lang), "n") for k in CULTURE_VALUES),
        ]
        for r in debrief.comparison
    ]
    return (
        f'<section id="vergelijking"><h2>{esc(label("comparison", lang))}</h2>'
        + chart(comparison_chart(debrief.comparison, lang))
        + table(headers, rows)
        + f"<h3>{esc(label('indicators', lang))}</h3>"
        + table(culture_headers, culture)
        + "</section>"
    )


def failed_html(t: Json, scenario: Json, lang: str) -> str:
    """Per failed ballot its verdict, then why, per role that voted it down."""
    parts = []
    for head, *why in failed_sentences(t, scenario, lang):
        items = "".join(f"<li>{esc(line)}</li>" for line in why)
        parts.append(
            f"<p><strong>{esc(head)}</strong></p>" + (f"<ul>{items}</ul>" if items else "")
        )
    return "".join(parts)


def _table(t: Json, names: Names, scenario: Json, lang: str, several: bool) -> str:
    n = t["table"]
    parts = [f'<section class="tafel" id="tafel-{n}">']
    heading = label("table", lang, n=n) + " · " + label("outcome", lang)
    parts.append(f"<h2>{esc(heading if several or n != 1 else label('outcome', lang))}</h2>")
    if not t["revealed"]:
        warning = label(
            "not_revealed", lang, n=n, phase=t["phase"], round=t["round"] or label("none", lang)
        )
        parts.append(f'<div class="warn">{esc(warning)}</div>')
    parts.append(sections.summary(t, names, lang))
    blocks = [
        ("scores", sections.scores(t, names, lang)),
        *([("failed", failed_html(t, scenario, lang))] if t.get("failed") else []),
        ("reveal", sections.reveal(t, names, scenario, lang)),
        ("possible", sections.possible(t, names, lang)),
        ("better", sections.better(t, names, lang)),
        ("map", sections.maps(t, names, scenario, lang)),
        ("proposals", sections.proposals(t, names, lang)),
        ("talk", sections.talk(t, names, lang)),
        ("indicators", sections.indicators(t, names, lang)),
    ]
    for key, html in blocks:
        parts.append(f'<h2 id="t{n}-{key}">{esc(label(key, lang))}</h2>{html}')
    parts.append("</section>")
    return "".join(parts)


def _lessons(scenario: Json, tables: list[Json], lang: str) -> str:
    lessons = scenario["lessons"]
    parts = [f'<section id="lessen"><h2>{esc(label("lessons", lang))}</h2>']
    if not lessons:
        parts.append(note(label("no_lessons", lang)))
    for lesson in lessons:
        key = culture_key(lesson["value"])
        extra = ""
        if key in CULTURE_VALUES:
            scores = ", ".join(
                f"{label('table', lang, n=t['table'])}: "
                f"{fraction(t['indicators']['table'].get(key), lang)}"
                for t in tables
            )
            extra = f'<span class="tag">{esc(label(key, lang))}</span>'
            if scores:
                extra += f' <span class="legend">{esc(scores)}</span>'
        parts.append(
            f'<div class="lesson"><b>{esc(lesson["title"])}{extra}</b>{esc(lesson["text"])}</div>'
        )
    parts.append("</section>")
    return "".join(parts)
