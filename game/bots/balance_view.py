"""The balance report as Rich tables, for ``simulate`` (Dutch by default, or English).

It fits the terminal it is printed on (80 columns and up; Rich's 80 when the
output is not a terminal), names roles by their labels in the scenario, shows
numbers the way the language writes them (``78,2``) and tells the warnings
(a hopeless role, a veto that blocks often) in full sentences under the table.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from game import numfmt
from game.analysis import labels as analysis_labels
from game.bots.balance_labels import counted, label
from game.scenario.model import Scenario

Json = dict[str, Any]

#: A role above its reservation value in fewer games than this looks hopeless.
HOPELESS = 0.1
#: A veto role whose "no" sank more than this share of all ballots blocks often.
BLOCKING = 0.3
#: A role above its reservation value in more games than this while others are not: a dictator?
DOMINANT = 0.9


def _table(title: str) -> Table:
    """A table that stays narrow: a line under the header, no side borders."""
    return Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )


def role_name(scenario: Scenario, role_id: str) -> str:
    """The role's label in the scenario."""
    return scenario.role(role_id).label


def mode_name(scenario: Scenario, mode: str, lang: str) -> str:
    """``volledige versie (120 minuten)``: the mode as people call it, with its length."""
    minutes = numfmt.number(scenario.mode(mode).minutes, lang, 0)
    words = analysis_labels.label(f"mode.{mode}", lang)  # the words analyze uses
    return f"{words} ({label('minutes', lang, minutes=minutes)})"


def notes(report: Json, scenario: Scenario, lang: str) -> list[str]:
    """The warnings a trainer should read, one sentence per role."""
    found: list[str] = []
    ballots = report["ballots"]
    for role_id, r in report["roles"].items():
        name = role_name(scenario, role_id)
        blocks = report["vetoes"].get(role_id, 0)
        if r["above"] < HOPELESS:
            share = numfmt.percent(HOPELESS, lang)
            found.append(label("note.hopeless", lang, role=name, share=share))
        elif r["veto"] and ballots and blocks / ballots > BLOCKING:
            share = numfmt.percent(blocks / ballots, lang)
            found.append(label("note.blocks", lang, role=name, share=share))
        elif r["above"] > DOMINANT and r["min"] > r["reservation"]:
            share = numfmt.percent(DOMINANT, lang)
            found.append(label("note.always", lang, role=name, share=share))
    return found


def roles_table(report: Json, scenario: Scenario, lang: str = "nl") -> Table:
    table = _table(label("roles.title", lang))
    table.add_column(label("col.role", lang), overflow="fold")
    table.add_column(label("col.veto", lang), justify="center")
    for key in ("reservation", "min", "median", "max", "above", "below"):
        table.add_column(label(f"col.{key}", lang), justify="right", no_wrap=True)
    for role_id, r in report["roles"].items():
        table.add_row(
            role_name(scenario, role_id),
            label("yes", lang) if r["veto"] else "",
            numfmt.number(r["reservation"], lang),
            numfmt.number(r["min"], lang),
            numfmt.number(r["median"], lang),
            numfmt.number(r["max"], lang),
            numfmt.percent(r["above"], lang),
            numfmt.percent(r["below"], lang),
        )
    return table


def vetoes_table(report: Json, scenario: Scenario, lang: str = "nl") -> Table:
    table = _table(label("ballots.title", lang))
    table.add_column("")
    table.add_column(label("ballots.count", lang), justify="right")
    failed = report["failed_ballots"]
    count = numfmt.integer
    table.add_row(label("ballots.all", lang), count(report["ballots"], lang))
    table.add_row(label("ballots.veto", lang), count(failed["veto"], lang))
    for role_id, n in sorted(report["vetoes"].items(), key=lambda kv: (-kv[1], kv[0])):
        name = role_name(scenario, role_id)
        table.add_row(label("ballots.veto_of", lang, role=name), count(n, lang))
    table.add_row(label("ballots.quorum", lang), count(failed["quorum"], lang))
    table.add_row(label("ballots.infeasible", lang), count(failed["infeasible"], lang))
    return table


def plan_table(report: Json, lang: str = "nl") -> Table:
    plan = report["plan"]
    best = plan["best"] or {}
    sq = plan["status_quo"]
    table = _table(label("plan.title", lang))
    table.add_column("")
    for key in ("outcome", "status_quo", "best"):
        table.add_column(label(f"plan.{key}", lang), justify="right")
    num, fixed = numfmt.number, numfmt.fixed
    table.add_row(
        label("plan.openings", lang),
        num(plan["openings_total"], lang),
        num(sq["openings_total"], lang),
        num(best.get("openings_total"), lang),
    )
    table.add_row(
        label("plan.cost", lang),
        fixed(plan["cost"], lang),
        fixed(sq["cost"], lang),
        fixed(best.get("cost"), lang),
    )
    table.add_row(
        label("plan.joint", lang), num(plan["joint"], lang), "", num(best.get("joint"), lang)
    )
    return table


def render(report: Json, scenario: Scenario, mode: str, lang: str = "nl") -> RenderableType:
    games = report["games"]
    head = Text.assemble(
        (
            label(
                "head",
                lang,
                title=scenario.meta.title,
                mode=mode_name(scenario, mode, lang),
                games=counted("game", games, lang),
                agreements=numfmt.integer(report["agreements"], lang),
            ),
            "bold",
        ),
        (f"({numfmt.percent(report['agreement_rate'], lang)})", "bold"),
    )
    until = report["until_agreement"]
    per_game = numfmt.number(report["proposals"], lang)
    if report["agreements"]:
        pace = label(
            "pace",
            lang,
            round=numfmt.number(until["round"], lang),
            proposals=counted("proposal", until["proposals"], lang),
            ballots=counted("ballot", until["ballots"], lang),
            per_game=per_game,
        )
    else:
        pace = label("pace.none", lang, per_game=per_game)
    parts: list[RenderableType] = [
        head,
        Text(""),
        roles_table(report, scenario, lang),
        Text(label("roles.legend", lang), style="dim"),
    ]
    warnings = notes(report, scenario, lang)
    if warnings:
        parts += [Text(""), *(Text(w, style="bold") for w in warnings)]
    parts += [
        Text(""),
        vetoes_table(report, scenario, lang),
        plan_table(report, lang),
        Text(label("plan.legend", lang), style="dim"),
        Text(""),
        Text(pace),
    ]
    if report["rejected_moves"]:
        parts.append(Text(label("rejected", lang, n=report["rejected_moves"]), style="red"))
    return Group(*parts)


def print_report(
    report: Json, scenario: Scenario, mode: str, lang: str = "nl", console: Console | None = None
) -> None:
    """The report on ``console`` (default: standard output, as wide as the terminal)."""
    (console or Console()).print(render(report, scenario, mode, lang))
