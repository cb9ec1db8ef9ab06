"""``botsende-belangen simulate``: headless bot games, JSON output, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.bots import SimpleBot
from game.bots.headless import play_game
from game.cli import main
from game.engine import outcome, player_view
from game.scenario.model import Scenario

MINI = "tests/fixtures/mini/mini.yaml"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["simulate", MINI, *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_simulate_json_has_games_and_totals(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--mode", "full", "--games", "3", "--seed", "4")
    assert [g["seed"] for g in data["games"]] == [4, 5, 6]
    game = data["games"][0]
    assert set(game["scores"]) == {"gemeente", "net", "winkels"}
    assert game["reservations"] == {"gemeente": 40.0, "net": 35.0, "winkels": 20.0}
    assert (game["package"] is None) != game["agreement"]
    assert "openings_total" in game["metrics"]
    assert data["totals"]["games"] == 3
    assert data["totals"]["agreements"] == sum(g["agreement"] for g in data["games"])


def test_same_seed_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", MINI, "--mode", "short", "--games", "3", "--seed", "9", "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["simulate", MINI, "--mode", "short", "--games", "3", "--seed", "9", "--json"]) == 0
    assert capsys.readouterr().out == first


def test_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", MINI, "--mode", "short", "--games", "2"]) == 0
    out = capsys.readouterr().out
    assert "2 spellen" in out and "Winkeliers" in out


def test_bad_scenario_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["simulate", str(tmp_path / "nope.yaml"), "--games", "1"]) == 1
    assert "nope.yaml" in capsys.readouterr().err
    assert main(["simulate", MINI, "--games", "0"]) == 2


def test_bots_reach_agreements_the_scorer_confirms(mini: Scenario) -> None:
    state = play_game(mini, "full", seed=2)
    result = outcome(state)
    assert state.phase == "ended" and result["agreement"]
    assert len(state.proposals) >= 2
    passed = next(b for b in state.ballots if b.passed)
    for role, choice in passed.votes.items():  # bots vote yes only above their reservation
        assert (choice == "yes") == result["cleared"][role]


def test_simple_bot_decides_from_its_view_only(mini: Scenario) -> None:
    import random

    from test_engine_helpers import in_round

    state = in_round(mini, "ontwerpen")
    view = player_view(state, "gemeente", 0.0)
    moves = SimpleBot("gemeente").decide(view, random.Random(1))
    proposals = [m for m in moves if m["type"] == "propose"]
    assert len(proposals) == 1
    assert set(proposals[0]["data"]["package"]) == {"ontwerp", "fasering"}
    assert (
        SimpleBot("gemeente").decide(player_view(state, "gemeente", 0.0), random.Random(1)) == moves
    )
