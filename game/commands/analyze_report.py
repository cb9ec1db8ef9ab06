"""The text report of ``botsende-belangen analyze``, as Rich renderables.

Written for a trainer in an ordinary terminal: every table fits 80 columns,
issues, options, events and roles are named by the scenario's own titles, the
mode is named in words, counts agree with their nouns and numbers are formatted
per language by :mod:`game.numfmt`. The best plans come as two tables that each
fit the width: their figures (one plan per row) and their choices (one issue
per block, the options the plans choose stacked under it).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from game.analysis.labels import counted, join_names, label
from game.numfmt import fixed, integer, signed
from game.scenario.model import Scenario

BAR_WIDTH = 16
#: Options are indented under their issue.
OPTION_INDENT = 2
PLANS_MIN_WIDTH = 24
#: Borders and padding of a two-column table.
TABLE_FRAME = 7


def _bar(best: float | None, reservation: float, lo: float, hi: float) -> Text:
    span = (hi - lo) or 1.0

    def col(v: float) -> int:
        return max(0, min(BAR_WIDTH - 1, round((v - lo) / span * (BAR_WIDTH - 1))))

    mark = col(reservation)
    fill = -1 if best is None else col(best)
    ok = best is not None and best >= reservation
    text = Text()
    for i in range(BAR_WIDTH):
        if i == mark:
            text.append("│", style="bold")
        elif i <= fill:
            text.append("█", style="green" if ok else "red")
        else:
            text.append("·", style="dim")
    return text


def _score(v: float | None, lang: str) -> str:
    """A score in a column: always one decimal, so the decimal signs line up (``88,0``)."""
    return fixed(v, lang, 1)


def _margin(best: float | None, reservation: float) -> float | None:
    """The room as shown: the difference of the rounded figures beside it."""
    return None if best is None else round(best, 1) - round(reservation, 1)


def head(scenario: Scenario, data: dict[str, Any], lang: str) -> Text:
    """Title, the mode in words (with its length) and the events played, by title."""
    mode = scenario.mode(data["mode"])
    rounds = len(mode.rounds)
    length = counted("length", rounds, lang, minutes=integer(mode.minutes, lang), n=rounds)
    events = join_names([scenario.event(e).title for e in data["events"]], lang)
    text = Text(f"{label('title', lang)} — {scenario.meta.title}", style="bold")
    text.append(f"\n{label('mode', lang)}: {label('mode.' + data['mode'], lang)} ({length})")
    text.append(f"\n{label('events', lang)}: {events or label('none', lang)}")
    return text


def overview(data: dict[str, Any], lang: str) -> Table:
    roles = len(data["roles_in_play"])
    table = Table(title=label("overview", lang), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    quorum = counted("quorum", roles, lang, q=data["quorum"], n=roles)
    table.add_row(label("packages", lang), integer(data["packages"], lang))
    table.add_row(label("feasible", lang), integer(data["feasible"], lang))
    table.add_row(label("passes", lang), f"{integer(data['passes'], lang)}  ({quorum})")
    table.add_row(label("unanimous", lang), integer(data["unanimous"], lang))
    table.add_row(label("pareto", lang), integer(data["pareto"], lang))
    table.add_row(label("seconds", lang), f"{fixed(data['seconds'], lang, 2)} s")
    return table


def room(scenario: Scenario, data: dict[str, Any], lang: str) -> Table:
    rooms = data["room"]
    values = [v for r in rooms.values() for v in (r["best"], r["reservation"]) if v is not None]
    lo, hi = min([0.0, *values]), max([1.0, *values])
    table = Table(
        title=label("room", lang),
        title_justify="left",
        caption=label("bar_legend", lang),
        caption_justify="left",
    )
    table.add_column(label("role", lang), overflow="ellipsis", no_wrap=True)
    table.add_column("", style="dim")
    table.add_column(label("reservation", lang), justify="right")
    table.add_column(label("best", lang), justify="right")
    table.add_column(label("margin", lang), justify="right")
    table.add_column("", no_wrap=True, min_width=BAR_WIDTH)
    for role_id, r in rooms.items():
        role = scenario.role(role_id)
        tags = [label("core", lang)] if role.core else []
        if role.veto:
            tags.append(label("veto", lang))
        margin = _margin(r["best"], r["reservation"])
        style = "green" if r["room"] is not None and r["room"] >= 0 else "red"
        table.add_row(
            role.label,
            ", ".join(tags),
            _score(r["reservation"], lang),
            _score(r["best"], lang),
            Text(_score(margin, lang), style=style),
            _bar(r["best"], r["reservation"], lo, hi),
        )
    return table


def _shown_plans(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    sq = data["status_quo"]
    plans = [
        ("max_welfare", data["max_welfare"]),
        ("nash", data["nash"]),
        ("kalai", data["kalai"]),
        ("fewest", sq["fewest_openings"]),
    ]
    return [(k, p) for k, p in plans if p is not None]


def plan_figures(data: dict[str, Any], lang: str) -> Table:
    """One plan per row: joint value, openings (with the change) and how it is voted."""
    sq = data["status_quo"]
    table = Table(title=label("plans", lang), title_justify="left")
    table.add_column(label("plan", lang))
    table.add_column(label("welfare", lang), justify="right")
    table.add_column(label("openings", lang), justify="right")
    table.add_column(label("status", lang))
    table.add_row(
        label("status_quo", lang),
        _score(sum(sq["scores"].values()), lang),
        integer(sq["openings"], lang),
        label("st_no_deal", lang),
    )
    for key, plan in _shown_plans(data):
        change = signed(plan["openings"] - sq["openings"], lang, 0)
        table.add_row(
            label(key, lang),
            _score(plan["welfare"], lang),
            f"{integer(plan['openings'], lang)} ({change})",
            label("st_unanimous" if plan["unanimous"] else "st_passes", lang),
        )
    return table


class PlanChoices:
    """One block per issue (its title), under it each option a plan chooses, by title,
    and which plans choose it.

    Built when rendered, for the width at hand: the plan names get what the
    widest option title leaves, but at least ``PLANS_MIN_WIDTH`` columns.
    """

    def __init__(self, scenario: Scenario, data: dict[str, Any], lang: str) -> None:
        self.scenario = scenario
        self.data = data
        self.lang = lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        scenario, data, lang = self.scenario, self.data, self.lang
        sq = data["status_quo"]
        columns = [("status_quo", sq["package"])]
        columns += [(k, p["package"]) for k, p in _shown_plans(data)]
        titles = [
            scenario.issue(i).option(p[i]).title
            for _, p in columns
            for i in data["issues"]
            if i in p
        ]
        widest = max((len(t) + OPTION_INDENT for t in titles), default=0)
        table = Table(title=label("choices", lang), title_justify="left")
        table.add_column(label("issue_option", lang))
        table.add_column(
            label("chosen_in", lang),
            max_width=max(PLANS_MIN_WIDTH, width - widest - TABLE_FRAME),
        )
        for n, issue_id in enumerate(data["issues"]):
            if n:
                table.add_section()
            issue = scenario.issue(issue_id)
            table.add_row(Text(issue.title, style="bold"), "")
            chosen: dict[str, list[str]] = {}
            for key, package in columns:
                option = package.get(issue_id)
                if option is not None:
                    chosen.setdefault(option, []).append(key)
            for option_id, keys in chosen.items():
                title = Text(issue.option(option_id).title)
                table.add_row(Padding(title, (0, 0, 0, OPTION_INDENT)), _where(keys, columns, lang))
        return table


def _where(keys: list[str], columns: list[tuple[str, Any]], lang: str) -> str:
    """The plans (and the status quo) that choose one option, in words."""
    if len(keys) == len(columns):
        return label("sq_and_all", lang)
    if keys == [k for k, _ in columns[1:]]:
        return label("all_plans", lang).capitalize()
    return join_names([label(k, lang) for k in keys], lang)


def plans(scenario: Scenario, data: dict[str, Any], lang: str) -> list[Any]:
    sq = data["status_quo"]
    out: list[Any] = [plan_figures(data, lang), PlanChoices(scenario, data, lang)]
    out.append(Text(label("plans_legend", lang), style="dim"))
    if data["nash"] is None and data["has_deal"]:
        out.append(Text(label("no_unanimous", lang), style="yellow"))
    n = sq["better_passing"]
    out.append(Text(counted("better_than_sq", n, lang, n=integer(n, lang))))
    return out


def _roles(scenario: Scenario, role_ids: list[str], lang: str) -> str:
    return join_names([scenario.role(r).label for r in role_ids], lang)


def render(scenario: Scenario, data: dict[str, Any], lang: str = "nl") -> list[Any]:
    """The report as Rich renderables (``data`` is :func:`game.analysis.summary.to_json`'s)."""
    out: list[Any] = [head(scenario, data, lang), overview(data, lang)]
    if data["has_deal"]:
        n = data["passes"]
        out.append(Text(counted("deal", n, lang, n=integer(n, lang)), style="bold green"))
    else:
        out.append(Text(label("no_deal", lang), style="bold red"))
    out.append(room(scenario, data, lang))
    if data["no_room"]:
        roles = _roles(scenario, data["no_room"], lang)
        out.append(Text(counted("no_room", len(data["no_room"]), lang, roles=roles), style="red"))
    optional = [  # in the table only, in red, they were easy to miss
        role_id
        for role_id, r in data["room"].items()
        if role_id not in data["no_room"] and (r["room"] is None or r["room"] < 0)
    ]
    if optional:
        roles = _roles(scenario, optional, lang)
        line = counted("no_room_optional", len(optional), lang, roles=roles)
        out.append(Text(line, style="red"))
    vetoes = [r for r in data["roles_in_play"] if scenario.role(r).veto]
    matter = data["vetoes_that_matter"]
    if matter:
        out.append(Text(counted("vetoes", len(matter), lang, roles=_roles(scenario, matter, lang))))
    idle = [r for r in vetoes if r not in matter]
    if idle:
        out.append(
            Text(counted("vetoes_idle", len(idle), lang, roles=_roles(scenario, idle, lang)))
        )
    if data["has_deal"]:
        out += plans(scenario, data, lang)
    return out
