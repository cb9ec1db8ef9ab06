"""``botsende-belangen host SCENARIO``: the authoritative server for one or more tables.

With ``--headless`` the server runs alone and prints where to connect and
where the codes are; otherwise the facilitator console opens in this terminal,
with live bots for the roles it assigns to bots (``--bot-pace``) and browser
seats beside the game when the ``web`` extra is installed (``--no-web``: none).
The session lives in ``--db`` (a new file by default); hosting an existing
database resumes it exactly, with the same codes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import socket
import sys
import time
from pathlib import Path

from game.bots.live import add_bot_pace_option
from game.commands.play import add_web_option, bad_bot_pace
from game.paths import resolve_scenario

DEFAULT_PORT = 8765


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "host",
        help="host tables of a scenario (the game server)",
        description="Host one or more tables of a scenario on this computer.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or shipped name")
    parser.add_argument("--mode", choices=("full", "short"), default="short")
    parser.add_argument("--tables", type=int, default=1, metavar="N", help="tables (default 1)")
    parser.add_argument("--host", default="0.0.0.0", metavar="ADDR", help="listen address")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="P")
    parser.add_argument("--db", metavar="FILE", help="session database (resumed if it exists)")
    parser.add_argument("--codes-file", metavar="FILE", help="write the join codes here (JSON)")
    parser.add_argument("--headless", action="store_true", help="the server alone, no console")
    parser.add_argument("--seed", type=int, metavar="S", help="seed of table 1 (table n: S+n-1)")
    parser.add_argument("--quiet", action="store_true", help="log only warnings")
    add_web_option(parser)
    add_bot_pace_option(parser)
    parser.set_defaults(func=run)


def lan_address(bind: str) -> str:
    """The address participants use: the LAN address when bound to every interface."""
    if bind not in ("0.0.0.0", "::", ""):
        return bind
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent
        return str(probe.getsockname()[0])
    return "127.0.0.1"


def local_url(bind: str, port: int) -> str:
    """The game's address from this computer (for the console and the bots)."""
    host = "127.0.0.1" if bind in ("0.0.0.0", "::", "") else bind
    return f"ws://{host}:{port}"


def default_db(scenario: Path) -> Path:
    import platformdirs

    folder = Path(platformdirs.user_data_dir("botsende-belangen")) / "sessions"
    return folder / f"{scenario.stem}-{time.strftime('%Y%m%d-%H%M%S')}.db"


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("websockets").setLevel(logging.WARNING)
    if not 0 <= args.port <= 65535:
        print("error: --port must be 0 to 65535", file=sys.stderr)
        return 2
    if bad_bot_pace(args):
        return 2
    if not args.headless:  # the facilitator console takes the terminal (game/tui)
        from game.commands.play import log_to_file

        log_to_file()
    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:
        return 130


async def _serve(args: argparse.Namespace) -> int:
    from game.server.hosting import HostError, open_session, warn
    from game.server.runtime import tune_gc
    from game.server.server import GameServer

    scenario = resolve_scenario(args.scenario)
    db = Path(args.db) if args.db else default_db(scenario)
    try:
        hosted = open_session(
            scenario, args.mode, tables=args.tables, db=db, seed=args.seed, now=time.time()
        )
    except HostError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    warn(hosted.notes)
    server = GameServer(hosted)
    tune_gc()
    try:
        port = await server.start(args.host, args.port)
    except OSError as exc:
        hosted.close()
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    hosted.url = f"ws://{lan_address(args.host)}:{port}"
    codes_file = Path(args.codes_file) if args.codes_file else db.with_suffix(".codes.json")
    hosted.write_codes_file(codes_file)
    verb = "resumed" if hosted.resumed else "hosting"
    print(f"{verb} {len(hosted.tables)} table(s) of {scenario.stem}, {hosted.config.mode} mode")
    print(f"url: {hosted.url}")
    print(f"codes: {codes_file}")
    print(f"database: {db}")
    sys.stdout.flush()

    local = local_url(args.host, port)
    if not args.headless:  # the facilitator console in this terminal (game/tui)
        from game.commands.play import console_session

        try:
            return await console_session(
                server,
                hosted,
                local_url=local,
                pace=args.bot_pace,
                web_bind=None if args.no_web else args.host,
            )
        finally:
            await server.stop()
            hosted.close()

    from game.commands.play import bot_pool

    pool = bot_pool(server, local, args.bot_pace)  # for a console connecting from elsewhere

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await pool.stop()
        await server.stop()
        hosted.close()
    print("stopped; resume with the same --db", file=sys.stderr)
    return 0
