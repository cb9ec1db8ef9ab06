"""``botsende-belangen play``: the whole workshop on this laptop, with defaults.

Leeuwaerdenhout in short mode (``--mode full`` for the two-hour game), one
table, the session in a SQLite file in the user's data directory, the server
on the LAN address and the facilitator console in this terminal with the one
address everybody uses. Run again, ``play`` goes on with an interrupted game
(after asking, when a terminal can answer); after a finished game it starts a
fresh one and keeps the old file for its report. ``--bots`` lets bots take the
roles nobody joined when the game starts (``--bot-pace`` seconds a move).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.bots.live import add_bot_pace_option
from game.commands.console_run import (
    bad_bot_pace,
    bad_port,
    console_session,
    data_dir,
    log_to_file,
    say,
)
from game.commands.join import add_lang, fail, host_error_text
from game.net.address import DEFAULT_PORT, local_url, public_address

PORT_TRIES = 10

#: Answers a yes/no question (``play`` asks whether to resume); ``None``: never ask.
Ask = Callable[[str], bool]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "play",
        help="een hele workshop op deze laptop: spelserver en console voor de spelleider",
        description="Speel Leeuwaerdenhout op deze laptop en open de console voor de spelleider.",
    )
    parser.add_argument(
        "--scenario",
        default="leeuwaerdenhout",
        metavar="SCENARIO",
        help="scenariobestand of naam van een meegeleverd scenario (standaard leeuwaerdenhout)",
    )
    parser.add_argument(
        "--mode",
        choices=("short", "full"),
        default="short",
        help="short (30-40 minuten, standaard) of full (ongeveer 2 uur)",
    )
    parser.add_argument("--host", metavar="ADRES", help="alleen op dit netwerkadres luisteren")
    parser.add_argument(
        "--port",
        type=int,
        metavar="P",
        help=f"poort (standaard {DEFAULT_PORT} of de volgende vrije)",
    )
    parser.add_argument(
        "--db", metavar="BESTAND", help="bestand van het spel (een onderbroken spel gaat verder)"
    )
    parser.add_argument(
        "--new",
        action="store_true",
        help="een nieuw spel beginnen; het oude bestand blijft bewaard",
    )
    parser.add_argument(
        "--bots", action="store_true", help="bots spelen de rollen die niemand neemt"
    )
    parser.add_argument("--seed", type=int, metavar="S", help="startgetal van het toeval")
    add_bot_pace_option(parser)
    add_lang(parser)
    parser.set_defaults(func=run)


def default_db(scenario: Path, mode: str) -> Path:
    return data_dir() / "sessions" / f"play-{scenario.stem}-{mode}.db"


def retire(db: Path) -> Path:
    """Move a game's database aside (kept for its debrief and report); the new name."""
    target = db.with_name(f"{db.stem}-{time.strftime('%Y%m%d-%H%M%S')}{db.suffix}")
    for suffix in ("", "-wal", "-shm"):
        old = Path(str(db) + suffix)
        if old.exists():
            old.rename(Path(str(target) + suffix))
    return target


def finished(hosted: Any, now: float | None = None) -> bool:
    """Every table has ended, or is in its debrief with the debrief's time up.

    A debrief with time left is not over: after a crash while the room talks it
    through, the same command brings the reveal back on every screen.
    """
    at = time.time() if now is None else now
    return all(
        t.state.phase == "ended" or (t.state.revealed and t.state.remaining_at(at) <= 0)
        for t in hosted.tables
    )


async def end_debriefs(server: Any, hosted: Any) -> None:
    """The console closed during the debrief: the workshop is over, its tables end.

    So the next ``play`` starts a fresh game, while a crash in the debrief (no
    console left to close) resumes it.
    """
    from game.engine import FACILITATOR, Move

    for table in hosted.tables:
        if table.state.revealed and table.state.phase != "ended":
            await server.apply_move(table, Move("end", FACILITATOR, {}))


def started(hosted: Any) -> bool:
    return any(t.state.phase != "lobby" for t in hosted.tables)


def where_it_was(hosted: Any, db: Path) -> dict[str, str]:
    """What the resume question says about the interrupted game: its round and last move."""
    from game.tui.i18n import t

    state = hosted.tables[0].state
    rnd = state.round
    if rnd is None:
        place = t("play.lobby")
    else:
        total = len(state.mode_def.rounds)
        place = t("header.round", n=state.round_index + 1, total=total, title=rnd.title)
    stamps = [p.stat().st_mtime for p in (db, Path(f"{db}-wal")) if p.exists()]
    when = time.strftime("%H:%M", time.localtime(max(stamps))) if stamps else "?"
    return {"db": str(db), "round": place, "when": when}


def ask_in_terminal(question: str) -> bool:
    """Yes unless the facilitator answers no (``n``/``nee``/``no``)."""
    try:
        answer = input(question)
    except EOFError:
        return True
    return answer.strip().lower() not in ("n", "nee", "no")


def open_game(
    scenario: Path, args: argparse.Namespace, ask: Ask | None = None
) -> tuple[Any, str | None]:
    """The hosted session (the interrupted one in the database, or a new one) and a note.

    A finished game is moved aside and a new one starts; an interrupted one is
    resumed, unless ``ask`` answers no to going on with it.
    """
    from game.server.hosting import open_session
    from game.tui.i18n import t

    db = Path(args.db) if args.db else default_db(scenario, args.mode)
    db.parent.mkdir(parents=True, exist_ok=True)
    note = None
    if db.exists() and args.new:
        note = t("play.new_kept", db=retire(db))

    def fresh() -> Any:
        return open_session(scenario, args.mode, tables=1, db=db, seed=args.seed, now=time.time())

    hosted = fresh()
    if not hosted.resumed:
        return hosted, note
    if finished(hosted):
        hosted.close()
        note = t("play.old_kept", db=retire(db))
        return fresh(), note
    if (
        started(hosted)
        and ask is not None
        and not ask(t("play.ask_resume", **where_it_was(hosted, db)))
    ):
        hosted.close()
        note = t("play.new_kept", db=retire(db))
        return fresh(), note
    return hosted, note


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


def run(args: argparse.Namespace) -> int:
    from game.tui.i18n import set_language, t

    set_language(args.lang)
    from game.paths import resolve_scenario
    from game.server.hosting import HostError, warn
    from game.tui.hangup import exit_on_hangup

    scenario = resolve_scenario(args.scenario)
    if bad_port(args.port) or bad_bot_pace(args):
        return 2
    logfile = log_to_file()
    ask = ask_in_terminal if sys.stdin.isatty() else None
    try:
        hosted, note = open_game(scenario, args, ask)
    except HostError as exc:
        fail(host_error_text(exc))
        return 1
    warn(hosted.notes, t)
    if note:
        say(note)
    resumed = hosted.resumed
    exit_on_hangup()

    async def main() -> int:
        from game.server.runtime import tune_gc
        from game.server.server import GameServer

        server = GameServer(hosted)
        tune_gc()
        bind = args.host or "0.0.0.0"
        try:
            port = await listen(server, bind, args.port)
        except OSError as exc:
            reason = exc.strerror or t("cli.port_in_use")
            fail(t("cli.no_listen", host=bind, port=args.port, reason=reason))
            return 1
        hosted.url = public_address(bind, port)
        hosted.write_codes_file(Path(hosted.store.path).with_suffix(".codes.json"))
        try:
            code = await console_session(
                server,
                hosted,
                bots=args.bots,
                local_url=local_url(bind, port),
                pace=args.bot_pace,
                resumed=resumed,
            )
            await end_debriefs(server, hosted)
            return code
        finally:
            await server.stop()

    try:
        code = asyncio.run(main())
    except KeyboardInterrupt:
        code = 130
    finally:
        hosted.close()
    ended = finished(hosted)
    say(farewell(str(hosted.store.path), ended, str(logfile)))
    return code


def farewell(db: str, ended: bool = False, log: str | None = None) -> str:
    """What the facilitator reads after the console closes: where the game is, what next."""
    from game.tui.i18n import t

    text = t("play.farewell_ended" if ended else "play.farewell", db=db)
    return (t("play.log", path=log) + "\n" + text) if log else text
