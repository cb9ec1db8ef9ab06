"""A loopback TCP relay that counts the bytes a server sends to its client: what a
websocket connection really puts on the wire (frames, compressed or not).

Used by ``benchmarks/wire.py`` and ``tests/protocol/test_compression.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class CountingProxy:
    """Relays 127.0.0.1:<its port> to 127.0.0.1:``target_port``; ``down`` counts
    the bytes from the server to the client, over every connection."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.down = 0

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, count: bool
    ) -> None:
        try:
            while data := await reader.read(65536):
                if count:
                    self.down += len(data)
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        await asyncio.gather(
            self._pipe(reader, up_writer, count=False),
            self._pipe(up_reader, writer, count=True),
        )

    @asynccontextmanager
    async def running(self) -> AsyncIterator[str]:
        """Listen on a free loopback port; yields the ``ws://`` address to connect to."""
        server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            yield f"ws://127.0.0.1:{port}"
        finally:
            server.close()
