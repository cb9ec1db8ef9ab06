"""Headless sessions with the simple bots: the engine's own play-test loop.

A scripted facilitator starts the session, lets every bot act a few times per
round on a simulated clock, calls votes on the most supported proposals in
the rounds that allow voting, and ends the session at the reveal round. Used
by the engine benchmark and tests; ``botsende-belangen simulate`` plays with
the negotiating bots of :mod:`game.bots.playtest` instead.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import suppress

from game.bots.base import Bot
from game.bots.simple import SimpleBot
from game.engine import FACILITATOR, GameState, IllegalMove, Move, apply, new_game, player_view
from game.engine.facilitator import votable
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
    """Votable proposals, most supported first."""
    found = sorted(votable(state), key=lambda p: (-len(p.support), int(p.id[1:])))
    return [p.id for p in found]


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
