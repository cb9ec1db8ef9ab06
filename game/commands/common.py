"""What several subcommands share: loading a scenario for a command."""

from __future__ import annotations

import sys

from game.commands.messages import say
from game.paths import resolve_scenario
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario


def load_for_command(name: str, mode: str | None = None, lang: str = "nl") -> Scenario | None:
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
        print(say("no_mode", lang, path=path, mode=mode, known=known), file=sys.stderr)
        return None
    return scenario
