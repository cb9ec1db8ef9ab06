"""A reservation value per mode (issue 15.5): one number per mode, used everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.space import build_space
from game.cli import main
from game.engine import new_game, player_view
from game.printing.sheets import role_section
from game.scenario.briefing import render_briefing
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer

PER_MODE = "reservation: {full: 60, short: 50}"


def _template(tmp_path: Path, reservation: str) -> Path:
    assert main(["new-scenario", "proef", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "proef.yaml"
    text = path.read_text(encoding="utf-8")
    old = "reservation: 55           #"
    assert old in text
    path.write_text(text.replace(old, f"{reservation}  #", 1), encoding="utf-8")
    return path


def test_one_number_serves_every_mode(mini: Scenario) -> None:
    for role in mini.roles:
        assert role.reservations == {}
        assert role.reservation_for("full") == role.reservation_for("short") == role.reservation


def test_reservation_per_mode_is_used_by_every_consumer(tmp_path: Path) -> None:
    scenario = load_scenario(_template(tmp_path, PER_MODE))
    role = scenario.role("gemeente")
    assert (role.reservation_for("full"), role.reservation_for("short")) == (60.0, 50.0)
    index = scenario.role_ids.index("gemeente")
    for mode, value in (("full", 60.0), ("short", 50.0)):
        assert Scorer(scenario, mode).reservation("gemeente") == value
        assert build_space(scenario, mode).reservation[index] == value
        state = new_game(scenario, mode, seed=1, now=0.0)
        assert player_view(state, "gemeente", 0.0)["me"]["reservation"] == value
        sheet = role_section(scenario, role, scenario.mode(mode))
        assert f'<div class="value">{value:g} punten</div>' in sheet
        assert f"Onder de\n{value:g} punten" in render_briefing(scenario, "gemeente", mode)


@pytest.mark.parametrize(
    ("reservation", "message"),
    [
        ("reservation: {full: 60}", "role 'gemeente' has no reservation for mode(s) 'short'"),
        (
            "reservation: {full: 60, short: 50, shrot: 4}",
            "unknown mode 'shrot' in 'reservation'; allowed: full, short (did you mean 'short'?)",
        ),
        ("reservation: {full: 60, short: 140}", "'short' must be a number from 0 to 100, got 140"),
    ],
)
def test_bad_reservations_per_mode_are_reported(
    tmp_path: Path, reservation: str, message: str
) -> None:
    path = _template(tmp_path, reservation)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    messages = [p.message for p in caught.value.problems]
    assert any(message in m for m in messages), messages
