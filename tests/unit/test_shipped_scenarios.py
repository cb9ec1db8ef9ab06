"""Every shipped scenario, alike: a new file in scenarios/ is covered without a test change.

Each ``scenarios/*.yaml`` validates without a problem or warning, analyses in
both modes with a deal, plays a few bot games in both modes, renders every
briefing without a placeholder left, and prints. (Its schema check as editors
read it is in ``test_schema_yaml12``.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.scenario.briefing import render_briefing
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
MODES = ("short", "full")
GAMES = 2


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return json.loads(out)


@pytest.fixture(params=SCENARIOS, ids=lambda p: p.stem)
def scenario_file(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_there_are_shipped_scenarios() -> None:
    assert SCENARIOS


def test_validates_without_problems_or_warnings(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(scenario_file)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{scenario_file}: OK (")
    assert err == ""


@pytest.mark.parametrize("mode", MODES)
def test_analyses_with_a_deal(
    scenario_file: Path, mode: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "analyze", str(scenario_file), "--mode", mode, "--json")
    assert data["passes"] > 0
    assert data["no_room"] == []
    assert main(["analyze", str(scenario_file), "--mode", mode]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("mode", MODES)
def test_bots_play_it(scenario_file: Path, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(
        capsys, "simulate", str(scenario_file), "--mode", mode, "--games", str(GAMES), "--json"
    )
    assert len(data["games"]) == GAMES
    for game in data["games"]:
        assert set(game["scores"]) <= set(data["totals"]["reservations"])


def test_every_briefing_renders_and_prints(
    scenario_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = load_scenario(scenario_file)
    for mode in scenario.modes:
        for role in scenario.roles:
            text = render_briefing(scenario, role.id, mode)
            assert text.strip() and "{{" not in text, (role.id, mode)
    assert main(["print", str(scenario_file), "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    printed = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html"))
    assert "{{" not in printed
