"""permessage-deflate for large messages only.

Every browser and the terminal client (``GameClient``) offer deflate; the
server then compresses a message only from ``MIN_SIZE`` bytes (a late game's
first view), and leaves small ones (a move's patches) plain, which RFC 7692
allows and every peer reads. The views are the same either way."""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.frames import Frame, Opcode

from benchmarks.proxy import CountingProxy
from game.net.client import GameClient
from game.net.deflate import MIN_SIZE, LargeOnlyDeflate
from tests.protocol.conftest import Running
from tests.protocol.test_parts import play_with_proposals

#: The mini scenario's views are a few kilobytes: count them as large here.
SMALL_LIMIT = 1024


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LargeOnlyDeflate, "min_size", SMALL_LIMIT)


async def _first_view(url: str, code: str, compression: str | None) -> tuple[dict[str, Any], str]:
    """The first whole view a seat gets, and the extensions the server agreed to."""
    async with connect(url, compression=compression) as ws:
        await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": [code]}))
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] == "view":
                assert ws.response is not None
                return msg, ws.response.headers.get("Sec-WebSocket-Extensions", "")


async def test_a_browser_that_offers_deflate_gets_a_large_view_compressed(
    mini_host: Running, small_limit: None
) -> None:
    await play_with_proposals(mini_host)  # a view with proposals, messages and comments
    code = mini_host.role_code("winkels")
    port = int(mini_host.url.rsplit(":", 1)[1])
    sizes: dict[str | None, int] = {}
    views: dict[str | None, dict[str, Any]] = {}
    for compression in ("deflate", None):
        proxy = CountingProxy(port)
        async with proxy.running() as url:
            views[compression], agreed = await _first_view(url, code, compression)
        sizes[compression] = proxy.down
        assert ("permessage-deflate" in agreed) == (compression == "deflate")
    same = [{**v["view"], "clock": None} for v in views.values()]  # the clock ticks
    assert same[0] == same[1]
    text = len(json.dumps(views[None], ensure_ascii=False, separators=(",", ":")).encode())
    assert text > SMALL_LIMIT
    assert sizes[None] > text  # the plain frames carry the whole JSON
    assert sizes["deflate"] < sizes[None] / 2, sizes


async def test_the_terminal_client_offers_deflate_too(
    mini_host: Running, small_limit: None
) -> None:
    """A terminal seat's first connect is compressed like a browser's (it was not)."""
    await play_with_proposals(mini_host)
    code = mini_host.role_code("winkels")
    port = int(mini_host.url.rsplit(":", 1)[1])
    proxy = CountingProxy(port)
    async with proxy.running() as url:
        client = GameClient(url, codes=[code], reconnect=False)
        await client.connect(timeout=10)
        seen = client.view()
        await client.close()
    assert seen is not None
    plain = CountingProxy(port)
    async with plain.running() as url:
        await _first_view(url, code, None)
    assert proxy.down < plain.down / 2, (proxy.down, plain.down)


def _frame(size: int) -> Frame:
    text = json.dumps({"type": "patch", "pad": "x" * size})[:size]
    return Frame(Opcode.TEXT, text.encode())


def test_small_messages_stay_plain_and_large_ones_are_compressed() -> None:
    sender = LargeOnlyDeflate(False, False, 12, 12, {"memLevel": 5})
    receiver = PerMessageDeflate(False, False, 12, 12)  # any RFC 7692 peer
    sizes = [MIN_SIZE * 4, 200, MIN_SIZE - 1, MIN_SIZE, 3000, MIN_SIZE * 2]
    for size in sizes:
        frame = _frame(size)
        sent = sender.encode(frame)
        if size < MIN_SIZE:
            assert not sent.rsv1 and sent.data == frame.data
        else:
            assert sent.rsv1 and len(sent.data) < size / 4
        # the peer's context carries over the plain messages in between
        assert bytes(receiver.decode(sent).data) == frame.data


def test_control_frames_and_fragments_are_left_to_websockets() -> None:
    sender = LargeOnlyDeflate(False, False, 12, 12, {"memLevel": 5})
    ping = Frame(Opcode.PING, b"x" * 10)
    assert sender.encode(ping) is ping
    first = sender.encode(Frame(Opcode.TEXT, b"a" * 10, fin=False))
    assert first.rsv1  # a fragmented message is compressed whole, whatever its size
    rest = sender.encode(Frame(Opcode.CONT, b"b" * 10))
    data = bytes(first.data) + bytes(rest.data) + b"\x00\x00\xff\xff"
    assert zlib.decompressobj(wbits=-12).decompress(data) == b"a" * 10 + b"b" * 10
