"""``simulate`` with the negotiating bots: the balance report, JSON, determinism."""

from __future__ import annotations

import json
from typing import Any

import pytest

from game.cli import main

MINI = "tests/fixtures/mini/mini.yaml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["simulate", MINI, *argv]) == 0
    return capsys.readouterr().out


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    return json.loads(_run(capsys, *argv, "--json"))


def test_same_seed_same_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--mode", "full", "--games", "4", "--seed", "21", "--events", "1")
    first = _run(capsys, *argv, "--json")
    assert _run(capsys, *argv, "--json") == first
    other = _run(
        capsys, "--mode", "full", "--games", "4", "--seed", "22", "--events", "1", "--json"
    )
    assert other != first


def test_balance_report_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--mode", "short", "--games", "6", "--seed", "3")
    report = data["balance"]
    games = data["games"]
    assert report["games"] == 6 and data["temperaments"] == "mix"
    assert report["agreements"] == sum(g["agreement"] for g in games)
    assert report["agreement_rate"] == round(report["agreements"] / 6, 4)
    net = report["roles"]["net"]
    scores = sorted(g["scores"]["net"] for g in games)
    assert (net["min"], net["max"]) == (scores[0], scores[-1])
    assert net["reservation"] == 35.0
    assert net["above"] == round(sum(s > 35.0 for s in scores) / 6, 4)
    assert set(report["vetoes"]) == {"gemeente"}  # the mini scenario's only veto role
    assert report["plan"]["status_quo"]["openings_total"] > 0
    assert report["plan"]["best"]["package"]["kosten"] == "gedeeld"  # the short mode's preset
    assert report["rejected_moves"] == 0
    kinds = {t["name"] for g in games for t in g["temperaments"].values()}
    assert kinds <= {"boulware", "linear", "conceder"}


def test_one_temperament_for_all(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--mode", "full", "--games", "2", "--temperaments", "boulware")
    names = {t["name"] for g in data["games"] for t in g["temperaments"].values()}
    assert names == {"boulware"}


def test_readable_report_has_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "--mode", "full", "--games", "3")
    for text in ("3 spellen", "ondergrens", "Wethouder", "veto", "status quo", "beste plan"):
        assert text in out


def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", MINI, "--games", "1", "--events", "-1"]) == 2
    assert "--events" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["simulate", MINI, "--temperaments", "stubborn"])
