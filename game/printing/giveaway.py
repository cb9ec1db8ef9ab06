"""'Wie had wat kunnen weggeven': per role, what it holds on to and what it can give away.

Computed from the role's points on the live issues of a mode: the issue with the
widest spread between its best and worst option is what the role holds on to;
issues whose spread is at most a third of that are cheap to give away. The
facilitator uses the table in the debrief to ask who could have traded what.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.model import Issue, Mode, Role, Scenario

#: An issue is cheap to give away when its spread is at most this share of the widest.
CHEAP_SHARE = 1 / 3


@dataclass(frozen=True)
class Tradeoff:
    role: Role
    holds: tuple[tuple[Issue, tuple[str, ...]], ...]
    """Issues with the widest spread, each with the titles of the role's best options."""
    gives: tuple[Issue, ...]
    """Issues that cost the role little whichever option is chosen."""


def spread(role: Role, issue: Issue) -> float:
    """Best minus worst points of ``role`` over the options of ``issue``."""
    pts = role.scoring.points.get(issue.id, {})
    values = [pts.get(o, 0.0) for o in issue.option_ids]
    return max(values) - min(values)


def best_options(role: Role, issue: Issue) -> tuple[str, ...]:
    pts = role.scoring.points.get(issue.id, {})
    top = max(pts.get(o, 0.0) for o in issue.option_ids)
    return tuple(o.title for o in issue.options if pts.get(o.id, 0.0) == top)


def tradeoffs(scenario: Scenario, mode: Mode) -> list[Tradeoff]:
    """One row per role over the live issues of ``mode``."""
    live = [i for i in scenario.issues if i.id in mode.issues]
    rows = []
    for role in scenario.roles:
        spreads = {i.id: spread(role, i) for i in live}
        widest = max(spreads.values(), default=0.0)
        holds = tuple(
            (i, best_options(role, i)) for i in live if widest > 0 and spreads[i.id] == widest
        )
        gives = tuple(i for i in live if spreads[i.id] <= CHEAP_SHARE * widest)
        rows.append(Tradeoff(role, holds, gives))
    return rows
