"""``botsende-belangen play``: the whole workshop on this laptop, with defaults.

Leeuwaerdenhout in short mode (``--mode full`` for the two-hour game), one
table, the session in a SQLite file in the user's data directory (resumed
when the command is run again, until that game has ended), the server on the
LAN address and the facilitator console in this terminal with the join
commands. ``--bots`` lets bots take the roles nobody joined when the game starts
(``--bot-pace`` seconds a move); with the ``web`` extra installed, browser seats
are served beside the game (``--no-web`` switches them off).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.bots.live import DEFAULT_PACE, add_bot_pace_option
from game.commands.join import add_lang

DEFAULT_PORT = 8765
PORT_TRIES = 10
log = logging.getLogger("game.play")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "play",
        help="een hele workshop op deze laptop (server and facilitator console)",
        description="Host Leeuwaerdenhout on this laptop and open the facilitator console.",
    )
    parser.add_argument(
        "--scenario",
        default="leeuwaerdenhout",
        metavar="SCENARIO",
        help="scenario file or shipped name (default leeuwaerdenhout)",
    )
    parser.add_argument(
        "--mode",
        choices=("short", "full"),
        default="short",
        help="short (30-40 min, default) or full (about 2 hours)",
    )
    parser.add_argument("--host", metavar="ADDR", help="listen on this address only")
    parser.add_argument("--port", type=int, metavar="P", help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--db", metavar="FILE", help="session database (resumed if it exists)")
    parser.add_argument("--new", action="store_true", help="start a new game, keep the old file")
    parser.add_argument("--bots", action="store_true", help="bots take roles nobody joined")
    parser.add_argument("--seed", type=int, metavar="S", help="seed of the game")
    add_web_option(parser)
    add_bot_pace_option(parser)
    add_lang(parser)
    parser.set_defaults(func=run)


def add_web_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-web",
        action="store_true",
        help="no browser seats (by default served on port 8000 when textual-serve is installed)",
    )


def bad_bot_pace(args: argparse.Namespace) -> bool:
    if args.bot_pace >= 0:
        return False
    print("error: --bot-pace must be 0 or more seconds", file=sys.stderr)
    return True


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("botsende-belangen"))


def log_to_file() -> Path:
    """Send logging to a file: a full-screen console must not be written over."""
    path = data_dir() / "logs" / "server.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("websockets").setLevel(logging.WARNING)
    return path


def default_db(scenario: Path, mode: str) -> Path:
    return data_dir() / "sessions" / f"play-{scenario.stem}-{mode}.db"


def retire(db: Path) -> Path:
    """Move a finished game's database aside (kept for its debrief and report)."""
    target = db.with_name(f"{db.stem}-{time.strftime('%Y%m%d-%H%M%S')}{db.suffix}")
    for suffix in ("", "-wal", "-shm"):
        old = Path(str(db) + suffix)
        if old.exists():
            old.rename(Path(str(target) + suffix))
    return target


def open_game(scenario: Path, args: argparse.Namespace) -> Any:
    """The hosted session: the unfinished one in the database, or a new one."""
    from game.server.hosting import open_session

    db = Path(args.db) if args.db else default_db(scenario, args.mode)
    db.parent.mkdir(parents=True, exist_ok=True)
    if db.exists() and args.new:
        retire(db)
    hosted = open_session(scenario, args.mode, tables=1, db=db, seed=args.seed, now=time.time())
    if hosted.resumed and not args.db and all(t.state.phase == "ended" for t in hosted.tables):
        hosted.close()
        retire(db)
        hosted = open_session(scenario, args.mode, tables=1, db=db, seed=args.seed, now=time.time())
    return hosted


async def listen(server: Any, host: str, port: int | None) -> int:
    """Start ``server``; without ``--port`` try the next ports when the default is taken."""
    if port is not None:
        return int(await server.start(host, port))
    for candidate in range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES):
        try:
            return int(await server.start(host, candidate))
        except OSError:
            continue
    return int(await server.start(host, 0))


def bot_pool(server: Any, url: str, pace: float) -> Any:
    """The live bots of this host, attached to ``server``.

    Attached, the facilitator's "assign bot" starts a bot on that role; roles a
    resumed game had given to bots get theirs back at once.
    """
    from game.bots.live import BotPool

    pool = BotPool(url, pace=pace).attach(server)
    for number, table in server.tables.items():
        for role, seat in table.state.seats.items():
            code = table.record.roles.get(role)
            if seat == "bot" and code is not None:
                pool.launch(number, role, code)
    return pool


def bot_starter(server: Any, pool: Any) -> Callable[[list[str]], object]:
    """The hook that lets bots take the roles nobody joined when the game starts (``--bots``)."""
    from game.bots.live import start_bots

    def fill(roles: list[str]) -> object:
        return start_bots(server, pool, roles)

    return fill


async def open_web(bind: str, server_url: str) -> tuple[Any | None, str | None]:
    """Browser seats beside the game: the running server, or a line saying why not."""
    from game.tui.i18n import language, t
    from game.web.embedded import start_web_seats, web_available

    if not web_available():
        return None, t("console.web_missing")
    try:
        return await start_web_seats(bind, server_url, language()), None
    except OSError as exc:
        log.warning("browser seats: cannot listen on %s: %s", bind, exc)
        return None, t("console.web_failed", error=exc.strerror or str(exc))


async def console_session(
    server: Any,
    hosted: Any,
    *,
    bots: bool = False,
    local_url: str | None = None,
    pace: float = DEFAULT_PACE,
    web_bind: str | None = None,
) -> int:
    """Run the facilitator console against ``server`` in this event loop; its exit code.

    Bots the facilitator assigns play at ``pace`` seconds a move; with
    ``web_bind`` browser seats are served on that address beside the game.
    """
    from game.commands.join import connect_error
    from game.tui.console.app import ConsoleApp
    from game.tui.net_link import NetLink

    local = local_url or f"ws://127.0.0.1:{server.port}"
    link = NetLink.for_console(local, hosted.config.facilitator)
    try:
        await link.connect()
    except Exception as exc:
        await link.close()
        print(f"error: {connect_error(exc, local)}", file=sys.stderr)
        return 1
    pool = bot_pool(server, local, pace)
    web, web_note = await open_web(web_bind, local) if web_bind is not None else (None, None)
    on_start = bot_starter(server, pool) if bots else None
    app = ConsoleApp(
        link,
        codes=hosted.codes_document(),
        on_start=on_start,
        web=web.address if web is not None else None,
        web_note=web_note,
    )
    try:
        await app.run_async()
    finally:
        if web is not None:
            await web.stop()
        await pool.stop()
        await link.close()
    return int(app.return_code or 0)


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language

    set_language(args.lang)
    from game.commands.host import lan_address, local_url
    from game.paths import resolve_scenario
    from game.server.hosting import HostError, warn

    scenario = resolve_scenario(args.scenario)
    if args.port is not None and not 0 <= args.port <= 65535:
        print("error: --port must be 0 to 65535", file=sys.stderr)
        return 2
    if bad_bot_pace(args):
        return 2
    logfile = log_to_file()
    try:
        hosted = open_game(scenario, args)
    except HostError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    warn(hosted.notes)

    async def main() -> int:
        from game.server.runtime import tune_gc
        from game.server.server import GameServer

        server = GameServer(hosted)
        tune_gc()
        bind = args.host or "0.0.0.0"
        try:
            port = await listen(server, bind, args.port)
        except OSError as exc:
            print(f"error: cannot listen on {bind}:{args.port}: {exc.strerror}", file=sys.stderr)
            return 1
        hosted.url = f"ws://{lan_address(bind)}:{port}"
        hosted.write_codes_file(Path(hosted.store.path).with_suffix(".codes.json"))
        try:
            local = local_url(bind, port)
            return await console_session(
                server,
                hosted,
                bots=args.bots,
                local_url=local,
                pace=args.bot_pace,
                web_bind=None if args.no_web else bind,
            )
        finally:
            await server.stop()

    try:
        code = asyncio.run(main())
    except KeyboardInterrupt:
        code = 130
    finally:
        hosted.close()
    print(f"log: {logfile}", file=sys.stderr)
    print(farewell(str(hosted.store.path)), file=sys.stderr)
    return code


def farewell(db: str) -> str:
    """What the facilitator reads after the console closes: where the game is, what next."""
    from game.tui.i18n import t

    return t("play.farewell", db=db)
