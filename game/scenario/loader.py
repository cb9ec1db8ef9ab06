"""Load a scenario file: parse YAML with line marks, validate, build the model.

``load_scenario(path)`` returns a :class:`~game.scenario.model.Scenario` or
raises :class:`ScenarioError` carrying every problem found, each with file,
line and column. It never lets another exception escape for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from game.scenario.build import build_scenario
from game.scenario.model import Scenario


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class ScenarioError(ValueError):
    """A scenario file is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def briefing_path(scenario_file: Path, briefings_dir: str | None, briefing: str) -> Path:
    """Where a role's briefing lives: relative to ``briefings`` (itself relative to the file)."""
    base = scenario_file.parent
    if briefings_dir:
        base = base / briefings_dir
    return base / briefing


def load_scenario(path: str | Path) -> Scenario:
    """Load and validate ``path``. Raises :class:`ScenarioError` when invalid."""
    file = Path(path)
    name = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError([Problem(name, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    data = yaml.safe_load(text)
    briefings: dict[str, str] = {}
    for role in data.get("roles") or ():
        if role.get("briefing"):
            p = briefing_path(file, data.get("briefings"), role["briefing"])
            briefings[role["id"]] = p.read_text(encoding="utf-8") if p.is_file() else ""
    return build_scenario(data, briefings, source=name)
