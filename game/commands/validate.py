"""``botsende-belangen validate FILE...``: check scenario files before a workshop.

Exit 0 when every file is valid (one OK line per file on stdout; warnings, such
as a role that is not core without room, on stderr), 1 when any is not (every
problem on stderr as ``FILE:LINE:COL: message``), 2 on usage errors (argparse).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.paths import resolve_scenario
from game.scenario.loader import Problem, ScenarioError, load_scenario
from game.scenario.model import Scenario


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="controleer scenariobestanden",
        description=(
            "Controleer scenario's: elk probleem als FILE:LINE:COL: message. "
            "Exit 0 geldig, 1 ongeldig, 2 verkeerd gebruik."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario YAML file(s)")
    parser.add_argument(
        "--skip-playability",
        action="store_true",
        help="sla de controle over of elke spelvorm onderhandelingsruimte heeft",
    )
    parser.set_defaults(func=run)


def summary(scenario: Scenario) -> str:
    modes = "/".join(scenario.modes)
    return f"OK ({len(scenario.roles)} rollen, {len(scenario.issues)} kwesties, spelvormen {modes})"


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = resolve_scenario(name)
        warnings: list[Problem] = []
        try:
            scenario = load_scenario(path, playable=not args.skip_playability, warnings=warnings)
        except ScenarioError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            status = 1
            continue
        for warning in warnings:
            print(warning, file=sys.stderr)
        print(f"{path}: {summary(scenario)}")
    return status
