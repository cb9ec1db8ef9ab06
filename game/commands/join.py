"""``botsende-belangen join URL --code CODE [--code CODE...]``: a participant seat.

Several codes make a shared terminal: every role then starts locked and opens
with its PIN. Bad codes, a wrong address or an unreachable server give one
clear sentence and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

CONNECT_TIMEOUT = 8.0


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("nl", "en"), default="nl", help="interface language (default nl)"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "join",
        help="doe mee als deelnemer (join a game as a participant)",
        description="Join a game: one --code per role at this terminal.",
    )
    parser.add_argument("url", metavar="URL", help="server address, e.g. ws://192.168.1.10:8765")
    parser.add_argument(
        "--code", action="append", required=True, metavar="CODE", help="join code of a role"
    )
    add_lang(parser)
    parser.set_defaults(func=run)


def normalise_url(url: str) -> str:
    """``192.168.1.5:8765`` → ``ws://192.168.1.5:8765``."""
    url = url.strip()
    if "://" not in url:
        url = "ws://" + url
    return url


def connect_error(exc: BaseException, url: str) -> str:
    """One sentence for the user about why joining failed."""
    from game.net.client import ServerError
    from game.tui.i18n import error_text, t

    if isinstance(exc, ServerError):
        return error_text(exc.code, exc.reason)
    if isinstance(exc, TimeoutError):
        return t("cli.timeout", url=url)
    return t("cli.unreachable", url=url, reason=t(socket_reason(exc)))


def socket_reason(exc: BaseException) -> str:
    """The catalog key of why a connection failed (never the socket's own English text)."""
    import socket

    if isinstance(exc, socket.gaierror):
        return "cli.reason.no_such_host"
    if isinstance(exc, ConnectionRefusedError):
        return "cli.reason.refused"
    if isinstance(exc, OSError) and exc.errno in (101, 113):  # network / host unreachable
        return "cli.reason.no_route"
    return "cli.reason.other"


async def connect_and_run(link: Any, make_app: Callable[[Any], Any], url: str) -> int:
    """Connect ``link``, run the app it feeds, close; the exit code."""
    try:
        await asyncio.wait_for(link.connect(), CONNECT_TIMEOUT)
    except Exception as exc:  # every failure to join is the user's to read, not a traceback
        await link.close()
        print(connect_error(exc, url), file=sys.stderr)
        return 1
    app = make_app(link)
    try:
        await app.run_async()
    finally:
        await link.close()
    return int(app.return_code or 0)


def start(args: argparse.Namespace, main: Callable[[], Coroutine[Any, Any, int]]) -> int:
    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language

    set_language(args.lang)
    from game.tui.net_link import NetLink
    from game.tui.seat import SeatApp

    url = normalise_url(args.url)
    codes = [c.strip() for c in args.code if c.strip()]
    if not codes:
        print("error: give at least one --code", file=sys.stderr)
        return 2
    link = NetLink.for_seat(url, codes, locked=len(codes) > 1)
    return start(args, lambda: connect_and_run(link, SeatApp, url))
