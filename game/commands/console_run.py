"""What ``play`` and ``host`` share: the facilitator console against a server in this loop.

Both commands sit on top of this module (and of :mod:`game.net.address`);
neither imports the other.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.bots.live import DEFAULT_PACE

log = logging.getLogger("game.play")


def bad_bot_pace(args: Any) -> bool:
    if args.bot_pace >= 0:
        return False
    from game.commands.join import fail
    from game.tui.i18n import t

    fail(t("cli.bad_pace"))
    return True


def bad_port(port: int | None) -> bool:
    if port is None or 0 <= port <= 65535:
        return False
    from game.commands.join import fail
    from game.tui.i18n import t

    fail(t("cli.bad_port"))
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


async def console_session(
    server: Any,
    hosted: Any,
    *,
    bots: bool = False,
    local_url: str | None = None,
    pace: float = DEFAULT_PACE,
    resumed: bool = False,
) -> int:
    """Run the facilitator console against ``server`` in this event loop; its exit code.

    Bots the facilitator assigns play at ``pace`` seconds a move. A ``resumed``
    game's console starts projector-safe (the wall may be showing it); the
    facilitator's other settings come back from the settings file of this
    session's database.
    """
    from game.commands.join import connect_error, fail
    from game.tui.console.app import ConsoleApp
    from game.tui.console.settings import ConsoleSettings
    from game.tui.net_link import NetLink

    settings = ConsoleSettings.load(str(hosted.store.path))
    if resumed:
        settings.private = False
    local = local_url or f"ws://127.0.0.1:{server.port}"
    link = NetLink.for_console(local, hosted.config.facilitator, private=settings.private)
    try:
        await link.connect()
    except Exception as exc:
        await link.close()
        fail(connect_error(exc, local))
        return 1
    pool = bot_pool(server, local, pace)
    on_start = bot_starter(server, pool) if bots else None
    app = ConsoleApp(
        link,
        codes=hosted.codes_document(),
        on_start=on_start,
        settings=settings,
        scenario=hosted.scenario,
    )
    try:
        await app.run_async()
    finally:
        await pool.stop()
        await link.close()
    return int(app.return_code or 0)


def say(text: str) -> None:
    print(text, file=sys.stderr)
