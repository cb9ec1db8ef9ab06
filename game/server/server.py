"""The authoritative game server: websockets in, engine moves, views out.

:class:`GameServer` owns the listening socket and each connection's loop: it
enforces the limits, parses protocol messages, checks who may do what, and hands
moves to :class:`~game.server.moves.MoveRunner` (apply, commit, ack, broadcast).
Joining is :mod:`game.server.joining`; views go out through
:mod:`game.server.fanout`. The server never dies of a client: every
connection's errors are caught and logged (without codes).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.engine import FACILITATOR, IllegalMove, Move
from game.engine.preview import preview
from game.engine.view_parts import plan_view
from game.net.deflate import server_extensions
from game.server import protocol as p
from game.server.fanout import ViewFanout
from game.server.hosting import HostedSession
from game.server.joining import Doorman
from game.server.limits import Limits
from game.server.moves import BotLauncher, MoveRunner
from game.server.protocol import ErrorCode, ProtocolError
from game.server.registry import Registry, flush, push
from game.server.session import Session
from game.server.tables import HostedTable
from game.server.writer import LogWriter
from game.webseat.http import process_request

log = logging.getLogger("game.server")

CLOSE_POLICY = 1008

__all__ = ["BotLauncher", "GameServer"]


class GameServer:
    """Hosts every table of one session on one websocket port."""

    def __init__(
        self,
        hosted: HostedSession,
        *,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.time,
        tick_interval: float = 0.5,
    ) -> None:
        self.hosted = hosted
        self.limits = limits or Limits()
        self.clock = clock
        self.tick_interval = tick_interval
        self.tables: dict[int, HostedTable] = {t.number: t for t in hosted.tables}
        self.registry = Registry()
        self.writer = LogWriter(hosted.store)
        self.runner = MoveRunner(self.tables, self.registry, self.writer, clock)
        self.doorman = Doorman(
            hosted, self.tables, self.registry, self.limits, self._close, self._send_views
        )
        self.port: int = 0
        self._numbers = itertools.count(1)
        self._server: Server | None = None
        self._clock_task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Future[None]] = set()

    @property
    def bot_launcher(self) -> BotLauncher | None:
        """Called with (table, role, role code) when the facilitator assigns a bot."""
        return self.runner.bot_launcher

    @bot_launcher.setter
    def bot_launcher(self, launcher: BotLauncher | None) -> None:
        self.runner.bot_launcher = launcher

    async def _reclaim_bot_seats(self, session: Session) -> None:
        """A person who joins a role a bot plays takes the seat back.

        The facilitator's ``assign`` move (seat ``human``) is applied for them,
        so the bot hands over with its summary (see :mod:`game.bots.live`).
        """
        if not session.joined or session.client != "seat" or session.table is None:
            return
        hosted = self.tables[session.table]
        for role in list(session.roles):
            if hosted.state.seats.get(role) == "bot":
                move = Move("assign", FACILITATOR, {"role": role, "seat": "human"})
                await self.runner.apply_move(hosted, move)
                log.info("table %d: a person took %s back from its bot", hosted.number, role)

    def notify_role(self, table: int, role: str, notice: dict[str, Any]) -> None:
        """Send ``notice`` (it must carry ``"to": role``) to that role's unlocked
        connections and the facilitator's private console; used for a bot's
        hand-back summary. Not stored: notices are not part of the game state."""
        hosted = self.runner.tables.get(table)
        if hosted is None:
            return
        self.runner.send_notices(hosted, ({**notice, "to": role},))

    @property
    def sessions(self) -> set[Session]:
        return self.registry.sessions

    @property
    def fanout(self) -> ViewFanout:
        return self.runner.fanout

    async def apply_move(
        self, table: HostedTable, move: Move, session: Session | None = None, rid: Any = None
    ) -> bool:
        """Apply a move as the server (the clock, a console in-process, bots' assignment)."""
        return await self.runner.apply_move(table, move, session, rid)

    def broadcast_views(self, table: HostedTable) -> None:
        self.runner.broadcast_views(table)

    # -- life cycle -------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Listen on ``host:port`` (0: any free port); returns the port."""
        self._server = await serve(
            self._handle,
            host,
            port,
            max_size=self.limits.max_frame,
            # permessage-deflate for clients that offer it (every browser and the
            # terminal clients), for large messages only: a late game's first view
            # shrinks about six times on the wire, a move's patches cost no zlib.
            compression=None,
            extensions=server_extensions(),
            ping_interval=20,
            ping_timeout=20,
            max_queue=64,
            process_request=process_request,  # plain GETs: the browser seat (game/webseat)
        )
        sockets = list(self._server.sockets)
        self.port = int(sockets[0].getsockname()[1])
        self._clock_task = asyncio.create_task(self.runner.run_clock(self.tick_interval))
        log.info("listening on %s:%d with %d table(s)", host, self.port, len(self.tables))
        return self.port

    async def stop(self) -> None:
        """Close every connection (1001, going away), stop listening, finish the commits."""
        if self._clock_task:
            self._clock_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._clock_task
        if self._server:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None
        await asyncio.to_thread(self.writer.close)

    async def __aenter__(self) -> GameServer:
        if self._server is None:
            await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- one connection ---------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        address = str(ws.remote_address[0]) if ws.remote_address else "?"
        session = Session(ws=ws, address=address, limits=self.limits, number=next(self._numbers))
        self.registry.add(session)
        loop = asyncio.get_running_loop()
        timer = loop.call_later(self.limits.hello_timeout, self._hello_timeout, session)
        try:
            async for raw in ws:
                try:
                    await self._receive(session, raw)
                except ProtocolError as exc:
                    push(session, p.error(exc.code, exc.reason, exc.request_id))
        except ConnectionClosed:
            pass
        except Exception:  # the server never dies of a client
            log.exception("connection %s failed", session.describe())
        finally:
            timer.cancel()
            self.registry.remove(session)
            if session.joined and session.table is not None:
                self.registry.send_presence(session.table, self.tables[session.table].roles)

    def _hello_timeout(self, session: Session) -> None:
        if not session.joined:
            self._close(session, "no hello")

    def _close(self, session: Session, reason: str) -> None:
        """Close with 1008 (policy) in the background; the handler keeps draining input."""
        if session.closing:
            return
        session.closing = True
        flush(session.ws)  # what it was sent before (an error saying why) goes first
        task = asyncio.ensure_future(session.ws.close(CLOSE_POLICY, reason))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _receive(self, session: Session, raw: str | bytes) -> None:
        if session.closing:
            return
        if not session.bucket.take():
            session.rate_drops += 1
            if session.rate_drops > self.limits.max_rate_drops:
                log.warning("closing %s: rate limit", session.describe())
                self._close(session, "rate limit")
                return
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, "too many messages; slow down", p.peek_id(raw)
            )
        size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "replace"))
        if size > self.limits.max_message:
            reason = f"message of {size} bytes; the limit is {self.limits.max_message}"
            raise ProtocolError(ErrorCode.TOO_BIG, reason, p.peek_id(raw))
        msg = p.parse(p.decode(raw))
        if isinstance(msg, p.Ping):
            push(session, p.dumps({"type": "pong", "id": msg.id, "now": self.clock()}))
        elif isinstance(msg, p.Hello):
            await self.doorman.hello(session, msg)
            await self._reclaim_bot_seats(session)
        elif not session.joined:
            raise ProtocolError(ErrorCode.NEED_HELLO, "send hello first", msg.id)
        elif isinstance(msg, p.MoveRequest):
            await self._move(session, msg)
        elif isinstance(msg, p.Unlock):
            await self._unlock(session, msg)
        elif isinstance(msg, p.Lock):
            self._lock(session, msg)
        elif isinstance(msg, p.Options):
            self._options(session, msg)
        elif isinstance(msg, p.Sync):
            push(session, p.ack(msg.id))
            self._send_views(session)
        elif isinstance(msg, p.PreviewRequest):
            self._preview(session, msg)
        elif isinstance(msg, p.PlanRequest):
            self._plan(session, msg)
        elif isinstance(msg, p.Unblock):
            self._unblock(session, msg)

    # -- who may act ------------------------------------------------------------

    def _target_table(self, session: Session, wanted: int | None, rid: Any) -> HostedTable:
        if session.facilitator:
            if wanted is None:
                if len(self.tables) == 1:
                    return next(iter(self.tables.values()))
                raise ProtocolError(ErrorCode.BAD_FIELDS, "say which 'table'", rid)
            if wanted not in self.tables:
                raise ProtocolError(ErrorCode.WRONG_TABLE, f"there is no table {wanted}", rid)
            return self.tables[wanted]
        if wanted is not None and wanted != session.table:
            raise ProtocolError(ErrorCode.WRONG_TABLE, "your codes are for another table", rid)
        assert session.table is not None
        return self.tables[session.table]

    def _check_role(self, session: Session, role: str, rid: Any) -> None:
        """The connection holds ``role`` and has it unlocked."""
        if role not in session.roles:
            raise ProtocolError(
                ErrorCode.NOT_YOUR_ROLE, f"this connection does not hold role {role[:40]!r}", rid
            )
        if session.roles[role]:
            raise ProtocolError(
                ErrorCode.PIN_REQUIRED, "this role is locked here; unlock it with its PIN", rid
            )

    async def _move(self, session: Session, req: p.MoveRequest) -> None:
        table = self._target_table(session, req.table, req.id)
        if req.actor == FACILITATOR:
            if not session.facilitator:
                raise ProtocolError(
                    ErrorCode.NOT_FACILITATOR,
                    "only the facilitator may move as facilitator",
                    req.id,
                )
        else:
            self._check_role(session, req.actor, req.id)
        move = Move(req.move, req.actor, dict(req.data))
        await self.runner.apply_move(table, move, session, req.id, req.key)

    # -- views, PIN lock, options, preview ----------------------------------------

    def _send_views(self, session: Session) -> None:
        now = self.clock()
        for n, number in enumerate(session.tables(sorted(self.tables))):
            self.fanout.send_full(session, self.tables[number], now, more=n > 0)

    async def _unlock(self, session: Session, msg: p.Unlock) -> None:
        table = self._target_table(session, msg.table, msg.id)
        if msg.role not in session.roles:
            raise ProtocolError(
                ErrorCode.NOT_YOUR_ROLE, "this connection does not hold that role", msg.id
            )
        if await self.doorman.unlock(session, table, msg.role, msg.pin, msg.id):
            push(session, p.ack(msg.id, table=table.number, version=table.state.version))
            key = (table.number, "player", msg.role)
            self.fanout.send_one(session, table, key, self.clock())

    def _lock(self, session: Session, msg: p.Lock) -> None:
        table = self._target_table(session, msg.table, msg.id)
        if msg.role not in session.roles:
            raise ProtocolError(
                ErrorCode.NOT_YOUR_ROLE, "this connection does not hold that role", msg.id
            )
        session.roles[msg.role] = True
        session.sent.pop((table.number, "player", msg.role), None)
        push(session, p.ack(msg.id, table=table.number, version=table.state.version))

    def _options(self, session: Session, msg: p.Options) -> None:
        if not session.facilitator:
            raise ProtocolError(ErrorCode.NOT_FACILITATOR, "only the console has options", msg.id)
        session.private = msg.private
        push(session, p.ack(msg.id))
        self._send_views(session)

    def _unblock(self, session: Session, msg: p.Unblock) -> None:
        """The facilitator lifts the block of an address (see game.server.joining)."""
        if not session.facilitator:
            raise ProtocolError(ErrorCode.NOT_FACILITATOR, "only the console lifts blocks", msg.id)
        push(session, p.ack(msg.id, lifted=self.doorman.lift(msg.address)))

    def _preview(self, session: Session, req: p.PreviewRequest) -> None:
        """What ``req.package`` is worth to a role this connection holds, unlocked
        (added for the proposal builder, game/tui)."""
        table = self._target_table(session, req.table, req.id)
        self._check_role(session, req.actor, req.id)
        try:
            found = preview(table.state, req.actor, req.package, self.clock())
        except IllegalMove as exc:
            push(session, p.error(exc.code, exc.reason, req.id))
            return
        push(session, p.ack(req.id, table=table.number, preview=found))

    def _plan(self, session: Session, req: p.PlanRequest) -> None:
        """The plan detail (job list, …) of a proposal or package: public, so any
        joined connection of the table may ask (a locked role and a screen too)."""
        table = self._target_table(session, req.table, req.id)
        try:
            found = plan_view(table.state, req.proposal, req.package)
        except IllegalMove as exc:
            push(session, p.error(exc.code, exc.reason, req.id))
            return
        push(session, p.ack(req.id, table=table.number, plan=found))
