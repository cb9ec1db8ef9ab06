"""One analysis of a mode as plain data: what ``analyze --json`` prints and the report shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.analysis.agreements import (
    Agreements,
    analyze_agreements,
    improvements,
    vetoes_that_matter,
)
from game.analysis.space import OutcomeSpace, Progress, build_space
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer


@dataclass(frozen=True, eq=False)
class ModeAnalysis:
    space: OutcomeSpace
    agreements: Agreements
    vetoes: tuple[str, ...]
    """Veto roles in play whose veto changes the passing set."""
    status_quo: Mapping[str, Any]


def describe(result: Agreements, index: int | None) -> dict[str, Any] | None:
    """A package as JSON-ready data: options per issue, scores, joint value, openings."""
    if index is None:
        return None
    space = result.space
    return {
        "index": index,
        "package": space.package(index),
        "scores": {r: round(v, 6) for r, v in result.scores(index).items()},
        "welfare": round(result.welfare(index), 6),
        "openings": int(space.openings_total[index]),
        "passes": bool(result.passes[index]),
        "unanimous": bool(result.unanimous[index]),
    }


def _status_quo(result: Agreements) -> dict[str, Any]:
    space = result.space
    scorer = Scorer(space.scenario, space.mode, space.events)
    scored = scorer.score(dict(space.scenario.status_quo))
    # One no-deal value: the status quo scores each role at its reservation value.
    no_deal = {room.role: room.reservation for room in result.room}
    vector = np.array([no_deal[r] for r in result.role_ids])
    better = improvements(result, vector)
    return {
        "package": dict(scored.package),
        "scores": {r: round(no_deal[r], 6) for r in result.role_ids},
        "openings": scored.metrics.openings_total,
        "better_passing": len(better.better),
        "fewest_openings": describe(result, better.fewest_openings),
    }


def analyze_mode(
    space: OutcomeSpace, in_play: Iterable[str] | None = None, progress: Progress | None = None
) -> ModeAnalysis:
    """Agreements, vetoes that matter and the status quo's comparison for a built space."""
    roles = None if in_play is None else list(in_play)
    result = analyze_agreements(space, roles)
    if progress is not None:
        progress(1, 3)
    vetoes = tuple(vetoes_that_matter(space, roles))
    if progress is not None:
        progress(2, 3)
    status = _status_quo(result)
    if progress is not None:
        progress(3, 3)
    return ModeAnalysis(space, result, vetoes, status)


def analyze(
    scenario: Scenario,
    mode: str,
    events: Iterable[str] = (),
    in_play: Iterable[str] | None = None,
) -> ModeAnalysis:
    """Build the space of ``mode`` after ``events`` and analyse it."""
    return analyze_mode(build_space(scenario, mode, events), in_play)


def to_json(analysis: ModeAnalysis, seconds: float) -> dict[str, Any]:
    result = analysis.agreements
    space = analysis.space
    room = {
        r.role: {
            "best": r.best,
            "reservation": r.reservation,
            "room": None if r.room is None else round(r.room, 6),
        }
        for r in result.room
    }
    core = {r.id for r in space.scenario.roles if r.core}
    no_room = [r.role for r in result.room if r.role in core and (r.room is None or r.room < 0)]
    return {
        "scenario": space.scenario.meta.id,
        "mode": space.mode,
        "events": list(space.events),
        "issues": list(space.issue_ids),
        "presets": dict(space.presets),
        "roles_in_play": list(result.role_ids),
        "quorum": result.votes.quorum,
        "packages": space.size,
        "feasible": int(np.count_nonzero(space.feasible)),
        "passes": int(np.count_nonzero(result.passes)),
        "unanimous": int(np.count_nonzero(result.unanimous)),
        "has_deal": bool(result.passes.any()),
        "pareto": len(result.pareto),
        "max_welfare": describe(result, result.max_welfare),
        "nash": describe(result, result.nash),
        "kalai": describe(result, result.kalai),
        "room": room,
        "no_room": no_room,
        "vetoes_that_matter": list(analysis.vetoes),
        "status_quo": analysis.status_quo,
        "seconds": round(seconds, 4),
    }
