"""Plan metrics of a whole grid of packages, each distinct schedule planned once.

:func:`~game.scenario.metrics.plan_metrics` schedules a package's works. The
schedule depends on the package only through its phasing, the delays its
options add and the works that exist under it; the options' own cost is added
on top, and the conflicts follow from the conditions and the works. So
:func:`grid_plan_metrics` finds those per package with numpy over the grid of
metric-issue choices, runs ``plan_metrics`` once per distinct schedule (in
Leeuwaerdenhout's full mode 1,620 combinations share a few hundred
schedules) and gives every package that schedule's metrics with its own
option cost — added in the same order as ``plan_metrics`` adds it — and its
own conflicts. Every field equals a ``plan_metrics`` run of its own (a test
checks this).

:func:`metric_terms` then gives every role's metric terms per package, taking
each term's product once per schedule unless it weighs the total cost or the
conflicts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.scenario.adjust import Adjustments
from game.scenario.metrics import Metrics, plan_metrics
from game.scenario.model import Condition, Role, Scenario
from game.scenario.scoring import metric_value

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class GridMetrics:
    """The plan metrics of every combination (``itertools.product`` order)."""

    metrics: tuple[Metrics, ...]
    schedule: NDArray[np.intp]
    """Per combination, the index of its distinct schedule."""
    cost: FloatArray
    """Per combination, its total cost (``metrics[c].cost``)."""
    schedules: int


class _Grid:
    """Per-issue choices as arrays broadcast over the grid of metric-issue choices."""

    def __init__(
        self, axes: Sequence[str], options: Sequence[Sequence[str]], fixed: Mapping[str, str]
    ) -> None:
        self.axes = {issue: a for a, issue in enumerate(axes)}
        self.options = options
        self.fixed = fixed
        self.shape = tuple(len(o) for o in options)

    def along(self, issue: str, values: Sequence[object], dtype: type) -> NDArray[Any]:
        a = self.axes[issue]
        shape = [1] * len(self.shape)
        shape[a] = len(values)
        return np.array(values, dtype=dtype).reshape(shape)

    def holds(self, condition: Condition | None) -> BoolArray:
        mask: BoolArray = np.ones((1,) * len(self.shape), dtype=bool)
        for issue, allowed in (condition or {}).items():
            if issue in self.axes:
                opts = self.options[self.axes[issue]]
                mask = mask & self.along(issue, [o in allowed for o in opts], bool)
            elif self.fixed.get(issue) not in allowed:
                return np.zeros((1,) * len(self.shape), dtype=bool)
        return mask

    def flat(self, values: NDArray[Any]) -> NDArray[Any]:
        return np.broadcast_to(values, self.shape).reshape(-1)


def grid_plan_metrics(
    scenario: Scenario,
    axes: Sequence[str],
    options: Sequence[Sequence[str]],
    fixed: Mapping[str, str],
    adj: Adjustments,
    done: Callable[[int], None] | None = None,
) -> GridMetrics:
    """The plan metrics of every combination of ``options`` of the issues ``axes``
    (the other issues chosen as in ``fixed``), in ``itertools.product`` order.

    ``done(k)`` is called after ``k`` more combinations are known.
    """
    grid = _Grid(axes, options, fixed)
    size = int(np.prod(grid.shape, dtype=np.int64)) if grid.shape else 1
    zero = np.zeros((1,) * len(grid.shape))
    phasing: NDArray[Any] = np.full((1,) * len(grid.shape), "", dtype=object)
    cost: NDArray[Any] = zero.copy()
    delays: dict[str, NDArray[Any]] = {}
    for issue in scenario.issues:  # in plan_metrics' order
        if issue.id in grid.axes:
            opts = [issue.option(o) for o in options[grid.axes[issue.id]]]
            chosen = [o.id for o in opts]
        elif issue.id in fixed:
            opts = [issue.option(fixed[issue.id])]
            chosen = [opts[0].id]
        else:
            continue

        def per_option(
            values: Sequence[object], dtype: type, issue_id: str = issue.id
        ) -> NDArray[Any]:
            if issue_id in grid.axes:
                return grid.along(issue_id, values, dtype)
            return np.array(values[0], dtype=dtype).reshape((1,) * len(grid.shape))

        ph = per_option([o.phasing or "" for o in opts], object)
        phasing = np.where(phasing == "", ph, phasing)
        term = [
            o.cost + adj.costs.get((issue.id, c), 0.0) for o, c in zip(opts, chosen, strict=True)
        ]
        cost = cost + per_option(term, np.float64)
        for work_id in {w for o in opts for w in o.delays}:
            months = per_option([o.delays.get(work_id, 0) for o in opts], np.int64)
            delays[work_id] = delays.get(work_id, zero.astype(np.int64)) + months
    active = {w.id: grid.holds(w.when) for w in scenario.works}
    columns: list[NDArray[Any]] = [
        np.unique(grid.flat(phasing).astype(str), return_inverse=True)[1],
        *(grid.flat(delays[w] * active[w]) for w in sorted(delays) if w in active),
        *(grid.flat(active[w.id]) for w in scenario.works),
    ]
    keys = np.stack([np.asarray(c, dtype=np.int64) for c in columns], axis=1)
    _, first, schedule = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    schedule = schedule.reshape(-1).astype(np.intp)
    conflicts = [
        grid.flat(grid.holds(c.when) & _all_active(active, c.works, grid))
        for c in scenario.conflicts
    ]
    conflict_ids = [c.id for c in scenario.conflicts]
    flat_cost = grid.flat(cost).astype(np.float64)
    planned: list[tuple[Metrics, float]] = []
    for c in first:
        m = plan_metrics(scenario, _package(scenario, grid, int(c)), adj)
        planned.append((m, sum(m.cost_by_owner.values())))
    out: list[Metrics] = []
    for c in range(size):
        m, rest = planned[int(schedule[c])]
        total = float(flat_cost[c]) + rest
        found = tuple(cid for cid, hit in zip(conflict_ids, conflicts, strict=True) if hit[c])
        if total != m.cost or found != m.conflicts:
            m = dataclasses.replace(m, cost=total, conflicts=found)
        out.append(m)
    if done is not None:
        done(size)
    return GridMetrics(tuple(out), schedule, np.array([m.cost for m in out]), len(first))


def _all_active(active: Mapping[str, BoolArray], works: Sequence[str], grid: _Grid) -> BoolArray:
    mask: BoolArray = np.ones((1,) * len(grid.shape), dtype=bool)
    for w in works:
        mask = mask & active[w] if w in active else np.zeros_like(mask)
    return mask


def _package(scenario: Scenario, grid: _Grid, index: int) -> dict[str, str]:
    coords = np.unravel_index(index, grid.shape) if grid.shape else ()
    choice = dict(grid.fixed)
    for issue, a in grid.axes.items():
        choice[issue] = grid.options[a][int(coords[a])]
    return {i.id: choice[i.id] for i in scenario.issues if i.id in choice}


def metric_terms(scenario: Scenario, roles: Sequence[Role], found: GridMetrics) -> FloatArray:
    """Combinations × roles: each role's sum of ``weight × metric value`` over its terms.

    The sum runs over the terms in order, as :class:`~game.scenario.scoring.Scorer`
    adds them; a term's product is computed once per schedule unless it weighs
    the total cost (per combination, vectorised) or the conflicts (per set of them).
    """
    size = len(found.metrics)
    first: dict[int, Metrics] = {}
    for m, k in zip(found.metrics, found.schedule.tolist(), strict=True):
        first.setdefault(k, m)
    out = np.zeros((size, len(roles)))
    for j, role in enumerate(roles):
        total: FloatArray = np.zeros(size)
        for term in role.scoring.metrics:
            if term.metric == "cost" and not term.owner:
                product = term.weight * found.cost
            elif term.metric == "conflicts":
                memo: dict[tuple[str, ...], float] = {}
                for m in found.metrics:
                    if m.conflicts not in memo:
                        memo[m.conflicts] = term.weight * metric_value(term, m, scenario)
                product = np.array([memo[m.conflicts] for m in found.metrics])
            else:
                per = np.array(
                    [
                        term.weight * metric_value(term, first[k], scenario)
                        for k in range(len(first))
                    ]
                )
                product = per[found.schedule]
            total = total + product
        out[:, j] = total
    return out
