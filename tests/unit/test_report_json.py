"""``report --format json``: the debrief's data against the engine and the scorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_report_helpers import DOMINATED, PARKEREN_SAMEN, played_db

from game.cli import main
from game.engine import GameState, outcome
from game.report import build_debrief, load_session
from game.scenario.scoring import Scorer

TOP_KEYS = {"format", "version", "scenario", "tables", "comparison"}
TABLE_KEYS = {
    "table", "phase", "round", "revealed", "version", "events", "roles_in_play", "agreement",
    "joint", "cleared", "roles", "failed", "analysis", "better", "plans", "timeline", "proposals",
    "talk", "indicators",
}  # fmt: skip


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, GameState]]:
    return played_db(tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def report(session: tuple[Path, dict[int, GameState]]) -> dict[str, Any]:
    db, _ = session
    out = db.parent / "debrief.json"
    assert main(["report", str(db), "--format", "json", "-o", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_keys_and_tables(report: dict[str, Any]) -> None:
    assert set(report) == TOP_KEYS
    assert report["format"] == "botsende-belangen/debrief" and report["version"] == 1
    assert report["scenario"]["id"] == "mini" and report["scenario"]["mode"] == "short"
    assert [t["table"] for t in report["tables"]] == [1, 2, 3]
    for table in report["tables"]:
        assert set(table) == TABLE_KEYS
    assert [row["table"] for row in report["comparison"]] == [1, 2, 3]
    assert report["scenario"]["lessons"][0]["value"] == "openness"


def test_scores_match_the_engine_outcome(
    report: dict[str, Any], session: tuple[Path, dict[int, GameState]]
) -> None:
    _, states = session
    for table in report["tables"]:
        expected = outcome(states[table["table"]])
        roles = {r["id"]: r for r in table["roles"]}
        for role, score in expected["scores"].items():
            assert roles[role]["score"] == round(score, 2)
            assert roles[role]["reservation"] == round(expected["reservations"][role], 2)
        assert table["joint"] == round(expected["joint"], 2)
        assert table["agreement"]["reached"] == expected["agreement"]
        assert (
            table["indicators"]["table"]["openness"]
            == (expected["indicators"]["table"]["openness"])
        )


def test_agreement_on_a_dominated_package(report: dict[str, Any]) -> None:
    table = report["tables"][0]
    assert table["agreement"]["proposal"] == "P2"
    assert table["agreement"]["package"] == {**DOMINATED, "kosten": "gedeeld"}
    assert table["agreement"]["signatures"] == ["gemeente", "net"]
    assert table["analysis"]["pareto_efficient"] is False
    assert table["analysis"]["max_joint"] == 193.4
    assert table["analysis"]["share_of_max"] == round(table["joint"] / 193.4, 4)
    assert table["analysis"]["nash"]["package"] == {**PARKEREN_SAMEN, "kosten": "gedeeld"}


def _check_better(table: dict[str, Any], scorer: Scorer) -> None:
    outcome_scores = {r["id"]: r["score"] for r in table["roles"] if r["in_play"]}
    assert table["better"]["count"] >= len(table["better"]["best"]) > 0
    for package in table["better"]["best"]:
        scored = scorer.score(package["package"])
        for role, own in outcome_scores.items():
            assert scored.scores[role] >= own
            assert package["scores"][role] == round(scored.scores[role], 2)
        assert any(scored.scores[r] > own for r, own in outcome_scores.items())
        assert package["passes"] is True


def test_better_packages_after_agreement_and_without(
    report: dict[str, Any], session: tuple[Path, dict[int, GameState]]
) -> None:
    _, states = session
    mini = states[1].scenario
    first, second = report["tables"][0], report["tables"][1]
    _check_better(first, Scorer(mini, "short"))
    assert first["better"]["count"] == 1
    assert first["better"]["best"][0]["package"] == {**PARKEREN_SAMEN, "kosten": "gedeeld"}
    _check_better(second, Scorer(mini, "short", ["vertraging"]))
    assert second["better"]["count"] == 3  # every unanimous package beats no deal


def test_openings_of_outcome_status_quo_and_best_plan(
    report: dict[str, Any], session: tuple[Path, dict[int, GameState]]
) -> None:
    mini = session[1][1].scenario
    scorer = Scorer(mini, "short")
    plans = report["tables"][0]["plans"]
    agreed = scorer.score(DOMINATED).metrics
    status_quo = scorer.score(mini.status_quo).metrics
    assert plans["outcome"]["openings"] == dict(agreed.openings)
    assert plans["outcome"]["openings_total"] == agreed.openings_total == 4
    assert plans["status_quo"]["openings"] == dict(status_quo.openings)
    assert plans["status_quo"]["openings_total"] == 3
    assert plans["best"]["basis"] == "fewest_openings"
    assert plans["best"]["openings_total"] == 2 < plans["outcome"]["openings_total"]
    no_deal = report["tables"][1]["plans"]["outcome"]
    assert no_deal["status_quo"] is True and no_deal["package"] == dict(mini.status_quo)


def test_proposals_talk_and_reveal_flags(report: dict[str, Any]) -> None:
    first, second, third = report["tables"]
    props = {p["id"]: p for p in first["proposals"]}
    assert props["P3"]["parent"] == "P2" and props["P3"]["support"] == ["winkels"]
    assert props["P1"]["objections"] == ["gemeente"]
    assert props["P2"]["agreement"] is True and props["P2"]["ballots"][0]["yes"] == 3
    assert props["P1"]["minute"] == 2.0  # 220 s against the start at 100 s
    talk = first["talk"]
    assert talk["private"]["net"]["gemeente"] == 2 and talk["private"]["winkels"]["net"] == 1
    assert talk["public"] == {"gemeente": 1, "net": 0, "winkels": 0}
    assert second["events"][0]["id"] == "vertraging"
    assert second["agreement"]["reached"] is False
    assert second["proposals"][0]["ballots"][0]["reason"] == "veto:gemeente"
    assert first["revealed"] and second["revealed"] and not third["revealed"]
    assert third["talk"]["private"]["gemeente"]["winkels"] == 1  # shown anyway, flagged
    assert "Samen" not in json.dumps(report)  # counts only, never the texts


def test_build_debrief_on_states_gives_the_same_data(
    report: dict[str, Any], session: tuple[Path, dict[int, GameState]]
) -> None:
    db, states = session
    loaded = load_session(db)
    again = build_debrief(
        loaded.scenario,
        "short",
        list(states.values()),
        started=loaded.started,
        timelines=loaded.timelines,
    )
    assert json.loads(json.dumps(again.to_json())) == report


def test_one_table(session: tuple[Path, dict[int, GameState]], capsys: Any) -> None:
    db, _ = session
    assert main(["report", str(db), "--table", "2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["table"] for t in data["tables"]] == [2]


def test_best_plan_is_the_one_the_terminal_debrief_shows(
    report: dict[str, Any], session: tuple[Path, dict[int, GameState]]
) -> None:
    """The HTML/JSON report and the engine's reveal name the same best plan."""
    from game.engine import player_view

    _, states = session
    compared = 0
    for table in report["tables"]:
        state = states[table["table"]]
        if not state.revealed:
            continue
        view = player_view(state, state.scenario.role_ids[0], now=0.0)
        possible = view["reveal"]["possible"]["best_plan"]
        best = table["plans"]["best"]
        assert best["package"] == possible["package"]
        assert best["basis"] == (
            "fewest_openings" if possible["basis"] == "better" else "fewest_openings_passing"
        )
        compared += 1
    assert compared == 2
