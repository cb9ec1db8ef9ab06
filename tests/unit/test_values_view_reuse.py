"""A role's values list, built from the list before (records at the same place taken as
they are), equals the list built from nothing, on every state of late-game moves."""

from __future__ import annotations

from benchmarks.fanout import late_game_moves
from benchmarks.late_game import late_state
from game.engine import IllegalMove, apply, view_lists, views


def test_values_reused_from_the_state_before_equal_fresh_ones() -> None:
    state = late_state(proposals=20)
    roles = state.scenario.role_ids
    checked = 0
    for i, move in enumerate(late_game_moves(state, 80, 11)):
        try:
            state, _ = apply(state, move, 6000.0 + i)
        except IllegalMove:
            continue
        got = {r: view_lists._values(state, r) for r in roles}
        view_lists._VALUES.clear()
        state.__dict__.pop("_values_view", None)
        for p in state.proposals:
            p.__dict__.pop("_values_entry", None)
        assert got == {r: view_lists._values(state, r) for r in roles}
        checked += 1
    assert checked > 40


def test_kept_me_profiles_and_values_equal_fresh_ones() -> None:
    """A seat's ``me`` and the console's ``profiles`` and ``values``, taken from the
    state before when they hold the same objects, equal the ones built afresh."""
    state = late_state(proposals=20)
    roles = state.scenario.role_ids
    reused = 0
    previous: dict[str, object] = {}
    for i, move in enumerate(late_game_moves(state, 60, 5)):
        try:
            state, _ = apply(state, move, 7000.0 + i)
        except IllegalMove:
            continue
        now = 7000.0 + i
        before = {r: views.player_view(state, r, now, shared=True)["me"] for r in roles}
        console = views.facilitator_view(state, now, shared=True)
        reused += sum(previous.get(r) is before[r] for r in roles)
        previous = dict(before)
        kept, disclosed = dict(views._KEPT), dict(views._DISCLOSED)
        views._KEPT.clear()
        views._DISCLOSED.clear()
        for r in roles:
            assert views.player_view(state, r, now, shared=True)["me"] == before[r]
        fresh = views.facilitator_view(state, now, shared=True)
        assert fresh["profiles"] == console["profiles"]
        assert fresh["values"] == console["values"]
        views._KEPT.update(kept)
        views._DISCLOSED.update(disclosed)
    assert reused > 100  # a message or a mark leaves most seats' ``me`` as it was
