"""``simulate --workers``: the same games whatever the number of processes; progress lines."""

from __future__ import annotations

import pytest

from game.cli import main

MINI = "tests/fixtures/mini/mini.yaml"


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    assert main(["simulate", *argv]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


@pytest.mark.parametrize(
    "argv",
    [
        (MINI, "--mode", "full", "--games", "5", "--seed", "4", "--events", "1"),
        ("leeuwaerdenhout", "--mode", "short", "--games", "3", "--seed", "11"),
    ],
)
def test_same_results_for_any_number_of_workers(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    one, _ = _out(capsys, *argv, "--json", "--workers", "1")
    assert '"games"' in one
    for workers in ("2", "3"):
        assert _out(capsys, *argv, "--json", "--workers", workers)[0] == one


def test_progress_as_plain_lines_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    _, err = _out(capsys, MINI, "--games", "20", "--workers", "2")
    lines = err.splitlines()
    assert lines[-1] == "simuleren: 20 van 20 spellen"
    assert len(lines) == 10  # a line per tenth of the games, not one per game


def test_workers_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", MINI, "--games", "2", "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err
