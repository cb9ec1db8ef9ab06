"""The execution plan of a package and the metrics derived from it.

Model (documented for trainers in ``docs/scenario-guide.md``):

* A work exists when its ``when`` condition holds. It is dug in each of its
  segments; each (work, segment) pair is a *job* of ``months`` months.
* A job starts no earlier than the work's ``start`` plus the delays of the
  chosen options and of the events played, and no earlier than the end of the
  jobs it comes ``after`` in the same segment.
* The package's phasing (the ``phasing`` of a chosen plan option; ``separate``
  when none sets one) decides the trenches:

  - ``separate``: every job opens the street on its own;
  - ``combined``: all jobs in a segment share one trench that opens when the
    last of them may start and lasts ``max + overhead × (sum − max)`` months;
  - ``sequenced``: like combined, but segments are done one after another in
    the scenario's segment order; shopping streets stay reachable, so their
    nuisance counts with ``access_factor``.

* A shared trench saves ``combine_saving`` of its jobs' civil cost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.scenario.adjust import NO_ADJUSTMENTS, Adjustments
from game.scenario.model import Package, Scenario, Work, matches


@dataclass(frozen=True)
class Job:
    work: str
    owner: str
    segment: str
    start: float
    end: float
    trench: int
    """Index of the trench (street opening) this job is dug in."""


@dataclass(frozen=True)
class Metrics:
    phasing: str
    openings: Mapping[str, int]
    """Segment id → times the street is opened (every segment present)."""
    nuisance: Mapping[str, float]
    """Segment id → months the street is open, access-weighted."""
    cost: float
    """Total cost in M€: options, works' own cost and civil cost after sharing."""
    cost_by_owner: Mapping[str, float]
    """Role id → its works' own cost plus its civil cost after sharing."""
    saved: float
    """Civil cost saved by sharing trenches, M€."""
    missed: tuple[str, ...]
    """Ids of works that finish after their deadline."""
    conflicts: tuple[str, ...]
    """Ids of underground conflicts that occur."""
    duration: float
    """Month the last job ends (0 when nothing is dug)."""
    jobs: tuple[Job, ...]
    works: tuple[str, ...]
    """Ids of the works that exist under this package."""

    @property
    def openings_total(self) -> int:
        return sum(self.openings.values())

    @property
    def nuisance_total(self) -> float:
        return sum(self.nuisance.values())

    def to_json(self) -> dict[str, object]:
        return {
            "phasing": self.phasing,
            "openings": dict(self.openings),
            "openings_total": self.openings_total,
            "nuisance": {k: round(v, 2) for k, v in self.nuisance.items()},
            "nuisance_total": round(self.nuisance_total, 2),
            "cost": round(self.cost, 3),
            "cost_by_owner": {k: round(v, 3) for k, v in self.cost_by_owner.items()},
            "saved": round(self.saved, 3),
            "missed": list(self.missed),
            "conflicts": list(self.conflicts),
            "duration": round(self.duration, 2),
            "works": list(self.works),
            "jobs": [
                {
                    "work": j.work,
                    "owner": j.owner,
                    "segment": j.segment,
                    "start": round(j.start, 2),
                    "end": round(j.end, 2),
                    "trench": j.trench,
                }
                for j in self.jobs
            ],
        }


def metric_issues(scenario: Scenario) -> tuple[str, ...]:
    """Issues whose choice can change the metrics (works, phasing, delays, conflicts, cost)."""
    used: set[str] = set()
    for w in scenario.works:
        if w.when:
            used.update(w.when)
    for c in scenario.conflicts:
        used.update(c.when)
    for issue in scenario.issues:
        if any(o.phasing or o.delays or o.cost for o in issue.options):
            used.add(issue.id)
    for e in scenario.events:
        for eff in e.effects:
            if eff.type == "cost" and eff.issue:
                used.add(eff.issue)
    return tuple(i.id for i in scenario.issues if i.id in used)


def _phasing(scenario: Scenario, package: Package) -> str:
    for issue in scenario.issues:
        chosen = package.get(issue.id)
        if chosen is None:
            continue
        opt = issue.option(chosen)
        if opt.phasing:
            return opt.phasing
    return "separate"


def _order(works: list[Work]) -> list[Work]:
    """Works ordered so that each comes after the works it depends on."""
    by_id = {w.id: w for w in works}
    done: set[str] = set()
    out: list[Work] = []

    def visit(w: Work, stack: frozenset[str]) -> None:
        if w.id in done or w.id in stack:
            return
        for dep in w.after:
            if dep in by_id:
                visit(by_id[dep], stack | {w.id})
        done.add(w.id)
        out.append(w)

    for w in works:
        visit(w, frozenset())
    return out


def plan_metrics(
    scenario: Scenario, package: Package, adj: Adjustments = NO_ADJUSTMENTS
) -> Metrics:
    """Schedule the works of ``package`` (a complete package) and derive its metrics."""
    st = scenario.settings
    phasing = _phasing(scenario, package)
    option_delays: dict[str, int] = {}
    option_cost = 0.0
    for issue in scenario.issues:
        chosen = package.get(issue.id)
        if chosen is None:
            continue
        opt = issue.option(chosen)
        option_cost += opt.cost + adj.costs.get((issue.id, chosen), 0.0)
        for work_id, months in opt.delays.items():
            option_delays[work_id] = option_delays.get(work_id, 0) + months

    active = _order([w for w in scenario.works if matches(w.when, package)])
    earliest = {
        w.id: w.start + option_delays.get(w.id, 0) + adj.delays.get(w.id, 0) for w in active
    }

    # Separate starts respect same-segment dependencies.
    sep_start: dict[tuple[str, str], float] = {}
    sep_end: dict[tuple[str, str], float] = {}
    for w in active:
        for seg in w.segments:
            start = float(earliest[w.id])
            for dep in w.after:
                if (dep, seg) in sep_end:
                    start = max(start, sep_end[(dep, seg)])
            sep_start[(w.id, seg)] = start
            sep_end[(w.id, seg)] = start + w.months

    seg_kind = {s.id: s.kind for s in scenario.segments}
    jobs: list[Job] = []
    openings = {s.id: 0 for s in scenario.segments}
    nuisance = {s.id: 0.0 for s in scenario.segments}
    civil_by_owner: dict[str, float] = {}
    saved = 0.0
    trench = 0

    if phasing == "separate":
        for w in active:
            for seg in w.segments:
                start, end = sep_start[(w.id, seg)], sep_end[(w.id, seg)]
                jobs.append(Job(w.id, w.owner, seg, start, end, trench))
                trench += 1
                openings[seg] += 1
                nuisance[seg] += w.months
                civil_by_owner[w.owner] = civil_by_owner.get(w.owner, 0.0) + w.civil_cost
    else:
        previous_end = 0.0
        for segment in scenario.segments:
            members = [w for w in active if segment.id in w.segments]
            if not members:
                continue
            start = max(float(earliest[w.id]) for w in members)
            if phasing == "sequenced":
                start = max(start, previous_end)
            spans = [w.months for w in members]
            length = max(spans) + st.combine_overhead * (sum(spans) - max(spans))
            end = start + length
            previous_end = end
            shared = len(members) > 1
            for w in members:
                jobs.append(Job(w.id, w.owner, segment.id, start, end, trench))
                civil = w.civil_cost * ((1 - st.combine_saving) if shared else 1.0)
                civil_by_owner[w.owner] = civil_by_owner.get(w.owner, 0.0) + civil
                if shared:
                    saved += w.civil_cost * st.combine_saving
            trench += 1
            openings[segment.id] += 1
            factor = (
                st.access_factor
                if phasing == "sequenced" and seg_kind[segment.id] == "shopping"
                else 1.0
            )
            nuisance[segment.id] += length * factor

    finish: dict[str, float] = {}
    for job in jobs:
        finish[job.work] = max(finish.get(job.work, 0.0), job.end)
    missed = []
    for w in active:
        if w.deadline is None:
            continue
        deadline = w.deadline + adj.deadlines.get(w.id, 0)
        if finish.get(w.id, 0.0) > deadline + 1e-9:
            missed.append(w.id)

    cost_by_owner: dict[str, float] = {}
    for w in active:
        cost_by_owner[w.owner] = cost_by_owner.get(w.owner, 0.0) + w.cost
    for owner, civil in civil_by_owner.items():
        cost_by_owner[owner] = cost_by_owner.get(owner, 0.0) + civil
    total = option_cost + sum(cost_by_owner.values())

    active_ids = {w.id for w in active}
    conflicts = tuple(
        c.id
        for c in scenario.conflicts
        if matches(c.when, package) and all(wid in active_ids for wid in c.works)
    )
    return Metrics(
        phasing=phasing,
        openings=openings,
        nuisance=nuisance,
        cost=total,
        cost_by_owner=cost_by_owner,
        saved=saved,
        missed=tuple(missed),
        conflicts=conflicts,
        duration=max((j.end for j in jobs), default=0.0),
        jobs=tuple(jobs),
        works=tuple(w.id for w in active),
    )
