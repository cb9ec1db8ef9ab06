"""What was possible: the outcome against the agreement space of the mode.

Uses :mod:`game.analysis` on the space of the mode *after the events this table
played*, with the roles in play, so the numbers compare like with like:
the share of the max joint value, Pareto efficiency (no passing package is at
least as good for every role and better for one), the distance to the Nash
package, the better packages that existed and the best plan.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.analysis.agreements import Agreements, analyze_agreements, improvements
from game.analysis.possible import fewest_openings
from game.analysis.space import build_space
from game.analysis.summary import describe
from game.engine import GameState
from game.report.model import Json, rounded

#: Metric keys of a plan kept in the report.
PLAN_KEYS = (
    "phasing",
    "openings",
    "openings_total",
    "nuisance_total",
    "cost",
    "saved",
    "missed",
    "conflicts",
    "duration",
)


@dataclass
class SpaceCache:
    """Agreement spaces already analysed, per (events played, roles in play)."""

    found: dict[tuple[tuple[str, ...], tuple[str, ...]], Agreements] = field(default_factory=dict)

    def get(self, state: GameState) -> Agreements:
        key = (state.events_played, state.in_play)
        if key not in self.found:
            space = build_space(state.scenario, state.mode, state.events_played)
            self.found[key] = analyze_agreements(space, state.in_play)
        return self.found[key]


def plan(metrics: Mapping[str, Any], package: Mapping[str, str] | None) -> Json:
    """The plan part of a package: its choices and its street metrics."""
    out: Json = {"package": None if package is None else dict(package)}
    for key in PLAN_KEYS:
        value = metrics.get(key)
        out[key] = dict(value) if isinstance(value, Mapping) else value
    out["missed"] = list(out["missed"] or [])
    out["conflicts"] = list(out["conflicts"] or [])
    return out


def _package(result: Agreements, index: int | None) -> Json | None:
    found = describe(result, index)
    if found is None:
        return None
    found["scores"] = {r: rounded(v) for r, v in found["scores"].items()}
    found["welfare"] = rounded(found["welfare"])
    return found


def compare(state: GameState, result: Mapping[str, Any], cache: SpaceCache, best_few: int) -> Json:
    """The analysis, better packages and the three plans of one table's outcome."""
    agreements = cache.get(state)
    space = agreements.space
    roles = agreements.role_ids
    scores = np.array([float(result["scores"][r]) for r in roles])
    joint = float(scores.sum())
    better = improvements(agreements, scores)
    max_w = agreements.max_welfare
    max_joint = agreements.welfare(max_w) if max_w is not None else None
    nash = agreements.nash
    nash_gap = None
    nash_distance = None
    if nash is not None:
        nash_scores = agreements.values[:, nash]
        nash_gap = {
            r: rounded(float(s - n)) for r, s, n in zip(roles, scores, nash_scores, strict=True)
        }
        nash_distance = rounded(math.dist(scores.tolist(), nash_scores.tolist()))

    order = sorted(
        (int(i) for i in better.better),
        key=lambda i: (-agreements.welfare(i), int(space.openings_total[i]), i),
    )
    # The same choice as the terminal debrief (game.analysis.possible): the better
    # package with the fewest openings, else the passing one with the fewest.
    best_index = better.fewest_openings
    best_basis: str | None = "fewest_openings"
    if best_index is None:
        best_index = fewest_openings(agreements, np.flatnonzero(agreements.passes))
        best_basis = "fewest_openings_passing" if best_index is not None else None
    best_plan = None
    if best_index is not None:
        best_plan = plan(space.package_metrics(best_index).to_json(), space.package(best_index))
        best_plan["basis"] = best_basis
        best_plan["scores"] = {r: rounded(v) for r, v in agreements.scores(best_index).items()}
        best_plan["joint"] = rounded(agreements.welfare(best_index))

    status = result["status_quo"]
    outcome_plan = plan(result["metrics"], result["package"] or status["package"])
    outcome_plan["status_quo"] = not result["agreement"]
    status_plan = plan(status["metrics"], status["package"])
    status_plan["scores"] = {r: rounded(v) for r, v in status["scores"].items()}
    status_plan["joint"] = rounded(sum(status["scores"].values()))
    return {
        "analysis": {
            "events": list(space.events),
            "roles_in_play": list(roles),
            "quorum": agreements.votes.quorum,
            "packages": space.size,
            "passes": int(np.count_nonzero(agreements.passes)),
            "unanimous": int(np.count_nonzero(agreements.unanimous)),
            "pareto": len(agreements.pareto),
            "max_welfare": _package(agreements, max_w),
            "nash": _package(agreements, nash),
            "kalai": _package(agreements, agreements.kalai),
            "joint": rounded(joint),
            "max_joint": rounded(max_joint),
            "share_of_max": (
                rounded(joint / max_joint, 4) if max_joint is not None and max_joint > 0 else None
            ),
            "pareto_efficient": len(better.better) == 0,
            "nash_distance": nash_distance,
            "nash_gap": nash_gap,
            "room": {
                r.role: {"best": rounded(r.best), "reservation": rounded(r.reservation)}
                for r in agreements.room
            },
        },
        "better": {
            "count": len(better.better),
            "best": [_package(agreements, i) for i in order[:best_few]],
            "fewest_openings": _package(agreements, better.fewest_openings),
        },
        "plans": {"outcome": outcome_plan, "status_quo": status_plan, "best": best_plan},
    }
