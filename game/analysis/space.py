"""The outcome space of a mode: every package of its live issues, scored for every role.

:func:`build_space` enumerates the packages in ``itertools.product`` order over
the mode's live issues (in scenario order, options in file order; presets
fixed) and scores them all at once with numpy:

* the additive points are an outer sum over the issues' option vectors;
* every interaction rule (scenario and event rules) adds its points through a
  boolean mask built from its condition, broadcast over the package grid;
* the metric terms depend only on the metric issues
  (:func:`game.scenario.metrics.metric_issues`), so the plan metrics are found
  once per distinct choice of those (:func:`game.analysis.plans.grid_plan_metrics`,
  which plans each distinct schedule once) and the result is broadcast.

The result equals :class:`game.scenario.scoring.Scorer` (scores rounded to six
decimals in the same way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from game.analysis.plans import grid_plan_metrics, metric_terms
from game.scenario.adjust import Adjustments, adjustments
from game.scenario.metrics import Metrics, metric_issues
from game.scenario.model import Condition, Role, Scenario

#: Spaces larger than this are refused (about 2 GB of scores at 12 roles).
MAX_PACKAGES = 20_000_000

#: Called with (step done, steps in total) while a space is built.
Progress = Callable[[int, int], None]

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IndexArray = NDArray[np.intp]


class SpaceTooLarge(ValueError):
    """The mode has more packages than :data:`MAX_PACKAGES`."""


@dataclass(frozen=True, eq=False)
class OutcomeSpace:
    """Every package of one mode after some events, with every role's score."""

    scenario: Scenario
    mode: str
    events: tuple[str, ...]
    issue_ids: tuple[str, ...]
    """The live issues, in scenario order: the axes of the package grid."""
    option_ids: tuple[tuple[str, ...], ...]
    """Per live issue, its option ids in file order."""
    presets: Mapping[str, str]
    """The fixed choices of the issues that are not live."""
    role_ids: tuple[str, ...]
    scores: FloatArray
    """Roles × packages (row per role, contiguous); see :attr:`utilities`."""
    reservation: FloatArray
    """Per role its reservation value after the events."""
    feasible: BoolArray
    """Per package: no option of it is forbidden by an event."""
    metric_issue_ids: tuple[str, ...]
    """The live issues the plan metrics depend on."""
    metric_grid: IndexArray = field(repr=False)
    """Index into :attr:`metrics`, shaped like the grid (size 1 on non-metric axes)."""
    metrics: tuple[Metrics, ...] = field(repr=False)

    # -- shape ---------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(o) for o in self.option_ids)

    @property
    def size(self) -> int:
        return int(self.scores.shape[1])

    @property
    def utilities(self) -> FloatArray:
        """Packages × roles (a transposed view of :attr:`scores`)."""
        return self.scores.T

    def role_index(self, role_id: str) -> int:
        return self.role_ids.index(role_id)

    # -- packages ------------------------------------------------------------
    def option_indices(self, packages: IndexArray | None = None) -> IndexArray:
        """Packages × live issues: the option index of each choice."""
        if packages is None:
            packages = np.arange(self.size)
        if not self.shape:
            return np.zeros((len(packages), 0), dtype=np.intp)
        return np.stack(np.unravel_index(packages, self.shape), axis=1).astype(np.intp)

    def live_choices(self, index: int) -> dict[str, str]:
        """The live choices (issue → option id) of package ``index``."""
        row = self.option_indices(np.array([index]))[0]
        return {
            i: opts[int(o)] for i, opts, o in zip(self.issue_ids, self.option_ids, row, strict=True)
        }

    def package(self, index: int) -> dict[str, str]:
        """The complete package (live choices plus presets), in scenario order."""
        merged = {**self.presets, **self.live_choices(index)}
        return {i.id: merged[i.id] for i in self.scenario.issues if i.id in merged}

    def index_of(self, choices: Mapping[str, str]) -> int:
        """The index of the package with these live choices (presets may be included).

        Raises ``KeyError`` when a live issue is missing or an option is unknown.
        """
        coords = []
        for issue_id, opts in zip(self.issue_ids, self.option_ids, strict=True):
            option = choices[issue_id]
            if option not in opts:
                raise KeyError(f"issue {issue_id!r} has no option {option!r}")
            coords.append(opts.index(option))
        if not coords:
            return 0
        return int(np.ravel_multi_index(tuple(coords), self.shape))

    # -- metrics -------------------------------------------------------------
    @cached_property
    def metric_index(self) -> IndexArray:
        """Per package, the index into :attr:`metrics` of its plan metrics."""
        return np.broadcast_to(self.metric_grid, self.shape).reshape(-1).astype(np.intp)

    @cached_property
    def openings_total(self) -> NDArray[np.int64]:
        """Per package, the number of street openings of its plan."""
        per_combo = np.array([m.openings_total for m in self.metrics], dtype=np.int64)
        return per_combo[self.metric_index]

    def package_metrics(self, index: int) -> Metrics:
        return self.metrics[int(self.metric_index[index])]


# -- building ----------------------------------------------------------------
def _axis_shape(ndim: int, axis: int, length: int) -> tuple[int, ...]:
    shape = [1] * ndim
    shape[axis] = length
    return tuple(shape)


def _condition_mask(
    when: Condition,
    axes: Mapping[str, int],
    option_ids: Sequence[tuple[str, ...]],
    fixed: Mapping[str, str],
) -> BoolArray | None:
    """The grid mask (broadcastable) of a condition; ``None`` when it never holds."""
    ndim = len(option_ids)
    mask: BoolArray = np.ones((1,) * ndim, dtype=bool)
    for issue_id, allowed in when.items():
        if issue_id in axes:
            a = axes[issue_id]
            vec = np.array([o in allowed for o in option_ids[a]], dtype=bool)
            mask = mask & vec.reshape(_axis_shape(ndim, a, len(vec)))
        elif fixed.get(issue_id) not in allowed:
            return None
    return mask


def _role_points(
    role: Role, issue_id: str, options: Sequence[str], adj: Adjustments
) -> list[float]:
    pts = role.scoring.points.get(issue_id, {})
    return [pts.get(o, 0.0) + adj.points.get((role.id, issue_id, o), 0.0) for o in options]


def build_space(
    scenario: Scenario,
    mode: str,
    events: Iterable[str] = (),
    progress: Progress | None = None,
) -> OutcomeSpace:
    """Enumerate and score every package of ``mode`` after ``events``.

    Raises ``KeyError`` for an unknown mode or event and :class:`SpaceTooLarge`
    when the mode has more than :data:`MAX_PACKAGES` packages.
    """
    m = scenario.mode(mode)
    played = tuple(events)
    adj = adjustments(scenario, played)
    live = tuple(i for i in scenario.issue_ids if i in m.issues)
    presets = {i: o for i, o in m.presets.items() if i not in live}
    option_ids = tuple(scenario.issue(i).option_ids for i in live)
    shape = tuple(len(o) for o in option_ids)
    size = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if size > MAX_PACKAGES:
        raise SpaceTooLarge(f"mode {mode!r} has {size:,} packages (at most {MAX_PACKAGES:,})")
    axes = {issue_id: a for a, issue_id in enumerate(live)}
    ndim = len(live)
    roles = scenario.roles
    n_roles = len(roles)

    m_issues = tuple(i for i in metric_issues(scenario) if i in axes)
    m_shape = tuple(len(option_ids[axes[i]]) for i in m_issues)
    combos = int(np.prod(m_shape, dtype=np.int64)) if m_shape else 1
    total_steps = combos + len(live) + 2
    done = 0

    def step(k: int = 1) -> None:
        nonlocal done
        done += k
        if progress is not None:
            progress(done, total_steps)

    # Constant part: the presets' points.
    const = np.zeros(n_roles)
    for j, role in enumerate(roles):
        for issue_id, option in presets.items():
            const[j] += _role_points(role, issue_id, (option,), adj)[0]

    # Additive points: outer sum, roles first.
    scores: FloatArray = const.reshape(n_roles, 1).copy()
    for a, issue_id in enumerate(live):
        table = np.array(
            [_role_points(role, issue_id, option_ids[a], adj) for role in roles], dtype=np.float64
        )
        scores = (scores[:, :, None] + table[:, None, :]).reshape(n_roles, -1)
        step()
    grid = scores.reshape((n_roles, *shape))

    # Interaction rules.
    for j, role in enumerate(roles):
        for rule in (*role.scoring.rules, *adj.rules.get(role.id, ())):
            mask = _condition_mask(rule.when, axes, option_ids, presets)
            if mask is not None and rule.points:
                grid[j] += rule.points * mask
    step()

    # Metric terms: once per combination of the live metric issues (each distinct
    # schedule planned once, see game.analysis.plans).
    base = {**presets, **{i: opts[0] for i, opts in zip(live, option_ids, strict=True)}}
    m_options = [option_ids[axes[i]] for i in m_issues]
    planned = grid_plan_metrics(scenario, m_issues, m_options, base, adj, step)
    metrics = planned.metrics
    term_values = metric_terms(scenario, roles, planned)
    full_m_shape = [1] * ndim
    for issue_id, k in zip(m_issues, m_shape, strict=True):
        full_m_shape[axes[issue_id]] = k
    metric_grid = np.arange(combos, dtype=np.intp).reshape(full_m_shape)
    if any(role.scoring.metrics for role in roles):
        grid += term_values.T.reshape((n_roles, *full_m_shape))
    np.round(scores, 6, out=scores)

    # Feasibility.
    feasible_grid: BoolArray = np.ones((1,) * ndim, dtype=bool)
    if any((i, o) in adj.forbidden for i, o in presets.items()):
        feasible_grid = np.zeros((1,) * ndim, dtype=bool)
    for a, issue_id in enumerate(live):
        ok = np.array([(issue_id, o) not in adj.forbidden for o in option_ids[a]], dtype=bool)
        if not ok.all():
            feasible_grid = feasible_grid & ok.reshape(_axis_shape(ndim, a, len(ok)))
    feasible = np.broadcast_to(feasible_grid, shape).reshape(-1).copy()
    step()

    reservation = np.array(
        [r.reservation_for(mode) + adj.reservation.get(r.id, 0.0) for r in roles], dtype=np.float64
    )
    return OutcomeSpace(
        scenario=scenario,
        mode=mode,
        events=played,
        issue_ids=live,
        option_ids=option_ids,
        presets=presets,
        role_ids=scenario.role_ids,
        scores=scores,
        reservation=reservation,
        feasible=feasible,
        metric_issue_ids=m_issues,
        metric_grid=metric_grid,
        metrics=metrics,
    )
