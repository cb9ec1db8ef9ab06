"""A message the client cannot handle breaks the connection, not the client.

Before, any unexpected error while handling an incoming message ended the
client's connection task silently: no more views, no reconnect, and nothing
told the seat (it stayed on its last round while the others moved on).
"""

from __future__ import annotations

from typing import Any

from tests.protocol.conftest import Running, is_view


async def test_an_unhandled_message_makes_the_client_reconnect(mini_host: Running) -> None:
    seat = await mini_host.seat("net")
    console = await mini_host.console()
    handle = seat._dispatch
    broken: list[dict[str, Any]] = []

    def dispatch(msg: dict[str, Any]) -> None:
        if msg.get("type") in ("view", "patch") and not broken:
            broken.append(msg)
            raise ValueError("a message this client cannot handle")
        handle(msg)

    seat._dispatch = dispatch  # type: ignore[method-assign]
    await console.move("start")
    ack = await console.move("next_round")
    await seat.wait_for(is_view(ack["version"], "net"), timeout=10)
    assert broken and seat.reconnects == 1
    assert seat.view("net")["clock"]["index"] == 1  # type: ignore[index]
