"""A small asyncio client for the game server (protocol v1, docs/protocol.md).

Used by the seats, the room screen, the console, bots and tests::

    client = GameClient("ws://192.168.1.10:8765", codes=["BR7-K4Q"])
    welcome = await client.connect()
    ack = await client.move("message", {"text": "Hallo"}, as_="net")
    async for msg in client:          # views, notices, presence, connection state
        ...
    await client.close()

The client reconnects by itself after a lost connection (exponential backoff,
capped and jittered), sends ``hello`` again and so gets its seats and current
views back. Views arrive whole or, after the first, as patches of the fields
that changed; the client applies them, so ``views`` and the messages it hands
on always carry whole views. Every move carries a fresh client ``key``; when the
connection breaks after a move was sent and before its answer, ``move`` waits
for the reconnect and sends it again with the same key, and the server, which
applies a key at most once per seat, answers with the first answer. ``move``
raises :class:`ConnectionLost` when the client is not connected at the call
(nothing is sent) or the connection does not come back within the move's
timeout; other requests fail with it at once. Codes are never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import random
import secrets
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.net.deflate import client_extensions
from game.net.parts import PartViews

PROTOCOL_VERSION = 1
CLOSE_POLICY = 1008  # the server closed us for a reason a retry cannot cure
log = logging.getLogger("game.net")

#: Errors at ``hello`` that a reconnect cannot cure.
FATAL_HELLO_ERRORS = frozenset({"bad_code", "bad_protocol", "bad_fields", "wrong_table"})


def new_key() -> str:
    """A fresh client key for a move: 16 random hex digits."""
    return secrets.token_hex(8)


class ServerError(Exception):
    """The server refused a request: ``code`` (stable) and ``reason`` (English)."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


class ConnectionLost(ConnectionError):
    """The connection is down (the client is reconnecting, or closed)."""


class GameClient:
    """One websocket connection to the game server, kept alive."""

    def __init__(
        self,
        url: str,
        *,
        codes: Iterable[str] = (),
        facilitator: str | None = None,
        client: str = "seat",
        locked: bool = False,
        private: bool = True,
        reconnect: bool = True,
        backoff_initial: float = 0.25,
        backoff_max: float = 8.0,
        open_timeout: float = 10.0,
        queue_size: int = 10_000,
        patches: bool = True,
        parts: bool = True,
        on_message: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        self.url = url
        self.codes = list(codes)
        self.facilitator = facilitator
        self.client = client
        self.locked = locked
        self.private = private
        self.reconnect = reconnect
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.open_timeout = open_timeout
        self.on_message = on_message
        self.patches = patches
        self.parts = parts
        #: The views of a ``parts`` connection as sent, with their parts.
        self._part_views = PartViews()
        self.welcome: dict[str, Any] | None = None
        #: Latest view per (table, as): as is a role id, "room" or "facilitator".
        self.views: dict[tuple[int, str], dict[str, Any]] = {}
        self.versions: dict[int, int] = {}
        self.connected = asyncio.Event()
        self.reconnects = 0
        #: Moves sent again, with their key, after a lost connection.
        self.resends = 0
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(queue_size)
        self._ids = itertools.count(1)
        self._pending: dict[Any, asyncio.Future[dict[str, Any]]] = {}
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._first: asyncio.Future[dict[str, Any]] | None = None
        self._closing = False
        self._background: set[asyncio.Future[None]] = set()

    # -- life cycle -------------------------------------------------------------

    async def connect(self, timeout: float | None = None) -> dict[str, Any]:
        """Connect and join; the ``welcome`` message.

        Raises ServerError when the server refuses the codes; with ``reconnect``
        off, OSError when it cannot be reached; TimeoutError after ``timeout``.
        """
        loop = asyncio.get_running_loop()
        self._first = loop.create_future()
        self._task = asyncio.create_task(self._run())
        try:
            return await asyncio.wait_for(asyncio.shield(self._first), timeout)
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        """Close for good (no reconnect)."""
        self._closing = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        self._fail_pending(ConnectionLost("the client was closed"))

    async def __aenter__(self) -> GameClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def drop(self) -> None:
        """Drop the current connection as if the network failed (tests, diagnostics)."""
        if self._ws is not None and self._ws.transport is not None:
            self._ws.transport.abort()

    # -- requests ---------------------------------------------------------------

    async def request(self, message: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
        """Send ``message`` with a fresh ``id``; its ``ack``, or ServerError for its ``error``."""
        ws = self._ws
        if ws is None or not self.connected.is_set():
            raise ConnectionLost("not connected")
        rid = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[rid] = future
        try:
            await ws.send(json.dumps({**message, "id": rid}))
            reply = await asyncio.wait_for(future, timeout)
        except ConnectionClosed:
            raise ConnectionLost("the connection was lost") from None
        finally:
            self._pending.pop(rid, None)
            if future.done() and not future.cancelled():
                future.exception()  # failed while we were still sending: seen, not lost
            else:
                future.cancel()
        if reply.get("type") == "error":
            raise ServerError(str(reply.get("code")), str(reply.get("reason")))
        return reply

    async def move(
        self,
        move: str,
        data: dict[str, Any] | None = None,
        *,
        as_: str | None = None,
        table: int | None = None,
        timeout: float = 10.0,
        key: str | None = None,
    ) -> dict[str, Any]:
        """Make a move as ``as_`` (default: the only role held, or the facilitator).

        The move carries ``key`` (default: a fresh random one). If the connection
        breaks after the move was sent and before its answer, it is sent again
        with the same key once the client has reconnected, so it is applied at
        most once; the answer is the server's first answer. ConnectionLost at
        once when not connected (nothing was sent), after ``timeout`` seconds
        without a connection, or when the client is closed.
        """
        actor = as_ or self._default_actor()
        msg: dict[str, Any] = {
            "type": "move",
            "as": actor,
            "move": move,
            "data": data or {},
            "key": key or new_key(),
        }
        if table is not None:
            msg["table"] = table
        if self._ws is None or not self.connected.is_set():
            raise ConnectionLost("not connected")  # nothing sent: nothing to send again
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        session = (self.welcome or {}).get("session")
        sent = False
        while True:
            try:
                if sent:
                    self.resends += 1
                sent = True
                return await self.request(msg, max(0.0, deadline - loop.time()))
            except ConnectionLost:
                if self._closing or not self.reconnect:
                    raise
                left = deadline - loop.time()
                if left <= 0:
                    raise
                try:
                    await asyncio.wait_for(self.connected.wait(), left)
                except TimeoutError:
                    raise ConnectionLost("no connection to send the move again") from None
                if (self.welcome or {}).get("session") != session:
                    raise ConnectionLost("the server holds another game now") from None

    async def unlock(self, role: str, pin: str) -> dict[str, Any]:
        return await self.request({"type": "unlock", "role": role, "pin": pin})

    async def lock(self, role: str) -> dict[str, Any]:
        """Lock ``role`` on this connection: its view is dropped here and no longer sent."""
        reply = await self.request({"type": "lock", "role": role})
        for key in [k for k in self.views if k[1] == role]:
            del self.views[key]
            self._part_views.forget(key)
        return reply

    async def set_private(self, private: bool) -> dict[str, Any]:
        self.private = private
        return await self.request({"type": "options", "private": private})

    async def unblock(self, address: str) -> dict[str, Any]:
        """Facilitator: lift the block of ``address`` (from a ``blocks`` message)."""
        return await self.request({"type": "unblock", "address": address})

    async def ping(self) -> dict[str, Any]:
        return await self.request({"type": "ping"})

    async def plan(
        self,
        proposal: str | None = None,
        package: dict[str, str] | None = None,
        table: int | None = None,
    ) -> dict[str, Any]:
        """The plan detail (job list, works, nuisance per segment, cost per owner) of
        a proposal or a package: ``reply["plan"]`` (docs/protocol.md §5, ``plan``)."""
        message: dict[str, Any] = {"type": "plan"}
        if proposal is not None:
            message["proposal"] = proposal
        if package is not None:
            message["package"] = package
        if table is not None:
            message["table"] = table
        return await self.request(message)

    async def send_raw(self, text: str | bytes) -> None:
        """Send a frame as is (tests of bad input)."""
        if self._ws is None:
            raise ConnectionLost("not connected")
        await self._ws.send(text)

    def _default_actor(self) -> str:
        if self.facilitator is not None:
            return "facilitator"
        seats = (self.welcome or {}).get("seats", [])
        if len(seats) == 1:
            return str(seats[0]["role"])
        raise ValueError("say as which role (as_=...)")

    # -- incoming ---------------------------------------------------------------

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[dict[str, Any]]:
        while True:
            yield await self._queue.get()

    async def next_message(self, timeout: float | None = None) -> dict[str, Any]:
        """The next incoming message (view, notice, presence, connection...)."""
        return await asyncio.wait_for(self._queue.get(), timeout)

    async def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 10.0
    ) -> dict[str, Any]:
        """Skip incoming messages until one matches ``predicate``."""
        async with asyncio.timeout(timeout):
            while True:
                msg = await self._queue.get()
                if predicate(msg):
                    return msg

    def view(self, as_: str | None = None, table: int | None = None) -> dict[str, Any] | None:
        """The latest view of ``as_`` (default: the only one held)."""
        for (t, who), view in self.views.items():
            if (as_ is None or who == as_) and (table is None or t == table):
                return view
        return None

    def _deliver(self, msg: dict[str, Any]) -> None:
        if self._queue.full():
            self._queue.get_nowait()  # keep the newest
        self._queue.put_nowait(msg)
        if self.on_message is not None:
            try:
                self.on_message(msg)
            except Exception:
                log.exception("on_message failed")

    # -- the connection loop ----------------------------------------------------

    def _hello(self) -> dict[str, Any]:
        hello: dict[str, Any] = {
            "type": "hello",
            "protocol": PROTOCOL_VERSION,
            "client": self.client,
        }
        if self.codes:
            hello["codes"] = self.codes
        if self.facilitator is not None:
            hello["facilitator"] = self.facilitator
            hello["private"] = self.private
        if self.locked:
            hello["locked"] = True
        if self.patches:
            hello["patches"] = True
        if self.parts:
            hello["parts"] = True
        if self.versions:
            hello["resume_version"] = max(self.versions.values())
        return hello

    async def _run(self) -> None:
        attempt = 0
        while not self._closing:
            try:
                async with connect(
                    self.url,
                    open_timeout=self.open_timeout,
                    compression=None,
                    extensions=client_extensions(),
                    max_size=2**22,
                    ping_interval=20,
                    ping_timeout=20,
                ) as ws:
                    self._ws = ws
                    await ws.send(json.dumps(self._hello()))
                    await self._join(ws)
                    attempt = 0
                    async for raw in ws:
                        self._dispatch(json.loads(raw))
            except ServerError as exc:  # refused at hello: no point in retrying
                self._stop_with(exc)
                return
            except ConnectionClosed as exc:
                if exc.rcvd is not None and exc.rcvd.code == CLOSE_POLICY:
                    self._stop_with(ConnectionLost(f"closed by the server: {exc.rcvd.reason}"))
                    self._deliver(
                        {"type": "connection", "state": "closed", "reason": exc.rcvd.reason}
                    )
                    return
            except (OSError, InvalidHandshake, TimeoutError) as exc:
                if self._first is not None and not self._first.done() and not self.reconnect:
                    self._stop_with(exc)
                    return
            except InvalidURI as exc:
                self._stop_with(exc)
                return
            except Exception as exc:  # a message we could not handle: start afresh
                if self._first is not None and not self._first.done():
                    self._stop_with(exc)
                    return
                log.exception("could not handle a message from the server; reconnecting")
            finally:
                was_connected = self.connected.is_set()
                self.connected.clear()
                self._ws = None
                self._fail_pending(ConnectionLost("the connection was lost"))
            if was_connected and not self._closing:
                self._deliver({"type": "connection", "state": "lost"})
            if self._closing or not self.reconnect:
                return
            delay = min(self.backoff_max, self.backoff_initial * 2**attempt)
            attempt = min(attempt + 1, 30)
            await asyncio.sleep(delay * random.uniform(0.5, 1.0))

    async def _join(self, ws: ClientConnection) -> None:
        async with asyncio.timeout(self.open_timeout):
            while True:
                msg = json.loads(await ws.recv())
                if msg.get("type") == "welcome":
                    break
                if msg.get("type") == "error":
                    code, reason = str(msg.get("code")), str(msg.get("reason"))
                    if code in FATAL_HELLO_ERRORS or self.welcome is None:
                        raise ServerError(code, reason)
                    raise ConnectionLost(reason)
        previous = self.welcome
        restored = previous is not None
        if previous is not None and msg.get("session") != previous.get("session"):
            self.views.clear()
            self.versions.clear()
            self._part_views.clear()
        self.welcome = msg
        self.connected.set()
        if restored:
            self.reconnects += 1
            self._deliver({"type": "connection", "state": "restored"})
        self._deliver(msg)
        if self._first is not None and not self._first.done():
            self._first.set_result(msg)

    def _dispatch(self, msg: dict[str, Any]) -> None:
        kind = msg.get("type")
        if kind in ("ack", "error", "pong") and msg.get("id") in self._pending:
            future = self._pending.pop(msg["id"])
            if not future.done():
                future.set_result(msg)
            return
        if kind == "ack" and msg.get("id") is None:
            return  # the answer to our own sync
        if kind == "patch":
            patched = self._patched(msg)
            if patched is None:
                return
            msg = patched
            kind = "view"
        if kind == "view" and "parts" in msg:
            key = (int(msg["table"]), str(msg["as"]))
            parts = msg["parts"]
            msg = {k: v for k, v in msg.items() if k != "parts"}
            msg["view"] = self._part_views.whole(key, msg["view"], parts)
        if kind == "view":
            table, version = int(msg["table"]), int(msg["version"])
            self.views[(table, str(msg["as"]))] = msg["view"]
            self.versions[table] = max(version, self.versions.get(table, 0))
        self._deliver(msg)

    def _patched(self, msg: dict[str, Any]) -> dict[str, Any] | None:
        """The full ``view`` message a ``patch`` makes of the view we have, or None
        (and a ``sync`` request) when we do not have its base."""
        key = (int(msg["table"]), str(msg["as"]))
        current = self.views.get(key)
        if "parts" in msg:
            view = self._part_views.patched(key, msg)
        elif current is None or current.get("version") != msg.get("base"):
            view = None
        else:
            view = {**current, **msg.get("set", {})}
            for field in msg.get("unset", ()):
                view.pop(field, None)
        if view is None:
            if self._ws is not None:
                task = asyncio.ensure_future(self._ws.send('{"type":"sync"}'))
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            return None
        return {
            "type": "view",
            "as": msg["as"],
            "table": msg["table"],
            "version": msg["version"],
            "view": view,
        }

    def _fail_pending(self, exc: Exception) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(exc)
        self._pending.clear()

    def _stop_with(self, exc: BaseException) -> None:
        self._closing = True
        if self._first is not None and not self._first.done():
            self._first.set_exception(exc)
