"""``botsende-belangen screen URL --code CODE``: the room screen for a projector."""

from __future__ import annotations

import argparse

from game.commands.join import add_lang, connect_and_run, normalise_url, start


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "screen",
        help="het zaalscherm voor de beamer (the room screen for a projector)",
        description="Show a table's public screen: clock, round, map, proposals, votes.",
    )
    parser.add_argument("url", metavar="URL", help="server address, e.g. ws://192.168.1.10:8765")
    parser.add_argument("--code", required=True, metavar="CODE", help="the table's screen code")
    add_lang(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language

    set_language(args.lang)
    from game.tui.net_link import NetLink
    from game.tui.room import RoomApp

    url = normalise_url(args.url)
    link = NetLink.for_screen(url, args.code.strip())
    return start(args, lambda: connect_and_run(link, RoomApp, url))
