"""The web server: textual-serve with a page that needs nothing from the internet.

textual-serve's own page loads its font from Google Fonts and builds its links
from the address it was started on (useless when listening on ``0.0.0.0``).
:class:`SeatServer` serves our template instead (``templates/app_index.html``):
the Roboto Mono font, xterm.css and textual.js all come from the static folder
of the installed textual-serve package, and the websocket address is taken from
the address the browser used.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from game.web.labels import w

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(textual_serve.__file__).resolve().parent / "static"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def entry_command(server: str | None, lang: str) -> str:
    """The shell command textual-serve runs for each browser."""
    command = [sys.executable, "-m", "game.web.entry", "--lang", lang]
    if server:
        command += ["--server", server]
    return shlex.join(command)


class SeatServer(Server):
    """textual-serve serving the browser entry app with an offline page."""

    def __init__(self, command: str, lang: str = "nl") -> None:
        super().__init__(command, title=w("title"), statics_path=STATIC, templates_path=TEMPLATES)
        self.lang = lang
        self.sockets: set[web.WebSocketResponse] = set()

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the ``web`` command prints the address itself."""

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page: assets from this server, the websocket at the address the browser used."""
        scheme = "wss" if request.secure else "ws"
        return {
            "lang": self.lang,
            "title": self.title,
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws",
            "start": w("page.start"),
            "ended": w("page.ended"),
            "restart": w("page.restart"),
        }

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """One browser's session; remembered so that shutting down can end it."""
        self.sockets.add(websocket)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self.sockets.discard(websocket)

    async def on_shutdown(self, app: web.Application) -> None:
        """End every browser session: its app quits and the page says it has ended."""
        await asyncio.gather(*(ws.close() for ws in list(self.sockets)), return_exceptions=True)


def child_environment() -> None:
    """Let the per-browser processes import this very ``game`` package."""
    paths = [str(PROJECT_ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))


async def serve(
    server: SeatServer, host: str, ports: list[int], on_ready: Callable[[int], None]
) -> None:
    """Serve on ``host`` at the first free port of ``ports`` until SIGINT/SIGTERM.

    Raises OSError when none of the ports can be used.
    """
    runner, port = await start(server, host, ports)
    try:
        on_ready(port)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()


async def start(server: SeatServer, host: str, ports: list[int]) -> tuple[web.AppRunner, int]:
    """Start serving on ``host`` at the first free port of ``ports``, in this event loop.

    Returns the runner (``await runner.cleanup()`` stops it and ends every
    browser session) and the port. Raises OSError when no port can be used.
    """
    runner = web.AppRunner(await server._make_app(), access_log=None, handle_signals=False)
    await runner.setup()
    try:
        return runner, await _listen(runner, host, ports)
    except BaseException:
        await runner.cleanup()
        raise


async def _listen(runner: web.AppRunner, host: str, ports: list[int]) -> int:
    error: OSError | None = None
    for candidate in ports:
        site = web.TCPSite(runner, host, candidate)
        try:
            await site.start()
        except OSError as exc:
            error = exc
            continue
        return int(runner.addresses[-1][1])
    raise error or OSError("no port to listen on")


def quiet_logging() -> None:
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
