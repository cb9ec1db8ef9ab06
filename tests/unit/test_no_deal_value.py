"""One no-deal value: every place that scores "no deal" uses the role's reservation value.

The engine's outcome, ``analyze`` (the status quo's scores), the debrief report's
status-quo plan and the printed role sheet all show, for each role, the same
number for what it gets without agreement: its reservation value after the
events played.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_engine_helpers import go, in_round
from test_report_helpers import played_db

from game.analysis.summary import analyze, to_json
from game.engine import outcome
from game.printing.sheets import role_section
from game.report import build_debrief, load_session
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer

ROOT = Path(__file__).resolve().parents[2]


def test_engine_status_quo_scores_are_the_reservations(mini: Scenario) -> None:
    state = go(in_round(mini, "ontwerpen", mode="full"), "play_event", event="subsidie")
    result = outcome(go(state, "end"))
    expected = Scorer(mini, "full", ["subsidie"]).reservations()
    assert result["status_quo"]["scores"] == {r: expected[r] for r in result["roles"]}
    assert result["status_quo"]["scores"]["net"] == 40.0  # 35 + 5 from the event
    assert result["scores"] == result["status_quo"]["scores"]


@pytest.mark.parametrize("events", [(), ("subsidie",)])
def test_analysis_status_quo_scores_are_the_reservations(
    mini: Scenario, events: tuple[str, ...]
) -> None:
    data = to_json(analyze(mini, "full", events), 0.0)
    reservations = Scorer(mini, "full", events).reservations()
    assert data["status_quo"]["scores"] == {r: reservations[r] for r in data["roles_in_play"]}
    assert data["status_quo"]["scores"] == {r: v["reservation"] for r, v in data["room"].items()}


def test_leeuwaerdenhout_analysis_no_deal_is_the_sum_of_reservations() -> None:
    sc = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    data = to_json(analyze(sc, "short"), 0.0)
    assert sum(data["status_quo"]["scores"].values()) == pytest.approx(
        sum(r.reservation for r in sc.roles)
    )


def test_report_status_quo_plan_scores_are_the_reservations(tmp_path: Path) -> None:
    db, states = played_db(tmp_path)
    loaded = load_session(db)
    built = build_debrief(loaded.scenario, "short", list(states.values()))
    debrief: dict[str, Any] = built.to_json()
    for table in debrief["tables"]:
        status = table["plans"]["status_quo"]
        reservations = {r["id"]: r["reservation"] for r in table["roles"] if r["in_play"]}
        assert status["scores"] == pytest.approx(reservations), table["table"]
        assert status["joint"] == pytest.approx(sum(reservations.values()))


def test_role_sheet_states_the_reservation_as_the_no_deal_value(mini: Scenario) -> None:
    mode = mini.mode("full")
    for role in mini.roles:
        html = role_section(mini, role, mode)
        assert "zonder akkoord krijg je dit" in html
        assert f">{role.reservation:g} punten<" in html
