"""A slow, obviously correct reference for :mod:`game.analysis` (small scenarios only).

Plain Python over ``itertools.product`` and :class:`game.scenario.scoring.Scorer`,
following the definitions word for word. The tests check that the fast numpy
analysis gives the same numbers.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from game.scenario.model import Scenario
from game.scenario.scoring import Scorer, effective_quorum


@dataclass(frozen=True)
class ReferenceResult:
    scores: list[list[float]]
    """Per package (product order), the scores of all roles in scenario order."""
    feasible: list[bool]
    passes: list[bool]
    unanimous: list[bool]
    pareto: list[int]
    max_welfare: float | None
    nash_product: float | None
    kalai_share: float | None
    room: dict[str, float | None]
    openings: list[int]


def _dominates(a: list[float], b: list[float]) -> bool:
    return all(x >= y for x, y in zip(a, b, strict=True)) and any(
        x > y for x, y in zip(a, b, strict=True)
    )


def reference_analysis(
    scenario: Scenario, mode: str, events: Iterable[str] = (), in_play: Iterable[str] | None = None
) -> ReferenceResult:
    scorer = Scorer(scenario, mode, events)
    m = scenario.mode(mode)
    live = [scenario.issue(i) for i in scenario.issue_ids if i in m.issues]
    play = [r.id for r in scenario.roles if in_play is None or r.id in set(in_play)]
    res = scorer.reservations()
    quorum = effective_quorum(scenario, len(play))

    scores, feasible, passes, unanimous, openings = [], [], [], [], []
    for combo in itertools.product(*(issue.option_ids for issue in live)):
        result = scorer.score(dict(zip((i.id for i in live), combo, strict=True)))
        scores.append([result.scores[r.id] for r in scenario.roles])
        openings.append(result.metrics.openings_total)
        feasible.append(result.feasible)
        yes = {r: result.scores[r] >= res[r] for r in play}
        vetoed = any(not yes[r] for r in play if scenario.role(r).veto)
        passes.append(result.feasible and sum(yes.values()) >= quorum and not vetoed)
        unanimous.append(result.feasible and all(yes.values()))

    cols = [scenario.role_ids.index(r) for r in play]
    vec = [[row[c] for c in cols] for row in scores]
    passing = [i for i, ok in enumerate(passes) if ok]
    pareto = [i for i in passing if not any(_dominates(vec[j], vec[i]) for j in passing)]
    max_welfare = max((sum(vec[i]) for i in passing), default=None)

    agreeing = [i for i, ok in enumerate(unanimous) if ok]
    gains = {i: [vec[i][k] - res[r] for k, r in enumerate(play)] for i in agreeing}
    nash = max((math.prod(g) for g in gains.values()), default=None)
    kalai = None
    if agreeing:
        ideal = [max(gains[i][k] for i in agreeing) for k in range(len(play))]
        shares = [
            min((g[k] / ideal[k] for k in range(len(play)) if ideal[k] > 0), default=math.inf)
            for g in gains.values()
        ]
        kalai = max(shares)
    room = {r: max((vec[i][k] for i in passing), default=None) for k, r in enumerate(play)}
    return ReferenceResult(
        scores, feasible, passes, unanimous, pareto, max_welfare, nash, kalai, room, openings
    )


def reference_left_on_table(
    ref: ReferenceResult, scenario: Scenario, package: int, in_play: Iterable[str] | None = None
) -> tuple[list[int], int | None]:
    """The better passing packages and the fewest openings among them (``None``: none)."""
    cols = [k for k, r in enumerate(scenario.role_ids) if in_play is None or r in set(in_play)]
    here = [ref.scores[package][c] for c in cols]
    better = [
        i
        for i, ok in enumerate(ref.passes)
        if ok and _dominates([ref.scores[i][c] for c in cols], here)
    ]
    fewest = min((ref.openings[i] for i in better), default=None)
    return better, fewest
