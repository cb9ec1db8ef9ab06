"""``botsende-belangen screen ADDRESS --code CODE``: the room screen for a projector.

Only a table's screen code opens it; a role's code is refused (it would show
nothing private, but the seat would count as joined).
"""

from __future__ import annotations

import argparse
from typing import Any

from game.commands.join import ADDRESS_HELP, add_lang, connect_and_run, fail, start, target_of


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "screen",
        help="het zaalscherm voor de beamer",
        description="Het openbare scherm van een tafel: klok, ronde, kaart, voorstellen, stemmen.",
    )
    parser.add_argument("url", metavar="ADRES", help=ADDRESS_HELP)
    parser.add_argument("--code", metavar="CODE", help="de code van het zaalscherm van de tafel")
    add_lang(parser)
    parser.set_defaults(func=run)


def only_the_screen(welcome: dict[str, Any]) -> str | None:
    """Refuse a welcome that is not the room screen's."""
    from game.tui.i18n import t

    return None if welcome.get("screen") and not welcome.get("seats") else t("cli.not_screen")


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language, t

    set_language(args.lang)
    target = target_of(args.url)
    if target is None:
        return 2
    code = (args.code or "").strip() or target.screen or target.code
    if not code:
        fail(t("cli.no_code"))
        return 2
    from game.tui.net_link import NetLink
    from game.tui.room import RoomApp

    link = NetLink.for_screen(target.url, code)

    def room(link: NetLink) -> RoomApp:
        return RoomApp(link, address=wall_address(link.client.welcome or {}, target.url))

    return start(args, lambda: connect_and_run(link, room, target.url, only_the_screen))


def wall_address(welcome: dict[str, Any], url: str) -> str | None:
    """The address to put on the wall: the server's own (the one participants use), or
    the one this screen connected to unless that is this machine only (``localhost``)."""
    from urllib.parse import urlsplit

    from game.net.address import browser_address, parse_address

    if welcome.get("address"):
        return str(welcome["address"])
    host = urlsplit(parse_address(url).url).hostname or ""
    if host in ("localhost", "::1") or host.startswith("127."):
        return None
    return browser_address(url)
