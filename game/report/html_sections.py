"""The sections of one table's debrief in HTML."""

from __future__ import annotations

from game.report.build import CULTURE_VALUES
from game.report.html_parts import Cell, card, cell, chart, lines, note, raw, table
from game.report.labels import counted, label
from game.report.maps import OPEN_COLOURS, area_map
from game.report.model import Json, plans_shown
from game.report.svg import esc, indicator_bars, scores_chart, talk_matrix
from game.report.svg_timeline import proposals_chart, timeline_legend
from game.report.text import (
    Names,
    agreement_text,
    ballot_text,
    clock,
    fraction,
    joint_text,
    num,
    pareto_text,
    peak_text,
    rule_text,
    term_text,
)


def summary(t: Json, names: Names, lang: str) -> str:
    reached = t["agreement"]["reached"]
    analysis = t["analysis"]
    events = ", ".join(e["title"] for e in t["events"]) or label("none", lang)
    cards = [
        card(label("agreement", lang), agreement_text(t, lang), "good" if reached else "bad"),
        card(label("joint", lang), joint_text(t, lang)),
        card(
            label("pareto_efficient", lang),
            pareto_text(t, lang),
            "good" if analysis["pareto_efficient"] else "bad",
        ),
        card(label("nash_distance", lang), num(analysis["nash_distance"], lang)),
        card(
            label("cleared", lang),
            label("cleared_of", lang, k=t["cleared"], n=len(t["roles_in_play"])),
        ),
        card(label("events", lang), events),
    ]
    if reached and t["agreement"]["signatures"]:
        signed = ", ".join(names.role(r) for r in t["agreement"]["signatures"])
        cards.append(card(label("signatures", lang), signed))
    html = f'<div class="cards">{"".join(cards)}</div>'
    if reached:
        html += lines(names.package(t["agreement"]["package"]))
    return html


def scores(t: Json, names: Names, lang: str) -> str:
    rows: list[list[Cell]] = []
    cls: list[str] = []
    for r in t["roles"]:
        if not r["in_play"]:
            continue
        best = t["analysis"]["room"].get(r["id"], {}).get("best")
        ok = r["score"] >= r["reservation"]
        rows.append(
            [
                raw(_role_name(r, names, lang)),
                cell(num(r["score"], lang), "n"),
                cell(num(r["reservation"], lang), "n"),
                cell(num(r["margin"], lang), "n " + ("ok" if ok else "no")),
                cell(num(best, lang), "n"),
            ]
        )
    headers: list[Cell] = [
        label("role", lang),
        cell(label("score", lang), "n"),
        cell(label("reservation", lang), "n"),
        cell(label("margin", lang), "n"),
        cell(label("best_possible", lang), "n"),
    ]
    extra = "" if t["agreement"]["reached"] else note(label("no_deal_scores", lang))
    return (
        note(label("scores_note", lang))
        + extra
        + chart(scores_chart(t, names, lang))
        + table(headers, rows, cls)
    )


def _role_name(r: Json, names: Names, lang: str) -> str:
    tags = f'<span class="tag veto">{esc(label("veto", lang))}</span>' if r["veto"] else ""
    return esc(names.role(r["id"])) + tags


def reveal(t: Json, names: Names, scenario: Json, lang: str) -> str:
    roles = [r for r in t["roles"] if r["in_play"]]
    chosen = (t["plans"]["outcome"]["package"]) or {}
    parts = [note(label("reveal_note", lang))]
    for issue in scenario["issues"]:
        title = issue["title"]
        if not issue["live"]:
            title += (
                f" ({label('preset', lang, option=names.option(issue['id'], issue['preset']))})"
            )
        headers: list[Cell] = [
            label("option", lang),
            *(cell(names.role(r["id"]), "n") for r in roles),
        ]
        best = {r["id"]: max(r["points"][issue["id"]].values()) for r in roles}
        rows = []
        for o in issue["options"]:
            row = [cell(o["title"], "chosen" if chosen.get(issue["id"]) == o["id"] else "")]
            for r in roles:
                v = r["points"][issue["id"]][o["id"]]
                cls = "n" + (" best" if v == best[r["id"]] and v != 0 else "")
                cls += " chosen" if chosen.get(issue["id"]) == o["id"] else ""
                row.append(cell(num(v, lang), cls))
            rows.append(row)
        parts.append(
            f"<h3>{esc(title)}</h3>" + '<div class="matrix">' + table(headers, rows) + "</div>"
        )
    cards = []
    for r in t["roles"]:
        items = [f"<li>{esc(rule_text(x, names, lang))}</li>" for x in r["rules"]]
        items += [f"<li>{esc(term_text(x, names, lang))}</li>" for x in r["metric_terms"]]
        score = (
            f"{label('score', lang)} {num(r['score'], lang)} · "
            f"{label('reservation', lang)} {num(r['reservation'], lang)}"
            if r["in_play"]
            else label("not_in_play", lang)
        )
        cards.append(
            f'<div class="role"><h4>{_role_name(r, names, lang)}</h4>'
            f'<div class="org">{esc(r["organisation"])} · {esc(score)}</div>'
            + (f"<ul>{''.join(items)}</ul>" if items else "")
            + (
                f'<p class="brief">{esc(r["briefing_summary"])}</p>'
                if r["briefing_summary"]
                else ""
            )
            + "</div>"
        )
    parts.append(
        f"<h3>{esc(label('rules', lang))} · {esc(label('metric_terms', lang))} · "
        f"{esc(label('briefing', lang))}</h3>"
        f'<div class="roles">{"".join(cards)}</div>'
    )
    return "".join(parts)


def _by_role(columns: list[tuple[str, Json]], roles: list[str], names: Names, lang: str) -> str:
    """Scores per role (rows) for each plan or package (columns)."""
    headers: list[Cell] = [label("role", lang), *(cell(title, "n") for title, _ in columns)]
    rows: list[list[Cell]] = [
        [cell(names.role(r)), *(cell(num(scores.get(r), lang), "n") for _, scores in columns)]
        for r in roles
    ]
    return table(headers, rows)


def possible(t: Json, names: Names, lang: str) -> str:
    a = t["analysis"]
    roles = a["roles_in_play"]
    intro = note(
        label(
            "possible_note",
            lang,
            packages=a["packages"],
            passes=a["passes"],
            unanimous=a["unanimous"],
            pareto=a["pareto"],
        )
    )
    shown = [(label(key, lang), pkg, joint, n, sc) for key, pkg, joint, n, sc in plans_shown(t)]
    headers: list[Cell] = [
        label("plan", lang),
        label("package", lang),
        cell(label("joint", lang), "n"),
        cell(label("openings", lang), "n"),
    ]
    rows: list[list[Cell]] = [
        [cell(title), raw(lines(names.package(pkg))), cell(num(joint, lang), "n"), cell(n, "n")]
        for title, pkg, joint, n, _ in shown
    ]
    extra = "" if a["nash"] is not None else note(label("no_unanimous", lang))
    columns = [(title, scores) for title, _, _, _, scores in shown]
    return (
        intro
        + extra
        + table(headers, rows, ["hl"])
        + f"<h3>{esc(label('scores_by_role', lang))}</h3>"
        + _by_role(columns, roles, names, lang)
    )


def better(t: Json, names: Names, lang: str) -> str:
    b = t["better"]
    if not b["count"]:
        return note(label("better_none", lang))
    roles = t["analysis"]["roles_in_play"]
    rows: list[list[Cell]] = [
        [
            cell(f"#{k}"),
            raw(lines(names.package(p["package"]))),
            cell(num(p["welfare"], lang), "n"),
            cell(num(p["openings"], lang), "n"),
        ]
        for k, p in enumerate(b["best"], 1)
    ]
    headers: list[Cell] = [
        "#",
        label("package", lang),
        cell(label("joint", lang), "n"),
        cell(label("openings", lang), "n"),
    ]
    outcome_scores = {r["id"]: r["score"] for r in t["roles"] if r["in_play"]}
    columns = [(label("outcome", lang), outcome_scores)]
    columns += [(f"#{k}", p["scores"]) for k, p in enumerate(b["best"], 1)]
    text = counted("better_some", b["count"], lang, k=len(b["best"]))
    return (
        f"<p>{esc(text)}</p>"
        + table(headers, rows)
        + f"<h3>{esc(label('scores_by_role', lang))}</h3>"
        + _by_role(columns, roles, names, lang)
    )


def maps(t: Json, names: Names, scenario: Json, lang: str) -> str:
    plans = t["plans"]
    shown = [
        (label("outcome", lang), plans["outcome"]),
        (label("status_quo", lang), plans["status_quo"]),
    ]
    basis = ""
    if plans["best"] is not None:
        shown.append((label("best_plan", lang), plans["best"]))
        basis = label(f"basis_{plans['best']['basis']}", lang)
    svgs = "".join(area_map(scenario["segments"], p["openings"], title) for title, p in shown)
    legend = "".join(
        f'<span style="background:{c}"></span>{n if n < 3 else "3+"}'
        for n, c in enumerate(OPEN_COLOURS)
    )
    headers: list[Cell] = [label("street", lang), *(cell(title, "n") for title, _ in shown)]
    rows = [
        [cell(s["name"]), *(cell(p["openings"].get(s["id"], 0), "n") for _, p in shown)]
        for s in scenario["segments"]
    ]
    for key, name in (
        ("openings_total", "total"),
        ("nuisance_total", "nuisance"),
        ("cost", "cost"),
        ("saved", "saved"),
    ):
        title = label(name, lang)
        rows.append([cell(title), *(cell(num(p[key], lang, 2), "n") for _, p in shown)])
    rows.append([cell(label("missed", lang)), *(cell(len(p["missed"]), "n") for _, p in shown)])
    return (
        note(label("map_note", lang, basis=basis or label("none", lang)))
        + f'<div class="chart maps">{svgs}</div>'
        + f'<div class="legend">{esc(label("openings", lang))}:{legend}</div>'
        + table(headers, rows)
    )


def proposals(t: Json, names: Names, lang: str) -> str:
    props = t["proposals"]
    if not props:
        return note(label("no_proposals", lang))
    rows: list[list[Cell]] = []
    cls: list[str] = []
    for p in props:
        votes = "; ".join(ballot_text(b, names, lang) for b in p["ballots"])
        state = label("agreed", lang) if p["agreement"] else ""
        state = label("withdrawn", lang) if p["withdrawn"] else state
        rows.append(
            [
                cell(p["id"] + (f" ← {p['parent']}" if p["parent"] else "")),
                cell(names.role(p["author"])),
                cell(clock(p["seconds"]), "n"),
                cell(peak_text(p["history"], lang), "n"),
                raw(lines(names.package(p["package"]))),
                cell(p["support_count"], "n"),
                cell(len(p["objections"]), "n"),
                cell(num(p["joint"], lang), "n"),
                cell(" ".join(x for x in (votes, state) if x)),
            ]
        )
        cls.append("hl" if p["agreement"] else "")
    headers: list[Cell] = [
        "#",
        label("author", lang),
        cell(label("first_proposed", lang), "n"),
        cell(label("peak_support", lang), "n"),
        label("package", lang),
        cell(label("final_support", lang), "n"),
        cell(label("objections", lang), "n"),
        cell(label("joint", lang), "n"),
        label("vote", lang),
    ]
    incomplete = "" if t["timeline"]["complete"] else note(label("history_incomplete", lang))
    return (
        note(label("proposals_note", lang))
        + incomplete
        + f'<div class="chart timeline">{proposals_chart(t, names, lang)}</div>'
        + timeline_legend(t, names)
        + table(headers, rows, cls)
    )


def talk(t: Json, names: Names, lang: str) -> str:
    talk_data = t["talk"]
    if not talk_data["total_public"] and not talk_data["total_private"]:
        return note(label("no_talk", lang))
    totals = (
        f"{label('public', lang)}: {talk_data['total_public']} · "
        f"{label('private', lang)}: {talk_data['total_private']}"
    )
    return (
        note(label("talk_note", lang))
        + f"<p>{esc(totals)}</p>"
        + chart(talk_matrix(t, names, lang))
    )


def indicators(t: Json, names: Names, lang: str) -> str:
    ind = t["indicators"]
    headers: list[Cell] = [
        label("role", lang),
        *(cell(label(k, lang), "n") for k in CULTURE_VALUES),
    ]
    rows = [
        [cell(names.role(role)), *(cell(fraction(v.get(k), lang), "n") for k in CULTURE_VALUES)]
        for role, v in ind["roles"].items()
    ]
    rows.append(
        [
            cell(label("table_value", lang), "best"),
            *(cell(fraction(ind["table"].get(k), lang), "n best") for k in CULTURE_VALUES),
        ]
    )
    return (
        note(label("indicators_note", lang))
        + chart(indicator_bars(ind["table"], CULTURE_VALUES, lang))
        + table(headers, rows)
    )
