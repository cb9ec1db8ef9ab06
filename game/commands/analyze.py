"""``botsende-belangen analyze SCENARIO --mode M``: the agreement space, for trainers.

Counts of passing and unanimous packages, the room of every role against its
reservation value, the vetoes that matter, and the best plans (max joint
value, Nash, Kalai–Smorodinsky) against the status quo. ``--json`` prints the
same as data. Exit 0 on success, 1 on a bad scenario, mode, event or role.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from game.analysis.labels import LANGUAGES, label
from game.analysis.space import SpaceTooLarge, build_space
from game.analysis.summary import ModeAnalysis, analyze_mode, to_json
from game.commands.common import load_for_command
from game.scenario.model import MODES, Scenario

#: Spaces from this many packages on get a progress bar (when stderr is a terminal).
PROGRESS_FROM = 20_000
BAR_WIDTH = 16
#: Line width when stdout is not a terminal (a file or a pipe).
PIPED_WIDTH = 240

ProgressFn = Callable[[int, int], None]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="onderhandelingsruimte en speelbaarheid van een scenario",
        description=(
            "Reken alle pakketten van een modus door: hoeveel er aangenomen worden, "
            "de ruimte per rol, veto's en de beste plannen. Exit 0 gelukt, 1 fout in de invoer."
        ),
    )
    add_common_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON in plaats van een rapport")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl", help="taal van het rapport")
    parser.set_defaults(func=run)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or shipped name")
    parser.add_argument(
        "--mode", required=True, choices=MODES, help="modus van het scenario (mode): full of short"
    )
    parser.add_argument(
        "--events", nargs="*", default=[], metavar="E", help="event ids played, in order"
    )
    parser.add_argument(
        "--in-play", nargs="+", default=None, metavar="ROLE", help="only these roles play"
    )


def load(args: argparse.Namespace) -> Scenario | None:
    """The scenario, or ``None`` after printing its problems (or the bad option) to stderr."""
    scenario = load_for_command(args.scenario)
    if scenario is None:
        return None
    known_events = {e.id for e in scenario.events}
    known_roles = set(scenario.role_ids)
    errors = []
    if args.mode not in scenario.modes:
        errors.append(f"unknown mode {args.mode!r}; choose one of {', '.join(scenario.modes)}")
    errors += [f"unknown event {e!r}" for e in args.events if e not in known_events]
    if args.mode in scenario.modes:
        allowed = scenario.mode(args.mode).events
        errors += [
            f"event {e!r} is not played in mode {args.mode!r}; its events: {', '.join(allowed)}"
            for e in args.events
            if e in known_events and allowed and e not in allowed
        ]
    errors += [f"unknown role {r!r}" for r in args.in_play or () if r not in known_roles]
    for error in errors:
        print(f"{args.scenario}: {error}", file=sys.stderr)
    return None if errors else scenario


@contextmanager
def progress_bar(show: bool, lang: str) -> Iterator[Callable[[str], ProgressFn]]:
    """A factory of progress callbacks, one task each; silent when ``show`` is false."""
    if not show:
        yield lambda _name: lambda _done, _total: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:

        def task(name: str) -> ProgressFn:
            task_id = bar.add_task(label(name, lang), total=None)

            def update(done: int, total: int) -> None:
                bar.update(task_id, completed=done, total=total)

            return update

        yield task


def compute(args: argparse.Namespace, scenario: Scenario) -> tuple[ModeAnalysis, float]:
    """Build and analyse the space, with a progress bar for large spaces on a terminal."""
    mode = scenario.mode(args.mode)
    size = 1
    for issue_id in mode.issues:
        size *= len(scenario.issue(issue_id).options)
    show = size >= PROGRESS_FROM and sys.stderr.isatty()
    start = time.perf_counter()
    with progress_bar(show, args.lang) as task:
        space = build_space(scenario, args.mode, args.events, task("progress_score"))
        analysis = analyze_mode(space, args.in_play, task("progress_analyse"))
    return analysis, time.perf_counter() - start


def run(args: argparse.Namespace) -> int:
    scenario = load(args)
    if scenario is None:
        return 1
    try:
        analysis, seconds = compute(args, scenario)
    except SpaceTooLarge as exc:
        print(f"{args.scenario}: {label('too_large', args.lang, reason=exc)}", file=sys.stderr)
        return 1
    data = to_json(analysis, seconds)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        # Piped: as wide as the report needs, so no line wraps and no id is split.
        console = Console(width=None if sys.stdout.isatty() else PIPED_WIDTH)
        for part in render(scenario, data, args.lang):
            console.print(part)
    return 0


# -- the report ----------------------------------------------------------------
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


def _num(v: float | None, lang: str = "nl") -> str:
    """One decimal, a decimal comma in Dutch: ``91,0``; ``—`` for none."""
    if v is None:
        return "—"
    text = f"{v:.1f}".replace("-", "\u2212")
    return text.replace(".", ",") if lang == "nl" else text


def _count(n: int, lang: str = "nl") -> str:
    """A count with thousands separators: ``12.345`` in Dutch, ``12,345`` in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def _margin(best: float | None, reservation: float) -> float | None:
    """The room as shown: the difference of the rounded figures beside it."""
    return None if best is None else round(best, 1) - round(reservation, 1)


def _overview(data: dict[str, Any], lang: str, roles: int) -> Table:
    table = Table(title=label("overview", lang), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    quorum = label("quorum", lang, q=data["quorum"], n=roles)
    table.add_row(label("packages", lang), _count(data["packages"], lang))
    table.add_row(label("feasible", lang), _count(data["feasible"], lang))
    table.add_row(label("passes", lang), f"{_count(data['passes'], lang)}  ({quorum})")
    table.add_row(label("unanimous", lang), _count(data["unanimous"], lang))
    table.add_row(label("pareto", lang), _count(data["pareto"], lang))
    seconds = f"{data['seconds']:.2f}"
    table.add_row(
        label("seconds", lang), f"{seconds.replace('.', ',') if lang == 'nl' else seconds} s"
    )
    return table


def _room(scenario: Scenario, data: dict[str, Any], lang: str) -> Table:
    rooms = data["room"]
    values = [v for r in rooms.values() for v in (r["best"], r["reservation"]) if v is not None]
    lo, hi = min([0.0, *values]), max([1.0, *values])
    table = Table(title=label("room", lang), title_justify="left")
    table.add_column(label("role", lang), overflow="ellipsis", no_wrap=True)
    table.add_column("", style="dim")
    table.add_column(label("reservation", lang), justify="right")
    table.add_column(label("best", lang), justify="right")
    table.add_column(label("margin", lang), justify="right")
    table.add_column("", no_wrap=True, min_width=BAR_WIDTH)
    for role_id, room in rooms.items():
        role = scenario.role(role_id)
        tags = [label("core", lang)] if role.core else []
        if role.veto:
            tags.append(label("veto", lang))
        margin = _margin(room["best"], room["reservation"])
        style = "green" if room["room"] is not None and room["room"] >= 0 else "red"
        table.add_row(
            role.label,
            ", ".join(tags),
            _num(room["reservation"], lang),
            _num(room["best"], lang),
            Text(_num(margin, lang), style=style),
            _bar(room["best"], room["reservation"], lo, hi),
        )
    return table


def _plans(scenario: Scenario, data: dict[str, Any], lang: str) -> list[Any]:
    sq = data["status_quo"]
    plans = [
        ("max_welfare", data["max_welfare"]),
        ("nash", data["nash"]),
        ("kalai", data["kalai"]),
        ("fewest", sq["fewest_openings"]),
    ]
    shown = [(k, p) for k, p in plans if p is not None]
    table = Table(title=label("plans", lang), title_justify="left")
    table.add_column(label("issue", lang), no_wrap=True)
    table.add_column(label("status_quo", lang), overflow="fold")
    for key, _ in shown:
        table.add_column(label(key, lang), overflow="fold")
    for issue_id in data["issues"]:
        cells = [sq["package"].get(issue_id)] + [p["package"][issue_id] for _, p in shown]
        table.add_row(issue_id, *(c or "—" for c in cells))
    welfare = sum(sq["scores"].values())
    table.add_row(
        Text(label("welfare", lang), style="bold"),
        _num(welfare, lang),
        *(_num(p["welfare"], lang) for _, p in shown),
    )
    table.add_row(
        Text(label("openings", lang), style="bold"),
        str(sq["openings"]),
        *(f"{p['openings']} ({p['openings'] - sq['openings']:+d})" for _, p in shown),
    )
    table.add_row(
        Text(label("status", lang), style="bold"),
        "",
        *(label("st_unanimous" if p["unanimous"] else "st_passes", lang) for _, p in shown),
    )
    out: list[Any] = [table, Text(label("legend", lang), style="dim")]
    if data["nash"] is None and data["has_deal"]:
        out.append(Text(label("no_unanimous", lang), style="yellow"))
    out.append(label("better_than_sq", lang, n=sq["better_passing"]))
    return out


def render(scenario: Scenario, data: dict[str, Any], lang: str = "nl") -> list[Any]:
    """The report as rich renderables."""
    events = ", ".join(data["events"]) or label("none", lang)
    head = Text(f"{label('title', lang)} — {scenario.meta.title}", style="bold")
    head.append(f"\n{label('mode', lang)}: {data['mode']}   {label('events', lang)}: {events}")
    out: list[Any] = [head, _overview(data, lang, len(data["roles_in_play"]))]
    if data["has_deal"]:
        out.append(Text(label("deal", lang, n=_count(data["passes"], lang)), style="bold green"))
    else:
        out.append(Text(label("no_deal", lang), style="bold red"))
    out.append(_room(scenario, data, lang))
    if data["no_room"]:
        roles = ", ".join(scenario.role(r).label for r in data["no_room"])
        out.append(Text(label("no_room", lang, roles=roles), style="red"))
    vetoes = [r for r in data["roles_in_play"] if scenario.role(r).veto]
    matter = data["vetoes_that_matter"]
    if matter:
        roles = ", ".join(scenario.role(r).label for r in matter)
        out.append(label("vetoes", lang, roles=roles))
    idle = [r for r in vetoes if r not in matter]
    if idle:
        names = ", ".join(scenario.role(r).label for r in idle)
        out.append(label("vetoes_idle", lang, roles=names))
    if data["has_deal"]:
        out += _plans(scenario, data, lang)
    return out
