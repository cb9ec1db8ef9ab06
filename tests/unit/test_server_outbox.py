"""The outbox: a connection's messages of one loop turn go out in one write, in order."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from websockets.protocol import State

from game.server import registry


class Protocol:
    state = State.OPEN

    def __init__(self) -> None:
        self.frames: list[bytes] = []

    def send_text(self, data: bytes) -> None:
        self.frames.append(b"T" + data)

    def data_to_send(self) -> list[bytes]:
        out, self.frames = self.frames, []
        return out


class Transport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def get_write_buffer_size(self) -> int:
        return 0


class Conn:
    send_in_progress = None

    def __init__(self) -> None:
        self.protocol = Protocol()
        self.transport = Transport()


async def test_one_write_per_connection_per_loop_turn() -> None:
    a, b = Conn(), Conn()
    conns: Any = [a, b]
    registry.send(conns, b'{"n":1}')
    registry.send([a], b'{"n":2}')  # type: ignore[list-item]
    registry.send(conns, b'{"n":3}')
    assert not a.transport.writes  # not yet: at the loop's next turn
    await asyncio.sleep(0)
    assert a.transport.writes == [b'T{"n":1}T{"n":2}T{"n":3}']
    assert b.transport.writes == [b'T{"n":1}T{"n":3}']
    registry.send([a], b"{}")  # type: ignore[list-item]
    registry.flush(a)  # type: ignore[arg-type]
    assert a.transport.writes[-1] == b"T{}"  # at once (before a close)
    await asyncio.sleep(0)
    assert len(a.transport.writes) == 2


async def test_a_closed_connection_is_skipped_and_the_others_still_get_theirs() -> None:
    closed, fine = Conn(), Conn()
    closed.protocol.state = State.CLOSING
    registry.send([closed, fine], json.dumps({"x": "ë"}).encode())  # type: ignore[list-item]
    await asyncio.sleep(0)
    assert not closed.transport.writes
    assert json.loads(fine.transport.writes[0][1:]) == {"x": "ë"}


async def test_a_burst_is_written_at_once_so_the_unread_check_sees_it() -> None:
    console = Conn()
    registry.send([console], b"first")  # type: ignore[list-item]
    registry.send_more([console], b"x" * 1000)  # type: ignore[list-item]
    assert console.transport.writes == [b"Tfirst" + b"T" + b"x" * 1000]
