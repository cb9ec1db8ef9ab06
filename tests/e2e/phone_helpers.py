"""Helpers of the phone tests (test_webseat_phone*.py): moves that bring the mini
game to a moment, and a relay whose line goes silent as a sleeping phone's does."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Any

from webseat_helpers import LiveHost

from game.engine import Move


def move(live: LiveHost, role: str, kind: str, data: dict[str, Any]) -> bool:
    """A participant's move, applied by the server as a seat would send it."""
    table = live.server.tables[1]
    return bool(live.call(live.server.apply_move(table, Move(kind, role, data))))


#: The package of the proposal :func:`proposed` puts on the table (P1).
PACKAGE = {"ontwerp": "kaal", "fasering": "los"}


def proposed(live: LiveHost, role: str) -> None:
    """Start the mini game, go on to its proposal round, and let ``role`` propose
    :data:`PACKAGE` (P1)."""
    live.facilitator("start")
    live.facilitator("next_round")
    assert move(live, role, "propose", {"package": dict(PACKAGE)})


def reveal(live: LiveHost) -> None:
    """Start the mini game and go on to its debrief round (the reveal)."""
    live.facilitator("start")
    for _ in range(3):
        live.facilitator("next_round")
    live.wait(lambda s: s.revealed)


def open_tab(page: Any, name: str) -> None:
    page.click(f"#tab-{name}")
    page.wait_for_selector(f"#tab-{name}[aria-selected='true']")


class FreezingProxy:
    """A TCP relay to the host that can go silent on its open connections, as a phone's
    line does in its sleep: nothing passes, nothing closes. New connections pass."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.frozen: set[Any] = set()
        self.open: set[Any] = set()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _start(self) -> asyncio.Server:
        return await asyncio.start_server(self._relay, "127.0.0.1", 0)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        pair = (writer, up_writer)
        self.open.add(pair)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    if pair in self.frozen:
                        continue  # swallowed: the line is dead, the socket is not
                    dst.write(data)
                    await dst.drain()
            if pair not in self.frozen:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def freeze(self) -> None:
        self.loop.call_soon_threadsafe(self.frozen.update, set(self.open))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def agree(live: LiveHost) -> None:
    """A passed vote on the net's proposal in the mini game (round 3, signing open)."""
    live.facilitator("start")
    live.facilitator("next_round")
    assert move(live, "net", "propose", {"package": {"ontwerp": "kaal", "fasering": "los"}})
    live.facilitator("next_round")
    live.facilitator("call_vote", {"proposal": "P1"})
    for role in ("gemeente", "net", "winkels"):
        move(live, role, "vote", {"choice": "yes"})
    live.wait(lambda s: s.agreement is not None)
