"""'Wie had wat kunnen weggeven': per role, what it holds on to and what it can give away.

Computed on the agreement space of a mode (:func:`game.analysis.space.build_space`),
so interaction rules and the execution plan count, not only the points table:
for each live issue and option, the best score the role can still reach when
that option is chosen. An issue's *stake* is the gap between its best and worst
option by that measure. The issue with the largest stake is what the role holds
on to; the (at most three) issues with the smallest stake, each at most a third
of the largest, are what it can give away cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.analysis.space import OutcomeSpace, build_space
from game.scenario.model import Issue, Mode, Role, Scenario

#: An issue is cheap to give away when its stake is at most this share of the largest.
CHEAP_SHARE = 1 / 3
#: At most this many cheap issues per role.
MAX_GIVES = 3


@dataclass(frozen=True)
class Tradeoff:
    role: Role
    holds: tuple[tuple[Issue, tuple[str, ...]], ...]
    """Issues with the largest stake, each with the titles of the role's best options."""
    gives: tuple[Issue, ...]
    """Issues that cost the role little whichever option is chosen, cheapest first."""
    stakes: dict[str, float]
    """Issue id → stake (points)."""


def option_reach(space: OutcomeSpace, role_index: int, axis: int) -> list[float]:
    """Per option of live issue ``axis``: the role's best feasible score with that option."""
    column = space.option_indices()[:, axis]
    scores = space.scores[role_index]
    reach = []
    for k in range(len(space.option_ids[axis])):
        mask = (column == k) & space.feasible
        reach.append(float(scores[mask].max()) if mask.any() else float("-inf"))
    return reach


def tradeoffs(scenario: Scenario, mode: Mode, space: OutcomeSpace | None = None) -> list[Tradeoff]:
    """One row per role over the live issues of ``mode`` (no events played)."""
    space = space if space is not None else build_space(scenario, mode.name)
    rows = []
    for j, role in enumerate(scenario.roles):
        stakes: dict[str, float] = {}
        best: dict[str, tuple[str, ...]] = {}
        for axis, issue_id in enumerate(space.issue_ids):
            reach = option_reach(space, j, axis)
            top = max(reach)
            stakes[issue_id] = round(top - min(reach), 6)
            issue = scenario.issue(issue_id)
            best[issue_id] = tuple(
                o.title for o, r in zip(issue.options, reach, strict=True) if r == top
            )
        largest = max(stakes.values(), default=0.0)
        holds = tuple(
            (scenario.issue(i), best[i])
            for i in space.issue_ids
            if largest > 0 and stakes[i] == largest
        )
        cheap = sorted(
            (i for i in space.issue_ids if stakes[i] <= CHEAP_SHARE * largest),
            key=lambda i: (stakes[i], space.issue_ids.index(i)),
        )
        gives = tuple(scenario.issue(i) for i in cheap[:MAX_GIVES])
        rows.append(Tradeoff(role, holds, gives, stakes))
    return rows
