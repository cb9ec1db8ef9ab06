"""Shared fixtures: the mini scenario (every key of the format) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_scenario(MINI)
