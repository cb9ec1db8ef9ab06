"""Broken-scenario cases: an edit of the mini fixture and where its problem must be reported."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.cli import main

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    marker: str
    message: str
    nth: int = 1


def write(tmp_path: Path, case: Case) -> tuple[Path, str]:
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    assert case.old in text, f"the mini fixture changed: {case.old!r} not found"
    edited = text.replace(case.old, case.new, 1)
    folder = tmp_path / "scenario"
    shutil.copytree(MINI, folder)
    path = folder / "broken.yaml"
    path.write_text(edited, encoding="utf-8")
    return path, edited


def line_of(text: str, marker: str, nth: int) -> int:
    found = -1
    for _ in range(nth):
        found = text.index(marker, found + 1)
    return text.count("\n", 0, found) + 1


def assert_reported_at_line(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Validate the edited fixture: exit 1, the message, at the marker's line."""
    path, edited = write(tmp_path, case)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    line = line_of(edited, case.marker, case.nth)
    matching = [p for p in err.splitlines() if case.message in p]
    assert matching, f"{case.message!r} not in:\n{err}"
    assert any(p.startswith(f"{path}:{line}:") for p in matching), err
