"""The debrief as Markdown for the workshop report: headings, tables and lists, no HTML."""

from __future__ import annotations

from game.report.build import CULTURE_VALUES
from game.report.failed import failed_sentences
from game.report.labels import counted, culture_key, label
from game.report.markdown_base import md_table, md_text
from game.report.markdown_timeline import proposals_table
from game.report.model import Debrief, Json, plans_shown
from game.report.text import (
    Names,
    agreement_text,
    fraction,
    joint_text,
    num,
    pareto_text,
    pct,
    rule_text,
    subtitle_text,
    term_text,
    yes_no,
)


def render_markdown(debrief: Debrief, lang: str = "nl") -> str:
    scenario = debrief.scenario
    names = Names(scenario)
    tables = debrief.tables
    subtitle = subtitle_text(scenario, len(tables), lang)
    out = [f"# {label('title', lang)}: {md_text(scenario['title'])}", "", md_text(subtitle), ""]
    if not tables:
        out += [label("no_tables", lang), ""]
    if len(tables) > 1:
        out += _comparison(debrief, lang)
    for t in tables:
        out += _table(t, names, scenario, lang)
    out += _lessons(scenario, tables, lang)
    return "\n".join(out).rstrip() + "\n"


def _comparison(debrief: Debrief, lang: str) -> list[str]:
    headers = [
        label("table_short", lang),
        label("agreement", lang),
        label("joint", lang),
        label("share", lang),
        label("pareto_efficient", lang),
        label("cleared", lang),
        label("better", lang),
        label("openings", lang),
        label("status_quo", lang),
        *(label(k, lang) for k in CULTURE_VALUES),
    ]
    rows = [
        [
            r["table"],
            r["proposal"] if r["agreement"] else label("no", lang),
            num(r["joint"], lang),
            pct(r["share_of_max"], lang),
            yes_no(r["pareto_efficient"], lang),
            f"{r['cleared']}/{r['roles_in_play']}",
            r["better"],
            r["openings_total"],
            r["status_quo_openings"],
            *(fraction(r["indicators"].get(k), lang) for k in CULTURE_VALUES),
        ]
        for r in debrief.comparison
    ]
    return [f"## {label('comparison', lang)}", "", md_table(headers, rows, 2), ""]


def _failed(t: Json, scenario: Json, lang: str) -> list[str]:
    found = failed_sentences(t, scenario, lang)
    if not found:
        return []
    out = [f"### {label('failed', lang)}", ""]
    for head, *why in found:
        out += [f"**{md_text(head)}**", "", *(f"- {md_text(line)}" for line in why), ""]
    return out


def _table(t: Json, names: Names, scenario: Json, lang: str) -> list[str]:
    n = t["table"]
    out = [f"## {label('table', lang, n=n)}", ""]
    if not t["revealed"]:
        warning = label(
            "not_revealed", lang, n=n, phase=t["phase"], round=t["round"] or label("none", lang)
        )
        out += [f"> {md_text(warning)}", ""]
    a = t["analysis"]
    events = ", ".join(e["title"] for e in t["events"]) or label("none", lang)
    out += [
        f"- **{label('agreement', lang)}:** {md_text(agreement_text(t, lang))}",
        f"- **{label('joint', lang)}:** {md_text(joint_text(t, lang))}",
        f"- **{label('pareto_efficient', lang)}:** {md_text(pareto_text(t, lang))}",
        f"- **{label('nash_distance', lang)}:** {num(a['nash_distance'], lang)}",
        f"- **{label('cleared', lang)}:** "
        + label("cleared_of", lang, k=t["cleared"], n=len(t["roles_in_play"])),
        f"- **{label('events', lang)}:** {md_text(events)}",
    ]
    if t["agreement"]["reached"]:
        out.append(
            f"- **{label('package', lang)}:** "
            + md_text("; ".join(names.package(t["agreement"]["package"])))
        )
    out.append("")
    out += _scores(t, names, lang)
    out += _failed(t, scenario, lang)
    out += _reveal(t, names, scenario, lang)
    out += _possible(t, names, lang)
    out += _plans(t, names, scenario, lang)
    out += proposals_table(t, names, lang)
    out += _talk(t, names, lang)
    out += _indicators(t, names, lang)
    return out


def _scores(t: Json, names: Names, lang: str) -> list[str]:
    rows = [
        [
            names.role(r["id"]) + (f" ({label('veto', lang)})" if r["veto"] else ""),
            num(r["score"], lang),
            num(r["reservation"], lang),
            num(r["margin"], lang),
            num(t["analysis"]["room"].get(r["id"], {}).get("best"), lang),
        ]
        for r in t["roles"]
        if r["in_play"]
    ]
    headers = [label(k, lang) for k in ("role", "score", "reservation", "margin", "best_possible")]
    extra = [] if t["agreement"]["reached"] else [label("no_deal_scores", lang), ""]
    return [f"### {label('scores', lang)}", "", *extra, md_table(headers, rows), ""]


def _reveal(t: Json, names: Names, scenario: Json, lang: str) -> list[str]:
    roles = [r for r in t["roles"] if r["in_play"]]
    chosen = t["plans"]["outcome"]["package"] or {}
    out = [f"### {label('reveal', lang)}", "", md_text(label("reveal_note", lang)), ""]
    for issue in scenario["issues"]:
        title = issue["title"]
        if not issue["live"]:
            title += (
                f" ({label('preset', lang, option=names.option(issue['id'], issue['preset']))})"
            )
        rows = []
        for o in issue["options"]:
            mark = " ✓" if chosen.get(issue["id"]) == o["id"] else ""
            rows.append(
                [o["title"] + mark, *(num(r["points"][issue["id"]][o["id"]], lang) for r in roles)]
            )
        headers = [label("option", lang), *(names.role(r["id"]) for r in roles)]
        out += [f"#### {md_text(title)}", "", md_table(headers, rows), ""]
    for r in t["roles"]:
        status = (
            f"{label('score', lang)} {num(r['score'], lang)}, "
            f"{label('reservation', lang)} {num(r['reservation'], lang)}"
            if r["in_play"]
            else label("not_in_play", lang)
        )
        out += [f"**{md_text(names.role(r['id']))}** ({md_text(r['organisation'])}; {status})", ""]
        out += [f"- {md_text(rule_text(x, names, lang))}" for x in r["rules"]]
        out += [f"- {md_text(term_text(x, names, lang))}" for x in r["metric_terms"]]
        if r["briefing_summary"]:
            out.append(f"- *{md_text(r['briefing_summary'])}*")
        out.append("")
    return out


def _by_role(columns: list[tuple[str, Json]], roles: list[str], names: Names, lang: str) -> str:
    rows = [[names.role(r), *(num(sc.get(r), lang) for _, sc in columns)] for r in roles]
    return md_table([label("role", lang), *(title for title, _ in columns)], rows)


def _possible(t: Json, names: Names, lang: str) -> list[str]:
    a = t["analysis"]
    roles = a["roles_in_play"]
    shown = [(label(key, lang), pkg, joint, n, sc) for key, pkg, joint, n, sc in plans_shown(t)]
    rows = [
        [title, "; ".join(names.package(pkg)), num(joint, lang), n]
        for title, pkg, joint, n, _ in shown
    ]
    headers = [label(k, lang) for k in ("plan", "package", "joint", "openings")]
    intro = label(
        "possible_note",
        lang,
        packages=a["packages"],
        passes=a["passes"],
        unanimous=a["unanimous"],
        pareto=a["pareto"],
    )
    out = [f"### {label('possible', lang)}", "", intro, ""]
    if a["nash"] is None:
        out += [label("no_unanimous", lang), ""]
    out += [md_table(headers, rows, 2), ""]
    out += [_by_role([(title, sc) for title, _, _, _, sc in shown], roles, names, lang), ""]
    out += [f"### {label('better', lang)}", ""]
    b = t["better"]
    if not b["count"]:
        return [*out, label("better_none", lang), ""]
    out += [counted("better_some", b["count"], lang, k=len(b["best"])), ""]
    better_rows = [
        [f"#{k}", "; ".join(names.package(p["package"])), num(p["welfare"], lang), p["openings"]]
        for k, p in enumerate(b["best"], 1)
    ]
    headers = ["#", *(label(k, lang) for k in ("package", "joint", "openings"))]
    columns = [(label("outcome", lang), shown[0][4])]
    columns += [(f"#{k}", p["scores"]) for k, p in enumerate(b["best"], 1)]
    return [
        *out,
        md_table(headers, better_rows, 2),
        "",
        _by_role(columns, roles, names, lang),
        "",
    ]


def _plans(t: Json, names: Names, scenario: Json, lang: str) -> list[str]:
    plans = t["plans"]
    shown = [
        (label("outcome", lang), plans["outcome"]),
        (label("status_quo", lang), plans["status_quo"]),
    ]
    basis = label("none", lang)
    if plans["best"] is not None:
        shown.append((label("best_plan", lang), plans["best"]))
        basis = label(f"basis_{plans['best']['basis']}", lang)
    rows: list[list[object]] = [
        [s["name"], *(p["openings"].get(s["id"], 0) for _, p in shown)]
        for s in scenario["segments"]
    ]
    rows.append([label("total", lang), *(p["openings_total"] for _, p in shown)])
    for key in ("nuisance", "cost", "saved"):
        field = "nuisance_total" if key == "nuisance" else key
        rows.append([label(key, lang), *(num(p[field], lang, 2) for _, p in shown)])
    rows.append([label("missed", lang), *(len(p["missed"]) for _, p in shown)])
    headers = [label("street", lang), *(title for title, _ in shown)]
    return [
        f"### {label('map', lang)}",
        "",
        label("map_note", lang, basis=basis),
        "",
        md_table(headers, rows),
        "",
    ]


def _talk(t: Json, names: Names, lang: str) -> list[str]:
    talk = t["talk"]
    out = [f"### {label('talk', lang)}", ""]
    if not talk["total_public"] and not talk["total_private"]:
        return [*out, label("no_talk", lang), ""]
    roles = talk["roles"]
    rows = [
        [
            names.role(s),
            *(talk["private"][s][r] if s != r else "–" for r in roles),
            talk["public"][s],
        ]
        for s in roles
    ]
    headers = ["", *(names.role(r) for r in roles), label("public", lang)]
    return [*out, label("talk_note", lang), "", md_table(headers, rows), ""]


def _indicators(t: Json, names: Names, lang: str) -> list[str]:
    ind = t["indicators"]
    rows = [
        [names.role(role), *(fraction(v.get(k), lang) for k in CULTURE_VALUES)]
        for role, v in ind["roles"].items()
    ]
    rows.append(
        [
            f"{label('table_value', lang)}",
            *(fraction(ind["table"].get(k), lang) for k in CULTURE_VALUES),
        ]
    )
    headers = [label("role", lang), *(label(k, lang) for k in CULTURE_VALUES)]
    return [
        f"### {label('indicators', lang)}",
        "",
        label("indicators_note", lang),
        "",
        md_table(headers, rows),
        "",
    ]


def _lessons(scenario: Json, tables: list[Json], lang: str) -> list[str]:
    out = [f"## {label('lessons', lang)}", ""]
    if not scenario["lessons"]:
        return [*out, label("no_lessons", lang)]
    for lesson in scenario["lessons"]:
        key = culture_key(lesson["value"])
        extra = ""
        if key in CULTURE_VALUES:
            values = ", ".join(fraction(t["indicators"]["table"].get(key), lang) for t in tables)
            extra = f" ({label(key, lang)}: {values})" if values else f" ({label(key, lang)})"
        out.append(f"- **{md_text(lesson['title'])}**{extra}: {md_text(lesson['text'])}")
    return out
