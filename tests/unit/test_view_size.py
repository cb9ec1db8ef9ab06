"""A late full-mode view is small enough (issue 16.4): proposals carry their plan
metrics without the job list and the other plan detail, which the ``plan``
request gives; view plus fetched plans is what the whole metrics were."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.late_game import late_state
from game.engine import GameState, facilitator_view, player_view, room_view
from game.engine.view_parts import PLAN_DETAIL, plan_view
from game.server.encode import PartCatalog, ViewEncoder


def size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


@pytest.fixture(scope="module")
def late() -> GameState:
    return late_state()  # Leeuwaerdenhout, full mode, decision round, 50 proposals


def test_no_view_carries_the_plan_detail(late: GameState) -> None:
    role = late.scenario.role_ids[0]
    views = [
        player_view(late, role, 5000.0),
        room_view(late, 5000.0),
        facilitator_view(late, 5000.0),
        facilitator_view(late, 5000.0, private=False),
    ]
    for view in views:
        assert len(view["proposals"]) == 50
        for proposal in view["proposals"]:
            metrics = proposal["metrics"]
            assert not set(PLAN_DETAIL) & set(metrics), proposal["id"]
            # what the table, the cards and the map show stays in the view
            assert {"openings", "openings_total", "cost", "nuisance_total", "conflicts"} <= set(
                metrics
            )


def test_a_late_player_view_is_small(late: GameState) -> None:
    """Was 283 kB whole (240 kB of proposals) and 249 kB of parts at first connect."""
    role = late.scenario.role_ids[0]
    view = player_view(late, role, 5000.0)
    assert size(view) <= 100_000
    assert size(view["proposals"]) <= 55_000  # 50 proposals, about 1 kB each
    catalog = PartCatalog(ViewEncoder())
    raw = catalog.raw(player_view(late, role, 5000.0, shared=True))
    message = sum(len(k) + len(v) for k, v in raw.fields.items())
    parts = sum(len(v) for v in raw.parts.values())
    assert message <= 50_000  # the view a parts connection gets, proposals by reference
    assert parts <= 60_000  # its parts, sent once per connection (was 249 kB)


def test_the_view_and_the_fetched_plans_make_the_whole_metrics(late: GameState) -> None:
    view = player_view(late, late.scenario.role_ids[3], 5000.0)
    for proposal in view["proposals"]:
        plan = plan_view(late, proposal=proposal["id"])
        assert plan["package"] == proposal["package"] and plan["jobs"]
        joined = {**proposal["metrics"], **{k: plan[k] for k in PLAN_DETAIL}}
        score = late.score(proposal["package"])
        assert joined == {**score.metrics.to_json(), "feasible": score.feasible}
        assert plan_view(late, package=proposal["package"])["jobs"] == plan["jobs"]
