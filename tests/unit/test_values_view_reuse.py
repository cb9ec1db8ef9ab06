"""A role's values list, built from the list before (records at the same place taken as
they are), equals the list built from nothing, on every state of late-game moves."""

from __future__ import annotations

from benchmarks.fanout import late_game_moves
from benchmarks.late_game import late_state
from game.engine import IllegalMove, apply, views


def test_values_reused_from_the_state_before_equal_fresh_ones() -> None:
    state = late_state(proposals=20)
    roles = state.scenario.role_ids
    checked = 0
    for i, move in enumerate(late_game_moves(state, 80, 11)):
        try:
            state, _ = apply(state, move, 6000.0 + i)
        except IllegalMove:
            continue
        got = {r: views._values(state, r) for r in roles}
        views._VALUES.clear()
        state.__dict__.pop("_values_view", None)
        for p in state.proposals:
            p.__dict__.pop("_values_entry", None)
        assert got == {r: views._values(state, r) for r in roles}
        checked += 1
    assert checked > 40
