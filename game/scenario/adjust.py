"""What the events played so far change: the parameters scoring works from.

An :class:`Adjustments` folds the effects of a sequence of played events into
plain lookups. Scoring with no events uses :data:`NO_ADJUSTMENTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.scenario.model import Rule, Scenario


@dataclass(frozen=True)
class Adjustments:
    points: Mapping[tuple[str, str, str], float] = field(default_factory=dict)
    """(role, issue, option) → points added."""
    reservation: Mapping[str, float] = field(default_factory=dict)
    """role → reservation value added."""
    rules: Mapping[str, tuple[Rule, ...]] = field(default_factory=dict)
    """role → extra interaction rules."""
    delays: Mapping[str, int] = field(default_factory=dict)
    """work → months its earliest start moves later."""
    deadlines: Mapping[str, int] = field(default_factory=dict)
    """work → months its deadline moves (negative: earlier)."""
    costs: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """(issue, option) → M€ added to the option's cost."""
    forbidden: frozenset[tuple[str, str]] = frozenset()
    """(issue, option) pairs that are no longer feasible."""
    events: tuple[str, ...] = ()
    """The events folded in, in the order they were played."""


NO_ADJUSTMENTS = Adjustments()


def adjustments(scenario: Scenario, events: Iterable[str]) -> Adjustments:
    """Fold the effects of ``events`` (ids, in play order) into one :class:`Adjustments`."""
    points: dict[tuple[str, str, str], float] = {}
    reservation: dict[str, float] = {}
    rules: dict[str, list[Rule]] = {}
    delays: dict[str, int] = {}
    deadlines: dict[str, int] = {}
    costs: dict[tuple[str, str], float] = {}
    forbidden: set[tuple[str, str]] = set()
    played = tuple(events)
    for event_id in played:
        for eff in scenario.event(event_id).effects:
            if eff.type == "points":
                assert eff.role and eff.issue and eff.option
                key = (eff.role, eff.issue, eff.option)
                points[key] = points.get(key, 0.0) + eff.delta
            elif eff.type == "reservation":
                assert eff.role
                reservation[eff.role] = reservation.get(eff.role, 0.0) + eff.delta
            elif eff.type == "rule":
                assert eff.rule is not None
                targets = eff.roles or scenario.role_ids
                for role in targets:
                    rules.setdefault(role, []).append(eff.rule)
            elif eff.type == "delay":
                assert eff.work
                delays[eff.work] = delays.get(eff.work, 0) + eff.months
            elif eff.type == "deadline":
                assert eff.work
                deadlines[eff.work] = deadlines.get(eff.work, 0) + eff.months
            elif eff.type == "cost":
                assert eff.issue and eff.option
                ckey = (eff.issue, eff.option)
                costs[ckey] = costs.get(ckey, 0.0) + eff.delta
            elif eff.type == "forbid":
                assert eff.issue and eff.option
                forbidden.add((eff.issue, eff.option))
            else:  # pragma: no cover - the loader rejects unknown types
                raise ValueError(f"unknown effect type {eff.type!r}")
    return Adjustments(
        points=points,
        reservation=reservation,
        rules={k: tuple(v) for k, v in rules.items()},
        delays=delays,
        deadlines=deadlines,
        costs=costs,
        forbidden=frozenset(forbidden),
        events=played,
    )
