"""permessage-deflate: a client that offers it (every browser does) gets its frames
compressed; a client that does not (the terminal seats) gets them as before. The
views are the same either way; on the wire a whole view is several times smaller."""

from __future__ import annotations

import json
from typing import Any

from websockets.asyncio.client import connect

from benchmarks.proxy import CountingProxy
from tests.protocol.conftest import Running
from tests.protocol.test_parts import play_with_proposals


async def _first_view(url: str, code: str, compression: str | None) -> tuple[dict[str, Any], str]:
    """The first whole view a seat gets, and the extensions the server agreed to."""
    async with connect(url, compression=compression) as ws:
        await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": [code]}))
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] == "view":
                assert ws.response is not None
                return msg, ws.response.headers.get("Sec-WebSocket-Extensions", "")


async def test_a_client_that_offers_deflate_gets_compressed_frames(mini_host: Running) -> None:
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
    assert sizes[None] > text  # the plain frames carry the whole JSON
    assert sizes["deflate"] < sizes[None] / 2, sizes
