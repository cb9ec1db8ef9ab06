"""The README's command table shows an option without brackets only when it is required (15.9)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from game.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_options_shown_as_required_are_required() -> None:
    commands = _subparsers(build_parser())
    table = "\n".join(
        line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    )
    usages = re.findall(r"`botsende-belangen ([a-z-]+)([^`]*)`", table)
    assert usages
    for name, rest in usages:
        parser = commands[name]
        bare = re.sub(r"\[[^\]]*\]", "", rest)
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", bare):
            action = parser._option_string_actions[option]
            assert action.required, f"README shows '{name} {option}' as required; it is not"
