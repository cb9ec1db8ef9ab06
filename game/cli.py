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


#: argparse's own words in Dutch: the help and the errors are in one language.
ARGPARSE_NL: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
}


def _dutch(text: str) -> str:
    return ARGPARSE_NL.get(text, text)


def speak_dutch() -> None:
    """Let argparse say its own words (``usage``, ``error``...) in Dutch."""
    argparse._ = _dutch  # type: ignore[attr-defined]


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
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
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
    speak_dutch()
    parser = build_parser(_command_in(words))
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
