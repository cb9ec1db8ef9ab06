"""``botsende-belangen schema``: print the JSON Schema of the scenario format."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.commands.messages import say
from game.scenario.schema import scenario_schema


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="het JSON Schema van het scenarioformaat",
        description="Print het JSON Schema (draft 2020-12) van een scenariobestand.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError:
        print(say("cannot_write", "nl", path=args.output), file=sys.stderr)
        return 1
    return 0
