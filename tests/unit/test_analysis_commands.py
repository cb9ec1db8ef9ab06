"""``analyze`` and ``export`` on the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from game.analysis.agreements import analyze_agreements
from game.analysis.space import build_space
from game.cli import main
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from tests.conftest import LEEUWAERDENHOUT, MINI


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["analyze", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_analyze_json_has_the_figures(mini: Scenario, capsys):
    data = _json(capsys, str(MINI), "--mode", "full")
    assert (data["packages"], data["passes"], data["unanimous"], data["pareto"]) == (27, 13, 9, 11)
    assert data["has_deal"] is True
    assert data["seconds"] >= 0
    assert set(data["room"]) == set(mini.role_ids)
    for key in ("max_welfare", "nash", "kalai"):
        plan = data[key]
        assert set(plan["package"]) == set(mini.issue_ids)
        assert set(plan["scores"]) == set(mini.role_ids)
    result = analyze_agreements(build_space(mini, "full"))
    assert data["max_welfare"]["welfare"] == pytest.approx(result.welfare(result.max_welfare))
    assert data["vetoes_that_matter"] == ["gemeente"]


def test_analyze_with_events_and_roles_in_play(capsys):
    data = _json(
        capsys, str(MINI), "--mode", "full", "--events", "subsidie", "--in-play", "gemeente", "net"
    )
    assert data["events"] == ["subsidie"]
    assert data["roles_in_play"] == ["gemeente", "net"]
    assert set(data["room"]) == {"gemeente", "net"}
    assert (data["feasible"], data["packages"]) == (18, 27)


def test_analyze_report_is_readable(capsys):
    assert main(["analyze", str(MINI), "--mode", "full"]) == 0
    out = capsys.readouterr().out
    assert "Onderhandelingsruimte" in out
    assert "Ruimte per rol" in out
    assert "Wethouder" in out
    assert "Veto dat ertoe doet" in out  # mini: one veto matters (gemeente)


def test_analyze_report_in_english(capsys):
    assert main(["analyze", str(MINI), "--mode", "short", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Agreement space" in out and "Room per role" in out


def test_analyze_invalid_scenario_exits_1_with_problems(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {id: x}\nroles: 3\n", encoding="utf-8")
    assert main(["analyze", str(bad), "--mode", "full"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad.yaml:" in captured.err
    assert "Traceback" not in captured.err


def test_analyze_mode_is_full_or_short_like_simulate_and_host(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(MINI), "--mode", "lang"])
    assert exit_info.value.code == 2
    assert "ongeldige keuze: 'lang'" in capsys.readouterr().err  # argparse speaks Dutch


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--mode", "full", "--events", "onweer"], "onbekende gebeurtenis onweer (wel: "),
        (["--mode", "full", "--in-play", "koning"], "onbekende rol koning (wel: "),
        (
            ["--mode", "short", "--events", "subsidie"],
            "gebeurtenis subsidie hoort niet bij spelvorm short (wel: vertraging)",
        ),
        (
            ["--mode", "short", "--events", "subsidie", "--lang", "en"],
            "event subsidie is not played in mode short (its events: vertraging)",
        ),
    ],
)
def test_analyze_bad_option_exits_1(extra, message, capsys):
    assert main(["analyze", str(MINI), *extra]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.skipif(not LEEUWAERDENHOUT.exists(), reason="scenario not written yet")
def test_analyze_shipped_scenario_by_name(capsys):
    data = _json(capsys, "leeuwaerdenhout", "--mode", "short")
    assert data["scenario"] == "leeuwaerdenhout"
    assert data["packages"] > 0


def test_export_npz(mini: Scenario, tmp_path: Path, capsys):
    target = tmp_path / "mini.npz"
    assert main(["export", str(MINI), "--mode", "full", "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with np.load(target) as npz:
        utilities = npz["utilities"]
        assert utilities.shape == (27, 3) and utilities.dtype == np.float64
        assert list(npz["roles"]) == list(mini.role_ids)
        assert list(npz["issue_ids"]) == ["ontwerp", "fasering", "kosten"]
        assert npz["packages"].shape == (27, 3)
        assert npz["reservation"].tolist() == [40.0, 35.0, 20.0]
        assert npz["passes"].dtype == bool and int(npz["passes"].sum()) == 13
        assert int(npz["unanimous"].sum()) == 9
        pareto = npz["pareto"]
        space = build_space(mini, "full")
        for k in pareto:
            row = npz["packages"][k]
            choice = {
                i: mini.issue(i).option_ids[o] for i, o in zip(npz["issue_ids"], row, strict=True)
            }
            assert space.index_of(choice) == k
            np.testing.assert_allclose(utilities[k], space.utilities[k])
        assert npz["passes"][pareto].all()


def test_export_to_missing_directory_exits_1(tmp_path: Path, capsys):
    target = tmp_path / "nope" / "out.npz"
    assert main(["export", str(MINI), "--mode", "full", "-o", str(target)]) == 1
    assert f"de map {target.parent} bestaat niet" in capsys.readouterr().err
    assert not target.exists()


def test_piped_report_keeps_titles_whole_and_room_adds_up(capsys, monkeypatch):
    """Issue 15.9: piped output splits no word (it wraps between words, at the
    width Rich finds: 80 here); Ruimte = Beste − Reserve as shown."""
    monkeypatch.setenv("COLUMNS", "80")
    scenario = load_scenario(LEEUWAERDENHOUT)
    data = _json(capsys, "leeuwaerdenhout", "--mode", "full")
    assert main(["analyze", "leeuwaerdenhout", "--mode", "full"]) == 0
    lines = capsys.readouterr().out.splitlines()
    words = {w for line in lines for w in line.split()}
    plans = [data[k] for k in ("max_welfare", "nash", "kalai") if data[k]]
    for plan in plans:
        for issue_id, option_id in plan["package"].items():
            issue = scenario.issue(issue_id)
            title = issue.option(option_id).title
            assert set(issue.title.split()) | set(title.split()) <= words, title
    rows = [ln for ln in lines if re.search(r"│\s+[\d,]+ │\s+[\d,]+ │\s+[−\d,]+ │", ln)]
    assert len(rows) == len(data["room"])
    for row in rows:
        reserve, best, room = (
            float(x.replace(",", ".").replace("−", "-"))
            for x in re.findall(r"│\s+([−\d]+,\d) ", row)[:3]
        )
        assert round(best - reserve, 1) == room, row
