"""``botsende-belangen simulate SCENARIO``: whole sessions played by bots.

The command plays the sessions with the negotiating bots of
:mod:`game.bots.playtest` (temperaments ``mix`` by default) and prints the
balance report of :mod:`game.bots.balance`. The same seed gives
byte-identical output, whatever the number of worker processes
(``--workers``, default: the machine's cores): game ``i`` is always played
with seed ``seed + i`` on its own, and the records are gathered in game
order. Progress goes to stderr: a bar on a terminal, else a plain line per
tenth of the games. (The simple bots' loop is :mod:`game.bots.headless`.)
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from game import numfmt
from game.bots.balance import balance, best_plan, game_record
from game.bots.balance_labels import LANGUAGES, label
from game.bots.playtest import play_session
from game.bots.temperament import NAMES as TEMPERAMENTS
from game.commands.common import load_for_command
from game.scenario.model import Scenario


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


def totals(games: list[dict[str, Any]]) -> dict[str, Any]:
    roles = list(games[0]["scores"]) if games else []
    agreed = [g for g in games if g["agreement"]]
    return {
        "games": len(games),
        "agreements": len(agreed),
        "agreement_rate": round(len(agreed) / len(games), 4) if games else 0.0,
        "mean_score": {r: _mean([g["scores"][r] for g in games]) for r in roles},
        "reservations": games[0]["reservations"] if games else {},
        "cleared_rate": {
            r: round(sum(g["scores"][r] >= g["reservations"][r] for g in agreed) / len(games), 4)
            for r in roles
        },
        "mean_metrics": {
            k: _mean([g["metrics"][k] for g in games])
            for k in (games[0]["metrics"] if games else {})
        },
    }


@contextmanager
def _progress(total: int, lang: str = "nl") -> Iterator[Callable[[], None]]:
    """Call the yielded function once per game played: a bar on a terminal, else lines."""
    if total < 2:
        yield lambda: None
        return
    if not sys.stderr.isatty():
        done = 0

        def line() -> None:
            nonlocal done
            done += 1
            if done * 10 // total != (done - 1) * 10 // total or done == total:
                text = label("progress.line", lang, done=done, total=total)
                print(text, file=sys.stderr, flush=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label("progress", lang), total=total)
        yield lambda: bar.advance(task)


# -- playing, in this process or in worker processes ------------------------------------
_JOB: tuple[Scenario, str, str, int] | None = None


def _init_worker(scenario: Scenario, mode: str, temperaments: str, events: int) -> None:
    global _JOB
    _JOB = (scenario, mode, temperaments, events)


def _play(game: tuple[int, int]) -> dict[str, Any]:
    """Game ``index`` with ``seed``: its record (the same in any process)."""
    assert _JOB is not None
    scenario, mode, temperaments, events = _JOB
    index, seed = game
    session = play_session(scenario, mode, seed, temperaments, events)
    return game_record(session, index, seed)


def play_games(
    scenario: Scenario,
    mode: str,
    seeds: list[int],
    temperaments: str = "mix",
    events: int = 0,
    workers: int = 1,
    advance: Callable[[], None] = lambda: None,
    meanwhile: Callable[[], None] = lambda: None,
) -> list[dict[str, Any]]:
    """The records of the games with these seeds, in order, played by ``workers`` processes.

    ``meanwhile`` is called once in this process: while the workers play, or (one
    worker) after the games.
    """
    job = (scenario, mode, temperaments, events)
    games = list(enumerate(seeds))
    workers = max(1, min(workers, len(games)))
    records: list[dict[str, Any]] = []
    if workers == 1:
        _init_worker(*job)
        for game in games:
            records.append(_play(game))
            advance()
        meanwhile()
        return records
    # fork (the default on Linux): the workers start with what this process imported
    # and loaded, the scenario included, and import or parse nothing again
    with multiprocessing.get_context().Pool(workers, _init_worker, job) as pool:
        played = pool.imap(_play, games)
        meanwhile()  # this process would only wait
        for record in played:
            records.append(record)
            advance()
    return records


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="speel sessies met bots en toon de balans",
        description="Speel hele sessies met bots en toon de uitkomsten.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="file or shipped scenario name")
    parser.add_argument("--mode", choices=("full", "short"), default="short")
    parser.add_argument("--games", type=int, default=10, help="number of sessions (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON per game and totals")
    parser.add_argument(
        "--temperaments",
        choices=("mix", *TEMPERAMENTS),
        default="mix",
        help="the bots' temperament: mix (default: each bot draws one) or one for all",
    )
    parser.add_argument(
        "--events", type=int, default=0, metavar="N", help="random events per game (default 0)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of cores; same results for any number)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="nl", help="language of the report (default nl)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.games < 1:
        print(label("error.games", args.lang), file=sys.stderr)
        return 2
    scenario = load_for_command(args.scenario, args.mode, args.lang)
    if scenario is None:
        return 1
    if args.events < 0:
        print(label("error.events", args.lang), file=sys.stderr)
        return 2
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        print(label("error.workers", args.lang), file=sys.stderr)
        return 2
    seeds = [args.seed + i for i in range(args.games)]
    best: list[Any] = []  # the report's best plan does not depend on the games

    def meanwhile() -> None:
        """What this process can do while the workers play: the best plan, and the
        report's imports (Rich, and Babel with its locale data for the numbers) that
        the workers do not need."""
        best.append(best_plan(scenario, args.mode))
        if not args.json:
            importlib.import_module("game.bots.balance_view")
            numfmt.number(0.5, args.lang)

    with _progress(args.games, args.lang) as advance:
        games = play_games(
            scenario,
            args.mode,
            seeds,
            args.temperaments,
            args.events,
            workers,
            advance,
            meanwhile,
        )
    report = balance(scenario, args.mode, games, best[0])
    if args.json:
        doc = {
            "scenario": scenario.meta.id,
            "mode": args.mode,
            "seed": args.seed,
            "temperaments": args.temperaments,
            "events": args.events,
            "games": games,
            "totals": totals(games),
            "balance": report,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        from game.bots.balance_view import print_report

        print_report(report, scenario, args.mode, args.lang)
    return 0
