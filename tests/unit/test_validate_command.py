"""The ``validate`` command: exit codes, the OK line, several files, usage errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.paths import default_scenario
from game.scenario.loader import Problem, ScenarioError, load_scenario

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    path = folder / "broken.yaml"
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_valid_file_prints_ok_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = MINI / "mini.yaml"
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: OK (3 rollen, 3 kwesties, spelvormen full/short)\n"
    assert err == ""


def test_one_bad_file_among_good_ones_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = broken_copy(tmp_path, "  quorum: 2", "  quorum: 9")
    good = MINI / "mini.yaml"
    assert main(["validate", str(good), str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert out.count(": OK (") == 2
    assert err.splitlines() == [f"{bad}:134:11: quorum 9 is more than the 3 roles in the scenario"]


def test_no_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--strictest", str(MINI / "mini.yaml")])
    assert exit_info.value.code == 2
    assert "--strictest" in capsys.readouterr().err


def test_skip_playability(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = broken_copy(tmp_path, "    reservation: 35", "    reservation: 95")
    assert main(["validate", str(path)]) == 1
    assert "is not playable" in capsys.readouterr().err
    assert main(["validate", "--skip-playability", str(path)]) == 0
    assert ": OK (" in capsys.readouterr().out


def test_problems_are_sorted_and_formatted(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "  quorum: 2", "  quorum: 9\n  quorom: 1")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problems = info.value.problems
    assert problems == sorted(problems)
    assert all(isinstance(p, Problem) for p in problems)
    assert [str(p) for p in problems] == [
        f"{path}:134:11: quorum 9 is more than the 3 roles in the scenario",
        f"{path}:135:3: unknown key 'quorom' in 'agreement' (did you mean 'quorum'?)",
    ]
    assert str(info.value) == "\n".join(str(p) for p in problems)


def test_loaded_scenario_matches_the_file() -> None:
    scenario = load_scenario(MINI / "mini.yaml", playable=True)
    assert scenario.role("gemeente").briefing_text.startswith("# Briefing gemeente")
    assert scenario.mode("short").issues == ("ontwerp", "fasering")
    assert scenario.issue("fasering").option("per_straat").delays == {"kabels": 2}


def test_shipped_scenario_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(default_scenario())]) == 0, capsys.readouterr().err


def test_a_role_that_is_not_core_without_room_gets_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Playability covers every role, not only the core ones (issue 15.6)."""
    assert main(["new-scenario", "proef", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "proef.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  - id: ondernemers")
    text = text[:at] + text[at:].replace("reservation: 45", "reservation: 80", 1)
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{path}: OK")
    line = text.count("\n", 0, text.index("reservation: 80", at)) + 1
    warnings = err.splitlines()
    assert len(warnings) == 2, warnings
    for mode, warning in zip(("full", "short"), warnings, strict=True):
        assert warning.startswith(f"{path}:{line}:18: warning: role 'ondernemers' (not core) ")
        assert f"has no room in mode '{mode}'" in warning
        assert "its reservation is 80 (room -" in warning
