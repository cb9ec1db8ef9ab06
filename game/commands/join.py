"""``botsende-belangen join ADDRESS --code CODE [--code CODE...]``: a participant seat.

The address is the one the console shows, in any form (``HOST:PORT``,
``http://HOST:PORT/``, a role's link with ``#code=`` …). Several codes make a
shared terminal: every role then starts locked and opens with its PIN. Bad
codes, a wrong address or an unreachable server give one clear sentence and
exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from game.net.address import AddressError, Target, parse_address

CONNECT_TIMEOUT = 8.0
ADDRESS_HELP = "adres van het spel, zoals de console het toont (bijvoorbeeld 192.168.1.20:8765)"


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("nl", "en"), default="nl", help="taal van het scherm (standaard nl)"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "join",
        help="doe mee als deelnemer",
        description="Doe mee aan een spel: één --code per rol aan deze terminal.",
    )
    parser.add_argument("url", metavar="ADRES", help=ADDRESS_HELP)
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="CODE",
        help="code van een rol (herhaal voor een gedeelde terminal)",
    )
    add_lang(parser)
    parser.set_defaults(func=run)


def fail(message: str) -> None:
    """One line on stderr, in the interface language: ``fout: …``."""
    from game.tui.i18n import t

    print(t("cli.error", message=message), file=sys.stderr)


def host_error_text(exc: Any) -> str:
    """A :class:`~game.server.hosting.HostError` in the interface language."""
    from game.tui.i18n import t

    values = dict(exc.values)
    if "why" in values:
        values["why"] = t(f"cli.why.{values['why']}")
    return t(f"cli.host_error.{exc.key}", **values)


def address_error(exc: AddressError) -> str:
    from game.tui.i18n import t

    return t(f"cli.address.{exc.code}", text=exc.text.strip())


def target_of(text: str) -> Target | None:
    """The parsed address, or ``None`` after saying (in the interface language) what is wrong."""
    try:
        return parse_address(text)
    except AddressError as exc:
        fail(address_error(exc))
        return None


def normalise_url(url: str) -> str:
    """Any form of the game's address → its websocket URL (``ws://192.168.1.5:8765/``)."""
    return parse_address(url).url


def connect_error(exc: BaseException, url: str) -> str:
    """One sentence for the user about why joining failed, never raw socket text."""
    from websockets.exceptions import InvalidHandshake, InvalidURI

    from game.net.client import ServerError
    from game.tui.i18n import error_text, t

    if isinstance(exc, ServerError):
        return error_text(exc.code, exc.reason)
    if isinstance(exc, TimeoutError):
        return t("cli.timeout", url=url)
    if isinstance(exc, socket.gaierror):
        host = url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        return t("cli.unknown_host", host=host)
    if isinstance(exc, ConnectionRefusedError):
        return t("cli.refused", url=url)
    if isinstance(exc, InvalidURI):
        return t("cli.address.scheme", text=url)
    if isinstance(exc, InvalidHandshake):
        return t("cli.not_game", url=url)
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


async def connect_and_run(
    link: Any,
    make_app: Callable[[Any], Any],
    url: str,
    check: Callable[[dict[str, Any]], str | None] | None = None,
) -> int:
    """Connect ``link``, run the app it feeds, close; the exit code.

    ``check`` may refuse the welcome with a sentence (the room screen refuses a
    role's code).
    """
    try:
        welcome = await asyncio.wait_for(link.connect(), CONNECT_TIMEOUT)
    except Exception as exc:  # every failure to join is the user's to read, not a traceback
        await link.close()
        fail(connect_error(exc, url))
        return 1
    refusal = check(welcome or {}) if check is not None else None
    if refusal:
        await link.close()
        fail(refusal)
        return 1
    app = make_app(link)
    try:
        await app.run_async()
    finally:
        await link.close()
    return int(app.return_code or 0)


def start(args: argparse.Namespace, main: Callable[[], Coroutine[Any, Any, int]]) -> int:
    from game.tui.hangup import exit_on_hangup

    exit_on_hangup()
    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language, t

    set_language(args.lang)
    target = target_of(args.url)
    if target is None:
        return 2
    codes = [c.strip() for c in args.code if c.strip()]
    if not codes and target.code:
        codes = [target.code]
    if not codes:
        fail(t("cli.no_code"))
        return 2
    from game.tui.net_link import NetLink
    from game.tui.seat import SeatApp

    link = NetLink.for_seat(target.url, codes, locked=len(codes) > 1)
    return start(args, lambda: connect_and_run(link, SeatApp, target.url))
