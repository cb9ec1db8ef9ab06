"""The text report of ``simulate`` as a trainer reads it: 80 columns, Dutch, no codes.

Carla runs ``botsende-belangen simulate --games 500`` in a terminal of 80
columns. Before this test the report was drawn 110 columns wide (so every row
of the roles table wrapped over two lines), named roles by their ids
(``kl_coordinator``), the mode by its code (``full``), wrote numbers as
``78.2`` and said ``1 stemmingen``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from game.bots.balance import balance, game_record
from game.bots.balance_view import notes, print_report
from game.bots.playtest import play_session
from game.cli import main
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
MINI = "tests/fixtures/mini/mini.yaml"

#: English words the Dutch report must not contain (and Dutch ones the English must not).
ENGLISH = re.compile(r"\b(full|short|games|ballots|role|proposals|mean|outcome|best plan)\b")
DUTCH = re.compile(r"\b(spellen|stemmingen|rol|voorstellen|gemiddeld|uitkomst|beste plan|ja)\b")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(LEEUWAERDENHOUT)


@pytest.fixture(scope="module")
def report(scenario: Scenario) -> dict[str, Any]:
    games = [game_record(play_session(scenario, "full", s), s - 1, s) for s in (1, 2, 3)]
    return balance(scenario, "full", games)


def _text(report: dict[str, Any], scenario: Scenario, lang: str, width: int = 80) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    print_report(report, scenario, "full", lang, console=console)
    return console.export_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fits_80_columns(report: dict[str, Any], scenario: Scenario, lang: str) -> None:
    text = _text(report, scenario, lang)
    too_wide = [line for line in text.splitlines() if len(line.rstrip()) > 80]
    assert not too_wide
    # every role on one line of the table (the old 110-column table wrapped each row)
    for role in scenario.roles:
        assert sum(role.label in line for line in text.splitlines()) >= 1
        row = next(line for line in text.splitlines() if line.strip().startswith(role.label))
        assert "%" in row


def test_roles_by_their_names_not_ids(report: dict[str, Any], scenario: Scenario) -> None:
    text = _text(report, scenario, "nl")
    for role in scenario.roles:
        assert role.label in text
        if role.id != role.label:
            assert not re.search(rf"\b{re.escape(role.id)}\b", text), role.id


def test_dutch_numbers_and_mode_label(report: dict[str, Any], scenario: Scenario) -> None:
    text = _text(report, scenario, "nl")
    assert "volledige versie (120 minuten)" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)
    assert re.search(r"\d,\d", text)  # decimal comma
    assert not re.search(r"\d\.\d", text)  # no decimal point
    english = _text(report, scenario, "en")
    assert "full version (120 minutes)" in english
    assert not DUTCH.search(english), DUTCH.search(english)
    assert not re.search(r"\d,\d", english)


def test_one_is_singular(scenario: Scenario, report: dict[str, Any]) -> None:
    one = json.loads(json.dumps(report))
    one["agreements"], one["games"] = 1, 1
    one["until_agreement"] = {"round": 3.0, "proposals": 1.0, "ballots": 1.0}
    text = _text(one, scenario, "nl")
    assert "1 spel," in text and "1 voorstel," in text and "1 stemming." in text
    assert "1 stemmingen" not in text and "1 spellen" not in text
    text = _text(one, scenario, "en")
    assert "1 game," in text and "1 proposal," in text and "1 ballot." in text


def test_warnings_are_sentences_with_role_names(scenario: Scenario, report: dict[str, Any]) -> None:
    hopeless = json.loads(json.dumps(report))
    role = next(iter(hopeless["roles"]))
    hopeless["roles"][role]["above"] = 0.02
    found = notes(hopeless, scenario, "nl")
    assert any(scenario.role(role).label in n and "kansloos" in n for n in found)
    assert any("10%" in n for n in found)


def test_command_reports_in_english_and_errors_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["simulate", MINI, "--games", "2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "2 games" in out and "spellen" not in out
    assert main(["simulate", MINI, "--games", "0"]) == 2
    assert "moet minstens 1 zijn" in capsys.readouterr().err
    assert main(["simulate", MINI, "--games", "0", "--lang", "en"]) == 2
    assert "must be at least 1" in capsys.readouterr().err
