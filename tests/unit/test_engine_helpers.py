"""Helpers shared by the engine tests (this module holds no tests itself)."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import FACILITATOR, GameState, IllegalMove, Move, apply, new_game
from game.scenario.model import Scenario

SAMEN = {"ontwerp": "groen", "fasering": "samen"}
"""A complete short-mode package of the mini scenario."""
LOS = {"ontwerp": "parkeren", "fasering": "los"}


def go(
    state: GameState, move_type: str, actor: str = FACILITATOR, /, *, at: float = 0.0, **data: Any
) -> GameState:
    """Apply a move that must be legal (at server time ``at``)."""
    new, _ = apply(state, Move(move_type, actor, data), at)
    return new


def refused(
    state: GameState, move_type: str, actor: str = FACILITATOR, /, *, at: float = 0.0, **data: Any
) -> str:
    """Apply a move that must be illegal; return its code (and check the state is untouched)."""
    before = state.to_json()
    with pytest.raises(IllegalMove) as info:
        apply(state, Move(move_type, actor, data), at)
    assert state.to_json() == before
    assert info.value.reason
    return info.value.code


def in_round(scenario: Scenario, round_id: str, mode: str = "short", now: float = 0.0) -> GameState:
    """A started session advanced to ``round_id``."""
    state = go(new_game(scenario, mode, seed=1, now=0.0), "start", at=now)
    while state.round_id != round_id:
        state = go(state, "next_round", at=now)
    return state


def with_proposal(scenario: Scenario, package: dict[str, str] | None = None) -> GameState:
    """Short mode, design round, with P1 by ``net``."""
    state = in_round(scenario, "ontwerpen")
    return go(state, "propose", "net", package=package or SAMEN)


def private_scenario(scenario: Scenario) -> Scenario:
    """The scenario with every role's private data made unique (for privacy scans):
    briefing text, rule and metric-term notes, points and reservation values."""
    from dataclasses import replace

    roles = []
    serial = iter(range(1, 10_000))
    for k, role in enumerate(scenario.roles, start=1):
        points = {
            issue: {opt: p + k / 100 + next(serial) / 100_000 for opt, p in opts.items()}
            for issue, opts in role.scoring.points.items()
        }
        rules = tuple(
            replace(r, note=f"GEHEIM-REGEL-{role.id}-{i}") for i, r in enumerate(role.scoring.rules)
        )
        terms = tuple(
            replace(t, note=f"GEHEIM-TERM-{role.id}-{i}")
            for i, t in enumerate(role.scoring.metrics)
        )
        scoring = replace(role.scoring, points=points, rules=rules, metrics=terms)
        roles.append(
            replace(
                role,
                briefing_text=f"GEHEIME-BRIEFING-{role.id}",
                reservation=role.reservation + k / 100 + 0.0077,
                scoring=scoring,
            )
        )
    return replace(scenario, roles=tuple(roles))
