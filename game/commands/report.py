"""``botsende-belangen report DB``: the debrief of a played session as HTML, Markdown or JSON.

Reads the session database read-only, replays every table's move log through
the engine and writes the debrief. Exit 0 on success, 1 when the database,
its scenario or the table is not usable (a clear message, no traceback).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from game.report import ReportError, build_debrief, load_session, render_html, render_markdown
from game.report.labels import LANGUAGES, label

FORMATS = ("html", "md", "json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="de nabespreking van een gespeelde sessie (html, md of json)",
        description=(
            "Schrijf de nabespreking van een sessie uit haar database: onthulde belangen, "
            "scores, wat mogelijk was, betere pakketten, openingen per straat, voorstellen, "
            "gesprekken, cultuurwaarden en lessen. Exit 0 gelukt, 1 fout in de invoer."
        ),
    )
    parser.add_argument("db", metavar="DB", help="the session database (host --db FILE)")
    parser.add_argument("--table", type=int, metavar="N", help="only this table (default: all)")
    parser.add_argument("--format", choices=FORMATS, default="html", help="default: html")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl", help="labels; default: nl")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="output file ('-' for stdout); default: stdout for md/json, "
        "debrief-<scenario>.html for html",
    )
    parser.set_defaults(func=run)


def default_output(fmt: str, scenario_id: str) -> str:
    if fmt != "html":
        return "-"
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", scenario_id).strip("-") or "sessie"
    return f"debrief-{safe}.html"


def run(args: argparse.Namespace) -> int:
    try:
        session = load_session(args.db, args.table)
    except ReportError as exc:
        print(label(f"error.{exc.key}", args.lang, **exc.values), file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    debrief = build_debrief(
        session.scenario,
        session.config.mode,
        session.states,
        started=session.started,
        timelines=session.timelines,
    )
    if args.format == "json":
        text = json.dumps(debrief.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        text = render_markdown(debrief, args.lang)
    else:
        text = render_html(debrief, args.lang)
    target = args.output or default_output(args.format, session.scenario.meta.id)
    if target == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(target).write_text(text, encoding="utf-8")
    except OSError:
        print(label("error.cannot_write", args.lang, path=target), file=sys.stderr)
        return 1
    print(label("written", args.lang, path=Path(target).resolve()), file=sys.stderr)
    return 0
