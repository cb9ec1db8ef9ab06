"""``botsende-belangen simulate SCENARIO``: whole sessions played by bots.

The command plays the sessions with the negotiating bots of
:mod:`game.bots.playtest` (temperaments ``mix`` by default) and prints the
balance report of :mod:`game.bots.balance`. The same seed gives
byte-identical output. (The simple bots' loop is :mod:`game.bots.headless`.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from game.bots.balance import balance, game_record
from game.bots.balance_view import print_report
from game.bots.playtest import play_session
from game.bots.temperament import NAMES as TEMPERAMENTS
from game.commands.common import load_for_command


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
def _progress(total: int) -> Iterator[Callable[[], None]]:
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as bar:
        task = bar.add_task("simuleren", total=total)
        yield lambda: bar.advance(task)


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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.games < 1:
        print("simulate: --games must be at least 1", file=sys.stderr)
        return 2
    scenario = load_for_command(args.scenario, args.mode)
    if scenario is None:
        return 1
    if args.events < 0:
        print("simulate: --events must be 0 or more", file=sys.stderr)
        return 2
    games = []
    with _progress(args.games) as advance:
        for i in range(args.games):
            seed = args.seed + i
            session = play_session(scenario, args.mode, seed, args.temperaments, args.events)
            games.append(game_record(session, i, seed))
            advance()
    report = balance(scenario, args.mode, games)
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
        print_report(report, scenario.meta.title, args.mode)
    return 0
