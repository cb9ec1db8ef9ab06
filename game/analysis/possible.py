"""What was possible for one table: its outcome against the agreement space.

For the debrief: the max joint value over the passing packages, the share of
it the outcome reached, how many passing packages were at least as good for
every role in play and better for one, the best plan (the fewest openings
among those better packages; when there are none, the fewest openings among
all passing packages) and the status quo's openings. Plain JSON-ready data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.analysis.agreements import Agreements, analyze_agreements, improvements
from game.analysis.space import build_space
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer


def fewest_openings(result: Agreements, candidates: NDArray[np.intp]) -> int | None:
    """Among ``candidates``: the fewest openings, then the largest joint value, then index."""
    if len(candidates) == 0:
        return None
    openings = result.space.openings_total[candidates]
    welfare = result.values[:, candidates].sum(axis=0)
    order = np.lexsort((candidates, -welfare, openings))
    return int(candidates[int(order[0])])


def _plan(result: Agreements, index: int, basis: str) -> dict[str, Any]:
    metrics = result.space.package_metrics(index)
    return {
        "basis": basis,
        "package": result.space.package(index),
        "openings_total": int(metrics.openings_total),
        "openings": dict(metrics.openings),
        "cost": round(metrics.cost, 3),
        "saved": round(metrics.saved, 3),
        "nuisance_total": round(metrics.nuisance_total, 2),
        "missed": list(metrics.missed),
        "scores": {r: round(v, 6) for r, v in result.scores(index).items()},
        "joint": round(result.welfare(index), 6),
    }


def possible_for(result: Agreements, scores: Mapping[str, float]) -> dict[str, Any]:
    """What was possible given an analysed space and the outcome's scores per role in play."""
    space = result.space
    vector = np.array([float(scores[r]) for r in result.role_ids])
    joint = float(vector.sum())
    better = improvements(result, vector)
    max_w = result.max_welfare
    max_welfare = None
    share = None
    if max_w is not None:
        max_joint = result.welfare(max_w)
        max_welfare = {
            "joint": round(max_joint, 6),
            "package": space.package(max_w),
            "openings_total": int(space.openings_total[max_w]),
        }
        share = round(joint / max_joint, 4) if max_joint > 0 else None
    if better.fewest_openings is not None:
        best: int | None = better.fewest_openings
        basis = "better"
    else:
        best = fewest_openings(result, np.flatnonzero(result.passes))
        basis = "passing"
    status = Scorer(space.scenario, space.mode, space.events).score(dict(space.scenario.status_quo))
    return {
        "roles": list(result.role_ids),
        "joint": round(joint, 6),
        "max_welfare": max_welfare,
        "share": share,
        "better_count": len(better.better),
        "best_plan": None if best is None else _plan(result, best, basis),
        "status_quo_openings": {
            "openings": dict(status.metrics.openings),
            "openings_total": int(status.metrics.openings_total),
        },
    }


def what_was_possible(
    scenario: Scenario,
    mode: str,
    events: Iterable[str],
    in_play: Iterable[str],
    scores: Mapping[str, float],
) -> dict[str, Any]:
    """:func:`possible_for` on the space of ``mode`` after ``events`` with the roles ``in_play``.

    ``scores``: the agreed package's score per role in play, or the reservation
    values when there was no agreement.
    """
    space = build_space(scenario, mode, tuple(events))
    return possible_for(analyze_agreements(space, list(in_play), pareto=False), scores)
