"""What several subcommands share: loading a scenario for a command."""

from __future__ import annotations

import sys

from game.paths import resolve_scenario
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario


def load_for_command(name: str, mode: str | None = None) -> Scenario | None:
    """Load the scenario ``name`` (a path or a shipped name) for a command.

    On an invalid scenario every problem goes to stderr as ``file:line:col:
    message``; on a mode the scenario lacks, one line says so. Either way the
    result is ``None`` and the caller exits with 1.
    """
    path = resolve_scenario(name)
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None
    if mode is not None and mode not in scenario.modes:
        known = ", ".join(scenario.modes)
        print(f"{path}: the scenario has no mode '{mode}' (it has: {known})", file=sys.stderr)
        return None
    return scenario
