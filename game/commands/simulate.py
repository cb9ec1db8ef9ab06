"""``botsende-belangen simulate SCENARIO``: whole sessions played by bots.

The command plays the sessions with the negotiating bots of
:mod:`game.bots.playtest` (temperaments ``mix`` by default) and prints the
balance report of :mod:`game.bots.balance`; ``play_game`` below is the older
loop with the simple bots, kept for tests and comparisons.

A scripted facilitator starts the session, lets every bot act a few times per
round on a simulated clock, calls votes on the most supported proposals in
the rounds that allow voting, and ends the session at the reveal round.
The same seed gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from game.bots.balance import balance, game_record
from game.bots.balance_view import print_report
from game.bots.base import Bot
from game.bots.playtest import play_session
from game.bots.simple import SimpleBot
from game.bots.temperament import NAMES as TEMPERAMENTS
from game.engine import FACILITATOR, GameState, IllegalMove, Move, apply, new_game, player_view
from game.engine.outcome import outcome
from game.paths import resolve_scenario
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario

PASSES = 3
"""How often every bot gets a turn in each round at most (fewer when a turn changes nothing)."""
MAX_BALLOTS = 3
"""Votes the scripted facilitator calls in a voting round at most."""
STEP = 5.0
"""Simulated seconds a bot's turn takes."""

BotFactory = Callable[[str], Bot]


def _do(state: GameState, move: Move, now: float) -> GameState:
    with suppress(IllegalMove):
        state, _ = apply(state, move, now)
    return state


def _bot_pass(
    state: GameState,
    bots: dict[str, Bot],
    rngs: dict[str, random.Random],
    now: float,
    order_rng: random.Random,
) -> tuple[GameState, float]:
    """Every bot, in a random order, sees its view and makes its moves."""
    order = list(bots)
    order_rng.shuffle(order)
    for role in order:
        view = player_view(state, role, now, shared=True)
        for move in bots[role].decide(view, rngs[role]):
            state = _do(state, Move(move["type"], role, move.get("data", {})), now)
        now += STEP
    return state, now


def _bot_passes(
    state: GameState,
    bots: dict[str, Bot],
    rngs: dict[str, random.Random],
    now: float,
    order_rng: random.Random,
) -> tuple[GameState, float]:
    """Up to ``PASSES`` passes; stop early when a pass changed nothing."""
    for _ in range(PASSES):
        before = state.version
        state, now = _bot_pass(state, bots, rngs, now, order_rng)
        if state.version == before:
            break
    return state, now


def _ballot_candidates(state: GameState) -> list[str]:
    voted = {b.proposal for b in state.ballots}
    forbidden = state.scorer.adj.forbidden
    open_props = [
        p
        for p in state.proposals
        if not p.withdrawn
        and p.id not in voted
        and not any(pair in forbidden for pair in p.package.items())
    ]
    open_props.sort(key=lambda p: (-len(p.support), int(p.id[1:])))
    return [p.id for p in open_props]


def play_game(
    scenario: Scenario, mode: str, seed: int, make_bot: BotFactory = SimpleBot
) -> GameState:
    """Play one whole session headlessly and return the ended state."""
    now = 0.0
    state = new_game(scenario, mode, seed, now)
    state = _do(state, Move("start", FACILITATOR, {}), now)
    bots = {role: make_bot(role) for role in state.in_play}
    rngs = {role: random.Random(f"{seed}:{role}") for role in bots}
    order_rng = random.Random(f"{seed}:order")
    while state.phase == "running" and not state.revealed:
        rnd = state.round
        assert rnd is not None
        start = now
        state, now = _bot_passes(state, bots, rngs, now, order_rng)
        if "vote" in rnd.moves:
            for _ in range(MAX_BALLOTS):
                if state.agreement is not None:
                    break
                candidates = _ballot_candidates(state)
                if not candidates:
                    break
                state = _do(state, Move("call_vote", FACILITATOR, {"proposal": candidates[0]}), now)
                state, now = _bot_pass(state, bots, rngs, now, order_rng)
                if state.open_ballot is not None:
                    state = _do(state, Move("close_vote", FACILITATOR, {}), now)
            state, now = _bot_pass(state, bots, rngs, now, order_rng)
        now = max(now, start + rnd.minutes * 60.0)
        state = _do(state, Move("next_round", FACILITATOR, {}), now)
    return _do(state, Move("end", FACILITATOR, {}), now)


def game_summary(state: GameState, index: int, seed: int) -> dict[str, Any]:
    out = outcome(state)
    m = out["metrics"]
    return {
        "game": index,
        "seed": seed,
        "agreement": out["agreement"],
        "proposal": out["proposal"],
        "package": out["package"],
        "proposals": len(state.proposals),
        "ballots": len(state.ballots),
        "scores": out["scores"],
        "reservations": out["reservations"],
        "metrics": {
            "openings_total": m["openings_total"],
            "nuisance_total": m["nuisance_total"],
            "cost": m["cost"],
            "saved": m["saved"],
            "missed": len(m["missed"]),
            "conflicts": len(m["conflicts"]),
            "duration": m["duration"],
        },
    }


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
        help="speel sessies met bots en toon de balans (play-test with bots)",
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
    path = resolve_scenario(args.scenario)
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.mode not in scenario.modes:
        print(f"simulate: scenario has no mode {args.mode!r}", file=sys.stderr)
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
