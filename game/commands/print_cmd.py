"""``botsende-belangen print``: printable role sheets, press release, map, run sheet, cards."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from game.commands.common import load_for_command
from game.commands.messages import say
from game.printing import CodesError, load_codes, render_material, write_material
from game.printing.labels import LANGUAGES, label
from game.printing.material import INDEX


def _clock(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise argparse.ArgumentTypeError(f"not a time of day (HH:MM): {text!r}")
    return int(match[1]), int(match[2])


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "print",
        help="drukwerk als HTML: rolbladen, kaart, draaiboek en deelnemerskaarten",
        description=(
            "Write self-contained, print-ready HTML (A4) for a scenario: one confidential "
            "briefing sheet per role (and all of them in rollen.html, one role per page), "
            "the press release, the area map, the facilitator's run sheet and, with --codes, "
            "join-code cards with QR codes. Open index.html and print."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or shipped name")
    parser.add_argument("--mode", choices=("full", "short"), default="full", help="default: full")
    parser.add_argument(
        "--codes", metavar="FILE", help="the server's join-codes file (JSON): print join cards"
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="nl", help="labels; default: nl")
    parser.add_argument(
        "--start", metavar="HH:MM", type=_clock, help="start time: the run sheet shows clock times"
    )
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help="output folder")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    scenario = load_for_command(args.scenario, args.mode, args.lang)
    if scenario is None:
        return 1
    codes = None
    if args.codes:
        try:
            codes = load_codes(args.codes, scenario, args.lang)
        except CodesError as exc:
            print(exc, file=sys.stderr)
            return 1
    files = render_material(scenario, args.mode, args.lang, codes, args.start)
    try:
        written = write_material(files, args.output)
    except OSError:
        print(say("cannot_write", args.lang, path=args.output), file=sys.stderr)
        return 1
    print(f"{label('written', args.lang)}: {len(written)} → {written[0].parent / INDEX}")
    return 0
