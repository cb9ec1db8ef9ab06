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
from game.commands import help_nl

#: Subcommand name → its module under game.commands, in the order help lists them.
COMMANDS: dict[str, str] = {
    "play": "play",
    "host": "host",
    "join": "join",
    "screen": "screen",
    "web": "web",
    "validate": "validate",
    "analyze": "analyze",
    "simulate": "simulate",
    "report": "report",
    "print": "print_cmd",
    "schema": "schema",
    "new-scenario": "new_scenario",
    "export": "export",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or with ``only`` that one.

    Importing a command module can be costly (numpy, Textual); a seat that runs
    ``join`` should not pay for ``analyze``, so :func:`main` builds only the
    subcommand it was asked for.
    """
    parser = argparse.ArgumentParser(
        prog="botsende-belangen",
        description="Botsende belangen — een onderhandelspel over integraal programmeren.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"game.commands.{module}").register(sub)
    help_nl.apply(parser)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (its first word that is no option), if known."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(words))
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
