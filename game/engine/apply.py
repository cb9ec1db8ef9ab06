"""``apply`` — check a move and perform it — and ``replay`` of a move log.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> from game.engine import FACILITATOR, Move, new_game
    >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
    >>> state = new_game(sc, "short", seed=1, now=0.0)
    >>> state, notices = apply(state, Move("start", FACILITATOR, {}), now=0.0)
    >>> notices[0]
    {'kind': 'round_started', 'round': 'opening', 'index': 0}
    >>> apply(state, Move("vote", "net", {"choice": "yes"}), now=1.0)
    Traceback (most recent call last):
    ...
    game.engine.moves.IllegalMove: wrong_round: round 'opening' does not allow 'vote'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from game.engine import facilitator, participant
from game.engine.flow import Notice
from game.engine.moves import CLOCK, FACILITATOR, IllegalMove, Move
from game.engine.state import GameState, evolve, new_game
from game.scenario.model import Scenario


def _check_participant(state: GameState, move: Move) -> None:
    role = move.actor
    if role not in state.seats:
        raise IllegalMove("wrong_actor", f"{role!r} is not a role and cannot {move.type!r}")
    if state.seats[role] == "none":
        raise IllegalMove("wrong_actor", f"role {role!r} is not in play")
    if state.phase == "lobby":
        raise IllegalMove("not_started", "the session has not started yet")
    if state.phase == "ended":
        raise IllegalMove("ended", "the session has ended")
    if state.paused:
        raise IllegalMove("paused", "the session is paused")
    if role in state.locked:
        raise IllegalMove("locked", f"the seat of role {role!r} is locked")
    rnd = state.round
    assert rnd is not None
    if move.type not in rnd.moves:
        raise IllegalMove("wrong_round", f"round {rnd.id!r} does not allow {move.type!r}")


def apply(state: GameState, move: Move, now: float) -> tuple[GameState, tuple[Notice, ...]]:
    """The state after ``move`` at server time ``now`` and the notices it caused.

    Raises :class:`IllegalMove` (with ``code`` and ``reason``) and leaves
    ``state`` as it was when the move is not allowed.
    """
    notices: list[Notice] = []
    data: Any = move.data
    if not isinstance(move.type, str) or not isinstance(data, Mapping):
        raise IllegalMove("bad_move", "malformed move")
    if move.type in participant.HANDLERS:
        _check_participant(state, move)
        new = participant.HANDLERS[move.type](state, move.actor, data, now, notices)
    elif move.type in facilitator.HANDLERS:
        expected = CLOCK if move.type == "tick" else FACILITATOR
        if move.actor != expected:
            raise IllegalMove("wrong_actor", f"only the {expected} may {move.type!r}")
        if state.phase == "ended" and move.type != "announce":
            raise IllegalMove("ended", "the session has ended")
        new = facilitator.HANDLERS[move.type](state, data, now, notices)
    else:
        raise IllegalMove("bad_move", f"there is no move {move.type!r}")
    return evolve(new, version=state.version + 1), tuple(notices)


def replay(
    scenario: Scenario,
    mode: str,
    seed: int,
    created: float,
    log: Iterable[tuple[Move, float]],
    table: int = 1,
) -> GameState:
    """Rebuild a state from its log of accepted ``(move, now)`` pairs."""
    state = new_game(scenario, mode, seed, created, table)
    for move, now in log:
        state, _ = apply(state, move, now)
    return state
