"""``botsende-belangen new-scenario NAME [--dir D]``: a commented starting scenario.

Writes ``D/NAME.yaml`` and the briefings folder ``D/NAME/`` from the template
shipped in :mod:`game.scenario` (``template/``), so it works from an installed
wheel too. Refuses to overwrite anything (exit 1); a bad NAME is a usage error
(exit 2).
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from game.commands.messages import say

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
PLACEHOLDER = "__NAME__"
#: The placeholder and the spaces before a comment on its line: the name takes
#: their room, so that the comment stays in the column of the others.
PADDED = re.compile(re.escape(PLACEHOLDER) + r"( +)(?=#)")


def fill_in(text: str, name: str) -> str:
    """``text`` with ``name`` for the placeholder, comments kept in their column."""
    width = len(PLACEHOLDER)
    text = PADDED.sub(lambda m: name + " " * max(2, width + len(m[1]) - len(name)), text)
    return text.replace(PLACEHOLDER, name)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new-scenario",
        help="schrijf een nieuw scenario om mee te beginnen",
        description=(
            "Schrijf D/NAME.yaml en de map D/NAME/ met rolbeschrijvingen: een compleet, "
            "becommentarieerd voorbeeld dat 'validate' doorstaat."
        ),
    )
    parser.add_argument("name", metavar="NAME", help="scenario id: a-z, 0-9, '_' and '-'")
    parser.add_argument("--dir", default=".", metavar="D", help="folder to write in (default .)")
    parser.set_defaults(func=run)


def template() -> Traversable:
    return files("game.scenario").joinpath("template")


def run(args: argparse.Namespace) -> int:
    name: str = args.name
    if not NAME_PATTERN.fullmatch(name):
        print(say("bad_name", name=name), file=sys.stderr)
        return 2
    folder = Path(args.dir)
    scenario_file = folder / f"{name}.yaml"
    briefings = folder / name
    existing = [p for p in (scenario_file, briefings) if p.exists()]
    if existing:
        for path in existing:
            print(say("exists", path=path), file=sys.stderr)
        return 1
    source = template()
    text = source.joinpath("scenario.yaml").read_text(encoding="utf-8")
    roles = sorted(
        (item for item in source.joinpath("briefings").iterdir() if item.name.endswith(".md")),
        key=lambda item: item.name,
    )
    try:
        briefings.mkdir(parents=True)
        for item in roles:
            (briefings / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
        scenario_file.write_text(fill_in(text, name), encoding="utf-8")
    except OSError:
        print(say("cannot_write", path=folder), file=sys.stderr)
        return 1
    print(say("written_scenario", path=scenario_file, n=len(roles), folder=briefings))
    print(say("check_after", path=scenario_file))
    return 0
