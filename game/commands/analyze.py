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

from game.analysis.labels import LANGUAGES, label
from game.analysis.space import SpaceTooLarge, build_space
from game.analysis.summary import ModeAnalysis, analyze_mode, to_json
from game.commands.analyze_report import render
from game.commands.common import load_for_command
from game.commands.messages import say
from game.scenario.model import MODES, Scenario

#: Spaces from this many packages on get a progress bar (when stderr is a terminal).
PROGRESS_FROM = 20_000

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
    lang, path = args.lang, args.scenario
    scenario = load_for_command(path, args.mode, lang)
    if scenario is None:
        return None
    known_events = [e.id for e in scenario.events]
    known_roles = list(scenario.role_ids)
    errors = [
        say("unknown_event", lang, path=path, event=e, known=", ".join(known_events))
        for e in args.events
        if e not in known_events
    ]
    allowed = scenario.mode(args.mode).events
    errors += [
        say("event_not_in_mode", lang, path=path, event=e, mode=args.mode, known=", ".join(allowed))
        for e in args.events
        if e in known_events and allowed and e not in allowed
    ]
    errors += [
        say("unknown_role", lang, path=path, role=r, known=", ".join(known_roles))
        for r in args.in_play or ()
        if r not in known_roles
    ]
    for error in errors:
        print(error, file=sys.stderr)
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
        # As wide as the terminal; piped, Rich's default (``COLUMNS``, else 80).
        console = Console()
        for part in render(scenario, data, args.lang):
            console.print(part)
    return 0
