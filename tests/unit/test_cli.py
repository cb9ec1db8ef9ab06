"""The command line: every documented subcommand is there, usage errors exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import build_parser, main
from game.commands.common import load_for_command

DOCUMENTED = (
    "play", "host", "join", "screen", "validate", "analyze", "simulate",
    "report", "schema", "new-scenario", "export", "print", "web",
)  # fmt: skip


def test_every_documented_command_is_registered() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(DOCUMENTED) <= set(sub.choices)  # type: ignore[arg-type]


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "botsende-belangen" in capsys.readouterr().err


def test_unknown_command_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["dance"])
    assert exc.value.code == 2


def test_python_dash_m_game_runs_the_same_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "game", "--version"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert "botsende-belangen" in out.stdout


def test_a_missing_mode_is_named_with_the_modes_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert load_for_command("tests/fixtures/mini/mini.yaml", "lang") is None
    assert "geen spelvorm lang (wel: full, short)" in capsys.readouterr().err
    assert load_for_command("tests/fixtures/mini/mini.yaml", "lang", "en") is None
    assert "no mode lang (it has: full, short)" in capsys.readouterr().err
    assert load_for_command("tests/fixtures/mini/mini.yaml", "short") is not None


def test_commands_report_every_scenario_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {id: x}\nroles: 3\n", encoding="utf-8")
    assert main(["simulate", str(bad), "--mode", "short", "--games", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:8:" in err


def test_only_the_named_command_is_imported() -> None:
    code = (
        "import sys\n"
        "from game.cli import main\n"
        "main(['schema'])\n"
        "assert 'textual' not in sys.modules, 'schema imported textual'\n"
        "assert 'game.commands.join' not in sys.modules\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert '"$schema"' in out.stdout
