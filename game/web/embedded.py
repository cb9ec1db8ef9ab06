"""Browser seats inside ``play`` and ``host``: the ``web`` server in the host's event loop.

The facilitator starts one command; when the optional ``web`` extra
(textual-serve) is installed, the browser-seat server runs alongside the game
server on port 8000 (or the next free one) and the console shows its address
and QR code. Each browser still gets its own ``game.web.entry`` process,
joined to the game server at ``server_url``; stopping ends them all.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any

DEFAULT_PORT = 8000
PORT_TRIES = 10


def web_available() -> bool:
    """Whether the optional ``web`` extra (textual-serve) is installed."""
    return importlib.util.find_spec("textual_serve") is not None


@dataclass
class WebSeats:
    """A running browser-seat server: its address, and how to stop it."""

    address: str
    port: int
    runner: Any

    async def stop(self) -> None:
        """Stop serving; every browser session ends (its page says so)."""
        await self.runner.cleanup()


async def start_web_seats(
    bind: str, server_url: str, lang: str, port: int | None = None
) -> WebSeats:
    """Serve browser seats on ``bind`` joined to the game at ``server_url``.

    Without ``port``: 8000 or the next free one. Raises OSError when no port
    can be used, ImportError without the ``web`` extra.
    """
    from game.web.address import web_address
    from game.web.serve import SeatServer, child_environment, entry_command, start

    child_environment()
    server = SeatServer(entry_command(server_url, lang), lang=lang)
    ports = [port] if port is not None else [*range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES), 0]
    runner, chosen = await start(server, bind, ports)
    return WebSeats(address=web_address(bind, chosen), port=chosen, runner=runner)
