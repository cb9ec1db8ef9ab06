"""``botsende-belangen export SCENARIO --mode M -o FILE.npz``: the outcome table for other tools.

Writes the arrays described in ``docs/analysis.md`` (utilities, reservation
values, packages as option indices, passing/unanimous flags, the Pareto
frontier of the passing set) with :func:`numpy.savez_compressed`.
Exit 0 on success, 1 on a bad scenario, mode, event or role or an unwritable file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.analysis.export import export_npz
from game.analysis.labels import label
from game.analysis.space import SpaceTooLarge
from game.commands.analyze import add_common_arguments, load, progress_bar
from game.commands.messages import say


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="exporteer de uitkomstentabel als .npz (bijvoorbeeld voor NegMAS)",
        description=(
            "Schrijf alle pakketten van een modus met de scores per rol als numpy .npz. "
            "Exit 0 gelukt, 1 fout in de invoer."
        ),
    )
    add_common_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE.npz", help="output file")
    parser.set_defaults(func=run, lang="nl")


def run(args: argparse.Namespace) -> int:
    scenario = load(args)
    if scenario is None:
        return 1
    target = Path(args.output)
    if target.suffix != ".npz":
        target = target.with_name(target.name + ".npz")
    if not target.parent.is_dir():
        print(say("no_folder", args.lang, path=target, folder=target.parent), file=sys.stderr)
        return 1
    try:
        with progress_bar(sys.stderr.isatty(), args.lang) as task:
            export_npz(
                scenario, args.mode, target, args.events, args.in_play, task("progress_score")
            )
    except SpaceTooLarge as exc:
        print(f"{args.scenario}: {label('too_large', args.lang, reason=exc)}", file=sys.stderr)
        return 1
    except OSError:
        print(say("cannot_write", args.lang, path=target), file=sys.stderr)
        return 1
    print(f"{label('written', args.lang)}: {target}")
    return 0
