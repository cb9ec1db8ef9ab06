"""The console's outcome, reused from the state before when nothing it reads changed,
equals ``outcome(state)`` on every state of a late game, a passing ballot, signatures
and the reveal; a message or a comment reuses the very same object (so its text is
reused): the outcome reads of a proposal neither its comments nor its objections."""

from __future__ import annotations

from benchmarks.late_game import late_moves
from game.engine import apply, facilitator_view, new_game
from game.engine.moves import FACILITATOR, IllegalMove, Move
from game.engine.outcome import outcome
from game.scenario.loader import load_scenario
from tests.conftest import ROOT


def test_the_views_outcome_equals_outcome_on_every_state() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    state = new_game(scenario, "full", 5, 0.0, table=7)
    moves = late_moves(scenario, 5, proposals=15)
    moves += [Move("call_vote", FACILITATOR, {"proposal": "P3"})]
    moves += [Move("vote", r, {"choice": "yes"}) for r in scenario.role_ids]
    moves += [Move("close_vote", FACILITATOR, {})]
    moves += [Move("sign", r, {}) for r in scenario.role_ids]
    moves += [Move("next_round", FACILITATOR, {})] * 3
    checked = reused = 0
    before = None
    for n, move in enumerate(moves):
        try:
            state, _ = apply(state, move, float(n))
        except IllegalMove:
            continue
        got = facilitator_view(state, float(n), shared=True)["outcome"]
        assert got == outcome(state)
        if before is not None and move.type in ("message", "private_message", "comment"):
            assert got is before  # nothing it reads changed: the same object
            reused += 1
        before = got
        checked += 1
    assert reused > 5 and checked > 100
    assert state.agreement and state.signatures and state.revealed
    assert facilitator_view(state, 0.0, shared=True)["reveal"]["outcome"] == outcome(state)
