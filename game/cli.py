"""The ``botsende-belangen`` command line: one console script, many subcommands.

Each subcommand lives in its own module under :mod:`game.commands` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning the exit code.
Exit codes: 0 success, 1 the input was bad (invalid scenario...), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game import __version__

#: Subcommand modules under game.commands, in the order help lists them.
COMMANDS: tuple[str, ...] = (
    "play",
    "host",
    "join",
    "screen",
    "validate",
    "schema",
    "new_scenario",
    "simulate",
    "analyze",
    "export",
    "print_cmd",
    "report",
    "web",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="botsende-belangen",
        description="Botsende belangen — een onderhandelspel over integraal programmeren.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"game.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
