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

from game.commands.join import add_lang, normalise_url

DEFAULT_PORT = 8000
PORT_TRIES = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "web",
        help="browserplekken voor deelnemers (serve seats to browsers)",
        description="Serve the participant seat and the room screen to browsers.",
    )
    parser.add_argument(
        "--port", type=int, metavar="P", help=f"web port (default {DEFAULT_PORT}, or the next free)"
    )
    parser.add_argument(
        "--host", default="0.0.0.0", metavar="ADDR", help="listen address (default all)"
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the game server (default: participants type it, ws://127.0.0.1:8765 prefilled)",
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
    if args.port is not None and not 0 <= args.port <= 65535:
        print("error: --port must be 0 to 65535", file=sys.stderr)
        return 2
    from game.web.serve import SeatServer, child_environment, entry_command, quiet_logging, serve

    server_url = normalise_url(args.server) if args.server else None
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
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
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
