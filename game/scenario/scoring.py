"""Scoring: scenario + mode + events played + package → every role's score.

A role's score for a complete package is

    Σ points[issue][option]            (plus event point changes)
  + Σ rule.points  for each rule whose condition holds (scenario and event rules)
  + Σ term.weight × metric value      for each metric term

and its reservation value is the scenario's plus event changes. The plan
metrics come from :func:`game.scenario.metrics.plan_metrics`.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> sc = load_scenario("scenarios/leeuwaerdenhout.yaml")   # doctest: +SKIP
    >>> result = score_package(sc, "short", {"waterstof": "hybride"})  # doctest: +SKIP
    >>> result.scores["netbeheerder"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from game.scenario.adjust import NO_ADJUSTMENTS, Adjustments, adjustments
from game.scenario.metrics import Metrics, metric_issues, plan_metrics
from game.scenario.model import MetricTerm, Package, Role, Scenario, matches


@dataclass(frozen=True)
class PackageScore:
    package: Mapping[str, str]
    """The complete package (live choices plus presets)."""
    scores: Mapping[str, float]
    """Role id → score."""
    metrics: Metrics
    feasible: bool
    """False when an event made one of its options infeasible."""
    infeasible: tuple[tuple[str, str], ...] = ()


def metric_value(term: MetricTerm, m: Metrics, scenario: Scenario) -> float:
    """The value of the metric a term weighs, with the term's filters applied."""
    if term.metric == "openings":
        segs = term.segments or tuple(m.openings)
        return float(sum(m.openings.get(s, 0) for s in segs))
    if term.metric == "nuisance":
        segs = term.segments or tuple(m.nuisance)
        return sum(m.nuisance.get(s, 0.0) for s in segs)
    if term.metric == "cost":
        return m.cost_by_owner.get(term.owner, 0.0) if term.owner else m.cost
    if term.metric == "saved":
        return m.saved
    if term.metric == "missed":
        missed = m.missed
        if term.works:
            missed = tuple(w for w in missed if w in term.works)
        if term.owner:
            missed = tuple(w for w in missed if scenario.work(w).owner == term.owner)
        return float(len(missed))
    if term.metric == "conflicts":
        if not term.segments:
            return float(len(m.conflicts))
        wanted = set(term.segments)
        return float(
            sum(1 for c in scenario.conflicts if c.id in m.conflicts and c.segment in wanted)
        )
    if term.metric == "duration":
        return m.duration
    raise ValueError(f"unknown metric {term.metric!r}")


def role_score(
    scenario: Scenario,
    role: Role,
    package: Package,
    metrics: Metrics,
    adj: Adjustments = NO_ADJUSTMENTS,
) -> float:
    """One role's score for a complete package whose metrics are known."""
    total = 0.0
    points = role.scoring.points
    for issue_id, option_id in package.items():
        total += points.get(issue_id, {}).get(option_id, 0.0)
        total += adj.points.get((role.id, issue_id, option_id), 0.0)
    for rule in role.scoring.rules:
        if matches(rule.when, package):
            total += rule.points
    for rule in adj.rules.get(role.id, ()):
        if matches(rule.when, package):
            total += rule.points
    for term in role.scoring.metrics:
        total += term.weight * metric_value(term, metrics, scenario)
    return round(total, 6)


def reservation_value(
    scenario: Scenario,
    role_id: str,
    adj: Adjustments = NO_ADJUSTMENTS,
    mode: str | None = None,
) -> float:
    """A role's reservation value in ``mode`` (its default without one) after events."""
    role = scenario.role(role_id)
    base = role.reservation if mode is None else role.reservation_for(mode)
    return base + adj.reservation.get(role_id, 0.0)


class Scorer:
    """Scores packages for one scenario, mode and set of played events, with caching.

    The metrics depend only on a few issues (:func:`metric_issues`), so they
    are cached by those choices; whole scores are cached by package.
    """

    def __init__(self, scenario: Scenario, mode: str, events: Iterable[str] = ()) -> None:
        self.scenario = scenario
        self.mode = scenario.mode(mode)
        self.adj = adjustments(scenario, events)
        self._metric_issues = metric_issues(scenario)
        self._metrics: dict[tuple[str | None, ...], Metrics] = {}
        self._scores: dict[tuple[str, ...], PackageScore] = {}
        self._reservations: dict[str, float] = {}

    @property
    def events(self) -> tuple[str, ...]:
        return self.adj.events

    def complete(self, live: Package) -> dict[str, str]:
        """Fill in presets; raises ``KeyError`` naming a missing live issue."""
        pkg = self.scenario.full_package(self.mode.name, live)
        for issue_id in self.mode.issues:
            if issue_id not in pkg:
                raise KeyError(issue_id)
        return pkg

    def metrics(self, package: Package) -> Metrics:
        key = tuple(package.get(i) for i in self._metric_issues)
        found = self._metrics.get(key)
        if found is None:
            found = plan_metrics(self.scenario, package, self.adj)
            self._metrics[key] = found
        return found

    def score(self, live: Package) -> PackageScore:
        package = self.complete(live)
        key = tuple(package.values())
        found = self._scores.get(key)
        if found is not None:
            return found
        metrics = self.metrics(package)
        scores = {
            role.id: role_score(self.scenario, role, package, metrics, self.adj)
            for role in self.scenario.roles
        }
        infeasible = tuple((i, o) for i, o in package.items() if (i, o) in self.adj.forbidden)
        found = PackageScore(package, scores, metrics, not infeasible, infeasible)
        self._scores[key] = found
        return found

    def reservation(self, role_id: str) -> float:
        found = self._reservations.get(role_id)
        if found is None:
            found = self._reservations[role_id] = reservation_value(
                self.scenario, role_id, self.adj, self.mode.name
            )
        return found

    def reservations(self) -> dict[str, float]:
        return {r.id: self.reservation(r.id) for r in self.scenario.roles}


def score_package(
    scenario: Scenario, mode: str, live: Package, events: Iterable[str] = ()
) -> PackageScore:
    """Score one package (live choices; presets are filled in) after ``events``."""
    return Scorer(scenario, mode, events).score(live)


def effective_quorum(scenario: Scenario, in_play: int) -> int:
    """Yes votes needed with ``in_play`` roles playing: the quorum scaled, rounded up."""
    total = len(scenario.roles)
    if in_play >= total:
        return scenario.agreement.quorum
    return max(1, -(-scenario.agreement.quorum * in_play // total))
