"""Names and numbers as the renderers show them (shared by HTML, Markdown and the terminal)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game import numfmt
from game.report.labels import counted, has_label, label
from game.report.model import Json

DASH = "–"


class Names:
    """Titles for the ids in a debrief: roles, issues, options, segments, events."""

    def __init__(self, scenario: Json) -> None:
        self.roles = {r["id"]: r["label"] for r in scenario["roles"]}
        self.issues = {i["id"]: i["title"] for i in scenario["issues"]}
        self.options = {
            (i["id"], o["id"]): o["title"] for i in scenario["issues"] for o in i["options"]
        }
        self.live = [i["id"] for i in scenario["issues"] if i["live"]]
        self.segments = {s["id"]: s["name"] for s in scenario["segments"]}

    def role(self, role_id: str) -> str:
        return str(self.roles.get(role_id, role_id))

    def option(self, issue: str, option: str) -> str:
        return str(self.options.get((issue, option), option))

    def package(self, package: Mapping[str, str] | None, *, live_only: bool = True) -> list[str]:
        """``Issue: Option`` lines (the live issues only, unless ``live_only`` is false)."""
        if not package:
            return []
        keys = [i for i in package if not live_only or i in self.live] or list(package)
        return [f"{self.issues.get(i, i)}: {self.option(i, package[i])}" for i in keys]


def num(value: Any, lang: str = "nl", digits: int = 1) -> str:
    """A number for people: ``–`` for none, no needless decimals, per language (game.numfmt)."""
    if value is None:
        return DASH
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    return numfmt.number(float(value), lang, digits)


def pct(value: float | None, lang: str = "nl") -> str:
    return numfmt.percent(value, lang)


def fraction(value: float | None, lang: str = "nl") -> str:
    """An indicator 0..1 with two decimals."""
    return numfmt.fixed(value, lang, 2)


def yes_no(value: bool | None, lang: str = "nl") -> str:
    if value is None:
        return DASH
    return label("yes" if value else "no", lang)


def subtitle_text(scenario: Json, tables: int, lang: str = "nl") -> str:
    """The line under the title: area, mode and how many tables."""
    return label(
        "subtitle",
        lang,
        area=scenario["area"],
        mode=label(f"mode.{scenario['mode']}", lang)
        if has_label(f"mode.{scenario['mode']}")
        else scenario["mode"],
        tables=counted("n_tables", tables, lang),
    )


def agreement_text(table: Json, lang: str = "nl") -> str:
    agreement = table["agreement"]
    if not agreement["reached"]:
        return label("agreement_no", lang)
    text = label("agreement_yes", lang, proposal=agreement["proposal"])
    if agreement["in_time"] is not None:
        text += ", " + label("in_time" if agreement["in_time"] else "overtime", lang)
    return text


def joint_text(table: Json, lang: str = "nl") -> str:
    analysis = table["analysis"]
    if analysis["max_joint"] is None:
        return num(table["joint"], lang)
    return label(
        "joint_of_max",
        lang,
        joint=num(table["joint"], lang),
        max=num(analysis["max_joint"], lang),
        share=pct(analysis["share_of_max"], lang),
    )


def pareto_text(table: Json, lang: str = "nl") -> str:
    if table["analysis"]["pareto_efficient"]:
        return label("pareto_yes", lang)
    return counted("pareto_no", table["better"]["count"], lang)


def term_text(term: Json, names: Names, lang: str = "nl") -> str:
    """A metric term in plain words: ``−2 × openings (Dorpsstraat)``."""
    scope = [names.segments.get(s, s) for s in term["segments"]]
    scope += [names.role(term["owner"])] if term["owner"] else []
    scope += list(term["works"])
    metric = term["metric"]
    what = label(f"term.{metric}", lang) if has_label(f"term.{metric}") else metric
    text = f"{num(term['weight'], lang, 2)} × {what}"
    if scope:
        text += f" ({', '.join(scope)})"
    if term["note"]:
        text += f": {term['note']}"
    return text


def rule_text(rule: Json, names: Names, lang: str = "nl") -> str:
    """An interaction rule in plain words: ``Inrichting = Groen en Fasering = Los: −10``."""
    parts = [
        f"{names.issues.get(i, i)} = {' / '.join(names.option(i, o) for o in opts)}"
        for i, opts in rule["when"].items()
    ]
    joiner = " en " if lang == "nl" else " and "
    text = f"{joiner.join(parts)}: {num(rule['points'], lang)}"
    if rule["note"]:
        text += f" ({rule['note']})"
    return text


def clock(seconds: float | None) -> str:
    """Seconds as ``mm:ss`` (minutes may pass 59: ``75:05``)."""
    if seconds is None:
        return DASH
    whole = max(0, round(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def ballot_text(ballot: Json, names: Names, lang: str = "nl") -> str:
    """``V1: 3/0/0 passed`` or ``V2: 2/1/0 rejected (veto by Wethouder)``."""
    head = f"{ballot['id']}: {ballot['yes']}/{ballot['no']}/{ballot['abstain']} "
    if ballot["passed"] is None:
        return head + label("open_vote", lang)
    if ballot["passed"]:
        return head + label("passed", lang)
    return head + label("rejected", lang) + f" ({reason_text(ballot['reason'], names, lang)})"


def reason_text(reason: str, names: Names, lang: str = "nl") -> str:
    """Why a vote failed, in words (``quorum``, ``veto:<role>``, ``infeasible``)."""
    kind, _, role = reason.partition(":")
    if kind == "veto":
        return label("reason_veto", lang, role=names.role(role))
    if kind in ("quorum", "infeasible"):
        return label(f"reason_{kind}", lang)
    return reason or DASH


def peak(history: list[list[float]]) -> tuple[int, float]:
    """The most supporters a proposal had and the first time (seconds) it had them."""
    most = max(int(n) for _, n, _ in history)
    return most, next(float(s) for s, n, _ in history if n == most)


def peak_text(history: list[list[float]], lang: str = "nl") -> str:
    """``3 om 12:05``: the peak support and when it was first reached."""
    most, at = peak(history)
    return label("at_clock", lang, n=most, clock=clock(at))
