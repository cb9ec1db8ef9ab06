"""The connections of a server, indexed by table, and how messages reach them."""

from __future__ import annotations

import asyncio
import logging
import struct
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.protocol import Protocol, Side, State

from game.net.deflate import LargeOnlyDeflate
from game.server.protocol import dumps
from game.server.session import Session

log = logging.getLogger("game.server")

#: A connection whose unsent output grows past this is not reading: it is dropped.
MAX_WRITE_BUFFER = 8 * 1024 * 1024


class Registry:
    def __init__(self) -> None:
        self.sessions: set[Session] = set()
        self._tables: dict[int, set[Session]] = {}
        self._consoles: set[Session] = set()

    def add(self, session: Session) -> None:
        self.sessions.add(session)

    def joined(self, session: Session) -> None:
        """Index a session after its hello."""
        if session.facilitator:
            self._consoles.add(session)
        elif session.table is not None:
            self._tables.setdefault(session.table, set()).add(session)

    def remove(self, session: Session) -> None:
        self.sessions.discard(session)
        self._consoles.discard(session)
        if session.table is not None:
            self._tables.get(session.table, set()).discard(session)

    def of_table(self, number: int) -> Iterator[Session]:
        """Every joined connection that sees ``number``: its seats, screens and consoles."""
        yield from self._tables.get(number, ())
        yield from self._consoles

    def consoles(self) -> Iterable[Session]:
        return self._consoles

    def presence(self, number: int, roles: Iterable[str]) -> dict[str, Any]:
        """Who is connected at a table: connections per role, and room screens."""
        counts: dict[str, int] = dict.fromkeys(roles, 0)
        screens = 0
        for s in self._tables.get(number, ()):
            for role in s.roles:
                counts[role] = counts.get(role, 0) + 1
            screens += int(s.screen)
        return {"type": "presence", "table": number, "roles": counts, "screens": screens}

    def send_presence(self, number: int, roles: Iterable[str]) -> None:
        if self._consoles:
            send([s.ws for s in self._consoles], dumps(self.presence(number, roles)))


#: Per connection, what the last burst of whole views added to its output (see
#: ``send_more``): allowed on top of MAX_WRITE_BUFFER until the connection has read it.
_BURST: weakref.WeakKeyDictionary[ServerConnection, int] = weakref.WeakKeyDictionary()


class _Outbox:
    """Messages to write, per connection, until the event loop's next turn.

    Everything a connection is sent while the loop runs one batch of callbacks (a
    move's ack, its view or patch and its notices; for a console, every table
    whose moves were committed together) goes out in one socket write instead of
    one per message: the same websocket frames, in the same order, with a
    fraction of the system calls. The flush is the next callback of the loop, so
    nothing waits for a timer. Without a running loop (tests) messages go out at once.
    """

    def __init__(self) -> None:
        self.pending: dict[ServerConnection, list[bytes]] = {}

    def put(self, conns: list[ServerConnection], data: bytes) -> None:
        if not self.pending:
            try:
                asyncio.get_running_loop().call_soon(self.flush)
            except RuntimeError:  # no loop running: write now
                _write(conns, data)
                return
        pending = self.pending
        for ws in conns:
            queued = pending.get(ws)
            if queued is None:
                pending[ws] = [data]
            else:
                queued.append(data)

    def flush(self, only: ServerConnection | None = None) -> None:
        """Write what is pending (``only``: that connection's, e.g. before a close)."""
        if only is not None:
            queued = self.pending.pop(only, None)
            if queued:
                _write_frames(only, queued)
            return
        pending, self.pending = self.pending, {}
        for ws, queued in pending.items():
            _write_frames(ws, queued)


def _write_frames(ws: ServerConnection, messages: list[bytes]) -> None:
    """Text frames of ``messages`` to ``ws`` in one write (skipped, like websockets'
    ``broadcast``, when the connection is not open or is sending a fragmented message)."""
    if ws.protocol.state is not State.OPEN or ws.send_in_progress is not None:
        return
    try:
        protocol = ws.protocol
        below = _plain_below(protocol)
        if below:
            # As send_text would frame them (tests/unit/test_server_frames.py), and
            # what the protocol has queued first, in order.
            chunks = protocol.data_to_send()
            for data in messages:
                if len(data) < below:
                    chunks.append(_text_frame(data))
                else:
                    protocol.send_text(data)
                    chunks.extend(protocol.data_to_send())
        else:
            for data in messages:
                protocol.send_text(data)
            chunks = protocol.data_to_send()
        if len(chunks) == 1:
            ws.transport.write(chunks[0])
        elif chunks:
            ws.transport.write(b"".join(chunks))
    except Exception:  # never fail the other connections (websockets' broadcast logs too)
        log.warning("skipped a write to a connection", exc_info=True)


def _plain_below(protocol: Protocol) -> int:
    """The size under which a whole text message goes out as one plain frame (0: none
    does this way): a server (unmasked), no fragmented message under way, no frame
    logging, and no extension but ours, which leaves messages under its ``min_size``
    plain."""
    if (
        getattr(protocol, "side", None) is not Side.SERVER  # (a stand-in in tests: not ours)
        or protocol.expect_continuation_frame
        or protocol.debug
        or not all(type(e) is LargeOnlyDeflate for e in protocol.extensions)
    ):
        return 0
    return min((e.min_size for e in protocol.extensions), default=_NO_LIMIT)  # type: ignore[attr-defined]


_NO_LIMIT = 1 << 62


def _text_frame(data: bytes) -> bytes:
    """An unmasked, final text frame of ``data`` (RFC 6455 §5.2), as websockets writes it."""
    n = len(data)
    if n < 126:
        return bytes((0x81, n)) + data
    if n < 65536:
        return _HEAD16.pack(0x81, 126, n) + data
    return _HEAD64.pack(0x81, 127, n) + data


_HEAD16 = struct.Struct("!BBH")
_HEAD64 = struct.Struct("!BBQ")


def _write(conns: list[ServerConnection], data: bytes) -> None:
    broadcast(conns, data, text=True)


OUTBOX = _Outbox()


def flush(ws: ServerConnection) -> None:
    """Write what is pending for ``ws`` now (before closing it)."""
    OUTBOX.flush(ws)


def send(conns: Iterable[ServerConnection], data: bytes) -> None:
    """Write a message (UTF-8 JSON bytes, as ``protocol.dumps`` and the fan-out make
    them) to each connection as a text frame, without waiting (ordered per connection)."""
    ok = []
    for ws in conns:
        transport = ws.transport
        if transport is not None:
            unread = transport.get_write_buffer_size()
            burst = _BURST.get(ws, 0) if _BURST else 0  # a weak dict: looked up only if used
            if unread > MAX_WRITE_BUFFER + burst:
                log.warning("dropping a connection that does not read its messages")
                transport.abort()
                continue
            if burst and unread <= MAX_WRITE_BUFFER:
                del _BURST[ws]  # read: back to the plain limit
        ok.append(ws)
    OUTBOX.put(ok, data)


def send_more(conns: Iterable[ServerConnection], data: bytes) -> None:
    """Write ``data`` without the unread-output check, for the rest of a burst of whole
    views (a console of 100 tables gets some 35 MB at once) whose first message went
    through ``send``. Until it has read the burst, the connection may have that much
    more unread output than others."""
    conns = list(conns)
    for ws in conns:
        _BURST[ws] = _BURST.get(ws, 0) + len(data)
    OUTBOX.put(conns, data)
    for ws in conns:  # written now: the limit check of the next ``send`` must see the burst
        OUTBOX.flush(ws)


def push(session: Session, data: bytes) -> None:
    send([session.ws], data)
