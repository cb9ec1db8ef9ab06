"""The history of a table, rebuilt by replaying its move log one move at a time.

The engine's state keeps only the present: a proposal's supporters *now*, the
round *now*. The debrief wants the course of the session, so
:func:`replay_with_timeline` applies the logged moves one by one (as
``game.engine.replay`` does) and notes, after every accepted move, each
proposal's number of supporters and objectors and every change of round.
Times are server times (the ``now`` of the logged move); the debrief turns
them into seconds after the start.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.engine import GameState, Move, apply, new_game
from game.scenario.model import Scenario

#: One step of a proposal's support: (server time, supporters, objectors).
Step = tuple[float, int, int]


@dataclass
class Timeline:
    """What the move log says about the course of one table's session."""

    support: dict[str, list[Step]] = field(default_factory=dict)
    """Proposal id → its steps, the first when it was made, then one per change."""
    withdrawn: dict[str, float] = field(default_factory=dict)
    """Proposal id → server time it was withdrawn."""
    rounds: list[tuple[float, str]] = field(default_factory=list)
    """(server time, round id) each time the table entered a round."""
    last: float | None = None
    """Server time of the last logged move (``None`` for an empty log)."""
    ended: float | None = None
    """Server time the session ended (``None`` while it had not)."""


def replay_with_timeline(
    scenario: Scenario,
    mode: str,
    seed: int,
    created: float,
    log: Iterable[tuple[Move, float]],
    table: int = 1,
) -> tuple[GameState, Timeline]:
    """The final state of the log (as ``game.engine.replay``) and its :class:`Timeline`.

    Raises the engine's ``IllegalMove`` when a logged move does not apply.
    """
    state = new_game(scenario, mode, seed, created, table)
    timeline = Timeline()
    for move, now in log:
        before = state
        state, _ = apply(state, move, now)
        record(timeline, before, state, now)
    return state, timeline


def record(timeline: Timeline, before: GameState, after: GameState, now: float) -> None:
    """Note in ``timeline`` what the move at ``now`` changed from ``before`` to ``after``."""
    timeline.last = now
    if after.round_index != before.round_index and after.round_id is not None:
        timeline.rounds.append((now, after.round_id))
    if after.phase == "ended" and before.phase != "ended":
        timeline.ended = now
    if after.proposals is before.proposals:
        return
    for p in after.proposals:
        counts = (len(p.support), len(p.objections))
        steps = timeline.support.setdefault(p.id, [])
        if not steps or steps[-1][1:] != counts:
            steps.append((now, *counts))
        if p.withdrawn and p.id not in timeline.withdrawn:
            timeline.withdrawn[p.id] = now
