"""Plan metrics planned once per schedule equal ``plan_metrics`` of every package."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.analysis.plans import grid_plan_metrics, metric_terms
from game.analysis.synthetic import synthetic_scenario
from game.paths import default_scenario
from game.scenario.adjust import adjustments
from game.scenario.loader import load_scenario
from game.scenario.metrics import metric_issues, plan_metrics
from game.scenario.model import Scenario
from game.scenario.scoring import metric_value


def _grid(scenario: Scenario, mode: str) -> tuple[list[str], list[tuple[str, ...]], dict[str, str]]:
    m = scenario.mode(mode)
    live = [i for i in scenario.issues if i.id in m.issues]
    axes = [i.id for i in live if i.id in metric_issues(scenario)]
    fixed = {**m.presets, **{i.id: i.option_ids[0] for i in live}}
    return axes, [scenario.issue(i).option_ids for i in axes], fixed


def _packages(scenario: Scenario, mode: str) -> list[dict[str, str]]:
    axes, options, fixed = _grid(scenario, mode)
    out = []
    for combo in itertools.product(*options):
        package = {**fixed, **dict(zip(axes, combo, strict=True))}
        out.append({i.id: package[i.id] for i in scenario.issues if i.id in package})
    return out


@pytest.mark.parametrize(
    ("scenario", "events"),
    [
        (load_scenario(default_scenario()), ()),
        (synthetic_scenario(5, roles=6, options=(3, 3, 2, 3), metric_issue_count=4), ()),
        (synthetic_scenario(6, roles=5, options=(3, 2, 3), metric_issue_count=3), None),
    ],
)
def test_same_metrics_and_terms_as_planning_every_package(
    scenario: Scenario, events: tuple[str, ...] | None
) -> None:
    played = tuple(e.id for e in scenario.events) if events is None else events
    adj = adjustments(scenario, played)
    packages = _packages(scenario, "full")
    found = grid_plan_metrics(scenario, *_grid(scenario, "full"), adj)
    expected = [plan_metrics(scenario, p, adj) for p in packages]
    assert list(found.metrics) == expected  # every field, floats exactly
    assert found.schedules < len(packages)  # schedules are shared
    terms = metric_terms(scenario, scenario.roles, found)
    plain = np.array(
        [
            [
                sum(t.weight * metric_value(t, m, scenario) for t in role.scoring.metrics)
                for role in scenario.roles
            ]
            for m in expected
        ]
    )
    assert np.array_equal(terms, plain)
