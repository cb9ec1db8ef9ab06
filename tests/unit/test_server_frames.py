"""The server frames small messages itself (registry._write_frames): the bytes on
the socket are exactly those websockets' own ``send_text`` writes, for every size
around the length encodings and the compression limit, with and without
permessage-deflate, mixed in one write with messages websockets compresses."""

from __future__ import annotations

import pytest
from websockets.frames import Frame, Opcode
from websockets.protocol import State
from websockets.server import ServerProtocol

from game.net.deflate import LargeOnlyDeflate
from game.server import registry

SIZES = [0, 1, 125, 126, 127, 1000, 8191, 8192, 8193, 65535, 65536, 70000]


class Transport:
    def __init__(self) -> None:
        self.written = b""

    def write(self, data: bytes) -> None:
        self.written += data


class Conn:
    """What _write_frames uses of a ServerConnection."""

    def __init__(self, deflate: bool) -> None:
        self.protocol = ServerProtocol()
        self.protocol.state = State.OPEN
        if deflate:
            self.protocol.extensions = [LargeOnlyDeflate(False, False, 12, 12, {"memLevel": 5})]
        self.send_in_progress = None
        self.transport = Transport()


def _message(n: int, seed: int) -> bytes:
    """``n`` bytes (a multi-byte character may be cut: frames do not look inside)."""
    return (b'{"seed":%d,"text":"' % seed + "één ".encode() * n)[:n]


@pytest.mark.parametrize("deflate", [False, True])
def test_the_frames_are_those_websockets_writes(deflate: bool) -> None:
    fast, plain = Conn(deflate), Conn(deflate)
    batches = [[_message(n, i) for i, n in enumerate(SIZES)], [_message(n, 7) for n in SIZES[::-1]]]
    batches += [[_message(n, k)] for k, n in enumerate(SIZES)]
    for batch in batches:
        registry._write_frames(fast, batch)  # type: ignore[arg-type]
        for data in batch:
            plain.protocol.send_text(data)
        plain.transport.write(b"".join(plain.protocol.data_to_send()))
        assert fast.transport.written == plain.transport.written
    assert registry._plain_below(fast.protocol) == (
        LargeOnlyDeflate.min_size if deflate else 1 << 62
    )


def test_what_the_protocol_queued_goes_first() -> None:
    conn = Conn(deflate=True)
    conn.protocol.send_frame(Frame(Opcode.PONG, b"p"))
    registry._write_frames(conn, [b'{"a":1}'])  # type: ignore[arg-type]
    assert conn.transport.written == b"\x8a\x01p" + b"\x81\x07" + b'{"a":1}'


def test_other_extensions_or_a_fragment_under_way_take_websockets_path() -> None:
    conn = Conn(deflate=False)
    conn.protocol.expect_continuation_frame = True
    assert registry._plain_below(conn.protocol) == 0
    other = Conn(deflate=True)
    other.protocol.extensions = [object()]  # type: ignore[list-item]
    assert registry._plain_below(other.protocol) == 0
