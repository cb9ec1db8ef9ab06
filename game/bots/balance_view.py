"""The balance report as rich tables (Dutch labels), for ``simulate``."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

Json = dict[str, Any]

#: A role above its reservation value in fewer games than this looks hopeless.
HOPELESS = 0.1
#: A role above its reservation value in more games than this while others are not: a dictator?
DOMINANT = 0.9


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def _num(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _verdict(role: Json, veto_blocks: int, ballots: int) -> str:
    if role["above"] < HOPELESS:
        return "kansloos?"
    if role["veto"] and ballots and veto_blocks / ballots > 0.3:
        return "blokkeert vaak"
    if role["above"] > DOMINANT and role["min"] > role["reservation"]:
        return "altijd binnen"
    return ""


def roles_table(report: Json) -> Table:
    table = Table(title="Scores per rol tegen de ondergrens (reservewaarde)", title_justify="left")
    for name, justify in (
        ("rol", "left"),
        ("veto", "center"),
        ("ondergrens", "right"),
        ("min", "right"),
        ("mediaan", "right"),
        ("max", "right"),
        ("erboven", "right"),
        ("eronder", "right"),
        ("", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for role_id, r in report["roles"].items():
        blocks = report["vetoes"].get(role_id, 0)
        table.add_row(
            role_id,
            "ja" if r["veto"] else "",
            _num(r["reservation"]),
            _num(r["min"]),
            _num(r["median"]),
            _num(r["max"]),
            _pct(r["above"]),
            _pct(r["below"]),
            _verdict(r, blocks, report["ballots"]),
        )
    return table


def vetoes_table(report: Json) -> Table:
    table = Table(title="Stemmingen", title_justify="left")
    table.add_column("")
    table.add_column("aantal", justify="right")
    failed = report["failed_ballots"]
    table.add_row("stemmingen", str(report["ballots"]))
    table.add_row("verworpen door een veto", str(failed["veto"]))
    for role_id, count in sorted(report["vetoes"].items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(f"  waarvan veto {role_id}", str(count))
    table.add_row("verworpen: te weinig stemmen voor", str(failed["quorum"]))
    table.add_row("verworpen: niet meer uitvoerbaar", str(failed["infeasible"]))
    return table


def plan_table(report: Json) -> Table:
    plan = report["plan"]
    best = plan["best"] or {}
    table = Table(
        title="Het plan bij akkoord, tegen status quo en beste plan",
        title_justify="left",
    )
    table.add_column("")
    table.add_column("uitkomst", justify="right")
    table.add_column("status quo", justify="right")
    table.add_column("beste plan", justify="right")
    sq = plan["status_quo"]
    table.add_row(
        "keren open (totaal)",
        _num(plan["openings_total"]),
        str(sq["openings_total"]),
        str(best.get("openings_total", "–")),
    )
    table.add_row("kosten", _num(plan["cost"], 2), _num(sq["cost"], 2), _num(best.get("cost"), 2))
    table.add_row("gezamenlijke waarde", _num(plan["joint"]), "", _num(best.get("joint")))
    return table


def render(report: Json, title: str, mode: str) -> RenderableType:
    until = report["until_agreement"]
    head = Text.assemble(
        (f"{title} — {mode}: ", "bold"),
        f"{report['games']} spellen, {report['agreements']} akkoorden ",
        (f"({report['agreement_rate']:.0%})", "bold"),
    )
    pace = Text(
        f"Tot het akkoord: ronde {_num(until['round'])}, {_num(until['proposals'])} voorstellen, "
        f"{_num(until['ballots'])} stemmingen (gemiddeld); voorstellen per spel: "
        f"{_num(report['proposals'])}."
    )
    parts: list[RenderableType] = [
        head,
        roles_table(report),
        vetoes_table(report),
        plan_table(report),
        pace,
    ]
    if report["rejected_moves"]:
        parts.append(Text(f"Geweigerde botzetten: {report['rejected_moves']}", style="red"))
    return Group(*parts)


def print_report(report: Json, title: str, mode: str, console: Console | None = None) -> None:
    (console or Console(width=110)).print(render(report, title, mode))
