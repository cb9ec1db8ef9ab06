"""The command line: every documented subcommand is there, usage errors exit 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.cli import build_parser, main

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
