"""``botsende-belangen web``: browser seats for participants without the game installed.

Serves the participant seat and the room screen to browsers on the workshop
network (textual-serve, the optional ``web`` extra). A participant opens the
printed address (or scans the QR code), types the join code and plays exactly
as in a terminal. Nothing on the page comes from the internet.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import sys

from game.commands.console_run import bad_port
from game.commands.join import add_lang, fail, target_of

DEFAULT_PORT = 8000
PORT_TRIES = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "web",
        help="terminalplekken in een browser (textual-serve)",
        description="Toon de deelnemersplek en het zaalscherm van de terminal in een browser.",
    )
    parser.add_argument(
        "--port",
        type=int,
        metavar="P",
        help=f"poort (standaard {DEFAULT_PORT} of de volgende vrije)",
    )
    parser.add_argument(
        "--host", default="0.0.0.0", metavar="ADRES", help="netwerkadres (standaard alle)"
    )
    parser.add_argument(
        "--server",
        metavar="ADRES",
        help="adres van het spel (anders typen deelnemers het; 127.0.0.1:8765 staat klaar)",
    )
    add_lang(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language
    from game.web.labels import w

    set_language(args.lang)
    if importlib.util.find_spec("textual_serve") is None:
        print(w("missing"), file=sys.stderr)
        return 1
    if bad_port(args.port):
        return 2
    from game.web.serve import SeatServer, child_environment, entry_command, quiet_logging, serve

    server_url = None
    if args.server:
        target = target_of(args.server)
        if target is None:
            return 2
        server_url = target.url
    quiet_logging()
    child_environment()
    server = SeatServer(entry_command(server_url, args.lang), lang=args.lang)
    if args.port is not None:
        ports = [args.port]
    else:
        ports = [*range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES), 0]

    def ready(port: int) -> None:
        announce(args.host, port, server_url)

    try:
        asyncio.run(serve(server, args.host, ports, ready))
    except OSError as exc:
        from game.tui.i18n import t

        reason = exc.strerror or t("cli.port_in_use")
        fail(t("cli.no_listen", host=args.host, port=args.port, reason=reason))
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def announce(host: str, port: int, server_url: str | None) -> None:
    """Print the address to open and a QR code of it."""
    from rich.console import Console
    from rich.text import Text

    from game.web.address import terminal_qr, web_address
    from game.web.entry import DEFAULT_SERVER
    from game.web.labels import w

    address = web_address(host, port)
    console = Console(highlight=False)
    console.print(Text(w("title"), style="bold"))
    console.print(w("open"))
    console.print(Text(f"  {address}", style="bold"))
    console.print(Text(terminal_qr(address), style="#ffffff on #000000"))
    console.print(w("serving", server=server_url or DEFAULT_SERVER))
    sys.stdout.flush()
