"""Random but complete scenarios built from the model dataclasses, for tests and benchmarks.

:func:`synthetic_scenario` makes a scenario with the given roles and issues
that uses every scoring feature: points, interaction rules, every metric,
works with conditions, dependencies and deadlines, phasing and delays,
conflicts, presets, vetoes, non-core roles and events of every effect type.
Only the first ``metric_issue_count`` issues touch the execution plan.

By default the plan is small (three works, one of them conditional), so the
metric combinations share a handful of distinct schedules. ``plan_works=N``
adds ``N`` works that exist under random conditions on the metric issues
(with dependencies, deadlines and option delays) and as many conflicts, so
that the plan is at least as varied as Leeuwaerdenhout's full mode, whose
1,620 metric combinations give 324 distinct schedules (with ``plan_works=12``
and six metric issues of 5·3·3·3·3·4 options: 1,620 combinations, 664
schedules; ``benchmarks/analysis.py`` prints both counts). The extra works use
a random stream of their own: a scenario without them is the same as before.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from game.analysis.space import build_space
from game.scenario.model import (
    METRICS,
    Agreement,
    Condition,
    Conflict,
    Effect,
    Event,
    Issue,
    Meta,
    MetricTerm,
    Mode,
    Option,
    Role,
    Round,
    Rule,
    Scenario,
    Scoring,
    Segment,
    Work,
)

_SEGMENTS = (
    Segment("winkelstraat", "Winkelstraat", "shopping", (0, 0), (4, 0)),
    Segment("woonstraat", "Woonstraat", "residential", (4, 0), (4, 4)),
    Segment("plein", "Plein", "square", (1, 1), (2, 2)),
)
_PHASINGS = ("separate", "combined", "sequenced")


def _condition(rng: np.random.Generator, issues: tuple[Issue, ...], pool: int) -> Condition:
    count = int(rng.integers(1, min(2, pool) + 1))
    picked = rng.choice(pool, size=count, replace=False)
    cond: dict[str, tuple[str, ...]] = {}
    for a in sorted(int(p) for p in picked):
        opts = issues[a].option_ids
        k = int(rng.integers(1, len(opts) + 1))
        cond[issues[a].id] = tuple(str(o) for o in rng.choice(opts, size=k, replace=False))
    return cond


def _issues(rng: np.random.Generator, options: tuple[int, ...], metric_count: int) -> list[Issue]:
    issues = []
    for a, count in enumerate(options):
        plan = a < metric_count
        opts = []
        for o in range(count):
            opts.append(
                Option(
                    id=f"o{o}",
                    title=f"Optie {o}",
                    cost=float(rng.integers(0, 3)) / 2 if plan else 0.0,
                    phasing=_PHASINGS[o % 3] if a == 0 else None,
                    delays={"w1": int(rng.integers(0, 3))} if plan and a == 1 else {},
                )
            )
        issues.append(Issue(f"i{a}", f"Kwestie {a}", "plan" if plan else "design", tuple(opts)))
    return issues


def _role(
    rng: np.random.Generator, j: int, issues: tuple[Issue, ...], metric_count: int, veto: bool
) -> Role:
    points = {i.id: {o: float(rng.integers(-4, 9) * 5) for o in i.option_ids} for i in issues}
    rules = tuple(
        Rule(_condition(rng, issues, len(issues)), float(rng.integers(-3, 4) * 5))
        for _ in range(int(rng.integers(0, 3)))
    )
    terms: tuple[MetricTerm, ...] = ()
    if metric_count:
        metric = METRICS[j % len(METRICS)]
        terms = (
            MetricTerm(
                metric=metric,
                weight=float(rng.integers(-3, 1)) or -1.0,
                segments=("winkelstraat",) if metric in ("openings", "nuisance") else (),
                owner=f"r{j}" if metric in ("cost", "missed") and j < 3 else None,
            ),
        )
    return Role(
        id=f"r{j}",
        name=f"Rol {j}",
        organisation=f"Organisatie {j}",
        public="",
        briefing="",
        briefing_text="",
        reservation=0.0,
        scoring=Scoring(points=points, rules=rules, metrics=terms),
        core=j % 4 != 3,
        veto=veto,
    )


def _works(rng: np.random.Generator, issues: tuple[Issue, ...], metric_count: int) -> list[Work]:
    cond = _condition(rng, issues, metric_count) if metric_count else None
    return [
        Work("w0", "r0", "Riool", ("winkelstraat", "woonstraat"), 4, 0, 14, 1.0, 0.5),
        Work("w1", "r1", "Kabels", ("winkelstraat",), 2, 2, 8, 0.8, 0.3, after=("w0",)),
        Work("w2", "r2", "Groen", ("plein",), 2, int(rng.integers(0, 6)), None, 0, 0.2, when=cond),
    ]


def _rich_plan(
    seed: int, issues: tuple[Issue, ...], metric_count: int, roles: int, count: int
) -> tuple[tuple[Issue, ...], list[Work], list[Conflict]]:
    """``count`` extra works and conflicts under conditions on the metric issues, and
    option delays on them."""
    rng = np.random.default_rng(seed + 7_919)
    works: list[Work] = []
    conflicts: list[Conflict] = []
    segments = [s.id for s in _SEGMENTS]
    for k in range(count):
        picked = rng.choice(len(segments), size=int(rng.integers(1, 3)), replace=False)
        after = (f"x{int(rng.integers(0, k))}",) if k and rng.random() < 0.4 else ()
        works.append(
            Work(
                f"x{k}",
                f"r{int(rng.integers(0, roles))}",
                f"Werk {k}",
                tuple(segments[int(i)] for i in sorted(picked)),
                int(rng.integers(1, 6)),
                int(rng.integers(0, 8)),
                int(rng.integers(10, 24)) if rng.random() < 0.5 else None,
                float(rng.integers(0, 5)) / 4,
                float(rng.integers(1, 5)) / 4,
                after=after,
                when=_condition(rng, issues, metric_count),
            )
        )
        segment = segments[int(rng.integers(0, len(segments)))]
        involved = (f"x{k}",) if rng.random() < 0.5 else ()
        conflicts.append(
            Conflict(
                f"cx{k}", segment, f"Conflict {k}", _condition(rng, issues, metric_count), involved
            )
        )
    delayed = []
    for a, issue in enumerate(issues):
        if a >= metric_count or not count:
            delayed.append(issue)
            continue
        opts = tuple(
            dataclasses.replace(
                o, delays={**o.delays, f"x{int(rng.integers(0, count))}": int(rng.integers(0, 3))}
            )
            for o in issue.options
        )
        delayed.append(dataclasses.replace(issue, options=opts))
    return tuple(delayed), works, conflicts


def synthetic_scenario(
    seed: int,
    roles: int = 3,
    options: tuple[int, ...] = (3, 2, 2),
    metric_issue_count: int = 2,
    vetoes: int = 1,
    balance: float | None = 0.5,
    plan_works: int = 0,
) -> Scenario:
    """A random scenario; ``balance`` sets reservation values at that quantile of each role's
    scores in the full mode (``None``: random reservation values); ``plan_works`` adds
    works and conflicts that make the plan metrics as varied as a real scenario's."""
    rng = np.random.default_rng(seed)
    metric_count = min(metric_issue_count, len(options))
    issues = tuple(_issues(rng, options, metric_count))
    role_list = tuple(_role(rng, j, issues, metric_count, j < vetoes) for j in range(roles))
    if balance is None:
        role_list = tuple(
            dataclasses.replace(r, reservation=float(rng.integers(-2, 12) * 5)) for r in role_list
        )
    rounds = (Round("besluit", "Besluit", 10, "Stem.", ("vote",)),)
    half = len(issues) // 2
    short_presets = {i.id: i.option_ids[0] for i in issues[half + 1 :]}
    modes = {
        "full": Mode("full", rounds, tuple(i.id for i in issues)),
        "short": Mode("short", rounds, tuple(i.id for i in issues[: half + 1]), short_presets),
    }
    last = issues[-1]
    events = (
        Event(
            "vertraging",
            "Vertraging",
            "",
            (
                Effect("delay", work="w1", months=3),
                Effect("points", role="r0", issue=last.id, option=last.option_ids[0], delta=-10),
                Effect("reservation", role=role_list[-1].id, delta=5),
            ),
        ),
        Event(
            "tegenvaller",
            "Tegenvaller",
            "",
            (
                Effect("forbid", issue=last.id, option=last.option_ids[-1]),
                Effect("rule", roles=(role_list[0].id,), rule=Rule({issues[0].id: ("o0",)}, -10)),
                Effect("cost", issue=issues[0].id, option="o0", delta=0.5),
                Effect("deadline", work="w0", months=-4),
            ),
        ),
    )
    scenario = Scenario(
        meta=Meta(f"synthetic-{seed}", f"Synthetisch {seed}"),
        press_release="",
        area_name="Synthetisch",
        segments=_SEGMENTS,
        roles=role_list,
        issues=issues,
        works=tuple(_works(rng, issues, metric_count)),
        conflicts=(Conflict("c0", "winkelstraat", "Conflict", {issues[0].id: ("o0",)}, ("w1",)),),
        modes=modes,
        events=events,
        agreement=Agreement(quorum=max(1, -(-2 * roles // 3))),
        status_quo={i.id: i.option_ids[0] for i in issues},
    )
    if plan_works:
        rich_issues, extra_works, extra_conflicts = _rich_plan(
            seed, issues, metric_count, roles, plan_works
        )
        scenario = dataclasses.replace(
            scenario,
            issues=rich_issues,
            works=(*scenario.works, *extra_works),
            conflicts=(*scenario.conflicts, *extra_conflicts),
        )
    if balance is None:
        return scenario
    scores = build_space(scenario, "full").scores
    levels = np.quantile(scores, balance, axis=1, method="lower")
    balanced = tuple(
        dataclasses.replace(r, reservation=float(v)) for r, v in zip(role_list, levels, strict=True)
    )
    return dataclasses.replace(scenario, roles=balanced)
