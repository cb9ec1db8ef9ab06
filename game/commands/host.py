"""``botsende-belangen host SCENARIO``: the authoritative server for one or more tables.

With ``--headless`` the server runs alone and prints where to connect and
where the codes are; otherwise the facilitator console opens in this terminal,
with live bots for the roles it assigns to bots (``--bot-pace``). The one
address it shows serves terminals (``join``, ``screen``) and browsers alike.
The session lives in ``--db`` (a new file by default); hosting an existing
database resumes it exactly, with the same codes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import time
from pathlib import Path

from game.bots.live import add_bot_pace_option
from game.commands.console_run import bad_bot_pace, bad_port, bot_pool, console_session, log_to_file
from game.commands.join import add_lang, fail, host_error_text
from game.net.address import DEFAULT_PORT, local_url, public_address
from game.paths import resolve_scenario


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "host",
        help="tafels van een scenario hosten (de spelserver)",
        description="Host een of meer tafels van een scenario op deze computer.",
    )
    parser.add_argument(
        "scenario", metavar="SCENARIO", help="scenariobestand of naam van een meegeleverd scenario"
    )
    parser.add_argument(
        "--mode", choices=("full", "short"), default="short", help="spelvorm (standaard short)"
    )
    parser.add_argument(
        "--tables", type=int, default=1, metavar="N", help="aantal tafels (standaard 1)"
    )
    parser.add_argument(
        "--host", default="0.0.0.0", metavar="ADRES", help="netwerkadres (standaard alle)"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="P",
        help=f"poort (standaard {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--db", metavar="BESTAND", help="bestand van het spel (bestaat het, dan gaat het verder)"
    )
    parser.add_argument(
        "--codes-file", metavar="BESTAND", help="schrijf de codes naar dit bestand (JSON)"
    )
    parser.add_argument("--headless", action="store_true", help="alleen de server, zonder console")
    parser.add_argument(
        "--seed", type=int, metavar="S", help="startgetal van tafel 1 (tafel n: S+n-1)"
    )
    parser.add_argument("--quiet", action="store_true", help="alleen waarschuwingen loggen")
    add_bot_pace_option(parser)
    add_lang(parser)
    parser.set_defaults(func=run)


def default_db(scenario: Path) -> Path:
    import platformdirs

    folder = Path(platformdirs.user_data_dir("botsende-belangen")) / "sessions"
    return folder / f"{scenario.stem}-{time.strftime('%Y%m%d-%H%M%S')}.db"


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language

    set_language(args.lang)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("websockets").setLevel(logging.WARNING)
    if bad_port(args.port) or bad_bot_pace(args):
        return 2
    if not args.headless:  # the facilitator console takes the terminal (game/tui)
        from game.tui.hangup import exit_on_hangup

        log_to_file()
        exit_on_hangup()
    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:
        return 130


async def _serve(args: argparse.Namespace) -> int:
    from game.server.hosting import HostError, open_session, warn
    from game.server.runtime import tune_gc
    from game.server.server import GameServer
    from game.tui.i18n import t

    scenario = resolve_scenario(args.scenario)
    db = Path(args.db) if args.db else default_db(scenario)
    try:
        hosted = open_session(
            scenario, args.mode, tables=args.tables, db=db, seed=args.seed, now=time.time()
        )
    except HostError as exc:
        fail(host_error_text(exc))
        return 1
    warn(hosted.notes, t)
    server = GameServer(hosted)
    tune_gc()
    try:
        port = await server.start(args.host, args.port)
    except OSError as exc:
        hosted.close()
        reason = exc.strerror or t("cli.port_in_use")
        fail(t("cli.no_listen", host=args.host, port=args.port, reason=reason))
        return 1
    hosted.url = public_address(args.host, port)
    codes_file = Path(args.codes_file) if args.codes_file else db.with_suffix(".codes.json")
    hosted.write_codes_file(codes_file)
    announce(hosted.resumed, len(hosted.tables), scenario.stem, hosted.config.mode)
    print(t("cli.host.url", url=hosted.url))
    print(t("cli.host.codes", path=codes_file))
    print(t("cli.host.db", path=db))
    sys.stdout.flush()

    local = local_url(args.host, port)
    if not args.headless:  # the facilitator console in this terminal (game/tui)
        try:
            return await console_session(
                server, hosted, local_url=local, pace=args.bot_pace, resumed=hosted.resumed
            )
        finally:
            await server.stop()
            hosted.close()

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
    print(t("cli.host.stopped"), file=sys.stderr)
    return 0


def announce(resumed: bool, tables: int, scenario: str, mode: str) -> None:
    """The first line for the facilitator, in the interface language.

    Machines read the codes file (JSON, with the address), not these lines.
    """
    from game.tui.i18n import t

    count = t("cli.host.table_one" if tables == 1 else "cli.host.table_many", n=tables)
    key = "cli.host.resumed" if resumed else "cli.host.hosting"
    print(t(key, tables=count, scenario=scenario, mode=mode))
